"""The state an article speaks for, when its publisher is that state's presidency,
government or parliament (``ontology/lexicons/<lang>/publishers.yaml``).

On such pages the first person is the state ("nous avons proposé, avec
l'Allemagne, un plan", "Erevan, où je suis allée"), and a minister with no
state named beside the title is one of its own.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlparse

from ..errors import DataError
from ..lexicons import lexicon_path, load_lexicon
from .mentions import Mention

__all__ = ["home_state", "first_person_mentions", "home_titles"]

@lru_cache(maxsize=None)
def _publishers(lang: str) -> dict:
    if not lexicon_path(lang, "publishers").exists():
        return {"publishers": {}, "first_person": [], "home_titles": []}
    return load_lexicon(lang, "publishers")  # its schema: kg.ontology_schema.PUBLISHERS


def home_state(document):
    """The state whose official site published ``document`` (an EntityRef), else None."""
    from ..gazetteer import load_gazetteer

    host = (urlparse(document.url).hostname or "").lower() if document.url else ""
    if not host:
        return None
    for domain, qid in _publishers(document.lang)["publishers"].items():
        if host == domain or host.endswith("." + domain):
            entry = load_gazetteer().by_qid(qid)
            if entry is None:
                raise DataError(f"{lexicon_path(document.lang, 'publishers')}: {domain}: "
                                f"the gazetteer knows no {qid}; give a state's Wikidata id")
            return entry.ref
    return None


def first_person_mentions(doc, lang: str, state) -> list[Mention]:
    """A mention of ``state`` for each first-person subject pronoun of ``doc``."""
    words = frozenset(_publishers(lang)["first_person"])
    parsed = doc.has_annotation("DEP")
    return [Mention(t.i, t.i + 1, t.idx, t.idx + len(t.text), t.text, state, "official")
            for t in doc
            if t.lower_.replace("\u2019", "'") in words and (t.dep_.startswith("nsubj") or not parsed)]


@lru_cache(maxsize=None)
def home_titles(lang: str, home=None) -> frozenset[str]:
    """Titles that, with no state beside them, are an office of the publisher's state
    ``home`` (an EntityRef): the language's, and the offices of that state alone ("the
    Prime Minister" on the British government's pages, a foreign one on the State
    Department's)."""
    data = _publishers(lang)
    own = (data.get("home_offices") or {}).get(home.qid, ()) if home is not None else ()
    return frozenset(w.lower() for w in (*data["home_titles"], *own))
