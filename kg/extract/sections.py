"""Cut a long article into sections that the parser and the rules read one by one.

spaCy refuses a text over ``nlp.max_length`` (a million characters), its parser
needs memory in proportion to the text, and some of the rules look at the whole
document for every sentence: an article read in one piece costs time with the
square of its length. Read in sections of bounded size, it costs time in
proportion to it. A section ends at a paragraph break when it can (a blank line,
else a line break, else the end of a sentence, else a space), so that no sentence
is cut; sections are spans ``(start, end)`` of the body, so that every offset
found in a section, plus its start, points into the body.

>>> sections("Un.\\n\\nDeux.\\n\\nTrois.", 8)
[(0, 5), (5, 12), (12, 18)]
>>> sections("court", 100)
[(0, 5)]
"""
from __future__ import annotations

import re

__all__ = ["SECTION_CHARS", "sections"]

#: an article longer than this is read in sections (the corpora's longest article is
#: a tenth of it: ordinary articles are read whole, as before)
SECTION_CHARS = 20_000

# where a section may end, best first: after a blank line, a line break, a sentence end, a space
_BREAKS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?…»\"”]\s+"),
           re.compile(r"\s+"))


def sections(body: str, size: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``body``, each at most ``size`` (SECTION_CHARS) characters, that together cover it."""
    size = size or SECTION_CHARS
    spans, start = [], 0
    while len(body) - start > size:
        end = _cut(body, start, start + size)
        spans.append((start, end))
        start = end
    spans.append((start, len(body)))
    return spans


def _cut(body: str, start: int, limit: int) -> int:
    """The last good place to end a section that starts at ``start``, before ``limit``:
    after a break in the second half of the window, else at the limit itself."""
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(body, floor, limit):
            last = match
        if last is not None and last.end() > start:
            return last.end()
    return limit
