"""A tiny checker for the closed schemas of kg's YAML files (see ``kg.ontology``).

A schema is a plain Python value:

- a type (``str``, ``int``, ``float``, ``bool``, ``list``, ``dict``): the value
  must be an instance (an ``int`` is accepted where a ``float`` is expected,
  never a ``bool`` where a number is); ``object`` accepts anything;
- a tuple of schemas: the value must match one of them;
- a one-item list ``[item_schema]``: a list whose items match ``item_schema``;
- a dict ``{"key": schema, "other?": schema}``: a mapping with these keys, the
  ones ending in ``?`` optional, no others; ``{"*": schema}`` maps any other
  text key to values that match ``schema``;
- ``OneOf(vocabulary)``: a word of a vocabulary, given literally or named (the
  checker's caller supplies named ones, e.g. the units of a quantities lexicon);
  ``OneOf("roles", by="type")`` picks the vocabulary by the value of the
  enclosing mapping's ``type`` key (a frame's roles depend on its claim type);
- ``MapOf(key_schema, value_schema)``: a mapping whose keys match ``key_schema``;
- ``Range(low, high)``: a whole number in that range;
- ``Rule(schema, test, advice)``: ``schema``, then ``test(value)`` must hold.

Errors are one line, ``<file>: <entry>: <what is wrong; what to do>``, where
the entry is a path such as ``frames[2] (fr.aid.supply).needs_unit``.

>>> validate({"months": {"juin": 6}}, {"months": {"*": int}}, "dates.yaml")
>>> validate({"months": {"juin": "six"}}, {"months": {"*": int}}, "dates.yaml")
Traceback (most recent call last):
...
kg.errors.DataError: dates.yaml: months.juin: expected int, got str 'six'
>>> validate({"needs_units": ["soldier"]}, {"needs_unit?": [str]}, "claims.yaml")
Traceback (most recent call last):
...
kg.errors.DataError: claims.yaml: needs_units: unknown key; did you mean 'needs_unit'? (allowed: needs_unit)
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Callable

from .errors import DataError

__all__ = ["OneOf", "MapOf", "Range", "Rule", "Vocabulary", "WORDS", "validate"]


@dataclass(frozen=True)
class Vocabulary:
    """The words a ``OneOf`` accepts, and where a user would add one."""
    words: frozenset
    defined_in: str = ""

    @classmethod
    def of(cls, words, defined_in: str = "") -> "Vocabulary":
        return cls(frozenset(words), defined_in)


@dataclass(frozen=True)
class OneOf:
    vocabulary: Any          # a tuple of words, or the name of a vocabulary of the context
    by: str | None = None    # the enclosing key whose value picks the vocabulary
    noun: str = "value"      # what a word is, for messages: "unit", "claim type"


@dataclass(frozen=True)
class MapOf:
    keys: Any
    values: Any


@dataclass(frozen=True)
class Range:
    low: int
    high: int


@dataclass(frozen=True)
class Rule:
    schema: Any
    test: Callable[[Any], bool]
    advice: str


#: a list of words or phrases, none empty
WORDS = [Rule(str, lambda word: bool(word.strip()), "empty word; remove it or write the word")]


def validate(value: Any, schema: Any, where: str, vocabularies: dict | None = None) -> None:
    """Raise ``DataError("<where>: <entry>: <reason>")`` unless ``value`` matches ``schema``.

    ``vocabularies`` maps the names used by ``OneOf`` to a ``Vocabulary``, or to
    a dict of them when the ``OneOf`` has a ``by``.
    """
    _Checker(where, vocabularies or {}).check(value, schema, "", ())


class _Checker:
    def __init__(self, where: str, vocabularies: dict):
        self.where = where
        self.vocabularies = vocabularies

    def fail(self, entry: str, reason: str):
        raise DataError(f"{self.where}: {entry or '(top level)'}: {reason}")

    def check(self, value, schema, entry: str, parents: tuple) -> None:
        if schema is object:
            return
        if isinstance(schema, tuple):
            return self._alternatives(value, schema, entry, parents)
        if isinstance(schema, list):
            if not isinstance(value, list):
                self.fail(entry, f"expected a list, got {_describe(value)}")
            for index, item in enumerate(value):
                self.check(item, schema[0], _item_entry(entry, index, item), parents)
            return
        if isinstance(schema, dict):
            if not isinstance(value, dict):
                self.fail(entry, f"expected a mapping, got {_describe(value)}")
            return self._mapping(value, schema, entry, parents + (value,))
        if isinstance(schema, MapOf):
            if not isinstance(value, dict):
                self.fail(entry, f"expected a mapping, got {_describe(value)}")
            for key, item in value.items():
                child = _child(entry, key)
                self.check(key, schema.keys, child, parents)
                self.check(item, schema.values, child, parents + (value,))
            return
        if isinstance(schema, OneOf):
            return self._one_of(value, schema, entry, parents)
        if isinstance(schema, Range):
            self.check(value, int, entry, parents)
            if not schema.low <= value <= schema.high:
                self.fail(entry, f"{value} is out of range; give {schema.low} to {schema.high}")
            return
        if isinstance(schema, Rule):
            self.check(value, schema.schema, entry, parents)
            if not schema.test(value):
                self.fail(entry, schema.advice)
            return
        self._type(value, schema, entry)

    def _type(self, value, schema: type, entry: str) -> None:
        if isinstance(value, bool) and schema in (int, float):  # YAML's yes/no is no number
            self.fail(entry, f"expected {_name(schema)}, got {_describe(value)}")
        if schema is float and isinstance(value, int):
            return
        if not isinstance(value, schema):
            self.fail(entry, f"expected {_name(schema)}, got {_describe(value)}")

    def _alternatives(self, value, schema: tuple, entry: str, parents: tuple) -> None:
        for option in schema:
            try:
                self.check(value, option, entry, parents)
                return
            except DataError:
                continue
        self.fail(entry, f"expected {' or '.join(_name(option) for option in schema)}, got {_describe(value)}")

    def _mapping(self, value: dict, schema: dict, entry: str, parents: tuple) -> None:
        known = {key.rstrip("?"): sub for key, sub in schema.items() if key != "*"}
        for key in value:
            if key not in known and "*" not in schema:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                allowed = ", ".join(sorted(known)) or "none"
                self.fail(_child(entry, key), f"unknown key{hint} (allowed: {allowed})")
        for key in schema:
            if key != "*" and not key.endswith("?") and key not in value:
                self.fail(entry, f"missing key {key!r}")
        # declared keys first, in declaration order: a frame's type before its roles
        for key, sub in known.items():
            if key in value:
                self.check(value[key], sub, _child(entry, key), parents)
        for key, item in value.items():
            if key not in known:
                if not isinstance(key, str):
                    self.fail(_child(entry, key), f"keys must be text, got {_describe(key)}")
                self.check(item, schema["*"], _child(entry, key), parents)

    def _one_of(self, value, schema: OneOf, entry: str, parents: tuple) -> None:
        self._type(value, str, entry)
        vocabulary = schema.vocabulary
        if isinstance(vocabulary, str):
            vocabulary = self.vocabularies[vocabulary]
            if schema.by:
                selector = next((p[schema.by] for p in reversed(parents) if schema.by in p), None)
                vocabulary = vocabulary.get(selector) if isinstance(selector, str) else None
                if vocabulary is None:
                    return  # the selecting key is itself wrong, and reported on its own
        if not isinstance(vocabulary, Vocabulary):
            vocabulary = Vocabulary.of(vocabulary)
        if value in vocabulary.words:
            return
        close = difflib.get_close_matches(value, sorted(vocabulary.words), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        known = ", ".join(sorted(vocabulary.words)) or "none"
        add = f"; or declare it in {vocabulary.defined_in}" if vocabulary.defined_in else ""
        self.fail(entry, f"unknown {schema.noun} {value!r}; {hint}known: {known}{add}")


def _child(entry: str, key) -> str:
    return f"{entry}.{key}" if entry else str(key)


def _item_entry(entry: str, index: int, item) -> str:
    """``frames[2] (fr.aid.supply)``: the index, and the id when the item has one."""
    label = f"{entry}[{index}]"
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        label += f" ({item['id']})"
    return label


def _name(schema: Any) -> str:
    if isinstance(schema, type):
        return {dict: "a mapping", list: "a list", type(None): "null"}.get(schema, schema.__name__)
    if isinstance(schema, (list, Rule)):
        return "a list" if isinstance(schema, list) else _name(schema.schema)
    if isinstance(schema, (dict, MapOf)):
        return "a mapping"
    if isinstance(schema, OneOf):
        return schema.noun
    if isinstance(schema, Range):
        return f"a number {schema.low} to {schema.high}"
    return " or ".join(_name(option) for option in schema)


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return {dict: "a mapping", list: "a list"}[type(value)]
    if value is None:
        return "nothing (null)"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"
