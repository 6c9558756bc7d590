"""Which words of a sentence trigger a frame, and which triggers to leave alone:
negated and hypothetical acts ("n'a pas envoyé", "devraient rejoindre"), and
counts of something else than the frame counts."""
from __future__ import annotations

from functools import lru_cache

from ..claim_types import claim_type
from ..profiles import profile
from .context import SentenceContext
from .doc_memo import once_per_doc
from .fields import last_time, nearest
from .frames import Frame, claim_lexicon
from .mention_words import mention_words
from .phrases import find_phrases

__all__ = ["topics_of", "trigger_tokens", "blocked", "other_unit", "other_sense", "requested", "act_lemmas"]


def topics_of(sentence, lang: str) -> frozenset[str]:
    """The claim types a sentence speaks of, by the frames' topic words ("armes", "soldats")."""
    words = {t.lower_ for t in sentence} | {t.lemma_.lower() for t in sentence}
    return frozenset(f.type for f in claim_lexicon(lang).frames if f.topic & words)


_TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


def _trigger_index(doc) -> dict[str, list[int]]:
    """Token indices by lemma and by lower-case form, for tokens that may trigger a
    frame (verbs, nouns, adjectives; any token without a tagger), built once per Doc."""
    index = doc.user_data.get("kg_trigger_index")
    if index is None:
        tagged = doc.has_annotation("POS")
        index = {}
        for t in doc:
            for word in _trigger_words(t, tagged):
                index.setdefault(word, []).append(t.i)
        doc.user_data["kg_trigger_index"] = index
    return index


def _trigger_words(token, tagged: bool) -> set[str]:
    if tagged and token.pos_ not in _TRIGGER_POS:
        return set()
    return {token.lemma_.lower(), token.lower_}


def _sentence_trigger_words(sentence) -> frozenset[str]:
    """The words of ``_trigger_index`` that a token of the sentence gives, once per
    sentence: each frame then looks up only its lemmas the sentence holds, not all."""
    doc = sentence.doc
    return once_per_doc(doc, "kg_trigger_words", (sentence.start, sentence.end), _read_trigger_words, sentence)


def _read_trigger_words(sentence) -> frozenset[str]:
    tagged = sentence.doc.has_annotation("POS")
    return frozenset(w for t in sentence for w in _trigger_words(t, tagged))


def trigger_tokens(sentence, frame: Frame, lang: str):
    """Tokens of ``sentence`` that trigger ``frame``: lemma matches and noun phrases."""
    lemmas = frame.lemmas & _sentence_trigger_words(sentence)
    if not lemmas and not frame.nouns:
        return []  # most frames, in most sentences: none of their words
    doc = sentence.doc
    index = _trigger_index(doc)
    others = _forms_of_siblings(frame, lang)
    found = {doc[i] for lemma in lemmas for i in index.get(lemma, ())
             if sentence.start <= i < sentence.end and _voice_fits(doc[i], frame.voice)
             and (doc[i].lower_ in frame.lemmas or doc[i].lower_ not in others)
             and not (lemma in frame.not_reflexive and _reflexive(doc[i]))
             and (lemma not in frame.only_reflexive or _reflexive(doc[i]))
             and not _semi_auxiliary(doc[i], lang)
             and not _in_compound_word(doc[i])
             and not _noun_of_a_verb(doc[i])
             and _subjects_fit(doc[i], frame)
             and _object_fits(doc[i], frame.objects, lang)
             and not (frame.not_objects and _object_is(doc[i], frame.not_objects))}
    if frame.nouns:  # half the frames have none: no phrase look-up for them
        found.update(token for start, _end, _noun in find_phrases(doc, lang, frame.nouns, sentence.start, sentence.end)
                     if _subjects_fit(token := _phrase_trigger(doc[start]), frame) and not _written_as_name(doc[start]))
    return sorted(found, key=lambda t: t.i)


def _written_as_name(token) -> bool:
    """"welcomed Sweden as the 32nd member of the Alliance": a trigger noun written with a
    capital inside a sentence of lower-case words is a name (of the body it stands for), no
    act; a headline's capitals say nothing."""
    if not token.text[:1].isupper() or token.i == token.sent.start or not token.is_alpha:
        return False
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.is_lower for t in words) > len(words) / 2


def _in_compound_word(token) -> bool:
    """"a Kyrgyzstan-based company", "Iran-made drones": a verb form joined by a hyphen to
    the word before it makes an adjective, no act (the frames that mean such compounds,
    "Iran-backed", list them as phrases)."""
    if token.i < 2:
        return False
    hyphen = token.doc[token.i - 1]
    return hyphen.text in ("-", "\u2013") and not hyphen.whitespace_ and not token.doc[token.i - 2].whitespace_


def _phrase_trigger(token):
    """A phrase's first word, or the predicate it joins when that word is a copula: in
    "la France est aux côtés de X" the subject and "de X" hang on "côtés", not "est"; or
    the verb a clitic pronoun that opens it stands before ("s'en est pris à X": "pris")."""
    if token.dep_ == "cop" or (token.pos_ == "PRON" and token.head.i > token.i and token.head.pos_ == "VERB"):
        return token.head
    return token


def _noun_of_a_verb(token) -> bool:
    """"Russia's position on the war", "the move", "contributing ships": a frame's verb
    ("position", "move", "ship") written as a noun names no act; the noun forms a frame
    means are its ``nouns``. A headline's verb the tagger read as a noun heads it, and
    still counts ("US sanctions Russian banks")."""
    # "30 aircraft and seven navy ships": a counted noun, or one joined to a noun, too
    return token.pos_ in ("NOUN", "PROPN") and (token.dep_ in _NOUN_DEPS or any(
        c.dep_ in ("det", "nmod:poss", "nummod") for c in token.children)
        or (token.dep_ == "conj" and token.head.pos_ == "NOUN"))


#: where only a noun stands (a participle the tagger calls a noun may be "amod", "acl" or
#: "nmod": "des responsables, sanctionnés pour leur rôle")
_NOUN_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})


def _object_fits(token, objects: frozenset[str], lang: str) -> bool:
    """"The US has about 28,500 troops in South Korea", not "has lost ground": a frame
    may name the nouns its trigger's object must be (or what a count noun counts:
    "a small number of troops")."""
    if not objects:
        return True
    if not token.doc.has_annotation("DEP"):
        # no parse: a noun the frame names among the few words after the verb ("kept about
        # 400 soldiers in X")
        return _near(token, objects, after=True)
    counts = mention_words(lang)["count_nouns"]
    negations = claim_lexicon(lang).negations
    found = [c for c in token.children if c.dep_ == "obj"]
    found += [j for c in found for j in c.children if j.dep_ == "conj"]  # "ships and troops"
    # what a count noun or a pronoun counts: "a small number of troops", "some of our personnel"
    found += [n for c in found if c.lower_ in counts or c.pos_ in ("PRON", "NUM", "ADJ")
              for n in c.children if n.dep_ in ("nmod", "obl")]
    # "France has no troops in Ukraine": none kept there
    return any((c.lemma_.lower() in objects or c.lower_ in objects)
               and not any(d.lower_ in negations for d in c.children) for c in found)


def _object_is(token, nouns: frozenset[str]) -> bool:
    """Is the trigger's object, or a passive's subject, one of ``nouns`` ("sent their
    children to schools", "workers have been sent to X")?"""
    found = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
    found += [j for c in found for j in c.children if j.dep_ == "conj"]
    return any(c.lemma_.lower() in nouns or c.lower_ in nouns for c in found)


def _subjects_fit(token, frame: Frame) -> bool:
    """The trigger's subject is one the frame asks for, and none it refuses."""
    return (_subject_fits(token, frame.subjects)
            and not (frame.not_subjects and _subject_fits(token, frame.not_subjects)))


def _subject_fits(token, subjects: frozenset[str]) -> bool:
    """"Des soldats sont arrivés", not "le ministre est arrivé": a frame may name the nouns
    its trigger's subject must be."""
    if not subjects:
        return True
    if not token.doc.has_annotation("DEP"):
        return _near(token, subjects, after=False)  # no parse: a noun it names just before the verb
    if token.pos_ == "NOUN" and token.dep_ in ("obj", "obl:arg"):
        token = token.head  # "the Japanese prime minister paid a visit": the verb's subject
    found = [c for c in token.children if c.dep_.startswith("nsubj")]
    if not found and token.dep_ == "xcomp":
        # "the Duma voted to approve the treaty": an infinitive's subject is its verb's
        found = [c for c in token.head.children if c.dep_.startswith("nsubj")]
    # "the treaty was approved by the parliament": a passive's agent is who acts
    found += [c for c in token.children if c.dep_ == "obl:agent"]
    # "plusieurs dizaines de militaires sont arrivés": what the count noun counts
    counts = mention_words(token.doc.lang_)["count_nouns"]
    found += [n for c in found if c.lower_ in counts for n in c.children if n.dep_ == "nmod"]
    return any(c.lemma_.lower() in subjects or c.lower_ in subjects for c in found)


def _near(token, words: frozenset[str], *, after: bool) -> bool:
    """Without a parse: does one of ``words`` stand within the profile's object (after the
    verb) or subject (before it) gap, in the verb's clause?"""
    order = profile(token.doc.lang_).word_order
    sentence = token.sent
    if after:
        span = token.doc[token.i + 1:min(token.i + 2 + order.object_gap, sentence.end)]
    else:
        span = list(reversed(token.doc[max(token.i - 2 - order.subject_gap, sentence.start):token.i]))
    for t in span:
        if t.is_punct:
            return False
        if t.lower_ in words:
            return True
    return False


def _semi_auxiliary(token, lang: str) -> bool:
    """"va signer", "doit envoyer": a verb of intention before an infinitive is no act
    of its own (the infinitive is the trigger, and blocked() reads the intention)."""
    return (token.lemma_.lower() in claim_lexicon(lang).irrealis
            and any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in token.children))


def _reflexive(token) -> bool:
    """A verb with its reflexive clitic ("en nous appuyant sur", "s'appuie sur")."""
    return any(c.dep_.startswith("expl") or (c.pos_ == "PRON" and c.dep_ in ("obj", "iobj") and c.i < token.i)
               for c in token.children)


@lru_cache(maxsize=None)
def _forms_of_siblings(frame: Frame, lang: str) -> frozenset[str]:
    """Forms another frame of the same claim type and voice lists: a token of that form
    is theirs, not this frame's by its lemma ("visiting" for en.visit.visiting, whose
    visitor is its object, not en.visit's "visit")."""
    return frozenset(form for other in claim_lexicon(lang).frames
                     if other.type == frame.type and other.id != frame.id and other.voice == frame.voice
                     for form in other.lemmas)


def _voice_fits(token, voice: str) -> bool:
    if voice == "any":
        return True
    # a participle the tagger read as an adjective or noun ("des responsables sanctionnés") is passive,
    # unless a tense auxiliary makes it a compound past ("Londres a gelé les avoirs", read as "gelé" ADJ)
    passive = ("Pass" in token.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in token.children)
               or (token.pos_ in ("ADJ", "NOUN") and token.lower_.endswith(profile(token.doc.lang_).participle_endings)
                   and not any(c.dep_ == "aux:tense" for c in token.children)))
    return passive == (voice == "passive")


def blocked(token, lexicon, speech: bool = False) -> bool:
    """A negated, hypothetical or future act, which the corpus does not count as a claim.
    ``speech``: the trigger says a stance, which a pledge states now ("Germany will stand by
    Ukraine"): the lexicon's ``pledges`` do not make it an intention."""
    # "Under the accord, Washington will help Ukraine...": what a treaty binds a party
    # to do is a commitment, not an intention
    binding = _under_a_treaty(token, lexicon)
    pledged = lexicon.pledges if speech else frozenset()
    if not token.doc.has_annotation("DEP"):
        # no parse: look at the few words before the trigger ("did not send", "will deploy")
        reach = profile(token.doc.lang_).word_order.negation_window
        window = token.doc[max(token.i - reach, token.sent.start):token.i]
        if not binding and any(t.lower_ in lexicon.irrealis and t.lower_ not in pledged for t in window):
            return True
        # "suspend all UK programme support": the ended relation's noun may stand a few words on
        if any(t.lower_ in lexicon.terminations for t in token.doc[max(token.i - 5, token.sent.start):token.i]):
            return True
        return any(t.lower_ in lexicon.negations for t in window) and not last_time(token, lexicon)
    # a noun the verb takes as object is as real as the verb ("will expand cooperation")
    noun = token
    while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
        noun = noun.head  # "will send a military aid package": up to the phrase's head noun
    acts = [token, noun.head] if noun.pos_ == "NOUN" and noun.dep_ in ("obj", "obl:arg") else [token]
    for child in (c for act in acts for c in act.children):
        if child.lower_ in lexicon.negations and not last_time(token, lexicon):
            return True
        if child.dep_ in ("nsubj", "nsubj:pass") and _negated_subject(child, lexicon):
            return True
        if child.dep_ == "mark" and child.lower_ in lexicon.irrealis and not binding:
            return True  # "warned X against deploying": a gerund's mark of what is not done
        if not binding and _irrealis_auxiliary(child, lexicon, pledged):
            return True
    if not binding and any(_under_conditional(act) for act in acts):
        return True
    verb = _verb_of_noun(token)
    if verb is not None and not binding and any(_irrealis_auxiliary(c, lexicon, pledged) for c in verb.children):
        return True  # "said it would supply Ukraine with 400 million euros in military aid"
    if not binding and _intended_infinitive(token, lexicon):
        return True  # "the only member yet to ratify", "has yet to send": not done
    if not binding and _under_possibility(acts[-1], lexicon, pledged):
        return True
    if _asked(token.sent):
        return True
    head = acts[-1] if len(acts) > 1 else token.head
    intends = bool(_verb_words(head) & lexicon.irrealis) and not binding
    if len(acts) > 1 and intends and not _treaty_provides(head, lexicon):
        return True  # "is considering new sanctions", not "le traité prévoit une coopération"
    if (token.dep_ in ("xcomp", "ccomp") or _bare_gerund(token)) and intends:
        return True  # "refused to criticise": the lexicon lists forms as well as lemmas
    if (token.dep_ in ("xcomp", "ccomp") and "Inf" in token.morph.get("VerbForm") and not binding
            and any(_irrealis_auxiliary(c, lexicon, pledged) for c in token.head.children)):
        return True  # "the package will see the UK deliver 50 missiles": the infinitive of a future verb
    if (token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon.plan_copulas and not binding
            and any(c.dep_ == "aux" and c.pos_ == "PART" for c in token.children)):
        return True  # "soldiers are to be stationed there by 2027" (an infinitive): a plan
    verb = acts[-1]
    if requested(verb, lexicon, ended=False):
        return True  # "urged Iran to cooperate", "appelle Moscou à renforcer sa coopération": asked, not done
    if (len(acts) > 1 and verb.dep_ in ("xcomp", "ccomp") and not binding
            and _verb_words(verb.head) & lexicon.irrealis):
        return True  # "envisage d'imposer des sanctions": the noun's verb is only intended
    if head.i != token.i and _ends(head, lexicon) and head.i < token.i:
        return True  # "suspended its support", "a mis fin à la coopération"
    if _ended_by_noun(token, lexicon):
        return True
    # "participera au sommet de l'Otan": the future verb that takes a noun trigger too
    return (any(act.pos_ == "VERB" and _future(act) for act in acts)
            and not binding and not pledged)


def requested(verb, lexicon, *, ended: bool = True) -> bool:
    """Is the verb an act one asks of another, up a short chain of infinitives ("urged Iran
    to cooperate", "appelle la Chine à cesser de soutenir la Russie")? With ``ended=False``,
    an act one is asked to end is none of these: it goes on ("a exhorté Pékin à cesser sa
    coopération avec Moscou")."""
    for _ in range(2):
        if not ended and _ends(verb, lexicon, asked=True):
            return False
        verb = _infinitive_head(verb)
        if verb is None:
            return False
        if _verb_words(verb) & lexicon.requests:
            return True
    return False


def _infinitive_head(verb):
    """The verb an infinitive complements: its head, or, where the parser hangs it on the
    verb's object ("a invité la Pologne et la Lituanie à renforcer"), the object's verb."""
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return verb.head
    if verb.dep_ == "acl" and "Inf" in verb.morph.get("VerbForm"):
        noun = verb.head
        while noun.dep_ == "conj" and noun.head.i != noun.i and noun.pos_ not in ("VERB", "AUX"):
            noun = noun.head  # the last of the objects, which the parser may join to the verb itself
        if noun.pos_ in ("VERB", "AUX") and noun.i < verb.head.i:
            return noun
        if noun.dep_ == "obj":
            return noun.head
    return None


def _verb_of_noun(token):
    """The verb a noun trigger's phrase completes through complements ("would supply X with
    400 million euros in military aid"), or None (a verb, or a noun of no verb). A phrase's
    first word may be its adjective ("military" of "military aid")."""
    if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    word = token
    for _ in range(4):
        if word.dep_ not in ("nmod", "obl", "obj", "compound", "amod", "nummod") or word.head.i == word.i:
            return None
        word = word.head
        if word.pos_ == "VERB":
            return word
    return None


def _bare_gerund(token) -> bool:
    """"ruled out sending troops", parsed as an adverbial clause: a gerund right after its
    verb, with no mark, subject or comma between, is that verb's complement."""
    head = token.head
    gerund = "Ger" in token.morph.get("VerbForm") or "Prog" in token.morph.get("Aspect")
    return (token.dep_ == "advcl" and gerund and head.i < token.i
            and not any(c.dep_ in ("mark", "nsubj", "nsubj:pass") for c in token.children)
            and not any(t.is_punct for t in token.doc[head.i + 1:token.i]))


def _verb_words(verb) -> set[str]:
    """The verb as an irrealis list may name it: its lemma, its form, and its lemma with
    its particle ("ruled out deploying troops": "rule out")."""
    lemma = verb.lemma_.lower()
    return {lemma, verb.lower_} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "compound:prt"}


def _negated_subject(subject, lexicon) -> bool:
    """"Neither Spain nor Portugal has sent soldiers", "no country has sent": a subject a
    negation opens does not act."""
    return any(c.lower_ in lexicon.negations and c.i < subject.i and c.dep_ in ("cc:preconj", "det", "cc")
               for c in subject.children)


def _future(token) -> bool:
    """Is the verb in the future? The tagger says so, and its form agrees where the profile
    lists the endings of the future ("accueille", tagged future by the French model, is not)."""
    if "Fut" not in token.morph.get("Tense"):
        return False
    endings = profile(token.doc.lang_).words.get("future_endings")
    return not endings or token.lower_.endswith(tuple(endings))


def _intended_infinitive(token, lexicon) -> bool:
    """An infinitive whose marker follows a word of intention or of what is still to come
    ("yet to ratify", "due to sign"), however the parser hangs the two."""
    marker = next((c for c in token.children if c.dep_ == "aux" and c.pos_ == "PART" and c.i == token.i - 1), None)
    return marker is not None and marker.i > token.sent.start and token.doc[marker.i - 1].lower_ in lexicon.irrealis


def _ended_by_noun(token, lexicon) -> bool:
    """"le retrait de ses 1 000 militaires déployés à Agadez": a trigger inside the
    phrase of a noun that ends the relation, up to the clause's verb."""
    for noun in token.ancestors:
        if noun.pos_ in ("VERB", "AUX"):
            return False
        if noun.i < token.i and noun.lemma_.lower() in lexicon.terminations:
            return True
    return False


def _ends(verb, lexicon, asked: bool = False) -> bool:
    """Does the verb end a relation: a termination's lemma, or a locution of one ("mettre
    fin": the verb's lemma, then a word it governs)? ``asked``: whether another is urged to
    end it or not."""
    if (not asked and "Inf" in verb.morph.get("VerbForm") and verb.dep_ == "xcomp" and verb.head.pos_ == "VERB"
            and any(c.dep_ == "obj" and c.pos_ == "PROPN" and c.i < verb.i for c in verb.head.children)):
        # "a exhorté Pékin à cesser sa coopération": another is urged to end it, so it goes
        # on ("decided to suspend", "the decision to suspend" end it)
        return False
    lemma = verb.lemma_.lower()
    return lemma in lexicon.terminations or any(
        f"{lemma} {c.lower_}" in lexicon.terminations for c in verb.children if c.i > verb.i)


def _under_conditional(verb) -> bool:
    """"pourraient sanctionner", "voudrait envoyer": an infinitive under a verb in the
    conditional mood is a possibility, not an act (the reporting conditional, "aurait
    livré", is an auxiliary and stays a claim)."""
    return (verb.dep_ == "xcomp" and "Inf" in verb.morph.get("VerbForm")
            and "Cnd" in verb.head.morph.get("Mood"))


def _under_possibility(verb, lexicon, pledged) -> bool:
    """"could lead Russia to deploy troops", "pourrait pousser Moscou à envoyer": the act
    a possible or intended verb would bring about, up its chain of infinitives, is none."""
    for _ in range(2):
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
        if _under_conditional(verb) or any(_irrealis_auxiliary(c, lexicon, pledged) for c in verb.children):
            return True
    return False


def _irrealis_auxiliary(token, lexicon, pledged) -> bool:
    """An auxiliary of what is not (yet) done ("will", "could", "pourrait"), but for a
    pledge's ("Germany will stand by Ukraine": ``pledged``)."""
    lemma = token.lemma_.lower()
    return (token.dep_.startswith("aux") and lemma in lexicon.irrealis
            and token.lower_ not in pledged and lemma not in pledged)


#: what may close a sentence after its question mark
_CLOSING = frozenset('"\u201d\u00bb\u2019)')


def _asked(sentence) -> bool:
    """"Did Washington promise to station troops in Poland?": a question asserts no act."""
    for t in reversed(sentence):
        if t.text == "?":
            return True
        if not (t.is_space or t.text in _CLOSING):
            return False
    return False


def _under_a_treaty(token, lexicon) -> bool:
    """Does the trigger's sentence say what a treaty binds its parties to ("under the accord")?"""
    sentence = token.sent
    return any(True for _ in find_phrases(token.doc, token.doc.lang_, lexicon.commitments,
                                          sentence.start, sentence.end))


def _treaty_provides(verb, lexicon) -> bool:
    """A treaty that "provides for" something states it; it intends nothing."""
    return any(c.dep_.startswith("nsubj") and c.lemma_.lower() in lexicon.treaty_nouns for c in verb.children)


def other_sense(frame: Frame, trigger) -> bool:
    """"sending a clear message to", "to provide Ukraine with a $50 billion loan": a word
    after the trigger, in its clause, gives it another sense; so does one right before
    it ("$4 billion in support for": money, not a statement), and so does a verb it is
    the object of ("to discuss support for": a topic talked about, no one's stance) or a
    preposition that makes it the reason of another act ("sanctioned X over its support")."""
    if trigger.i > trigger.sent.start and trigger.doc[trigger.i - 1].lower_ in frame.not_after:
        return True
    first = trigger
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "thanked X for its leadership and for the package": the list's verb
    if trigger.pos_ in ("NOUN", "PROPN") and frame.not_object_of and (
            (first.head.i != first.i and first.head.lemma_.lower() in frame.not_object_of)
            # "sanctioned X over its support for Y": the preposition that brings the noun in
            or any(c.dep_ == "case" and c.lower_ in frame.not_object_of for c in trigger.children)):
        return True
    if not (frame.not_followed_by or frame.not_before_infinitive):
        return False
    for t in trigger.doc[trigger.i + 1:min(trigger.i + 9, trigger.sent.end)]:
        # (a quotation mark ends no clause: 'passed a controversial "foreign agents" law')
        if t.is_punct and t.text not in ("$", "€", "£") and not t.is_quote:
            return False
        if t.lower_ in frame.not_followed_by or (frame.not_before_infinitive and "Inf" in t.morph.get("VerbForm")
                                                  and _tells_an_act(t)):
            return True
    return False


def _tells_an_act(infinitive) -> bool:
    """"accuse X de livrer des obus", "d'avoir déployé", "de vouloir envahir": an infinitive
    that tells an act of a claim type (or an intention) reports it, whose accusers are its
    source; "accuse Madrid d'avoir violé le droit international" judges Madrid."""
    lang = infinitive.doc.lang_
    verb = infinitive.head if infinitive.dep_.startswith("aux") and infinitive.head.i > infinitive.i else infinitive
    words = {verb.lemma_.lower(), verb.lower_}
    return bool(words & (act_lemmas(lang) | claim_lexicon(lang).irrealis))


@lru_cache(maxsize=None)
def act_lemmas(lang: str) -> frozenset[str]:
    """The trigger lemmas of the frames whose claims are acts, not speech (visits, aid...)."""
    return frozenset(lemma for frame in claim_lexicon(lang).frames
                     if claim_type(frame.type).speech_about is None for lemma in frame.lemmas)


def other_unit(ctx: SentenceContext, frame: Frame, trigger) -> bool:
    """The count nearest the trigger is of something else: "transféré 9 millions d'obus"
    is aid, not a deployment; "envoyé 10 000 soldats" is not aid."""
    if not frame.needs_unit:
        return False
    counts = [q for q in ctx.quantities if q.quantity.unit]
    if not any(q.quantity.unit in frame.needs_unit for q in counts):
        # "quatre brigades de 12 000 soldats": a count of an unknown noun vetoes only
        # when nothing the frame counts is counted beside it
        counts += [q for q in ctx.quantities if not q.quantity.unit and _counts_a_noun(ctx, q, frame.item_nouns)]
    closest = nearest(counts, trigger.idx)
    if closest is None or closest.quantity.unit in frame.needs_unit:
        return False
    if _counts_an_item(ctx, closest, frame.item_nouns):
        return False  # "a déployé deux F-35 en Pologne": a count of what the frame sends
    # "déploie quatre Rafale et 120 aviateurs": a count of the frame's own joined to it
    return not any(q.quantity.unit in frame.needs_unit and _joined_counts(ctx, closest, q) for q in counts)


def _joined_counts(ctx: SentenceContext, first, second) -> bool:
    """Are two counts items of one list ("quatre Rafale et 120 aviateurs"): the second
    follows the first with a joining word and no verb between?"""
    doc = ctx.sentence.doc
    between = doc.char_span(first.end, second.start, alignment_mode="contract")
    if second.start <= first.end or between is None:
        return False
    joiners = mention_words(doc.lang_)["joiners"]
    return (any(t.lower_ in joiners for t in between)
            and not any(t.pos_ in ("VERB", "AUX") or t.text in (";", ".") for t in between))


def _counts_an_item(ctx: SentenceContext, match, items) -> bool:
    """Is the count one of the frame's own items ("deux F-35"), the noun right after it?"""
    doc = ctx.sentence.doc
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if not items or span is None:
        return False
    words = {t.lower_ for t in span} | ({doc[span.end].lower_, doc[span.end].lemma_.lower()} if span.end < len(doc) else set())
    return bool(words & items)


def _counts_a_noun(ctx: SentenceContext, match, items=frozenset()) -> bool:
    """"8 000 travailleurs": a count of a noun the unit lexicon does not know
    (workers, casualties, vessels) is a count of something else; not a count of
    what the frame supplies ("six avions", an item noun of the aid frame)."""
    doc = ctx.sentence.doc
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    return (following.pos_ == "NOUN" and following.is_lower
            and following.lower_ not in items and following.lemma_.lower() not in items)
