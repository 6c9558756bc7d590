#!/usr/bin/env python3
"""How many gold entity aliases does the gazetteer find, with the right entity?

    .venv/bin/python scripts/check_gazetteer_coverage.py [--gold ../shared/corpus/dev/gold] [-v]

A dev-time measure, not a test: it reads ../shared. An alias counts as found when
``lookup(alias, lang)`` returns an entry with the gold QID or label, or, for a
Country, an entry that stands for that state (capital, body: ``state_of``).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.gazetteer import load_gazetteer  # noqa: E402
from kg.text import fold  # noqa: E402

SCORED = ("Country", "Organization", "Place", "Person")


def found(gaz, alias: str, lang: str, gold: dict) -> bool:
    for entry in gaz.lookup(alias, lang):
        candidates = [entry]
        if gold["class"] == "Country":
            candidates.append(gaz.state_of(entry))
        for candidate in filter(None, candidates):
            if gold.get("qid") and candidate.qid == gold["qid"]:
                return True
            if fold(candidate.label) == fold(gold["label"]):
                return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared/corpus/dev/gold")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    gaz = load_gazetteer()
    total, hits = Counter(), Counter()
    misses = []
    for path in sorted(args.gold.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang = "en" if path.stem.startswith("en") else "fr"
        for gold in doc.get("entities") or []:
            if gold["class"] not in SCORED:
                continue
            for alias in gold.get("aliases") or []:
                total[gold["class"]] += 1
                if found(gaz, alias, lang, gold):
                    hits[gold["class"]] += 1
                else:
                    misses.append(f"{path.stem} {gold['class']:<12} {gold['label']!r:<36} <- {alias!r}"
                                  f"  lookup: {[e.label for e in gaz.lookup(alias, lang)]}")
    kinds = Counter(e.kind for e in gaz.entries)
    print("entries:", dict(kinds), "total", len(gaz.entries))
    for cls in SCORED:
        print(f"{cls:<13} {hits[cls]:>4}/{total[cls]:<4} {hits[cls] / max(total[cls], 1):.1%}")
    all_hits, all_total = sum(hits.values()), sum(total.values())
    print(f"{'all':<13} {all_hits:>4}/{all_total:<4} {all_hits / max(all_total, 1):.1%}")
    if args.verbose:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
