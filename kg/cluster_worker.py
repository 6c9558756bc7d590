"""What a Dask worker runs for ``kg build --scheduler`` (kg.cluster sends it).

A module of its own because it imports dask.distributed (for the plugin's base
class), which a build on one machine never imports. Workers find it by name: kg
must be installed, at the build's version, on every worker.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from distributed import WorkerPlugin

from .errors import ClusterError

__all__ = ["LoadModels", "extract_partition"]

# spaCy pipelines are not meant to be shared by threads, and the GIL would gain
# nothing: the tasks of one worker process extract one after the other.
_ONE_AT_A_TIME = threading.Lock()


@lru_cache(maxsize=1)
def _worker_version() -> str:
    from .article_store import version_key

    return version_key()


def _prepare(version: str, langs: tuple[str, ...]) -> None:
    """Check this process runs the build's code and data, and load its pipelines (once:
    kg.nlp keeps them for the life of the process)."""
    from .nlp import pipeline

    if _worker_version() != version:
        import socket

        raise ClusterError(f"the Dask worker on {socket.gethostname()} runs another version of kg, of its "
                           "ontology or of the spaCy models than this build: install the same on every worker")
    for lang in langs:
        pipeline(lang)


class LoadModels(WorkerPlugin):
    """Loads the build's pipelines on each worker when it is registered (and on a
    worker that joins later), rather than in the worker's first task."""
    name = "kg-load-models"

    def __init__(self, version: str, langs: tuple[str, ...]):
        self.version, self.langs = version, langs

    def setup(self, worker):
        with _ONE_AT_A_TIME:
            _prepare(self.version, self.langs)


def extract_partition(documents: list, version: str) -> list:
    """The outcome of each document, in order: ``(claims, mentions)``, or the error
    of an article the rules fail on (kg.extract.pipeline.extracted)."""
    from .extract.pipeline import extracted

    with _ONE_AT_A_TIME:
        _prepare(version, tuple(sorted({d.lang for d in documents})))
        # extracted() reads language by language: put the outcomes back in the documents' order
        found = {id(document): outcome for document, outcome in extracted(documents, jobs=1, keep_going=True)}
    return [found[id(document)] for document in documents]
