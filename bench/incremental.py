"""Time an incremental ``kg build`` against a full one.

    .venv/bin/python bench/incremental.py [--articles 1000] [--check]

Makes ``--articles`` articles by copying tests/fixtures/articles/good/* under
new file names (an article's id is its file name, so each copy is an article of
its own), then times, each as a separate ``kg build -q`` process (start-up,
imports and every output included, as a user would wait for them):

  full        ``kg build --full``: every article parsed
  unchanged   the same build again: every article's result read from the store
  one changed one article edited (a sentence added), then built again

and prints each incremental time as a share of the full one (the aims: at most
3 % unchanged, 5 % one changed). ``--check`` also builds the edited set with
``--full`` into another folder and compares the two folders byte for byte.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles" / "good"


def make_articles(folder: Path, count: int) -> list[Path]:
    sources = sorted(FIXTURES.iterdir())
    made = []
    for n in range(count):
        source = sources[n % len(sources)]
        target = folder / f"{source.stem}-{n:05d}{source.suffix}"
        shutil.copyfile(source, target)
        made.append(target)
    return made


def kg_build(articles: Path, out: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", "-q", str(articles), "-o", str(out), *extra],
                   check=True, env={**os.environ, "PYTHONPATH": str(FIXTURES.parents[3])})
    return time.perf_counter() - started


def same_folders(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--check", action="store_true", help="compare with a full build of the edited set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        articles.mkdir()
        made = make_articles(articles, args.articles)
        out = root / "out"
        full = kg_build(articles, out, "--full")
        print(f"{args.articles} articles: full build {full:.1f} s", flush=True)
        unchanged = kg_build(articles, out)
        print(f"unchanged:   {unchanged:.1f} s = {100 * unchanged / full:.1f} % of full (aim <= 3 %)", flush=True)
        edited = made[len(made) // 2]
        with open(edited, "a", encoding="utf-8") as handle:
            handle.write("\nLa Russie a livré des drones à la Biélorussie en mars 2024.\n")
        one = kg_build(articles, out)
        print(f"one changed: {one:.1f} s = {100 * one / full:.1f} % of full (aim <= 5 %)", flush=True)
        if args.check:
            kg_build(articles, root / "full", "--full")
            print("outputs identical to a full build:", same_folders(out, root / "full"))


if __name__ == "__main__":
    main()
