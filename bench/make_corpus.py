"""Write N synthetic news articles, for measuring kg on a large build.

    .venv/bin/python bench/make_corpus.py 2000 /tmp/big-articles [--seed 7]

Each article recombines 3 to 5 sentences from templates written for this bench
(never copied from an article) about a dozen states, in English and in French,
so that the same relationships come back hundreds of times from different
articles, dates and claimants, as they do in the news. The build of such a
folder is what bench/viewer_scale.py --build measures.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

#: name in English, adjective in English, French: subject, "contre X", "en X", adjective (m. pl.)
STATES = [
    ("Russia", "Russian", "La Russie", "la Russie", "en Russie", "russes"),
    ("North Korea", "North Korean", "La Corée du Nord", "la Corée du Nord", "en Corée du Nord", "nord-coréens"),
    ("Iran", "Iranian", "L'Iran", "l'Iran", "en Iran", "iraniens"),
    ("China", "Chinese", "La Chine", "la Chine", "en Chine", "chinois"),
    ("Ukraine", "Ukrainian", "L'Ukraine", "l'Ukraine", "en Ukraine", "ukrainiens"),
    ("Belarus", "Belarusian", "La Biélorussie", "la Biélorussie", "en Biélorussie", "biélorusses"),
    ("Syria", "Syrian", "La Syrie", "la Syrie", "en Syrie", "syriens"),
    ("France", "French", "La France", "la France", "en France", "français"),
    ("Germany", "German", "L'Allemagne", "l'Allemagne", "en Allemagne", "allemands"),
    ("Japan", "Japanese", "Le Japon", "le Japon", "au Japon", "japonais"),
    ("South Korea", "South Korean", "La Corée du Sud", "la Corée du Sud", "en Corée du Sud", "sud-coréens"),
    ("Poland", "Polish", "La Pologne", "la Pologne", "en Pologne", "polonais"),
]
#: a few pairs come back far more often than the others, as in the news
HOT = [(0, 1), (0, 2), (4, 0), (7, 0), (3, 0), (0, 5)]

EN = [
    "{A} imposed new sanctions on {B} on Monday.",
    "According to {C}, about {n} {A_adj} soldiers have been deployed to {B}.",
    "{A} and {B} signed a military cooperation agreement in {A_cap}.",
    "{A} sent artillery shells to {B}, {C} said.",
    "{B} denied receiving weapons from {A}.",
    "The foreign minister of {A} visited {B} on Tuesday.",
]
FR = [
    "{A_fr} a imposé de nouvelles sanctions contre {B_fr_obj}.",
    "Selon {C_fr_obj}, environ {n} soldats {A_fr_adj} sont déployés {B_fr_in}.",
    "{A_fr} et {B_fr_obj} ont signé un accord de coopération militaire.",
    "{A_fr} a livré des obus d'artillerie à {B_fr_obj}, selon {C_fr_obj}.",
]
CAPITALS = {"Russia": "Moscow", "North Korea": "Pyongyang", "Iran": "Tehran", "China": "Beijing",
            "Ukraine": "Kyiv", "Belarus": "Minsk", "Syria": "Damascus", "France": "Paris",
            "Germany": "Berlin", "Japan": "Tokyo", "South Korea": "Seoul", "Poland": "Warsaw"}


def _pair(rng: random.Random) -> tuple[int, int, int]:
    if rng.random() < 0.6:
        a, b = rng.choice(HOT)
    else:
        a, b = rng.sample(range(len(STATES)), 2)
    c = rng.choice([i for i in range(len(STATES)) if i not in (a, b)])
    return a, b, c


def sentence(rng: random.Random, lang: str) -> str:
    a, b, c = (STATES[i] for i in _pair(rng))
    fill = {"A": a[0], "B": b[0], "C": c[0], "A_adj": a[1], "A_cap": CAPITALS[a[0]],
            "A_fr": a[2], "B_fr_obj": b[3], "C_fr_obj": c[3], "B_fr_in": b[4], "A_fr_adj": a[5],
            "n": f"{rng.randint(2, 15) * 1000:,}".replace(",", "," if lang == "en" else " ")}
    return rng.choice(EN if lang == "en" else FR).format(**fill)


def article(rng: random.Random, index: int) -> tuple[str, str]:
    lang = "en" if index % 2 else "fr"
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body = " ".join(sentence(rng, lang) for _ in range(rng.randint(3, 5)))
    title = f"Dispatch {index}" if lang == "en" else f"Dépêche {index}"
    text = f"---\ntitle: {title}\npublished: {day}\nlang: {lang}\n---\n{body}\n"
    return f"{lang}-bench-{index:05d}.txt", text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    args.folder.mkdir(parents=True, exist_ok=True)
    for index in range(args.count):
        name, text = article(rng, index)
        (args.folder / name).write_text(text, encoding="utf-8")
    print(f"{args.count} articles in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
