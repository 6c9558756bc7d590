"""kg.events: reports of one fact grouped into events, and the events sources dispute."""
import random

import pytest

from kg.events import (assign_events, contested, contested_rows, core_key, event_fields,
                       group_events, quantities_disagree)
from kg.model import Attribution, Claim, Corpus, EntityRef, Evidence, Quantity

PRK = EntityRef("Q423", "North Korea", "Q423", "Country")
RUS = EntityRef("Q159", "Russia", "Q159", "Country")
UKR = EntityRef("Q212", "Ukraine", "Q212", "Country")
KOR = EntityRef("Q884", "South Korea", "Q884", "Country")
USA = EntityRef("Q30", "United States", "Q30", "Country")
KURSK = EntityRef("place-kursk", "Kursk", None, "Place")


def deployment(doc="fr-03", *, value=None, low=None, high=None, approximate=False, date="2024-11",
               stances=(), location=KURSK, start=0):
    quantity = (Quantity(value=value, low=low, high=high, approximate=approximate, unit="soldier")
                if value or low or high else None)
    roles = {"sender": [PRK], "location": [location], "alongside": [RUS]}
    return Claim("troop_deployment", doc, roles, [Evidence(doc, start, start + 8, f"sentence {start}")],
                 "test", quantity=quantity, date=date,
                 attributions=[Attribution(who, stance) for who, stance in stances])


def event_of(events, claim):
    return next(e for e in events if claim in e.reports)


def test_reports_from_different_articles_form_one_event():
    kyiv = deployment("fr-03", value=11000, stances=[(UKR, "claims")])
    pentagon = deployment("en-02", value=10000, approximate=True, stances=[(USA, "claims")])
    (event,) = group_events([kyiv, pentagon])
    assert event.reports == [pentagon, kyiv]  # by article, then place in it
    assert event.type == "troop_deployment" and event.date == "2024-11"


def test_claims_of_one_article_with_different_counts_are_reports_of_one_event():
    kyiv = deployment(value=11000, stances=[(UKR, "claims")], start=0)
    seoul = deployment(low=10000, high=12000, stances=[(KOR, "claims")], start=200)
    (event,) = group_events([kyiv, seoul])
    assert len(event.reports) == 2


def test_same_entity_under_other_labels_is_the_same_role():
    french = deployment("fr-03")
    english = deployment("en-02")
    english.roles["sender"] = [EntityRef("Q423", "Corée du Nord", "Q423", "Country")]
    assert len(group_events([french, english])) == 1


def test_a_region_and_its_country_stay_two_events():
    assert len(group_events([deployment(location=KURSK), deployment(location=RUS, start=50)])) == 2


def test_deployment_without_location_is_keyed_by_alongside():
    with_ally = deployment()
    with_ally.roles.pop("location")
    assert core_key(with_ally)[2] == ("alongside", ("Q159",))


@pytest.mark.parametrize("dates,events", [
    (["2024-11", "2024-11-05"], 1),            # a month and a day in it
    (["2024-11", None], 1),                    # a missing date is compatible
    (["2024-10", "2024-11"], 2),               # two months
    (["2024-11-05", "2024-11-20"], 2),         # two days
    (["2024-11-05", "2024-11-20", "2024-11"], 3),  # the month could be either day: its own event
    (["2024-06", "2024-11", None], 3),         # so could an undated report
])
def test_dates_must_be_compatible(dates, events):
    claims = [deployment(date=d, start=i) for i, d in enumerate(dates)]
    assert len(group_events(claims)) == events


def test_statements_of_opposite_stance_are_different_facts():
    support = Claim("statement", "d", {"speaker": [USA], "target": [PRK]}, [], "r", stance="support")
    oppose = Claim("statement", "e", {"speaker": [USA], "target": [PRK]}, [], "r", stance="oppose")
    assert len(group_events([support, oppose])) == 2


def test_parties_compare_as_a_set():
    one = Claim("cooperation", "d", {"parties": [RUS, PRK]}, [], "r")
    other = Claim("cooperation", "e", {"parties": [PRK, RUS]}, [], "r")
    assert len(group_events([one, other])) == 1


def test_assign_events_marks_only_shared_events_and_is_deterministic():
    claims = [deployment("fr-03", value=11000), deployment("en-02", value=10000),
              deployment("en-05", date="2023-01")]
    corpus = assign_events(Corpus(claims=claims))
    assert claims[0].event and claims[0].event == claims[1].event
    assert claims[2].event is None
    ids = [c.event for c in claims]
    shuffled = [deployment("en-05", date="2023-01"), deployment("en-02", value=10000),
                deployment("fr-03", value=11000)]
    random.Random(3).shuffle(shuffled)
    assign_events(Corpus(claims=shuffled))
    assert sorted(filter(None, (c.event for c in shuffled))) == sorted(filter(None, ids))
    assert corpus.claims is claims


def test_assign_events_clears_a_stale_event():
    claim = deployment()
    claim.event = "old"
    assign_events(Corpus(claims=[claim]))
    assert claim.event is None


def test_counts_that_do_not_overlap_are_contested():
    claims = [deployment("fr-03", value=11000, stances=[(UKR, "claims")]),
              deployment("fr-03", low=10000, high=12000, stances=[(KOR, "claims")], start=100),
              deployment("en-02", value=10000, approximate=True, stances=[(USA, "claims")])]
    (contest,) = contested(group_events(claims))
    assert contest.kinds == ["counts"]
    assert [s.count for s in contest.sides] == ["~10000 soldier", "11000 soldier", "10000-12000 soldier"]
    assert contest.reasons == ["figures differ: ~10000 soldier (United States in en-02) vs 11000 soldier (Ukraine in fr-03)"]


def test_counts_that_overlap_are_not_contested():
    claims = [deployment("fr-03", value=11000, stances=[(UKR, "claims")]),
              deployment("en-02", low=10000, high=12000, stances=[(KOR, "claims")])]
    assert contested(group_events(claims)) == []


def test_denial_in_another_report_contests_the_event():
    claims = [deployment("fr-03", value=11000, stances=[(UKR, "claims")]),
              deployment("en-04", stances=[(PRK, "denies")])]
    (contest,) = contested(group_events(claims))
    assert contest.kinds == ["denied"]
    assert {side.doc: side.claimants for side in contest.sides} == {
        "fr-03": (("Ukraine", "claims"),), "en-04": (("North Korea", "denies"),)}


def test_a_claim_both_claimed_and_denied_is_contested_by_itself():
    (contest,) = contested(group_events([deployment(stances=[(UKR, "claims"), (PRK, "denies")])]))
    assert contest.kinds == ["denied"] and contest.reasons == ["North Korea denies"]


def test_an_article_stating_a_fact_that_someone_denies_is_contested():
    claims = [deployment("fr-03"), deployment("en-04", stances=[(PRK, "denies")])]
    (contest,) = contested(group_events(claims))
    assert contest.sides[1].claimants == ((None, "stated"),)


def test_a_denial_alone_is_no_contest():
    assert contested(group_events([deployment(stances=[(PRK, "denies")])])) == []


def test_no_comment_is_the_weaker_unconfirmed():
    (contest,) = contested(group_events([deployment(stances=[(UKR, "claims"), (RUS, "no_comment")])]))
    assert contest.kinds == ["unconfirmed"] and contest.reasons == ["Russia does not comment"]


def test_different_units_never_contest():
    assert not quantities_disagree(Quantity(value=8e6, unit="shell"), Quantity(value=100, unit="missile"))


@pytest.mark.parametrize("first,second,disagree", [
    (Quantity(value=11000), Quantity(value=12000), True),
    (Quantity(value=11000, approximate=True), Quantity(value=12000, approximate=True), True),
    (Quantity(value=11000, approximate=True), Quantity(value=11400), False),  # within 5%
    (Quantity(value=11000), Quantity(low=10000, high=12000), False),
    (Quantity(value=13000), Quantity(low=10000, high=12000), True),
    (Quantity(low=10000), Quantity(value=20000), False),                     # "at least 10,000"
    (Quantity(high=5000), Quantity(value=8000), True),                       # "up to 5,000"
])
def test_quantities_disagree(first, second, disagree):
    assert quantities_disagree(first, second) is disagree
    assert quantities_disagree(second, first) is disagree


def test_contested_rows_one_per_side_and_filters(fixture_corpus):
    rows = contested_rows(fixture_corpus)
    assert {r["type"] for r in rows} == {"troop_deployment", "military_aid"}
    assert {r["event"] for r in rows if r["type"] == "troop_deployment"} == {
        next(e.id for e in group_events(fixture_corpus.claims) if e.type == "troop_deployment")}
    strong = contested_rows(fixture_corpus, weakest="denied")
    assert all("unconfirmed" != r["contest"] for r in strong)
    assert contested_rows(fixture_corpus, claim_type="visit") == []


def test_event_fields_for_the_viewer():
    claims = [deployment("fr-03", value=11000, stances=[(UKR, "claims")]),
              deployment("en-04", stances=[(PRK, "denies")]),
              deployment("en-05", date="2023-01")]
    fields = event_fields(claims)
    assert set(fields) == {claims[0].id, claims[1].id}
    names = [name for name, _ in fields[claims[0].id]]
    assert names == ["event", "contested"]
    assert fields[claims[0].id][1][1].startswith("denied: North Korea denies")


EVENTS_FIXTURE = __import__("pathlib").Path(__file__).parent / "fixtures" / "events"


def test_viewer_shows_the_event_and_the_dispute_in_claim_details():
    from kg.store import load_corpus
    from kg.viewer import build_view

    view = build_view(load_corpus(EVENTS_FIXTURE)).details
    details, events = view["claims"], view["events"]
    deployments = [d for d in details.values() if d["type"] == "troop_deployment"]
    assert len(deployments) == 4 and len({d["event"] for d in deployments}) == 1
    # the event and its dispute are stored once, and each report names it by id
    event = events[deployments[0]["event"]]
    assert sorted(details[r]["doc"] for r in event["reports"]) == ["en-pentagon", "en-pyongyang", "fr-kursk", "fr-kursk"]
    assert event["contested"] == ["counts", "denied"]
    assert event["reasons"][0].startswith("figures differ: ~10000 soldier (United States")
    assert all(d["event"] is None or not events[d["event"]]["contested"]
               for d in details.values() if d["type"] == "visit")


def test_rdf_groups_the_reports_under_one_event_node():
    from rdflib import RDF

    from kg.namespace import KG
    from kg.rdf import corpus_to_rdf
    from kg.store import load_corpus

    graph = corpus_to_rdf(assign_events(load_corpus(EVENTS_FIXTURE)))
    sizes = sorted(len(set(graph.objects(e, KG.report))) for e in graph.subjects(RDF.type, KG.Event))
    assert sizes == [2, 4]  # the deployment, the ratification; the two visits stay apart


def test_many_reports_of_one_fact_are_compared_by_distinct_date_and_figure(monkeypatch):
    """Ten thousand reports of one fact: each distinct date finds its event once and each
    distinct figure is compared once, never every report with every other."""
    import kg.events as events

    calls = {"dates": 0, "figures": 0}

    def counting(name, function):
        def counted(*args):
            calls[name] += 1
            return function(*args)
        return counted

    monkeypatch.setattr(events, "dates_compatible", counting("dates", events.dates_compatible))
    monkeypatch.setattr(events, "quantities_disagree", counting("figures", events.quantities_disagree))
    dates, figures = ("2024-11", "2024-11-05", "2024-10", None), (11000, 12000, 10000)
    reports = [deployment(f"doc-{n}", value=figures[n % 3], date=dates[n % 4], stances=[(UKR, "claims")])
               for n in range(10_000)]
    found = events.group_events(reports)
    assert sum(len(e.reports) for e in found) == 10_000
    assert len(events.contested(found)) >= 1
    assert calls["dates"] <= 50 and calls["figures"] <= 100
