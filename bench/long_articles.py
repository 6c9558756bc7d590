"""Time the extraction of one long article, from 10 KB to 2 MB: time must grow linearly.

    .venv/bin/python bench/long_articles.py [--sizes 10,20,...] [--profile KB]

The article is made by repeating a few paragraphs we wrote (deployments, deliveries,
denials, datelines), so that every rule has work to do. For each size the table
gives the time of ``kg.build.build`` (reading, parsing, extraction, every output)
on that one file, the time per 100 KB, and the claims found; a per-100 KB time that
stays flat is linear growth. ``--profile KB`` runs cProfile on one size instead.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

PARAGRAPHS = [
    "Selon le ministère sud-coréen de la Défense, environ 3 000 soldats nord-coréens ont été "
    "envoyés en Russie le 12 mars 2024. Pyongyang a démenti ces informations.",
    "La Russie a livré des missiles à la Corée du Nord, a affirmé Washington mardi. "
    "Moscou n'a pas souhaité commenter.",
    "Le président chinois a rencontré son homologue russe à Pékin en mai 2024 (une visite "
    "de deux jours, la troisième depuis 2022).",
    "L'Iran aurait fourni des drones à la Russie, selon des responsables ukrainiens, qui "
    "évoquent plusieurs centaines d'appareils.",
]


def article(size: int) -> str:
    """A French article of about ``size`` characters, paragraphs separated by blank lines."""
    parts, total, n = [], 0, 0
    while total < size:
        paragraph = PARAGRAPHS[n % len(PARAGRAPHS)]
        parts.append(paragraph)
        total += len(paragraph) + 2
        n += 1
    return "---\nlang: fr\npublished: 2024-06-01\n---\n" + "\n\n".join(parts) + "\n"


def time_build(size: int, folder: Path) -> tuple[float, int]:
    from kg.build import build

    source = folder / f"long-{size}"
    source.mkdir()
    (source / "long.md").write_text(article(size), encoding="utf-8")
    start = time.perf_counter()
    report = build([source], folder / f"out-{size}")
    return time.perf_counter() - start, len(report.corpus.claims)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,20,50,100,200,500,1000,2000",
                        help="article sizes in KB, comma-separated")
    parser.add_argument("--profile", type=int, metavar="KB", help="profile one size instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        time_build(2, folder)  # warm up: models, gazetteer, lexicons
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(time_build, args.profile * 1000, folder)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            return
        print(f"{'size (KB)':>10} {'seconds':>9} {'s / 100 KB':>11} {'claims':>7}")
        for kb in (int(s) for s in args.sizes.split(",")):
            seconds, claims = time_build(kb * 1000, folder)
            print(f"{kb:>10} {seconds:>9.2f} {seconds / kb * 100:>11.2f} {claims:>7}", flush=True)


if __name__ == "__main__":
    main()
