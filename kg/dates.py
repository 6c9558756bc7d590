"""Find dates in French and English text, with exact offsets.

Below both kg.sources (the date at the top of an article) and kg.extract
(the date of a claim): it needs only the lexicons.

``find_dates`` returns each date expression once, as precise as the text is:
``"2024"``, ``"2024-06"`` or ``"2024-06-19"``. The words (months, weekdays,
seasons, "la veille", "last week") live in ``ontology/lexicons/<lang>/dates.yaml``.

Relative expressions are resolved against the publication date, and marked
``relative=True``; a date whose year had to be guessed from the publication
("19 juin", "en juin") is relative too. The rules:

- a month (or day) without a year is in the year of publication, unless that
  would put it after the publication date: then it is in the year before;
- a bare weekday ("mardi", "on Monday") is the most recent such day on or
  before publication, so "mardi" in an article published a Tuesday is that
  day; "jeudi dernier" / "last Thursday" is the most recent one strictly before;
- "la semaine dernière" / "last week" is the calendar week (Monday to Sunday)
  before the one of publication, and gives ``YYYY-MM`` only when that week lies
  in one month, otherwise ``iso=None``;
- "cet été" gives the year of publication, "l'été dernier" the year of the last
  summer that ended before publication, "l'été 2023" 2023;
- without a publication date, relative expressions are found with ``iso=None``.

The span covers the cue words that make a bare month or year a date ("en juin",
"depuis le début du mois d'octobre", "in mid-November").

>>> [(m.text, m.iso) for m in find_dates("signé le 19 juin 2024 à Pyongyang", "fr", None)]
[('le 19 juin 2024', '2024-06-19')]
>>> [(m.text, m.iso, m.relative) for m in find_dates("He left on Monday.", "en", "2024-10-30")]
[('Monday', '2024-10-28', True)]
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicons import any_phrase, load_lexicon, phrase_regex
from .text import parse_iso

__all__ = ["DateMatch", "find_dates", "keep_longest"]


@dataclass(frozen=True)
class DateMatch:
    """A date expression: ``text == body[start:end]``; ``iso`` is None when it cannot be resolved."""
    start: int
    end: int
    text: str
    iso: str | None
    relative: bool


def find_dates(text: str, lang: str, published: str | None) -> list[DateMatch]:
    """Every date expression of ``text``, in order, none overlapping another."""
    rules = _rules(lang)
    candidates = _candidates(text, lang)
    if candidates is None:
        return []
    anchor = _Anchor.of(published)
    found: list[DateMatch] = []
    for kind, match in candidates:
        resolved = _RESOLVERS[kind](match, rules, anchor)
        if resolved is not None:
            iso, relative = resolved
            found.append(DateMatch(match.start(), match.end(), match.group(), iso, relative))
    return keep_longest(found)


@lru_cache(maxsize=64)
def _candidates(text: str, lang: str) -> tuple | None:
    """``(kind, match)`` of every pattern over ``text``; None when it cannot hold a
    date. Kept for the last sentences: the extractor asks twice of each (its dates,
    then the dates its quantities must not overlap), with and without an anchor."""
    rules = _rules(lang)
    has_digit = any(map(str.isdigit, text))  # no generator: this reads every sentence
    words = frozenset(re.findall(r"\w+", _fold(text)))
    # a cheap first look: no digit and no word of the date lexicon, no date (most
    # sentences; the patterns are many and long)
    if not has_digit and _lexicon_words(lang).isdisjoint(words):
        return None
    return tuple((kind, match) for kind, pattern in rules.patterns if _may_match(rules.needs.get(kind), has_digit, words)
                 for match in pattern.finditer(text)
                 if not (rules.capitalised and not _names_capitalised(match)))


def _may_match(need, has_digit: bool, words: frozenset[str]) -> bool:
    """Can a pattern that needs ``need`` (see ``_needs``) match a text with those words?
    Each pattern scans the whole sentence, and most sentences hold no month, weekday..."""
    if need is None:
        return True
    if need is _DIGIT:
        return has_digit
    return not need.isdisjoint(words)


@lru_cache(maxsize=None)
def _lexicon_words(lang: str) -> frozenset[str]:
    """Every word the date lexicon holds, in keys and values alike, folded."""
    words: set[str] = set()

    def collect(value) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"\w+", _fold(value)))
        elif isinstance(value, dict):
            for key, item in value.items():
                collect(key)
                collect(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)

    collect(load_lexicon(lang, "dates"))
    return frozenset(words)


def _names_capitalised(match: re.Match) -> bool:
    return all(match.group(name)[:1].isupper() or not match.group(name)[:1].isalpha()
               for name in ("month", "weekday") if match.groupdict().get(name))


def keep_longest(found: list) -> list:
    """Keep the longest of overlapping spans (anything with start and end), in text order.

    "mercredi 19 juin" wins over "mercredi"; quantities use it too.
    """
    kept: list[DateMatch] = []
    for match in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(match.end <= other.start or match.start >= other.end for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


@dataclass(frozen=True)
class _Anchor:
    """The publication date, as precise as it is known."""
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, published: str | None) -> "_Anchor":
        if not published:
            return cls()
        try:
            return cls(*parse_iso(str(published)))
        except ValueError:
            return cls()

    @property
    def date(self) -> dt.date | None:
        if self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def year_for(self, month: int, day: int | None = None) -> int | None:
        """The year of a month (and day) written without one: never after publication."""
        if self.year is None:
            return None
        if self.month is None:
            return self.year
        if (month, day or 1) > (self.month, self.day or 31):
            return self.year - 1
        return self.year


class _Rules:
    """The compiled patterns of one language."""

    def __init__(self, lang: str, lexicon: dict):
        self.lang = lang
        self.capitalised = lexicon["capitalised_names"]
        self.day_first = lexicon["numeric_order"] == "dmy"
        self.months = {word.casefold(): n for word, n in lexicon["months"].items()}
        self.weekdays = {word.casefold(): n for word, n in lexicon["weekdays"].items()}
        self.seasons = {word.casefold(): tuple(span) for word, span in lexicon["seasons"].items()}
        self.last_words = {w.casefold() for w in lexicon["season_last"] + lexicon["weekday_last_before"]
                           + lexicon["weekday_last_after"]}
        self.relative = {}
        for entry in lexicon["relative"]:
            for phrase in entry["phrases"]:
                self.relative[_fold(phrase)] = entry
        self.patterns = _compile(lexicon)
        self.needs = _needs(lexicon)


def _fold(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.replace("\u2019", "'")).casefold().strip()


def _cues(phrases: list[str]) -> str:
    """Cue words, each followed by white space when it ends with a letter."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    parts = [phrase_regex(p) + (r"\s+" if p[-1].isalnum() else r"\s*") for p in ordered]
    return "(?:" + "|".join(parts) + ")"


def _compile(lex: dict) -> list[tuple[str, re.Pattern]]:
    month = f"(?P<month>{any_phrase(lex['months'])})"
    weekday = any_phrase(lex["weekdays"])
    suffixes = "|".join(re.escape(s) for s in lex["ordinal_suffixes"])
    day = rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:{suffixes})?(?!\w)"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)(?![\d]|[.,\u00a0\u202f ]\d{3})"
    named_weekday = rf"(?:(?P<weekday>{weekday}),?\s+)?"
    day_article = rf"(?:{_cues(lex['day_articles'])})?" if lex["day_articles"] else ""
    last_before = rf"(?P<last>{_cues(lex['weekday_last_before'])})?" if lex["weekday_last_before"] else ""
    last_after = (rf"(?:\s+(?P<lastafter>{any_phrase(lex['weekday_last_after'])}))?"
                  if lex["weekday_last_after"] else "")
    season = f"(?P<season>{any_phrase(lex['seasons'])})"
    season_year = rf"\s+(?:{_cues(lex['season_year_links'])})?{year}"
    season_last = any_phrase(lex["season_last"])
    relative = [p for entry in lex["relative"] for p in entry["phrases"]]
    sources = {
        "iso": r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])",
        "numeric": r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])",
        "day_month": rf"{named_weekday}{day_article}{day}\s+{month}(?:\s+{year})?",
        "month_day": rf"{named_weekday}{month}\s+{day}(?:,?\s+{year})?",
        "day_range": (rf"(?:{_cues(lex['day_range_openers'])}){day_article}{day.replace('day', 'first')}\s*"
                      rf"{any_phrase(lex['day_range_joiners'])}\s*{day_article}{day}\s+{month}(?:\s+{year})?"),
        "month_day_range": (rf"(?:{_cues(lex['day_range_openers'])}){month}\s+{day.replace('day', 'first')}\s*"
                            rf"{any_phrase(lex['day_range_joiners'])}\s*{day}(?:,?\s+{year})?"),
        "month_year": rf"(?:{_cues(lex['month_cues'])})*{month}\s+{year}",
        "month": rf"(?:{_cues(lex['month_cues'])})+{month}(?:\s+{season_last})?",
        "year": rf"(?:{_cues(lex['year_cues'])})+{year}",
        "season": (rf"(?:(?P<this>{_cues(lex['season_this'])})|(?P<last>{_cues(lex['season_last'])})"
                   rf"|{_cues(lex['season_articles'])})?{season}"
                   rf"(?:\s+(?P<lastafter>{season_last})|{season_year})?"),
        "weekday": rf"{last_before}(?P<weekday>{weekday}){last_after}",
        "relative": f"(?P<phrase>{any_phrase(relative)})",
    }
    return [(kind, re.compile(source, re.IGNORECASE)) for kind, source in sources.items()]


#: a pattern that cannot match without a digit
_DIGIT = object()


def _needs(lex: dict) -> dict:
    """What each pattern of ``_compile`` cannot match without: a digit, or one of a
    set of (folded) words. A phrase of the lexicon is matched whole, so each of its
    words is then a word of the text: its longest word stands for it."""
    def one_of(phrases) -> frozenset[str] | None:
        words = [re.findall(r"\w+", _fold(p)) for p in phrases]
        if not all(words):
            return None  # a phrase of punctuation alone: no word to look for
        return frozenset(max(found, key=len) for found in words)

    months = one_of(lex["months"])
    return {"iso": _DIGIT, "numeric": _DIGIT, "year": _DIGIT,
            "day_month": months, "month_day": months, "day_range": months,
            "month_day_range": months, "month_year": months, "month": months,
            "season": one_of(lex["seasons"]), "weekday": one_of(lex["weekdays"]),
            "relative": one_of(p for entry in lex["relative"] for p in entry["phrases"])}


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    lexicon = load_lexicon(lang, "dates")
    return _Rules(lang, lexicon)


# -- resolvers: match -> (iso or None, relative), or None to drop the match ----------


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return "-".join([f"{year:04d}"] + [f"{n:02d}" for n in (month, day) if n is not None])


def _calendar(year: int | None, month: int, day: int | None, anchor: _Anchor):
    """A written date; its year comes from the publication when the text gives none."""
    if day is not None and _iso(2024, month, day) is None:  # a leap year: 29 February exists
        return None
    if year is not None:
        iso = _iso(year, month, day)
        return (iso, False) if iso else None
    return _iso(anchor.year_for(month, day), month, day), True


def _resolve_iso(match, rules, anchor):
    iso = _iso(int(match["year"]), int(match["month"]), int(match["day"]))
    return (iso, False) if iso else None


def _resolve_numeric(match, rules, anchor):
    first, second = int(match["a"]), int(match["b"])
    day, month = (first, second) if rules.day_first else (second, first)
    iso = _iso(int(match["year"]), month, day)
    return (iso, False) if iso else None


def _resolve_day(match, rules, anchor):
    year = int(match["year"]) if match["year"] else None
    return _calendar(year, rules.months[_fold(match["month"])], int(match["day"]), anchor)


def _resolve_day_range(match, rules, anchor):
    """"entre le 8 et le 13 octobre": the month, when both days exist in it (its year the
    first day's: "du 28 au 30 octobre", published on the 29th, is this October)."""
    if int(match["first"]) >= int(match["day"]) or _resolve_day(match, rules, anchor) is None:
        return None
    year = int(match["year"]) if match["year"] else None
    resolved = _calendar(year, rules.months[_fold(match["month"])], int(match["first"]), anchor)
    return resolved and (resolved[0] and resolved[0][:7], resolved[1])


def _resolve_month(match, rules, anchor):
    year = int(match["year"]) if match.groupdict().get("year") else None
    return _calendar(year, rules.months[_fold(match["month"])], None, anchor)


def _resolve_year(match, rules, anchor):
    return match["year"], False


def _resolve_season(match, rules, anchor):
    if match["year"]:
        return match["year"], False
    if match["this"]:
        return _iso(anchor.year), True
    if match["last"] or match["lastafter"]:
        if anchor.year is None or anchor.month is None:
            return None, True
        first, last = rules.seasons[_fold(match["season"])]
        end_year = anchor.year if anchor.month > last else anchor.year - 1
        return _iso(end_year if first <= last else end_year - 1), True
    return None  # "l'été" alone: which one?


def _resolve_weekday(match, rules, anchor):
    if anchor.date is None:
        return None, True
    wanted = rules.weekdays[_fold(match["weekday"])]
    back = (anchor.date.weekday() - wanted) % 7
    if (match.groupdict().get("last") or match.groupdict().get("lastafter")) and back == 0:
        back = 7
    return (anchor.date - dt.timedelta(days=back)).isoformat(), True


def _resolve_relative(match, rules, anchor):
    entry = rules.relative[_fold(match["phrase"])]
    if "years" in entry:
        return _iso(anchor.year + entry["years"] if anchor.year else None), True
    if "months" in entry:
        if anchor.month is None:
            return None, True
        index = anchor.year * 12 + anchor.month - 1 + entry["months"]
        return _iso(index // 12, index % 12 + 1), True
    if anchor.date is None:
        return None, True
    if "days" in entry:
        return (anchor.date + dt.timedelta(days=entry["days"])).isoformat(), True
    monday = anchor.date - dt.timedelta(days=anchor.date.weekday() - 7 * entry["weeks"])
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None, True
    return _iso(monday.year, monday.month), True


_RESOLVERS = {
    "iso": _resolve_iso, "numeric": _resolve_numeric, "day_month": _resolve_day,
    "month_day": _resolve_day, "day_range": _resolve_day_range,
    "month_day_range": _resolve_day_range, "month_year": _resolve_month, "month": _resolve_month,
    "year": _resolve_year, "season": _resolve_season, "weekday": _resolve_weekday,
    "relative": _resolve_relative,
}
