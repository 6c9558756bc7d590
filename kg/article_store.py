"""What a build learnt per article, kept for the next build of the same folder.

Parsing and reading an article is nearly all of a build's time; the steps
across articles (entities, events, contradictions, the outputs) are quick. So
a build keeps each article's extraction (its claims, with their traces, and
its names) in an SQLite file beside the output folder, next to the build's
lock (``.<name>.kg-store.sqlite``), and the next build re-reads only the
articles whose result it does not hold.

A result is found by two keys: the article's content (its id, body, front
matter and language) and the version of everything that shapes extraction in
its language: kg's version and source code, the files of the ontology shared
by all languages (gazetteer, claim types) and those of its language
(``lexicons/<lang>/``: lexicons, frames, profile), and spaCy's and the
language's model's versions. So a change to an English lexicon re-reads the
English articles and no French one, and a change to the gazetteer or to kg's
code re-reads them all (finer tracking, of which file shapes which claim, is
not worth its risk). A result that does not match both keys is simply not used.

Why SQLite: it is in Python's standard library, it is one file, and its
transactions keep the file whole when a build is killed midway (the next build
finds the last committed state). The results are pickled, and unpickling runs
code, so each result is signed with HMAC-SHA256 under a key kept in the user's
cache (``$XDG_CACHE_HOME/kg/store.key``, mode 0600): a store that someone else
wrote or altered beside the output folder is never unpickled, only counted as
missing. The version key includes kg's code, so a result is only ever read by
the code that wrote it. The
file lives beside the output folder, not in it, because a build replaces that
folder whole.
"""
from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import hmac
import io
import os
import secrets
import json
import pickle
import sqlite3
import tempfile
from contextlib import closing
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .collector import paused_collector
from .model import Document

__all__ = ["ArticleStore", "content_key", "store_path", "version_key"]

_SCHEMA = ("CREATE TABLE IF NOT EXISTS articles ("
           "content TEXT NOT NULL, version TEXT NOT NULL, doc TEXT NOT NULL, result BLOB NOT NULL, "
           "PRIMARY KEY (content, version));"
           # kg.sources.LanguageMemo: a hash of the text the language classifier reads -> its language
           "CREATE TABLE IF NOT EXISTS languages (text TEXT PRIMARY KEY, lang TEXT NOT NULL) WITHOUT ROWID;")


def store_path(out_dir: str | Path) -> Path:
    """The store of the build written into ``out_dir``: beside it, next to its lock."""
    target = Path(out_dir).absolute()
    return target.parent / f".{target.name}.kg-store.sqlite"


def content_key(document: Document) -> str:
    """The hash of everything an article gives extraction."""
    # not its path: the same file named another way ("./a.txt", "/abs/a.txt") reads the same
    fields = [document.id, document.body, document.lang, document.title, document.published, document.url]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def version_key(lang: str | None = None) -> str:
    """The hash of everything besides the article that shapes what extraction finds in
    articles of ``lang`` (the other languages' lexicons and models left out), or of
    any language."""
    digest = hashlib.sha256(source_key(lang).encode())
    for name, installed in model_versions(lang).items():
        digest.update(f"\0{name}\0{installed}".encode())
    return digest.hexdigest()


def source_key(lang: str | None = None) -> str:
    """The hash of kg's version and code and of the files of the ontology (for ``lang``:
    without the other languages' folders under lexicons/)."""
    from . import __version__
    from .lexicons import ontology_dir

    digest = hashlib.sha256()
    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("kg", __version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):  # a rule changed in code reads like a lexicon changed
        add(str(path.relative_to(package)), path.read_bytes())
    ontology = ontology_dir()
    for path in sorted(p for p in ontology.rglob("*") if p.is_file()):
        relative = path.relative_to(ontology)
        if lang is None or not (relative.parts[0] == "lexicons" and len(relative.parts) > 2
                                and relative.parts[1] != lang):
            add("ontology/" + str(relative), path.read_bytes())
    return digest.hexdigest()


def model_versions(lang: str | None = None) -> dict[str, str]:
    """The installed versions of spaCy and of the models the profiles (of ``lang``) name."""
    return {name: _installed(name) for name in ["spacy"] + _model_packages(lang)}


def _model_packages(lang: str | None = None) -> list[str]:
    """The packages the language profiles name, read without checking the ontology
    (the version key is wanted before the check, to skip it when nothing changed):
    a profile that cannot be read names none, and the check then reports it."""
    from .lexicons import ontology_dir, read_yaml

    names = set()
    for path in sorted((ontology_dir() / "lexicons").glob(f"{lang or '*'}/profile.yaml")):
        try:
            names.add(read_yaml(path)["pipeline"]["package"])
        except Exception:  # noqa: BLE001 - any unreadable profile: the check says what is wrong
            continue
    return sorted(name for name in names if isinstance(name, str))


def _installed(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "missing"


class ArticleStore:
    """The stored results of one output folder, open for one build.

    ``get`` finds an article's stored result, ``put`` keeps a new one, and
    ``save`` commits them in one transaction and drops what this build did not
    use (removed articles, results of an older version). ``languages`` are the
    articles' languages detected by earlier builds, and ``keep_languages`` those
    of this one."""

    def __init__(self, path: str | Path, version, *, read: bool = True):
        """``version``: the version key of every language (a str), or a function of
        the language giving its key (``version_key``)."""
        self.path = Path(path)
        self._version_of = (lambda _lang: version) if isinstance(version, str) else version
        self._versions: dict[str, str] = {}
        self._read = read  # not read: every article is parsed again
        self._used: set[tuple[str, str]] = set()
        # key -> (doc id, where its signed result is in _spill): the new results wait in a
        # temporary file until ``save``, not in memory (a build of many articles held them all)
        self._new: dict[tuple[str, str], tuple[str, int, int]] = {}
        self._spill = None
        self._languages: dict[str, str] = {}
        self._key = signing_key()
        self._known: dict[tuple[str, str], bytes] | None = None  # read when first asked for

    def _rows(self, query: str, *parameters) -> list:
        """The rows of ``query``, none when not reading or the file is unreadable."""
        if not self._read or not self.path.exists():
            return []
        try:
            with closing(sqlite3.connect(self.path)) as db:
                return db.execute(query, parameters).fetchall()
        except sqlite3.DatabaseError:
            return []

    def languages(self) -> dict[str, str]:
        """What kg.sources.LanguageMemo learnt in earlier builds."""
        return dict(self._rows("SELECT text, lang FROM languages"))

    def keep_languages(self, languages: dict[str, str]) -> None:
        """Keep these (the languages this build's articles needed), and only these, at ``save``."""
        self._languages = dict(languages)

    def _key_of(self, document: Document) -> tuple[str, str]:
        if document.lang not in self._versions:
            self._versions[document.lang] = self._version_of(document.lang)
        return content_key(document), self._versions[document.lang]

    def results(self, documents: list[Document]) -> dict:
        """doc id -> ``(claims, names)`` of those of ``documents`` stored for their
        version. The collector is paused meanwhile: the results are a thousand small
        objects each, in no cycle, which a running collector would walk again and
        again as they are made (it doubled the time taken)."""
        with paused_collector():
            return {d.id: result for d in documents if (result := self.get(d)) is not None}

    def get(self, document: Document):
        """``(claims, names)`` stored for this article and version, else None."""
        if self._known is None:
            self._known = {(c, v): r for c, v, r in self._rows("SELECT content, version, result FROM articles")}
        key = self._key_of(document)
        data = self._known.get(key)
        if data is None:
            return None
        signature, payload = data[:32], data[32:]
        if self._key is None or not hmac.compare_digest(signature, _sign(self._key, payload)):
            return None  # not written by this user's kg: never unpickled
        try:
            result = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a result that cannot be read is only a miss
            return None
        self._used.add(key)
        return result

    def put(self, document: Document, claims, mentions) -> None:
        """Keep what extraction found for ``document`` (before any step across articles changes it)."""
        if self._key is None:
            return  # no signing key could be kept: nothing stored, nothing read
        key = self._key_of(document)
        payload = _pickled((claims, mentions))
        data = _sign(self._key, payload) + payload
        if self._spill is None:
            self._spill = _temporary_file(self.path.parent)
        offset = self._spill.seek(0, os.SEEK_END)
        self._spill.write(data)
        self._new[key] = (document.id, offset, len(data))
        self._used.add(key)

    def _new_rows(self):
        """The rows of the new results, read back from the temporary file one at a time."""
        for (content, version_), (doc, offset, length) in self._new.items():
            self._spill.seek(offset)
            yield content, version_, doc, self._spill.read(length)

    def save(self) -> None:
        """Write the new results and drop every other one, in one transaction: a
        build killed here leaves the store as the previous build left it."""
        try:
            self._write()
        except sqlite3.OperationalError:
            return  # locked by a reader, or the disk full: nothing kept, the next build parses again
        except sqlite3.DatabaseError:
            # a damaged file (not one a killed build left: transactions see to that) is rebuilt
            self.path.unlink(missing_ok=True)
            try:
                self._write()
            except sqlite3.DatabaseError:
                return

    def _write(self) -> None:
        with closing(sqlite3.connect(self.path)) as db:
            with db:  # one transaction
                for statement in _SCHEMA.split(";")[:-1]:
                    db.execute(statement)
                db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", self._new_rows())
                db.execute("CREATE TEMP TABLE used (content TEXT, version TEXT)")
                db.executemany("INSERT INTO used VALUES (?, ?)", sorted(self._used))
                db.execute("DELETE FROM articles WHERE NOT EXISTS (SELECT 1 FROM used "
                           "WHERE used.content = articles.content AND used.version = articles.version)")
                db.execute("DELETE FROM languages")
                db.executemany("INSERT INTO languages VALUES (?, ?)", sorted(self._languages.items()))


class _ByFields:
    """pickle's dispatch table for the results: a dataclass is pickled by its fields'
    values. The default way reads the object's ``__dict__``, which makes Python give
    each claim, note and span of a result a dict of its own, kept as long as the
    object: 3.7 KB an article over a whole build."""

    def __getitem__(self, cls):
        if dataclasses.is_dataclass(cls):
            return _by_fields
        return copyreg.dispatch_table[cls]  # KeyError: pickle's own way


def _by_fields(obj):
    return _with_fields, (type(obj), tuple(getattr(obj, name) for name in _field_names(type(obj))))


def _pickled(result) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _ByFields()
    pickler.dump(result)
    return buffer.getvalue()


def _with_fields(cls, values: tuple):
    """The dataclass ``cls`` with these values of its fields, as pickled (frozen ones too)."""
    obj = cls.__new__(cls)
    for name, value in zip(_field_names(cls), values):
        object.__setattr__(obj, name, value)
    return obj


@lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    """(asked for every claim, note and span stored or read back)"""
    return tuple(f.name for f in dataclasses.fields(cls))


def _temporary_file(folder: Path):
    """A file that vanishes once closed, beside the store if the system allows it
    (the system's temporary folder may be memory: /tmp on tmpfs)."""
    try:
        return tempfile.TemporaryFile(dir=folder)
    except OSError:
        return tempfile.TemporaryFile()


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def signing_key() -> bytes | None:
    """This user's key for signing stored results, made on first use; None if it cannot be kept."""
    from .user_cache import default_cache_dir

    home = default_cache_dir()
    path = home / "store.key"
    try:
        if not path.exists():
            home.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(32))
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None
