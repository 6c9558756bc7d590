"""Time the two paths past one machine (docs/scale.md) at small size, here.

    PYTHONPATH=. .venv/bin/python bench/scale_paths.py FOLDER [--repeat 10] [--workers 2]

The articles of FOLDER are copied ``--repeat`` times (bench/build_speed.py's
repeated_articles), then:

  build      a full ``kg build`` on this machine, one process (jobs=1)
  cluster    a full build with ``--scheduler`` on a LocalCluster of ``--workers``
             single-threaded processes (started and warmed first, untimed:
             a real cluster's workers are started once for many builds)
  push       the build into a fresh Oxigraph server (the ``oxigraph`` package):
             every graph, then again after one article changed and was rebuilt

Prints articles per second for each build and the CPU seconds it spent per
article (this process, and for the cluster the workers' too, read from each
worker): on a shared machine wall time depends on the load, CPU time much less,
and the driver's share of the cluster's CPU is the part that more workers do
not shorten. Then the push's graphs, triples, bytes and times, and the machine
(cores, load average).
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_speed import repeated_articles  # noqa: E402  (a sibling script, not a package)

from kg.build import build  # noqa: E402
from kg.push import build_graphs, push  # noqa: E402
from kg.store import load_corpus  # noqa: E402


def worker_cpu() -> float:
    """On a worker: the CPU seconds its process has used."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def oxigraph_server(location: Path):
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        sys.exit("scale_paths: the oxigraph server is not installed (pip install oxigraph)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import httpx

    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/query", params={"query": "ASK {}"}, timeout=1)
            return process, f"http://127.0.0.1:{port}/store"
        except httpx.HTTPError:
            time.sleep(0.05)
    process.terminate()
    sys.exit("scale_paths: the oxigraph server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    import distributed

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "articles").mkdir()
        articles = repeated_articles(args.folder, args.repeat, scratch / "articles")
        n = len(articles)
        build([articles[0]], scratch / "warm-up", full=True)  # models, gazetteer, lexicons
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} before; {n} articles")

        cpu = time.process_time()
        seconds, _ = timed(build, [scratch / "articles"], scratch / "here", full=True, jobs=1)
        cpu = time.process_time() - cpu
        print(f"build   (1 process)              {seconds:7.1f} s  {n / seconds:6.2f} articles/s  "
              f"CPU {1000 * cpu / n:5.0f} ms/article")

        with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            address = cluster.scheduler_address
            build([articles[0]], scratch / "warm-up", full=True, scheduler=address)  # workers load the models
            before, driver = client.run(worker_cpu), time.process_time()
            seconds, _ = timed(build, [scratch / "articles"], scratch / "there", full=True, scheduler=address)
            driver = time.process_time() - driver
            workers = sum(client.run(worker_cpu).values()) - sum(before.values())
        print(f"cluster ({args.workers} local workers)         {seconds:7.1f} s  {n / seconds:6.2f} articles/s  "
              f"CPU {1000 * (driver + workers) / n:5.0f} ms/article, of which the driver "
              f"(scheduler included) {1000 * driver / n:4.0f}")

        same = all((scratch / "here" / f).read_bytes() == (scratch / "there" / f).read_bytes()
                    for f in ("claims.jsonl", "graph.ttl"))
        print(f"cluster outputs identical to the local build: {same}")

        corpus = load_corpus(scratch / "here")
        graphs = list(build_graphs(corpus))
        size = sum(len(g.content) for g in graphs)
        triples = sum(g.content.count(b"\n") for g in graphs if g.media_type.endswith("n-triples"))
        server, endpoint = oxigraph_server(scratch / "store")
        try:
            seconds, report = timed(push, corpus, endpoint)
            print(f"push, first   {len(report.sent):5d} graphs  {triples:8d} triples  {size / 1e6:6.1f} MB  "
                  f"{seconds:6.2f} s  {triples / seconds:8.0f} triples/s  {len(report.sent) / seconds:6.1f} graphs/s")
            changed = articles[len(articles) // 2]
            changed.write_text(changed.read_text(encoding="utf-8") + "\nLa France a livré des obus à l'Ukraine.\n",
                               encoding="utf-8")
            rebuild, _ = timed(build, [scratch / "articles"], scratch / "here", jobs=1)
            seconds, report = timed(push, load_corpus(scratch / "here"), endpoint)
            print(f"rebuild after 1 article changed  {rebuild:6.1f} s; push then: {len(report.sent)} graphs sent, "
                  f"{report.unchanged} unchanged, {seconds:6.2f} s (of which reading the build and hashing)")
        finally:
            server.terminate()
            server.wait(timeout=10)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
