"""Peak memory of a full ``kg build`` for a small and a large corpus.

    .venv/bin/python bench/memory.py [--small 500] [--large 5000] [--jobs 1] [--seed 7]

Writes ``--small`` and ``--large`` articles with bench/make_corpus.py (the same
seed: the small set's articles open the large one), then builds each with
``kg build --full`` in a fresh process of its own and prints that process's
peak resident memory (``ru_maxrss``), and that of its largest parser process
when ``--jobs`` is above 1, with the ratio large / small (the aim, issue 12 §3:
at most 1.5 for 500 against 5,000 articles, so that memory does not grow with
the corpus). On a loaded machine, smaller sizes (300 against 3,000) give the
same ratio sooner.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: run in the measured process: the build, then its own peak and its children's
_CHILD = """
import json, resource, sys, time
from kg.build import build
started = time.process_time()
report = build([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]), full=True)
print(json.dumps({"self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "cpu": time.process_time() - started, "claims": len(report.corpus.claims)}))
"""


def make(count: int, folder: Path, seed: int) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(count), str(folder),
                    "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)


def measure(articles: Path, out: Path, jobs: int) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(articles), str(out), str(jobs)], check=True,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")})
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = time.perf_counter() - started
    return figures


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=1, help="parser processes (default 1)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-memory-") as scratch:
        scratch = Path(scratch)
        peaks = {}
        for count in (args.small, args.large):
            articles = scratch / f"articles-{count}"
            make(count, articles, args.seed)
            figures = measure(articles, scratch / f"out-{count}", args.jobs)
            peaks[count] = figures["self_kb"]
            workers = f", largest parser process {figures['children_kb'] / 1024:.0f} MB" if args.jobs > 1 else ""
            print(f"{count:6d} articles: peak {figures['self_kb'] / 1024:7.0f} MB{workers}; "
                  f"{figures['claims']} claims, CPU {figures['cpu']:.1f} s, wall {figures['wall']:.1f} s", flush=True)
        ratio = peaks[args.large] / peaks[args.small]
        print(f"peak memory {args.large} / {args.small} articles: {ratio:.2f} (aim <= 1.5)")


if __name__ == "__main__":
    main()
