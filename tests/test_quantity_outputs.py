"""A count read from an article keeps its shape in every output: a range is a low and a
high bound (never one value), a sum of money has its currency as unit."""
import pytest
from rdflib import Literal

from kg.graph import corpus_to_networkx
from kg.listing import claim_rows
from kg.namespace import KG
from kg.rdf import corpus_to_rdf
from tests.extraction_helpers import extract, of_type

ARTICLES = [
    ("fr", "La Corée du Nord a envoyé 12 000 à 15 000 soldats en Russie, selon Séoul.", "troop_deployment",
     {"low": 12000, "high": 15000, "unit": "soldier"}, "12000-15000 soldier"),
    ("en", "North Korea sent between ten thousand and twelve thousand troops to Russia.", "troop_deployment",
     {"low": 10000, "high": 12000, "unit": "soldier"}, "10000-12000 soldier"),
    ("en", "The United States provided $725 million in military aid to Ukraine.", "military_aid",
     {"value": 725000000, "unit": "dollar"}, "725000000 dollar"),
]


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda article: article[0] + "-" + article[2])
def built(request):
    lang, body, claim_type, expected, text = request.param
    corpus = extract(body, lang)
    return corpus, of_type(corpus, claim_type)[0], expected, text


def test_the_claim_holds_the_count(built):
    _, claim, expected, _ = built
    assert {k: v for k, v in claim.quantity.to_dict().items() if v not in (None, False)} == expected


def test_rdf_gives_the_bounds_or_the_value(built):
    corpus, claim, expected, _ = built
    graph = corpus_to_rdf(corpus)
    (amount,) = set(graph.objects(None, KG.quantity))
    for name in ("value", "low", "high"):
        found = graph.value(amount, KG[name])
        assert (found.toPython() if found is not None else None) == expected.get(name), name
    assert graph.value(amount, KG.unit) == Literal(expected["unit"])


def test_graphml_attributes_are_numbers(built):
    corpus, claim, expected, _ = built
    edges = [d for _, _, d in corpus_to_networkx(corpus).edges(data=True) if d.get("claim") == claim.id]
    assert edges
    for data in edges:
        for name in ("value", "low", "high"):
            assert data.get(f"quantity_{name}") == (float(expected[name]) if name in expected else None)
        assert data["quantity_unit"] == expected["unit"]


def test_a_table_row_reads_the_range(built):
    corpus, claim, _, text = built
    row = next(r for r in claim_rows(corpus) if r["id"] == claim.id)
    assert row["quantity"] == text
