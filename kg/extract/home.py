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
from ..model import EntityRef
from .mention_words import mention_words
from .mentions import Mention, is_locative

__all__ = ["home_state", "first_person_mentions", "with_home_bodies", "home_titles", "with_setting_bodies"]

@lru_cache(maxsize=None)
def _publishers(lang: str) -> dict:
    if not lexicon_path(lang, "publishers").exists():
        return {"publishers": {}, "first_person": [], "home_titles": [], "union_settings": {}}
    return load_lexicon(lang, "publishers")  # its schema: kg.ontology_schema.PUBLISHERS


def home_state(document):
    """The state whose official site published ``document`` (an EntityRef), else None."""
    host = (urlparse(document.url).hostname or "").lower() if document.url else ""
    if not host:
        return None
    for domain, qid in _publishers(document.lang)["publishers"].items():
        if host == domain or host.endswith("." + domain):
            return _state_ref(qid, document.lang, domain, "a state's")
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
                found.append(Mention.of_token(t, ref, "official"))
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
    return _state_ref(qid, lang, "union_settings", "a union's") if qid else None


def with_home_bodies(doc, lang: str, state, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with one of ``state`` for each of its bodies that a release names
    with no state ("The Ministry of Defence has deployed ...", "the Government has
    sanctioned ..." on gov.uk), in the place of the unlinked name the NER found there:
    words no linked mention holds, with no state right before ("Ukraine's Ministry of
    Defence") nor after ("the Ministry of Defence of Ukraine", "the government in Kyiv")."""
    return _with_bodies(doc, lang, mentions, _home_bodies(lang), lambda _phrase, _start, beside=None: (
        None if beside is not None else state))


def with_setting_bodies(doc, lang: str, mentions: list[Mention], home=None) -> list[Mention]:
    """``mentions`` with a state's mention for each legislature named with no state
    (``setting_bodies``: "L'Assemblée nationale a ratifié le traité"), every state having
    one: the publisher's state (``home``); else the state the article named beside the
    same body before ("le Parlement géorgien ... le Parlement a adopté"); else the state
    of the dateline ("EREVAN (AFP) -"); else one a place setting of the sentence names
    before it ("À Erevan, l'Assemblée nationale"); else the language's ``setting_state``
    (a French text's "Assemblée nationale" is the French one)."""
    phrases = _setting_bodies(lang)
    if not phrases:
        return mentions
    named_beside: dict[str, EntityRef] = {}
    places = [m for m in mentions if m.country is not None and is_locative(doc, m.tok_start, lang)]

    def state_at(phrase: str, start: int, beside=None):
        if beside is not None:
            named_beside[phrase] = beside
            return None
        setting = next((m.country for m in reversed(places)
                        if doc[start].sent.start <= m.tok_start and m.tok_end <= start), None)
        return home or named_beside.get(phrase) or setting or _dateline_state(doc, lang) or _setting_state(lang)

    # a body that stands for its state, as "le Kremlin" does (no office holder acting for it)
    return _with_bodies(doc, lang, mentions, phrases, state_at, kind="state")


def _with_bodies(doc, lang: str, mentions: list[Mention], phrases, state_at, kind: str = "official") -> list[Mention]:
    """``mentions`` with a mention of ``state_at(phrase, start)`` for each of ``phrases``
    that no linked mention holds and no state qualifies; ``state_at(phrase, start,
    state)`` hears of those ``state`` qualifies (and gives None)."""
    from .phrases import find_phrases

    if not phrases:
        return mentions
    words = mention_words(lang)
    possessives = words["possessives"]
    # "the Ministry of Defence of Ukraine", "the government in Kyiv": another state's
    links = words["place_links"] | words["seat_links"]
    unlinked = {(m.tok_start, m.tok_end): m for m in mentions if m.kind == "ner"}
    taken = {i for m in mentions if m.kind != "ner" for i in range(m.tok_start, m.tok_end)}
    ends = {m.tok_end: m for m in mentions if m.country is not None}
    starts = {m.tok_start: m for m in mentions if m.country is not None}
    found, replaced = [], set()
    for start, end, phrase in find_phrases(doc, lang, phrases):
        if taken & set(range(start, end)):
            continue
        beside = _state_beside(doc, start, end, ends, starts, possessives, links)
        if beside is not None:
            state_at(phrase, start, beside.country)
            continue
        overlapping = [span for span in unlinked if span[0] < end and start < span[1]]
        if any(span != (start, end) for span in overlapping):
            # a longer name the NER found ("the Ministry of Defence Police"; "le Parlement
            # kényan", a body of its state)
            owner = next((unlinked[span].state for span in overlapping if unlinked[span].state is not None), None)
            if owner is not None:
                state_at(phrase, start, owner)
            continue
        state = state_at(phrase, start)
        if state is None:
            continue
        span = doc[start:end]
        if overlapping:
            # the body stays an entity the article names, acting as its state (as "the Pentagon")
            replaced.update(overlapping)
            found.append(replace(unlinked[(start, end)], ref=state, kind="state", named=unlinked[(start, end)].ref))
        else:
            found.append(Mention(start, end, span.start_char, span.end_char, span.text, state, kind))
    if not found:
        return mentions
    kept = [m for m in mentions if (m.tok_start, m.tok_end) not in replaced or m.kind != "ner"]
    return sorted(kept + found, key=lambda m: m.tok_start)


def _state_beside(doc, start: int, end: int, ends: dict, starts: dict, possessives, links):
    """The mention of the state that qualifies a body's name: right before it ("Ukraine's
    Ministry of Defence"), a demonym right after ("l'Assemblée nationale arménienne"), or
    after a link word ("the Ministry of Defence of Ukraine", "the government in Kyiv",
    "le Parlement de Géorgie"); else None."""
    if start in ends:
        return ends[start]
    if start - 1 in ends and doc[start - 1].lower_ in possessives:
        return ends[start - 1]
    if end in starts and starts[end].demonym:
        return starts[end]
    if end + 1 < len(doc) and doc[end].lower_ in links:
        return starts.get(end + 1) or starts.get(end + 2)
    return None


@lru_cache(maxsize=None)
def _home_bodies(lang: str) -> tuple[str, ...]:
    return tuple(_publishers(lang).get("home_bodies") or ())


@lru_cache(maxsize=None)
def _setting_bodies(lang: str) -> tuple[str, ...]:
    return tuple(_publishers(lang).get("setting_bodies") or ())


@lru_cache(maxsize=None)
def _setting_state(lang: str):
    """The state a language's press names its own bodies of with no state (an EntityRef), or None."""
    qid = _publishers(lang).get("setting_state")
    return _state_ref(qid, lang, "setting_state", "a state's") if qid else None


def _state_ref(qid: str, lang: str, key: str, kind: str):
    """The gazetteer's entity of ``qid``, named by ``key`` of the publishers lexicon."""
    from ..gazetteer import load_gazetteer

    entry = load_gazetteer().by_qid(qid)
    if entry is None:
        raise DataError(f"{lexicon_path(lang, 'publishers')}: {key}: the gazetteer knows no {qid}; "
                        f"give {kind} Wikidata id")
    return entry.ref


def _dateline_state(doc, lang: str):
    """The state of the place an article was filed from ("EREVAN (AFP) -"), or None."""
    from ..gazetteer import load_gazetteer
    from .context import doc_dateline, doc_text

    dateline = doc_dateline(doc)
    if dateline is None:
        return None
    gazetteer = load_gazetteer()
    place = doc_text(doc)[dateline.start:dateline.place_end]
    for entry in gazetteer.lookup(place, lang):
        state = gazetteer.state_of(entry)
        if state is not None and state.cls == "Country":
            return state.ref
    return None


@lru_cache(maxsize=None)
def home_titles(lang: str, home=None) -> frozenset[str]:
    """Titles that, with no state beside them, are an office of the publisher's state
    ``home`` (an EntityRef): the language's, and the offices of that state alone ("the
    Prime Minister" on the British government's pages, a foreign one on the State
    Department's)."""
    data = _publishers(lang)
    own = (data.get("home_offices") or {}).get(home.qid, ()) if home is not None else ()
    return frozenset(w.lower() for w in (*data["home_titles"], *own))
