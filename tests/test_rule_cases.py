"""The rule suite's own machinery: how a claim spec matches, and what the schema refuses."""
from pathlib import Path

import pytest

from kg.model import Attribution, Claim, EntityRef, Quantity
from rule_cases import Case, CaseError, check_case, compact, matches

RUSSIA = EntityRef("Q159", "Russia", "Q159", "Country")
KOREA = EntityRef("Q423", "North Korea", "Q423", "Country")
KURSK = EntityRef("place-koursk", "Koursk", None, "Place")


def _claim(**fields):
    base = dict(type="troop_deployment", doc="d", roles={"sender": [KOREA], "location": [RUSSIA, KURSK]},
                evidence=[], rule="fr.troops.deploy", quantity=Quantity(value=11000, approximate=True,
                                                                          unit="soldier"),
                attributions=[Attribution(RUSSIA, "denies")])
    return Claim(**{**base, **fields})


def test_must_asks_for_exactly_the_listed_entities_and_must_not_for_at_least_them():
    claim = _claim()
    assert matches(claim, {"roles": {"location": ["Q159", "Koursk"]}}, exact=True)
    assert not matches(claim, {"roles": {"location": ["Q159"]}}, exact=True)
    assert matches(claim, {"roles": {"location": ["Q159"]}}, exact=False)
    assert not matches(claim, {"roles": {"sender": ["Q159"]}}, exact=False)


def test_listed_quantity_keys_and_null_fields():
    claim = _claim()
    assert matches(claim, {"quantity": {"value": 11000}, "date": None}, exact=True)
    assert not matches(claim, {"quantity": {"approximate": False}}, exact=True)
    assert not matches(claim, {"quantity": None}, exact=True)
    assert matches(_claim(quantity=None), {"quantity": None}, exact=True)


def test_attributions_as_a_set_of_claimant_and_stance():
    claim = _claim()
    assert matches(claim, {"attributions": [["Q159", "denies"]]}, exact=True)
    assert not matches(claim, {"attributions": []}, exact=True)
    assert "attributions=(Q159(Russia),denies)" in compact(claim)


@pytest.mark.parametrize("raw, message", [
    ({"text": "x", "must": [{"rule": "fr.troops.deploy"}], "xfial": "y"}, "unknown key 'xfial'"),
    ({"text": "x", "must": [{"rule": "fr.troops.deplyo"}]}, "no rule 'fr.troops.deplyo'"),
    ({"text": "x", "must_not": [{"type": "visit", "roles": {"sender": ["Q1"]}}]}, "visit has no role 'sender'"),
    ({"text": "x", "must": [{"type": "visit", "quantity": {"count": 1}}]}, "unknown key 'count'"),
    ({"text": "x", "must": [{"attributions": [["Q1", "says"]]}]}, "an attribution is [claimant, stance]"),
    ({"text": "x"}, "give 'must' or 'must_not'"),
])
def test_the_schema_is_closed(raw, message):
    with pytest.raises(CaseError, match=message.replace("[", r"\[")):
        check_case(Case(Path("fr-test.yaml"), 0, "fr", raw))
