"""The gazetteer: names of states, places, organisations, people and groups.

The entries live as YAML under ``ontology/gazetteer/`` (written by
``scripts/make_gazetteer.py`` from reference data plus ``curated.yaml``). This
module loads and validates them and answers the questions the extractor and the
CLI ask: which entities can this surface form name, and which entity does the
user mean.

>>> gaz = load_gazetteer()
>>> [e.label for e in gaz.lookup("nord-coréennes")]
['North Korea']
>>> gaz.resolve("RPDC").qid
'Q423'
>>> gaz.state_of(gaz.lookup("Moscou")[0]).label
'Russia'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml

from .errors import DataError, UnknownEntity
from .lexicons import display_path, ontology_dir
from .model import EntityRef, entity_id
from .schema import validate
from .yaml_cache import load_yaml
from .text import fold, unaccent

__all__ = ["KINDS", "LANGS", "gazetteer_dir", "GAZETTEER_FILES", "GazetteerEntry", "Gazetteer",
           "load_gazetteer", "load_entries", "read_entries"]

#: what an entry is; the extractor uses it to tell a state from its capital
KINDS = ("state", "capital", "city", "region", "organization", "person", "body", "group")
LANGS = ("fr", "en")
#: the generated files, in load order; curated.yaml is an input of the generator, not read here
GAZETTEER_FILES = ("states.yaml", "places.yaml", "regions.yaml", "organizations.yaml",
                   "bodies.yaml", "people.yaml", "groups.yaml")

# When one form names several entries, the most likely actor comes first.
_KIND_ORDER = {kind: rank for rank, kind in enumerate(
    ("state", "capital", "organization", "body", "person", "group", "city", "region"))}
_QID = re.compile(r"Q[1-9][0-9]*")
# Words around a name that do not change whom it names: "l'Occident", "M. Poutine",
# "the Kremlin", "Russia's".
_PREFIXES = re.compile(r"^(?:l['’]|d['’]|(?:le|la|les|du|des|de|the|M\.|Mr\.?|Mme|Mrs\.?|Ms\.?) )",
                       re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def gazetteer_dir() -> Path:
    """``ontology/gazetteer`` of the ontology kg reads (see kg.lexicons.ontology_dir)."""
    return _gazetteer_dir(ontology_dir())


@lru_cache(maxsize=None)
def _gazetteer_dir(ontology: Path) -> Path:
    # one Path per ontology: the rules load the gazetteer for each mention they weigh,
    # and a new Path is parsed again and hashed again to find the loaded one
    return ontology / "gazetteer"


@dataclass(frozen=True, eq=False)
class GazetteerEntry:
    """One entity the gazetteer knows, with its names per language.

    ``forms`` match in any case ("russe", "Russes"); ``forms_cased`` only as
    written or in full capitals ("Chad", "CHAD", never "chad"), which suits
    acronyms and names that are also common words.
    """
    id: str
    label: str
    cls: str
    kind: str
    qid: str | None = None
    part_of: str | None = None  # QID of the state (or union) a body or person belongs to
    capital_of: str | None = None  # QID of the state whose capital this is
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forms_cased: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # names an article uses once it has named the entity in full ("the Council" after
    # "the Council of the European Union"), matched as written after a determiner
    short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = ""  # the YAML file it came from, for error messages

    @property
    def ref(self) -> EntityRef:
        """How a claim names this entry."""
        return EntityRef(entity_id(self.qid, self.label, self.cls), self.label, self.qid, self.cls)

    def all_forms(self, lang: str | None = None) -> Iterator[tuple[str, bool]]:
        """(form, case_sensitive) in ``lang``, or in every language."""
        for cased, table in ((False, self.forms), (True, self.forms_cased)):
            for form_lang, forms in table.items():
                if lang is None or form_lang == lang:
                    for form in forms:
                        yield form, cased

    def names(self) -> dict[str, str]:
        """The entry's name in each language it has forms in, for labels (``"Russie"@fr``).

        English is the entry's label (the gazetteer is written in English); otherwise
        the first form that reads as a name (capitalised, not an acronym: "Russie",
        not "RUS" nor "russe"), forms written as-is first. A person's name is a full
        name that differs from the English one ("Vladimir Poutine"), else the English
        one (their cased forms are surnames). A language with no such form gets no name.

        >>> gaz = load_gazetteer()
        >>> gaz.by_qid("Q159").names()
        {'en': 'Russia', 'fr': 'Russie'}
        >>> gaz.by_qid("Q7747").names()
        {'en': 'Vladimir Putin', 'fr': 'Vladimir Poutine'}
        """
        names = {"en": self.label}
        for lang in sorted(set(self.forms) | set(self.forms_cased)):
            if lang in names:
                continue
            if self.cls == "Person":
                full = [f for f in self.forms.get(lang, ()) if " " in f and f[:1].isupper()]
                names[lang] = next((f for f in full if f != self.label), self.label)
                continue
            candidates = self.forms_cased.get(lang, ()) + self.forms.get(lang, ())
            name = next((f for f in candidates if f[:1].isupper() and not f.isupper()), None)
            if name:
                names[lang] = name
        return names

    def __repr__(self) -> str:
        return f"GazetteerEntry({self.id!r}, {self.label!r}, {self.kind}, {self.qid})"


class Gazetteer:
    """Entries plus indexes by id, QID and folded form."""

    def __init__(self, entries: list[GazetteerEntry], lang: str | None = None):
        self.entries = entries
        self.lang = lang
        self._by_id = {e.id: e for e in entries}
        self._by_qid = {e.qid: e for e in entries if e.qid}
        self._by_ref_id = {e.ref.id: e for e in entries if not e.qid}
        # state QID -> its (first) capital: where its leader receives a guest when no place is named
        self._capitals_of: dict[str, GazetteerEntry] = {}
        for e in entries:
            if e.kind == "capital" and e.capital_of:
                self._capitals_of.setdefault(e.capital_of, e)
        # lang -> key -> entries; case-insensitive forms keyed by fold(), cased ones by unaccent()
        self._loose: dict[str, dict[str, list[GazetteerEntry]]] = {}
        self._cased: dict[str, dict[str, list[GazetteerEntry]]] = {}
        # cased forms also match in full capitals (datelines: "SÉOUL", "N'DJAMENA")
        self._capitals: dict[str, dict[str, list[GazetteerEntry]]] = {}
        for entry in entries:
            for form_lang in LANGS:
                for form, cased in entry.all_forms(form_lang):
                    if cased:
                        _add(self._cased, form_lang, unaccent(form), entry)
                        _add(self._capitals, form_lang, unaccent(form).upper(), entry)
                    else:
                        _add(self._loose, form_lang, fold(form), entry)

    def __len__(self) -> int:
        return len(self.entries)

    def by_id(self, entry_id: str) -> GazetteerEntry | None:
        return self._by_id.get(entry_id)

    def by_qid(self, qid: str) -> GazetteerEntry | None:
        return self._by_qid.get(qid)

    def capital(self, state_qid: str | None) -> GazetteerEntry | None:
        """The capital of the state with this QID, if the gazetteer holds one."""
        return self._capitals_of.get(state_qid) if state_qid else None

    def of(self, ref: EntityRef) -> GazetteerEntry | None:
        """The entry a claim's entity comes from: by QID, else by the id it gives entities."""
        if ref.qid:
            return self._by_qid.get(ref.qid)
        return self._by_ref_id.get(ref.id)

    def forms(self, lang: str | None = None) -> Iterator[tuple[str, GazetteerEntry, bool]]:
        """(form, entry, case_sensitive) for a spaCy PhraseMatcher.

        Besides each form as written, yields its spelling without accents and
        with a straight apostrophe, and for case-sensitive forms their full
        capitals, because a PhraseMatcher on ORTH or LOWER folds neither.

        >>> gaz = load_gazetteer()
        >>> ("N'DJAMENA", gaz.by_qid("Q3659"), True) in set(gaz.forms("fr"))
        True
        """
        lang = lang or self.lang
        for entry in self.entries:
            seen: set[tuple[str, bool]] = set()
            for form, cased in entry.all_forms(lang):
                variants = {form, unaccent(form), form.replace("'", "\u2019")}
                if cased:
                    variants |= {v.upper() for v in list(variants)}
                for variant in sorted(variants):
                    if (variant, cased) not in seen:
                        seen.add((variant, cased))
                        yield variant, entry, cased

    def lookup(self, text: str, lang: str | None = None) -> list[GazetteerEntry]:
        """The entries ``text`` can name, most likely actor first (state before capital).

        Ignores accents, case (except for case-sensitive forms), a leading
        article or title and a trailing possessive.

        >>> gaz = load_gazetteer()
        >>> [e.kind for e in gaz.lookup("Pyongyang")]
        ['capital']
        >>> [e.label for e in gaz.lookup("Russia's", "en")]
        ['Russia']
        >>> gaz.lookup("chad", "en"), [e.label for e in gaz.lookup("Chad", "en")]
        ([], ['Chad'])
        """
        lang = lang or self.lang
        langs = (lang,) if lang else LANGS
        for candidate in _candidates(text):
            found: list[GazetteerEntry] = []
            for form_lang in langs:
                found += self._loose.get(form_lang, {}).get(fold(candidate), [])
                found += self._cased.get(form_lang, {}).get(unaccent(candidate), [])
                if candidate.isupper():
                    found += self._capitals.get(form_lang, {}).get(unaccent(candidate), [])
            if found:
                unique = list(dict.fromkeys(found))
                return sorted(unique, key=lambda e: _KIND_ORDER[e.kind])
        return []

    def resolve(self, name: str) -> GazetteerEntry:
        """The entry a user means by ``name``: a QID, an id, or a name in any language.

        A capital or a government body stands for its state, as in the news:
        "Pyongyang" resolves to North Korea. Ask for the city by its QID.

        >>> gaz = load_gazetteer()
        >>> [gaz.resolve(n).qid for n in ("Corée du Nord", "North Korea", "Pyongyang", "Q423")]
        ['Q423', 'Q423', 'Q423', 'Q423']
        >>> gaz.resolve("Corée du Nrd")
        Traceback (most recent call last):
        ...
        kg.errors.UnknownEntity: no entity named 'Corée du Nrd' in the gazetteer; did you mean: Corée du Nord, Corée du Sud?
        """
        name = name.strip()
        if _QID.fullmatch(name):
            entry = self.by_qid(name)
            if entry is None:
                raise UnknownEntity(f"no entity with QID {name} in the gazetteer")
            return entry
        if name in self._by_id:
            return self._by_id[name]
        found = self.lookup(name, lang=None) if self.lang is None else (
            self.lookup(name) or self.lookup(name, lang=None))
        found += [e for e in self.entries if fold(e.label) == fold(name) and e not in found]
        if not found:
            raise UnknownEntity(f"no entity named {name!r} in the gazetteer"
                                + self._suggestions(name))
        best = found[0]
        if best.kind in ("capital", "body"):
            return self.state_of(best) or best
        return best

    def state_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        """The state (or union) a capital, body or person stands for; a state is its own.

        >>> gaz = load_gazetteer()
        >>> gaz.state_of(gaz.resolve("Q18808")).label
        'North Korea'
        """
        if entry.kind == "state":
            return entry
        owner = entry.capital_of or entry.part_of
        return self.by_qid(owner) if owner else None

    def _suggestions(self, name: str) -> str:
        names: dict[str, str] = {}
        for entry in self.entries:
            for form, _ in entry.all_forms():
                names.setdefault(fold(form), form)
            names.setdefault(fold(entry.label), entry.label)
        return UnknownEntity.hint(name, names, n=5, cutoff=0.75)


def _add(index: dict, lang: str, key: str, entry: GazetteerEntry) -> None:
    bucket = index.setdefault(lang, {}).setdefault(key, [])
    if entry not in bucket:
        bucket.append(entry)


def _candidates(text: str) -> Iterator[str]:
    """``text``, then without a trailing possessive, then without a leading article or title."""
    text = unaccent(text).strip(" \"'«»“”")
    seen = []
    for candidate in (text, _POSSESSIVE.sub("", text)):
        for variant in (candidate, _PREFIXES.sub("", candidate)):
            if variant and variant not in seen:
                seen.append(variant)
                yield variant


def read_entries(path: Path) -> list[GazetteerEntry]:
    """Read one gazetteer YAML file, checked against kg.ontology_schema.GAZETTEER;
    DataError names the file and the entry."""
    from .ontology_schema import GAZETTEER, vocabularies

    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{display_path(path)}: cannot read gazetteer file ({error})") from None
    except yaml.YAMLError as error:
        raise DataError(f"{display_path(path)}: invalid YAML: {str(error).splitlines()[0]}") from None
    if data is None:
        return []
    validate(data, GAZETTEER, display_path(path), vocabularies())
    return [_entry(path, item) for item in data]


def _entry(path: Path, item: dict) -> GazetteerEntry:
    return GazetteerEntry(id=item["id"], label=item["label"], cls=item["class"], kind=item["kind"],
                          qid=item.get("qid"), part_of=item.get("part_of"), capital_of=item.get("capital_of"),
                          forms=_forms(item.get("forms")), forms_cased=_forms(item.get("forms_cased")),
                          short_forms=_forms(item.get("short_forms")), source=path.name)


def _forms(table: dict | None) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(forms) for lang, forms in (table or {}).items()}


def load_entries(directory: Path | None = None) -> list[GazetteerEntry]:
    """Every entry of the gazetteer files in ``directory``, checked for duplicate ids and QIDs."""
    directory = Path(directory) if directory else gazetteer_dir()
    entries: list[GazetteerEntry] = []
    ids: dict[str, GazetteerEntry] = {}
    qids: dict[str, GazetteerEntry] = {}
    for name in GAZETTEER_FILES:
        path = directory / name
        if not path.exists():
            continue
        for entry in read_entries(path):
            for key, seen in ((entry.id, ids), (entry.qid, qids)):
                if key and key in seen:
                    raise DataError(f"{display_path(path)}: entry {entry.id}: {key} is already used by entry "
                                    f"{seen[key].id} in {seen[key].source}")
                if key:
                    seen[key] = entry
            entries.append(entry)
    if not entries:
        raise DataError(f"{display_path(directory)}: no gazetteer entries found (run scripts/make_gazetteer.py)")
    return entries


def load_gazetteer(lang: str | None = None, directory: Path | None = None) -> Gazetteer:
    """The gazetteer, loaded once per (lang, directory). ``lang`` sets the default
    language of ``forms`` and ``lookup``; None means every language."""
    if lang is not None and lang not in LANGS:
        raise DataError(f"no gazetteer language {lang!r}; use one of {', '.join(LANGS)}")
    if directory is None:
        from .ontology_schema import check_ontology

        check_ontology()  # kg's own gazetteer: the whole ontology is checked first, once
        directory = gazetteer_dir()
    return _gazetteer(lang, directory if isinstance(directory, Path) else Path(directory))


@lru_cache(maxsize=8)
def _gazetteer(lang: str | None, directory: Path) -> Gazetteer:
    return Gazetteer(load_entries(directory), lang)
