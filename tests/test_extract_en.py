"""English extraction on sentences written for these tests, read twice: with the
verified English parser, and by word order (what kg does when the model is
missing or fails its sha256 check)."""
from functools import partial

import pytest
from extraction_helpers import extract as _extract, labels, of_type, stances

import kg.extract.pipeline
import kg.nlp

extract = partial(_extract, lang="en")


@pytest.fixture(autouse=True, scope="module", params=["parse", "word order"])
def reading(request):
    if request.param == "parse":
        yield request.param
        return
    blank, real = kg.nlp.word_order_pipeline("en"), kg.nlp.pipeline
    with pytest.MonkeyPatch.context() as patch:
        for module in (kg.nlp, kg.extract.pipeline):
            patch.setattr(module, "pipeline", lambda lang: blank if lang == "en" else real(lang))
        yield request.param  # the gazetteer's matchers are built again for the other vocabulary


def test_deployment_according_to_two_sources():
    corpus = extract("According to Warsaw and Vilnius, about 3,000 Belarusian troops have been deployed "
                     "to Russia's Bryansk region.")
    claim = of_type(corpus, "troop_deployment")[0]
    assert labels(claim, "sender") == ["Belarus"]
    assert "Russia" in labels(claim, "location")
    assert claim.quantity.value == 3000 and claim.quantity.approximate
    assert stances(claim) == {("Poland", "claims"), ("Lithuania", "claims")}


def test_relative_clause_keeps_the_subject():
    corpus = extract("Italy, which had kept about 400 soldiers in Lebanon, said it would stay.")
    claim = of_type(corpus, "troop_deployment")[0]
    assert labels(claim, "sender") == ["Italy"]
    assert labels(claim, "location") == ["Lebanon"]


def test_silence_under_negation():
    corpus = extract("The Pentagon said 2,000 Iranian soldiers were sent to Syria. "
                     "Neither Tehran nor Damascus has confirmed their presence.")
    claim = of_type(corpus, "troop_deployment")[0]
    assert stances(claim) == {("United States", "claims"), ("Iran", "no_comment"), ("Syria", "no_comment")}


def test_military_aid_with_object_recipient():
    corpus = extract("Iran has handed Russia hundreds of drones, British officials said.")
    claim = of_type(corpus, "military_aid")[0]
    assert labels(claim, "supplier") == ["Iran"]
    assert labels(claim, "recipient") == ["Russia"]


def test_intentions_are_not_claims():
    corpus = extract("Canada will send 200 soldiers to Latvia. Spain did not deploy troops to Estonia.")
    assert not [c for c in corpus.claims if c.type == "troop_deployment"]


def test_titled_name_is_a_person_with_a_position():
    corpus = extract("Chilean President Gabriel Boric visited Madrid on Tuesday.")
    held = of_type(corpus, "position_held")[0]
    assert labels(held, "person") == ["Gabriel Boric"]
    assert labels(held, "organization") == ["Chile"]
    visit = of_type(corpus, "visit")[0]
    assert labels(visit, "destination") == ["Madrid"]
    assert visit.date == "2025-03-11"


def test_a_speaker_who_also_acts_keeps_his_role():
    corpus = extract("Prime Minister Mark Carney travelled to Brussels and announced new funding.")
    visit = of_type(corpus, "visit")[0]
    assert labels(visit, "visitor") == ["Mark Carney"]


def test_visiting_minister():
    corpus = extract("Talks were held in Hanoi with visiting Japanese Foreign Minister Takeshi Iwaya.")
    visit = of_type(corpus, "visit")[0]
    assert labels(visit, "visitor") == ["Takeshi Iwaya"]
    assert labels(visit, "destination") == ["Hanoi"]


def test_not_since_gives_the_last_time():
    corpus = extract("President Emmanuel Macron had not visited Algeria since 2022.")
    visit = of_type(corpus, "visit")[0]
    assert visit.date == "2022"


def test_a_denied_obligation_is_no_obligation():
    corpus = extract("Russia and Iran signed a strategic partnership treaty in Moscow in January. "
                     "The treaty does not include a mutual defence clause.")
    assert not [c for c in corpus.claims if c.type == "treaty_obligation"]


def test_a_proposal_is_not_a_deployment():
    corpus = extract("France and Britain have proposed sending several thousand troops to Ukraine.")
    assert not [c for c in corpus.claims if c.type == "troop_deployment"]


def test_a_second_count_in_a_sentence_continues_the_first():
    corpus = extract("North Korea has sent about 3,000 more troops to Russia this year, adding to "
                     "some 11,000 deployed last autumn, South Korea's military said.")
    senders = {labels(c, "sender")[0] for c in of_type(corpus, "troop_deployment")}
    assert senders == {"North Korea"}


def test_condemning_the_move_targets_who_acted():
    corpus = extract("Washington has deployed about 100 troops to Israel, the Pentagon said.\n\n"
                     "Russian Foreign Minister Sergei Lavrov condemned the move.")
    statement = of_type(corpus, "statement")[0]
    assert labels(statement, "target") == ["United States"]
    for claim in corpus.claims:
        assert not claim.evidence[0].text.endswith("\n")
