"""The claim types, as ``ontology/claim_types.yaml`` declares them, read once.

Every module that needs to know a claim type's roles, its agent, its fields,
what identifies one fact, its RDF terms, its edges, its colour or how it ties
states together asks here, so that a new claim type is one declaration (plus a
frame per language and rule cases), not an edit in every module. See the
comments of the YAML file for what each key means.

The file is checked against a closed schema when it is loaded: an unknown key,
a value of the wrong type or a role that the type does not declare is a
:class:`ClaimTypeError` naming the file, the entry and what to do.

>>> deployment = claim_type("troop_deployment")
>>> deployment.agent, deployment.role_names
('sender', ('sender', 'location', 'alongside'))
>>> deployment.has_required_roles({"sender": ["PRK"], "alongside": ["RUS"]})
True
>>> claim_type("cooperation").has_required_roles({"parties": ["RUS"]})
False
>>> [ct.name for ct in treaty_family()]
['treaty_signing', 'treaty_ratification', 'treaty_obligation']
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields as dataclass_fields
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import DataError
from .lexicons import ONTOLOGY_ENV, display_path, ontology_dir, read_yaml
from .ontology_schema import CLAIM_TYPES
from .schema import validate

__all__ = ["ClaimTypeError", "Role", "TieRule", "TreatyRule", "TieKind", "ClaimType", "ClaimTypes",
           "declaration_path", "load_claim_types", "claim_types", "claim_type", "names",
           "treaty_family", "signing", "obligation_type", "membership_type", "role_property",
           "tie_kinds"]

FILE = "claim_types.yaml"
_MARKS = ("signed", "ratified")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class ClaimTypeError(DataError):
    """``ontology/claim_types.yaml`` declares something kg cannot use."""


@dataclass(frozen=True)
class Role:
    name: str
    property: str  # local name of its RDF property in kg.ttl
    min: int = 0  # entities it needs at least; 0: optional
    pair_fills: bool = False  # the article's main pair ("les deux pays") may fill it (YAML: pair)


@dataclass(frozen=True)
class TieRule:
    """How a claim of the type ties two actors for kg.alliances."""
    kind: str | None  # the tie kind, when it does not depend on a field
    kind_field: str | None  # else the field that decides it ...
    kind_values: tuple[tuple[str, str], ...]  # ... (field value, kind) ...
    otherwise: str | None  # ... and the kind for any other value (None: no tie)
    between: str | None  # a role whose entities are tied pairwise
    source: str | None  # else the role that gives, sends, says ...
    target: str | None  # ... to this role's entities
    note: tuple  # field names, ("role", prefix) pairs, or "via"

    def kind_for(self, value: str | None) -> str | None:
        if self.kind_field is None:
            return self.kind
        return dict(self.kind_values).get(value, self.otherwise)

    @property
    def kinds(self) -> tuple[str, ...]:
        found = [self.kind, self.otherwise] + [kind for _, kind in self.kind_values]
        return tuple(kind for kind in found if kind)


@dataclass(frozen=True)
class TreatyRule:
    """A member of the treaty family: where its treaty and its parties are."""
    role: str  # the role that holds the Treaty entity
    parties: str  # the role of the states it binds
    signatories: str | None = None  # people whose states become parties
    marks: str | None = None  # "signed" or "ratified": what its date says of the treaty


@dataclass(frozen=True)
class TieKind:
    name: str
    alliance: bool
    directed: bool
    binds: bool | str = False  # True, or the obligation a treaty needs to bind a bloc


@dataclass(frozen=True)
class ClaimType:
    name: str
    rdf_class: str
    roles: tuple[Role, ...]
    agent: str
    one_of: tuple[tuple[str, ...], ...]
    fields: tuple[str, ...]
    same_fact: tuple  # role names, or tuples of them ("the first filled one")
    same_fact_fields: tuple[str, ...]
    edges: tuple[tuple[str, str], ...]
    directed: bool
    colour: str
    tie: TieRule | None = None
    treaty: TreatyRule | None = None
    membership: tuple[str, str] | None = None  # (member role, organisation role)
    speech_about: str | None = None  # the role a speech names when it is about an act
    counted: bool = False
    thinner_without: str | None = None
    not_in_treaty_names: bool = False

    @property
    def role_names(self) -> tuple[str, ...]:
        return tuple(role.name for role in self.roles)

    @property
    def roles_pair_fills(self) -> tuple[str, ...]:
        """The roles the article's main pair may fill ("les deux pays" as the parties)."""
        return tuple(role.name for role in self.roles if role.pair_fills)

    @property
    def same_fact_roles(self) -> tuple[str, ...]:
        """Every role that same_fact names, alternatives included."""
        flat = []
        for item in self.same_fact:
            flat += list(item) if isinstance(item, tuple) else [item]
        return tuple(flat)

    def role(self, name: str) -> Role:
        return next(role for role in self.roles if role.name == name)

    def has_required_roles(self, roles: dict) -> bool:
        """Are the roles this type needs filled (SCHEMA.md's bold roles)?"""
        if not all(len(roles.get(role.name) or []) >= role.min for role in self.roles):
            return False
        return all(any(roles.get(name) for name in group) for group in self.one_of)


@dataclass(frozen=True)
class ClaimTypes:
    types: tuple[ClaimType, ...]
    tie_kinds: tuple[TieKind, ...]
    path: str

    @cached_property
    def _by_name(self) -> dict[str, ClaimType]:
        # the rules ask for a type by name some 25 times a sentence
        return {ct.name: ct for ct in self.types}

    def get(self, name: str) -> ClaimType:
        found = self._by_name.get(name)
        if found is None:
            raise ClaimTypeError(f"{self.path}: no claim type {name!r}; declare it there "
                                 f"or use one of {', '.join(ct.name for ct in self.types)}")
        return found


# --- the schema: kg.ontology_schema.CLAIM_TYPES; what it cannot say is checked below ----------


def _claim_fields() -> tuple[str, ...]:
    """The Claim attributes a type may declare as its fields."""
    from .model import Claim

    plain = ("type", "doc", "roles", "evidence", "rule", "attributions", "event", "stored_id")
    return tuple(f.name for f in dataclass_fields(Claim) if f.name not in plain)


def declaration_path(directory: Path | None = None) -> Path:
    return _declaration_path(Path(directory or ontology_dir()))


@lru_cache(maxsize=None)
def _declaration_path(directory: Path) -> Path:
    return directory / FILE


def load_claim_types(path: Path | None = None) -> ClaimTypes:
    """The declaration at ``path`` (default: the ontology's), read and checked once."""
    # the rules ask for every claim: the default is found by the variable that chooses
    # the ontology folder alone (kg.lexicons.ONTOLOGY_ENV), without making a Path
    return _load(Path(path)) if path else _default(os.environ.get(ONTOLOGY_ENV) or None)


@lru_cache(maxsize=None)
def _default(_chosen: str | None) -> ClaimTypes:
    return _load(_declaration_path(ontology_dir()))


@lru_cache(maxsize=None)
def _load(path: Path) -> ClaimTypes:
    where = display_path(path)
    data = read_yaml(path)
    try:
        validate(data, CLAIM_TYPES, where)
    except ClaimTypeError:
        raise
    except DataError as error:
        raise ClaimTypeError(f"{error}; see the comments at the top of {FILE}") from None
    kinds = tuple(TieKind(k["name"], k["alliance"], k["directed"], k.get("binds", False))
                  for k in data["tie_kinds"])
    types = tuple(_claim_type(name, raw, where, {k.name for k in kinds})
                  for name, raw in data["claim_types"].items())
    _check_properties(types, where)
    return ClaimTypes(types, kinds, where)


def _claim_type(name: str, raw: dict, where: str, kinds: set[str]) -> ClaimType:
    def fail(entry: str, reason: str):
        raise ClaimTypeError(f"{where}: {name}.{entry}: {reason}")

    roles = tuple(Role(r["name"], r["property"], r.get("min", 0), r.get("pair", False)) for r in raw["roles"])
    names_ = [r.name for r in roles]
    if len(set(names_)) != len(names_):
        fail("roles", "a role is declared twice; give each role once")

    def role(entry: str, value: str) -> str:
        if value not in names_:
            fail(entry, f"{value!r} is no role of {name}; declare it under roles or use one of "
                        f"{', '.join(names_)}")
        return value

    known_fields = _claim_fields()
    for index, field_name in enumerate(raw["fields"]):
        if field_name not in known_fields:
            fail(f"fields[{index}]", f"unknown field {field_name!r}; use one of {', '.join(known_fields)}")

    def field(entry: str, value: str) -> str:
        if value not in raw["fields"]:
            fail(entry, f"{value!r} is not among {name}'s fields; add it to fields")
        return value

    role("agent", raw["agent"])
    one_of = tuple(tuple(role(f"one_of[{i}]", r) for r in group) for i, group in enumerate(raw.get("one_of", [])))
    same_fact = tuple(tuple(role(f"same_fact[{i}]", r) for r in item) if isinstance(item, list)
                      else role(f"same_fact[{i}]", item) for i, item in enumerate(raw["same_fact"]))
    same_fields = tuple(field("same_fact_fields", f) for f in raw.get("same_fact_fields", []))
    edges = []
    for index, pair in enumerate(raw["edges"]):
        if len(pair) != 2:
            fail(f"edges[{index}]", "an edge is [from role, to role]")
        edges.append((role(f"edges[{index}]", pair[0]), role(f"edges[{index}]", pair[1])))
    if not _COLOUR.fullmatch(raw["colour"]):
        fail("colour", f"{raw['colour']!r} is no colour; write it as #rrggbb")
    endpoints = {r for pair in edges for r in pair}
    tie = _tie(raw.get("tie"), role, field, fail, kinds, endpoints)
    treaty = None
    if "treaty" in raw:
        t = raw["treaty"]
        if t.get("marks") not in (None,) + _MARKS:
            fail("treaty.marks", f"{t['marks']!r}: write one of {', '.join(_MARKS)}")
        treaty = TreatyRule(role("treaty.role", t["role"]), role("treaty.parties", t["parties"]),
                            t.get("signatories") and role("treaty.signatories", t["signatories"]),
                            t.get("marks"))
    membership = None
    if "membership" in raw:
        membership = (role("membership.member", raw["membership"]["member"]),
                      role("membership.of", raw["membership"]["of"]))
    # kg.alliances reads claims back from the graph's edges: what it needs must be on one
    needed = [("membership", r) for r in membership or ()]
    if treaty is not None:
        needed += [("treaty.role", treaty.role), ("treaty.parties", treaty.parties)]
    for entry, used in needed:
        if used not in endpoints:
            fail(entry, f"role {used!r} is on no edge; add an edge that names it")
    speech = raw.get("speech") and role("speech.about", raw["speech"]["about"])
    thinner = raw.get("thinner_without") and field("thinner_without", raw["thinner_without"])
    return ClaimType(name, raw["class"], roles, raw["agent"], one_of, tuple(raw["fields"]), same_fact,
                     same_fields, tuple(edges), raw.get("directed", True), raw["colour"], tie, treaty,
                     membership, speech, raw.get("counted", False), thinner,
                     raw.get("not_in_treaty_names", False))


def _tie(raw, role, field, fail, kinds: set[str], endpoints: set[str]) -> TieRule | None:
    if raw is None:
        return None
    if ("kind" in raw) == ("kind_by" in raw):
        fail("tie", "give either kind or kind_by")
    if ("between" in raw) == ("from" in raw or "to" in raw) or (("from" in raw) != ("to" in raw)):
        fail("tie", "give either between, or from and to")
    by = raw.get("kind_by") or {}
    values = tuple(sorted(by.get("values", {}).items()))
    rule = TieRule(raw.get("kind"), by.get("field") and field("tie.kind_by.field", by["field"]), values,
                   by.get("otherwise"), raw.get("between") and role("tie.between", raw["between"]),
                   raw.get("from") and role("tie.from", raw["from"]), raw.get("to") and role("tie.to", raw["to"]),
                   tuple(_note(item, role, field) for item in raw.get("note", [])))
    for kind in rule.kinds:
        if kind not in kinds:
            fail("tie", f"unknown tie kind {kind!r}; declare it under tie_kinds")
    # kg.alliances reads ties from the graph's edges: a role it needs must be on one
    noted = [item[0] for item in rule.note if isinstance(item, tuple)]
    for used in [r for r in (rule.between, rule.source, rule.target) if r] + noted:
        if used not in endpoints:
            fail("tie", f"role {used!r} is on no edge; add an edge that names it")
    return rule


def _note(item, role, field):
    if isinstance(item, dict):
        return (role("tie.note", item["role"]), item.get("prefix", ""))
    return item if item == "via" else field("tie.note", item)


def _check_properties(types: tuple[ClaimType, ...], where: str) -> None:
    """One role name is one RDF property, whatever the type that uses it."""
    seen: dict[str, tuple[str, str]] = {}
    for ct in types:
        for role in ct.roles:
            other = seen.setdefault(role.name, (role.property, ct.name))
            if other[0] != role.property:
                raise ClaimTypeError(f"{where}: {ct.name}.roles: {role.name!r} has property "
                                     f"{role.property!r} but {other[1]} gives it {other[0]!r}; use one")


# --- what the modules ask ---------------------------------------------------------------

def claim_types() -> tuple[ClaimType, ...]:
    """Every declared claim type, in the declaration's order."""
    return load_claim_types().types


def claim_type(name: str) -> ClaimType:
    return load_claim_types().get(name)


def names() -> tuple[str, ...]:
    return tuple(ct.name for ct in claim_types())


def treaty_family() -> tuple[ClaimType, ...]:
    return tuple(ct for ct in claim_types() if ct.treaty)


def signing() -> ClaimType | None:
    """The treaty claim whose date is the treaty's signature."""
    return next((ct for ct in treaty_family() if ct.treaty.marks == "signed"), None)


def obligation_type() -> ClaimType | None:
    """The treaty claim that carries an obligation (defence, neutrality...)."""
    return next((ct for ct in treaty_family() if "obligation" in ct.fields), None)


def membership_type() -> ClaimType | None:
    """The claim that places a person in a state or a body."""
    return next((ct for ct in claim_types() if ct.membership), None)


def role_property(role: str) -> str:
    """The local name of a role's RDF property (the same in every type that has the role)."""
    for ct in claim_types():
        for declared in ct.roles:
            if declared.name == role:
                return declared.property
    raise ClaimTypeError(f"{load_claim_types().path}: no claim type has a role {role!r}; declare it there")


def tie_kinds() -> tuple[TieKind, ...]:
    return load_claim_types().tie_kinds
