"""The SHACL shapes accept what kg writes and reject what it must not."""
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.claim_types import claim_types
from kg.namespace import KG, STANCE, claim_class, role_property
from kg.rdf import corpus_to_rdf

pyshacl = pytest.importorskip("pyshacl")
SHAPES = Path(__file__).parent.parent / "ontology" / "shapes.ttl"
SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(SHAPES)


def validate(graph, shapes):
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    return conforms, text


@pytest.fixture
def graph(fixture_corpus):
    return corpus_to_rdf(fixture_corpus)


def first(graph, cls):
    return sorted(graph.subjects(RDF.type, cls))[0]


def test_build_graph_conforms(graph, shapes):
    conforms, text = validate(graph, shapes)
    assert conforms, text


def test_missing_required_role_is_reported(graph, shapes):
    deployment = first(graph, KG.TroopDeployment)
    graph.remove((deployment, KG.sender, None))
    conforms, text = validate(graph, shapes)
    assert not conforms and "sender" in text


def test_unknown_stance_is_reported(graph, shapes):
    attribution = first(graph, KG.Attribution)
    graph.set((attribution, KG.stance, STANCE.maybe))
    conforms, text = validate(graph, shapes)
    assert not conforms and "stance" in text


def test_offsets_must_be_ordered_integers(graph, shapes):
    evidence = first(graph, KG.Evidence)
    end = graph.value(evidence, KG.end)
    graph.set((evidence, KG.start, Literal(end.toPython() + 1)))
    assert not validate(graph, shapes)[0]
    graph.set((evidence, KG.start, Literal("3")))
    assert not validate(graph, shapes)[0]


def test_untyped_date_is_reported(graph, shapes):
    signing = first(graph, KG.TreatySigning)
    graph.set((signing, KG.date, Literal("19 juin 2024")))
    conforms, text = validate(graph, shapes)
    assert not conforms and "date" in text


def test_alleged_must_match_attributions(graph, shapes):
    signing = first(graph, KG.TreatySigning)
    graph.set((signing, KG.alleged, Literal(True)))
    assert not validate(graph, shapes)[0]


def test_a_treaty_signing_needs_two_parties(graph, shapes):
    signing = first(graph, KG.TreatySigning)
    graph.remove((signing, KG.party, sorted(graph.objects(signing, KG.party))[0]))
    assert not validate(graph, shapes)[0]


def test_every_claim_type_has_a_shape_requiring_its_required_roles(shapes):
    for declared in claim_types():
        (shape,) = shapes.subjects(URIRef(SH + "targetClass"), claim_class(declared.name))
        required = {shapes.value(p, URIRef(SH + "path")): shapes.value(p, URIRef(SH + "minCount")).toPython()
                    for p in shapes.objects(shape, URIRef(SH + "property"))
                    if shapes.value(p, URIRef(SH + "minCount")) is not None}
        assert required == {role_property(r.name): r.min for r in declared.roles if r.min}, declared.name


def test_datatypes_in_shapes_are_xsd(shapes):
    datatypes = set(shapes.objects(None, URIRef(SH + "datatype")))
    assert datatypes and all(str(d).startswith(str(XSD)) for d in datatypes)
