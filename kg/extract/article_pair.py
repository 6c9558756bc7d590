"""The article's main pair: the two states an article is about, and "the two countries".

Obligations without named parties, "les deux pays" and roles left empty fall
back on the pair; it is counted from the states the article names, or the
states its named leaders act for.
"""
from __future__ import annotations

from collections import Counter

from ..model import EntityRef
from .doc_memo import once_per_doc
from .frames import claim_lexicon
from .phrases import find_phrases

__all__ = ["main_pair", "acting_state", "recent_pair", "leading_states", "pair_point", "mentions_pair"]


def main_pair(mentions) -> list[EntityRef]:
    """The two states an article names most, counting the leaders who act for them
    (ties broken by first mention)."""
    states = [(m, acting_state(m)) for m in mentions if acting_state(m)]
    counts = Counter(ref.id for _, ref in states)
    first: dict[str, tuple] = {}
    for m, ref in states:
        first.setdefault(ref.id, (m.start, ref))
    ranked = sorted(counts, key=lambda i: (-counts[i], first[i][0]))
    return [first[i][1] for i in ranked[:2]]


def acting_state(mention) -> EntityRef | None:
    """The state a mention names or acts for: "Xi Jinping ... avec Vladimir Poutine ...
    les deux pays" are China and Russia."""
    return mention.country or (mention.state if mention.cls == "Person" else None)


def _placed(doc, mention) -> bool:
    """Named after a preposition, as a place ("en Ukraine"), not as a partner ("avec Poutine")."""
    # each sentence looks back over the article's earlier mentions: read once per Doc,
    # by what the reading looks at of the mention (its words and its phrase's start)
    return once_per_doc(doc, "kg_placed", (mention.tok_start, mention.tok_end, mention.demonym, mention.cls),
                        _read_as_placed, doc, mention)


def _read_as_placed(doc, mention) -> bool:
    from .markers import after_preposition, phrase_start
    from .mention_words import mention_words

    start = phrase_start(doc, mention)
    words = mention_words(doc.lang_)
    if not after_preposition(doc, mention) or (start > 0 and doc[start - 1].lower_ in words["partners"]):
        return False
    # "les ministres des Affaires étrangères de la France et de l'Allemagne": the states
    # whose representatives act are no places
    root = doc[mention.tok_start:mention.tok_end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    holder = root.head
    for _ in range(3):  # up a portfolio ("des Affaires étrangères") to whom it belongs
        if holder.lower_ in words["representatives"] or holder.dep_ != "nmod" or holder.head.i == holder.i:
            break
        holder = holder.head
    return not (doc.has_annotation("DEP") and holder.lower_ in words["representatives"])


def recent_pair(doc, mentions, before_char: int, fallback: list[EntityRef],
                leading: set[str] | None = None) -> list[EntityRef]:
    """The last two states named as actors before a point: in the sentence before
    ("Xi Jinping a signé avec Vladimir Poutine... Les deux dirigeants"), else
    among the article's three most named states ("La Russie et la Corée du Nord
    ont resserré leurs liens... Les deux pays"); else ``fallback``. A state named
    after a preposition ("la guerre en Ukraine") is a place there, not one of the two.
    ``leading``: leading_states(mentions), if the caller already has it."""
    leading = leading_states(mentions) if leading is None else leading
    earlier = [m for m in mentions if m.end <= before_char]
    sentence_start = doc.char_span(before_char, before_char + 1, alignment_mode="expand")
    previous = doc[sentence_start.start - 1].sent.start if sentence_start is not None and sentence_start.start else 0
    main = {r.id for r in fallback}
    for candidates, allowed in (([m for m in earlier if m.tok_start >= previous], None), (earlier, leading)):
        found: list[EntityRef] = []
        for mention in reversed(candidates):
            ref = acting_state(mention)
            if ref is None or ref.id in {r.id for r in found} or _placed(doc, mention) or _spoken_of(doc, mention):
                continue
            if allowed is None or ref.id in allowed:
                found.append(ref)
            if len(found) == 2 and allowed is not None:
                return found
        if allowed is None and len(found) > 2 and len(main) == 2 and main <= {r.id for r in found}:
            # "Russia offered to mediate between Tehran and Washington. The two countries
            # signed...": of three states or more just named, the two the article is about
            return [r for r in found if r.id in main]
        if allowed is None and len(found) >= 2:
            return found[:2]
    return fallback


def _spoken_of(doc, mention) -> bool:
    """"Blinken condemned China's use of water cannons. The two sides agreed...": the owner
    of what a verb acts on is spoken of, it is none of the two who act."""
    if not doc.has_annotation("DEP"):
        return False
    root = doc[mention.tok_start:mention.tok_end].root
    return root.dep_ in ("nmod:poss", "nmod") and root.head.dep_ == "obj" and root.head.pos_ == "NOUN"


def leading_states(mentions) -> set[str]:
    """The ids of the article's three most named states (by acting_state)."""
    counts = Counter(acting_state(m).id for m in mentions if acting_state(m))
    return {i for i, _ in counts.most_common(3)}


def pair_point(sentence, lang: str) -> int:
    """Where "the two countries" stands in a sentence (its first character), or the
    sentence's start: the states named before that point are the two."""
    from ..profiles import profile

    phrases = claim_lexicon(lang).pair_anaphora
    found = next(find_phrases(sentence.doc, lang, phrases, sentence.start, sentence.end), None)
    if found is None:
        return sentence.start_char
    # '« Nous soutenons l'Ukraine », ont déclaré les deux dirigeants': the states a quotation
    # before it names are what the two speak of, not the two
    closing = profile(lang).text.closing_quotes
    if any(t.text in closing for t in sentence.doc[sentence.start:found[0]]):
        return sentence.start_char
    # "The Kremlin accused both countries of ...": the two one acts on are named before
    # the sentence, not its subject
    if sentence.doc.has_annotation("DEP") and sentence.doc[found[0]:found[1]].root.dep_ in ("obj", "iobj"):
        return sentence.start_char
    return sentence.doc[found[0]].idx


def mentions_pair(sentence, lang: str) -> bool:
    """Does the sentence speak of "the two countries" without naming them?"""
    doc = sentence.doc
    phrases = claim_lexicon(lang).pair_anaphora
    return any(True for _ in find_phrases(doc, lang, phrases, sentence.start, sentence.end))
