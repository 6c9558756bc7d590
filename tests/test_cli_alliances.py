"""kg alliances, through click's CliRunner."""
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

FIXTURE = str(Path(__file__).parent / "fixtures" / "alliances")


def run(*args):
    return CliRunner().invoke(main, ["alliances", "--graph", FIXTURE, *args])


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["alliances", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "kg alliances --path" in result.output


@pytest.mark.parametrize("name", ["Corée du Nord", "North Korea", "RPDC", "Pyongyang", "Q423"])
def test_country_in_any_form_as_json(name):
    result = run(name, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["country"] for r in rows} == {"Corée du Nord"}
    assert {(r["kind"], r["partner"]) for r in rows} == {
        ("treaty", "Russie"), ("military_cooperation", "Russie"), ("deployment", "Russie"),
        ("support", "Russie")}
    [deployment] = [r for r in rows if r["kind"] == "deployment"]
    assert deployment["alleged"] is True
    assert deployment["sources"][0]["claimants"] == "Ukraine: claims; Russie: no_comment"


def test_csv_parses_and_names_the_claims():
    result = run("Russie", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    [treaty] = [r for r in rows if r["kind"] == "treaty"]
    assert "obligation: defense" in treaty["detail"]
    assert len(treaty["claims"].split("; ")) == 4 and treaty["partner_id"] == "Q423"


def test_table_by_default():
    result = run("France")
    assert result.exit_code == 0
    header, rule, *lines = result.output.splitlines()
    assert header.split()[:4] == ["country", "partner", "kind", "direction"]
    assert len(lines) == 3 and all(line.startswith("France") for line in lines)


def test_all_ties_grouped_into_blocs():
    result = run("--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["members"] for r in rows if r["bloc"] == 1][0] == ["Chine", "Corée du Nord", "Russie"]
    assert {r["kind"] for r in rows} & {"sanctions", "opposition"} == set()
    with_opposition = json.loads(run("--opposition", "--format", "json").output)
    assert {r["kind"] for r in with_opposition} >= {"sanctions", "opposition"}


def test_path_between_two_states():
    result = run("--path", "RPDC", "China", "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["hop"], r["from"], r["to"]) for r in rows if r["kind"] == "military_cooperation"] == [
        (1, "Corée du Nord", "Russie"), (2, "Russie", "Chine")]


def test_no_ties_is_not_an_error():
    result = run("Chine", "--since", "2030")
    assert result.exit_code == 0 and "no ties of Chine" in result.output


def test_unknown_country_suggests_a_close_name():
    result = run("Russsie")
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith("Error: unknown country 'Russsie'; did you mean:") and "Russie" in line


@pytest.mark.parametrize("name", ['Fr"ance', "{0}", "Ru{ssie}", "%s'"])
def test_a_name_with_quotes_or_braces_is_just_unknown(name):
    result = run(name)
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1 and "unknown country" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_build(tmp_path):
    result = CliRunner().invoke(main, ["alliances", "--graph", str(tmp_path), "Russie"])
    assert result.exit_code == 1 and "no build here" in result.output


@pytest.mark.parametrize("args", [["Russie", "--path", "France", "Chine"], ["--since", "juin 2024"],
                                  ["--since", "yesterday"], ["--since", "2024-13"], ["--since", "2023-02-29"]])
def test_usage_errors(args):
    assert run(*args).exit_code == 2
