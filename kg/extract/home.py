"""The state an article speaks for, when its publisher is that state's presidency,
government or parliament (``ontology/lexicons/<lang>/publishers.yaml``).

On such pages the first person is the state ("nous avons proposé, avec
l'Allemagne, un plan", "Erevan, où je suis allée"), and a minister with no
state named beside the title is one of its own.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlparse

from ..errors import DataError
from ..lexicons import lexicon_path, load_lexicon
from .mention_words import mention_words
from .mentions import Mention

__all__ = ["home_state", "first_person_mentions", "with_home_bodies", "home_titles"]

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


def with_home_bodies(doc, lang: str, state, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with one of ``state`` for each of its bodies that a release names
    with no state ("The Ministry of Defence has deployed ...", "the Government has
    sanctioned ..." on gov.uk), in the place of the unlinked name the NER found there:
    words no linked mention holds, with no state right before ("Ukraine's Ministry of
    Defence") nor after ("the Ministry of Defence of Ukraine", "the government in Kyiv")."""
    from .phrases import find_phrases

    phrases = _home_bodies(lang)
    if not phrases:
        return mentions
    words = mention_words(lang)
    possessives = words["possessives"]
    # "the Ministry of Defence of Ukraine", "the government in Kyiv": another state's
    after = words["place_links"] | words["seat_links"]
    unlinked = {(m.tok_start, m.tok_end): m for m in mentions if m.kind == "ner"}
    taken = {i for m in mentions if m.kind != "ner" for i in range(m.tok_start, m.tok_end)}
    ends = {m.tok_end for m in mentions if m.country is not None}
    starts = {m.tok_start for m in mentions if m.country is not None}
    found, replaced = [], set()
    for start, end, _phrase in find_phrases(doc, lang, phrases):
        if taken & set(range(start, end)) or start in ends or (start - 1 in ends and doc[start - 1].lower_ in possessives):
            continue
        if end + 1 < len(doc) and doc[end].lower_ in after and (end + 1 in starts or end + 2 in starts):
            continue
        overlapping = [span for span in unlinked if span[0] < end and start < span[1]]
        if any(span != (start, end) for span in overlapping):
            continue  # a longer name the NER found ("the Ministry of Defence Police")
        span = doc[start:end]
        if overlapping:
            # the body stays an entity the article names, acting as its state (as "the Pentagon")
            replaced.update(overlapping)
            found.append(replace(unlinked[(start, end)], ref=state, kind="state", named=unlinked[(start, end)].ref))
        else:
            found.append(Mention(start, end, span.start_char, span.end_char, span.text, state, "official"))
    if not found:
        return mentions
    kept = [m for m in mentions if (m.tok_start, m.tok_end) not in replaced or m.kind != "ner"]
    return sorted(kept + found, key=lambda m: m.tok_start)


@lru_cache(maxsize=None)
def _home_bodies(lang: str) -> tuple[str, ...]:
    return tuple(_publishers(lang).get("home_bodies") or ())


@lru_cache(maxsize=None)
def home_titles(lang: str, home=None) -> frozenset[str]:
    """Titles that, with no state beside them, are an office of the publisher's state
    ``home`` (an EntityRef): the language's, and the offices of that state alone ("the
    Prime Minister" on the British government's pages, a foreign one on the State
    Department's)."""
    data = _publishers(lang)
    own = (data.get("home_offices") or {}).get(home.qid, ()) if home is not None else ()
    return frozenset(w.lower() for w in (*data["home_titles"], *own))
