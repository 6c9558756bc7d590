"""The graph kg writes reads the same in rdflib, pyoxigraph and raptor/rasqal, and the
example queries (queries/*.rq) give the same answers in each engine.

raptor's `rapper` and rasqal's `roqet` are installed by scripts/test.sh
(apt: raptor2-utils, rasqal-utils); their tests are skipped when they are absent.
"""
import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.export import write_export
from kg.rdf import corpus_to_rdf

QUERIES = sorted((Path(__file__).parent.parent / "queries").glob("*.rq"))
needs_rapper = pytest.mark.skipif(shutil.which("rapper") is None,
                                  reason="raptor's rapper is not installed (apt-get install raptor2-utils)")
needs_roqet = pytest.mark.skipif(shutil.which("roqet") is None,
                                 reason="rasqal's roqet is not installed (apt-get install rasqal-utils)")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from kg.store import load_corpus

    corpus = load_corpus(Path(__file__).parent / "fixtures" / "build")
    folder = tmp_path_factory.mktemp("interop")
    for fmt, name in (("turtle", "graph.ttl"), ("trig", "graph.trig"), ("nt", "graph.nt")):
        write_export(corpus, fmt, folder / name)
    return folder, len(corpus_to_rdf(corpus))


def answers_pyoxigraph(path, sparql):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    solutions = store.query(sparql)
    names = [v.value for v in solutions.variables]
    return sorted(tuple("" if s[n] is None else s[n].value for n in names) for s in solutions)


def answers_rdflib(path, sparql):
    result = Graph().parse(path, format="turtle").query(sparql)
    return sorted(tuple("" if term is None else str(term) for term in row) for row in result)


def answers_roqet(path, query_file):
    # -W 0: rasqal warns about the variables its own aggregate rewriting invents, and a
    # warning makes it exit with status 2
    done = subprocess.run(["roqet", "-q", "-W", "0", "-i", "sparql", "-D", str(path), "-r", "csv", str(query_file)],
                          capture_output=True, check=True, timeout=60)
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8"))))
    return sorted(tuple(row) for row in rows[1:])


def test_turtle_loads_in_rdflib_and_pyoxigraph_with_the_same_triples(files):
    import pyoxigraph

    folder, count = files
    assert len(Graph().parse(folder / "graph.ttl")) == count
    store = pyoxigraph.Store()
    store.load(path=str(folder / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == count


def test_trig_loads_in_rdflib_and_pyoxigraph_with_the_same_quads(files):
    import pyoxigraph

    folder, count = files
    dataset = Dataset().parse(folder / "graph.trig", format="trig")
    store = pyoxigraph.Store()
    store.load(path=str(folder / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    quads = {(s, p, o) for s, p, o, _ in dataset.quads()}
    assert len(quads) == count
    assert len(store) == len(list(dataset.quads()))


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_example_queries_agree_in_rdflib_and_pyoxigraph(files, query):
    folder, _ = files
    sparql = query.read_text(encoding="utf-8")
    expected = answers_pyoxigraph(folder / "graph.ttl", sparql)
    assert expected, f"{query.name} finds nothing in the fixture build"
    assert answers_rdflib(folder / "graph.ttl", sparql) == expected


@needs_rapper
@pytest.mark.parametrize("name,syntax", [("graph.ttl", "turtle"), ("graph.trig", "trig"), ("graph.nt", "ntriples")])
def test_rapper_parses_every_statement(files, name, syntax):
    folder, count = files
    done = subprocess.run(["rapper", "-i", syntax, "-c", str(folder / name)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    parsed = int(re.search(r"returned (\d+) (triples|statements)", done.stderr).group(1))
    assert parsed >= count if syntax == "trig" else parsed == count


@needs_roqet
@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_example_queries_agree_in_roqet(files, query):
    # roqet has no property paths and ignores GROUP_CONCAT separators: the example
    # queries use neither, so that this independent engine can check our answers.
    folder, _ = files
    expected = answers_pyoxigraph(folder / "graph.ttl", query.read_text(encoding="utf-8"))
    assert answers_roqet(folder / "graph.ttl", query) == expected
