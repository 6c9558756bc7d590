"""French official pages: on a state's own site the first person is that state
(sentences written for these tests, not from any corpus)."""
from kg.extract.pipeline import extract_corpus
from kg.model import Document

from extraction_helpers import labels, of_type


def _official(body: str, url: str | None = "https://www.diplomatie.gouv.fr/fr/actualites/communique"):
    return extract_corpus([Document(id="t", body=body, lang="fr", published="2025-02-03", url=url)])


def test_we_on_a_government_site_is_the_state():
    corpus = _official("Nous avons engagé, avec le Portugal, une coopération énergétique ambitieuse.")
    claim = of_type(corpus, "cooperation")[0]
    assert labels(claim, "parties") == ["France", "Portugal"]


def test_we_elsewhere_is_nobody():
    corpus = _official("Nous avons engagé, avec le Portugal, une coopération énergétique ambitieuse.",
                       url="https://www.example-journal.fr/monde/article")
    assert not [c for c in corpus.claims if c.type == "cooperation"]


def test_a_subdomain_of_the_government_counts_and_an_unnamed_state_minister_is_its_own():
    corpus = _official("Anne Durand, ministre déléguée chargée du commerce extérieur, a pris la parole.",
                       url="https://www.economie.gouv.fr/discours")
    claim = of_type(corpus, "position_held")[0]
    assert labels(claim, "person") == ["Anne Durand"] and labels(claim, "organization") == ["France"]


def test_a_foreign_minister_keeps_the_state_named_beside_the_title():
    corpus = _official("Le ministre tunisien des Affaires étrangères, Karim Ben Salah, a été reçu à Paris.")
    claim = of_type(corpus, "position_held")[0]
    assert labels(claim, "organization") == ["Tunisia"]
