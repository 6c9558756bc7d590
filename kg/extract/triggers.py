"""Which words of a sentence trigger a frame, and which triggers to leave alone:
negated and hypothetical acts ("n'a pas envoyé", "devraient rejoindre"), and
counts of something else than the frame counts."""
from __future__ import annotations

from .context import SentenceContext
from .fields import nearest
from .frames import Frame, claim_lexicon, find_phrases

__all__ = ["topics_of", "trigger_tokens", "blocked", "other_unit"]


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
            if not tagged or t.pos_ in _TRIGGER_POS:
                for word in {t.lemma_.lower(), t.lower_}:
                    index.setdefault(word, []).append(t.i)
        doc.user_data["kg_trigger_index"] = index
    return index


def trigger_tokens(sentence, frame: Frame, lang: str):
    """Tokens of ``sentence`` that trigger ``frame``: lemma matches and noun phrases."""
    doc = sentence.doc
    index = _trigger_index(doc)
    found = {doc[i] for lemma in frame.lemmas for i in index.get(lemma, ())
             if sentence.start <= i < sentence.end and _voice_fits(doc[i], frame.voice)
             and not (lemma in frame.not_reflexive and _reflexive(doc[i]))
             and _subject_fits(doc[i], frame.subjects)}
    found.update(doc[start] for start, _end, _noun in find_phrases(doc, lang, frame.nouns, sentence.start, sentence.end))
    return sorted(found, key=lambda t: t.i)


def _subject_fits(token, subjects: frozenset[str]) -> bool:
    """"Des soldats sont arrivés", not "le ministre est arrivé": a frame may name the nouns
    its trigger's subject must be."""
    if not subjects:
        return True
    found = [c for c in token.children if c.dep_.startswith("nsubj")]
    return any(c.lemma_.lower() in subjects or c.lower_ in subjects for c in found)


def _reflexive(token) -> bool:
    """A verb with its reflexive clitic ("en nous appuyant sur", "s'appuie sur")."""
    return any(c.dep_.startswith("expl") or (c.pos_ == "PRON" and c.dep_ in ("obj", "iobj") and c.i < token.i)
               for c in token.children)


def _voice_fits(token, voice: str) -> bool:
    if voice == "any":
        return True
    # a participle the tagger read as an adjective or noun ("des responsables sanctionnés") is passive
    passive = ("Pass" in token.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in token.children)
               or (token.pos_ in ("ADJ", "NOUN") and token.lower_.endswith(("é", "és", "ée", "ées", "ed"))))
    return passive == (voice == "passive")


def blocked(token, lexicon) -> bool:
    """A negated or hypothetical act, which the corpus does not count as a claim."""
    if not token.doc.has_annotation("DEP"):
        # no parse: look at the few words before the trigger ("did not send", "will deploy")
        window = token.doc[max(token.i - 3, token.sent.start):token.i]
        if any(t.lower_ in lexicon.irrealis for t in window):
            return True
        return any(t.lower_ in lexicon.negations for t in window) and not _last_time(token, lexicon)
    for child in token.children:
        if child.lower_ in lexicon.negations and not _last_time(token, lexicon):
            return True
        if child.dep_.startswith("aux") and child.lemma_.lower() in lexicon.irrealis:
            return True
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in lexicon.irrealis:
        return True
    return token.pos_ == "VERB" and "Fut" in token.morph.get("Tense")


def _last_time(token, lexicon) -> bool:
    """"Il ne s'était plus rendu au Vietnam depuis 2017": not since then, so then."""
    words = {t.lower_ for t in token.sent}
    return bool(words & lexicon.since) and bool(words & lexicon.no_longer)


def other_unit(ctx: SentenceContext, frame: Frame, trigger) -> bool:
    """The count nearest the trigger is of something else: "transféré 9 millions d'obus"
    is aid, not a deployment; "envoyé 10 000 soldats" is not aid."""
    if not frame.needs_unit:
        return False
    counts = [q for q in ctx.quantities if q.quantity.unit]
    if not any(q.quantity.unit in frame.needs_unit for q in counts):
        # "quatre brigades de 12 000 soldats": a count of an unknown noun vetoes only
        # when nothing the frame counts is counted beside it
        counts += [q for q in ctx.quantities if not q.quantity.unit and _counts_a_noun(ctx, q)]
    closest = nearest(counts, trigger.idx)
    return closest is not None and closest.quantity.unit not in frame.needs_unit


def _counts_a_noun(ctx: SentenceContext, match) -> bool:
    """"8 000 travailleurs": a count of a noun the unit lexicon does not know
    (workers, casualties, vessels) is a count of something else."""
    doc = ctx.sentence.doc
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    return following.pos_ == "NOUN" and following.is_lower
