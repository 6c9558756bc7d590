"""Text utilities that every stage shares: normalisers, ISO dates, the dateline.

This module sits below kg.sources and kg.extract and imports neither, so that
reading an article does not depend on the rules that analyse it.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["unaccent", "fold", "parse_iso", "iso_date", "Dateline", "find_dateline"]


def unaccent(text: str) -> str:
    """No accents, one kind of apostrophe and dash, single spaces; case kept
    (the key of the gazetteer's case-sensitive forms).

    >>> unaccent("Séoul  N’Djamena")
    "Seoul N'Djamena"
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2011", "-")
    return re.sub(r"\s+", " ", text).strip()


def fold(text: str) -> str:
    """Fold a label for comparison: no accents, no case, one kind of dash and quote.

    >>> fold("Corée du  Nord")
    'coree du nord'
    >>> fold("nord–coréens") == fold("Nord-Coréens")
    True
    """
    return unaccent(text).casefold()


def parse_iso(value: str) -> tuple[int, int | None, int | None]:
    """``"2024-06"`` -> ``(2024, 6, None)``; ValueError on anything but a real date.

    >>> parse_iso("2024-02-29")
    (2024, 2, 29)
    >>> parse_iso("2024-02-30")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    dt.date(year, month or 1, day or 1)  # raises on month 13 or 30 February
    return year, month, day


def iso_date(value: str) -> str:
    """An article's date as ISO ``YYYY[-MM[-DD]]``, from the forms that front matter,
    feeds and HTTP headers use: ISO dates and timestamps, and RFC 2822 dates.
    ValueError on anything else. The day is the one written (no time zone shift).

    >>> iso_date("2024-06-19T08:30:00Z"), iso_date("2024-06-19 08:30:00+02:00")
    ('2024-06-19', '2024-06-19')
    >>> iso_date("Wed, 19 Jun 2024 08:30:00 GMT")
    '2024-06-19'
    >>> iso_date("2024-06")
    '2024-06'
    """
    value = value.strip()
    stamp = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
                         r"\s*(?:Z|[+-]\d{2}:?\d{2})?", value)
    if stamp:
        value = stamp.group(1)
    elif re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\b", value):
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            raise ValueError(f"not a date: {value!r}") from None
    parse_iso(value)
    return value


@dataclass(frozen=True)
class Dateline:
    """Where the place of a dateline ends, and where the article's own text begins
    (and where the dateline starts: after a headline, not at 0)."""
    place_end: int
    end: int
    start: int = 0


# A place in capitals, then up to a dash either a comma and a date (perhaps an
# agency), or the agency alone in brackets: "WARSAW (AP) —", "KYIV (Reuters) -",
# "SEOUL, Nov. 4 (Yonhap) --"; TASS ends its own with the agency between slashes:
# "MOSCOW, January 14. /TASS/."
_DATELINE = re.compile(r"\A(?P<place>[^\n,(]{2,40}?)(?:,[^\n—]{4,50}?|\s*(?P<agency>\([^()\n]{2,30}\))\s*)"
                       r"(?:—|–|--| - |\s/[A-Z][A-Za-z-]{1,20}/\.?)")


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, if any: the place the article was filed
    from is no actor, and the day it was filed is no claim's date.

    >>> line = find_dateline("N'DJAMENA, 29 novembre 2024 — Le Tchad a mis fin ...")
    >>> line.place_end, line.end
    (9, 29)
    >>> find_dateline("WARSAW (AP) — The United States ...").place_end
    6
    >>> find_dateline("Paris, la capitale, a dit - ") is None
    True
    >>> find_dateline("MOSCOW, January 14. /TASS/. Russia and ...").end
    27
    >>> find_dateline("Copenhagen (AFP) - Denmark on Tuesday ...").place_end
    10
    """
    match = _DATELINE.match(text)
    # the place in capitals, or as a name right before the agency: "Copenhagen (AFP) - "
    place = match.group("place") if match else ""
    if not match or not (place.isupper() or (match.group("agency") and place.istitle())):
        return None
    return Dateline(match.end("place"), match.end())
