"""What the rules ask again and again of the same words, read once per Doc.

Each frame, trigger, marker and cue looks at the same mentions and sentences:
a reading that depends only on the Doc and a key is kept in the Doc's
``user_data``, under a table of its own, for the Doc's lifetime.
"""
from __future__ import annotations

__all__ = ["once_per_doc"]

_MISSING = object()


def once_per_doc(doc, table: str, key, make, *args):
    """``make(*args)``, made once per ``doc``, ``table`` and ``key``.

    >>> from types import SimpleNamespace
    >>> doc, calls = SimpleNamespace(user_data={}), []
    >>> once_per_doc(doc, "kg_len", "ab", lambda w: calls.append(w) or len(w), "ab")
    2
    >>> once_per_doc(doc, "kg_len", "ab", lambda w: calls.append(w) or len(w), "ab"), calls
    (2, ['ab'])
    """
    found = doc.user_data.setdefault(table, {})
    value = found.get(key, _MISSING)
    if value is _MISSING:
        value = found[key] = make(*args)
    return value
