"""kg.viewer without a browser: what the page holds, and that it is safe and self-contained.

The browser itself is driven in test_viewer_browser.py.
"""
import base64
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from kg.errors import BuildNotFound
from kg.model import Claim, Corpus, EntityRef, Evidence
from kg.store import load_corpus
from kg.claim_types import claim_type
from kg.viewer import (ASSETS, CONTESTED_STYLE, NODE_STYLES, STATUS_STYLES, build_view,
                       claim_pairs, ensure_viewer, layout, render_html, write_viewer)

FIXTURE = Path(__file__).parent / "fixtures" / "viewer"
# four reports of one deployment: Kyiv 11,000, Seoul 10,000-12,000, the Pentagon ~10,000, Pyongyang denies
EVENTS = Path(__file__).parent / "fixtures" / "events"
WARNING = CONTESTED_STYLE["marker"]
INJECTED = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">')


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURE)


@pytest.fixture(scope="module")
def view(corpus):
    return build_view(corpus)


@pytest.fixture(scope="module")
def html(corpus):
    return render_html(corpus)


@pytest.fixture(scope="module")
def events_view():
    return build_view(load_corpus(EVENTS))


def edges_of(view, claim_type):
    return [e for e in view.edges if e["ctype"] == claim_type]


def test_every_entity_in_a_claim_is_a_node_styled_by_its_class(corpus, view):
    in_roles = {e.id for c in corpus.claims for ents in c.roles.values() for e in ents}
    assert {n["id"] for n in view.nodes} == in_roles
    assert "Q884" not in in_roles  # South Korea only speaks (a claimant): no node
    for node in view.nodes:
        colour, shape = NODE_STYLES[node["cls"]]
        assert (node["color"]["background"], node["shape"]) == (colour, shape)
    assert len({NODE_STYLES[c] for c in NODE_STYLES}) == len(NODE_STYLES)


def test_nodes_are_sized_by_how_many_claims_they_take_part_in(view):
    size = {n["id"]: n["size"] for n in view.nodes}
    assert size["Q423"] == max(size.values())  # North Korea is in most claims
    assert size["Q159"] > size["Q18808"] > size["Q7184"]


def test_every_claim_is_drawn_and_every_edge_names_its_claim(corpus, view):
    claim_ids = {c.id for c in corpus.claims}
    assert {c for e in view.edges for c in e["claims"]} == claim_ids
    assert set(view.details["claims"]) == claim_ids
    assert len({e["id"] for e in view.edges}) == len(view.edges)
    node_ids = {n["id"] for n in view.nodes}
    assert all(e["from"] in node_ids and e["to"] in node_ids for e in view.edges)


def test_edges_are_labelled_by_type_and_role():
    deployment = edges_of(build_view(load_corpus(FIXTURE)), "troop_deployment")
    # Seoul claims it, Moscow will not confirm: contested, hence the warning sign
    assert {(e["from"], e["to"], e["label"]) for e in deployment} >= {
        ("Q423", "place-koursk", f"{WARNING} troop deployment"),
        ("Q423", "Q159", f"{WARNING} troop deployment (alongside)")}


def test_alleged_and_disputed_claims_look_different_from_facts(view):
    deployment = edges_of(view, "troop_deployment")
    disputed = [e for e in deployment if e["from"] == "Q423"]  # Moscow declined to comment
    assert {e["status"] for e in disputed} == {"disputed"}
    fact = next(e for e in edges_of(view, "sanctions"))
    alleged = next(e for e in edges_of(view, "military_aid") if e["status"] == "alleged")
    assert fact["dashes"] is False and fact["color"]["color"] == claim_type("sanctions").colour
    assert alleged["dashes"] and disputed[0]["dashes"] and alleged["dashes"] != disputed[0]["dashes"]
    colours = {fact["color"]["color"], alleged["color"]["color"], disputed[0]["color"]["color"]}
    assert len(colours) == 3


def test_treaties_and_defence_obligations_stand_out(view):
    defence = edges_of(view, "treaty_obligation")
    assert defence and all(e["width"] == 6 and e["label"].startswith("defense obligation") for e in defence)
    # the parties are linked to each other, as in the GraphML file, and to their treaty
    assert {e["label"] for e in defence} == {"defense obligation", "defense obligation (treaty)"}
    assert all(e["width"] == 3 for e in edges_of(view, "treaty_signing"))
    assert all(e["width"] < 3 for e in edges_of(view, "cooperation"))
    assert next(n for n in view.nodes if n["cls"] == "Treaty")["shape"] == "star"


def test_details_hold_roles_quantity_date_attributions_and_article(corpus, view):
    claim = next(c for c in corpus.claims if c.type == "troop_deployment" and c.quantity)
    shown = view.details["claims"][claim.id]
    assert ["sender", [{"id": "Q423", "label": "Corée du Nord"}]] in shown["roles"]
    assert ["quantity", "~12000 soldier"] in shown["fields"] and shown["date"] == "2024-11"
    assert [(a["claimant"], a["stance"]) for a in shown["attributions"]] == [
        ("Corée du Sud", "claims"), ("Russie", "no_comment")]
    assert shown["evidence"][0]["text"].startswith("About 12,000 North Korean soldiers")
    document = view.details["documents"][shown["evidence"][0]["doc"]]
    assert document["title"].startswith("Seoul says") and document["url"].startswith("https://")


def test_claims_of_a_contested_event_are_marked_over_their_status_style(events_view):
    deployments = edges_of(events_view, "troop_deployment")
    assert len({c for e in deployments for c in e["claims"]}) == 4
    for edge in deployments:
        assert edge["contested"] == ["counts", "denied"]
        assert edge["label"].startswith(f"{WARNING} troop deployment") and "contested" in edge["title"]
        assert edge["shadow"]["enabled"] and edge["shadow"]["color"] == CONTESTED_STYLE["halo"]
        assert edge["font"]["color"] == CONTESTED_STYLE["colour"]
    # the line itself still says who says so: Kyiv's claim is alleged, Pyongyang's denial disputed
    drawn = {e["status"]: (e["dashes"], e["color"]["color"]) for e in deployments}
    for status in ("alleged", "disputed"):
        assert drawn[status] == (STATUS_STYLES[status]["dashes"], STATUS_STYLES[status]["colour"])
    quiet = edges_of(events_view, "treaty_ratification") + edges_of(events_view, "visit")
    assert quiet and all(e["contested"] == [] and "shadow" not in e and WARNING not in e["label"]
                         for e in quiet)
    # treaties still thick: two articles report the ratification, one edge drawn thicker for it
    ratified = edges_of(events_view, "treaty_ratification")
    assert all(e["baseWidth"] == 3 and e["count"] == 2 and e["width"] == 4.5 and e["label"].endswith("\u00d72")
               for e in ratified)
    assert events_view.details["legend"]["contested"][:3] == [
        WARNING, CONTESTED_STYLE["label"], CONTESTED_STYLE["colour"]]


def test_a_claims_details_hold_every_report_of_its_event(events_view):
    claims = events_view.details["claims"]
    kyiv = next(c for c in claims.values()
                if c["type"] == "troop_deployment" and c["attributions"][0]["claimant"] == "Ukraine")
    assert kyiv["contested"] == ["counts", "denied"]
    event = events_view.details["events"][kyiv["event"]]
    assert event["contested"] == ["counts", "denied"] and event["reasons"][0].startswith("figures differ")
    reports = [claims[r] for r in event["reports"]]  # stored once, by id: the rows come from the claims
    assert [(r["count"], r["date"], [[a["claimant"], a["stance"]] for a in r["attributions"]], r["doc"])
            for r in reports] == [
        ("~10000 soldier", "2024-11", [["United States", "claims"]], "en-pentagon"),
        ("", "2024-11-04", [["North Korea", "denies"]], "en-pyongyang"),
        ("11000 soldier", "2024-11", [["Ukraine", "claims"]], "fr-kursk"),
        ("10000-12000 soldier", "2024-11", [["South Korea", "claims"]], "fr-kursk")]
    assert all(claims[r]["event"] == kyiv["event"] for r in event["reports"])
    # two articles say Russia ratified the treaty: one event, uncontested, stated by the articles
    ratified = [c for c in claims.values() if c["type"] == "treaty_ratification"]
    assert ratified[0]["event"] == ratified[1]["event"] and ratified[0]["contested"] == []
    assert [claims[r]["attributions"] for r in events_view.details["events"][ratified[0]["event"]]["reports"]] == [
        [], []]
    # visits in June and in October are two events of one report each: no table
    assert [c["event"] for c in claims.values() if c["type"] == "visit"] == [None, None]
    assert len(events_view.details["events"]) == 2


def test_the_events_page_is_deterministic_and_keeps_reports_as_text():
    corpus = load_corpus(EVENTS)
    html = render_html(corpus)
    assert render_html(Corpus(documents=corpus.documents[::-1], entities=corpus.entities[::-1],
                              claims=corpus.claims[::-1])) == html
    script = (ASSETS / "viewer.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


def test_only_web_links_are_kept(view):
    assert view.details["documents"]["fr-evil"]["url"] is None  # it was javascript:...


def test_page_is_self_contained(html):
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=|<link\b", html, re.IGNORECASE)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "vis-network" in html and "new vis.Network" in html


def test_page_allows_only_its_own_scripts_and_no_requests(html):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    for body in re.findall(r"<script>(.*?)</script>", html, re.DOTALL):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_article_markup_never_reaches_the_page_as_markup(html, corpus):
    assert any(INJECTED[0] in e.text for c in corpus.claims for e in c.evidence)
    for payload in INJECTED:
        assert payload not in html
    assert html.count("</script>") == 4  # vis-network, the data, the graph, the viewer
    assert "\\u003cscript\\u003ewindow.__pwned=1" in html  # still there, as escaped text
    assert "innerHTML" not in (ASSETS / "viewer.js").read_text(encoding="utf-8")


def test_output_is_deterministic_whatever_the_input_order(corpus, html):
    shuffled = Corpus(documents=corpus.documents[::-1], entities=corpus.entities[::-1],
                      claims=corpus.claims[::-1])
    assert render_html(shuffled) == html


def test_positions_are_fixed_and_physics_is_off(view, html):
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in view.nodes)
    assert len({(n["x"], n["y"]) for n in view.nodes}) == len(view.nodes)
    assert '"physics": {"enabled": false}' in html


def test_layout_handles_loops_isolated_nodes_and_components():
    positions = layout(["a", "b", "c", "d", "e"], [("a", "b"), ("b", "b"), ("d", "e")])
    assert sorted(positions) == ["a", "b", "c", "d", "e"]
    assert len(set(positions.values())) == 5


def test_a_claim_with_one_entity_is_a_loop_and_an_empty_corpus_renders():
    ref = EntityRef("Q1", "One", "Q1", "Country")
    claim = Claim("sanctions", "d", {"imposer": [ref]}, [Evidence("d", 0, 1, "x")], "r")
    assert claim_pairs(claim) == [("Q1", "Q1", "imposer")]
    assert "new vis.Network" in render_html(Corpus())


def test_write_viewer_is_atomic(tmp_path, corpus):
    page = write_viewer(corpus, tmp_path / "out" / "graph.html")
    assert page.read_text(encoding="utf-8") == render_html(corpus)
    assert os.listdir(tmp_path / "out") == ["graph.html"]


def test_ensure_viewer_writes_the_page_only_when_needed(tmp_path):
    build = tmp_path / "build"
    shutil.copytree(FIXTURE, build)
    page = ensure_viewer(build)
    assert page == build / "graph.html" and page.is_file()
    os.utime(page, (1, 1))
    os.utime(build / "claims.jsonl", (0, 0))
    os.utime(build / "entities.jsonl", (0, 0))
    os.utime(build / "documents.jsonl", (0, 0))
    ensure_viewer(build)
    assert page.stat().st_mtime == 1  # up to date: left alone
    os.utime(build / "claims.jsonl", (5, 5))
    ensure_viewer(build)
    assert page.stat().st_mtime > 5  # the build changed: written again


def test_ensure_viewer_without_a_build_is_a_kg_error(tmp_path):
    with pytest.raises(BuildNotFound, match="no build here"):
        ensure_viewer(tmp_path)


def test_the_shared_build_fixture_draws_every_claim():
    corpus = load_corpus(Path(__file__).parent / "fixtures" / "build")
    view = build_view(corpus)
    assert {c for e in view.edges for c in e["claims"]} == {c.id for c in corpus.claims}


def test_the_viewer_draws_the_edges_of_the_graphml_file(corpus, view):
    """One projection of claims to edges: what the page draws is what graph.graphml holds."""
    from kg.graph import corpus_to_networkx

    drawn = sorted((c, e["from"], e["to"]) for e in view.edges if e["from"] != e["to"] for c in e["claims"])
    graph = corpus_to_networkx(corpus)
    assert drawn == sorted((data["claim"], u, v) for u, v, data in graph.edges(data=True))


def test_a_treaty_signing_links_its_states_not_a_state_to_a_signatory():
    states = [EntityRef(q, q, q, "Country") for q in ("Q159", "Q423")]
    kim = EntityRef("p-kim", "Kim", None, "Person")
    treaty = EntityRef("t", "Treaty", None, "Treaty")
    claim = Claim("treaty_signing", "d", {"parties": states, "signatories": [kim], "treaty": [treaty]},
                  [Evidence("d", 0, 1, "x")], "r")
    pairs = {(a, b) for a, b, _ in claim_pairs(claim)}
    assert ("Q159", "Q423") in pairs and ("p-kim", "t") in pairs
    assert not {("Q159", "p-kim"), ("Q423", "p-kim")} & pairs


def _many_reports(count: int) -> Corpus:
    """``count`` articles that all report one deployment (one event), each with its figure and claimant."""
    from kg.model import Attribution, Document, EntityRef, Evidence, Quantity

    prk, rus = EntityRef("Q423", "North Korea", "Q423", "Country"), EntityRef("Q159", "Russia", "Q159", "Country")
    claimants = [EntityRef(f"Q{i}", f"Claimant {i}", None, "Country") for i in range(7)]
    documents = [Document(f"doc-{i}", "", "en", f"Report {i}", "2024-11-05", None) for i in range(count)]
    claims = [Claim("troop_deployment", d.id, {"sender": [prk], "location": [rus]},
                    [Evidence(d.id, 0, 30, f"Sentence {i} about soldiers in Russia.")], "test.many",
                    date="2024-11", quantity=Quantity(value=10_000 + 100 * (i % 40), unit="soldier"),
                    attributions=[Attribution(claimants[i % 7], "claims")])
              for i, d in enumerate(documents)]
    return Corpus(documents=documents, claims=claims)


def test_reports_of_one_relationship_are_one_weighted_edge_listing_them():
    view = build_view(_many_reports(60))
    assert len(view.edges) == 1
    edge = view.edges[0]
    assert edge["count"] == 60 and len(edge["claims"]) == 60 and edge["label"].endswith("\u00d760")
    assert edge["width"] > edge["baseWidth"]
    assert view.details["limits"] == {"edges": 300, "nodes": 500, "labels": 60, "page": 20}


def test_the_page_grows_linearly_with_the_reports_of_one_event():
    """Each report of an event is stored once: no claim repeats the list of the others."""
    small, large = (len(render_html(_many_reports(n)).encode()) for n in (200, 800))
    base = len(render_html(Corpus()).encode())
    assert (large - base) < 4.4 * (small - base)  # 4 times the reports: about 4 times the data
    event = build_view(_many_reports(800)).details["events"]
    assert len(event) == 1 and len(next(iter(event.values()))["reports"]) == 800
