"""Time rdflib against pyoxigraph on a large synthetic graph in kg's ontology.

    .venv/bin/python bench/sparql_engines.py [--claims 42500] [--keep DIR]

Generates a corpus of synthetic claims (deployments with quantities and claimants,
treaty obligations, military aid, statements), writes it as Turtle with kg.rdf
(about 24 triples a claim: 42,500 claims give about 1M triples), then times, in
each engine: loading the Turtle, a selective query with a bound value, an
aggregate query (GROUP BY over every claim), and the example query
queries/deployments.rq (required patterns, then OPTIONALs). Prints seconds and
the rdflib / pyoxigraph ratio.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from kg.model import Attribution, Claim, Corpus, Document, Entity, Evidence, Quantity
from kg.rdf import write_turtle

ROOT = Path(__file__).resolve().parent.parent
STANCES = ("claims", "claims", "confirms", "denies", "no_comment")

SELECTIVE = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?sender_name ?claim ?location_name ?value WHERE {
  ?sender rdfs:label ?sender_name .
  ?claim kg:sender ?sender ;
         kg:location ?location ;
         kg:quantity ?quantity .
  ?quantity kg:value ?value .
  ?location rdfs:label ?location_name .
}"""

AGGREGATE = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?claimant ?stance (COUNT(?claim) AS ?claims) WHERE {
  ?claim kg:attribution ?attribution .
  ?attribution kg:claimant ?claimant ;
               kg:stance ?stance .
}
GROUP BY ?claimant ?stance"""


def synthetic_corpus(claims: int, seed: int = 1) -> Corpus:
    """A reproducible corpus: 300 countries, 3,000 places, one article per 10 claims."""
    rng = random.Random(seed)
    countries = [Entity(f"Q{100000 + i}", f"Country {i}", "Country", f"Q{100000 + i}") for i in range(300)]
    places = [Entity(f"place-{i}", f"Place {i}", "Place") for i in range(3000)]
    treaties = [Entity(f"treaty-{i}", f"Treaty {i}", "Treaty") for i in range(500)]
    documents = [Document(f"doc-{i}", "", rng.choice(("fr", "en")), f"Article {i}", "2024-11-12")
                 for i in range(claims // 10 + 1)]
    corpus = Corpus(documents, countries + places + treaties, [])
    for number in range(claims):
        doc = documents[number // 10].id
        evidence = [Evidence(doc, number % 10 * 200, number % 10 * 200 + 150, f"Sentence {number} of the article.")]
        kind = number % 4
        a, b = rng.sample(countries, 2)
        attributions = [Attribution(rng.choice(countries).ref, rng.choice(STANCES))
                        for _ in range(rng.choice((0, 1, 1, 2)))]
        if kind == 0:
            claim = Claim("troop_deployment", doc, {"sender": [a.ref], "location": [rng.choice(places).ref],
                                                    "alongside": [b.ref]}, evidence, "bench.deploy",
                          quantity=Quantity(value=rng.randrange(100, 20000, 100), approximate=rng.random() < .5,
                                            unit="soldier"), date="2024-11", attributions=attributions,
                          event=f"event-{number % 5000}")
        elif kind == 1:
            claim = Claim("treaty_obligation", doc, {"treaty": [rng.choice(treaties).ref], "parties": [a.ref, b.ref]},
                          evidence, "bench.obligation",
                          obligation=rng.choice(("defense", "offense", "neutrality", "nonaggression", "consultation")))
        elif kind == 2:
            claim = Claim("military_aid", doc, {"supplier": [a.ref], "recipient": [b.ref]}, evidence, "bench.aid",
                          item="shells", quantity=Quantity(low=1000, high=rng.randrange(2000, 9000)),
                          attributions=attributions)
        else:
            claim = Claim("statement", doc, {"speaker": [a.ref], "target": [b.ref]}, evidence, "bench.statement",
                          stance=rng.choice(("support", "oppose")), quote="words", date="2024-11-12",
                          attributions=attributions)
        corpus.claims.append(claim)
    return corpus


def timed(action):
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def rdflib_engine(path: Path):
    from rdflib import Graph, Literal, Variable

    load, graph = timed(lambda: Graph().parse(path, format="turtle"))
    queries = {
        "selective query": lambda: len(graph.query(SELECTIVE, initBindings={Variable("sender_name"): Literal("Country 7")})),
        "aggregate query": lambda: len(graph.query(AGGREGATE)),
        "deployments.rq": lambda: len(graph.query((ROOT / "queries" / "deployments.rq").read_text())),
    }
    return load, len(graph), {name: timed(run) for name, run in queries.items()}


def pyoxigraph_engine(path: Path):
    import pyoxigraph

    store = pyoxigraph.Store()
    load, _ = timed(lambda: store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    name = {pyoxigraph.Variable("sender_name"): pyoxigraph.Literal("Country 7")}
    queries = {
        "selective query": lambda: len(list(store.query(SELECTIVE, substitutions=name))),
        "aggregate query": lambda: len(list(store.query(AGGREGATE))),
        "deployments.rq": lambda: len(list(store.query((ROOT / "queries" / "deployments.rq").read_text()))),
    }
    return load, len(store), {q: timed(run) for q, run in queries.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=42500, help="synthetic claims to generate")
    parser.add_argument("--keep", type=Path, help="write graph.ttl here and keep it")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    path = folder / "graph.ttl"
    seconds, corpus = timed(lambda: synthetic_corpus(args.claims))
    print(f"generated {len(corpus.claims)} claims in {seconds:.1f} s", flush=True)
    seconds, _ = timed(lambda: write_turtle(corpus, path))
    print(f"kg.rdf.write_turtle: {seconds:.1f} s, {path.stat().st_size / 1e6:.0f} MB", flush=True)
    del corpus

    results = {}
    for engine, run in (("pyoxigraph", pyoxigraph_engine), ("rdflib", rdflib_engine)):
        load, triples, queries = run(path)
        results[engine] = {"load": load, **{q: t for q, (t, _) in queries.items()}}
        rows = {q: n for q, (_, n) in queries.items()}
        print(f"{engine}: {triples} triples loaded in {load:.1f} s; rows {rows}", flush=True)

    print(f"\n{'operation':<18}{'rdflib s':>10}{'pyoxigraph s':>14}{'ratio':>8}")
    for operation in results["rdflib"]:
        slow, fast = results["rdflib"][operation], results["pyoxigraph"][operation]
        print(f"{operation:<18}{slow:>10.2f}{fast:>14.3f}{slow / max(fast, 1e-6):>7.0f}x")
    if not args.keep:
        path.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
