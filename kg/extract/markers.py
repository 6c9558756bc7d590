"""How a mention is introduced in its sentence: its "markers".

A frame's role rules (claims.yaml) name the markers they accept: the
preposition or locution right before the mention's noun phrase ("dans",
"aux côtés de", "selon"), ``subject`` / ``object`` by position and parse, and
``demonym`` for an adjective such as "nord-coréens" that qualifies a noun.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import takewhile

from ..profiles import profile
from .doc_memo import once_per_doc
from .mention_words import contractions as _contractions, mention_words

__all__ = ["hangs_on_trigger", "is_outlet", "reports_only", "judging_lemmas",
           "named_owner", "phrase_start", "preceding_words", "markers_of", "subject_tokens_of", "after_preposition", "is_determiner",
           "joins", "coordinated", "contrast_between", "speakers_setting", "in_contrasted_clause"]

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
_MAX_MARKER_TOKENS = 4
_RELATIVE_DEPS = ("acl:relcl",)
_MODIFIER_DEPS = ("compound",)
#: the marker of a place a relative clause of the trigger hangs off ("Erevan, où je suis allée")
RELATIVE_PLACE = "relative_place"
#: the marker of a medium one speaks to ("dans un entretien au quotidien X"): no role takes it
OUTLET = "outlet"
#: the marker of the agent of a participle that qualifies a noun ("les sanctions adoptées par l'UE")
AUTHOR = "author"
#: the complement of an assault noun whose author is named otherwise: who suffers it, in no role
VICTIM = "victim"


def phrase_start(doc, mention) -> int:
    """First token of the noun phrase a mention belongs to.

    A demonym belongs to the noun it qualifies ("les forces russes" starts at
    "les"); a name starts where its determiners start ("la Corée du Nord").
    """
    # asked for each frame, trigger and cue that looks at the mention (six times a
    # mention on dev): found once per Doc, by what the walk back reads of the mention
    return once_per_doc(doc, "kg_phrase_start", (mention.tok_start, mention.tok_end, mention.demonym, mention.cls),
                        _phrase_start, doc, mention)


def _phrase_start(doc, mention) -> int:
    if mention.demonym:
        head = _qualified_by_demonym(doc, mention.tok_start, mention.tok_end)
        if (facet := _facet_of_first_conjunct(doc, head)) is not None:
            return facet
        if head.pos_ in ("NOUN", "PROPN") and head.i < mention.tok_start:
            # "les services de renseignement britanniques": up a bare "de" complement
            while (head.dep_ == "nmod" and head.head.pos_ == "NOUN" and head.head.i < head.i
                   and doc[head.i - 1].lower_ in profile(doc.lang_).words["complement_links"]):
                head = head.head
            start = head.i
            while start > 0 and doc[start - 1].dep_ in ("det", "nummod", "amod") and doc[start - 1].pos_ != "PUNCT":
                start -= 1
            return _count_start(doc, start)  # "un millier de militaires français"
        if head.pos_ in ("NOUN", "PROPN") and head.i > mention.tok_start:
            # a demonym before its noun ("on twelve Belarusian officials", "with some
            # 200 French troops"): the phrase starts at the noun's first modifier, so
            # the preposition before the count introduces the demonym too
            return _modifiers_start(doc, mention.tok_start, head)
    start = mention.tok_start
    if (facet := _facet_of_first_conjunct(doc, _root(doc, mention))) is not None:
        return facet
    if mention.cls == "Person":
        start = _title_start(doc, start)
    nouns, links = _place_words(doc.lang_)
    link = start - 1
    while link > 0 and is_determiner(doc[link]):
        link -= 1  # "dans l'est de la RDC": the state's own determiner stands between
    noun = link - 1
    # (a place noun, not a copula of its form: in "la France est solidaire de X", "est" is no east)
    if noun >= 1 and doc[noun].pos_ == "ADJ" and doc[noun - 1].lower_ in nouns and doc[noun - 1].dep_ not in _VERBAL:
        noun -= 1  # "sur une base aérienne de Pologne"
    if link >= 1 and doc[link].lower_ in links and doc[noun].lower_ in nouns and doc[noun].dep_ not in _VERBAL:
        start = noun
    else:
        start = _facet_start(doc, start, links)
    while start > 0 and doc[start - 1].lower_ in mention_words(doc.lang_)["place_modifiers"]:
        start -= 1
    if start >= 2 and doc[start - 1].lower_ in profile(doc.lang_).words["possessive_endings"]:
        # "to Russia's Kursk region": the possessor's preposition introduces the place
        start -= 2
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            start -= 1
    while start > 0 and is_determiner(doc[start - 1]):
        start -= 1
    return _count_start(doc, start)  # "contre une cinquantaine d'entités russes"


def _count_start(doc, start: int) -> int:
    """A phrase that a number or a count noun counts ("un millier de militaires",
    "une cinquantaine d'entités") starts at the count's own determiners."""
    words = mention_words(doc.lang_)
    if (start >= 2 and doc[start - 1].lower_ in words["place_links"]
            and (doc[start - 2].like_num or doc[start - 2].lower_ in words["count_nouns"])):
        start -= 2
        while start > 0 and is_determiner(doc[start - 1]):
            start -= 1
    return start


#: how a word that cannot be a place noun hangs, whatever its form ("est": east, or is;
#: the tagger calls both AUX)
_VERBAL = frozenset({"cop", "aux", "aux:tense", "aux:pass"})


def _facet_of_first_conjunct(doc, noun) -> int | None:
    """"contre des membres du M23 et de l'armée rwandaise": a complement joined by "et de"
    to one that hangs off an aspect or a representative noun shares that noun's phrase,
    hence its preposition. None elsewhere."""
    if noun.dep_ != "conj" or not doc.has_annotation("DEP"):
        return None
    words = mention_words(doc.lang_)
    if not any(c.dep_ == "case" and c.lower_ in words["place_links"] for c in noun.children):
        return None
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    holder = first.head
    if holder.i >= first.i or holder.lower_ not in words["facet_nouns"] | words["representatives"]:
        return None
    start = holder.i
    while start > 0 and (is_determiner(doc[start - 1]) or (doc[start - 1].like_num and doc[start - 1].pos_ != "ADJ")):
        start -= 1
    return start


def _qualified_by_demonym(doc, index: int, end: int | None = None):
    """The noun a demonym adjective qualifies. The parser sometimes hangs it on a noun
    further back ("des sanctions contre douze responsables biélorusses" -> "sanctions");
    a noun right before it that opens its own prepositional phrase (not a bare "de"
    complement, as in "le ministère de la Défense russe") is the one it qualifies."""
    head = doc[index].head
    # a demonym of several words ("three North Korean officials"): the head of the whole
    while end is not None and index <= head.i < end and head.head.i != head.i:
        head = head.head
    # one joined to another ("des fournisseurs nord-coréens et iraniens"): the noun of the first
    word = doc[index]
    while word.dep_ == "conj" and head.pos_ == "ADJ" and head.dep_ in ("amod", "conj") and head.head.i != head.i:
        word, head = head, head.head
    before = doc[index - 1] if index > 0 else None
    if before is None or before.pos_ != "NOUN" or before.i == head.i or head.i > before.i:
        return head
    links = profile(doc.lang_).words["complement_links"]
    cases = [c for c in before.children if c.dep_ == "case" and c.i < before.i]
    if cases and all(c.lower_ not in links for c in cases):
        return before
    return head


def _modifiers_start(doc, start: int, head) -> int:
    """Walk back from ``start`` over the words of ``head``'s phrase before it (determiners,
    counts and their qualifiers, adjectives), stopping at its preposition or punctuation."""
    while start > doc[start].sent.start:
        before = doc[start - 1]
        # the noun's own preposition ends the phrase; "than" of "more than 20" does not
        if before.is_punct or (before.dep_ == "case" and before.head.i == head.i) or before.i == head.i:
            break
        if head not in before.ancestors:
            break
        start -= 1
    return start


def _facet_start(doc, start: int, links) -> int:
    """"à la souveraineté de l'Ukraine", "à l'intégrité territoriale de la Géorgie": the
    phrase starts at the noun of the state's aspect, so its preposition marks the state."""
    link = start - 1
    while link > 0 and is_determiner(doc[link]):
        link -= 1  # "de l'Ukraine"
    if link < 1 or doc[link].lower_ not in links:
        return start
    words = mention_words(doc.lang_)
    # "contre neuf membres du M23": those who act for a body stand for it, as its aspects do
    facets = words["facet_nouns"] | words["representatives"]
    noun = link - 1
    if noun > 0 and doc[noun].pos_ == "ADJ" and doc[noun - 1].lower_ in facets:
        noun -= 1  # "l'intégrité territoriale de"
    if doc[noun].lower_ not in facets:
        return start
    while noun > 0:
        if doc[noun - 1].pos_ == "ADJ" and doc[noun - 1].is_lower:
            noun -= 1  # "the territorial integrity of"
        elif noun > 1 and doc[noun - 1].lower_ in words["joiners"] and doc[noun - 2].lower_ in facets:
            noun -= 2  # "the sovereignty and territorial integrity of"
        else:
            break
    while noun > 0 and (is_determiner(doc[noun - 1]) or (doc[noun - 1].like_num and doc[noun - 1].pos_ != "ADJ")):
        noun -= 1
    return noun


def _title_start(doc, start: int) -> int:
    """Where the title before a name begins: "du Premier ministre britannique Rishi
    Sunak", "du chef de la diplomatie française, Jean-Noël Barrot"."""
    from .frames import claim_lexicon
    from .phrases import find_phrases

    windows = profile(doc.lang_).windows
    window = max(0, start - windows["title_before"])
    titles = list(find_phrases(doc, doc.lang_, claim_lexicon(doc.lang_).titles, window, start))
    for title_start, title_end, _title in reversed(titles):
        between = doc[title_end:start]
        # "le président turc a félicité X": a verb between makes the title another's
        if (all((t.is_punct or (t.is_lower and t.is_alpha)) and t.pos_ not in ("VERB", "AUX") for t in between)
                and len(between) <= windows["title_gap"]):
            return title_start
    return start


def after_preposition(doc, mention) -> bool:
    """Is the mention's noun phrase introduced by a preposition ("to Russia")?"""
    start = phrase_start(doc, mention)
    return start > 0 and (doc[start - 1].pos_ == "ADP"
                          or doc[start - 1].lower_ in mention_words(doc.lang_)["prepositions"])


def joins(gap, prepositions: frozenset[str] | None = None) -> bool:
    """Is ``gap`` a coordination ("et", ", et", "et à"), not a comma between clauses?

    With ``prepositions``, a comma and one of them also join a list of places
    ("à Djibouti, au Gabon"), and no other preposition may stand in the gap.
    """
    words = [t.lower_ for t in gap]
    if not words:
        return False
    joiners = mention_words(gap.doc.lang_)["joiners"]
    if not all(w in joiners or w == "," or t.pos_ in ("ADP", "DET") for w, t in zip(words, gap)):
        return False
    if prepositions is not None:
        used = [w for w, t in zip(words, gap) if t.pos_ == "ADP"]
        return all(w in prepositions for w in used) and ("," in words or any(w in joiners for w in words))
    return any(w in joiners for w in words)


def coordinated(doc, following, first, prepositions: frozenset[str] | None = None) -> list:
    """Mentions joined to ``first`` by "and" / "et": "according to Seoul and Washington"."""
    joined, end = [], first.tok_end
    for mention in following:
        if not joins(doc[end:phrase_start(doc, mention)], prepositions):
            break
        joined.append(mention)
        end = mention.tok_end
    return joined


def contrast_between(doc, first: int, last: int) -> bool:
    """Does a new clause start between two tokens ("tandis que", "while")?"""
    words = " " + " ".join(t.lower_ for t in doc[first + 1:last]) + " "
    return any(f" {opener} " in words for opener in mention_words(doc.lang_)["clause_openers"])


def is_determiner(token) -> bool:
    """A determiner by the tagger, or by the language's word list when there is no tagger."""
    if token.pos_:  # tagged: "du" is a determiner in "du pétrole", a preposition in "du chef"
        return token.pos_ == "DET"
    return token.lower_.replace("\u2019", "'") in mention_words(token.doc.lang_)["determiners"]


@lru_cache(maxsize=None)
def _count_qualifiers(lang: str) -> frozenset[str]:
    """Words that qualify a count ("près de", "jusqu'à", "entre"), from the quantities lexicon."""
    from ..lexicons import load_lexicon

    data = load_lexicon(lang, "quantities")
    words = [w for key in ("approximate", "at_least", "at_most") for w in data.get(key) or ()]
    words += [pair[0] for pair in data.get("ranges") or () if pair and pair[0]]
    return frozenset(normalise_phrase(w) for w in words)


def _place_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    words = mention_words(lang)
    return words["place_nouns"], words["place_links"]


def preceding_words(doc, start: int, sentence_start: int) -> tuple[str, ...]:
    """The 1..4 words before token ``start``, joined, shortest first (lower case)."""
    # asked again for the same token by each frame and cue: joined once per Doc
    return once_per_doc(doc, "kg_preceding_words", (start, sentence_start), _preceding, doc, start, sentence_start)


def _preceding(doc, start: int, sentence_start: int) -> tuple[str, ...]:
    return tuple(_join(doc[start - size:start]) for size in range(1, min(_MAX_MARKER_TOKENS, start - sentence_start) + 1))


def _join(tokens) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip().lower()
    return text.replace("\u2019", "'")


def normalise_phrase(phrase: str) -> str:
    """A lexicon phrase in the shape ``preceding_words`` produces."""
    return phrase.strip().lower().replace("\u2019", "'")


def markers_of(doc, mention, trigger, sentence, marker_words: frozenset[str]) -> set[str]:
    """The markers that describe ``mention`` relative to the trigger token.

    A marker word of the frame before the noun phrase wins; any other preposition
    ("contre l'armée ukrainienne") marks the mention as a mere complement;
    otherwise the mention is a demonym, a subject or an object.
    """
    if trigger is not None and trigger.i == mention.tok_end and trigger.text in ("-", "–"):
        return {"subject"}  # "against the Iran-backed rebels": Iran backs, whatever comes before
    if trigger is not None and doc.has_annotation("DEP"):
        # no preposition before a possessor is its own: "during Putin's visit", "after Y's launch"
        if _owns(_root(doc, mention), trigger):
            return {"subject"}
        if _owns_judged(_root(doc, mention), trigger):
            return {"owner"}  # "Y's illegal launch": whose act a word judges
        if _victim_of_owned_assault(_root(doc, mention), trigger):
            return {VICTIM}
    if RELATIVE_PLACE in marker_words and _relative_place(doc, mention, trigger):
        return {RELATIVE_PLACE}
    if AUTHOR in marker_words and _author_of_qualified(doc, mention, trigger):
        return {AUTHOR}
    if is_outlet(doc, mention):
        return {OUTLET}
    if _through_representatives(doc, mention, trigger):
        return {"subject"}  # before the marker words: its "de" links it to them, not to the trigger
    if _antecedent_subject(doc, mention, trigger):
        return {"subject"}  # "in coordination with Canada, which also imposed sanctions": its own preposition is another verb's
    start = phrase_start(doc, mention)
    # "du Premier ministre indien": an ordinal is no count, though it looks like a number
    counted = ((doc[start].like_num and doc[start].pos_ != "ADJ")
               or doc[start].lower_ in mention_words(doc.lang_)["count_nouns"])
    contractions = _contractions(doc.lang_)
    shared = _shared_preposition(doc, mention, start)
    if shared is not None:
        return {contractions.get(shared, shared) if shared not in marker_words else shared}
    # the longest marker word wins: "près de Koursk" places, though "de" alone may name an agent
    for words in reversed(preceding_words(doc, start, sentence.start)):
        head, _, last = words.rpartition(" ")
        expanded = f"{head} {contractions[last]}".strip() if last in contractions else words
        for form in (words, expanded):
            # "près de 4 000 soldats": words that qualify a count place nothing;
            # "contre trois responsables" still targets them
            if counted and form in _count_qualifiers(doc.lang_):
                return _unmarked(doc, mention, start, trigger, sentence)
            if form in mention_words(doc.lang_)["adversative"]:
                return {form}  # "face aux ingérences russes": a marker no role takes
            if form in marker_words:
                if _after_adverb(doc, start, sentence, words):
                    # "près de Taïwan", "au large de X": the adverb's locution, which a frame
                    # lists whole where it takes it; not the bare "de" of a complement
                    return {_join(doc[start - 2:start])}
                return {form}
    if start > sentence.start and doc[start - 1].pos_ == "ADP" and not counted:
        return {doc[start - 1].lower_}
    return _unmarked(doc, mention, start, trigger, sentence)


def _after_adverb(doc, start: int, sentence, words: str) -> bool:
    """Is ``words`` a lone "de" that an adverb before it opens ("près de", "loin de")?"""
    return (" " not in words and words in _place_words(doc.lang_)[1] and start - 2 >= sentence.start
            and doc[start - 2].pos_ == "ADV")


def hangs_on_trigger(doc, mention, trigger) -> bool:
    """Does the mention's phrase hang on the trigger (or, for a noun trigger, on the verb
    that takes it), rather than on another noun ("les frappes contre l'Ukraine")?
    Without a parse, it is taken to."""
    if trigger is None or not doc.has_annotation("DEP"):
        return True
    noun = _root(doc, mention)
    if mention.demonym and noun.head.i < mention.tok_start:
        noun = _qualified_by_demonym(doc, mention.tok_start, mention.tok_end)  # "contre les villes ukrainiennes"
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "contre X et Y": as X
    facets = mention_words(doc.lang_)["facet_nouns"]
    while noun.head.lower_ in facets and noun.head.i not in (noun.i, trigger.i):
        noun = noun.head  # "s'oppose à l'adhésion de la Suède": the facet's phrase is the state's
    if noun.head.i == trigger.i and any(c.dep_ == "obj" and trigger.i < c.i < noun.i for c in trigger.children):
        return False  # "a condamné les frappes contre X", read as two complements of the verb
    heads = {trigger.i}
    if trigger.pos_ in ("NOUN", "PROPN"):
        verb = _governor(trigger)
        if verb is not None:
            heads.add(verb.i)
    if noun.head.pos_ == "ADV" and noun.head.dep_ == "advmod" and noun.head.i < noun.i:
        noun = noun.head  # "a protesté auprès de la Chine": the locution's adverb hangs on the trigger
    return noun.head.i in heads


def is_outlet(doc, mention) -> bool:
    """"Dans un entretien accordé au quotidien X", "interrogé par la chaîne Y": the medium
    an interview is given to (an organisation no gazetteer ties to a state, after a cue of
    mentions.yaml ``outlet_cues``, past a noun such as "quotidien", or addressed by a speech
    verb through ``outlet_links``) neither speaks nor is spoken of."""
    if mention.cls != "Organization" or (mention.state is not None and mention.kind != "ner"):
        return False  # a state's body ("un entretien au Kremlin") is a place, or speaks
    words = mention_words(doc.lang_)
    start = phrase_start(doc, mention)
    while start > 0 and (doc[start - 1].lower_ in words["outlet_nouns"] or is_determiner(doc[start - 1])):
        start -= 1
    if any(form in words["outlet_cues"] for form in preceding_words(doc, start, doc[mention.tok_start].sent.start)):
        return True
    # "a déclaré X au quotidien Y": whom a speech verb addresses, by the language's link words
    root = _root(doc, mention)
    return (doc.has_annotation("DEP") and root.head.lemma_.lower() in speech_verbs(doc.lang_)
            and any(c.dep_ == "case" and c.lower_ in words["outlet_links"] for c in root.children))


def reports_only(doc, mention) -> bool:
    """"Poland condemned the strikes, Reuters reported": a news organisation (of no state)
    that reports a statement (a verb of mentions.yaml ``reporting_verbs``) is its source,
    not one of its speakers."""
    if mention.cls != "Organization" or mention.state is not None or not doc.has_annotation("DEP"):
        return False
    root, verb = _root(doc, mention), _root(doc, mention).head
    if verb.lemma_.lower() not in mention_words(doc.lang_)["reporting_verbs"]:
        return False
    # "..., rapporte l'AFP": an inverted subject after the verb of an incise, read as its object
    inverted = root.dep_ == "obj" and verb.i < root.i and verb.i > 0 and doc[verb.i - 1].text == ","
    return root.dep_.startswith("nsubj") or inverted


@lru_cache(maxsize=None)
def speech_verbs(lang: str) -> frozenset[str]:
    """Every lemma of the attribution lexicon's speech verbs (``verbs`` and ``incise_verbs``)."""
    from .frames import attribution_lexicon

    lexicon = attribution_lexicon(lang)
    return frozenset(v for verbs in lexicon.verbs.values() for v in verbs) | lexicon.incise_verbs


def _author_of_qualified(doc, mention, trigger) -> bool:
    """"a dénoncé les sanctions adoptées par l'UE": the agent of a participle that qualifies
    a noun (not of the trigger itself) is the author of the act that noun names."""
    if trigger is None or not doc.has_annotation("DEP"):
        return False
    root = _root(doc, mention)
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "par X et Y"
    participle = root.head
    marks = profile(doc.lang_).words.get("agent_marks", frozenset())
    agent = root.dep_ == "obl:agent" or (root.dep_.startswith("obl") and any(
        c.dep_ == "case" and c.lower_ in marks for c in root.children))
    if (root.dep_ == "nmod" and participle.pos_ == "NOUN" and participle.dep_ == "obj" and participle.head.i == trigger.i
            and any(c.dep_ == "case" and c.lower_ in marks for c in root.children)):
        return True  # "a condamné le tir d'un missile par la Corée du Nord": the act noun's own agent
    return (agent and participle.i != trigger.i and participle.dep_ == "acl"
            and participle.head.pos_ in ("NOUN", "PROPN"))


def _shared_preposition(doc, mention, start: int) -> str | None:
    """"entre la France et les Émirats", "contre l'Ukraine et la Moldavie": a name joined by
    "et" to one a preposition introduces shares that preposition (a single word: "aux côtés
    de X et Y" is left to the rules that read lists)."""
    if mention.demonym or start == 0 or not doc.has_annotation("DEP"):
        return None
    if doc[start - 1].lower_ not in mention_words(doc.lang_)["joiners"]:
        return None
    first = _root(doc, mention)
    if first.dep_ != "conj" or (mention.tok_end < len(doc) and doc[mention.tok_end].pos_ in ("VERB", "AUX")):
        return None  # "to Romania and Bulgaria hosts the battlegroup": a new clause's subject
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    cases = [c for c in first.children if c.dep_ == "case" and c.i < first.i]
    if len(cases) != 1 or cases[0].pos_ != "ADP" or any(c.dep_ == "fixed" for c in cases[0].children):
        return None
    return cases[0].lower_


def _through_representatives(doc, mention, trigger) -> bool:
    """"The leaders of Japan and Korea signed", "les ministres du Japon ... sont convenus":
    states named after the subject's representatives (``representatives`` in
    mentions.yaml) act through them, as their subject."""
    if trigger is None or not doc.has_annotation("DEP"):
        return False
    anchor = doc[mention.tok_start:mention.tok_end].root
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i and anchor.head.dep_ in ("conj", "nmod"):
        anchor = anchor.head  # "of Japan and South Korea": as the first one
    # "et de la Corée" is often parsed as a conjunct of the representatives themselves
    holder = anchor.head
    words = mention_words(doc.lang_)
    representatives = words["representatives"]
    links = set(words["place_links"]) | {"des"}
    def linked(noun) -> bool:  # "of X", "de la Défense": a complement, not a place ("en visite à Paris")
        return any(c.dep_ == "case" and c.lower_ in links for c in noun.children)

    for _ in range(2):  # through their portfolio: "les ministres des Affaires étrangères de l'UE"
        if holder.lower_ in representatives or holder.dep_ != "nmod" or not linked(holder):
            break
        holder = holder.head
    return (anchor.dep_ in ("nmod", "conj") and any(c.dep_ == "case" for c in anchor.children)
            and holder.lower_ in representatives and holder.i in _trigger_subject(trigger)
            and (holder.i == anchor.head.i or linked(anchor)))


def _relative_place(doc, mention, trigger) -> bool:
    """"Erevan, où je suis allée": does the trigger's relative clause hang off the mention
    through a relative adverb of place ("où")? The mention is then where the act happens."""
    if not doc.has_annotation("DEP"):
        return False
    words = mention_words(doc.lang_)["relative_places"]
    adverb = next((c for c in trigger.children if c.lower_ in words and c.i < trigger.i), None)
    if adverb is None:
        return False
    if trigger.dep_.startswith("acl") and mention.tok_start <= trigger.head.i < mention.tok_end:
        return True
    # the parser may hang the clause elsewhere: the name right before the adverb, then
    between = doc[mention.tok_end:adverb.i]
    return mention.tok_end <= adverb.i and all(t.is_punct and t.text == "," for t in between) and len(between) <= 1


def _unmarked(doc, mention, start: int, trigger, sentence) -> set[str]:
    """Markers of a mention no marker word introduces: demonym, subject or object."""
    if not doc.has_annotation("DEP"):
        read = _WORD_ORDER[profile(doc.lang_).word_order.strategy]
        return read(doc, mention, start, trigger, sentence)
    anchor = doc[mention.tok_start]
    if mention.demonym and anchor.head.i < mention.tok_start:
        anchor = anchor.head
    else:
        anchor = doc[mention.tok_end - 1] if is_determiner(doc[mention.tok_start]) else _root(doc, mention)
    # a demonym after a verb qualifies its object ("a remercié le peuple nord-coréen"),
    # after a noun the noun itself ("le soutien russe")
    verbal = trigger is not None and trigger.pos_ in ("VERB", "AUX") and start > trigger.i
    markers = {"demonym"} if ((mention.demonym and not verbal and _qualifies_trigger(anchor, trigger))
                              or _names_before(anchor, trigger)) else set()
    if trigger is None:
        return markers
    # the noun a demonym or a state's name set before it qualifies ("hosts 10,000
    # American troops", "U.S. troops")
    qualified = anchor.head if anchor.dep_ in ("amod", "compound") and anchor.head.i > anchor.i else anchor
    as_demonym = mention.demonym or (qualified is not anchor and anchor.dep_ == "compound" and mention.cls == "Country")
    if as_demonym and verbal and qualified.head.i == trigger.i and _bare_object(qualified):
        markers.add("object-demonym")  # "a reçu des obus nord-coréens": whose the object is
    if anchor.i in _trigger_subject(trigger):
        markers.add("subject")
    elif _object_of_governor(anchor, trigger):
        markers.add("object")
    elif _just_before(doc, mention, start, trigger):
        markers.add("subject")
    elif (start > trigger.i and mention.kind != "pronoun" and not _subject_of_next_clause(anchor, trigger)
          and not _subject_of_relative(anchor, trigger) and not _in_reason_clause(anchor, trigger)
          and not _object_of_other_verb(anchor, trigger) and not _object_of_complement(anchor, trigger)
          and not _in_coordinated_clause(anchor, trigger) and not _after_relative_clause(anchor, trigger)
          and not _inside_relative_clause(anchor, trigger) and not _inside_marked_clause(anchor, trigger)
          and not _subject_of_adverbial(anchor) and not _in_clause_beyond_noun(anchor, trigger)
          and not _in_complement_of_transitive(anchor, trigger)
          and not (mention.demonym and _conjunct_after_preposition(doc[mention.tok_start]))):
        markers.add("object")  # (a subject pronoun, "Ukraine said it was alarmed", is no object)
    return markers


def _conjunct_after_preposition(token) -> bool:
    """"travelled to X with his Estonian and Latvian counterparts": a conjunct whose first
    conjunct (or the noun it qualifies) a preposition introduces shares that preposition;
    it is no object (asked of demonyms)."""
    if token.dep_ != "conj":
        return False
    first = token.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    noun = first.head if first.dep_ in ("amod", "compound", "nmod:poss") else first
    return any(c.dep_ == "case" for c in noun.children)


def _in_complement_of_transitive(anchor, trigger) -> bool:
    """"urged Delhi to stop buying Russian oil": a name inside the clause that completes a
    verb whose object is a name already is that clause's, no second object of the verb
    (not after a common noun: "a critiqué la décision de Hanoï d'accueillir le dirigeant
    russe", where the parser hangs the noun's infinitive on the verb)."""
    if trigger.pos_ != "VERB" or not any(c.dep_ == "obj" and c.i < anchor.i and c.pos_ in ("PROPN", "PRON")
                                         for c in trigger.children):
        return False
    clause = next((t for t in anchor.ancestors if t.head.i == trigger.i and t.i != trigger.i), None)
    return clause is not None and clause.dep_ in ("xcomp", "ccomp") and clause.pos_ in ("VERB", "AUX")


def _in_clause_beyond_noun(anchor, trigger) -> bool:
    """"Speaking during a visit to Kyiv, X said Germany backs Y", "X, on a visit to Beijing,
    said China should press Russia": a name in a clause of the verb that governs a noun
    trigger, where the noun is no object of that verb (it is in the subject's phrase or a
    setting), is what the verb says, no object of the noun ("imposed sanctions on X,
    targeting Y" keeps Y)."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.left_edge.i <= anchor.i <= trigger.right_edge.i:
        return False
    noun = trigger
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        noun = noun.head
    governor = _governor(trigger)
    if governor is None or noun.dep_ in ("obj", "iobj", "obl:arg"):
        return False
    # the clause under the governor (or a verb above it: "Speaking during a visit to X, Y
    # said Z...") that holds the name, whatever its head ("said Washington was concerned")
    above = {governor.i, *(t.i for t in governor.ancestors)}
    clause = next((t for t in (anchor, *anchor.ancestors) if t.head.i in above and t.head.i != t.i), None)
    return (clause is not None and clause.dep_ in ("ccomp", "parataxis")
            and not clause.left_edge.i <= trigger.i <= clause.right_edge.i)


def _subject_of_adverbial(anchor) -> bool:
    """"the 19th aid package since the Russian invasion began": the subject of a clause
    a conjunction subordinates (time, reason) is that clause's, no object of the trigger."""
    noun = anchor.head if anchor.dep_ in ("amod", "compound", "nmod:poss") else anchor  # "the Russian invasion"
    verb = noun.head
    return (noun.dep_ in ("nsubj", "nsubj:pass") and verb.dep_ == "advcl"
            and any(c.dep_ == "mark" for c in verb.children))


def _bare_object(noun) -> bool:
    """The verb's object, or a noun phrase with no preposition the parser read as an
    adverbial ("a tiré sur l'Ukraine au moins 24 missiles iraniens")."""
    return noun.dep_ == "obj" or (noun.dep_.startswith("obl") and not any(c.dep_ == "case" for c in noun.children))


def _subject_of_next_clause(anchor, trigger) -> bool:
    """"Iran delivered missiles to Russia, and South Korea said": the subject of a clause
    coordinated to the trigger's is no object of it (a subordinate clause's subject may
    be: "estimant que le pouvoir russe réservait..."). So is a name inside that subject:
    "« ... », a affirmé le chancelier allemand X" (the speaker's title, not his object)."""
    while anchor.dep_ in _INSIDE_NOUN_PHRASE and anchor.head.i != anchor.i and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head
    verb = anchor.head
    return anchor.dep_ in _SUBJECT_DEPS and verb.dep_ in ("conj", "parataxis") and verb.head.i == trigger.i


#: how a word hangs inside a noun phrase (the parser may read a title before a name as its adjective)
_INSIDE_NOUN_PHRASE = frozenset({"amod", "compound", "flat", "flat:name", "nmod", "appos"})


@lru_cache(maxsize=None)
def judging_lemmas(lang: str) -> frozenset[str]:
    """The verbs by which one judges (the lemmas of the statement frames)."""
    from ..claim_types import claim_type
    from .frames import claim_lexicon

    return frozenset(w for f in claim_lexicon(lang).frames if claim_type(f.type).speech_about for w in f.lemmas)


def _object_of_complement(anchor, trigger) -> bool:
    """"urged Russia to release Ivan Petrov", "a félicité X d'avoir battu Y": the object of
    the infinitive that completes the trigger is what is asked or praised, not whom."""
    noun = anchor
    while noun.dep_ in ("appos", "flat", "flat:name") and noun.head.i < noun.i:
        noun = noun.head  # "the journalist Ivan Petrov", "le président Mohamed Bazoum"
    verb = noun.head
    if noun.dep_ != "obj" or not any("Inf" in t.morph.get("VerbForm")
                                     for t in (verb, *(c for c in verb.children if c.dep_.startswith("aux")))):
        return False
    if verb.dep_ == "xcomp":
        return verb.head.i == trigger.i
    # "a appelé les autorités à libérer X": the parser may hang the infinitive on the object
    return verb.dep_ == "acl" and verb.head.dep_ == "obj" and verb.head.head.i == trigger.i


def _object_of_other_verb(anchor, trigger) -> bool:
    """"son soutien aux efforts de paix, sans condamner Moscou": the object of another verb
    that judges (not the trigger, nor the verb that takes a noun trigger) is that verb's."""
    verb = anchor.head
    if anchor.dep_ not in ("obj", "iobj") or verb.pos_ != "VERB" or verb.i == trigger.i:
        return False
    governor = _governor(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    if governor is not None and verb.i == governor.i:
        return False
    if verb.lemma_.lower() in judging_lemmas(verb.doc.lang_):
        return True
    # "des sanctions à des sociétés accusées d'aider la Russie": the object of a verb in a
    # participle clause that qualifies a noun is that clause's
    for word in (verb, *verb.ancestors):
        if word.i == trigger.i or (governor is not None and word.i == governor.i):
            return False
        if word.dep_ == "acl":
            # (not the trigger's own clause: "its commitment to defend the Philippines")
            return word.head.i != trigger.i
    return False


def _in_coordinated_clause(anchor, trigger) -> bool:
    """"discussed cooperation with X and condemned Y's launches", "X said her party backed
    the plan, but Y criticised Z": a name under a verb coordinated after the trigger's
    own, which does not hold the trigger, is that verb's, not the trigger's object."""
    # "thanked X for its support but said Kyiv still needed...": the coordinated verb may
    # stand higher up, over the clause it reports
    return any(verb.pos_ in ("VERB", "AUX") and verb.dep_ == "conj" and trigger.i < verb.i
               for verb in heads_apart(anchor, trigger))


def heads_apart(anchor, trigger):
    """The heads above ``anchor``, from the nearest, up to the first that is the trigger or
    holds it: the clauses ``anchor`` stands in that do not hold the trigger."""
    above = {a.i for a in trigger.ancestors} | {trigger.i}
    return takewhile(lambda head: head.i not in above, anchor.ancestors)


def relative_elsewhere(trigger, verb) -> bool:
    """"X s'est rendu à Varsovie, où il a assuré la Pologne de...": a speech verb in a
    relative clause speaks of what the clause holds, not of the act it hangs off."""
    if not trigger.doc.has_annotation("DEP"):
        return False
    lang = trigger.doc.lang_
    # (the parser may hang such a clause as an adverbial, its "où" a mere dependent)
    openers = profile(lang).words.get("relative_pronouns", frozenset()) | mention_words(lang)["relative_places"]
    for token in (verb, *verb.ancestors):
        if token.dep_ == "acl:relcl" or any(c.i == token.left_edge.i and c.lower_ in openers for c in token.children):
            # (only an act before the clause: the parse of a long clause may leave its
            # own words outside its subtree; and not a clause on the whole act before it:
            # ", ce qu'a affirmé le Pentagone")
            return trigger.i < token.left_edge.i and token.head.pos_ != "PRON"
    return False



def coordinated_with_own_subject(trigger, verb) -> bool:
    """Is the trigger's clause coordinated to ``verb`` itself, with a subject of its own
    ("X said ..., but Y criticised Z": Y's act, which X's speech does not report)?"""
    if not trigger.doc.has_annotation("DEP"):
        return False
    clause = next((t for t in (trigger, *trigger.ancestors) if t.head.i == verb.i), None)
    return (clause is not None and clause.i != verb.i and clause.dep_ == "conj"
            and any(c.dep_.startswith("nsubj") for c in clause.children))


def in_contrasted_clause(trigger, verb) -> bool:
    """Does ``verb`` stand in a clause a contrast opens that does not hold the trigger
    ("X criticised the trip, while Y said ...")? Its speaker reports nothing of the
    trigger's act (a relative clause's speaker: relative_elsewhere)."""
    if not trigger.doc.has_annotation("DEP"):
        return False
    openers = mention_words(trigger.doc.lang_)["clause_openers"]
    clause = next((t for t in (verb, *verb.ancestors) if t.dep_ == "advcl"), None)
    return (clause is not None and not clause.left_edge.i <= trigger.i <= clause.right_edge.i
            and any(c.dep_ == "mark" and c.lower_ in openers for c in clause.children))


def speakers_setting(trigger, verb) -> bool:
    """Does the trigger tell where the speaker of ``verb`` stands, not what the speaker
    says? "Visiting Tokyo, X said the alliance...", "X said on a visit to Tokyo that...",
    "Speaking during a trip to Y, X said...", "X, on a visit to Beijing, said...": the
    visit is the speaker's own act, which the speech neither reports nor sources. Only
    where the verb says something else (a clause, a quotation): "reported on the
    deployment" reports the deployment."""
    doc = trigger.doc
    if not doc.has_annotation("DEP") or trigger.i == verb.i:
        return False
    path = [trigger]
    while path[-1].head.i != verb.i:
        if path[-1].head.i == path[-1].i:
            return False
        path.append(path[-1].head)
    top = path[-1]
    if top.dep_ in _SUBJECT_DEPS:
        return top.i != trigger.i  # in the speaker's own phrase, "X, on a visit to Y, said"
    if not _says_something_else(verb, top):
        return False
    prepositions = mention_words(doc.lang_)["setting_prepositions"]
    return all(_setting_step(token, prepositions) for token in path)


def _setting_step(token, prepositions) -> bool:
    """A participle with no subject of its own ("Visiting Tokyo", "Speaking in Y"), or a
    noun a setting preposition opens ("during a visit")."""
    if token.pos_ in ("VERB", "AUX"):
        return (token.dep_ == "advcl" and bool({"Part", "Ger"} & set(token.morph.get("VerbForm")))
                and not any(c.dep_.startswith("nsubj") for c in token.children))
    return token.dep_.startswith(("obl", "nmod")) and any(
        c.dep_ == "case" and c.lower_ in prepositions for c in token.children)


def _says_something_else(verb, clause) -> bool:
    """Does the speech verb take a clause other than ``clause`` (what it says), or stand as
    an incise on one ('"...," X said')? A clause "that" opens counts wherever the parser
    hung it ("said on a visit to X that NATO would...", read as the visit's relative clause)."""
    return verb.dep_ in ("parataxis", "ccomp") or any(
        c.dep_ in ("ccomp", "parataxis", "xcomp") and c.i != clause.i for c in verb.children) or any(
        c.dep_ == "mark" and c.lower_ in mention_words(verb.doc.lang_)["complementizers"] and c.head.i != verb.i
        for c in verb.subtree)


def _inside_marked_clause(anchor, trigger) -> bool:
    """"X warned against dividing the West", "deployed troops after Y attacked Z": a name
    inside an adverbial clause of the trigger that a subordinating word opens is that
    clause's, no object of the trigger."""
    clause = next((t for t in anchor.ancestors if t.head.i == trigger.i and t.i != trigger.i), None)
    if clause is None or clause.dep_ != "advcl":
        return False
    # "visited Kyiv, where he met Ukrainian Defence Minister X": "where" opens it too
    return any(c.dep_ == "mark" and c.i < clause.i for c in clause.children) or _where_clause(clause)


def _where_clause(clause) -> bool:
    """Does a relative adverb of place ("where") open the clause, which has a subject of its own?"""
    where = mention_words(clause.doc.lang_)["relative_places"]
    return (any(c.lower_ in where and c.i < clause.i for c in clause.children)
            and any(c.dep_ in _SUBJECT_DEPS for c in clause.children))


def _inside_relative_clause(anchor, trigger) -> bool:
    """"hosted 18 leaders, including X, who had arrived after a meeting with Y": a name a
    preposition introduces inside a relative clause that does not hold the trigger is no
    object of it ("individuals designated, which include the Georgian minister" keep theirs)."""
    clause = next((t for t in anchor.ancestors if t.dep_ in _RELATIVE_DEPS), None)
    # "flew to Beijing, where he met Chinese President X": a clause "where" opens, with a
    # subject of its own, holds its own objects, however they are introduced
    own_subject = clause is not None and _where_clause(clause)
    return (clause is not None and not (clause.left_edge.i <= trigger.i <= clause.right_edge.i)
            and (own_subject or any(c.dep_ == "case" for c in anchor.children)))


def _after_relative_clause(anchor, trigger) -> bool:
    """"X, who visited Chisinau last week, said Bucharest backed...", "X, who is on a visit
    to Moscow, said Beijing...": a name after the relative clause the trigger stands in
    is outside it, no object of the trigger."""
    clause = next((t for t in (trigger, *trigger.ancestors) if t.dep_ in _RELATIVE_DEPS), None)
    return clause is not None and anchor.i > clause.right_edge.i


def _antecedent_subject(doc, mention, trigger) -> bool:
    """Is the mention the antecedent of the relative clause of the trigger, whose relative
    pronoun is its subject ("along with the EU, which also adopted sanctions")?"""
    if trigger is None or not doc.has_annotation("DEP"):
        return False
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("obj", "obl:arg"):
        verb = trigger.head  # "which also imposed sanctions": the verb that takes the noun
    if verb.dep_ != "acl:relcl" or not mention.tok_start <= verb.head.i < mention.tok_end:
        return False
    return any(c.dep_.startswith("nsubj") and c.tag_ in ("WDT", "WP") for c in verb.children)


def _subject_of_relative(anchor, trigger) -> bool:
    """"an embargo that Russia voted for": the subject of a clause on the trigger's noun
    is no object of it."""
    verb = anchor.head
    if anchor.dep_ not in _SUBJECT_DEPS or verb.dep_ != "acl:relcl":
        return False
    # nor of one on a noun set off by a comma, that does not hold the trigger ("sent tanks
    # to X, a decision Moscow condemned": Moscow receives nothing; "son soutien aux
    # garanties que la Russie réclame" keeps Russia)
    # (or a clause set off by one: "approved an arms sale to X, which China opposed")
    noun = verb.head
    doc = noun.doc
    set_off = any(i > 0 and doc[i - 1].text == "," for i in (noun.left_edge.i, verb.left_edge.i))
    inside = noun.left_edge.i <= trigger.i <= noun.right_edge.i and not verb.left_edge.i > trigger.i
    return verb.head.i == trigger.i or (set_off and not inside)


def _governor(trigger):
    """The verb a noun trigger depends on ("a assuré la Russie de son soutien")."""
    head = trigger
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _object_of_governor(anchor, trigger) -> bool:
    """"Il a assuré la Russie de son soutien": the verb's object is the noun trigger's object;
    so is it of a phrase that starts with an adjective ("provided Kyiv with a new military
    aid package": Kyiv receives, it is no subject of "military aid")."""
    if trigger.pos_ not in ("NOUN", "PROPN") and not (trigger.pos_ == "ADJ" and trigger.dep_ == "amod"):
        return False
    verb = _governor(trigger)
    return verb is not None and anchor.dep_ in ("obj", "iobj") and anchor.head.i == verb.i


def _just_before(doc, mention, start: int, trigger) -> bool:
    """The parse may miss a subject: a noun phrase before the trigger, introduced by
    no preposition, with no other verb in between ("le chef d'état-major russe,
    Valéri Guérassimov, avait salué") is its subject too; for a noun the verb
    takes as object, the subject of that verb."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("obj", "obl:arg"):
        trigger = _governor(trigger) or trigger  # "Xi Jinping a achevé une visite": up to the verb
    if start >= trigger.i or after_preposition(doc, mention) or _modifies_other(_root(doc, mention), trigger):
        return False
    if _object_elsewhere(_root(doc, mention), trigger):
        return False  # "met X in Kyiv, days after U.S. officials held talks": X is met, held has its subject
    root = _root(doc, mention)
    if any(a.dep_ == "appos" and a.pos_ == "NOUN" and a.head.dep_.startswith("nsubj") for a in root.ancestors):
        return False  # "Turkey, a NATO member, signed": what qualifies the subject's apposition acts not
    verb = next((t for t in root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.i != trigger.i and verb.dep_ in _RELATIVE_DEPS:
        return False  # "X, who visited Washington last year, praised Y": the clause's, not the subject
    if (trigger.dep_ == "conj" and verb is not None and verb.i == trigger.head.i
            and not root.dep_.startswith("nsubj") and root.head.i != trigger.i):
        # "X welcomed Y to London and thanked Z", "X spoke to his counterpart Y and
        # reaffirmed...": a complement of the verb the trigger is coordinated with is no
        # subject ("accused Y of supplying" keeps Y)
        return False
    between = doc[mention.tok_end:trigger.i]
    # a "verb" right after a determiner is a mis-tagged noun ("pour sa part")
    verbs = [t for t in between if t.pos_ == "VERB" and not t.dep_.startswith("aux")
             and not (t.i > 0 and doc[t.i - 1].pos_ == "DET")]
    return not verbs and not any(t.text in (";", ":") for t in between)


def _object_elsewhere(root, trigger) -> bool:
    """Is ``root`` the object of another verb, while the trigger has a subject of its own?"""
    return (root.dep_ in ("obj", "iobj") and root.head.i != trigger.i and root.head.pos_ == "VERB"
            and any(c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN") for c in trigger.children))


def _modifies_other(root, trigger) -> bool:
    """"the first G7 country to conclude": the modifier of a noun that is neither the
    trigger's subject nor the noun it qualifies ("U.S. forces based in") is no subject."""
    if root.dep_ == "nmod:poss" and root.head.dep_ == "appos":
        return True  # the owner an apposition names: "Russia, Armenia's ally, has"
    if root.dep_ not in _MODIFIER_DEPS:
        return False
    noun = root.head
    return noun.i != trigger.head.i and noun.i not in _trigger_subject(trigger)


def _trigger_subject(trigger) -> frozenset[int]:
    """Tokens of the trigger's subject: its own, the one of the verb it depends on
    ("la France s'engage à fournir"), or for a noun, the subject of the verb that
    takes it ("Washington a critiqué la décision")."""
    # asked for each mention a trigger's roles weigh: found once per trigger
    return once_per_doc(trigger.doc, "kg_trigger_subject", trigger.i, _find_trigger_subject, trigger)


def _find_trigger_subject(trigger) -> frozenset[int]:
    if trigger.pos_ in ("NOUN", "PROPN", "ADJ") and not trigger.dep_.startswith("nsubj"):
        verb = _governor(trigger)
        if verb is None or _someone_elses(trigger, verb) or _in_apposition(trigger, verb):
            return frozenset()
        return frozenset(subject_tokens_of(verb))
    return frozenset(subject_tokens_of(trigger))


def _in_apposition(noun, verb) -> bool:
    """"sent batteries to Poland, a hub for arms deliveries to Ukraine": a noun inside an
    apposition describes; the verb's subject does not do it."""
    return any(a.dep_ == "appos" for a in [noun, *noun.ancestors] if verb in a.ancestors)


def _names_before(anchor, trigger) -> bool:
    """"the U.S.-Japan alliance", "the Kyiv-Warsaw partnership": names set before a noun
    trigger qualify it as a demonym does."""
    if trigger is None or trigger.pos_ not in ("NOUN", "PROPN") or anchor.dep_ != "compound":
        return False
    word = anchor
    while word.dep_ == "compound" and word.head.i != word.i and word.i < trigger.i:
        word = word.head
        if word.i == trigger.i:
            return True
    return False


def _owns_judged(anchor, trigger) -> bool:
    """Is ``anchor`` the named possessor of the noun an adjective trigger qualifies
    ("Y's illegal and destabilizing launch")?"""
    word = trigger
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    if trigger.pos_ != "ADJ":
        return False
    if word.dep_ != "amod":
        # "Japan's remarks were irresponsible": the possessor of the predicate's subject
        # (the copula heads the clause in some parses, the adjective in others)
        clause = word if any(c.dep_ == "cop" for c in word.children) else (
            word.head if word.dep_ in ("xcomp", "acomp") and word.head.pos_ == "AUX" else None)
        return (clause is not None and _owner_of(anchor) and anchor.head.dep_ == "nsubj"
                and anchor.head.head.i == clause.i)
    if _owner_of(anchor) and anchor.head.i == word.head.i:
        return True
    # "Russia continues its illegal war", "the X regime pursues its brutal crackdown": a
    # possessive pronoun owns the act for its clause's subject (or who qualifies it)
    act = word.head
    if not any(c.dep_ == "nmod:poss" and c.pos_ == "PRON" for c in act.children) or act.dep_ not in ("obj", "nsubj"):
        return False
    subject = anchor if anchor.dep_.startswith("nsubj") else (
        anchor.head if anchor.dep_ in ("compound", "amod", "nmod:poss") and anchor.head.dep_.startswith("nsubj") else None)
    return subject is not None and act.dep_ == "obj" and subject.head.i == act.head.i


def _victim_of_owned_assault(anchor, trigger) -> bool:
    """"condemned Russia's invasion of Ukraine", "l'invasion russe de l'Ukraine": the
    complement of an assault noun (``assault_nouns``) whose author is named otherwise (a
    possessor, an adjective, an agent) is who suffers the act, in no role of the statement."""
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "invasion of Ukraine and Georgia"
    act = anchor.head
    if (anchor.dep_ != "nmod" or act.i == trigger.i or act.i > anchor.i
            or act.lemma_.lower() not in mention_words(anchor.doc.lang_)["assault_nouns"]):
        return False
    words = profile(anchor.doc.lang_).words
    if not any(c.dep_ == "case" and c.lower_ in words["complement_links"] for c in anchor.children):
        return False
    marks = words.get("agent_marks", frozenset())
    return any(c.dep_ == "nmod:poss" or (c.dep_ == "amod" and c.pos_ == "ADJ")
               or (c.dep_ == "nmod" and c.i > anchor.i and any(m.dep_ == "case" and m.lower_ in marks for m in c.children))
               for c in act.children if c.i != anchor.i)


def _owner_of(anchor) -> bool:
    """Does ``anchor`` own the noun it hangs on: a possessor ("Russia's"), or a bare noun
    complement ("l'agression de la Russie": the profile's complement_links)?"""
    if anchor.dep_ == "nmod:poss":
        return True
    links = profile(anchor.doc.lang_).words["complement_links"]
    return anchor.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in links for c in anchor.children)


def _owns(anchor, trigger) -> bool:
    """"Putin's first visit to X": a named possessor is who acts."""
    return anchor.dep_ == "nmod:poss" and anchor.head.i == trigger.i and named_owner(trigger)


def named_owner(noun) -> bool:
    """Does a named possessor own the act a noun names ("Pyongyang's support")?"""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "nmod:poss" and c.pos_ == "PROPN" for c in noun.children)


def _someone_elses(noun, verb) -> bool:
    """Is the act a noun names someone else's than the subject of its verb? "Kirby said
    it escalates Pyongyang's support for Moscow": a named possessor's. "X received Y
    during his visit": a noun with a possessive pronoun, beside a verb whose object
    is a person's name, may be that one's ("met officials during his visit", "during his
    stop there, X signed the Y Agreement" keep their subject)."""
    owners = [c for c in noun.children if c.dep_ == "nmod:poss"]
    if named_owner(noun):
        return True
    people = _person_labels(noun.doc.lang_)
    return (noun.dep_ not in ("obj", "obl:arg")
            and any(c.pos_ == "PRON" for c in owners)
            and any(c.dep_ == "obj" and c.ent_type_ in people for c in verb.children))


@lru_cache(maxsize=None)
def _person_labels(lang: str) -> frozenset[str]:
    """The NER labels of the language's model that name people (asked per trigger and mention)."""
    return frozenset(label for label, cls in profile(lang).labels.entities.items() if cls == "Person")


def in_quotation(doc, i: int) -> bool:
    """Does token ``i`` stand inside a quotation opened earlier in its sentence?"""
    marks = profile(doc.lang_).text.opening_quotes | profile(doc.lang_).text.closing_quotes
    return sum(1 for t in doc[doc[i].sent.start:i] if t.text in marks) % 2 == 1


_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "(", ")"})


def _qualifies_trigger(noun, trigger) -> bool:
    """Does a demonym's noun take part in the trigger's clause ("soldats nord-coréens
    sont déployés", "le soutien russe"), rather than a clause of its own?"""
    if trigger is None:
        return True
    heads = {trigger.i, trigger.head.i}
    # "membres des forces spéciales nord-coréennes": up a short chain of nouns
    chain = [noun, noun.head]
    if noun.dep_ == "amod":
        chain.append(noun.head.head)  # "British soldiers of a new unit arrived": the adjective's noun, then up
    linked = any(t.i in heads for t in chain) or (noun.dep_ == "conj" and noun.head.head.i in heads)
    return linked or abs(noun.i - trigger.i) <= 3


def _cut_off_auxiliary(verb):
    """"La Turquie a de son côté livré des drones": a participle with no auxiliary of
    its own, under an auxiliary verb the parser took for the sentence's verb, acts
    with that auxiliary's subject."""
    if "Part" not in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children):
        return None
    auxiliaries = profile(verb.doc.lang_).words.get("auxiliaries", frozenset())
    auxiliary = next((a for a in verb.ancestors if a.lemma_.lower() in auxiliaries), None)
    if auxiliary is None or auxiliary.i > verb.i or any(t.pos_ == "VERB" and t.lemma_.lower() not in auxiliaries
                                                        for t in verb.doc[auxiliary.i + 1:verb.i]):
        return None
    return auxiliary


def subject_tokens_of(verb, depth: int = 0) -> set[int]:
    """Tokens of the verb's subject; a participle or infinitive without one
    ("..., estimant que") takes the subject of the verb it hangs off."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") or inverted_pronoun(child):
            if child.pos_ == "PRON" and verb.dep_ == "acl:relcl":
                # "Séoul, qui accusent Pyongyang": the antecedent, before the pronoun
                return {t.i for t in verb.head.subtree if t.i < child.i}
            # not its relative clause: in "Italy, which kept soldiers in Lebanon, said", Lebanon says nothing
            # nor one on an apposition: "X's minister Y, who visited Z, said" (Z says nothing)
            clauses = {t.i for c in child.subtree if c.dep_ in _RELATIVE_DEPS and c.i != child.i
                       for t in c.subtree}
            # nor whose the apposition says it is: in "Russia, Armenia's ally, has troops", Armenia has none
            # nor what qualifies a common noun in apposition: in "Turkey, a NATO member, signed
            # a pact", NATO signs nothing
            owners = {t.i for c in child.children if c.dep_ == "appos"
                      for o in c.children if o.dep_ == "nmod:poss" or (
                          c.pos_ == "NOUN" and o.dep_ in ("compound", "amod", "nmod")) for t in o.subtree}
            return {t.i for t in child.subtree} - clauses - owners
    if verb.dep_ == "acl:relcl":
        return {t.i for t in verb.head.subtree if t.i < verb.i}
    auxiliary = _cut_off_auxiliary(verb)
    if auxiliary is not None and depth < 3:
        return subject_tokens_of(auxiliary, depth + 1)
    speakers = _first_person_owners(verb)
    if speakers:
        # "Nous réaffirmons ... notre volonté de soutenir X": "notre" says who would, the
        # sentence's "nous", however the parser hung the noun
        return speakers
    if depth < 3 and _purpose_on_object(verb):
        # "a convoqué l'ambassadeur d'Iran pour protester": who summons protests
        return subject_tokens_of(verb.head.head, depth + 1)
    qualified = _qualified_noun(verb)
    if qualified is not None:
        # "des sociétés chinoises, accusées de fournir des composants": the noun the
        # participle qualifies is who it speaks of
        return {t.i for t in qualified.subtree if t.i < verb.i}
    if verb.dep_ == "xcomp" and verb.head.i < verb.i:
        # "Séoul a exhorté Moscou à cesser...": the one urged acts, not who urges
        controller = next((c for c in verb.head.children if c.dep_ == "obj" and c.i < verb.i
                           and c.pos_ in ("PROPN", "NOUN")), None)
        if controller is not None:
            return {t.i for t in controller.subtree}
    reason_of = _reason_object(verb)
    if reason_of is not None:
        return {t.i for t in reason_of.subtree}
    through = _acting_through(verb)
    if depth < 3 and through is not None:
        # "Putin signed a law ratifying the treaty", "the Duma passed a bill ratifying it":
        # who makes the law acts through it
        return subject_tokens_of(through, depth + 1)
    if depth < 3 and verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "advcl" and head.dep_ == "ccomp" and _comma_before(verb):
            # "X said that drones had been sent, calling the move...": the parse hangs the
            # participle on the reported clause; it is the one who said it who calls
            head = head.head
        return subject_tokens_of(head, depth + 1)
    if depth < 3 and verb.head.i != verb.i and (_purpose_infinitive(verb) or _purpose_adverb(verb)):
        # "X a effectué une visite afin de réaffirmer son soutien": X reaffirms
        return subject_tokens_of(verb.head, depth + 1)
    return set()


def _reason_object(verb):
    """The object of the act a reason clause hangs off ("sanctioned four officials for
    supplying drones"): who the clause speaks of. None for any other clause."""
    marks = profile(verb.doc.lang_).words["reason_marks"]
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "obj" and c.i < verb.i), None)


def _in_reason_clause(anchor, trigger) -> bool:
    """"sanctioned three firms for helping X evade sanctions": X, inside the reason the
    act is given, is no object of the act."""
    clause = next((t for t in anchor.ancestors if t.head.i == trigger.i), None)
    return clause is not None and clause.i != trigger.i and _reason_object(clause) is not None


def _comma_before(token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == ","


def inverted_pronoun(token) -> bool:
    """"a-t-il ajouté": a subject pronoun after its verb, joined by a hyphen, whatever
    relation the parser gave it (expletive, object)."""
    return token.text.startswith("-") and token.lower_[1:] in mention_words(token.doc.lang_)["person_pronouns"]


def _purpose_infinitive(verb) -> bool:
    """An infinitive the parser hangs as an oblique ("afin de réaffirmer", "pour saluer")."""
    return "Inf" in verb.morph.get("VerbForm") and verb.dep_ in ("obl:arg", "obl:mod", "obl")


def _purpose_on_object(verb) -> bool:
    """An infinitive of purpose (``purpose_marks``) the parser hangs on a verb's object."""
    marks = profile(verb.doc.lang_).words.get("purpose_marks", frozenset())
    return (bool(marks) and verb.dep_ == "acl" and "Inf" in verb.morph.get("VerbForm")
            and verb.head.dep_ == "obj" and verb.head.head.i != verb.head.i
            and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children))


def _purpose_adverb(token) -> bool:
    """The adverb that carries such an infinitive ("afin" of "afin de") up to its verb."""
    return token.pos_ == "ADV" and token.dep_ == "advmod" and any(_purpose_infinitive(c) for c in token.children)


def _acting_through(verb):
    """The verb that enacts the object a present participle qualifies ("signed a law
    ratifying", "passed a bill ratifying"); else None."""
    noun = verb.head
    if (verb.dep_ != "acl" or "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense")
            or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "obj" or noun.head.pos_ != "VERB"):
        return None
    # only a verb that enacts the text (mentions.yaml): presenting a bill ratifying nothing yet
    enacting = mention_words(verb.doc.lang_)["enacting_verbs"]
    return noun.head if noun.head.lemma_.lower() in enacting else None


def _first_person_owners(verb) -> set[int]:
    """The first-person subjects of the sentence ("nous") when ``verb`` is an infinitive
    that completes a noun a first-person possessive owns ("notre volonté de soutenir")."""
    noun = verb.head
    owners = profile(verb.doc.lang_).words.get("first_person_possessives", frozenset())
    if (verb.dep_ != "acl" or "Inf" not in verb.morph.get("VerbForm") or noun.pos_ != "NOUN"
            or not any(c.dep_ == "det" and c.lower_ in owners for c in noun.children)):
        return set()
    return {t.i for t in verb.sent if t.dep_.startswith("nsubj") and t.pos_ == "PRON"
            and "1" in t.morph.get("Person")}


def _qualified_noun(verb):
    """The noun a past participle with no subject of its own qualifies: its head
    ("des sociétés, accusées de..." read as acl), or the object that ends right
    before it (the same read as an adverbial clause of the main verb)."""
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
        return verb.head
    if verb.dep_ == "advcl":
        for noun in (c for c in verb.head.children if c.dep_ in ("obj", "obl:arg") and c.i < verb.i):
            if noun.right_edge.i + 1 == verb.i or (noun.right_edge.i + 2 == verb.i and verb.doc[verb.i - 1].text == ","):
                return noun
    return None


def _by_position(doc, mention, start: int, trigger, sentence) -> set[str]:
    """Without a parse: the subject is the noun phrase right before the trigger
    (with what "and" joins to it), in the same clause; after the trigger, the object."""
    markers = {"demonym"} if mention.demonym else set()
    if trigger is None:
        return markers
    order = profile(doc.lang_).word_order
    if start > trigger.i:
        # the object stands close after the verb, in its clause ("handed Russia missiles")
        gap = doc[trigger.i + 1:start]
        near = len(gap) <= order.object_gap and not any(t.text in _CLAUSE_BREAKS for t in gap)
        return markers | {"object"} if near else markers
    between = doc[mention.tok_end:trigger.i]
    words = [t.lower_ for t in between]
    if len(words) >= 2 and words[0] == "," and words[1] in profile(doc.lang_).words["relative_pronouns"]:
        between = between[2:]  # "France, which had kept 1,500 soldiers": still the subject
    if any(t.text in _CLAUSE_BREAKS for t in between):
        return markers
    words = [t for t in between if not t.is_punct]
    joined = [t for t in words if t.lower_ in mention_words(doc.lang_)["joiners"]]
    if len(words) - len(joined) <= order.subject_gap:
        markers.add("subject")
    return markers


#: How each word-order strategy of kg.profiles.STRATEGIES reads a mention without a parse.
_WORD_ORDER = {"subject_verb_object": _by_position}


def _root(doc, mention):
    return doc[mention.tok_start:mention.tok_end].root
