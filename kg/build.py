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

from .collector import with_tuned_collector
from .errors import InputError
from .model import Corpus
from .output_folder import BUILD_FILES, OutputFolder
from .outputs import write_outputs
from .sources import shown_path

__all__ = ["BuildReport", "build", "write_outputs"]


@dataclass
class BuildReport:
    built: Corpus | None              # None: the folder already held this build (kg.build_record)
    problems: list = field(default_factory=list)   # kg.sources.Problem, one per unreadable file
    outputs: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # paths that do not exist
    recorded: dict = field(default_factory=dict)   # the counts of the build the folder held
    _read_back: Corpus | None = field(default=None, repr=False)

    @property
    def unchanged(self) -> bool:
        """Whether nothing was written: the folder already held the same build."""
        return self.built is None

    @property
    def corpus(self) -> Corpus:
        """What the build holds (read back from its files when nothing was written)."""
        if self.built is not None:
            return self.built
        if self._read_back is None:
            from .store import load_corpus

            self._read_back = load_corpus(self.outputs[0].parent)
        return self._read_back

    @property
    def counts(self) -> dict[str, int]:
        """Articles, entities and claims of the build."""
        if self.unchanged and self.recorded:
            return dict(self.recorded)
        corpus = self.corpus
        return {"documents": len(corpus.documents), "entities": len(corpus.entities), "claims": len(corpus.claims)}


@with_tuned_collector
def build(paths, out_dir, *, progress=None, on_problem=None, max_bytes: int | None = None,
          jobs: int = 1, full: bool = False, options=None, scheduler: str | None = None,
          reuse: bool = True) -> BuildReport:
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
    results afresh). When ``out_dir`` already holds the build of the same
    articles by the same kg (kg.build_record), nothing is written, unless
    ``reuse`` is false or ``full`` is given.
    ``options`` (kg.records.ReadOptions): record fields, URLs, the fetcher.
    ``scheduler``: the address of a Dask scheduler (or ``"local"``) whose workers
    read the articles (kg.cluster); the outputs are the same.
    """
    from .article_store import ArticleStore, store_path, version_key
    from .build_record import read_record, write_record
    from .cluster import cluster_extractor
    from .fetch import is_url
    from .ontology_schema import check_ontology, vouch_for_ontology

    version = version_key()
    if (record := read_record(out_dir)) is not None and record.version == version:
        vouch_for_ontology()  # the build that left the record checked these very files
    check_ontology()  # a broken lexicon stops the build here, before any article or output
    with OutputFolder(out_dir) as folder:  # checked and locked before the long analysis
        store = ArticleStore(store_path(out_dir), version_key, read=not full)  # a key per language
        documents, problems = _read(paths, on_problem, max_bytes, options, store)
        missing = [shown_path(p) for p in paths if not is_url(str(p)) and str(p) != "-" and not Path(p).exists()]
        record = None if full or not reuse else read_record(out_dir)
        if record is not None and record.holds(version, documents, out_dir):
            return BuildReport(None, problems, _outputs(out_dir), missing, record.counts)
        with cluster_extractor(scheduler, jobs) as extractor:  # None: this machine alone
            corpus = _analyse(documents, problems, progress, on_problem, jobs, store, extractor)
        store.save()  # under the lock; results stay valid even if writing the outputs fails
        try:
            write_outputs(corpus, folder.staging, target=Path(out_dir), version=version, full=full)
            folder.publish()
        except (OSError, sqlite3.Error) as exc:  # index.sqlite: "database or disk is full" is no OSError
            raise InputError(f"{out_dir}: could not write the build ({getattr(exc, 'strerror', None) or exc}); "
                             "the previous build there is untouched") from None
        report = BuildReport(corpus, problems, _outputs(out_dir), missing)
        write_record(out_dir, version, documents, report.counts)
    return report


def _outputs(out_dir) -> list[Path]:
    return [Path(out_dir) / name for name in BUILD_FILES]


def _read(paths, on_problem, max_bytes, options, store) -> tuple[list, list]:
    """The articles under ``paths`` and the problems met reading them; InputError
    when there is none. Languages detected by earlier builds are not detected again."""
    from .sources import LANGUAGES, MAX_ARTICLE_BYTES, MISSING, NO_ARTICLE_FILES, read_sources

    LANGUAGES.known.update(store.languages())
    LANGUAGES.used.clear()
    documents, problems = read_sources(list(paths), max_bytes or MAX_ARTICLE_BYTES, options)  # URLs stay str
    store.keep_languages(LANGUAGES.used)
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
    return documents, problems


def _analyse(documents, problems, progress, on_problem, jobs: int = 1, store=None, extractor=None) -> Corpus:
    """Extract every article (a Problem for each one that fails) and find the events across them."""
    from .events import assign_events
    from .extract.pipeline import extract_corpus
    from .sources import Problem

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
    return corpus
