"""Load the YAML lexicons under ``ontology/lexicons/<lang>/<name>.yaml``.

Words live in data, not in Python: month names, number words, trigger verbs.
Every lexicon is checked against a small schema given by its caller, so that a
typo in a YAML file gives one line that names the file and the entry, not a
``KeyError`` deep inside an extractor.

A schema is a plain Python value:

- a type (``str``, ``int``, ``float``, ``bool``, ``list``, ``dict``): the value
  must be an instance (an ``int`` is accepted where a ``float`` is expected);
- a tuple of schemas: the value must match one of them;
- a one-item list ``[item_schema]``: a list whose items match ``item_schema``;
- a dict ``{"key": schema, "other?": schema}``: a mapping with these keys, the
  ones ending in ``?`` optional, no others; ``{"*": schema}`` maps any string
  key to values that match ``schema``.

>>> validate({"months": {"juin": 6}}, {"months": {"*": int}}, "dates.yaml")
>>> validate({"months": {"juin": "six"}}, {"months": {"*": int}}, "dates.yaml")
Traceback (most recent call last):
...
kg.errors.DataError: dates.yaml: months.juin: expected int, got str 'six'
"""
from __future__ import annotations

import copy
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

__all__ = ["ONTOLOGY_DIR", "ontology_dir", "load_lexicon", "lexicon_path", "validate", "phrase_regex", "any_phrase"]

#: ``ontology/`` sits next to the ``kg`` package in the repository (editable installs).
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def ontology_dir() -> Path:
    """Where the ontology is read from: ``$KG_ONTOLOGY_DIR`` when set (a test's
    throwaway claim type, a deployment's own lexicons), else ONTOLOGY_DIR."""
    override = os.environ.get("KG_ONTOLOGY_DIR")
    return Path(override) if override else ONTOLOGY_DIR


def lexicon_path(lang: str, name: str) -> Path:
    """Where the lexicon ``name`` of language ``lang`` lives."""
    return ontology_dir() / "lexicons" / lang / f"{name}.yaml"


def load_lexicon(lang: str, name: str, schema: Any = dict) -> dict:
    """The lexicon ``ontology/lexicons/<lang>/<name>.yaml``, checked against ``schema``.

    The file is read once per process; each caller gets its own copy, so that
    no caller can change what another one sees.

    >>> months = load_lexicon("fr", "dates", {"months": {"*": int}, "*": object})["months"]
    >>> months["juin"]
    6
    """
    path = lexicon_path(lang, name)
    data = _read(path)
    validate(data, schema, _display(path))
    return copy.deepcopy(data)


@lru_cache(maxsize=None)
def _read(path: Path) -> Any:
    where = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{where}: no such lexicon file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{where}: cannot read: {error}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise DataError(f"{where}: {line}invalid YAML: {reason}") from None


def _display(path: Path) -> str:
    """The path relative to the repository when possible: shorter messages."""
    try:
        return str(path.relative_to(ONTOLOGY_DIR.parent))
    except ValueError:
        return str(path)


def validate(value: Any, schema: Any, where: str, entry: str = "") -> None:
    """Raise ``DataError("<where>: <entry>: <reason>")`` unless ``value`` matches ``schema``."""
    def fail(reason: str) -> None:
        raise DataError(f"{where}: {entry or '(top level)'}: {reason}")

    if schema is object:
        return
    if isinstance(schema, tuple):
        errors = []
        for option in schema:
            try:
                validate(value, option, where, entry)
                return
            except DataError as error:
                errors.append(error)
        fail(f"expected {' or '.join(_name(option) for option in schema)}, got {_describe(value)}")
    if isinstance(schema, list):
        if not isinstance(value, list):
            fail(f"expected a list, got {_describe(value)}")
        for index, item in enumerate(value):
            validate(item, schema[0], where, f"{entry}[{index}]")
        return
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            fail(f"expected a mapping, got {_describe(value)}")
        _validate_mapping(value, schema, where, entry, fail)
        return
    if schema is float and isinstance(value, int) and not isinstance(value, bool):
        return
    if isinstance(value, bool) and schema is int:  # YAML's yes/no is no number
        fail(f"expected int, got {_describe(value)}")
    if not isinstance(value, schema):
        fail(f"expected {_name(schema)}, got {_describe(value)}")


def _validate_mapping(value: dict, schema: dict, where: str, entry: str, fail) -> None:
    known = {key.rstrip("?"): sub for key, sub in schema.items() if key != "*"}
    required = [key for key in schema if key != "*" and not key.endswith("?")]
    for key in required:
        if key not in value:
            fail(f"missing key {key!r}")
    for key, item in value.items():
        child = f"{entry}.{key}" if entry else str(key)
        if key in known:
            validate(item, known[key], where, child)
        elif "*" in schema:
            if not isinstance(key, str):
                raise DataError(f"{where}: {child}: keys must be text, got {_describe(key)}")
            validate(item, schema["*"], where, child)
        else:
            allowed = ", ".join(sorted(known)) or "none"
            raise DataError(f"{where}: {child}: unknown key (allowed: {allowed})")


def _name(schema: Any) -> str:
    if isinstance(schema, type):
        return {dict: "a mapping", list: "a list"}.get(schema, schema.__name__)
    if isinstance(schema, list):
        return "a list"
    if isinstance(schema, dict):
        return "a mapping"
    return " or ".join(_name(option) for option in schema)


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}" if not isinstance(value, (dict, list)) else type(value).__name__


def phrase_regex(phrase: str) -> str:
    """A regular expression for a lexicon phrase, on word boundaries.

    A space matches any run of white space (including U+00A0), an apostrophe
    both ``'`` and ``’``. A phrase that ends with ``-``, ``'`` or ``.``
    may be followed directly by the next word ("mi-novembre", "d'octobre").

    >>> bool(re.fullmatch(phrase_regex("l'an dernier"), "l’an  dernier"))
    True
    >>> re.search(phrase_regex("en"), "encore") is None
    True
    """
    body = "".join(r"\s+" if ch == " " else "['’]" if ch in "'’" else re.escape(ch)
                   for ch in phrase.strip())
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return start + body + end


def any_phrase(phrases) -> str:
    """One non-capturing alternation of ``phrases``, longest first so the longest wins."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_regex(p) for p in ordered) + ")"
