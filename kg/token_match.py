"""spaCy's French ``token_match``, compiled in a fraction of the time.

spaCy's French tokenizer exceptions are one regular expression of 266
anchored alternatives, about 1.4 MB, in which the same Unicode letter class
is written out some 450 times; Python's ``re`` compiles each copy apart, with
case folding, which takes about 2 s of CPU, once at import and once more when
the tokenizer is read from disk (the second time from ``re``'s cache). That
is most of the time of loading the French model, paid by every ``kg`` run
that reads one French article.

Most alternatives end alike ("...[-][letters][letters-']*$"), so grouping
them by that ending writes each class a few times instead of 450:
``^a[-]x$|^b[-]x$`` matches exactly the strings ``(?:^a|^b)[-]x$`` does
(concatenation distributes over alternation), and the tokenizer only asks
whether the pattern matches. ``quick_token_match`` makes ``re.compile``
return that grouped pattern for such a pattern while a model loads; any
pattern it cannot take apart is compiled as written.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

__all__ = ["grouped_pattern", "quick_token_match"]

_LARGE = 100_000  # characters: only a pattern this long is worth taking apart
_FLAGS = "(?iu)"
_JOIN = ")|(?:"
# one top-level piece of an alternative: an escape, a class, a group without
# nested groups, or a character; each with its quantifier
_ATOM = re.compile(r"""(?:\\.                                   # escape
                        |\[\^?(?:\\.|[^\\\]])*\]                # class
                        |\((?:\\.|\[\^?(?:\\.|[^\\\]])*\]|[^\\()\[])*\)  # group
                        |[^\\\[()|])                            # character (not | nor ): left as they are)
                       [*+?]?""", re.X | re.S)


def grouped_pattern(pattern: str) -> str | None:
    """``pattern`` with its alternatives grouped by the classes they end with,
    or None when it is not ``(?iu)(?:^...$)|(?:^...$)...`` made of simple pieces.

    >>> grouped_pattern("(?iu)(?:^ab[0-9]+$)|(?:^cd[0-9]+$)|(?:^e$)")
    '(?iu)(?:(?:^ab|^cd)[0-9]+$)|(?:(?:^e)$)'
    """
    if not (pattern.startswith(_FLAGS + "(?:^") and pattern.endswith("$)")):
        return None
    alternatives = pattern[len(_FLAGS) + 3:-1].split(_JOIN)
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if not alternative.endswith("$"):
            return None
        atoms = _ATOM.findall(alternative, 0, len(alternative) - 1)
        if "".join(atoms) != alternative[:-1]:
            return None  # a piece the scanner does not know (a nested group...): left as it is
        cut = len(atoms)
        while cut > 1 and atoms[cut - 1].startswith("["):
            cut -= 1
        groups.setdefault("".join(atoms[cut:]) + "$", []).append("".join(atoms[:cut]))
    return _FLAGS + "|".join(f"(?:(?:{'|'.join(heads)}){tail})" for tail, heads in groups.items())


@contextmanager
def quick_token_match():
    """While it lasts, ``re.compile`` of a very long pattern of that shape
    compiles its grouped form (a pattern object for the same strings, whose
    ``.pattern`` is the grouped text)."""
    compile_as_written = re.compile
    grouped: dict[str, re.Pattern] = {}

    def compile(pattern, flags=0):
        if flags or not isinstance(pattern, str) or len(pattern) < _LARGE:
            return compile_as_written(pattern, flags)
        if pattern not in grouped:
            shorter = grouped_pattern(pattern)
            grouped[pattern] = compile_as_written(shorter if shorter is not None else pattern)
        return grouped[pattern]

    re.compile = compile
    try:
        yield
    finally:
        re.compile = compile_as_written
