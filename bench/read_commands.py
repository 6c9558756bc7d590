"""How long the commands that read a build take: kg claims, entities, alliances, query, export.

    .venv/bin/python bench/make_corpus.py 4750 /tmp/big-articles
    .venv/bin/python -m kg build /tmp/big-articles -o /tmp/big --full
    .venv/bin/python bench/read_commands.py /tmp/big [--repeat 3] [--country "North Korea"]
    .venv/bin/python bench/read_commands.py /tmp/big --records-only   # as a build without its index

Each command runs as a user runs it, in a fresh ``python -m kg`` process with its
output sent to a file, so that the figures include starting Python and importing
kg; the table gives the best of ``--repeat`` runs (the least disturbed by other
work on the machine) in wall-clock and in CPU seconds, the output's size, and
whether spaCy was imported (it must not be). ``--records-only`` times a copy of the build without index.sqlite and
graph.oxigraph: the commands then read the JSONL files and parse graph.ttl, as
they did before the build wrote an index.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: (name in the table, arguments); COUNTRY stands for --country
COMMANDS = [
    ("claims --doc", ["claims", "--doc", "DOC"]),
    ("claims --type", ["claims", "--type", "troop_deployment"]),
    ("claims --type --format csv", ["claims", "--type", "military_aid", "--format", "csv"]),
    ("claims (all)", ["claims"]),
    ("claims --contested --type", ["claims", "--contested", "--type", "troop_deployment"]),
    ("claims --contested", ["claims", "--contested"]),
    ("entities", ["entities"]),
    ("alliances COUNTRY", ["alliances", "COUNTRY"]),
    ("alliances COUNTRY --since", ["alliances", "COUNTRY", "--since", "2024-06"]),
    ("alliances (all)", ["alliances"]),
    ("alliances --path", ["alliances", "--path", "COUNTRY", "Japan"]),
    ("query (countries)", ["query", "SELECT ?c ?l WHERE { ?c a kg:Country ; rdfs:label ?l }"]),
    ("query (count)", ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]),
    ("export turtle", ["export", "--format", "turtle"]),
    ("export graphml", ["export", "--format", "graphml"]),
    ("export nt", ["export", "--format", "nt"]),
]

#: run inside the timed process: kg's CLI, then whether spaCy came in
_RUN = ("import sys, runpy; sys.argv = ['kg'] + sys.argv[1:]\n"
        "try:\n    runpy.run_module('kg', run_name='__main__')\n"
        "except SystemExit as exit:\n    code = exit.code\nelse:\n    code = 0\n"
        "sys.stderr.write('\\nspacy=%s\\n' % ('spacy' in sys.modules)); sys.exit(code)")


def _first_doc(build: Path) -> str:
    import json

    with open(build / "documents.jsonl", encoding="utf-8") as handle:
        return json.loads(handle.readline())["id"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: list[str], build: Path, repeat: int) -> tuple[float, float, int, bool, int]:
    """(best wall time in s, best CPU time in s, output bytes, spaCy imported, exit status).

    CPU time (user + system) is what the command costs whatever else the machine
    runs; wall time is what a user waits, on a machine as busy as this one."""
    best, cpu, size, spacy, status = float("inf"), float("inf"), 0, False, 0
    with tempfile.TemporaryFile() as out:
        for _ in range(repeat):
            out.seek(0)
            out.truncate()
            start, start_cpu = time.perf_counter(), _children_cpu()
            done = subprocess.run([sys.executable, "-c", _RUN, *args, "--graph", str(build)],
                                  stdout=out, stderr=subprocess.PIPE, text=True)
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, _children_cpu() - start_cpu)
            size, status = out.tell(), done.returncode
            spacy = spacy or "spacy=True" in done.stderr
    return best, cpu, size, spacy, status


def records_only(build: Path, keep: Path) -> Path:
    """A copy of ``build`` without what the read commands index (see kg.index)."""
    copy = keep / build.name
    shutil.copytree(build, copy, ignore=shutil.ignore_patterns("index.sqlite", "graph.oxigraph"))
    return copy


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a folder written by kg build")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--country", default="North Korea")
    parser.add_argument("--records-only", action="store_true",
                        help="time a copy without index.sqlite and graph.oxigraph")
    parser.add_argument("--only", nargs="*", help="names of the commands to time (default: all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-read-bench-") as keep:
        build = records_only(args.build, Path(keep)) if args.records_only else args.build
        claims = sum(1 for _ in open(build / "claims.jsonl", encoding="utf-8"))
        print(f"{build}: {claims} claims{' (records only)' if args.records_only else ''}, "
              f"best of {args.repeat}, {os.cpu_count()} cores")
        print(f"{'command':32} {'wall s':>7} {'cpu s':>7} {'output':>11}  spacy")
        doc = _first_doc(build)
        for name, command in COMMANDS:
            if args.only and name not in args.only:
                continue
            command = [{"COUNTRY": args.country, "DOC": doc}.get(part, part) for part in command]
            seconds, cpu, size, spacy, status = time_command(command, build, args.repeat)
            failed = f"  exit {status}" if status else ""
            print(f"{name:32} {seconds:7.2f} {cpu:7.2f} {size:>11,}  {'yes' if spacy else 'no'}{failed}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
