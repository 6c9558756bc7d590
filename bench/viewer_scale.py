"""How the viewer scales: time to write graph.html, and to open it in a browser.

    .venv/bin/python bench/viewer_scale.py [--nodes 500 2000 10000] [--keep DIR]
    .venv/bin/python bench/viewer_scale.py --nodes --one-event 1000 10000   # one event, N reports
    .venv/bin/python bench/viewer_scale.py --nodes --build /tmp/big --shot /tmp/big.png

Three kinds of input:

- ``--nodes``: synthetic corpora (below);
- ``--one-event N``: N articles that all report one deployment, each with its own
  figure and claimant (the case of issue 10: the page must grow linearly in N);
- ``--build DIR``: a real build (e.g. of the articles of bench/make_corpus.py).

For each size, generates a synthetic corpus of that many entities (all seven
classes, a few hubs as in the news: preferential attachment) and 1.5 claims per
entity (every claim type, some alleged, some disputed), then times:

- layout: kg.viewer.layout alone;
- render: kg.viewer.render_html (layout included) and the page's size;
- open: headless Chromium, network cut, from ``driver.get`` until the graph is
  drawn (window.kgViewer.ready), wall clock, and the page's own clock;
- filter: one type filter applied over every edge (kgViewer.applyFilters);
- still: whether any node moved during the next second;
- drawn: the edges and nodes the page draws at once (it caps them, heaviest first);
- peak MB: the most memory Python held while rendering (tracemalloc, an untimed second pass).

Needs chromium and chromedriver for the browser columns (else they read "-").
"""
from __future__ import annotations

import argparse
import math
import tracemalloc
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.claim_types import claim_types
from kg.model import Attribution, Claim, Corpus, Document, Entity, Evidence, Quantity
from kg.model import EntityRef
from kg.store import load_corpus
from kg.viewer import build_view, layout, render_html, write_viewer

CLASS_SHARES = {"Country": 0.2, "Person": 0.3, "Organization": 0.15, "Place": 0.2,
                "Treaty": 0.05, "Conflict": 0.05, "Group": 0.05}


def synthetic_corpus(entity_count: int, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    entities = []
    for cls, share in CLASS_SHARES.items():
        for i in range(max(1, round(entity_count * share))):
            entities.append(Entity(f"{cls.lower()}-{i}", f"{cls} {i}", cls, aliases=[f"{cls[:3]}{i}"]))
    entities = entities[:entity_count]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(entities))]  # a few hubs
    rng.shuffle(weights)
    documents = [Document(f"doc-{i}", "", "fr", f"Article {i} <b>bold</b>", "2024-05-01",
                          f"https://example.org/{i}") for i in range(max(1, entity_count // 10))]
    claims = []
    # every entity takes part in at least one claim (with a partner drawn towards the hubs),
    # then random claims of every type
    for entity in entities:
        partner = rng.choices(entities, weights)[0]
        claims.append(_claim(rng, "cooperation", {"parties": [entity.ref, partner.ref]}, documents, entities))
    declared = {ct.name: list(ct.role_names) for ct in claim_types()}
    while len(claims) < int(entity_count * 1.5):
        claim_type = rng.choice(sorted(declared))
        roles = {role: [e.ref for e in rng.choices(entities, weights, k=rng.choice((1, 1, 2)))]
                 for role in declared[claim_type][:rng.choice((2, 2, 3))]}
        claims.append(_claim(rng, claim_type, roles, documents, entities))
    return Corpus(documents=documents, entities=entities, claims=claims)


def one_event_corpus(count: int) -> Corpus:
    """``count`` articles that each report the same deployment, with their own figure and claimant."""
    prk, rus = EntityRef("Q423", "North Korea", "Q423", "Country"), EntityRef("Q159", "Russia", "Q159", "Country")
    claimants = [EntityRef(f"claimant-{i}", f"Claimant {i}", None, "Country") for i in range(12)]
    documents = [Document(f"doc-{i:05d}", "", "en", f"Report {i}", "2024-11-05", f"https://example.org/{i}")
                 for i in range(count)]
    claims = [Claim("troop_deployment", d.id, {"sender": [prk], "location": [rus]},
                    [Evidence(d.id, 0, 60, f"About {10 + i % 5},000 soldiers were sent to Russia, report {i} says.")],
                    "bench.one_event", date="2024-11",
                    quantity=Quantity(value=(10 + i % 5) * 1000, unit="soldier"),
                    attributions=[Attribution(claimants[i % 12], "denies" if i % 50 == 0 else "claims")])
              for i, d in enumerate(documents)]
    return Corpus(documents=documents, entities=[], claims=claims)


def _claim(rng, claim_type, roles, documents, entities) -> Claim:
    doc = rng.choice(documents)
    start = rng.randrange(10_000)
    text = f"Phrase {start} <script>window.__pwned=1</script> du {claim_type}."
    stances = rng.choice(((), ("claims",), ("claims", "denies"), ("no_comment",)))
    return Claim(claim_type, doc.id, roles, [Evidence(doc.id, start, start + len(text), text)],
                 "bench.synthetic", date=f"2024-{rng.randint(1, 12):02d}",
                 quantity=Quantity(value=rng.randint(1, 20) * 500, unit="soldier")
                 if claim_type == "troop_deployment" else None,
                 obligation="defense" if claim_type == "treaty_obligation" else None,
                 attributions=[Attribution(rng.choice(entities).ref, s) for s in stances])


def open_in_browser(page: Path, shot: Path | None = None) -> tuple[str, ...]:
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver_path = shutil.which("chromedriver")
    if not (chromium and driver_path):
        return "-", "-", "-", "-", "-"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="kg-bench-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,900", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        driver.set_page_load_timeout(300)
        started = time.perf_counter()
        driver.get(page.resolve().as_uri())
        while not driver.execute_script("return !!(window.kgViewer && window.kgViewer.ready)"):
            if time.perf_counter() - started > 300:
                return "timeout", "-", "-", "-", "-"
            time.sleep(0.02)
        wall = time.perf_counter() - started
        in_page = driver.execute_script("return performance.now()") / 1000
        filter_ms = driver.execute_script(
            "var box = document.querySelector('#kg-types input'); box.checked = false;"
            "var t = performance.now(); kgViewer.applyFilters(); var d = performance.now() - t;"
            "box.checked = true; kgViewer.applyFilters(); return d;")
        before = driver.execute_script("return JSON.stringify(kgViewer.network.getPositions())")
        time.sleep(1)
        still = driver.execute_script("return JSON.stringify(kgViewer.network.getPositions())") == before
        drawn = driver.execute_script("return kgViewer.edges.length + '/' + kgViewer.nodes.length")
        if shot:
            driver.save_screenshot(str(shot))
        return f"{wall:.2f}", f"{in_page:.2f}", f"{filter_ms:.0f}", "yes" if still else "NO", drawn
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def measure(name: str, corpus: Corpus, folder: Path, shot: Path | None = None) -> None:
    view = build_view(corpus)
    pairs = [(e["from"], e["to"]) for e in view.edges]
    started = time.perf_counter()
    layout([n["id"] for n in view.nodes], pairs)
    layout_s = time.perf_counter() - started
    started = time.perf_counter()
    html = render_html(corpus)
    render_s = time.perf_counter() - started
    tracemalloc.start()  # a second pass: tracing slows Python down, so it is not timed
    render_html(corpus)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    page = write_viewer(corpus, folder / f"graph-{name}.html")
    wall, in_page, filter_ms, still, drawn = open_in_browser(page, shot)
    print(f"{name:>12} {len(view.nodes):>8} {len(corpus.claims):>7} {len(view.edges):>7} {layout_s:>8.2f} "
          f"{render_s:>8.2f} {peak:>7.0f} {len(html.encode()) / 1e6:>6.1f} {wall:>7} {in_page:>9} "
          f"{filter_ms:>9} {still:>5} {drawn:>9}", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="*", default=[500, 2000, 10000])
    parser.add_argument("--one-event", type=int, nargs="*", default=[], metavar="N",
                        help="also: N articles reporting one event")
    parser.add_argument("--build", type=Path, nargs="*", default=[], metavar="DIR",
                        help="also: the builds in these folders")
    parser.add_argument("--shot", type=Path, help="screenshot of the last page opened")
    parser.add_argument("--keep", type=Path, help="keep the pages in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-viewer-bench-"))
    print(f"{'input':>12} {'entities':>8} {'claims':>7} {'edges':>7} {'layout s':>8} {'render s':>8} "
          f"{'peak MB':>7} {'MB':>6} {'open s':>7} {'in-page s':>9} {'filter ms':>9} {'still':>5} "
          f"{'drawn e/n':>9}")
    inputs = ([(f"nodes-{n}", lambda n=n: synthetic_corpus(n)) for n in args.nodes]
              + [(f"event-{n}", lambda n=n: one_event_corpus(n)) for n in args.one_event]
              + [(f"build-{d.name}", lambda d=d: load_corpus(d)) for d in args.build])
    for index, (name, make) in enumerate(inputs):
        measure(name, make(), folder, args.shot if index == len(inputs) - 1 else None)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
