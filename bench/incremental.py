"""Time an incremental ``kg build`` against a full one.

    .venv/bin/python bench/incremental.py [--articles 1000] [--length 6] [--check]

Makes ``--articles`` articles by copying tests/fixtures/articles/good/* under
new file names (an article's id is its file name, so each copy is an article of
its own), each body repeated ``--length`` times as paragraphs (the fixtures
are a few sentences; six times is about the 2 KB of a real news article),
then times, each as a separate ``kg build -q`` process (start-up, imports and
every output included, as a user would wait for them):

  full        ``kg build --full``: every article parsed
  unchanged   the same build again: every article's result read from the store
  one changed one English article edited (a sentence added), then built again;
              then one French article

and prints each incremental time as a share of the full one (the aims: at most
3 % unchanged, 5 % one changed), in wall-clock time and in CPU time (user +
system of the build process: steadier on a loaded machine). ``--check`` also builds the edited set with
``--full`` into another folder and compares the two folders: every file byte for byte,
graph.oxigraph by its statements, index.sqlite by its rows (its record of the
outputs' file times aside).
"""
from __future__ import annotations

import argparse
import filecmp
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles" / "good"


def make_articles(folder: Path, count: int, length: int = 1) -> list[Path]:
    sources = sorted(FIXTURES.iterdir())
    made = []
    for n in range(count):
        source = sources[n % len(sources)]
        text = source.read_text(encoding="utf-8-sig")
        front = ""
        if text.startswith("---"):
            _, header, text = text.split("---", 2)
            front = f"---{header}---\n"
        target = folder / f"{source.stem}-{n:05d}{source.suffix}"
        target.write_text(front + "\n\n".join([text.strip("\n")] * length) + "\n", encoding="utf-8")
        made.append(target)
    return made


def kg_build(articles: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one ``kg build`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # as an installed kg runs: with Python's bytecode cache, whatever this shell says
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "kg", "build", "-q", str(articles), "-o", str(out), *extra],
                   check=True, env={**env, "PYTHONPATH": str(FIXTURES.parents[3])})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def share(label: str, times: tuple[float, float], full: tuple[float, float], aim: int) -> str:
    return (f"{label}: {times[0]:.1f} s = {100 * times[0] / full[0]:.1f} % of full; CPU {times[1]:.1f} s = "
            f"{100 * times[1] / full[1]:.1f} % (aim <= {aim} %)")


def same_folders(a: Path, b: Path) -> bool:
    """The same files, byte for byte; graph.oxigraph (a database folder) with the same
    statements, index.sqlite with the same rows but for the outputs' file times."""
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    files = [name for name in names if name not in ("graph.oxigraph", "index.sqlite")]
    _, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    if mismatch or errors:
        print("differ:", *mismatch, *errors)
        return False
    for name, same in (("graph.oxigraph", same_statements), ("index.sqlite", same_index_rows)):
        if name in names and not same(a / name, b / name):
            print("differ:", name)
            return False
    return True


def same_statements(a: Path, b: Path) -> bool:
    import pyoxigraph

    def statements(path: Path) -> set[str]:
        return {str(quad) for quad in pyoxigraph.Store.read_only(str(path))}

    return statements(a) == statements(b)


def same_index_rows(a: Path, b: Path) -> bool:
    import sqlite3

    def rows(path: Path) -> dict:
        with sqlite3.connect(path) as db:
            tables = [name for name, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {table: db.execute(f"SELECT * FROM {table}" + (" WHERE key != 'outputs'" if table == "meta" else ""))
                    .fetchall() for table in tables}

    return rows(a) == rows(b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--length", type=int, default=6, help="copies of a fixture's body per article")
    parser.add_argument("--check", action="store_true", help="compare with a full build of the edited set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        articles.mkdir()
        made = make_articles(articles, args.articles, args.length)
        out = root / "out"
        full = kg_build(articles, out, "--full")
        print(f"{args.articles} articles: full build {full[0]:.1f} s, CPU {full[1]:.1f} s", flush=True)
        print(share("unchanged       ", kg_build(articles, out), full, 3), flush=True)
        # one article of each language in turn: each rebuild loads that language's model
        for lang, sentence in (("en", "Russia delivered drones to Belarus in March 2024."),
                               ("fr", "La Russie a livré des drones à la Biélorussie en mars 2024.")):
            edited = next(path for path in made[len(made) // 2:] if path.name.startswith(f"{lang}-"))
            with open(edited, "a", encoding="utf-8") as handle:
                handle.write(f"\n{sentence}\n")
            print(share(f"one changed ({lang})", kg_build(articles, out), full, 5), flush=True)
        if args.check:
            kg_build(articles, root / "full", "--full")
            print("outputs identical to a full build:", same_folders(out, root / "full"))


if __name__ == "__main__":
    main()
