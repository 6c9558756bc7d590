"""Write a build to a folder and read it back.

Every file is written to a temporary name and renamed, so that a failed or
interrupted build never leaves a half-written output beside good ones.
"""
from __future__ import annotations

import difflib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildNotFound, InputError
from .model import Claim, Corpus, Document, Entity

__all__ = ["write_text_atomic", "atomic_file", "json_line", "write_jsonl", "save_corpus", "load_corpus", "jsonl_lines",
           "Records", "write_lines", "check_article"]

CLAIMS, ENTITIES, DOCUMENTS = "claims.jsonl", "entities.jsonl", "documents.jsonl"


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    with atomic_file(path) as handle:
        handle.write(text)


@contextmanager
def atomic_file(path: Path, binary: bool = False):
    """A file to write ``path`` through, piece by piece (an output too large to
    hold as one string): a temporary file in the same folder, renamed over
    ``path`` when the block ends without error, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Line breaks that JSON leaves raw but str.splitlines() and some JSON Lines readers split on
_RAW_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(row) -> str:
    """``row`` as one line of JSON, non-ASCII kept readable, no character that
    any reader takes for a line break.

    >>> json_line({"title": "a\u2028b"})
    '{"title": "a\\\\u2028b"}'
    """
    text = json.dumps(row, ensure_ascii=False)
    for raw, escaped in _RAW_BREAKS.items():
        text = text.replace(raw, escaped)  # only ever inside a JSON string, where escaping is exact
    return text


def jsonl_lines(rows) -> str:
    """One JSON object per line, keys in a fixed order, non-ASCII kept readable."""
    return "".join(json_line(row) + "\n" for row in rows)


def write_jsonl(path: Path, rows) -> None:
    """One JSON object per line (see jsonl_lines), written row by row: a build's
    claims are never held as one string."""
    write_lines(path, (json_line(row) for row in rows))


def write_lines(path: Path, lines) -> None:
    """Each of ``lines`` (made beforehand, or as they are written) on a line."""
    with atomic_file(path) as handle:
        handle.writelines(line + "\n" for line in lines)


@dataclass
class Records:
    """The lines of a build's records (documents, entities, claims and explain.jsonl),
    each made once: the files and the keys of the pieces kept for the next build
    (kg.output_cache) read them; the index reads the files back (kg.index)."""
    documents: list[str]
    entities: list[str]
    claims: list[str]
    explain: list[str]

    @classmethod
    def of(cls, corpus: Corpus) -> "Records":
        from .trace import trace_record

        return cls([json_line(d.to_dict()) for d in corpus.documents],
                   [json_line(e.to_dict()) for e in corpus.entities],
                   [json_line(c.to_dict()) for c in corpus.claims],
                   [json_line(trace_record(c)) for c in corpus.claims])


def save_corpus(corpus: Corpus, out_dir: Path, records: Records | None = None) -> None:
    """claims.jsonl, entities.jsonl and documents.jsonl (their lines: ``records``, when
    the caller made them)."""
    out_dir = Path(out_dir)
    for name, made, items in ((DOCUMENTS, "documents", corpus.documents), (ENTITIES, "entities", corpus.entities),
                              (CLAIMS, "claims", corpus.claims)):
        if records is not None:
            write_lines(out_dir / name, getattr(records, made))
        else:
            write_jsonl(out_dir / name, (item.to_dict() for item in items))


def _read_jsonl(path: Path, read) -> list:
    """``read(record)`` for each line of ``path``; a line that is not a record of
    the kind expected (hand-edited, truncated) is reported with its number."""
    rows = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildNotFound(f"{path}: cannot be read ({exc}); rebuild with `kg build`") from None
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rows.append(read(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise BuildNotFound(f"{path}:{number}: not valid JSON ({exc.msg}); rebuild with `kg build`") from None
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise BuildNotFound(f"{path}:{number}: not a record kg wrote ({type(exc).__name__}: {exc}); "
                                "rebuild with `kg build`") from None
    return rows


def check_article(build_dir: Path, doc: str) -> None:
    """An InputError unless the build read an article whose id is ``doc`` (asked
    only when a listing of it came back empty: an article may have no claims)."""
    path = Path(build_dir) / DOCUMENTS
    ids = _read_jsonl(path, lambda record: record["id"]) if path.is_file() else []
    if doc in ids:
        return
    close = difflib.get_close_matches(doc, ids, n=3, cutoff=0.6) or ids[:3]
    raise InputError(f"no article '{doc}' in {build_dir} (an article's id is its file's stem); "
                     f"did you mean: {', '.join(close)}?")


def load_corpus(build_dir: Path) -> Corpus:
    """Read what ``kg build -o build_dir`` wrote."""
    build_dir = Path(build_dir)
    if not (build_dir / CLAIMS).is_file() or not (build_dir / ENTITIES).is_file():
        raise BuildNotFound(f"{build_dir}: no build here (claims.jsonl missing); run `kg build SOURCES -o {build_dir}` first")
    documents = []
    if (build_dir / DOCUMENTS).is_file():
        documents = _read_jsonl(build_dir / DOCUMENTS, Document.from_dict)
    return Corpus(documents=documents,
                  entities=_read_jsonl(build_dir / ENTITIES, Entity.from_dict),
                  claims=_read_jsonl(build_dir / CLAIMS, Claim.from_dict))
