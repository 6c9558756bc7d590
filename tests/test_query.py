from pathlib import Path

import pytest

from kg.errors import BuildNotFound, QueryError
from kg.namespace import OBLIGATION, STANCE, WD
from kg.query import load_query_file, open_store, run_query
from kg.rdf import write_turtle

QUERIES = Path(__file__).parent.parent / "queries"


@pytest.fixture
def store(fixture_corpus, tmp_path):
    write_turtle(fixture_corpus, tmp_path / "graph.ttl")
    return open_store(tmp_path)


def example(name):
    return load_query_file(QUERIES / f"{name}.rq")


def test_reads_graph_ttl_or_builds_it_from_claims(fixture_build_dir, store):
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert run_query(fixture_build_dir, sparql).rows == run_query(store, sparql).rows


def test_missing_build(tmp_path):
    with pytest.raises(BuildNotFound):
        run_query(tmp_path, "ASK {}")
    with pytest.raises(BuildNotFound):
        run_query(tmp_path / "nothing.ttl", "ASK {}")


def test_unreadable_graph_is_a_build_error(tmp_path):
    (tmp_path / "graph.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(BuildNotFound, match="graph.ttl"):
        open_store(tmp_path)


def test_prefixes_are_predeclared_and_values_are_python(store):
    result = run_query(store, "SELECT ?q ?v ?a WHERE { ?q kg:value ?v ; kg:approximate ?a } ORDER BY ?v")
    assert result.columns == ["q", "v", "a"]
    assert [(row["v"], row["a"]) for row in result.rows] == [(11000, True), (12000, True)]


def test_ask_and_construct(store):
    assert run_query(store, "ASK { ?c a kg:TroopDeployment }").rows == [{"ask": True}]
    triples = run_query(store, "CONSTRUCT { ?c kg:sender ?s } WHERE { ?c kg:sender ?s }")
    assert triples.columns == ["subject", "predicate", "object"]
    assert {row["object"] for row in triples.rows} == {str(WD.Q423)}


def test_syntax_error_is_one_line(store):
    with pytest.raises(QueryError) as error:
        run_query(store, "SELECT ?x WHERE { ?x a kg:Country")
    assert "syntax" in str(error.value) and "\n" not in str(error.value)


def test_bindings_are_values(store):
    rows = run_query(store, example("alliances"), {"country_name": "Russie"}).rows
    assert {row["partner_name"] for row in rows} == {"Corée du Nord"}
    assert {row["country_name"] for row in rows} == {"Russie"}


@pytest.mark.parametrize("name", ['Russie" } UNION { ?claim ?p ?o', "Russie'}", "{?x}", 'x"\\'])
def test_a_name_with_quotes_or_braces_matches_nothing(store, name):
    assert run_query(store, example("alliances"), {"country_name": name}).rows == []
    assert run_query(store, "ASK { ?e rdfs:label ?n }", {"n": name}).rows == [{"ask": False}]


def test_bad_variable_name(store):
    with pytest.raises(QueryError, match="variable"):
        run_query(store, "ASK {}", {"a b": "x"})


def test_iri_binding(store):
    rows = run_query(store, example("alliances"), {"country": WD.Q423}).rows
    assert {row["partner_name"] for row in rows} == {"Russie"}


def test_deployments_with_claimants(store):
    rows = run_query(store, example("deployments")).rows
    stances = {(row["doc"], row["claimant_name"], row["stance"]) for row in rows}
    assert ("fr-ratification", "Ukraine", str(STANCE.claims)) in stances
    assert ("fr-ratification", "Corée du Nord", str(STANCE.denies)) in stances
    assert {row["value"] for row in rows} == {11000, 12000}


def test_contested_claims(store):
    rows = run_query(store, example("contested")).rows
    assert {row["stance"] for row in rows} == {str(STANCE.denies), str(STANCE.no_comment), None}
    counts = {(row["value"], row["other_value"]) for row in rows if row["value"] is not None}
    assert counts == {(11000, 12000), (12000, 11000)}


def test_treaties_by_obligation(store):
    rows = run_query(store, example("treaties_by_obligation"), {"obligation": OBLIGATION.defense}).rows
    assert {row["party_name"] for row in rows} == {"Corée du Nord", "Russie"}


def test_claims_by_type(store):
    rows = {row["type"].rsplit("#")[-1]: (row["claims"], row["alleged_claims"])
            for row in run_query(store, example("claims_by_type")).rows}
    assert rows["TroopDeployment"] == (2, 2) and rows["TreatySigning"] == (1, 0)


def test_unreadable_query_file(tmp_path):
    with pytest.raises(QueryError, match="nope.rq"):
        load_query_file(tmp_path / "nope.rq")


def test_every_example_query_is_documented():
    guide = (QUERIES.parent / "docs" / "querying.md").read_text(encoding="utf-8")
    for query in QUERIES.glob("*.rq"):
        assert f"`{query.name}`" in guide, query.name
        assert query.read_text(encoding="utf-8").startswith("# "), f"{query.name}: say what it answers"
