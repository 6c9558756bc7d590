"""Find quantities in French and English text, with exact offsets.

``find_quantities`` returns amounts of things ("11 000 soldats", "plus de trois
millions d'obus", "about 1,500 troops", "$4.5 billion") as ``kg.model.Quantity``:

- a plain number gives ``value``; "environ / quelque / près de / about / some"
  make it ``approximate``;
- "plus de / au moins / more than / at least" give ``low``, "jusqu'à / up to"
  give ``high``, "entre A et B / between A and B" give both;
- amounts without a number ("plusieurs milliers", "thousands of", "several
  missiles") are ``approximate`` with no number; "une centaine" is about 100;
- numbers in words ("deux cent cinquante", "two hundred and fifty") are read
  by text2num (kg.extract.number_words); digits, their multipliers ("1,5
  million", "11k", "$1.2bn") and everything around a number are kg's own;
- ``unit`` is the noun after the number (through "de / d' / of"), mapped by the
  lexicon ("soldats" -> soldier), or the currency sign before it. A number of
  100 or more written without a noun takes the unit of the quantity before it
  in the same sentence: "environ 10 000 militaires ..., dont quelque 8 000".

Years, dates, percentages, times, measures ("152 mm") and references
("l'article 4") are not quantities. The span runs from the cue ("plus de") to
the unit when there is one. Every other word lives in
``ontology/lexicons/<lang>/quantities.yaml``.

>>> [(m.text, m.quantity.to_dict()) for m in find_quantities("environ 11.000 soldats", "fr")]
[('environ 11.000 soldats', {'value': 11000, 'low': None, 'high': None, 'approximate': True, 'unit': 'soldier'})]
>>> [m.quantity.high for m in find_quantities("up to £3 billion", "en")]
[3000000000.0]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicons import any_phrase, load_lexicon, phrase_regex
from ..model import Quantity
from ..text import fold
from ..dates import find_dates, keep_longest
from .number_words import WrittenNumber, find_number_words

__all__ = ["QuantityMatch", "find_quantities", "is_money"]

@dataclass(frozen=True)
class QuantityMatch:
    """An amount in the text: ``text == body[start:end]``."""
    start: int
    end: int
    text: str
    quantity: Quantity


#: stands for each character of a number in words, so that the patterns see one
#: token where text2num found a number and every offset stays that of the text
_WORDS_MARK = "\ue000"


def find_quantities(text: str, lang: str) -> list[QuantityMatch]:
    """Every quantity of ``text``, in order, none overlapping another."""
    rules = _rules(lang)
    dates = [(d.start, d.end) for d in find_dates(text, lang, None)]
    words = _words_in(text, lang, rules)
    marked = _mark(text, [w for w in words.values() if not _weak(w, rules)])
    found = []
    for kind, pattern in rules.patterns:
        for core in pattern.finditer(marked):
            if any(core.start() < end and start < core.end() for start, end in dates):
                continue
            match = _build(kind, core, marked, text, rules, words)
            if match is not None:
                found.append(match)
    return _carry_units(keep_longest(found), text)


def _words_in(text: str, lang: str, rules: "_Rules") -> dict[int, WrittenNumber]:
    """The numbers in words of ``text`` by their start, but a multiplier alone ("millions"
    is a vague amount, and "million" after digits, "1,5 million", is read with them) and
    the start of a vague amount ("tens of thousands" is no ten), and a word of a measure
    ("40 pour cent" has no hundred)."""
    measures = [m.span() for m in rules.measure.finditer(text)]
    return {w.start: w for w in find_number_words(text, lang, rules.range_words)
            if not all(word in rules.multipliers for word in w.words)
            and not rules.vague_start.match(text, w.start)
            and not any(start < w.end and w.start < end for start, end in measures)}


def _weak(number: WrittenNumber, rules: "_Rules") -> bool:
    """"un", "one": a number only beside a unit or a cue ("un accord" is none)."""
    return all(word in rules.weak for word in number.words)


def _mark(text: str, numbers: list[WrittenNumber]) -> str:
    """``text`` with each of ``numbers`` (in text order) masked, character for character."""
    parts, position = [], 0
    for number in numbers:
        parts += [text[position:number.start], _WORDS_MARK * (number.end - number.start)]
        position = number.end
    return "".join(parts) + text[position:]


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[^\W\d_a-z])|\n\s*\n")


def _carry_units(matches: list[QuantityMatch], text: str) -> list[QuantityMatch]:
    """Give an elided unit back: "1,7 milliard d'euros en 2022 et 2,1 milliards en 2023"."""
    carried = []
    for match in matches:
        quantity = match.quantity
        before = carried[-1] if carried else None
        number = max(_numbers(quantity.to_dict()), default=0)
        if (quantity.unit is None and number >= 100 and before is not None and before.quantity.unit
                and not _SENTENCE_END.search(text, before.end, match.start + 1)):
            quantity = replace(quantity, unit=before.quantity.unit)
            match = replace(match, quantity=quantity)
        carried.append(match)
    return carried


class _Rules:
    """The compiled patterns and word tables of one language."""

    def __init__(self, lexicon: dict):
        def table(name):
            return {fold(word): value for word, value in lexicon[name].items()}

        self.lex = lexicon
        self.multipliers = table("multipliers")
        self.collectives, self.units = table("collectives"), table("units")
        self.currencies = lexicon["currency_symbols"]
        self.weak = {fold(w) for w in lexicon["weak_numbers"]}
        self.vague_alone = {fold(w) for w in lexicon["vague_alone"]}
        self.cues = {fold(w): kind for kind in ("approximate", "at_least", "at_most")
                     for w in lexicon[kind]}
        separators = "".join(re.escape(s) for s in lexicon["thousands_separators"])
        decimal = re.escape(lexicon["decimal_mark"])
        self.digits = re.compile(rf"\d{{1,3}}(?:[{separators}]\d{{3}})+(?:{decimal}\d+)?"
                                 rf"|\d+(?:{decimal}\d+)?")
        self.separators = re.compile(f"[{separators}]")
        self.vague_start = re.compile(any_phrase(lexicon["vague"]), re.IGNORECASE)
        self.multiplier_word = re.compile(any_phrase(lexicon["multipliers"]), re.IGNORECASE)
        # "entre dix mille et douze mille": text2num must not read "dix mille et douze"
        self.range_words: dict[str, set[str]] = {}
        for opener, joiner in lexicon["ranges"]:
            if opener and " " not in opener.strip() and " " not in joiner.strip():
                self.range_words.setdefault(fold(opener), set()).add(fold(joiner))
        cue_words = [w for kind in ("approximate", "at_least", "at_most") for w in lexicon[kind]]
        self.cue_before = re.compile(rf"(?P<cue>{any_phrase(cue_words)})\s*$", re.IGNORECASE)
        not_cues = lexicon.get("not_cues") or []
        self.not_cue_before = (re.compile(rf"{any_phrase(not_cues)}\s*$", re.IGNORECASE)
                               if not_cues else None)
        self.reference_before = re.compile(rf"{any_phrase(lexicon['not_after'])}\s*$", re.IGNORECASE)
        # how far back a reference word can start: its characters other than spaces
        self.reference_reach = max((sum(not c.isspace() for c in w.strip()) for w in lexicon["not_after"]), default=0)
        self.measure_after = re.compile(rf"\s*(?:{_suffix_words(lexicon['not_before'])})", re.IGNORECASE)
        self.measure = re.compile(any_phrase(lexicon["not_before"]), re.IGNORECASE)
        self.link = re.compile(rf"\s*(?:{any_phrase(lexicon['unit_links'])}\s*)?", re.IGNORECASE)
        self.unit = re.compile(any_phrase(lexicon["units"]), re.IGNORECASE)
        self.weak_units = {fold(w) for w in lexicon["weak_units"]}
        self.gap_word = re.compile(r"[^\W\d][\w'\u2019-]*(?:\.[^\W\d][\w'\u2019-]*)*\.?\s+")
        # a model number after a model name: "18 Leopard 2 tanks", "12 Leopard 2A6 tanks"
        self.model_number = re.compile(r"\d[\dA-Z]{0,3}(?:-\w+)?\s+")
        self.patterns = _compile(lexicon, self.digits.pattern)


def _suffix_words(phrases: list[str]) -> str:
    """Words that may follow a number with or without a space ("3%", "152 mm")."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(phrase_regex(p).removeprefix(r"(?<!\w)") for p in ordered)


def _compile(lex: dict, digits: str) -> list[tuple[str, re.Pattern]]:
    multiplier = _suffix_words(list(lex["multipliers"]))
    # a number in words is a run of marks (see find_quantities); "un", "one" stay words
    # (weak numbers), and a multiplier word alone ("mille", "millions") is one too, but
    # an abbreviation ("m", "Md") only after digits
    alone = [w for w in lex["multipliers"] if len(w) > 3 and w.isalpha()]
    words = rf"{re.escape(_WORDS_MARK)}+|{any_phrase(list(lex['weak_numbers']) + alone)}"
    # "400-strong": a unit written as a suffix may follow the digits
    suffixes = [u[1:] for u in lex["units"] if u.startswith("-")]
    hyphen = rf"-(?!{any_phrase(suffixes)})\w" if suffixes else r"-\w"
    number = (rf"(?:(?<![\w.,/:\u2019'-])(?:{digits})(?:\s*(?:{multiplier}))?(?![\w]|[.,]\d|[:/]\d|{hyphen})"
              rf"|(?:{words})(?!{hyphen}))")  # "a four-year deal", "two-thirds": no count
    currency = "|".join(re.escape(c) for c in sorted(lex["currency_symbols"], key=len, reverse=True))
    collective = any_phrase(lex["collectives"])
    amount = any_phrase(list(lex["collectives"]) + list(lex["multipliers"]))
    patterns = [
        ("number", rf"(?:(?P<currency>{currency})\s*)?(?P<number>{number})"),
        ("collective", rf"(?:(?P<one>{any_phrase(lex['weak_numbers'])})\s+)?(?P<collective>{collective})"),
        # "plusieurs milliers", "des dizaines de milliers", "tens of thousands"
        ("vague", rf"{any_phrase(lex['vague'])}\s+{amount}(?:\s+{any_phrase(lex['unit_links'])}\s*{amount})?"),
        ("vague_unit", rf"{any_phrase(lex['vague_units'])}(?=\s)"),
    ]
    for dash in lex.get("range_dashes") or ():
        # "12,000-15,000 troops"; a space around the dash is any run of spaces, or none
        dash = r"\s*".join(re.escape(part) for part in dash.split(" "))
        patterns.append(("range", rf"(?<![\w.,-])(?:(?P<currency>{currency})\s*)?(?P<first>{digits})"
                                  rf"{dash}(?P<second>{digits}(?:\s*(?:{multiplier}))?)(?![\w-]|[.,]\d)"))
    for opener, joiner in lex["ranges"]:
        # an empty opener: a bare range ("12 000 à 15 000 soldats")
        opening = rf"{phrase_regex(opener)}\s+" if opener else ""
        patterns.append(("range" if opener else "bare_range", rf"{opening}(?:(?P<currency>{currency})\s*)?"
                                  rf"(?P<first>{number})\s+{phrase_regex(joiner)}\s+"
                                  rf"(?:{currency})?\s*(?P<second>{number})"))
    return [(kind, re.compile(source, re.IGNORECASE)) for kind, source in patterns]


def is_money(unit: str | None, lang: str) -> bool:
    """A currency ("euro", "dollar"): the units the lexicon's currency signs stand for.

    >>> is_money("euro", "fr"), is_money("shell", "fr")
    (True, False)
    """
    return unit in _rules(lang).currencies.values()


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    lexicon = load_lexicon(lang, "quantities")
    return _Rules(lexicon)


# -- from a matched core to a QuantityMatch ------------------------------------------


def _build(kind: str, core: re.Match, marked: str, text: str, rules: _Rules,
           words: dict[int, WrittenNumber]) -> QuantityMatch | None:
    """``core`` matched ``marked`` (numbers in words masked), whose offsets are ``text``'s;
    the words around the number are read in ``text``."""
    start, end = core.start(), core.end()
    if _after_reference(text, start, rules) or rules.measure_after.match(text, end):
        return None
    cue = rules.cue_before.search(text, max(0, start - 40), start)
    if cue and rules.not_cue_before and rules.not_cue_before.search(text, max(0, start - 40), start):
        cue = None  # "handed over 14 tanks": the particle of a verb
    unit, unit_end, unit_word = _unit_after(marked, end, rules)
    # "$725 million" before the number; "300 M€", a multiplier that carries its sign, after it
    currency = core.groupdict().get("currency") or _sign_at_end(marked[start:end], rules)
    if currency:
        unit = rules.currencies[currency]
    fields: dict = {}
    if kind == "number":
        if _vague_amount(core["number"], rules):
            fields = {"approximate": True}
        else:
            value = _number_value(core, "number", text, rules, words, weak_ok=bool(cue or unit))
            if value is None or _looks_like_year(core["number"], value) and not (cue or unit):
                return None
            fields = {"value": value}
    elif kind in ("range", "bare_range"):
        if kind == "bare_range" and unit is None:
            return None  # "du 2 à 4": only a count of something is a range
        first = _number_value(core, "first", text, rules, words)
        second = _number_value(core, "second", text, rules, words)
        if first is None or second is None:
            return None
        first *= _shared_multiplier(text[slice(*core.span("first"))], text[slice(*core.span("second"))],
                                    first, second, rules)
        if first >= second or (_looks_like_year(core["first"], first) and not (cue or unit)):
            return None  # "the 2022-2023 budget"
        fields = {"low": first, "high": second}
    elif kind == "collective":
        word = fold(core["collective"])
        vague = word in rules.vague_alone and not core["one"]
        fields = {"approximate": True} if vague else {"value": rules.collectives[word], "approximate": True}
    elif kind == "vague":
        fields = {"approximate": True}
    elif kind == "vague_unit":
        if unit is None:
            return None
        fields = {"approximate": True}
    if unit_word in rules.weak_units and max(_numbers(fields), default=0) < 10:
        unit, unit_end = None, None  # "les deux hommes": two people, not troops
    if cue and ("value" in fields or "low" in fields):
        fields = _apply_cue(rules.cues[fold(cue["cue"])], fields)
    if cue:
        start = cue.start()
    if unit_end is not None:
        end = unit_end
    return QuantityMatch(start, end, text[start:end], Quantity(unit=unit, **fields))


def _after_reference(text: str, start: int, rules: _Rules) -> bool:
    """Does a reference word ("article", "Leopard") end right before ``start``, spaces
    aside? The pattern is tried only over the last words before it (as many characters
    other than spaces as the longest reference word holds), not from the sentence's
    start at each number (a match ends at ``start``, so it cannot begin earlier)."""
    at, counted = start, 0
    while at > 0 and counted < rules.reference_reach:
        at -= 1
        counted += not text[at].isspace()
    return rules.reference_before.search(text, at, start) is not None


def _sign_at_end(written: str, rules: _Rules) -> str | None:
    """The currency sign a number ends with, in its multiplier ("300 M€"), if any."""
    return next((sign for sign in rules.currencies if not sign.isalpha() and written.endswith(sign)), None)


def _numbers(fields: dict) -> list[float]:
    return [fields[k] for k in ("value", "low", "high") if fields.get(k) is not None]


def _apply_cue(cue: str, fields: dict) -> dict:
    if "value" not in fields:  # a range: "some 1,500 to 2,000" is about, "more than" says no more
        return {**fields, "approximate": True} if cue == "approximate" else fields
    value = fields["value"]
    if cue == "at_least":
        return {"low": value}
    if cue == "at_most":
        return {"high": value}
    return {"value": value, "approximate": True}


def _unit_after(text: str, end: int, rules: _Rules) -> tuple[str | None, int | None, str | None]:
    """The unit after the number (skipping at most ``unit_gap`` other words), its end and word."""
    position = rules.link.match(text, end).end()
    named = False  # the last word skipped is a name: a model number may follow it
    for _ in range(rules.lex["unit_gap"] + 1):
        unit = rules.unit.match(text, position)
        if unit:
            return rules.units[fold(unit.group())], unit.end(), fold(unit.group())
        word = rules.gap_word.match(text, position) or (named and rules.model_number.match(text, position))
        if not word or _ends_sentence(word.group()):
            break
        named = word.group()[:1].isupper() and not word.group()[:1].isdigit()
        position = word.end()
    return None, None, None


def _ends_sentence(word: str) -> bool:
    """"people." ends a sentence; "U.S." does not."""
    word = word.rstrip()
    return word.endswith(".") and "." not in word[:-1]


def _number_value(core: re.Match, group: str, text: str, rules: _Rules, words: dict[int, WrittenNumber],
                  weak_ok: bool = True) -> float | None:
    """The number a written amount stands for: "11 000", "1,5 million", "onze mille", "mille".

    ``weak_ok=False`` refuses words that are numbers only in context ("un accord").
    """
    start, end = core.span(group)
    written = text[start:end]
    number = words.get(start)
    if number is not None and number.end == end:
        return None if not weak_ok and _weak(number, rules) else float(number.value)
    digits = rules.digits.match(written)
    if digits:
        value = _digits_value(digits.group(), rules)
        for word in rules.multiplier_word.findall(written[digits.end():]):
            value *= rules.multipliers[fold(word)]
        return value
    if _vague_amount(written, rules) or not rules.multiplier_word.fullmatch(written):
        return None  # "millions" alone has no number
    return float(rules.multipliers[fold(written)])  # "mille soldats"


def _vague_amount(written: str, rules: _Rules) -> bool:
    """"millions", "thousands": a plural multiplier alone is an amount without a number."""
    return fold(written) in rules.vague_alone


def _digits_value(written: str, rules: _Rules) -> float:
    decimal = rules.lex["decimal_mark"]
    whole, _, fraction = written.partition(decimal) if decimal in written else (written, "", "")
    whole = rules.separators.sub("", whole)
    return float(f"{whole}.{fraction}" if fraction else whole)


def _shared_multiplier(first: str, second: str, low: float, high: float, rules: _Rules) -> float:
    """"entre 10 et 12 millions", "between ten and twelve thousand": the multiplier of the
    second number applies to a first that has none, when that keeps the range in order."""
    if rules.multiplier_word.search(first):
        return 1
    words = [fold(w) for w in rules.multiplier_word.findall(second)]
    multiplier = rules.multipliers[words[-1]] if words else 1
    return multiplier if low * multiplier < high else 1


def _looks_like_year(written: str, value: float) -> bool:
    return bool(re.fullmatch(r"\d{4}", written)) and 1800 <= value <= 2100
