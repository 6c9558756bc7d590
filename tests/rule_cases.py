"""The rule suite's cases (tests/rules/*.yaml): loading, checking their schema,
extracting their texts and matching claims against what a case expects.

The format is described in tests/rules/README.md. A case's schema is closed: an
unknown key, role, claim type or rule id is an error, so that a typo cannot make
a ``must_not`` pass silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kg import claim_types
from kg.lexicons import ontology_dir
from kg.model import STANCES, Document

RULES_DIR = Path(__file__).parent / "rules"
#: the lexicons kg itself reads (the checkout's, or $KG_ONTOLOGY_DIR's)
LEXICONS_DIR = ontology_dir() / "lexicons"
#: the day a case's text is published unless it says otherwise (a Friday), so
#: that "lundi" or "last week" resolve to known dates
DEFAULT_PUBLISHED = "2025-03-14"

_FILE_KEYS = {"lang", "cases"}
_CASE_KEYS = {"text", "published", "url", "title", "must", "must_not", "xfail"}
_SPEC_KEYS = {"type", "rule", "roles", "quantity", "date", "obligation", "domain", "stance", "item",
              "position", "quote", "attributions"}
_QUANTITY_KEYS = {"value", "low", "high", "approximate", "unit"}
_PLAIN_FIELDS = ("date", "obligation", "domain", "stance", "item", "position", "quote")


class CaseError(Exception):
    """A case that does not follow the format."""


@dataclass(frozen=True)
class Case:
    path: Path
    index: int
    lang: str
    raw: dict

    @property
    def doc_id(self) -> str:
        return f"{self.path.stem}-{self.index}"

    @property
    def label(self) -> str:
        """A pytest id: the file, the case's index and the first words of its text."""
        words = str(self.raw.get("text", "")).split()[:6]
        ascii_words = unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_words).strip("-").lower()
        return f"{self.path.name}:{self.index}:{slug}"


def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yaml"))


@lru_cache(maxsize=None)
def load_file(path: Path) -> tuple[str, list[Case]]:
    """The language and cases of one file; the file's own keys are checked here."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise CaseError(f"{path.name}: not valid YAML: {error}".replace("\n", " ")) from None
    if not isinstance(data, dict) or set(data) - _FILE_KEYS or "lang" not in data:
        raise CaseError(f"{path.name}: a rule file holds exactly 'lang' and 'cases'")
    if not isinstance(data.get("cases"), list):
        raise CaseError(f"{path.name}: 'cases' must be a list")
    return data["lang"], [Case(path, n, data["lang"], raw) for n, raw in enumerate(data["cases"])]


def all_cases() -> list[Case]:
    """Every case of every well-formed file (test_rules reports the others)."""
    cases = []
    for path in rule_files():
        try:
            cases += load_file(path)[1]
        except CaseError:
            continue
    return cases


# --- the schema -------------------------------------------------------------

@lru_cache(maxsize=None)
def known_rules(lang: str) -> dict[str, str]:
    """Rule id -> claim type, for every rule of ontology/lexicons/<lang>/claims.yaml."""
    path = LEXICONS_DIR / lang / "claims.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rules = {frame["id"]: frame["type"] for frame in data.get("frames") or []}
    if (data.get("positions") or {}).get("id"):
        rules[data["positions"]["id"]] = "position_held"
    if data.get("obligations"):
        # the obligations lexicon is read by kg/extract/treaties.py under this id
        rules[f"{lang}.treaty.obligation"] = "treaty_obligation"
    return rules


def check_case(case: Case) -> None:
    """Raise CaseError naming the case and the first thing wrong with it."""
    where = f"{case.path.name} case {case.index}"
    raw = case.raw
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: a case is a mapping with a 'text'")
    _closed(raw, _CASE_KEYS, where)
    if not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise CaseError(f"{where}: 'text' is missing")
    if not raw.get("must") and not raw.get("must_not"):
        raise CaseError(f"{where}: give 'must' or 'must_not' (or both)")
    if "url" in raw and not (isinstance(raw["url"], str) and raw["url"].startswith(("http://", "https://"))):
        raise CaseError(f"{where}: 'url' is the page's address, http:// or https://")
    if "xfail" in raw and not (isinstance(raw["xfail"], str) and raw["xfail"].strip()):
        raise CaseError(f"{where}: 'xfail' is the reason the rules fail this case, as a sentence")
    if not (LEXICONS_DIR / case.lang / "claims.yaml").exists():
        raise CaseError(f"{where}: no ontology/lexicons/{case.lang}/claims.yaml for lang {case.lang!r}")
    for key in ("must", "must_not"):
        specs = raw.get(key) or []
        if not isinstance(specs, list):
            raise CaseError(f"{where}: '{key}' is a list of claim specs")
        for n, spec in enumerate(specs):
            _check_spec(spec, f"{where}, {key}[{n}]", case.lang)


def _closed(mapping: dict, allowed: set, where: str) -> None:
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        raise CaseError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _check_spec(spec, where: str, lang: str) -> None:
    if not isinstance(spec, dict) or not spec:
        raise CaseError(f"{where}: a claim spec is a mapping such as {{type: visit}}")
    _closed(spec, _SPEC_KEYS, where)
    rules = known_rules(lang)
    if "rule" in spec and spec["rule"] not in rules:
        raise CaseError(f"{where}: no rule {spec['rule']!r} in ontology/lexicons/{lang}/claims.yaml")
    claim_type = spec.get("type") or rules.get(spec.get("rule"))
    if "type" in spec and spec["type"] not in claim_types.names():
        raise CaseError(f"{where}: unknown claim type {spec['type']!r}")
    if "type" in spec and "rule" in spec and rules[spec["rule"]] != spec["type"]:
        raise CaseError(f"{where}: rule {spec['rule']} gives {rules[spec['rule']]}, not {spec['type']}")
    roles = spec.get("roles", {})
    if not isinstance(roles, dict):
        raise CaseError(f"{where}: 'roles' maps a role to a list of QIDs or labels")
    for role, refs in roles.items():
        names = claim_types.claim_type(claim_type).role_names if claim_type else ()
        if claim_type and role not in names:
            raise CaseError(f"{where}: {claim_type} has no role {role!r} ({', '.join(names)})")
        if not isinstance(refs, list):
            raise CaseError(f"{where}: role {role!r} takes a list, e.g. [Q159]")
    if spec.get("quantity") is not None:
        if not isinstance(spec["quantity"], dict):
            raise CaseError(f"{where}: 'quantity' maps some of {', '.join(sorted(_QUANTITY_KEYS))}")
        _closed(spec["quantity"], _QUANTITY_KEYS, f"{where}, quantity")
    for pair in spec.get("attributions", []):
        if not (isinstance(pair, list) and len(pair) == 2 and pair[1] in STANCES):
            raise CaseError(f"{where}: an attribution is [claimant, stance], stance one of {', '.join(STANCES)}")


# --- extraction ---------------------------------------------------------------

@lru_cache(maxsize=None)
def extracted(path: Path) -> dict[str, tuple[list, str | None]]:
    """doc id -> (its claims, the error its extraction raised): every case of a
    file is extracted in one call, so the spaCy pipeline parses them in a batch."""
    from kg.extract.pipeline import extract_corpus

    lang, cases = load_file(path)
    documents = [Document(id=c.doc_id, body=c.raw["text"], lang=lang,
                          published=str(c.raw.get("published") or DEFAULT_PUBLISHED),
                          url=c.raw.get("url"), title=c.raw.get("title"))
                 for c in cases if isinstance(c.raw, dict) and isinstance(c.raw.get("text"), str)]
    errors = {}
    corpus = extract_corpus(documents, on_error=lambda doc, error: errors.setdefault(doc.id, repr(error)))
    found = {d.id: ([], errors.get(d.id)) for d in documents}
    for claim in corpus.claims:
        found[claim.doc][0].append(claim)
    return found


# --- matching -------------------------------------------------------------------

def ref_key(ref) -> str:
    """How a case names an entity: its QID, else its label."""
    return ref.qid or ref.label


def matches(claim, spec: dict, *, exact: bool) -> bool:
    """Does ``claim`` agree with every key the spec lists?

    ``exact`` (for ``must``): a role or the attributions hold exactly the listed
    entities. Otherwise (for ``must_not``) they hold at least them, so that
    ``{roles: {sender: [Q159]}}`` forbids Russia as a sender, alone or not.
    """
    def same(listed, actual) -> bool:
        return listed == actual if exact else listed <= actual

    if "type" in spec and claim.type != spec["type"]:
        return False
    if "rule" in spec and claim.rule != spec["rule"]:
        return False
    for role, refs in (spec.get("roles") or {}).items():
        if not same({str(r) for r in refs}, {ref_key(r) for r in claim.roles.get(role, [])}):
            return False
    if "quantity" in spec and not _same_quantity(spec["quantity"], claim.quantity):
        return False
    for key in _PLAIN_FIELDS:
        if key in spec and getattr(claim, key) != (None if spec[key] is None else str(spec[key])):
            return False
    if "attributions" in spec:
        listed = {(str(who), stance) for who, stance in spec["attributions"]}
        if not same(listed, {(ref_key(a.claimant), a.stance) for a in claim.attributions}):
            return False
    return True


def _same_quantity(listed: dict | None, quantity) -> bool:
    """The listed keys agree; ``quantity: null`` asks for no count at all."""
    if listed is None or quantity is None:
        return listed is None and quantity is None
    return all(getattr(quantity, key) == value for key, value in listed.items())


def compact(claim) -> str:
    """One line per claim, to set beside what the case expected."""
    def name(ref) -> str:
        return f"{ref.qid}({ref.label})" if ref.qid else ref.label

    parts = [f"{claim.type} [{claim.rule}]"]
    parts += [f"{role}={','.join(name(r) for r in refs)}" for role, refs in claim.roles.items()
              if refs and role != "treaty"]
    if claim.quantity is not None:
        q = claim.quantity
        amount = (f"{q.value:g}" if q.value is not None
                  else f"{q.low or ''}-{q.high or ''}".replace(".0", ""))
        parts.append(f"quantity={'~' if q.approximate else ''}{amount} {q.unit or ''}".rstrip())
    parts += [f"{key}={_short(getattr(claim, key))}" for key in _PLAIN_FIELDS if getattr(claim, key) is not None]
    if claim.attributions:
        parts.append("attributions=" + ",".join(f"({name(a.claimant)},{a.stance})" for a in claim.attributions))
    return "  ".join(parts)


def _short(value, width: int = 40) -> str:
    text = str(value)
    return text if len(text) <= width else text[:width - 1] + "…"


def main(argv: list[str] | None = None) -> None:
    """Print the claims some sentences give, one line each, as a case would show them:
    ``python tests/rule_cases.py fr "Selon Kiev, ..." "..."``; ``--url URL`` first gives
    them a page address (a state's own site)."""
    import sys

    from kg.extract.pipeline import extract_corpus

    lang, *texts = argv if argv is not None else sys.argv[1:]
    url = None
    if texts[:1] == ["--url"]:
        _, url, *texts = texts
    documents = [Document(id=str(n), body=text, lang=lang, published=DEFAULT_PUBLISHED, url=url)
                 for n, text in enumerate(texts)]
    claims = extract_corpus(documents).claims
    for document in documents:
        print(document.body)
        for claim in (c for c in claims if c.doc == document.id):
            print("   ", compact(claim))


if __name__ == "__main__":
    main()
