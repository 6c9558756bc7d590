"""Every output of a build, written into its staging folder (kg.build).

The records (claims, entities, documents, explanations) are made into lines
once: they are the files (the index reads them back) and the keys under which the
pieces of graph.ttl, graph.graphml and graph.html made for each article are kept
for the next build (kg.output_cache): after one article of a thousand changed,
a build makes those three files from the kept pieces and the changed
articles' new ones, and patches the last build's Oxigraph store (kg.rdf_store).
"""
from __future__ import annotations

from pathlib import Path

from .model import Corpus
from .output_folder import BUILD_FILES

__all__ = ["write_outputs"]


def write_outputs(corpus: Corpus, out_dir: Path, *, target: Path | None = None, version: str | None = None,
                  full: bool = False) -> list[Path]:
    """Write every output of a build into ``out_dir``; returns their paths.

    ``target`` is the folder ``out_dir`` will replace: beside it, the pieces of
    the outputs made by its last build (kg.output_cache) are taken back for the
    articles whose records did not change, under ``version`` (of everything that
    shapes extraction: kg.article_store.version_key), unless ``full``; and its
    Oxigraph store is patched rather than loaded again (kg.rdf_store).
    """
    from .explain import EXPLAIN, write_explanations
    from .graph import corpus_to_networkx, write_graphml
    from .index import write_index
    from .output_cache import DEFAULT_GRAPH, OutputCache, Pieces, cache_path
    from .query import RDF_STORE
    from .rdf import write_turtle
    from .rdf_store import turtle_fingerprint, write_store
    from .store import Records, save_corpus
    from .viewer import write_viewer

    out_dir = Path(out_dir)
    cache = OutputCache(cache_path(target) if target is not None and version else None, read=not full)
    try:
        records = Records.of(corpus)
        keys = _article_keys(corpus, records, _pieces_version(version or ""))
        save_corpus(corpus, out_dir, records)
        write_explanations(corpus.claims, out_dir / EXPLAIN, records.explain)
        del records  # written: not held through the graph files, the build's peak of memory
        turtle = Pieces(cache, "turtle", keys, patches=True)
        write_turtle(corpus, out_dir / "graph.ttl", turtle)
        removed, added = _changed_graphs(cache, turtle, set(keys))
        write_graphml(corpus, out_dir / "graph.graphml", Pieces(cache, "graphml", keys, at_once=True))
        write_viewer(corpus, out_dir / "graph.html", Pieces(cache, "viewer", keys, at_once=True))
        # for `kg query`; after the other writers, not in a thread beside them: their buffers
        # and Oxigraph's would add up at the build's peak of memory
        write_store(out_dir, RDF_STORE, previous=target,
                    fingerprint=cache.meta.get("graph.ttl"), removed=removed, added=added)
        # last: it vouches for the files above (kg.index)
        write_index(corpus, corpus_to_networkx(corpus), out_dir)
        cache.save(set(keys) - {DEFAULT_GRAPH}, {"graph.ttl": turtle_fingerprint(out_dir)})
    finally:
        cache.close()
    return [out_dir / name for name in BUILD_FILES]


def _pieces_version(version: str) -> str:
    """``version`` with the writers the pieces' text also depends on."""
    from importlib.metadata import version as installed

    return "\0".join([version] + [f"{name} {installed(name)}" for name in ("pyoxigraph", "networkx")])


def _article_keys(corpus: Corpus, records, version: str) -> dict[str, str]:
    """doc id -> the hash of what its pieces are made from: its record lines (kg.output_cache)."""
    from .output_cache import article_key
    from .rdf import article_graphs

    document_line = dict(zip((d.id for d in corpus.documents), records.documents))
    lines_of: dict[str, list[str]] = {}
    for claim, line, explained in zip(corpus.claims, records.claims, records.explain):
        lines_of.setdefault(claim.doc, []).extend((line, explained))
    return {doc_id: article_key(version, [document_line.get(doc_id, "")] + lines_of.get(doc_id, []))
            for doc_id, _document, _claims in article_graphs(corpus)}


def _changed_graphs(cache, turtle, docs: set[str]) -> tuple[list[bytes] | None, list[bytes] | None]:
    """The Turtle of the graphs the last build wrote and this one replaced or dropped,
    and of those this one made: what patches the last build's store (None: unknown)."""
    from .output_cache import DEFAULT_GRAPH

    dropped = sorted(cache.previous_docs("turtle") - docs - {DEFAULT_GRAPH})
    if turtle.made is None or len(turtle.made) + len(dropped) > turtle.PATCH_LIMIT:
        return None, None
    removed = list(turtle.replaced.values())
    for doc in dropped:
        piece = cache.previous(doc, "turtle")
        if piece is None:
            return None, None
        removed.append(piece)
    return [piece for piece in removed if piece is not None], list(turtle.made.values())
