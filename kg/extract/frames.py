"""Claim frames: the trigger words and role rules of ``ontology/lexicons/<lang>/claims.yaml``.

Loaded once per language, after kg.ontology_schema has checked every entry,
so that a typo in a lexicon is reported with its file and frame id instead of
silently matching nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..claim_types import claim_type as declared_type
from ..lexicons import load_lexicon

__all__ = ["RoleRule", "Frame", "ClaimLexicon", "claim_lexicon", "attribution_lexicon"]


@dataclass(frozen=True)
class RoleRule:
    role: str
    markers: tuple[str, ...]
    classes: tuple[str, ...]
    min: int = 1
    from_signatories: bool = False


@dataclass(frozen=True)
class Frame:
    id: str
    type: str
    lemmas: frozenset[str]
    nouns: tuple[str, ...]
    roles: tuple[RoleRule, ...]
    fields: frozenset[str]
    stance: str | None = None
    needs_unit: frozenset[str] = frozenset()
    item_nouns: frozenset[str] = frozenset()
    requires_item: bool = False
    voice: str = "any"          # active, passive or any: "reçu par" and "a reçu" name different visitors
    split: str | None = None    # a role whose entities each make a claim of their own
    split_on: str | None = None  # ...only when this field then differs between them
    inherit: tuple[str, ...] = ()  # roles a new count takes from an earlier claim of the article
    context: frozenset[str] = frozenset()  # words one of which the sentence must hold
    topic: frozenset[str] = frozenset()    # words that show a sentence speaks of such claims
    not_followed_by: frozenset[str] = frozenset()  # "sent a clear message": words after the trigger that change its sense
    not_reflexive: frozenset[str] = frozenset()  # lemmas that mean something else with "se" ("s'appuyer sur")
    subjects: frozenset[str] = frozenset()  # if given, the noun lemmas the trigger's subject must be
    abroad: str | None = None  # a role whose entities count only away from home (a meeting abroad is a visit)
    not_at_home: str | None = None  # a role whose entities drop out where the place is their own state (a host)
    only_reflexive: frozenset[str] = frozenset()  # lemmas that mean the frame's act only with "se" ("se réunir")
    split_counts: bool = False  # one claim per count of the frame's units ("100 missiles et 200 obusiers")
    verbless: bool = False  # the trigger counts only where no verb takes it (a headline, "le nombre de soldats")
    not_after: frozenset[str] = frozenset()  # "$5 million in support": a word right before the trigger that changes its sense
    not_object_of: frozenset[str] = frozenset()  # "to discuss support", "over its support": verbs or prepositions that make a noun trigger a topic
    yields_to: frozenset[str] = frozenset()  # claim types whose claim on the same trigger takes the word ("welcomed X to Y")
    split_domains: bool = False  # "cooperation in defence, trade and energy": one claim per domain of the noun's own list
    objects: frozenset[str] = frozenset()  # if given, the nouns the trigger's object must be ("has troops in X")
    predicative: bool = False  # a noun trigger counts only as a copula's predicate ("Russia is a threat")
    # "accuse X de vouloir envahir": an infinitive after the trigger tells an act (its accusers
    # are its source), no statement
    not_before_infinitive: bool = False
    not_subjects: frozenset[str] = frozenset()  # nouns the trigger's subject must not be ("the Bundeswehr sent two jets")
    home_acts: bool = False  # on a state's own pages, an agentless passive is the state's act ("have been imposed")
    # "has visited Kyiv three times since 2018": a date after "since" opens the span the acts
    # fell in, none of theirs (unless negated: "had not visited since 2019", the last time)
    since_spans: bool = False
    # "sent military aid to X": nouns of the kind of aid that meet requires_item, naming no item
    kind_nouns: frozenset[str] = frozenset()
    # "sent their children to schools in London": nouns the trigger's object (or a passive's
    # subject) must not be
    not_objects: frozenset[str] = frozenset()

    def __hash__(self) -> int:
        # frames key per-frame caches (kg.extract.triggers, roles) asked for each sentence:
        # the id alone tells frames apart, where hashing every field (each role rule's
        # tuples) cost more than the look-up saved; equal frames have equal ids
        return hash(self.id)

    @property
    def agent(self) -> RoleRule | None:
        """The rule of the role that acts, as ontology/claim_types.yaml declares it."""
        agent = declared_type(self.type).agent
        return next((rule for rule in self.roles if rule.role == agent), None)


@dataclass(frozen=True)
class ClaimLexicon:
    frames: tuple[Frame, ...]
    titles: tuple[str, ...]
    obligations: dict[str, tuple[str, ...]]
    domains: dict[str, tuple[str, ...]]
    treaty_nouns: tuple[str, ...]
    irrealis: frozenset[str] = field(default_factory=frozenset)
    plan_copulas: frozenset[str] = frozenset()  # "are to be stationed": a plan
    negations: frozenset[str] = field(default_factory=frozenset)
    pair_anaphora: tuple[str, ...] = ()
    act_nouns: frozenset[str] = frozenset()   # "the move", "cette décision": the act reported last
    since: frozenset[str] = frozenset()       # "depuis": with "ne ... plus", the last time it happened
    no_longer: frozenset[str] = frozenset()
    terminations: frozenset[str] = frozenset()  # "suspend support": the end of a relation is no claim of it
    commitments: tuple[str, ...] = ()           # "under the accord": what follows binds, it is no intention
    pledges: frozenset[str] = frozenset()      # "will stand by X": auxiliaries that pledge in a statement
    requests: frozenset[str] = frozenset()     # "urged X to cooperate": verbs that ask another to act
    default_domain: str | None = None           # a cooperation that names no field ("notre relation")
    field_nouns: frozenset[str] = frozenset()   # "dans les domaines de X et de Y": the fields it names
    field_links: frozenset[str] = frozenset()   # "leur coopération dans la science": a field's preposition


def _words(value) -> tuple[str, ...]:
    return tuple(v.strip() for v in value or ())


def _lowered(value) -> frozenset[str]:
    return frozenset(w.lower() for w in _words(value))


def _frame(raw: dict) -> Frame:
    """A frame of a lexicon that kg.ontology_schema has checked against the claim types."""
    declared = declared_type(raw["type"])
    triggers = raw["triggers"]
    roles = [RoleRule(role, _words(rule["markers"]), _words(rule["classes"]), rule.get("min", 1),
                      rule.get("from_signatories", False)) for role, rule in raw["roles"].items()]
    # rules are tried in the declaration's order, whatever the order of the YAML keys
    roles.sort(key=lambda rule: declared.role_names.index(rule.role))
    return Frame(raw["id"], raw["type"], _lowered(triggers.get("lemmas")),
                 tuple(w.lower() for w in _words(triggers.get("nouns"))), tuple(roles), frozenset(raw["fields"]),
                 raw.get("stance"), frozenset(_words(raw.get("needs_unit"))), _lowered(raw.get("item_nouns")),
                 raw.get("requires_item", False), raw.get("voice", "any"), raw.get("split"), raw.get("split_on"),
                 _words(raw.get("inherit")), _lowered(raw.get("context")), _lowered(raw.get("topic")),
                 _lowered(raw.get("not_followed_by")), _lowered(triggers.get("not_reflexive")),
                 _lowered(raw.get("subjects")), raw.get("abroad"), raw.get("not_at_home"),
                 _lowered(triggers.get("only_reflexive")), raw.get("split_counts", False),
                 raw.get("verbless", False), _lowered(raw.get("not_after")), _lowered(raw.get("not_object_of")),
                 frozenset(raw.get("yields_to") or ()), raw.get("split_domains", False), _lowered(raw.get("objects")),
                 raw.get("predicative", False), raw.get("not_before_infinitive", False),
                 _lowered(raw.get("not_subjects")), raw.get("home_acts", False), raw.get("since_spans", False),
                 _lowered(raw.get("kind_nouns")), _lowered(raw.get("not_objects")))


@lru_cache(maxsize=None)
def claim_lexicon(lang: str) -> ClaimLexicon:
    data = load_lexicon(lang, "claims")
    return ClaimLexicon(
        frames=tuple(_frame(raw) for raw in data["frames"]),
        titles=tuple(sorted(_words(data["positions"]["titles"]), key=len, reverse=True)),
        obligations={k: _words(v) for k, v in data["obligations"].items()},
        domains={k: _words(v) for k, v in data["domains"].items()},
        treaty_nouns=_words(data["treaty_nouns"]),
        irrealis=frozenset(_words(data.get("irrealis"))),
        plan_copulas=_lowered(data.get("plan_copulas")),
        negations=frozenset(_words(data.get("negations"))),
        pair_anaphora=_words(data.get("pair_anaphora")),
        act_nouns=_lowered(data.get("act_nouns")),
        since=frozenset(_words(data.get("since"))),
        no_longer=frozenset(_words(data.get("no_longer"))),
        terminations=_lowered(data.get("terminations")),
        commitments=_words(data.get("commitments")),
        pledges=_lowered(data.get("pledges")),
        requests=_lowered(data.get("requests")),
        default_domain=data.get("default_domain"),
        field_nouns=_lowered(data.get("field_nouns")),
        field_links=_lowered(data.get("field_links")),
    )


@dataclass(frozen=True)
class AttributionLexicon:
    prepositions: dict[str, tuple[str, ...]]
    verbs: dict[str, frozenset[str]]
    phrases: dict[str, tuple[str, ...]]
    anaphora: tuple[str, ...]
    negators: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    own_acts: frozenset[str] = frozenset()
    incise_verbs: frozenset[str] = frozenset()  # '« ... », a-t-il poursuivi': speech only after a quotation
    clause_verbs: frozenset[str] = frozenset()  # "soutient que ...": speech only with a clause ("soutient le Maroc" backs it)
    source_links: tuple[str, ...] = ()  # "according to a readout from X": the source noun's author follows these
    # "according to the defence ministry in Prague": a body (body_nouns; mentions.yaml seat_links its city)
    body_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def attribution_lexicon(lang: str) -> AttributionLexicon:
    data = load_lexicon(lang, "attributions")
    return AttributionLexicon(
        prepositions={k: _words(v) for k, v in data["prepositions"].items()},
        verbs={k: _lowered(v) for k, v in data["verbs"].items()},
        phrases={k: tuple(sorted(_words(v), key=len, reverse=True)) for k, v in data["phrases"].items()},
        anaphora=_words(data["anaphora"]),
        negators=_lowered(data.get("negators")),
        source_nouns=_lowered(data.get("source_nouns")),
        own_acts=_lowered(data.get("own_acts")),
        incise_verbs=_lowered(data.get("incise_verbs")),
        clause_verbs=_lowered(data.get("clause_verbs")),
        source_links=tuple(w.lower() for w in _words(data.get("source_links"))),
        body_nouns=_lowered(data.get("body_nouns")),
    )
