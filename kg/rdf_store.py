"""graph.oxigraph of a build: loaded from graph.ttl, or the last build's store patched.

Loading every statement of graph.ttl into a new Oxigraph store was a large part
of writing a build's outputs, even when one article of a thousand had changed.
When the last build of the folder is still there, with the store its graph.ttl
was loaded into (kg.output_cache records which graph.ttl that was), the new
store is a copy of the old one (Oxigraph's backup: hard links to its immutable
files) less the statements of the graphs made again or dropped, plus those of
their new text. This is exact because graph.ttl is the end-to-end text of
graphs that share no subject (kg.rdf): a statement of an article's graph
appears in no other graph.
"""
from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["GRAPH_TTL", "turtle_fingerprint", "write_store"]

GRAPH_TTL = "graph.ttl"


def turtle_fingerprint(build_dir: Path) -> str:
    """The size and time of ``build_dir``'s graph.ttl: which file a store was loaded from."""
    status = (Path(build_dir) / GRAPH_TTL).stat()
    return f"{status.st_size}:{status.st_mtime_ns}"


def write_store(build_dir: Path, store_name: str, *, previous: Path | None = None, fingerprint: str | None = None,
                removed: list[bytes] | None = None, added: list[bytes] | None = None) -> None:
    """Write ``build_dir/store_name`` for ``build_dir/graph.ttl``.

    ``previous`` is the last build's folder, whose graph.ttl had ``fingerprint``
    (else None); ``removed`` and ``added`` are the Turtle texts of the graphs
    that changed since (None: unknown). Without all of them the store is loaded
    from graph.ttl.
    """
    from .query import write_rdf_store

    target = Path(build_dir) / store_name
    if removed is not None and added is not None and _same_build(previous, store_name, fingerprint):
        try:
            _patch(previous / store_name, target, removed, added)
            return
        except (OSError, ValueError, SyntaxError, RuntimeError):  # the old store unreadable: load anew
            shutil.rmtree(target, ignore_errors=True)
    write_rdf_store(Path(build_dir) / GRAPH_TTL, target)


def _same_build(previous: Path | None, store_name: str, fingerprint: str | None) -> bool:
    if previous is None or not fingerprint or not (previous / store_name).is_dir():
        return False
    try:
        return turtle_fingerprint(previous) == fingerprint
    except OSError:
        return False


def _patch(old_store: Path, target: Path, removed: list[bytes], added: list[bytes]) -> None:
    import pyoxigraph as ox

    from .rdf import turtle_prefix_lines

    def statements(pieces: list[bytes]) -> set:
        return set(ox.parse(turtle_prefix_lines() + b"".join(pieces), format=ox.RdfFormat.TURTLE))

    gone, new = statements(removed), statements(added)
    old = ox.Store.read_only(str(old_store))
    old.backup(str(target))
    del old
    store = ox.Store(str(target))
    for quad in gone - new:
        store.remove(quad)
    store.extend(list(new - gone))
    store.flush()
    del store  # closes the store's files before the build folder is published
