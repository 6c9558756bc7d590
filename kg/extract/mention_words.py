"""The word lists of ``ontology/lexicons/<lang>/mentions.yaml``, read once per language.

Every module that tells names, places, pronouns and links apart asks here, so the
file has one reader: ``mention_words(lang)[key]`` is a key's words in lower case (they
are compared with ``token.lower_``), ``mention_list(lang, key)`` its entries as written
and in order (phrases matched as written, "l'Europe et des Affaires étrangères"). A key
the schema (kg.ontology_schema.MENTIONS) does not declare is a KeyError, so that a typo
cannot read as an empty list; a declared key the file leaves out is empty.

>>> "le" in mention_words("fr")["determiners"]
True
"""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from ..lexicons import load_lexicon
from ..ontology_schema import MENTIONS, WORDS

__all__ = ["mention_words", "mention_list", "contractions", "ellipses"]

#: the keys of mentions.yaml that hold a list of words
_WORD_KEYS = tuple(key.rstrip("?") for key, value in MENTIONS.items() if value is WORDS)


@lru_cache(maxsize=None)
def mention_words(lang: str) -> Mapping[str, frozenset[str]]:
    """Each word list of the language's mentions.yaml, in lower case."""
    data = load_lexicon(lang, "mentions")
    return MappingProxyType({key: frozenset(w.lower() for w in data.get(key) or ()) for key in _WORD_KEYS})


@lru_cache(maxsize=None)
def mention_list(lang: str, key: str) -> tuple[str, ...]:
    """A word list of mentions.yaml as written, in its order."""
    if key not in _WORD_KEYS:
        raise KeyError(key)
    return tuple(load_lexicon(lang, "mentions").get(key) or ())


@lru_cache(maxsize=None)
def contractions(lang: str) -> Mapping[str, str]:
    """"du" -> "de le": a contracted article and what it stands for."""
    return MappingProxyType(dict(load_lexicon(lang, "mentions").get("contractions") or {}))


@lru_cache(maxsize=None)
def ellipses(lang: str) -> tuple[tuple[str, str], ...]:
    """(form, QID): a shorter name standing for a state named before ("le Nord")."""
    return tuple((e["form"], e["qid"]) for e in load_lexicon(lang, "mentions").get("ellipses") or ())
