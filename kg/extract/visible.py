"""The text the rules read: the body without the characters one does not see.

Text copied from the web carries zero-width spaces, bidirectional marks, soft
hyphens and byte-order marks inside words ("sol\\u00addats", "Russie\\u200b"):
the tokenizer then sees other words, and claims are lost. Control characters
(``\\x01``, ``\\x1b``) and the Unicode line separators are no words either.
The rules read a cleaned copy, in which the invisible characters are removed and
the others replaced (a line separator by a line break, a control character by a
space); ``where`` maps each character of the copy back to its place in the body,
so that every offset the rules find is turned into one into the body the user
sees, and ``body[start:end] == text`` holds for evidence and mentions.

>>> text, where = visible("Sol\\u00addats\\u200b en Russie")
>>> text, where[3], where[7]
('Soldats en Russie', 4, 9)
>>> visible("Rien à ôter.")
('Rien à ôter.', None)
"""
from __future__ import annotations

import re

__all__ = ["visible", "body_span"]

#: removed: soft hyphen, zero-width spaces and joiners, bidirectional marks,
#: embeddings, overrides and isolates, word joiner, invisible operators, BOM
_INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
#: replaced by a line break: next line, line and paragraph separators
_LINE_BREAKS = "\u0085\u2028\u2029"
#: replaced by a space: control characters other than tab, line feed and carriage return
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
_UNSEEN = re.compile(f"[{_INVISIBLE}{_LINE_BREAKS}{_CONTROLS}]")
_REMOVED = re.compile(f"[{_INVISIBLE}]")
_REPLACE = dict.fromkeys(_LINE_BREAKS, "\n")


def visible(body: str) -> tuple[str, list[int] | None]:
    """``(the cleaned text, where)``: ``where[i]`` is the body offset of the text's
    character ``i`` (and ``where[len(text)] == len(body)``); ``None`` when nothing
    was changed, the text then being the body itself."""
    if not _UNSEEN.search(body):
        return body, None
    parts, where, last = [], [], 0
    for match in _UNSEEN.finditer(body):
        parts.append(body[last:match.start()])
        where.extend(range(last, match.start()))
        char = match.group()
        if not _REMOVED.match(char):
            parts.append(_REPLACE.get(char, " "))
            where.append(match.start())
        last = match.end()
    parts.append(body[last:])
    where.extend(range(last, len(body) + 1))
    return "".join(parts), where


def body_span(where: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The body offsets of the text's characters ``start:end``.

    >>> body_span([0, 2, 3], 0, 2)
    (0, 3)
    """
    if where is None:
        return start, end
    return where[start], (where[end - 1] + 1 if end > start else where[start])
