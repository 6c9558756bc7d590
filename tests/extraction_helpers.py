"""Shared helpers for the extraction tests: build one article, pick claims."""
from kg.extract.pipeline import extract_corpus
from kg.model import Document


def extract(body: str, lang: str, published: str = "2025-03-14"):
    """The corpus extracted from one article ``body``."""
    return extract_corpus([Document(id="t", body=body, lang=lang, published=published)])


def of_type(corpus, claim_type):
    found = [c for c in corpus.claims if c.type == claim_type]
    assert found, f"no {claim_type} in {[c.type for c in corpus.claims]}"
    return found


def labels(claim, role):
    return sorted(r.label for r in claim.roles.get(role, []))


def stances(claim):
    return {(a.claimant.label, a.stance) for a in claim.attributions}
