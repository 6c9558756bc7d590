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
        return {"publishers": {}, "first_person": [], "home_titles": [], "union_settings": {}}
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


def first_person_mentions(doc, lang: str, state, title: str | None = None, pair=()) -> list[Mention]:
    """A mention of ``state`` for each first-person subject pronoun of ``doc`` (of the
    union, after a setting where the state acts as its member: "À Bruxelles, nous"); in a
    joint declaration (``title``) that is about ``state`` and a partner, "nous" names both."""
    publishers = _publishers(lang)
    words = frozenset(publishers["first_person"])
    plural = frozenset(publishers.get("plural_first_person") or ())
    parsed = doc.has_annotation("DEP")
    partners = [ref for ref in pair if ref.id != state.id] if _joint(title, lang) and any(
        ref.id == state.id for ref in pair) else []
    found = []
    for t in doc:
        word = t.lower_.replace("\u2019", "'")
        if word in words and (t.dep_.startswith("nsubj") or not parsed):
            union = _union_of(t, lang)
            for ref in [union] if union else [state] + (partners if word in plural else []):
                found.append(Mention(t.i, t.i + 1, t.idx, t.idx + len(t.text), t.text, ref, "official"))
    return found


def _joint(title: str | None, lang: str) -> bool:
    folded = (title or "").lower().replace("\u2019", "'")
    return any(words in folded for words in _publishers(lang).get("joint_titles") or ())


def _union_of(pronoun, lang: str):
    """The union a first-person pronoun speaks for, when a union setting opens its sentence
    and stands right before it ("À Bruxelles, nous"), else None."""
    settings = _publishers(lang).get("union_settings") or {}
    if not settings:
        return None
    before = pronoun.doc[pronoun.sent.start:pronoun.i].text.lower().replace("\u2019", "'").rstrip(" ,")
    qid = next((q for setting, q in settings.items() if before == setting.lower()), None)
    if qid is None:
        return None
    from ..gazetteer import load_gazetteer

    entry = load_gazetteer().by_qid(qid)
    if entry is None:
        raise DataError(f"{lexicon_path(lang, 'publishers')}: union_settings: the gazetteer knows no {qid}; "
                        f"give a union's Wikidata id")
    return entry.ref


def home_titles(lang: str) -> frozenset[str]:
    """Titles that, with no state beside them, are an office of the publisher's state."""
    return frozenset(w.lower() for w in _publishers(lang)["home_titles"])
