import csv
import io
import json

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

QUERIES = Path(__file__).parent.parent / "queries"


def run(*args):
    return CliRunner().invoke(main, ["query", *map(str, args)])


def test_inline_query_as_json(fixture_build_dir):
    result = run("SELECT ?name WHERE { ?c a kg:Country ; rdfs:label ?name } ORDER BY ?name",
                 "--graph", fixture_build_dir, "--format", "json")
    assert result.exit_code == 0, result.output
    names = [row["name"] for row in json.loads(result.output)]
    assert names[:2] == ["Corée du Nord", "Corée du Sud"] and "Russie" in names


def test_query_file_with_binding_as_csv(fixture_build_dir):
    result = run("-f", QUERIES / "alliances.rq", "--bind", "country_name=Russie",
                 "--graph", fixture_build_dir, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["partner_name"], r["obligation"]) for r in rows] == [
        ("Corée du Nord", "https://w3id.org/kg/obligation/defense")]


def test_iri_binding_and_table_compacts_iris(fixture_build_dir):
    result = run("-f", QUERIES / "alliances.rq", "--bind", "country=<http://www.wikidata.org/entity/Q423>",
                 "--graph", fixture_build_dir)
    assert result.exit_code == 0, result.output
    assert "obligation:defense" in result.output and "Russie" in result.output


def test_hostile_binding_matches_nothing(fixture_build_dir):
    result = run("-f", QUERIES / "alliances.rq", "--bind", 'country_name=x" } ?a ?b ?c {',
                 "--graph", fixture_build_dir, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_syntax_error_is_one_line(fixture_build_dir):
    result = run("SELECT ?x WHERE {", "--graph", fixture_build_dir)
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL syntax error") and result.output.count("\n") == 1


@pytest.mark.parametrize("binding", ["novalue", "=Russie", "1x=Russie", "x y=Russie", "x=<not an iri>"])
def test_a_malformed_binding_is_a_usage_error(fixture_build_dir, binding):
    result = run("ASK {}", "--bind", binding, "--graph", fixture_build_dir)
    assert result.exit_code == 2, result.output
    assert "--bind" in result.output and "Traceback" not in result.output


def test_bad_binding_and_usage(fixture_build_dir):
    assert run("--graph", fixture_build_dir).exit_code == 2
    assert run("ASK {}", "-f", QUERIES / "alliances.rq", "--graph", fixture_build_dir).exit_code == 2


def test_missing_build(tmp_path):
    result = run("ASK {}", "--graph", tmp_path)
    assert result.exit_code == 1 and "kg build" in result.output


def test_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0 and "Example:" in result.output
