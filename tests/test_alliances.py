"""kg.alliances: ties, allies, blocs and paths read from the claims."""
from pathlib import Path

import networkx as nx
import pytest

from kg.alliances import (ally_kinds, actor_of, alliance_rows, allies, blocs, path, path_rows,
                          resolve_actor, ties)
from kg.errors import UnknownEntity
from kg.graph import corpus_to_networkx, write_graphml
from kg.model import Claim, Corpus, Entity, Evidence
from kg.store import load_corpus

FIXTURE = Path(__file__).parent / "fixtures" / "alliances"


@pytest.fixture(scope="module")
def graph():
    return corpus_to_networkx(load_corpus(FIXTURE))


def by_kind(found):
    return {(t.kind, t.b_label) for t in found}


def test_allies_of_russia(graph):
    found = allies(graph, "Russie")
    assert {t.a for t in found} == {"Q159"}  # every tie faces the country asked about
    assert by_kind(found) == {
        ("treaty", "Corée du Nord"), ("military_cooperation", "Corée du Nord"),
        ("military_cooperation", "Chine"), ("cooperation", "Chine"),
        ("deployment", "Corée du Nord"), ("support", "Corée du Nord")}
    assert found[0].kind == "treaty"


def test_treaty_tie_tells_signing_ratifications_and_obligation(graph):
    [treaty] = [t for t in allies(graph, "Q423") if t.kind == "treaty"]
    assert treaty.partner == "Q159"
    assert treaty.treaty.startswith("Traité de partenariat stratégique global")
    assert treaty.obligations == ("defense",)
    assert treaty.signed == "2024-06"
    assert treaty.ratified == ("Corée du Nord 2024-11", "Russie 2024-11-09")
    assert {s.type for s in treaty.sources} == {"treaty_signing", "treaty_ratification", "treaty_obligation"}
    assert [s.date for s in treaty.sources] == sorted(s.date for s in treaty.sources)
    assert treaty.since == "2024-06" and not treaty.alleged


def test_deployment_is_alleged_and_keeps_its_claimants(graph):
    [deployment] = [t for t in allies(graph, "Russie") if t.kind == "deployment"]
    assert deployment.direction == "from"  # North Korea sends troops to fight alongside Russia
    assert deployment.alleged
    [source] = deployment.sources
    assert source.claimants == "Ukraine: claims; Russie: no_comment"
    assert (source.doc, source.date) == ("fr-00", "2024-11")
    assert "~11000 soldier" in deployment.detail and "région de Koursk" in deployment.detail
    assert allies(graph, "Corée du Nord")[0].facing("Q159").a == "Q159"


def test_a_minister_speaks_for_her_state(graph):
    [support] = [t for t in allies(graph, "Corée du Nord") if t.kind == "support"]
    assert (support.a, support.b, support.direction) == ("Q423", "Q159", "to")
    assert "via Choe Son Hui" in support.detail and "lutte sacrée" in support.detail
    assert actor_of(graph, "person-choe-son-hui") == "Q423"
    assert actor_of(graph, "org-armee-russe") == "Q159"  # a body stands for its state
    assert actor_of(graph, "place-region-de-koursk") is None


def test_opposition_and_sanctions_are_not_alliances(graph):
    assert {t.kind for t in ties(graph)} <= set(ally_kinds())
    assert not [t for t in allies(graph, "Union européenne") if t.b == "Q159"]
    hostile = {(t.kind, t.a_label, t.b_label) for t in ties(graph, opposition=True)} - \
        {(t.kind, t.a_label, t.b_label) for t in ties(graph)}
    assert hostile == {("sanctions", "Union européenne", "Russie"), ("opposition", "Ukraine", "Corée du Nord")}


def test_any_known_name_means_the_same_country(graph):
    names = ["Corée du Nord", "North Korea", "RPDC", "Pyongyang", "Q423", "coree du nord", "DPRK",
             "République populaire démocratique de Corée"]  # the last two: only the gazetteer knows them
    assert {resolve_actor(graph, name) for name in names} == {"Q423"}
    assert allies(graph, "RPDC") == allies(graph, "Q423")


def test_unknown_country_suggests_close_names(graph):
    with pytest.raises(UnknownEntity, match=r"unknown country 'Russsie'; did you mean: .*Russie"):
        resolve_actor(graph, "Russsie")
    with pytest.raises(UnknownEntity, match="unknown country"):
        allies(graph, 'Xq"{0}')


def test_since_keeps_ties_with_later_claims(graph):
    later = allies(graph, "Russie", since="2024-11")
    assert by_kind(later) == {("treaty", "Corée du Nord"), ("military_cooperation", "Corée du Nord"),
                              ("deployment", "Corée du Nord"), ("support", "Corée du Nord")}
    [treaty] = [t for t in later if t.kind == "treaty"]
    assert treaty.signed == "2024-06"  # the treaty is still described in full
    assert all(s.date >= "2024-11" for s in treaty.sources)
    assert by_kind(allies(graph, "France", since="2024")) == by_kind(allies(graph, "France"))
    assert allies(graph, "France", since="2025") == []


def test_blocs_are_bound_by_defence_and_military_cooperation(graph):
    found = blocs(graph)
    assert [(b.number, b.labels) for b in found] == [
        (1, ("Chine", "Corée du Nord", "Russie")), (2, ("France", "Ukraine"))]
    assert {t.kind for t in found[1].ties} == {"military_cooperation"}  # consultation does not bind
    rows = alliance_rows(graph)
    assert [r["bloc"] for r in rows] == [1] * 6 + [2] * 3 + [None]
    assert rows[-1]["country"] == "Union européenne"


def test_path_follows_alliances(graph):
    hops = path(graph, "RPDC", "China")
    assert [(h.a_label, h.b_label) for h in hops] == [("Corée du Nord", "Russie"), ("Russie", "Chine")]
    assert all(t.a == h.a for h in hops for t in h.ties)
    assert {t.kind for t in hops[1].ties} == {"military_cooperation", "cooperation"}
    rows = path_rows(hops)
    assert {r["hop"] for r in rows} == {1, 2} and rows[0]["from"] == "Corée du Nord"


def test_path_crosses_opposition_only_when_nothing_else_links(graph):
    hops = path(graph, "France", "Chine")
    assert [h.b_label for h in hops] == ["Ukraine", "Corée du Nord", "Russie", "Chine"]
    assert [t.kind for t in hops[1].ties] == ["opposition"]
    assert path(graph, "Russie", "Russie") == []


def test_no_path_between_unlinked_states():
    a, b = Entity("Q1", "Aland", "Country", "Q1"), Entity("Q2", "Belor", "Country", "Q2")
    assert path(Corpus(entities=[a, b]), "Aland", "Belor") == []


def test_queries_read_the_graphml_file_as_well(tmp_path):
    corpus = load_corpus(FIXTURE)
    write_graphml(corpus, tmp_path / "graph.graphml")
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert allies(back, "Russie") == allies(corpus, "Russie")
    assert blocs(back) == blocs(corpus)


def test_shared_build_fixture(fixture_corpus):
    found = allies(fixture_corpus, "Russie")
    assert {t.kind for t in found} == {"treaty", "military_aid", "deployment"}
    [deployment] = [t for t in found if t.kind == "deployment"]
    assert len(deployment.sources) == 2 and deployment.alleged  # two reports of one deployment


def test_a_deployment_into_a_country_is_no_tie():
    rus, ukr = Entity("Q159", "Russie", "Country", "Q159"), Entity("Q212", "Ukraine", "Country", "Q212")
    invasion = Claim("troop_deployment", "d", {"sender": [rus.ref], "location": [ukr.ref]},
                     [Evidence("d", 0, 1, "x")], "r")
    assert ties(Corpus(entities=[rus, ukr], claims=[invasion]), opposition=True) == []


def test_the_gazetteer_knows_whom_a_leader_speaks_for():
    putin = Entity("Q7747", "Vladimir Poutine", "Person", "Q7747")
    prk = Entity("Q423", "Corée du Nord", "Country", "Q423")
    speech = Claim("statement", "d", {"speaker": [putin.ref], "target": [prk.ref]},
                   [Evidence("d", 0, 1, "x")], "r", stance="support")
    [tie] = ties(Corpus(entities=[putin, prk], claims=[speech]))
    assert (tie.kind, tie.a, tie.a_label, tie.b) == ("support", "Q159", "Russia", "Q423")
    assert "via Vladimir Poutine" in tie.detail
