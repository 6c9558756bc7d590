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
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Corpus
from .output_folder import OutputFolder
from .outputs import write_outputs
from .sources import shown_path

__all__ = ["BuildReport", "build", "write_outputs"]


@dataclass
class BuildReport:
    corpus: Corpus
    problems: list = field(default_factory=list)   # kg.sources.Problem, one per unreadable file
    outputs: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # paths that do not exist


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
