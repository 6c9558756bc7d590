"""Extraction on a Dask cluster: ``kg build --scheduler tcp://HOST:8786`` (or ``local``).

Parsing and the per-article rules are nearly all of a build's time, and each
article is read alone, so the articles to read are cut into partitions that
the cluster's workers extract with the very code a local build runs
(kg.extract.pipeline.extracted). Their results (claims and mentions: plain
dataclasses, no spaCy Doc) come back to the build in the articles' order; the
build then stores them (kg.article_store), does the steps across articles and
writes its outputs as a local build does, so the outputs are the same bytes.

Each worker loads the spaCy models once: a worker plugin loads the pipelines of
the build's languages when it is registered (and when a worker joins later),
and every task finds them in kg.nlp's per-process cache. Before extracting, a
task checks that its worker runs the same kg, ontology and models as the build
(kg.article_store.version_key): a result made by other code would be stored
under the build's key and shape later builds.

dask is an optional dependency (``pip install 'kg[cluster]'``): it is imported
only here, only when a scheduler is asked for.
"""
from __future__ import annotations

from contextlib import contextmanager

from .errors import ClusterError

__all__ = ["LOCAL", "PARTITION_SIZE", "cluster_extractor", "partitions"]

#: ``--scheduler local``: a LocalCluster of ``jobs`` worker processes on this machine
LOCAL = "local"
#: articles per task: enough that a task's overhead (a few ms) is small beside its
#: parse (about 0.1 s an article), few enough that workers stay evenly busy
PARTITION_SIZE = 32
_CONNECT_TIMEOUT = "10s"
_WORKERS_TIMEOUT = 60  # seconds: workers may still be loading kg when the build starts


def partitions(documents: list, size: int = PARTITION_SIZE) -> list[list]:
    """``documents`` in consecutive slices of at most ``size``, in order.

    >>> partitions(list("abcde"), 2)
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    return [documents[start:start + size] for start in range(0, len(documents), size)]


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError("--scheduler needs dask.distributed: pip install 'kg[cluster]'") from None
    return distributed


@contextmanager
def cluster_extractor(scheduler: str | None, jobs: int = 1):
    """An ``extractor`` for kg.extract.pipeline.extract_corpus that reads the articles
    on the Dask cluster at ``scheduler`` (an address such as ``tcp://HOST:8786``, or
    ``local`` for a LocalCluster of ``jobs`` processes), open for the ``with`` block;
    None when ``scheduler`` is None (a build on this machine alone)."""
    if scheduler is None:
        yield None
        return
    distributed = _distributed()
    with _client(distributed, scheduler, jobs) as client:
        yield lambda documents: _extract_on(client, documents)


@contextmanager
def _client(distributed, scheduler: str, jobs: int):
    import logging

    if scheduler == LOCAL:
        # one single-threaded process per job; no dashboard: a build needs no web server
        with distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout=_CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"could not reach the Dask scheduler at {scheduler} ({_first_line(error)}); "
                           "start one (`dask scheduler`) or use --scheduler local") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=_WORKERS_TIMEOUT)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {scheduler} has no worker; start some "
                               f"(`dask worker {scheduler} --nthreads 1`) and build again") from None
        yield client


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _extract_on(client, documents: list):
    """``(document, outcome)`` for each document, in order, as the workers finish them."""
    if not documents:
        return
    from .article_store import version_key
    from .cluster_worker import LoadModels, extract_partition

    version, langs = version_key(), tuple(sorted({d.lang for d in documents}))
    lost = (_distributed().KilledWorker, OSError, TimeoutError)  # a worker or the scheduler gone
    try:
        client.register_plugin(LoadModels(version, langs))
        workers = len(client.nthreads())
        # a few partitions per worker at least, so that a small build is spread over them all
        slices = partitions(documents, max(1, min(PARTITION_SIZE, -(-len(documents) // (4 * workers)))))
        # scattered rather than put in the task graph: the articles' text is the bulk of what is sent
        futures = client.map(extract_partition, client.scatter(slices), version=version, pure=False)
        for part, future in zip(slices, futures):
            outcomes = future.result()
            future.release()  # the results of a partition are not kept on the cluster once here
            yield from zip(part, outcomes)
    except lost as error:
        raise ClusterError(f"the Dask cluster stopped answering ({_first_line(error)}); "
                           "check its workers and build again") from None
