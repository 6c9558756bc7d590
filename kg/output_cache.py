"""Pieces of a build's outputs, per article, kept for the next build of the same folder.

After one article of a thousand changed, writing graph.ttl, graph.graphml and the
Oxigraph store again from every claim cost more than reading that article. Most of
those files are made of one piece per article (an article's named graph in
graph.ttl, the GraphML elements of its claims' edges) that depends only on what
the build records of the article: its line of documents.jsonl and its lines of
claims.jsonl and explain.jsonl, which already hold what the steps across articles
changed (event ids, merged entities). So a build keeps each article's pieces
under the hash of those lines and of kg's version (:func:`article_key`), and the
next build takes them back instead of making them, for every article whose lines
hash the same. What is shared by every article (entities, events, GraphML's
nodes and keys) is made afresh each time.

The pieces live in an SQLite file beside the output folder
(``.<name>.kg-outputs.sqlite``, like kg.article_store's results, and for the same
reasons: one file, whole after a crash, outside the folder a build replaces).
They are text that goes into the outputs as it is, so each is signed with the
user's key (kg.article_store.signing_key): pieces someone else wrote are never
used. The file also says which graph.ttl the pieces last made (its size and
time), so that the next build may patch that build's Oxigraph store rather
than load it again (kg.rdf_store).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from pathlib import Path

__all__ = ["OutputCache", "Pieces", "article_key", "cache_path", "DEFAULT_GRAPH"]

#: the doc under which the default graph's piece is kept: no article has an empty id
DEFAULT_GRAPH = ""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pieces (doc TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
                                   data BLOB NOT NULL, PRIMARY KEY (doc, kind)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def cache_path(out_dir: str | Path) -> Path:
    """The cache of the build written into ``out_dir``: beside it, next to its lock."""
    target = Path(out_dir).absolute()
    return target.parent / f".{target.name}.kg-outputs.sqlite"


def article_key(version: str, lines) -> str:
    """The hash of an article's record lines (document, claims, explain) under ``version``."""
    digest = hashlib.sha256(version.encode("utf-8"))
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


class OutputCache:
    """The pieces kept for one output folder, open for one build.

    ``get`` gives an article's piece when it was made from the same lines,
    ``previous`` the piece the last build wrote whatever its lines (to undo it
    in a store), ``put`` keeps a new piece, and ``save`` commits them, dropping
    the pieces of articles the build no longer has. Pieces are written as they
    are put, inside one transaction that only ``save`` commits: a build never
    holds them all, and one that fails leaves the cache as it was."""

    def __init__(self, path: str | Path | None, *, read: bool = True):
        from .article_store import signing_key

        self._key = signing_key() if path else None
        self._known: dict[tuple[str, str], str] = {}  # (doc, kind) -> key of the stored piece
        self.meta: dict[str, str] = {}  # what the last build said of itself (kg.rdf_store)
        self._db = None
        if self._key is None:
            return  # no signing key could be kept: nothing kept, nothing read
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.executescript(_SCHEMA)
            if read:
                self._known = {(doc, kind): key for doc, kind, key in
                               self._db.execute("SELECT doc, kind, key FROM pieces")}
                self.meta = dict(self._db.execute("SELECT name, value FROM meta"))
            self._db.execute("BEGIN")
        except sqlite3.DatabaseError:  # damaged, locked: built without it, and rebuilt next time
            self._known, self.meta = {}, {}
            self.close()
            Path(path).unlink(missing_ok=True)

    def get(self, doc: str, kind: str, key: str) -> bytes | None:
        """The piece of ``doc`` made from the lines hashed as ``key``, if kept."""
        if self._known.get((doc, kind)) != key:
            return None
        return self._fetch(doc, kind)

    def get_all(self, kind: str, keys: dict[str, str]) -> dict[str, bytes]:
        """doc -> its piece, for each doc of ``keys`` whose piece was made from the
        lines hashed as its key: in one query, when most are wanted."""
        if self._db is None:
            return {}
        found = {}
        try:
            for doc, key, data in self._db.execute("SELECT doc, key, data FROM pieces WHERE kind = ?", (kind,)):
                if keys.get(doc) == key:
                    payload = self._verified(doc, kind, key, data)
                    if payload is not None:
                        found[doc] = payload
        except sqlite3.DatabaseError:
            return {}
        return found

    def previous(self, doc: str, kind: str) -> bytes | None:
        """The piece of ``doc`` the last build kept, whatever it was made from (ask
        before ``put``-ting its new one)."""
        return self._fetch(doc, kind) if (doc, kind) in self._known else None

    def knows(self, doc: str, kind: str) -> bool:
        """Did the last build keep a piece of ``doc``? (``previous`` is None also when
        that piece is not this user's.)"""
        return (doc, kind) in self._known

    def previous_docs(self, kind: str) -> set[str]:
        return {doc for doc, each in self._known if each == kind}

    def _fetch(self, doc: str, kind: str) -> bytes | None:
        try:
            row = self._db.execute("SELECT key, data FROM pieces WHERE doc = ? AND kind = ?", (doc, kind)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else self._verified(doc, kind, *row)

    def _verified(self, doc: str, kind: str, key: str, data: bytes) -> bytes | None:
        signature, payload = data[:32], data[32:]
        if not hmac.compare_digest(signature, self._sign(doc, kind, key, payload)):
            return None  # not written by this user's kg: never used
        return payload

    def put(self, doc: str, kind: str, key: str, piece: bytes) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO pieces VALUES (?, ?, ?, ?)",
                             (doc, kind, key, self._sign(doc, kind, key, piece) + piece))
        except sqlite3.DatabaseError:
            self.close()  # the disk full: nothing kept, the next build makes the pieces again

    def _sign(self, doc: str, kind: str, key: str, payload: bytes) -> bytes:
        head = json.dumps([doc, kind, key]).encode("utf-8") + b"\0"
        return hmac.new(self._key, head + payload, hashlib.sha256).digest()

    def save(self, docs: set[str], meta: dict[str, str]) -> None:
        """Commit the new pieces and ``meta``, dropping the pieces of every doc not
        in ``docs``; a cache that cannot be written is only missed next time."""
        if self._db is None:
            return
        try:
            self._db.execute("CREATE TEMP TABLE kept (doc TEXT PRIMARY KEY)")
            self._db.executemany("INSERT INTO kept VALUES (?)", [(doc,) for doc in sorted(docs | {DEFAULT_GRAPH})])
            self._db.execute("DELETE FROM pieces WHERE doc NOT IN (SELECT doc FROM kept)")
            self._db.execute("DELETE FROM meta")
            self._db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError:
            pass
        finally:
            self.close()

    def close(self) -> None:
        """Give up what was not saved."""
        if self._db is not None:
            self._db.close()  # an open transaction is rolled back
            self._db = None


class Pieces:
    """One kind of piece (``"turtle"``...) for every article of a build: taken from
    the cache when its lines are unchanged, else made and kept. ``made`` holds the
    docs whose piece was made here (their earlier piece, if any, in ``replaced``)
    while they are few enough to patch a store with (``patches``: a store is made
    from these pieces)."""

    #: beyond this many articles made again, patching a store is no quicker than loading it
    PATCH_LIMIT = 200

    def __init__(self, cache: OutputCache, kind: str, keys: dict[str, str], *, patches: bool = False,
                 at_once: bool = False):
        self.cache, self.kind, self.keys = cache, kind, keys
        self.made: dict[str, bytes] | None = {} if patches else None
        # every piece read in one query (``at_once``: for writers that hold them all anyway)
        self._all = cache.get_all(kind, keys) if at_once else None
        self.replaced: dict[str, bytes | None] = {}

    def article(self, doc: str, make) -> bytes:
        piece = self.cached(doc)
        if piece is None:
            piece = make()
            self.keep(doc, piece)
        return piece

    def cached(self, doc: str) -> bytes | None:
        """The piece of ``doc`` kept from a build of the same lines, or None."""
        if self._all is not None:
            return self._all.pop(doc, None)
        return self.cache.get(doc, self.kind, self.keys[doc])

    def keep(self, doc: str, piece: bytes) -> None:
        """Keep the piece made for ``doc`` here."""
        self._keep(doc, self.keys[doc], piece)

    def default(self, make) -> bytes:
        """The piece of what articles share: made every time, kept for ``replaced``."""
        piece = make()
        self._keep(DEFAULT_GRAPH, hashlib.sha256(piece).hexdigest(), piece)
        return piece

    def _keep(self, doc: str, key: str, piece: bytes) -> None:
        if self.made is not None:
            previous = self.cache.previous(doc, self.kind)
            if len(self.made) < self.PATCH_LIMIT and (previous is not None or not self.cache.knows(doc, self.kind)):
                self.replaced[doc] = previous
                self.made[doc] = piece
            else:
                self.made, self.replaced = None, {}  # too many, or one not ours: the store is loaded anew
        self.cache.put(doc, self.kind, key, piece)
