import random
from pathlib import Path

import pytest
from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.claim_types import claim_types
from kg.model import Corpus
from kg.namespace import (DOC, GRAPH, KG, OBLIGATION, STANCE, WD, claim_class, entity_iri,
                          role_property)
from kg.rdf import (RDF_FORMATS, corpus_quads, corpus_to_dataset, corpus_to_rdf,
                    serialize_corpus, write_turtle)

ONTOLOGY = Path(__file__).parent.parent / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY)


@pytest.fixture
def graph(fixture_corpus):
    return corpus_to_rdf(fixture_corpus)


def claims_of(graph, cls):
    return sorted(graph.subjects(RDF.type, cls))


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_same_corpus_in_any_order_gives_the_same_bytes(fixture_corpus, fmt):
    first = serialize_corpus(fixture_corpus, fmt)
    shuffled = Corpus(*(random.Random(7).sample(items, len(items)) for items in
                        (fixture_corpus.documents, fixture_corpus.entities, fixture_corpus.claims)))
    assert serialize_corpus(shuffled, fmt) == first


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_serialisations_read_back_to_the_same_graph(graph, fixture_corpus, fmt, parser):
    assert isomorphic(Graph().parse(data=serialize_corpus(fixture_corpus, fmt), format=parser), graph)


def test_no_blank_nodes(graph):
    assert not [t for t in graph if any(term.__class__.__name__ == "BNode" for term in t)]


def test_trig_has_one_named_graph_per_article_and_shared_entities(fixture_corpus):
    dataset = Dataset().parse(data=serialize_corpus(fixture_corpus, "trig"), format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {str(GRAPH[d.id]) for d in fixture_corpus.documents} <= names
    article = dataset.graph(GRAPH["fr-ratification"])
    assert len(claims_of(article, KG.Claim)) == 3
    assert (WD.Q423, RDF.type, KG.Country) in dataset.default_graph
    assert (WD.Q423, RDF.type, KG.Country) not in article


def test_dataset_union_equals_graph(fixture_corpus, graph):
    union = Graph()
    for s, p, o, _ in corpus_to_dataset(fixture_corpus).quads():
        union.add((s, p, o))
    assert isomorphic(union, graph)


def test_every_claim_is_typed_with_its_class_and_kg_claim(graph, fixture_corpus):
    for claim in fixture_corpus.claims:
        node = next(graph.subjects(KG.id, Literal(claim.id)))
        assert (node, RDF.type, claim_class(claim.type)) in graph
        assert (node, RDF.type, KG.Claim) in graph


def test_roles_link_wikidata_iris_or_kg_entities(graph):
    signing = claims_of(graph, KG.TreatySigning)[0]
    assert set(graph.objects(signing, KG.party)) == {WD.Q159, WD.Q423}
    assert set(graph.objects(signing, KG.signatory)) == {WD.Q7747, WD.Q56226}
    deployment = claims_of(graph, KG.TroopDeployment)[0]
    (kursk,) = graph.objects(deployment, KG.location)
    assert kursk == entity_iri("place-region-de-koursk")
    assert (kursk, RDF.type, KG.Place) in graph
    assert (kursk, SKOS.prefLabel, Literal("région de Koursk")) in graph


def test_entities_are_labelled_in_each_language(graph):
    # the gazetteer's names, tagged; the build's own label is the one display name
    assert set(graph.objects(WD.Q159, RDFS.label)) == {Literal("Russie", lang="fr"), Literal("Russia", lang="en")}
    assert set(graph.objects(WD.Q159, SKOS.prefLabel)) == {Literal("Russie")}
    # not in the gazetteer: its label in the language of each article naming it
    assert set(graph.objects(entity_iri("place-region-de-koursk"), RDFS.label)) == {
        Literal("région de Koursk", lang="fr"), Literal("région de Koursk", lang="en")}


def test_dates_have_xsd_date_bounds(graph):
    for claim in graph.subjects(KG.date, Literal("2024-11", datatype=XSD.gYearMonth)):
        assert graph.value(claim, KG.dateEarliest) == Literal("2024-11-01", datatype=XSD.date)
        assert graph.value(claim, KG.dateLatest) == Literal("2024-11-30", datatype=XSD.date)


def test_ontology_imports_nothing_and_declares_the_prov_terms_it_uses(graph, ontology):
    from rdflib import OWL

    assert not list(ontology.objects(None, OWL.imports))
    used = {term for triple in graph for term in triple if str(term).startswith(str(PROV))}
    for term in used:
        assert ontology.value(term, RDFS.label) is not None, term


def test_dates_are_typed_by_precision(graph):
    datatypes = {o.datatype for o in graph.objects(None, KG.date)}
    assert datatypes == {XSD.date, XSD.gYearMonth}
    assert (DOC["en-deployment"], None, Literal("2024-11", datatype=XSD.gYearMonth)) in graph


def test_quantity_node(graph):
    quantities = {(graph.value(q, KG.value), graph.value(q, KG.low), graph.value(q, KG.high),
                   graph.value(q, KG.approximate), graph.value(q, KG.unit))
                  for q in graph.subjects(RDF.type, KG.Quantity)}
    assert (Literal(11000), None, None, Literal(True), Literal("soldier")) in quantities
    assert (None, Literal(8000000), Literal(9000000), Literal(False), Literal("shell")) in quantities


def test_obligation_and_statement_stance_are_concepts(graph):
    assert set(graph.objects(None, KG.obligation)) == {OBLIGATION.defense}
    assert set(graph.objects(None, KG.statementStance)) == {STANCE.oppose}


def test_evidence_and_attributions(graph, fixture_corpus):
    claim = next(c for c in fixture_corpus.claims if c.type == "troop_deployment" and c.doc.startswith("fr"))
    node = next(graph.subjects(KG.id, Literal(claim.id)))
    assert graph.value(node, KG.alleged) == Literal(True)
    evidence = sorted(graph.objects(node, PROV.wasDerivedFrom))
    assert [graph.value(e, KG.start).toPython() for e in evidence] == [e.start for e in claim.evidence]
    assert graph.value(evidence[0], KG.document) == DOC["fr-ratification"]
    stances = {(graph.value(a, KG.claimant), graph.value(a, KG.stance))
               for a in graph.objects(node, KG.attribution)}
    assert stances == {(WD.Q212, STANCE.claims), (WD.Q423, STANCE.denies), (WD.Q159, STANCE.no_comment)}


def test_prov_attributes_a_claim_only_to_who_claims_or_confirms_it(graph, fixture_corpus):
    claim = next(c for c in fixture_corpus.claims if c.type == "troop_deployment" and c.doc.startswith("fr"))
    node = next(graph.subjects(KG.id, Literal(claim.id)))
    # Ukraine claims it; North Korea denies it and Russia will not comment: not its authors
    assert set(graph.objects(node, PROV.wasAttributedTo)) == {WD.Q212}
    qualified = list(graph.objects(node, PROV.qualifiedAttribution))
    assert [(graph.value(a, PROV.agent), graph.value(a, KG.stance)) for a in qualified] == [(WD.Q212, STANCE.claims)]
    assert all((a, RDF.type, PROV.Attribution) in graph for a in qualified)
    denial = next(a for a in graph.objects(node, KG.attribution) if graph.value(a, KG.stance) == STANCE.denies)
    assert (denial, RDF.type, PROV.Attribution) not in graph and graph.value(denial, PROV.agent) is None


def test_claims_without_attribution_are_stated_by_the_article(graph):
    signing = claims_of(graph, KG.TreatySigning)[0]
    assert graph.value(signing, KG.alleged) == Literal(False)


def test_event_groups_reports_across_articles(graph):
    (event,) = graph.subjects(RDF.type, KG.Event)
    reports = set(graph.objects(event, KG.report))
    assert {graph.value(r, KG.document) for r in reports} == {DOC["fr-ratification"], DOC["en-deployment"]}


def test_documents_are_prov_entities(graph):
    doc = DOC["fr-ratification"]
    assert (doc, RDF.type, PROV.Entity) in graph
    assert graph.value(doc, DCTERMS.issued) == Literal("2024-11-12", datatype=XSD.date)
    assert graph.value(doc, KG.url).datatype == XSD.anyURI


def test_entity_named_only_by_a_claim_still_gets_type_and_label(fixture_corpus):
    corpus = Corpus(fixture_corpus.documents, [], fixture_corpus.claims)
    graph = corpus_to_rdf(corpus)
    assert (WD.Q212, RDF.type, KG.Country) in graph  # Ukraine: only a claimant


def test_ids_that_are_not_iri_safe_are_escaped(fixture_corpus):
    claim = fixture_corpus.claims[0]
    claim.doc = 'fr 01/"x"'
    text = serialize_corpus(Corpus([], [], [claim]), "nt")
    assert Graph().parse(data=text, format="nt")


def test_every_term_used_is_declared_with_label_and_comment(graph, ontology):
    used = {term for triple in graph for term in triple if str(term).startswith(str(KG))}
    used |= {o for o in graph.objects(None, KG.obligation)} | {o for o in graph.objects(None, KG.stance)}
    for term in used:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


def test_ontology_covers_every_claim_type_and_role(ontology):
    for declared in claim_types():
        assert (claim_class(declared.name), RDFS.subClassOf, KG.Claim) in ontology
        for role in declared.role_names:
            assert (role_property(role), RDFS.subPropertyOf, KG.role) in ontology


def test_every_declared_term_has_label_and_comment(ontology):
    for subject in set(ontology.subjects(RDF.type, None)):
        assert ontology.value(subject, RDFS.label) is not None, subject
        assert ontology.value(subject, RDFS.comment) is not None, subject


def test_quads_are_sorted(fixture_corpus):
    quads = corpus_quads(fixture_corpus)
    assert quads == sorted(quads, key=lambda q: (q[3] or "", q[0], q[1], q[2].n3()))


def test_write_turtle_is_atomic_and_readable(tmp_path, fixture_corpus, graph):
    path = tmp_path / "out" / "graph.ttl"
    write_turtle(fixture_corpus, path)
    assert [p.name for p in path.parent.iterdir()] == ["graph.ttl"]
    assert isomorphic(Graph().parse(path), graph)


def test_streamed_turtle_is_oxigraph_on_all_sorted_quads(fixture_corpus, tmp_path):
    """graph.ttl, written graph by graph, is what Oxigraph writes for the whole corpus's
    sorted statements at once (prefix lines sorted): the same bytes as before streaming."""
    import pyoxigraph as ox

    from kg.namespace import PREFIXES

    def term(value):
        if isinstance(value, Literal):
            if value.language:
                return ox.Literal(str(value), language=value.language)
            if value.datatype:
                return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
            return ox.Literal(str(value))
        return ox.NamedNode(str(value))

    triples = [ox.Triple(*map(term, quad[:3])) for quad in corpus_quads(fixture_corpus)]
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES)).decode("utf-8")
    lines = text.split("\n")
    expected = "\n".join(sorted(line for line in lines if line.startswith("@prefix "))
                         + [line for line in lines if not line.startswith("@prefix ")])
    assert serialize_corpus(fixture_corpus, "turtle") == expected
    write_turtle(fixture_corpus, tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").read_bytes() == expected.encode("utf-8")
