"""French extraction on sentences written for these tests (not from any corpus)."""
from functools import partial

import pytest

from extraction_helpers import extract as _extract, labels, of_type, stances

extract = partial(_extract, lang="fr")


def test_deployment_with_count_place_and_claimant():
    corpus = extract("Près de 4 000 soldats biélorusses ont été déployés en Pologne, selon Varsovie.")
    claim = of_type(corpus, "troop_deployment")[0]
    assert labels(claim, "sender") == ["Belarus"]
    assert labels(claim, "location") == ["Poland"]
    assert claim.quantity.value == 4000 and claim.quantity.approximate
    assert stances(claim) == {("Poland", "claims")}


def test_alongside_is_not_the_sender():
    corpus = extract("Selon Kiev, 3 000 soldats iraniens combattent aux côtés des forces russes dans le Donbass.")
    claim = of_type(corpus, "troop_deployment")[0]
    assert labels(claim, "sender") == ["Iran"]
    assert labels(claim, "alongside") == ["Russia"]


def test_two_counts_in_one_sentence_give_two_deployments():
    corpus = extract("Environ 6 000 militaires turcs ont été envoyés en Syrie, dont quelque 2 000 "
                     "se trouvent dans la région d'Idleb, a affirmé Damas.")
    counts = sorted(c.quantity.value for c in of_type(corpus, "troop_deployment"))
    assert counts == [2000, 6000]


def test_a_denial_after_the_report_applies_to_it():
    corpus = extract("Selon Washington, 2 000 soldats cubains sont stationnés au Venezuela. Caracas dément.")
    claim = of_type(corpus, "troop_deployment")[0]
    assert stances(claim) == {("United States", "claims"), ("Venezuela", "denies")}


def test_negated_and_future_acts_are_not_claims():
    corpus = extract("Le Japon n'a pas envoyé de soldats en Ukraine. L'Inde enverra 500 soldats au Liban.")
    assert not [c for c in corpus.claims if c.type == "troop_deployment"]


def test_military_aid_in_the_passive():
    corpus = extract("Plus de 200 missiles ont été livrés à la Russie par l'Iran, affirme Londres.")
    claim = of_type(corpus, "military_aid")[0]
    assert labels(claim, "supplier") == ["Iran"]
    assert labels(claim, "recipient") == ["Russia"]
    assert claim.quantity.low == 200


def test_position_from_a_title_and_a_demonym():
    corpus = extract("Le président turc Recep Tayyip Erdogan a reçu mardi à Ankara le chancelier allemand Olaf Scholz.")
    held = {(labels(c, "person")[0], labels(c, "organization")[0]) for c in of_type(corpus, "position_held")}
    assert ("Olaf Scholz", "Germany") in held


def test_visit_to_a_capital_keeps_the_city():
    corpus = extract("Le président français Emmanuel Macron s'est rendu lundi à Nairobi.")
    claim = of_type(corpus, "visit")[0]
    assert labels(claim, "visitor") == ["Emmanuel Macron"]
    assert labels(claim, "destination") == ["Nairobi"]
    assert claim.date == "2025-03-10"


def test_capital_as_actor_is_the_state():
    corpus = extract("Pékin dénonce les sanctions imposées par Bruxelles contre la Chine.")
    assert any(e.label == "China" for e in corpus.entities)


def test_treaty_signing_parties_and_obligation():
    corpus = extract("La Pologne et l'Ukraine ont signé à Varsovie un traité d'assistance mutuelle "
                     "en cas d'agression.")
    signing = of_type(corpus, "treaty_signing")[0]
    assert labels(signing, "parties") == ["Poland", "Ukraine"]
    assert labels(signing, "place") == ["Warsaw"]
    obligation = of_type(corpus, "treaty_obligation")[0]
    assert obligation.obligation == "defense"


def test_evidence_offsets_point_into_the_body():
    body = "Titre\n\nSelon Séoul, 1 200 soldats nord-coréens sont déployés en Russie."
    corpus = extract(body)
    for claim in corpus.claims:
        for ev in claim.evidence:
            assert body[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("surface, qid", [("nord-coréens", "Q423"), ("Moscou", "Q159"), ("Kremlin", "Q159")])
def test_entities_link_to_wikidata(surface, qid):
    corpus = extract(f"Les {surface} affirment que rien n'a changé." if surface.islower()
                     else f"{surface} affirme que rien n'a changé.")
    assert any(e.qid == qid for e in corpus.entities)


def test_a_denial_answers_only_the_reports_of_its_topic():
    corpus = extract("Selon Washington, la Biélorussie a livré à la Russie 200 missiles. "
                     "Selon Kiev, 3 000 soldats biélorusses sont stationnés en Russie. "
                     "Minsk dément toute livraison d'armes.")
    aid = of_type(corpus, "military_aid")[0]
    troops = of_type(corpus, "troop_deployment")[0]
    assert ("Belarus", "denies") in stances(aid)
    assert ("Belarus", "denies") not in stances(troops)


def test_the_two_countries_are_the_last_two_named():
    corpus = extract("L'Inde et la Russie ont resserré leurs liens. "
                     "Les deux pays ont signé en juillet un accord de défense mutuelle.")
    signing = of_type(corpus, "treaty_signing")[0]
    assert labels(signing, "parties") == ["India", "Russia"]


def test_sanctioned_in_the_passive():
    corpus = extract("Deux hauts responsables iraniens ont été sanctionnés par l'Union européenne.")
    claim = of_type(corpus, "sanctions")[0]
    assert labels(claim, "imposer") == ["European Union"]
    assert labels(claim, "target") == ["Iran"]


def test_condemning_a_deployment_targets_who_deployed():
    corpus = extract("Selon Londres, 2 000 soldats biélorusses ont été déployés en Ukraine. "
                     "Les ministres polonais ont condamné ce déploiement.")
    statement = of_type(corpus, "statement")[0]
    assert statement.stance == "oppose"
    assert labels(statement, "speaker") == ["Poland"]
    assert labels(statement, "target") == ["Belarus"]


def test_support_given_to_the_object_of_the_verb():
    corpus = extract("Le président turc Recep Tayyip Erdogan a assuré l'Azerbaïdjan de son plein soutien.")
    statement = of_type(corpus, "statement")[0]
    assert statement.stance == "support"
    assert "Azerbaijan" in labels(statement, "target")


def test_unnamed_firms_of_a_country_are_a_group():
    corpus = extract("Les Vingt-Sept ont adopté des sanctions contre des sociétés iraniennes.")
    claim = of_type(corpus, "sanctions")[0]
    assert labels(claim, "target") == ["sociétés iraniennes"]
    assert [r.cls for r in claim.roles["target"]] == ["Group"]


def test_ne_plus_depuis_gives_the_last_time():
    corpus = extract("Le président français Emmanuel Macron ne s'était plus rendu en Algérie depuis août 2022.")
    visit = of_type(corpus, "visit")[0]
    assert labels(visit, "destination") == ["Algeria"]
    assert visit.date == "2022-08"
