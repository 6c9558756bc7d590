"""English official pages: on a government's own site an office that names no
state is that government's (sentences written for these tests, not from any corpus)."""
from kg.extract.pipeline import extract_corpus
from kg.model import Document

from extraction_helpers import labels, of_type


def _official(body: str, url: str | None = "https://www.war.example.gov/news/release"):
    return extract_corpus([Document(id="t", body=body, lang="en", published="2025-02-03", url=url)])


def test_an_unnamed_state_secretary_on_a_federal_site_is_its_own():
    corpus = _official("Secretary of Defense Jane Q. Marlowe met her counterparts on Tuesday.")
    claim = of_type(corpus, "position_held")[0]
    assert labels(claim, "person") == ["Jane Q. Marlowe"] and labels(claim, "organization") == ["United States"]


def test_the_same_title_elsewhere_belongs_to_nobody():
    corpus = _official("Secretary of Defense Jane Q. Marlowe met her counterparts on Tuesday.",
                       url="https://www.example-news.com/world/story")
    assert not [c for c in corpus.claims if c.type == "position_held"]


def test_a_partner_minister_keeps_the_state_named_beside_the_title():
    corpus = _official("Secretary of Defense Jane Q. Marlowe met Polish Defence Minister Tomasz Wierzba.",
                       url="https://www.defence.example.mil/article")
    held = {labels(c, "person")[0]: labels(c, "organization") for c in of_type(corpus, "position_held")}
    assert held["Tomasz Wierzba"] == ["Poland"]
    assert held["Jane Q. Marlowe"] == ["United States"]


def test_acting_with_a_partner_on_a_government_page_is_that_government_acting():
    corpus = _official("Measures Taken in Conjunction with European Union Sanctions\n\n"
                       "The Treasury designated three officials on Monday.")
    claim = of_type(corpus, "cooperation")[0]
    assert sorted(labels(claim, "parties")) == ["European Union", "United States"]


def test_the_same_heading_elsewhere_names_one_party_only():
    corpus = _official("Measures Taken in Conjunction with European Union Sanctions\n\n"
                       "The Treasury designated three officials on Monday.",
                       url="https://www.example-news.com/world/story")
    assert not [c for c in corpus.claims if c.type == "cooperation"]
