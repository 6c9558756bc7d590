"""Whether an output folder already holds the build asked for.

After a build has replaced its output folder, it leaves a record beside it
(``.<name>.kg-build.json``, next to the lock and the article store): the
version key (kg's code, the ontology, spaCy and the models), a hash of the
articles read (each one's content and path, in order), the size and
modification time of every file the build wrote, and its counts. A rebuild
whose articles and version match, of a folder whose files are still those the
record lists, has nothing to write: the outputs would be the same bytes. The
ontology was checked by the build that left the record, so it need not be
checked again either.

A record that is missing, unreadable or of another version is no record:
the build then runs as usual. Nothing in it is executed (JSON), so a record
written by someone else can at worst make a build keep the folder as it is.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .output_folder import BUILD_FILES

__all__ = ["BuildRecord", "read_record", "write_record", "record_path"]


@dataclass(frozen=True)
class BuildRecord:
    version: str
    articles: str                    # articles_key of the articles read
    files: dict[str, list[int]]      # path under the folder -> [size, mtime_ns]
    counts: dict[str, int]           # documents, entities, claims

    def holds(self, version: str, documents, out_dir: str | Path) -> bool:
        """Whether ``out_dir`` still holds the build of ``documents`` at ``version``."""
        return (self.version == version and self.articles == articles_key(documents)
                and self.files == folder_files(out_dir))


def record_path(out_dir: str | Path) -> Path:
    target = Path(out_dir).absolute()
    return target.parent / f".{target.name}.kg-build.json"


def articles_key(documents) -> str:
    """A hash of what each article gives extraction and of where it was read, in order."""
    from .article_store import content_key

    digest = hashlib.sha256()
    for document in documents:
        digest.update(f"{content_key(document)}\0{document.path}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def folder_files(out_dir: str | Path) -> dict[str, list[int]]:
    """Size and modification time of each file a build writes in ``out_dir`` (the
    files of graph.oxigraph too)."""
    folder = Path(out_dir)
    found = {}
    for name in sorted(BUILD_FILES):
        path = folder / name
        paths = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for each in paths:
            try:
                status = each.stat()
            except OSError:
                continue  # gone: differs from the record, which lists it
            found[each.relative_to(folder).as_posix()] = [status.st_size, status.st_mtime_ns]
    return found


def read_record(out_dir: str | Path) -> BuildRecord | None:
    """The record beside ``out_dir``, or None."""
    try:
        data = json.loads(record_path(out_dir).read_text(encoding="utf-8"))
        return BuildRecord(str(data["version"]), str(data["articles"]), dict(data["files"]),
                           dict(data["counts"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_record(out_dir: str | Path, version: str, documents, counts: dict[str, int]) -> None:
    """Record what ``out_dir`` now holds (after the build was published there)."""
    path = record_path(out_dir)
    record = {"version": version, "articles": articles_key(documents), "files": folder_files(out_dir),
              "counts": counts}
    staged = path.with_name(path.name + f".{os.getpid()}")
    try:
        staged.write_text(json.dumps(record), encoding="utf-8")
        os.replace(staged, path)
    except OSError:
        staged.unlink(missing_ok=True)  # no record: the next build only writes again
