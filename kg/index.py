"""The index a build writes for the commands that read it (``index.sqlite``).

``kg claims --type X``, ``kg entities`` and ``kg alliances COUNTRY`` want a
few rows of a build; reading every line of claims.jsonl, or working out every
tie again from every claim, made each of them take seconds on a build of
thousands of articles. So the build also writes, inside the output folder and
in the same staged step as the other files (kg.output_folder), one SQLite file
holding:

- the records of claims.jsonl and entities.jsonl, with the columns the
  commands filter on (type, article, class), indexed;
- the nodes of the build's entity graph and every tie between actors
  (kg.alliances.every_tie), worked out once;
- the size, time and SHA-256 of each output it was made with.

A reader uses the index only while those outputs are the ones it was made
with (a copy with other file times is checked by content); after a hand edit,
or for a build made before the index existed, it reads the JSONL files as
before, with the same results. SQLite because it is in Python's standard
library, one file, and answers "the claims of this type" without reading the
rest. Records are JSON, never pickles: a build folder may come from anyone.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

from .model import Claim, Corpus, Entity

__all__ = ["INDEX", "write_index", "open_index", "Index", "read_claims", "read_entities",
           "read_network", "fresh_output"]

INDEX = "index.sqlite"
#: the outputs the index is made from, or stands for (kg export copies the last two)
WATCHED = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml")
#: changes whenever the tables change shape: an index of another version is not read
_VERSION = "1"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE claims (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, doc TEXT NOT NULL, type TEXT NOT NULL,
                     record TEXT NOT NULL, row TEXT NOT NULL);
CREATE INDEX claims_type ON claims (type, doc);
CREATE INDEX claims_doc ON claims (doc);
CREATE TABLE entities (seq INTEGER PRIMARY KEY, cls TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE nodes (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE ties (seq INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE sources (claim TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX ties_a ON ties (a);
CREATE INDEX ties_b ON ties (b);
"""


def _fingerprint(path: Path) -> list:
    """[size, modification time in ns, SHA-256] of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, digest.hexdigest()]


def write_index(corpus: Corpus, graph, out_dir: Path) -> Path:
    """Write ``index.sqlite`` into ``out_dir``, after every output in WATCHED.

    ``graph`` is the build's entity graph (kg.graph.corpus_to_networkx); the
    records are the lines of claims.jsonl and entities.jsonl, read back one at a
    time as the build wrote them (not held through the build's other outputs:
    its peak of memory), each claim with its row for tables (kg.listing.claim_row).
    """
    from .alliances import every_tie
    from .listing import CLAIM_COLUMNS, claim_row

    def row_json(claim: Claim) -> str:
        row = claim_row(claim)
        return json.dumps([row[column] for column in CLAIM_COLUMNS], ensure_ascii=False)

    out_dir = Path(out_dir)
    path = out_dir / INDEX
    path.unlink(missing_ok=True)
    fingerprints = {name: _fingerprint(out_dir / name) for name in WATCHED if (out_dir / name).is_file()}
    found = every_tie(graph)
    sources = {source.claim: source for tie in found for source in tie.sources}
    with closing(sqlite3.connect(path)) as db, db:
        # no journal: the file is written once, in a staging folder that a failed build deletes
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(_SCHEMA)
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("version", _VERSION), ("outputs", json.dumps(fingerprints))])
        with _lines(out_dir / "claims.jsonl") as lines:
            db.executemany("INSERT INTO claims (id, doc, type, record, row) VALUES (?, ?, ?, ?, ?)",
                           ((claim.id, claim.doc, claim.type, line, row_json(claim))
                            for claim, line in zip(corpus.claims, lines, strict=True)))
        with _lines(out_dir / "entities.jsonl") as lines:
            db.executemany("INSERT INTO entities (cls, record) VALUES (?, ?)",
                           ((entity.cls, line) for entity, line in zip(corpus.entities, lines, strict=True)))
        db.executemany("INSERT INTO nodes (id, data) VALUES (?, ?)",
                       ((node, json.dumps(data, ensure_ascii=False)) for node, data in graph.nodes(data=True)))
        db.executemany("INSERT INTO ties (a, b, record) VALUES (?, ?, ?)",
                       ((t.a, t.b, json.dumps(_tie_record(t), ensure_ascii=False)) for t in found))
        db.executemany("INSERT INTO sources VALUES (?, ?)",
                       ((claim, json.dumps(_source_record(source), ensure_ascii=False))
                        for claim, source in sources.items()))
    return path


@contextmanager
def _lines(path: Path):
    """The lines of ``path``, one at a time, without their ends."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        yield (line[:-1] for line in handle)


# a tie names its sources by claim: a claim behind several ties is stored once
_TIE_FIELDS = ("kind", "a", "a_label", "b", "b_label", "direction", "detail", "treaty", "obligations",
               "signed", "ratified")
_SOURCE_FIELDS = ("claim", "type", "doc", "date", "claimants", "evidence")


def _tie_record(tie) -> dict:
    record = {name: getattr(tie, name) for name in _TIE_FIELDS}
    record["sources"] = [source.claim for source in tie.sources]
    return record


def _source_record(source) -> list:
    return [getattr(source, name) for name in _SOURCE_FIELDS]


def _same_file(path: Path, recorded: list) -> bool:
    """Is ``path`` still the file the index was made with? Size and time first; by
    content when only the time differs (a copy of the build folder)."""
    try:
        status = path.stat()
    except OSError:
        return False
    size, mtime, digest = recorded
    if status.st_size != size:
        return False
    return status.st_mtime_ns == mtime or _fingerprint(path)[2] == digest


class Index:
    """An open index; see :func:`open_index`."""

    def __init__(self, db: sqlite3.Connection, build_dir: Path, outputs: dict):
        self._db, self._dir, self._outputs = db, build_dir, outputs
        self._checked: dict[str, bool] = {}

    def fresh(self, name: str) -> bool:
        """Is the output ``name`` (one of WATCHED) the one this index was made with?"""
        if name not in self._checked:
            recorded = self._outputs.get(name)
            self._checked[name] = recorded is not None and _same_file(self._dir / name, recorded)
        return self._checked[name]

    def claims(self, *, claim_type: str | None = None, doc: str | None = None) -> list[Claim]:
        """The claims of the build (of one type, of one article), in claims.jsonl order."""
        return [Claim.from_dict(record) for record in self.claim_records(claim_type=claim_type, doc=doc)]

    def claim_records(self, *, claim_type: str | None = None, doc: str | None = None) -> list[dict]:
        """Their records, as claims.jsonl holds them."""
        return [json.loads(record) for record, in self._select_claims("record", claim_type, doc)]

    def claim_rows(self, *, claim_type: str | None = None, doc: str | None = None) -> list[dict]:
        """Their rows for tables (kg.listing.claim_row)."""
        from .listing import CLAIM_COLUMNS

        return [dict(zip(CLAIM_COLUMNS, json.loads(row))) for row, in self._select_claims("row", claim_type, doc)]

    def _select_claims(self, column: str, claim_type: str | None, doc: str | None):
        where, values = [], []
        for name, value in (("type", claim_type), ("doc", doc)):
            if value:
                where.append(f"{name} = ?")
                values.append(value)
        sql = f"SELECT {column} FROM claims" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY seq"
        return self._db.execute(sql, values)

    def entities(self, *, entity_class: str | None = None) -> list[Entity]:
        sql = "SELECT record FROM entities" + (" WHERE cls = ?" if entity_class else "") + " ORDER BY seq"
        return [Entity.from_dict(json.loads(record))
                for record, in self._db.execute(sql, [entity_class] if entity_class else [])]

    def network(self):
        """The build's kg.alliances.Network: its nodes and every tie, as the build
        worked them out; ties are read when asked for, those of one actor alone."""
        import networkx as nx

        from .alliances import Network

        graph = nx.MultiDiGraph()
        graph.add_nodes_from((node, json.loads(data))
                             for node, data in self._db.execute("SELECT id, data FROM nodes ORDER BY seq"))
        return Network(graph, self._ties_of)

    def _ties_of(self, actor: str | None) -> list:
        from .alliances import Source, Tie

        if actor is None:
            rows = self._db.execute("SELECT record FROM ties ORDER BY seq")
        else:
            rows = self._db.execute("SELECT record FROM ties WHERE a = ? OR b = ? ORDER BY seq", (actor, actor))
        records = [json.loads(record) for record, in rows]
        wanted = json.dumps(sorted({claim for record in records for claim in record["sources"]}))
        sources = {claim: Source(**dict(zip(_SOURCE_FIELDS, json.loads(record)))) for claim, record in self._db.execute(
            "SELECT claim, record FROM sources WHERE claim IN (SELECT value FROM json_each(?))", (wanted,))}
        found = []
        for record in records:
            record["sources"] = tuple(sources[claim] for claim in record["sources"])
            record["obligations"], record["ratified"] = tuple(record["obligations"]), tuple(record["ratified"])
            found.append(Tie(**record))
        return found

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def open_index(build_dir: str | Path, *needs: str) -> Index | None:
    """The index of the build in ``build_dir``, if it has one that is still true
    of the outputs named in ``needs`` (claims.jsonl ...); else None, and the
    caller reads the outputs themselves."""
    build_dir = Path(build_dir)
    path = build_dir / INDEX
    if not path.is_file():
        return None
    # immutable: a build never changes its index once published (the next one replaces the folder)
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        outputs = json.loads(meta.get("outputs", "{}"))
    except (sqlite3.Error, ValueError):
        db.close()
        return None  # not an index kg wrote: read the outputs instead
    index = Index(db, build_dir, outputs)
    if meta.get("version") != _VERSION or not all(index.fresh(name) for name in needs):
        index.close()
        return None
    return index


_RECORDS = ("claims.jsonl", "entities.jsonl", "documents.jsonl")


def read_claims(build_dir: str | Path, *, claim_type: str | None = None, doc: str | None = None,
                as_: str = "claims") -> list:
    """The claims of a build, of one type and one article if asked, in claims.jsonl order:
    as Claim objects (``as_="claims"``), as their records (``"records"``, Claim.to_dict)
    or as rows for tables (``"rows"``, kg.listing.claim_row)."""
    index = open_index(build_dir, *_RECORDS)
    if index is None:
        from .listing import claim_row
        from .store import load_corpus

        claims = [c for c in load_corpus(build_dir).claims
                  if (not claim_type or c.type == claim_type) and (not doc or c.doc == doc)]
        shape = {"claims": lambda c: c, "records": Claim.to_dict, "rows": claim_row}[as_]
        return [shape(c) for c in claims]
    with index:
        read = {"claims": index.claims, "records": index.claim_records, "rows": index.claim_rows}[as_]
        return read(claim_type=claim_type, doc=doc)


def read_entities(build_dir: str | Path, *, entity_class: str | None = None) -> list[Entity]:
    """The entities of a build, of one class if asked, in entities.jsonl order."""
    index = open_index(build_dir, *_RECORDS)
    if index is None:
        from .store import load_corpus

        return [e for e in load_corpus(build_dir).entities if not entity_class or e.cls == entity_class]
    with index:
        return index.entities(entity_class=entity_class)


def read_network(build_dir: str | Path):
    """The kg.alliances.Network of a build: from its index, else worked out from its claims."""
    index = open_index(build_dir, *_RECORDS)
    if index is None:
        from .alliances import network
        from .store import load_corpus

        return network(load_corpus(build_dir))
    return index.network()  # the index stays open while the network reads its ties


def fresh_output(build_dir: str | Path, name: str) -> Path | None:
    """``build_dir/name`` when the build's index vouches that it and the records are
    the files the build wrote (so that it may stand for what the records would
    give: after a hand edit of claims.jsonl it may not), else None."""
    index = open_index(build_dir, name, *_RECORDS)
    if index is None:
        return None
    index.close()
    return Path(build_dir) / name
