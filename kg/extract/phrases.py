"""The phrase scanner: where the lexicons' phrases stand in a Doc.

Phrases are cut by the language's own tokenizer and matched on lower-case
words, so that "l'État" in a lexicon finds "l’État" in a text; each Doc is
scanned once per phrase list and the matches are kept in its ``user_data``.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from .doc_memo import once_per_doc

__all__ = ["phrase_words", "lowered_words", "find_phrases"]


@lru_cache(maxsize=None)
def phrase_words(lang: str, phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the tokenizer cuts it, lower case: "l'État" -> ("l'", "état")."""
    from ..nlp import pipeline

    return tuple(t.lower_.replace("\u2019", "'") for t in pipeline(lang).tokenizer(phrase))


def lowered_words(doc) -> list[str]:
    """The Doc's words in lower case with one kind of apostrophe, computed once per Doc."""
    return once_per_doc(doc, "kg_lowered", None, _lowered, doc)


def _lowered(doc) -> list[str]:
    return [t.lower_.replace("\u2019", "'") for t in doc]


@lru_cache(maxsize=4096)
def _phrase_index(lang: str, phrases) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Phrases by their first word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase in sorted(phrases):
        words = phrase_words(lang, phrase)
        if words:
            index.setdefault(words[0], []).append((words, phrase))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def find_phrases(doc, lang: str, phrases, start: int = 0, end: int | None = None):
    """(start, end, phrase) token spans of ``phrases`` in ``doc[start:end]``, longest first, no overlap.

    The whole Doc is scanned once per phrase list; later calls pick their range.
    """
    end = len(doc) if end is None else end
    key = phrases if isinstance(phrases, (tuple, frozenset)) else tuple(phrases)
    found, starts = once_per_doc(doc, "kg_phrases", (lang, key), _scanned, doc, lang, key)
    # matches are in text order: the range's are found by bisection, not by reading the
    # whole article's (the rules ask sentence by sentence: an article's square otherwise)
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    return (match for match in found[first:last] if match[1] <= end)


def _scanned(doc, lang: str, phrases) -> tuple[list, list[int]]:
    """The Doc's matches of ``phrases`` in text order, and where each starts."""
    found = list(_scan(lowered_words(doc), _phrase_index(lang, phrases), _word_positions(doc)))
    return found, [match[0] for match in found]


def _word_positions(doc) -> dict[str, list[int]]:
    """Where each (lowered) word of the Doc stands, computed once per Doc."""
    return once_per_doc(doc, "kg_word_positions", None, _positions, doc)


def _positions(doc) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(lowered_words(doc)):
        positions.setdefault(word, []).append(i)
    return positions


def _scan(words: list[str], index, positions: dict[str, list[int]]):
    """The phrases of ``index`` in ``words``, from left to right, each taking the longest
    phrase that starts there and the words it covers. Only the words that open a phrase
    are visited (the Doc is scanned once per phrase list: most words open none)."""
    opening = sorted(i for word in index.keys() & positions.keys() for i in positions[word])
    covered = 0  # the end of the last phrase found
    for i in opening:
        if i < covered:
            continue
        hit = next(((w, p, i + len(w)) for w, p in index[words[i]] if tuple(words[i:i + len(w)]) == w), None)
        if hit is None and _QUOTES.intersection(words[i + 1:i + 4]):
            hit = next(((w, p, end) for w, p in index[words[i]] if (end := _quoted_end(words, i, w))), None)
        if hit:
            yield i, hit[2], hit[1]
            covered = hit[2]


#: quotation marks a phrase may enclose part of ('conveyed "serious concerns" to Moscow')
_QUOTES = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "``", "''"})


def _quoted_end(words: list[str], i: int, phrase: tuple[str, ...]) -> int | None:
    """Where ``phrase`` ends if it stands at ``i`` once the quotation marks between its
    words are passed over; None if it does not."""
    j = i
    for n, word in enumerate(phrase):
        while n and j < len(words) and words[j] in _QUOTES:
            j += 1
        if j >= len(words) or words[j] != word:
            return None
        j += 1
    return j
