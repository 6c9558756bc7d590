"""Articles from JSON Lines and CSV files: one article per record.

A record holds the article's text (field ``text``, else ``body``) and may hold
``title``, ``published``, ``lang``, ``url`` and ``id``; other names are given
with ``kg build --text-field content --field published=date``. A record that
cannot be read is one problem naming the file and its line; the other records
still build. A record without an id is ``<file stem>-<line>``.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Document

__all__ = ["RECORD_SUFFIXES", "Fields", "ReadOptions", "read_records", "stdin_documents"]

RECORD_SUFFIXES = (".jsonl", ".csv")
#: the keys of an article and the record fields read for each, first found wins
DEFAULT_FIELDS = {"text": ("text", "body"), "title": ("title",), "published": ("published",),
                  "lang": ("lang",), "url": ("url",), "id": ("id",)}


@dataclass(frozen=True)
class Fields:
    """Which record field holds each key of an article.

    >>> Fields.parse(["published=date"], text="content").names["published"]
    ('date',)
    """
    names: dict = field(default_factory=lambda: dict(DEFAULT_FIELDS))

    @classmethod
    def parse(cls, pairs=(), text: str | None = None) -> "Fields":
        """From ``KEY=FIELD`` pairs (``--field``) and the text field (``--text-field``)."""
        names = dict(DEFAULT_FIELDS)
        for pair in pairs:
            key, sep, name = pair.partition("=")
            if not sep or key.strip() not in names or not name.strip():
                raise InputError(f"--field {pair!r}: write KEY=FIELD with KEY one of {', '.join(names)}")
            names[key.strip()] = (name.strip(),)
        if text:
            names["text"] = (text,)
        return cls(names)

    def value(self, record: dict, key: str) -> str | None:
        for name in self.names[key]:
            value = record.get(name)
            if value is not None and str(value).strip() != "":
                return value if key == "text" else str(value).strip()
        return None


@dataclass(frozen=True)
class ReadOptions:
    """How ``kg.sources.read_sources`` reads what is not a plain article file."""
    fields: Fields = field(default_factory=Fields)
    urls: tuple = ()          # fetched besides the paths (kg build --urls FILE)
    fetcher: object = None    # a kg.fetch.Fetcher; the default cache when None


def read_records(path: Path, fields: Fields | None, problems: list) -> list[Document]:
    """The articles of a .jsonl or .csv file; a Problem in ``problems`` per bad record."""
    from .sources import Problem, decode_text

    fields = fields or Fields()
    notes: list[str] = []
    text = decode_text(path, notes)
    problems.extend(Problem(str(path), note, skipped=False) for note in notes)
    rows = _jsonl_rows(text) if path.suffix.lower() == ".jsonl" else _csv_rows(text)
    documents = []
    for line, record in rows:
        where = f"{path}:{line}"
        try:
            documents.append(_document(record, fields, path.stem, where))
        except InputError as error:
            problems.append(Problem(where, str(error)))
    if not documents and not any(p.path.startswith(f"{path}:") and p.skipped for p in problems):
        raise InputError("no records")
    return documents


def stdin_documents(fields: Fields, problems: list, stream=None) -> list[Document]:
    """Standard input ("-"): JSON Lines when it opens with ``{``, else one article."""
    import sys

    from .sources import Problem, make_document, split_front_matter, decode_bytes

    data = (stream or sys.stdin.buffer).read()
    text = decode_bytes(data)
    if not text.strip():
        raise InputError("nothing on standard input")
    if text.lstrip().startswith("{"):
        documents = []
        for line, record in _jsonl_rows(text):
            try:
                documents.append(_document(record, fields, "stdin", f"-:{line}"))
            except InputError as error:
                problems.append(Problem(f"-:{line}", str(error)))
        return documents
    meta, body = split_front_matter(text.removeprefix("\ufeff"))
    if not body.strip():
        raise InputError("no article text after the front matter")
    return [make_document("stdin", body, meta or {}, "-")]


def _document(record, fields: Fields, stem: str, where: str) -> Document:
    """The article of one record; ``where`` is its file and line, its id by default."""
    from .sources import clean_meta, make_document

    if isinstance(record, InputError):
        raise record
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object, not a {type(record).__name__}")
    body = fields.value(record, "text")
    if body is None:
        raise InputError(f"no article text (field {' or '.join(fields.names['text'])})")
    if not isinstance(body, str):
        raise InputError(f"the article text must be a string, not a {type(body).__name__}")
    meta = clean_meta({key: fields.value(record, key) for key in ("title", "published", "lang", "url")},
                      where="record")
    doc_id = fields.value(record, "id") or f"{stem}-{where.rsplit(':', 1)[1]}"
    return make_document(doc_id, body, meta, where)


def _jsonl_rows(text: str):
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            yield number, InputError(f"not valid JSON ({error.msg}, column {error.colno})")


def _csv_rows(text: str):
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))  # long articles in one cell
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for record in reader:
            # the line where the record ends: a quoted text may span several lines
            yield reader.line_num, record
    except csv.Error as error:
        yield reader.line_num, InputError(f"not valid CSV ({error})")
