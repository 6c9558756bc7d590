"""kg.graph: claims as a NetworkX MultiDiGraph and its GraphML file."""
import random
from pathlib import Path

import networkx as nx
import pytest

from kg.graph import corpus_to_networkx, graphml_pieces, graphml_text, quantity_text, write_graphml
from kg.model import Attribution, Claim, Corpus, Document, Entity, EntityRef, Evidence, Quantity
from kg.store import load_corpus

FIXTURE = Path(__file__).parent / "fixtures" / "alliances"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURE)


def edges_of(graph, claim_type):
    return sorted((u, v, d["from_role"], d["to_role"])
                  for u, v, d in graph.edges(data=True) if d["claim_type"] == claim_type)


def test_graphml_round_trips_through_networkx(corpus, tmp_path):
    write_graphml(corpus, tmp_path / "graph.graphml")
    graph = corpus_to_networkx(corpus)
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
    assert not [p for p in tmp_path.iterdir() if p.name != "graph.graphml"]  # no temporary left


def test_attribute_values_are_plain_scalars(corpus):
    graph = corpus_to_networkx(corpus)
    values = [v for _, data in graph.nodes(data=True) for v in data.values()]
    values += [v for _, _, data in graph.edges(data=True) for v in data.values()]
    assert values and all(isinstance(v, (str, int, float, bool)) for v in values)


def test_output_does_not_depend_on_input_order(corpus):
    shuffled = Corpus(list(corpus.documents), list(corpus.entities), list(corpus.claims))
    random.Random(4).shuffle(shuffled.claims)
    shuffled.entities.reverse()
    assert graphml_text(corpus_to_networkx(shuffled)) == graphml_text(corpus_to_networkx(corpus))


def test_nodes_carry_the_entity(corpus):
    graph = corpus_to_networkx(corpus)
    assert graph.nodes["Q423"] | {"aliases": ""} == {
        "id": "Q423", "label": "Corée du Nord", "qid": "Q423", "class": "Country",
        "aliases": "", "mentions": 0}
    assert "qid" not in graph.nodes["place-region-de-koursk"]  # unknown: absent, never None
    assert graph.nodes["org-armee-russe"]["part_of"] == "Q159"


def test_edges_follow_the_roles_of_each_claim(corpus):
    graph = corpus_to_networkx(corpus)
    assert edges_of(graph, "troop_deployment") == [
        ("Q423", "Q159", "sender", "alongside"),
        ("Q423", "place-region-de-koursk", "sender", "location")]
    assert edges_of(graph, "sanctions") == [("Q458", "Q159", "imposer", "target")]
    assert edges_of(graph, "treaty_ratification") == [
        ("Q159", "treaty-rus-prk", "ratifier", "treaty"), ("Q423", "treaty-rus-prk", "ratifier", "treaty")]
    assert ("Q423", "Q159", "parties", "parties") in edges_of(graph, "treaty_obligation")


def test_edges_carry_the_claim(corpus):
    graph = corpus_to_networkx(corpus)
    [(_, _, deployment)] = [e for e in graph.edges(data=True)
                            if e[2]["claim_type"] == "troop_deployment" and e[2]["to_role"] == "alongside"]
    assert deployment["alleged"] is True
    assert (deployment["claimants_claims"], deployment["claimants_no_comment"]) == ("Q212", "Q159")
    assert "claimants_denies" not in deployment and "claimants" not in deployment
    assert (deployment["quantity_value"], deployment["quantity_approximate"], deployment["quantity_unit"]) == (
        11000.0, True, "soldier")
    assert "quantity_low" not in deployment and "quantity" not in deployment and "type" not in deployment
    assert deployment["date"] == "2024-11" and deployment["published"] == "2024-11-12"
    assert deployment["evidence"].startswith("Selon Kiev")
    claim = next(c for c in corpus.claims if c.type == "troop_deployment")
    assert deployment["claim"] == claim.id and deployment["doc"] == "fr-00"
    [obligation] = [d for u, v, d in graph.edges(data=True)
                    if d["claim_type"] == "treaty_obligation" and d["to_role"] == "parties" and d["doc"] == "fr-00"]
    assert obligation["obligation"] == "defense" and obligation["alleged"] is False


def test_parties_are_linked_pairwise_and_lone_fillers_make_no_edge():
    a, b, c = (Entity(f"Q{n}", f"State {n}", "Country", f"Q{n}") for n in (1, 2, 3))
    evidence = [Evidence("d", 0, 1, "x")]
    corpus = Corpus(entities=[a, b], claims=[
        Claim("cooperation", "d", {"parties": [a.ref, b.ref, c.ref]}, evidence, "r", domain="economy"),
        Claim("cooperation", "d", {"parties": [a.ref]}, evidence, "r")])
    graph = corpus_to_networkx(corpus)
    assert sorted(graph.edges()) == [("Q1", "Q2"), ("Q1", "Q3"), ("Q2", "Q3")]
    assert graph.nodes["Q3"]["label"] == "State 3"  # named only by a claim, still a node


def test_quantity_text():
    assert quantity_text(Quantity(low=10000, high=12000, unit="soldier")) == "10000-12000 soldier"
    assert quantity_text(Quantity(value=2.5, unit="missile")) == "2.5 missile"
    assert quantity_text(Quantity(unit="shell")) == "shell"


def test_streamed_graphml_is_what_networkx_writes(corpus, tmp_path):
    """write_graphml writes element by element the bytes networkx's writer gives for the
    whole graph: odd text (markup, line breaks of every kind, controls, non-ASCII), a
    node only an edge names, an empty alias list, one claim id given twice."""
    odd = "Kiev <a&b> \"dit\"\r\nligne\rtrois\x85quatre\u2028cinq\x0b\x1c été 🚀 \t fin"
    north, south = Entity("Q1", "Nord & fils", "Country", "Q1", aliases=[""]), Entity("Q2", "Sud", "Country", "Q2")
    stray = EntityRef("org-x", "Org <x>", None, "Organization")
    claims = [
        Claim("cooperation", "doc-b", {"parties": [south.ref, north.ref, stray]}, [Evidence("doc-b", 0, 5, odd)],
              "demo", domain="military", quote=odd,
              attributions=[Attribution(stray, "claims"), Attribution(north.ref, "denies")]),
        Claim("cooperation", "doc-a", {"parties": [north.ref, south.ref]}, [Evidence("doc-a", 0, 5, "")], "demo",
              quantity=Quantity(value=3, approximate=True, unit="soldier")),
    ]
    claims.append(Claim("cooperation", "doc-a", {"parties": [north.ref, south.ref]}, [Evidence("doc-a", 0, 5, "x")],
                        "other", stored_id=claims[1].id, date="2024-01"))
    odd_corpus = Corpus([Document("doc-a", "t", "fr", published="2024-02-03")], [south, north], claims)
    for sample in (corpus, odd_corpus, Corpus([], [], [])):
        expected = graphml_text(corpus_to_networkx(sample))
        assert "".join(graphml_pieces(sample)) == expected
        write_graphml(sample, tmp_path / "graph.graphml")
        assert (tmp_path / "graph.graphml").read_bytes() == expected.encode("utf-8")
