"""Load the YAML lexicons under ``ontology/lexicons/<lang>/<name>.yaml``.

Words live in data, not in Python: month names, number words, trigger verbs.
The first lexicon a process loads checks the whole ontology against its
closed schema (``kg.ontology_schema``), so that a typo in any YAML file gives
one line that names the file and the entry, not a ``KeyError`` deep inside an
extractor, nor a rule that silently never matches.
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
from .yaml_cache import load_yaml

__all__ = ["ONTOLOGY_ENV", "ontology_dir", "load_lexicon", "lexicon_path", "read_yaml", "display_path",
           "phrase_regex", "any_phrase"]

#: an environment variable naming another ontology folder (tests, users who extend kg)
ONTOLOGY_ENV = "KG_ONTOLOGY_DIR"
_PACKAGE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    """The ontology folder kg reads: ``$KG_ONTOLOGY_DIR`` when set; else the copy a
    wheel installs inside the package (``kg/ontology``); else the checkout's
    ``ontology/`` next to ``kg/`` (a checkout, or an editable install).

    >>> (ontology_dir() / "lexicons" / "fr" / "claims.yaml").is_file()
    True
    """
    return _ontology_dir(os.environ.get(ONTOLOGY_ENV) or None)


@lru_cache(maxsize=None)
def _ontology_dir(chosen: str | None) -> Path:
    # resolved once per value of the variable: the rules ask for every claim they
    # make (claim types, lexicons), and resolving touches the file system each time
    if chosen:
        return Path(chosen).expanduser().resolve()
    shipped = _PACKAGE / "ontology"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "ontology"


def lexicon_path(lang: str, name: str) -> Path:
    """Where the lexicon ``name`` of language ``lang`` lives."""
    return ontology_dir() / "lexicons" / lang / f"{name}.yaml"


def load_lexicon(lang: str, name: str) -> dict:
    """The lexicon ``ontology/lexicons/<lang>/<name>.yaml``, once the ontology is checked.

    The file is read once per process; each caller gets its own copy, so that
    no caller can change what another one sees.

    >>> load_lexicon("fr", "dates")["months"]["juin"]
    6
    """
    from .ontology_schema import check_ontology

    check_ontology()
    return copy.deepcopy(read_yaml(lexicon_path(lang, name)))


@lru_cache(maxsize=None)
def read_yaml(path: Path) -> Any:
    """The YAML file at ``path``, read once per process; DataError when it cannot be read."""
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{where}: no such file; restore it from kg's ontology/") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{where}: cannot read: {error}") from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise DataError(f"{where}: {line}invalid YAML: {reason}; fix the syntax there") from None


def display_path(path: Path) -> str:
    """``ontology/...`` for kg's own files (short messages); the full path of a folder
    chosen by KG_ONTOLOGY_DIR or of any other file, so that the user finds it."""
    if not os.environ.get(ONTOLOGY_ENV):
        try:
            return str(Path("ontology") / Path(path).relative_to(ontology_dir()))
        except ValueError:
            pass
    return str(path)


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
