"""GraphML and GEXF as graph tools read them: the claim type in its own attribute (GEXF
reserves an edge's `type` for directed/undirected/mutual, and Gephi drops anything
else there), quantities as numbers, claimants by stance; every attribute reads back
with its type in networkx and, for GraphML, in python-igraph."""
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.export import write_export
from kg.graph import corpus_to_networkx
from kg.store import load_corpus

FIXTURE = Path(__file__).parent / "fixtures" / "alliances"

EXPECTED_TYPES = {"claim": str, "claim_type": str, "doc": str, "alleged": bool, "from_role": str,
                  "to_role": str, "quantity_value": float, "quantity_low": float, "quantity_high": float,
                  "quantity_unit": str, "quantity_approximate": bool, "claimants_claims": str,
                  "claimants_confirms": str, "claimants_denies": str, "claimants_no_comment": str}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURE)


@pytest.fixture(scope="module")
def files(corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("tools")
    for fmt in ("graphml", "gexf"):
        write_export(corpus, fmt, folder / f"graph.{fmt}")
    return folder


def deployment_edge(graph):
    return next(d for _, _, d in graph.edges(data=True)
                if d["claim_type"] == "troop_deployment" and d["to_role"] == "alongside")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_every_edge_attribute_reads_back_with_its_type(files, corpus, fmt):
    if fmt == "graphml":
        back = nx.read_graphml(files / "graph.graphml", force_multigraph=True)
    else:
        back = nx.read_gexf(files / "graph.gexf")
    original = corpus_to_networkx(corpus)
    assert back.number_of_edges() == original.number_of_edges()
    for _, _, data in back.edges(data=True):
        for name, expected in EXPECTED_TYPES.items():
            if name in data:
                assert type(data[name]) is expected, (fmt, name, data[name])
    edge = deployment_edge(back)
    assert (edge["quantity_value"], edge["quantity_approximate"], edge["quantity_unit"]) == (11000.0, True, "soldier")
    assert (edge["claimants_claims"], edge["claimants_no_comment"]) == ("Q212", "Q159")
    assert edge["alleged"] is True


def test_gexf_edge_type_is_left_to_its_meaning(files):
    tree = ET.parse(files / "graph.gexf")
    ns = {"g": tree.getroot().tag.split("}")[0][1:]}
    edges = tree.getroot().findall(".//g:edge", ns)
    assert edges and all(e.get("type") in (None, "directed", "undirected", "mutual") for e in edges)
    titles = {a.get("title"): a.get("type") for a in tree.getroot().findall(".//g:attributes[@class='edge']/g:attribute", ns)}
    assert titles["claim_type"] == "string"
    assert titles["quantity_value"] == "double" and titles["quantity_approximate"] == "boolean"


def test_graphml_declares_numbers_and_booleans(files):
    root = ET.parse(files / "graph.graphml").getroot()
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.iter() if k.tag.endswith("key") and k.get("for") == "edge"}
    assert keys["quantity_value"] == "double" and keys["quantity_approximate"] == "boolean"
    assert keys["claim_type"] == "string" and "type" not in keys and "quantity" not in keys


def test_igraph_reads_the_graphml(files):
    igraph = pytest.importorskip("igraph")
    graph = igraph.Graph.Read_GraphML(str(files / "graph.graphml"))
    deployments = graph.es.select(claim_type="troop_deployment", to_role="alongside")
    assert len(deployments) == 1
    edge = deployments[0]
    assert edge["quantity_value"] == 11000.0 and isinstance(edge["quantity_value"], float)
    assert edge["quantity_unit"] == "soldier" and edge["claimants_claims"] == "Q212"
