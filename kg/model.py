"""The types that flow through kg: documents, entities, claims.

Plain dataclasses; what a claim type is (its roles, agent and fields) is
declared in ontology/claim_types.yaml and read by kg.claim_types. ``to_dict``
gives exactly the JSON Lines format of ``claims.jsonl`` / ``entities.jsonl`` (see docs/SCHEMA.md); ``from_dict`` reads
it back, so every consumer (RDF, NetworkX, viewer, queries) can start from a
build directory as well as from a live build.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace

from .text import fold

__all__ = [
    "STANCES", "OBLIGATIONS", "DOMAINS", "ENTITY_CLASSES",
    "Document", "TextSpan", "Mention", "Entity", "EntityRef", "Quantity", "Attribution",
    "Evidence", "Claim", "Corpus", "stable_id",
]

STANCES = ("claims", "confirms", "denies", "no_comment")
OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")
DOMAINS = ("sanctions", "diplomacy", "military", "economy", "energy", "technology")
ENTITY_CLASSES = ("Country", "Person", "Organization", "Place", "Treaty", "Conflict", "Group")


def stable_id(*parts: object) -> str:
    """A short id that depends only on its parts, so that builds are reproducible.

    >>> stable_id("fr-00", 12) == stable_id("fr-00", 12)
    True
    """
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass
class Document:
    """One source article. ``body`` is the text after the front matter; all
    character offsets in kg point into it."""
    id: str
    body: str
    lang: str
    title: str | None = None
    published: str | None = None  # ISO date, as precise as known
    url: str | None = None
    path: str | None = None

    def to_dict(self) -> dict:
        # the body too: offsets point into it, and for a page, a feed item or a record
        # it is kg's extracted text, found in no file the user has
        return {"id": self.id, "title": self.title, "published": self.published,
                "lang": self.lang, "url": self.url, "path": self.path, "body": self.body}

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        return cls(id=data["id"], body=data.get("body", ""), lang=data.get("lang") or "fr",
                   title=data.get("title"), published=data.get("published"),
                   url=data.get("url"), path=data.get("path"))


@dataclass(frozen=True)
class TextSpan:
    """Characters ``start:end`` of an article's body: ``body[start:end] == text``."""
    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


Mention = TextSpan    # where an entity is named
Evidence = TextSpan   # the sentence a claim comes from


@dataclass(frozen=True)
class EntityRef:
    """How a claim names an entity: the graph entity's id, label, QID and class."""
    id: str
    label: str
    qid: str | None
    cls: str

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "qid": self.qid, "class": self.cls}

    @classmethod
    def from_dict(cls, data: dict) -> "EntityRef":
        return cls(id=data.get("id") or entity_id(data.get("qid"), data["label"], data["class"]),
                   label=data["label"], qid=data.get("qid"), cls=data["class"])


def entity_id(qid: str | None, label: str, cls: str) -> str:
    """Same QID, or else same class and folded label: one entity.

    >>> entity_id("Q423", "Corée du Nord", "Country")
    'Q423'
    >>> entity_id(None, "Région de Koursk", "Place")
    'place-region-de-koursk'

    A name in another script keeps its letters: reduced to ASCII it would be
    empty, and every such person one entity ``person-``.

    >>> entity_id(None, "Сергей Лавров", "Person"), entity_id(None, "王毅", "Person")
    ('person-сергеи-лавров', 'person-王毅')
    """
    if qid:
        return qid
    folded = fold(label)
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in folded):
        slug = re.sub(r"[\W_]+", "-", folded)
    else:
        slug = re.sub(r"[^a-z0-9]+", "-", folded)
    slug = slug.strip("-")
    # nothing left of the label (punctuation only): an id of its own all the same
    return cls.lower() + "-" + (slug or stable_id(label)[:10])


@dataclass
class Entity:
    id: str
    label: str
    cls: str
    qid: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    part_of: str | None = None  # QID of the state a body belongs to

    @property
    def ref(self) -> EntityRef:
        return EntityRef(self.id, self.label, self.qid, self.cls)

    def to_dict(self) -> dict:
        data = {"id": self.id, "label": self.label, "qid": self.qid, "class": self.cls,
                "aliases": self.aliases, "mentions": [m.to_dict() for m in self.mentions]}
        if self.part_of:
            data["part_of"] = self.part_of
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Entity":
        return cls(id=data["id"], label=data["label"], cls=data["class"], qid=data.get("qid"),
                   aliases=list(data.get("aliases") or []),
                   mentions=[Mention(**m) for m in data.get("mentions") or []],
                   part_of=data.get("part_of"))


@dataclass(frozen=True)
class Quantity:
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None

    def to_dict(self) -> dict:
        return {"value": _plain(self.value), "low": _plain(self.low), "high": _plain(self.high),
                "approximate": self.approximate, "unit": self.unit}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Quantity | None":
        if not data:
            return None
        return cls(value=data.get("value"), low=data.get("low"), high=data.get("high"),
                   approximate=bool(data.get("approximate")), unit=data.get("unit"))


def _plain(number: float | None) -> int | float | None:
    """11000.0 -> 11000, so the JSON reads as the article wrote it."""
    if number is not None and float(number).is_integer():
        return int(number)
    return number


@dataclass(frozen=True)
class Attribution:
    claimant: EntityRef
    stance: str  # one of STANCES
    cue: str | None = None  # the words that carry it ("selon", "dément")

    def to_dict(self) -> dict:
        data = {"claimant": self.claimant.to_dict(), "stance": self.stance}
        if self.cue:
            data["cue"] = self.cue
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Attribution":
        return cls(EntityRef.from_dict(data["claimant"]), data["stance"], data.get("cue"))


@dataclass
class Claim:
    type: str
    doc: str
    roles: dict[str, list[EntityRef]]
    evidence: list[Evidence]
    rule: str  # id of the rule that produced it: users can ask why a claim exists
    quantity: Quantity | None = None
    date: str | None = None
    obligation: str | None = None
    domain: str | None = None
    stance: str | None = None
    quote: str | None = None
    position: str | None = None
    item: str | None = None
    attributions: list[Attribution] = field(default_factory=list)
    event: str | None = None  # id of the event that groups reports of the same fact
    stored_id: str | None = field(default=None, compare=False, repr=False)  # as read from a build
    trace: object = field(default=None, compare=False, repr=False)  # kg.trace.Trace: why it exists

    @property
    def id(self) -> str:
        """Stable across builds: derived from what the claim says and where."""
        if self.stored_id:
            return self.stored_id
        first = self.evidence[0] if self.evidence else None
        roles = sorted((r, e.id) for r, ents in self.roles.items() for e in ents)
        return stable_id(self.doc, self.type, first and first.start, roles,
                         self.quantity and self.quantity.to_dict(), self.date, self.obligation,
                         self.domain, self.stance, self.rule)

    def copy(self, **changes) -> "Claim":
        """A claim like this one but for ``changes``, with roles, evidence, attributions
        and trace of its own (a rule that splits a claim changes each copy apart)."""
        own = {"roles": {role: list(refs) for role, refs in self.roles.items()}, "evidence": list(self.evidence),
               "attributions": list(self.attributions), "trace": self.trace and self.trace.copy()}
        return replace(self, **{**own, **changes})

    @property
    def alleged(self) -> bool:
        """True when the article does not state the claim as fact."""
        return bool(self.attributions)

    def to_dict(self) -> dict:
        data = {
            "id": self.id, "type": self.type, "doc": self.doc,
            "roles": {r: [e.to_dict() for e in ents] for r, ents in self.roles.items() if ents},
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "date": self.date,
        }
        for name in ("obligation", "domain", "stance", "quote", "position", "item"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        data["attributions"] = [a.to_dict() for a in self.attributions]
        data["evidence"] = [e.to_dict() for e in self.evidence]
        data["rule"] = self.rule
        if self.event:
            data["event"] = self.event
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Claim":
        return cls(
            type=data["type"], doc=data["doc"],
            roles={r: [EntityRef.from_dict(e) for e in ents]
                   for r, ents in (data.get("roles") or {}).items()},
            evidence=[Evidence(**e) for e in data.get("evidence") or []],
            rule=data.get("rule") or "unknown",
            quantity=Quantity.from_dict(data.get("quantity")), date=data.get("date"),
            obligation=data.get("obligation"), domain=data.get("domain"),
            stance=data.get("stance"), quote=data.get("quote"),
            position=data.get("position"), item=data.get("item"),
            attributions=[Attribution.from_dict(a) for a in data.get("attributions") or []],
            event=data.get("event"), stored_id=data.get("id"))


@dataclass
class Corpus:
    """What a build produces, and what every exporter and query reads."""
    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)
