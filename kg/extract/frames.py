"""Claim frames: the trigger words and role rules of ``ontology/lexicons/<lang>/claims.yaml``.

Loaded once per language and checked entry by entry, so that a typo in a
lexicon is reported with its file and frame id instead of silently matching
nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..claim_types import claim_type as declared_type, names as claim_type_names
from ..errors import DataError
from ..lexicons import lexicon_path, load_lexicon
from ..model import ENTITY_CLASSES, OBLIGATIONS, DOMAINS, STANCES

__all__ = ["RoleRule", "Frame", "ClaimLexicon", "claim_lexicon", "attribution_lexicon", "phrase_words",
           "find_phrases", "lowered_words"]


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
    not_reflexive: frozenset[str] = frozenset()  # lemmas that mean something else with "se" ("s'appuyer sur")
    subjects: frozenset[str] = frozenset()  # if given, the noun lemmas the trigger's subject must be
    abroad: str | None = None  # a role whose entities count only away from home (a meeting abroad is a visit)

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
    negations: frozenset[str] = field(default_factory=frozenset)
    pair_anaphora: tuple[str, ...] = ()
    act_nouns: frozenset[str] = frozenset()   # "the move", "cette décision": the act reported last
    since: frozenset[str] = frozenset()       # "depuis": with "ne ... plus", the last time it happened
    no_longer: frozenset[str] = frozenset()


def _words(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: expected a list of words")
    return tuple(v.strip() for v in value)


def _frame(raw: dict, where: str) -> Frame:
    if not isinstance(raw, dict) or "id" not in raw or "type" not in raw:
        raise DataError(f"{where}: a frame needs an id and a type")
    where = f"{where} ({raw['id']})"
    claim_type = raw["type"]
    if claim_type not in claim_type_names():
        raise DataError(f"{where}: unknown claim type {claim_type!r}; declare it in ontology/claim_types.yaml")
    declared = declared_type(claim_type)
    if raw.get("stance") is not None and raw["stance"] not in ("support", "oppose"):
        raise DataError(f"{where}: stance must be support or oppose")
    triggers = raw.get("triggers") or {}
    roles = []
    for role, rule in (raw.get("roles") or {}).items():
        if role not in declared.role_names:
            raise DataError(f"{where}: {claim_type} has no role {role!r}")
        classes = _words(rule.get("classes"), f"{where}: {role}.classes")
        bad = [c for c in classes if c not in ENTITY_CLASSES]
        if bad:
            raise DataError(f"{where}: {role}: unknown class {bad[0]!r}")
        roles.append(RoleRule(role, _words(rule.get("markers"), f"{where}: {role}.markers"),
                              classes, int(rule.get("min", 1)), bool(rule.get("from_signatories"))))
    fields = frozenset(_words(raw.get("fields"), f"{where}: fields"))
    # a frame reads the type's declared fields, or a role it names in the sentence (a treaty)
    allowed = set(declared.fields) | set(declared.role_names)
    if fields - allowed:
        raise DataError(f"{where}: unknown field {sorted(fields - allowed)[0]!r} for {claim_type}")
    # rules are tried in the declaration's order, whatever the order of the YAML keys
    roles.sort(key=lambda rule: declared.role_names.index(rule.role))
    lemmas = _words(triggers.get("lemmas"), f"{where}: triggers.lemmas")
    nouns = _words(triggers.get("nouns"), f"{where}: triggers.nouns")
    if not lemmas and not nouns:
        raise DataError(f"{where}: a frame needs trigger lemmas or nouns")
    return Frame(raw["id"], claim_type, frozenset(w.lower() for w in lemmas),
                 tuple(w.lower() for w in nouns), tuple(roles), fields, raw.get("stance"),
                 frozenset(_words(raw.get("needs_unit"), f"{where}: needs_unit")),
                 frozenset(w.lower() for w in _words(raw.get("item_nouns"), f"{where}: item_nouns")),
                 bool(raw.get("requires_item")), _voice(raw.get("voice", "any"), where),
                 _split(raw.get("split"), claim_type, where), _split_on(raw.get("split_on"), claim_type, where),
                 _roles_of(raw.get("inherit"), claim_type, where),
                 frozenset(w.lower() for w in _words(raw.get("context"), f"{where}: context")),
                 frozenset(w.lower() for w in _words(raw.get("topic"), f"{where}: topic")),
                 frozenset(w.lower() for w in _words(triggers.get("not_reflexive"),
                                                     f"{where}: triggers.not_reflexive")),
                 frozenset(w.lower() for w in _words(raw.get("subjects"), f"{where}: subjects")),
                 _split(raw.get("abroad"), claim_type, where))


def _voice(value, where: str) -> str:
    if value not in ("active", "passive", "any"):
        raise DataError(f"{where}: voice must be active, passive or any")
    return value


def _split(value, claim_type: str, where: str) -> str | None:
    if value is not None and value not in declared_type(claim_type).role_names:
        raise DataError(f"{where}: split names no role of {claim_type}")
    return value


def _roles_of(value, claim_type: str, where: str) -> tuple[str, ...]:
    roles = _words(value, f"{where}: inherit")
    if set(roles) - set(declared_type(claim_type).role_names):
        raise DataError(f"{where}: inherit names no role of {claim_type}")
    return roles


def _split_on(value, claim_type: str, where: str) -> str | None:
    if value is not None and value not in declared_type(claim_type).fields:
        raise DataError(f"{where}: split_on names no field of {claim_type}")
    return value


@lru_cache(maxsize=None)
def phrase_words(lang: str, phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the tokenizer cuts it, lower case: "l'État" -> ("l'", "état")."""
    from ..nlp import pipeline

    return tuple(t.lower_.replace("\u2019", "'") for t in pipeline(lang).tokenizer(phrase))


def lowered_words(doc) -> list[str]:
    """The Doc's words in lower case with one kind of apostrophe, computed once per Doc."""
    words = doc.user_data.get("kg_lowered")
    if words is None:
        words = [t.lower_.replace("\u2019", "'") for t in doc]
        doc.user_data["kg_lowered"] = words
    return words


@lru_cache(maxsize=4096)
def _phrase_index(lang: str, phrases) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Phrases by their first word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase in sorted(phrases):
        words = phrase_words(lang, phrase)
        if words:
            index.setdefault(words[0], []).append((words, phrase))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def find_phrases(doc, lang: str, phrases, start: int = 0, end: int | None = None):
    """(start, end, phrase) token spans of ``phrases`` in ``doc[start:end]``, longest first, no overlap.

    The whole Doc is scanned once per phrase list; later calls pick their range.
    """
    end = len(doc) if end is None else end
    key = phrases if isinstance(phrases, (tuple, frozenset)) else tuple(phrases)
    cache = doc.user_data.setdefault("kg_phrases", {})
    found = cache.get((lang, key))
    if found is None:
        found = cache[(lang, key)] = list(_scan(lowered_words(doc), _phrase_index(lang, key)))
    return (match for match in found if start <= match[0] and match[1] <= end)


def _scan(words: list[str], index):
    i = 0
    while i < len(words):
        hit = next(((w, p) for w, p in index.get(words[i], ()) if tuple(words[i:i + len(w)]) == w), None)
        if hit:
            yield i, i + len(hit[0]), hit[1]
            i += len(hit[0])
        else:
            i += 1


@lru_cache(maxsize=None)
def claim_lexicon(lang: str) -> ClaimLexicon:
    data = load_lexicon(lang, "claims")
    where = str(lexicon_path(lang, "claims"))
    frames = tuple(_frame(raw, f"{where}: frame {n}") for n, raw in enumerate(data.get("frames") or [], 1))
    ids = [f.id for f in frames]
    if len(set(ids)) != len(ids):
        raise DataError(f"{where}: frame ids must be unique")
    obligations = {k: _words(v, f"{where}: obligations.{k}") for k, v in (data.get("obligations") or {}).items()}
    domains = {k: _words(v, f"{where}: domains.{k}") for k, v in (data.get("domains") or {}).items()}
    if set(obligations) - set(OBLIGATIONS):
        raise DataError(f"{where}: unknown obligation {sorted(set(obligations) - set(OBLIGATIONS))[0]!r}")
    if set(domains) - set(DOMAINS):
        raise DataError(f"{where}: unknown domain {sorted(set(domains) - set(DOMAINS))[0]!r}")
    positions = data.get("positions") or {}
    return ClaimLexicon(
        frames=frames,
        titles=tuple(sorted(_words(positions.get("titles"), f"{where}: positions.titles"), key=len, reverse=True)),
        obligations=obligations, domains=domains,
        treaty_nouns=_words(data.get("treaty_nouns"), f"{where}: treaty_nouns"),
        irrealis=frozenset(_words(data.get("irrealis"), f"{where}: irrealis")),
        negations=frozenset(_words(data.get("negations"), f"{where}: negations")),
        pair_anaphora=_words(data.get("pair_anaphora"), f"{where}: pair_anaphora"),
        act_nouns=frozenset(w.lower() for w in _words(data.get("act_nouns"), f"{where}: act_nouns")),
        since=frozenset(_words(data.get("since"), f"{where}: since")),
        no_longer=frozenset(_words(data.get("no_longer"), f"{where}: no_longer")),
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


@lru_cache(maxsize=None)
def attribution_lexicon(lang: str) -> AttributionLexicon:
    data = load_lexicon(lang, "attributions")
    where = str(lexicon_path(lang, "attributions"))
    sections = {}
    for section in ("prepositions", "verbs", "phrases"):
        table = data.get(section) or {}
        bad = set(table) - set(STANCES)
        if bad:
            raise DataError(f"{where}: {section}: unknown stance {sorted(bad)[0]!r}")
        sections[section] = {k: _words(v, f"{where}: {section}.{k}") for k, v in table.items()}
    return AttributionLexicon(
        prepositions=sections["prepositions"],
        verbs={k: frozenset(w.lower() for w in v) for k, v in sections["verbs"].items()},
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in sections["phrases"].items()},
        anaphora=_words(data.get("anaphora"), f"{where}: anaphora"),
        negators=frozenset(w.lower() for w in _words(data.get("negators"), f"{where}: negators")),
        source_nouns=frozenset(w.lower() for w in _words(data.get("source_nouns"), f"{where}: source_nouns")),
        own_acts=frozenset(w.lower() for w in _words(data.get("own_acts"), f"{where}: own_acts")),
    )
