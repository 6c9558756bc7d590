"""``kg build``: read articles, extract claims, write every output of a build.

The outputs (see README): claims.jsonl, entities.jsonl, documents.jsonl,
graph.ttl, graph.graphml, graph.html and explain.jsonl (why each claim exists),
with index.sqlite (kg.index) and graph.oxigraph (kg.query) for the read commands,
written into a staging folder that then replaces the output folder in one step
(kg.output_folder): a failed or killed build leaves the previous outputs whole,
never a mix of two builds. What each article gave is kept beside the folder
(kg.article_store), so that the next build re-reads only new and changed
articles; ``full=True`` re-reads every one.
"""
from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Corpus
from .output_folder import OutputFolder
from .sources import shown_path

__all__ = ["BuildReport", "build", "write_outputs"]


@dataclass
class BuildReport:
    corpus: Corpus
    problems: list = field(default_factory=list)   # kg.sources.Problem, one per unreadable file
    outputs: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # paths that do not exist


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
    from .index import INDEX, write_index
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
        keys = _article_keys(corpus, records, version or "")
        save_corpus(corpus, out_dir, records)
        turtle = Pieces(cache, "turtle", keys, patches=True)
        write_turtle(corpus, out_dir / "graph.ttl", turtle)
        removed, added = _changed_graphs(cache, turtle, set(keys))
        # for `kg query`: Oxigraph reads without Python's lock while the other outputs are written
        with ThreadPoolExecutor(1) as pool:
            stored = pool.submit(write_store, out_dir, RDF_STORE, previous=target,
                                 fingerprint=cache.meta.get("graph.ttl"), removed=removed, added=added)
            write_graphml(corpus, out_dir / "graph.graphml", Pieces(cache, "graphml", keys, at_once=True))
            write_viewer(corpus, out_dir / "graph.html", Pieces(cache, "viewer", keys, at_once=True))
            write_explanations(corpus.claims, out_dir / EXPLAIN, records.explain)
            stored.result()
        # last: it vouches for the files above (kg.index)
        write_index(corpus, corpus_to_networkx(corpus), out_dir, records)
        cache.save(set(keys) - {DEFAULT_GRAPH}, {"graph.ttl": turtle_fingerprint(out_dir)})
    finally:
        cache.close()
    names = ["claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html", EXPLAIN,
             INDEX, RDF_STORE]
    return [out_dir / name for name in names]


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


def build(paths, out_dir, *, progress=None, on_problem=None, max_bytes: int | None = None,
          jobs: int = 1, full: bool = False, options=None, scheduler: str | None = None) -> BuildReport:
    """Build the graph of the articles under ``paths`` into ``out_dir``.

    ``on_problem(problem)`` hears about each file that cannot be read (the
    others still build) and about links followed out of a folder; ``progress``
    wraps the list of documents (e.g. tqdm); a file over ``max_bytes`` (default
    kg.sources.MAX_ARTICLE_BYTES) is skipped. Raises DataError, before reading
    any article, when a file of the ontology is invalid; InputError when no
    article at all can be read. ``jobs`` processes parse the articles (the
    outputs do not depend on it). The outputs are the same, byte for byte,
    whether an article was read now or its result stored by an earlier build
    (kg.article_store); ``full`` reads every article anyway (and stores the
    results afresh).
    ``options`` (kg.records.ReadOptions): record fields, URLs, the fetcher.
    ``scheduler``: the address of a Dask scheduler (or ``"local"``) whose workers
    read the articles (kg.cluster); the outputs are the same.
    """
    from .article_store import ArticleStore, store_path, version_key
    from .cluster import cluster_extractor
    from .ontology_schema import check_ontology

    check_ontology()  # a broken lexicon stops the build here, before any article or output
    with OutputFolder(out_dir) as folder:  # checked and locked before the long analysis
        store = ArticleStore(store_path(out_dir), version_key(), read=not full)
        with cluster_extractor(scheduler, jobs) as extractor:  # None: this machine alone
            corpus, problems = _analyse(paths, progress, on_problem, max_bytes, jobs, store, options, extractor)
        store.save()  # under the lock; results stay valid even if writing the outputs fails
        try:
            written = write_outputs(corpus, folder.staging, target=Path(out_dir), version=store.version, full=full)
            folder.publish()
        except (OSError, sqlite3.Error) as exc:  # index.sqlite: "database or disk is full" is no OSError
            raise InputError(f"{out_dir}: could not write the build ({getattr(exc, 'strerror', None) or exc}); "
                             "the previous build there is untouched") from None
    outputs = [Path(out_dir) / path.name for path in written]
    from .fetch import is_url

    missing = [shown_path(p) for p in paths if not is_url(str(p)) and str(p) != "-" and not Path(p).exists()]
    return BuildReport(corpus, problems, outputs, missing)


def _analyse(paths, progress, on_problem, max_bytes=None, jobs: int = 1, store=None,
             options=None, extractor=None) -> tuple[Corpus, list]:
    """Read and extract every article; the problems met on the way."""
    from .events import assign_events
    from .extract.pipeline import extract_corpus
    from .sources import MAX_ARTICLE_BYTES, MISSING, NO_ARTICLE_FILES, Problem, read_sources

    documents, problems = read_sources(list(paths), max_bytes or MAX_ARTICLE_BYTES, options)  # URLs stay str
    missing = [p for p in problems if p.message == MISSING]
    if not documents and missing:
        raise InputError(str(missing[0]))  # one line, not a "skipped" line before the same news
    for problem in problems:
        if on_problem:
            on_problem(problem)
    if not documents:
        given = [shown_path(p) for p in paths] + list(options.urls if options else ())
        kinds = [f"; {p}" for p in problems if p.message.startswith(NO_ARTICLE_FILES)]
        raise InputError("no readable article in " + ", ".join(given) + "".join(kinds))
    bar = progress(total=len(documents)) if progress else None
    def failed(document, error):
        problem = Problem(document.path or document.id,
                          f"could not be analysed ({type(error).__name__}: {error}); its claims are missing")
        problems.append(problem)
        if on_problem:
            on_problem(problem)

    corpus = extract_corpus(documents, progress=(lambda _d: bar.update(1)) if bar else None, on_error=failed,
                            jobs=jobs, store=store, extractor=extractor)
    if bar:
        bar.close()
    assign_events(corpus)  # reports of one fact, across articles, share an event id
    return corpus, problems
