import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import EXPORT_FORMATS, SUFFIXES, export_text, write_export
from kg.rdf import corpus_to_rdf


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_is_deterministic_and_written_atomically(tmp_path, fixture_corpus, fmt):
    path = tmp_path / f"graph{SUFFIXES[fmt]}"
    write_export(fixture_corpus, fmt, path)
    assert path.read_text(encoding="utf-8") == export_text(fixture_corpus, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_exports_hold_the_corpus_graph(fixture_corpus, fmt, parser):
    graph = Graph().parse(data=export_text(fixture_corpus, fmt), format=parser)
    assert isomorphic(graph, corpus_to_rdf(fixture_corpus))


def test_trig_holds_the_same_triples(fixture_corpus):
    dataset = Dataset().parse(data=export_text(fixture_corpus, "trig"), format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    assert isomorphic(union, corpus_to_rdf(fixture_corpus))


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_exports_read_back_in_networkx(tmp_path, fixture_corpus, fmt, reader):
    path = tmp_path / f"graph.{fmt}"
    write_export(fixture_corpus, fmt, path)
    graph = reader(path)
    assert {"Q423", "Q159", "place-region-de-koursk"} <= set(graph.nodes)
    assert graph.number_of_edges() > len(fixture_corpus.claims)


def test_gexf_carries_no_date(fixture_corpus):
    assert "lastmodifieddate" not in export_text(fixture_corpus, "gexf")


def test_unknown_format():
    from kg.model import Corpus
    with pytest.raises(ValueError, match="choose one of"):
        export_text(Corpus(), "xml")
