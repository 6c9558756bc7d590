"""Numbers written in words, found and valued by text2num.

"deux cent cinquante", "soixante et onze", "two hundred and fifty",
"eleven thousand five hundred": the maintained text2num library (Rust, with
French and English grammars) reads them better than a word table would. This
module only cuts the text into tokens that remember their offsets, asks
text2num for the numbers in that token stream, and gives back character spans.
What a number counts (its cue, its unit, a range) is kg.extract.quantities'
job.

>>> [(w.text, w.value) for w in find_number_words("Quatre-vingt-dix-sept chars et vingt et un drones", "fr")]
[('Quatre-vingt-dix-sept', 97), ('vingt et un', 21)]
>>> [(w.text, w.value) for w in find_number_words("between ten thousand and twelve thousand", "en",
...                                                 {"between": {"and"}})]
[('ten thousand', 10000), ('twelve thousand', 12000)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import Token, find_numbers

from ..text import fold

__all__ = ["WrittenNumber", "find_number_words"]

# a word (with its apostrophes: "d'obus"), a run of digits, or one punctuation mark:
# text2num never joins across a comma. A hyphen before a word is no token, so that
# "quatre-vingt-dix" is read as "quatre vingt dix" and "two hundred-strong" has a
# number before its suffix
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+|(?!-(?=[^\W\d_]))[^\w\s]")

#: how far (in tokens) an opener ("between") looks for its joiner ("and")
_RANGE_REACH = 8

#: kg.text.fold of one word: every word of each sentence with a count is folded, and
#: the same few hundred words come back sentence after sentence
_fold_word = lru_cache(maxsize=4096)(fold)


@dataclass(frozen=True)
class WrittenNumber:
    """A number in words: ``text == body[start:end]``, ``words`` folded."""
    start: int
    end: int
    text: str
    value: int
    words: tuple[str, ...]


class _Token(Token):
    """A word of the text as text2num reads it, with its offsets."""

    def __init__(self, match: re.Match):
        self.start, self.end, self.word = match.start(), match.end(), match.group()
        self.separated = False

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: Token) -> bool:
        return self.separated


def find_number_words(text: str, lang: str, ranges: dict[str, set[str]] | None = None) -> list[WrittenNumber]:
    """The numbers written in words in ``text``, in order (ordinals, decimals and zero left out).

    ``ranges`` maps a range opener to its joiners (folded single words): in "entre
    dix mille et douze mille" the joiner cuts the text in two numbers, where
    text2num alone would read "dix mille et douze" as 10 012.
    """
    tokens = [_Token(match) for match in _TOKEN.finditer(text)]
    if ranges:
        _cut_ranges(tokens, ranges)
    try:
        found = find_numbers(tokens, lang, 0.0)
    except ValueError:  # a language text2num has no grammar for: digits only
        return []
    numbers = []
    for occurrence in found:
        value = occurrence.value
        if occurrence.is_ordinal or value <= 0 or not float(value).is_integer():
            continue  # "first", "zero", "trois virgule cinq" (decimals are written in digits)
        words = tokens[occurrence.start:occurrence.end]
        start, end = words[0].start, words[-1].end
        numbers.append(WrittenNumber(start, end, text[start:end], int(value),
                                     tuple(_fold_word(w.word) for w in words)))
    return numbers


def _cut_ranges(tokens: list[_Token], ranges: dict[str, set[str]]) -> None:
    """Mark the first joiner after an opener as a break on both sides."""
    joiners: set[str] = set()
    reach = 0
    for index, token in enumerate(tokens):
        word = _fold_word(token.word)
        if reach and word in joiners:
            token.separated = True
            if index + 1 < len(tokens):
                tokens[index + 1].separated = True
            reach = 0
        elif word in ranges:
            joiners, reach = ranges[word], _RANGE_REACH
        elif reach:
            reach -= 1
