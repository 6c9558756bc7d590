"""The claim rules read a sentence's context and return what they found; the
pipeline, not the rules, adds it to what the article remembers."""
from kg.extract.claims import frame_claims
from kg.extract.context import SentenceContext
from kg.extract.coreference import resolve_references
from kg.extract.mentions import find_mentions
from kg.nlp import pipeline


def _findings(text: str, previous: dict):
    doc = pipeline("fr")(text)
    mentions = resolve_references(doc, find_mentions(doc, "fr"), "fr")
    ctx = SentenceContext("t", "fr", next(doc.sents), mentions, "2025-03-14", previous=previous)
    return doc, ctx, frame_claims(ctx)


def test_the_rules_leave_the_articles_memory_to_the_pipeline():
    previous = {}
    _doc, ctx, found = _findings("Environ 4 000 soldats nord-coréens ont été envoyés en Russie, dont quelque "
                                 "1 500 se trouvent dans la région de Koursk, selon Séoul.", previous)
    claims = [claim for claim, _trigger in found.claims]
    assert [c.quantity.value for c in claims] == [4000, 1500]
    assert [r.label for r in claims[1].roles["sender"]] == ["North Korea"]
    assert previous == {} and ctx.previous is previous


def test_a_capital_read_as_its_state_is_returned_not_written():
    doc, _ctx, found = _findings("Des obus nord-coréens ont été livrés à Moscou en octobre.", {})
    assert [doc[i].text for i in found.read_as_state] == ["Moscou"]
    assert [r.label for r in found.claims[0][0].roles["recipient"]] == ["Russia"]
