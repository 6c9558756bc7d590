"""Who says so: attribution cues of ``ontology/lexicons/<lang>/attributions.yaml``.

Three kinds of cue give a claimant and a stance for the claims of a sentence:
a preposition before the source ("selon Kiev"), a speech verb and its subject
or inverted subject (", a affirmé le Pentagone"), and fixed phrases after the
source ("Moscou reste discret"). A sentence that only denies, confirms or
declines to comment, with no claim of its own, speaks about what the article
reported before: its stance goes to every reported claim of the article.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..claim_types import claim_type
from ..model import Attribution
from ..trace import Span, note_cue, span_of
from .context import doc_text
from .frames import attribution_lexicon, claim_lexicon
from .phrases import find_phrases
from .markers import (after_preposition, coordinated, is_determiner, is_outlet, joins, normalise_phrase, phrase_start,
                      preceding_words, speech_verbs, subject_tokens_of)
from .mention_words import mention_words
from .triggers import requested

__all__ = ["Cue", "find_cues", "attach", "name_the_holder"]

_SOURCE_CLASSES = ("Country", "Organization", "Person")


@dataclass
class Cue:
    stance: str
    claimants: list          # Mention objects
    token: int               # index of the cue word in the Doc
    words: str
    verb: bool = False       # a speech verb ("a affirmé"), rather than "selon" or a set phrase
    kind: str | None = None  # preposition, source (an earlier one: "selon ce rapport"), verb or phrase
    at: object = None        # kg.trace.Span of the cue's words, for `kg claims --explain`
    titled: bool = False     # "the commander of X said": a person the article may name next speaks


def _prepositional(doc, sentence, mentions, lexicon) -> list[Cue]:
    cues = []
    table = {normalise_phrase(w): stance for stance, words in lexicon.prepositions.items() for w in words}
    for n, mention in enumerate(mentions):
        start = phrase_start(doc, mention)
        cue = _words_before(doc, start, sentence.start, table) \
            or _authored_source(doc, start, sentence.start, table, lexicon) \
            or _seated_source(doc, mention, start, sentence.start, table, lexicon, mentions)
        if cue is not None:
            words, at = cue
            sources = [mention] + coordinated(doc, mentions[n + 1:], mention)
            cues.append(Cue(table[words], [_as_source(m) for m in sources], at, words))
    return cues


def _words_before(doc, start: int, sentence_start: int, phrases) -> tuple[str, int] | None:
    """The words of ``phrases`` right before token ``start`` (the shortest that is one)
    and the token they start at, or None."""
    words = next((w for w in preceding_words(doc, start, sentence_start) if w in phrases), None)
    return (words, start - len(words.split())) if words else None


def _authored_source(doc, start: int, sentence_start: int, table, lexicon):
    """"according to a readout from the White House", "according to a statement issued by
    X": the author of a source noun after the preposition is the source; (the
    preposition's words, where they start), or None."""
    link = _words_before(doc, start, sentence_start, lexicon.source_links)
    if link is None:
        return None
    noun = link[1] - 1
    if noun <= sentence_start or not (doc[noun].lower_ in lexicon.source_nouns
                                      or doc[noun].lemma_.lower() in lexicon.source_nouns):
        return None
    before = noun
    while before > sentence_start and doc[before - 1].pos_ in ("DET", "ADJ"):
        before -= 1  # "according to a joint statement"
    return _words_before(doc, before, sentence_start, table)


def _seated_source(doc, mention, start: int, sentence_start: int, table, lexicon, mentions):
    """"according to the defence ministry in Prague", "according to officials in Kyiv": a
    body named by the city that seats it speaks for that city's state; (the preposition's
    words, where they start), or None. A body named with a state of its own ("the South
    Korean embassy in Kyiv") speaks for that state alone."""
    if mention.cls != "Place" or mention.state is None:
        return None
    link = _words_before(doc, start, sentence_start, mention_words(doc.lang_)["seat_links"])
    if link is None:
        return None
    noun = link[1] - 1
    if noun <= sentence_start or doc[noun].lower_ not in lexicon.body_nouns:
        return None
    before = noun
    # "the Czech defence ministry": its determiner and modifiers, a few words at most
    while before > max(sentence_start, noun - 4) and doc[before - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        before -= 1
    if any(before <= m.tok_start < noun for m in mentions):
        return None
    return _words_before(doc, before, sentence_start, table)


def _as_source(mention):
    """A capital that speaks is its state ("according to Seoul")."""
    return mention.as_state() if mention.state is not None and mention.cls == "Place" else mention


def _subjects(verb, mentions, pair=()):
    """Mentions that are the verb's subject, through a relative pronoun or inversion.

    "Les deux pays ont reconnu" names the article's main pair; a verb with a
    subject that is no entity ("Le document évalue") has no claimant here.
    """
    agent = {t.i for c in verb.children if c.dep_ in ("obl:agent", "agent") for t in c.subtree}
    if agent and verb.dep_ in ("acl", "advcl") and "Part" in verb.morph.get("VerbForm"):
        # "des sociétés, accusées par Kiev de livrer...": the passive's agent speaks
        return [m for m in mentions if m.tok_start in agent]
    subject_tokens = subject_tokens_of(verb)
    if _is_incise(verb):
        subject_tokens = set()  # ", a estimé lundi le ministre": the subject follows
    found = _titled_person(verb, [m for m in mentions if any(i in subject_tokens for i in range(m.tok_start, m.tok_end))])
    if found:
        first = found[0]
        earlier = [m for m in mentions if m.tok_end <= first.tok_start]
        joined = _coordinated_before(verb.doc, earlier, first)
        return joined + [m for m in found if m not in joined]
    if subject_tokens:
        subject = verb.doc[min(subject_tokens):max(subject_tokens) + 1]
        return [replace(mention_like, tok_start=subject.start, tok_end=subject.end)
                for mention_like in pair] if pair and _names_pair(subject, verb.doc.lang_) else []
    if _participle_clause(verb):
        # "X praised Y, noting that Z...": the participle speaks for its verb's subject
        return _subjects(verb.head, mentions, pair)
    main = _detached_participle_verb(verb)
    if main is not None:
        # "X a convoqué l'ambassadeur de Y, estimant que Z...": the parse hangs the
        # participle on the object; it speaks for the verb's subject all the same
        return _subjects(main, mentions, pair)
    # Inverted subject of an incise: ", a affirmé vendredi le Pentagone".
    after = [m for m in mentions if m.tok_start > verb.i and m.tok_start - verb.i <= 12 and not is_outlet(verb.doc, m)]
    people = [m for m in after if m.cls == "Person"]
    return people[:1] or after[:1]


def _participle_clause(verb) -> bool:
    """A present participle or gerund with no subject of its own that qualifies a verb
    ("..., noting that", "..., en affirmant que")."""
    forms = verb.morph.get("VerbForm")
    # (the parse may take ", jugeant que" for an adverb of the verb: advmod)
    return (verb.dep_ in ("advcl", "xcomp", "conj", "advmod") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX")
            and ("Ger" in forms or ("Part" in forms and "Pres" in verb.morph.get("Tense"))))


def _detached_participle_verb(verb):
    """The verb whose object a present participle set off by a comma hangs on (", estimant
    que ..."), or None."""
    if (verb.dep_ not in ("amod", "acl") or "Part" not in verb.morph.get("VerbForm")
            or "Pres" not in verb.morph.get("Tense") or verb.i == 0 or verb.doc[verb.i - 1].text != ","):
        return None
    for token in verb.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _titled_person(verb, found: list) -> list:
    """"NATO Secretary General Mark Rutte said": a person heads the subject, and the
    body or state in the title only says whose office it is; the person speaks,
    with those the subject joins to them ("Rutte and Poland said")."""
    head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    person = next((m for m in found if m.cls == "Person" and head is not None
                   and m.tok_start <= head.i < m.tok_end), None)
    if person is None:
        return found
    return [m for m in found if m is person or _joined(verb.doc, m, head)]


def _joined(doc, mention, head) -> bool:
    """Whether the mention is coordinated with the subject's head ("X and Y said")."""
    root = next((t for t in doc[mention.tok_start:mention.tok_end]
                 if not mention.tok_start <= t.head.i < mention.tok_end), None)
    return root is not None and root.dep_ == "conj" and any(a.i == head.i for a in root.ancestors)


def _is_incise(verb) -> bool:
    """", a affirmé vendredi le Pentagone": a speech verb after a comma, its subject after it."""
    before = verb.i - 1
    while before >= verb.sent.start and verb.doc[before].pos_ == "AUX":
        before -= 1
    if before == verb.i - 1 and "Fin" not in verb.morph.get("VerbForm"):
        return False  # "sanctions contre l'Iran, accusé de fournir des missiles à X": a participle qualifies
    return before >= verb.sent.start and verb.doc[before].text == "," and not any(
        c.dep_.startswith("nsubj") and c.i < verb.i and not _reported_clause(c) for c in verb.children)


def _reported_clause(subject) -> bool:
    """"Nous sommes aux côtés de X, a déclaré Y": without quotation marks the parser may
    read the reported words as the speech verb's subject; a predicate with its own
    subject or copula is a clause, no one who speaks."""
    return any(c.dep_ in ("nsubj", "nsubj:pass", "cop") for c in subject.children)


def _names_pair(span, lang: str) -> bool:
    from .article_pair import mentions_pair

    return mentions_pair(span, lang)


def _nearby_sources(verb, mentions):
    """Without a parse: the source just before the verb ("the Pentagon said"), else just after."""
    sources = [_as_source(m) for m in mentions]
    before = [m for m in sources if verb.i - 4 <= m.tok_end <= verb.i and m.cls in _SOURCE_CLASSES
              and not after_preposition(verb.doc, m)]
    after = [m for m in sources if verb.i < m.tok_start <= verb.i + 3 and m.cls in _SOURCE_CLASSES
             and all(is_determiner(t) for t in verb.doc[verb.i + 1:phrase_start(verb.doc, m)])]
    if before:
        last = before[-1]
        earlier = [m for m in sources if m.tok_end <= last.tok_start]
        joined = _coordinated_before(verb.doc, earlier, last)
        return joined + [last]
    return after[:1]


def _coordinated_before(doc, earlier, last) -> list:
    """Mentions joined by "and" before ``last``: "Seoul and Washington said"."""
    joined, start = [], phrase_start(doc, last)
    complement = after_preposition(doc, last)
    for mention in reversed(earlier):
        # "à Washington et à Séoul, qui": both complements; not "to Russia, and South Korea said"
        if not joins(doc[mention.tok_end:start]) or after_preposition(doc, mention) != complement:
            break
        joined.insert(0, mention)
        start = phrase_start(doc, mention)
    return joined


def _title_speaks(verb, sources, lang: str) -> bool:
    """"The commander of X said", "X's spokesman said": a title heads the subject, so a
    person speaks, whom the wire names in the next sentence ("Vice Adm. Y said")."""
    head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if head is None or head.pos_ != "NOUN" or any(m.tok_start <= head.i < m.tok_end for m in sources):
        return False
    return head.lower_ in _one_word_titles(lang) and all(m.cls != "Person" for m in sources)


@lru_cache(maxsize=None)
def _one_word_titles(lang: str) -> frozenset:
    return frozenset(t.lower() for t in claim_lexicon(lang).titles if " " not in t)


def _verbal(doc, sentence, mentions, lexicon, said: frozenset[str], pair=()) -> list[Cue]:
    """``said``: every lemma of ``lexicon``'s verbs (kg.extract.markers.speech_verbs)."""
    cues, lang = [], doc.lang_
    parsed = doc.has_annotation("DEP")
    for token in sentence:
        if parsed and token.pos_ not in ("VERB", "AUX"):
            continue
        if not parsed and token.text[:1].isupper() and token.i > sentence.start:
            continue  # no tagger: "Secretary of State X" holds a name, not the verb "state"
        lemma = token.lemma_.lower() if parsed else token.lower_
        if lemma not in said:
            continue  # no speech verb: no cue (looked at before the parse's finer tests)
        if parsed and (_passive_modifier(token) or _passive_clause(token)):
            continue  # "douze responsables accusés de répression": the accused claim nothing
        if parsed and lemma in lexicon.clause_verbs and not _says_a_clause(doc, sentence, token):
            continue  # "la décision de la France de soutenir le Maroc": it backs, it says nothing
        if parsed and requested(token, claim_lexicon(lang)):
            continue  # "appelle la Chine à cesser de soutenir Moscou": who is asked to speak says nothing
        verbs = lexicon.verbs
        if lemma in lexicon.incise_verbs and _after_quotation(doc, sentence, token):
            verbs = {"claims": lexicon.incise_verbs}  # "« ... », a-t-il poursuivi"
        for stance, lemmas in verbs.items():
            if lemma in lemmas:
                if stance != "claims" and parsed and _names_a_state(token, mentions):
                    break  # "reconnaître l'État de Palestine", "a reconnu le Kosovo": no report confirmed
                found = _subjects(token, mentions, pair) if parsed else _nearby_sources(token, mentions)
                sources = [_as_source(m) for m in found]
                sources = [m for m in sources if m.cls in _SOURCE_CLASSES]
                if sources:
                    cues.append(Cue(stance, sources, token.i, token.text, verb=True,
                                    titled=parsed and _title_speaks(token, sources, lang)))
                break
    return cues


def _says_a_clause(doc, sentence, verb) -> bool:
    """Does the verb take a clause ("soutient que"), or stand after a quotation (an incise)?"""
    return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or _after_quotation(doc, sentence, verb)


def _names_a_state(verb, mentions) -> bool:
    """Is the verb's object a state ("a reconnu le Kosovo", "reconnaître l'État de
    Palestine": recognition, no confirmation of a report)?"""
    objects = [c for c in verb.children if c.dep_ == "obj"]
    return any(m.cls == "Country" and not m.demonym and m.tok_start <= o.i < m.tok_end for o in objects for m in mentions)


def _passive_modifier(token) -> bool:
    """A past participle qualifying a noun with no agent ("officials accused of",
    "responsables accusés de"): the noun undergoes the speech act, it does not make it
    ("accusées par Bruxelles de..." names its claimant, the agent)."""
    # the tagger may take the participle for a finite past ("companies accused of"): an
    # "acl" with no subject of its own is a participle all the same
    # or hang it on the main verb ("advcl") right after the noun it qualifies
    own_subject = any(c.dep_.startswith("nsubj") for c in token.children)
    participle = "Part" in token.morph.get("VerbForm") or not own_subject
    # (or after a comma: "des sanctions contre l'Iran, accusé de fournir des missiles")
    before = token.i - 2 if token.i > 1 and token.doc[token.i - 1].text == "," else token.i - 1
    qualifies = token.dep_ == "acl" or (
        token.dep_ == "advcl" and not own_subject and before >= 0
        and token.doc[before].pos_ in ("NOUN", "PROPN") and token.i > token.head.i)
    return (qualifies and participle
            and "Past" in token.morph.get("Tense")
            and not any(c.dep_ in ("obl:agent", "agent") for c in token.children))


def _passive_clause(token) -> bool:
    """"Egypt is widely believed to back the army", "la Russie est accusée d'avoir livré":
    the subject of a passive speech verb with no agent is spoken of; it says nothing."""
    # the passive auxiliary itself: the parser may call an inverted "-il" a passive subject
    return (any(c.dep_ == "aux:pass" for c in token.children)
            and not any(c.dep_ in ("obl:agent", "agent") for c in token.children))


def _after_quotation(doc, sentence, verb) -> bool:
    """Does the verb follow a quotation closed just before it ("», a-t-il poursuivi")?"""
    from ..profiles import profile

    closing = profile(doc.lang_).text.closing_quotes
    before = [t for t in doc[sentence.start:verb.i] if not (t.pos_ == "AUX" or t.text.startswith("-"))]
    return any(t.text in closing for t in before[-3:])


def _phrasal(doc, sentence, mentions, lexicon, lang: str, pair=()) -> list[Cue]:
    cues = []
    stance_of = {phrase: stance for stance, phrases in lexicon.phrases.items() for phrase in phrases}
    for start, _end, phrase in find_phrases(doc, lang, list(stance_of), sentence.start, sentence.end):
        char = doc[start].idx
        before = [m for m in map(_as_source, mentions) if m.end <= char and m.cls in _SOURCE_CLASSES]
        clause = _same_clause(sentence, before, char)
        if pair and _names_pair(doc[_clause_start(doc, sentence, start):start], lang):
            clause = list(pair)  # "..., which both countries deny"
        stance = stance_of[phrase]
        if stance == "confirms" and _negated(doc, sentence, start, lexicon):
            stance = "no_comment"
        if clause:
            cues.append(Cue(stance, clause, start, phrase))
    return cues


def _clause_start(doc, sentence, start: int) -> int:
    return max([t.i for t in doc[sentence.start:start] if t.text in (",", ";", ":")], default=sentence.start)


def _negated(doc, sentence, start: int, lexicon) -> bool:
    """"Neither Moscow nor Pyongyang has confirmed": a confirmation under negation is silence."""
    clause_start = _clause_start(doc, sentence, start)
    return any(t.lower_ in lexicon.negators for t in doc[clause_start:start])


def _same_clause(sentence, mentions, char: int) -> list:
    """The sources between the last clause break and the phrase, or the nearest one."""
    if not mentions:
        return []
    # the mentions are the sentence's, so a break before the sentence is before them
    # all: looking back to the sentence start is enough (looking through the whole
    # document, for every phrase, cost long articles the square of their length)
    breaks = [t.idx for t in sentence if t.idx < char and t.text in (",", ";", ":", "—")]
    last_break = max(breaks, default=-1)
    inside = [m for m in mentions if m.start > last_break]
    return inside or mentions[-1:]


def _source_anaphora(doc, sentence, lexicon, earlier, authored=frozenset()) -> list[Cue]:
    """"Selon ce rapport", "Le document évalue": the source the article named before
    (not "selon un rapport de l'ONU", whose author a cue at ``authored`` names)."""
    if not earlier:
        return []
    table = {normalise_phrase(w): stance for stance, words in lexicon.prepositions.items() for w in words}
    cues = []
    for token in sentence:
        if token.lower_ not in lexicon.source_nouns:
            continue
        for words in preceding_words(doc, token.i, sentence.start):
            head = " ".join(w for w in words.split() if not is_determiner_word(doc, w))
            if head in table and token.i - len(words.split()) in authored:
                break
            if head in table:
                cues.append(Cue(table[head], list(earlier), token.i, f"{words} {token.text}"))
                break
        else:
            if token.dep_.startswith("nsubj") and token.head.lemma_.lower() in lexicon.verbs.get("claims", ()):
                cues.append(Cue("claims", list(earlier), token.head.i, token.head.text, verb=True))
    return cues


def is_determiner_word(doc, word: str) -> bool:
    """A determiner or demonstrative in the language's word list ("ce", "le", "this")."""
    return word in mention_words(doc.lang_)["determiners"]


def find_cues(doc, sentence, mentions, lang: str, pair=(), earlier=()) -> list[Cue]:
    """Every attribution cue of one sentence.

    ``pair``: mentions standing for the article's main pair; ``earlier``: the
    last sources the article named, for "selon ce rapport".
    """
    lexicon = attribution_lexicon(lang)
    prepositional = _prepositional(doc, sentence, mentions, lexicon)
    anaphoric = _source_anaphora(doc, sentence, lexicon, earlier, frozenset(c.token for c in prepositional))
    phrasal = _phrasal(doc, sentence, mentions, lexicon, lang, pair)
    cue_tokens = {c.token for c in phrasal}
    verbal = [c for c in _verbal(doc, sentence, mentions, lexicon, speech_verbs(lang), pair)
              if not any(abs(c.token - t) <= 3 for t in cue_tokens)]
    for kind, found in (("preposition", prepositional), ("source", anaphoric), ("verb", verbal), ("phrase", phrasal)):
        for cue in found:
            cue.kind, cue.at = kind, _cue_span(doc, cue)
    return prepositional + anaphoric + verbal + phrasal


def _cue_span(doc, cue):
    """Where the cue's words stand ("According to"), else its token."""
    start = doc[cue.token].idx
    words = doc_text(doc)[start:start + len(cue.words)]
    return Span(start, start + len(words), words) if normalise_phrase(words) == cue.words else span_of(doc[cue.token])


def attach(claim, cues, *, answering: bool = False) -> None:
    """Add each cue's claimants to a claim, once per claimant.

    A source is an attribution even when it is the claim's own agent ("the
    Pentagon said it has deployed": SCHEMA.md's settled question 2), but for the
    speaker of a speech (a statement): that they spoke is what the article itself
    reports, in its own voice, and no source of the claim. A claimant who both says
    and confirms ("said he could confirm") confirms. ``answering``: the cues come
    from elsewhere in the article; a confirmation then counts only from a party
    to the claim ("Moscou a admis leur présence"), not from a third party.
    """
    parties = {r.id for refs in claim.roles.values() for r in refs}
    declared = claim_type(claim.type)
    speakers = {r.id for r in claim.roles.get(declared.agent, [])} if declared.speech_about else set()
    for cue in cues:
        for mention in cue.claimants:
            ref = mention.ref
            if ref.id in speakers or (answering and cue.stance == "confirms" and ref.id not in parties):
                continue
            held = next((a for a in claim.attributions if a.claimant.id == ref.id), None)
            if held is None:
                claim.attributions.append(Attribution(ref, cue.stance, cue.words))
            elif held.stance == "claims" and cue.stance in ("confirms", "denies"):
                claim.attributions[claim.attributions.index(held)] = Attribution(ref, cue.stance, cue.words)
            else:
                continue
            note_cue(claim, ref, cue, "answer" if answering else "sentence")


def name_the_holder(claims, titled: list, cues, doc, mentions) -> None:
    """"..., the commander of X said today. Vice Adm. Y said ...": the person who
    speaks in the next sentence, named by rank alone, is the one the title stood
    for, and the claimant of the claims the titled cue gave in place of X
    (SCHEMA.md, settled question 2: the strongest stance, once per claimant). One
    named with a state or body of their own ("Danish Prime Minister Z") is someone else."""
    if not titled:
        return
    people = [m for c in cues if c.verb and c.stance == "claims" for m in c.claimants if m.cls == "Person"
              and not _affiliated(doc[c.token], m, mentions)]
    if len({m.ref.id for m in people}) != 1:
        return
    person = people[0]
    for cue in titled:
        standing_for = {m.ref.id for m in cue.claimants}
        for claim in claims:
            held = [a for a in claim.attributions if a.claimant.id in standing_for and a.cue == cue.words]
            if not held:
                continue
            claim.attributions = [a for a in claim.attributions if a not in held]
            attach(claim, [replace(cue, claimants=[person])])


def _affiliated(verb, person, mentions) -> bool:
    """Whether the verb's subject names a state or body beside the person ("Danish Prime Minister Z")."""
    subject = subject_tokens_of(verb) if verb.doc.has_annotation("DEP") else set()
    return any(m.ref.id != person.ref.id and any(i in subject for i in range(m.tok_start, m.tok_end))
               for m in mentions)
