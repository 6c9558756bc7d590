"""Bytes to text: UTF-8 first, a byte-order mark honoured, else the charset detected.

A file saved as cp1252 or Latin-1 is common among news exports; it is read,
with a warning naming the encoding that was guessed, rather than skipped.
"""
from __future__ import annotations

import codecs

from .errors import InputError

__all__ = ["decode", "has_bom"]

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_WESTERN = {"cp1252", "latin_1", "iso8859_15"}


def has_bom(data: bytes) -> bool:
    """Whether ``data`` opens with a Unicode byte-order mark."""
    return any(data.startswith(bom) for bom, _codec in _BOMS)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """``(text, warning)``: the warning says which encoding was guessed, None when
    the bytes were UTF-8, had a byte-order mark, or matched ``declared``.

    >>> decode("Café".encode("utf-16"))
    ('Café', None)
    >>> decode("Le ministre a déclaré à Genève".encode("cp1252"))[1]
    'not UTF-8: read as cp1252 (detected); save the file as UTF-8 to be sure'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff"), None
            except UnicodeDecodeError:
                raise InputError(f"a {codec} byte-order mark, but the text is not {codec}") from None
    for codec in filter(None, (declared, "utf-8")):
        try:
            return data.decode(codec), None
        except (UnicodeDecodeError, LookupError):
            continue
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not a text article")
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError("not text in any encoding kg can detect; save the file as UTF-8")
    # kg reads French and English: when a Western European code page fits the bytes it
    # is the one meant, though the detector may rank a Central European one first
    western = [m for m in matches if m.encoding in _WESTERN]
    name = "cp1252" if western else matches[0].encoding
    return data.decode(name, errors="replace"), (f"not UTF-8: read as {name} (detected); "
                                                  "save the file as UTF-8 to be sure")
