"""Tables fit the terminal: with COLUMNS=80 no line of any command's table is longer,
long cells are cut with "…", and other formats keep every character."""
import json

import pytest
from click.testing import CliRunner

from kg.cli import main

COMMANDS = [
    ["claims"],
    ["claims", "--contested"],
    ["entities"],
    ["alliances"],
    ["alliances", "Russie"],
    ["query", "SELECT ?claim ?text WHERE { ?claim prov:wasDerivedFrom ?e . ?e kg:text ?text }"],
]


def run(args, fixture_build_dir, columns):
    env = {"COLUMNS": str(columns)} if columns else {}
    return CliRunner(env=env).invoke(main, [*args, "--graph", str(fixture_build_dir)])


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_table_fits_eighty_columns(args, fixture_build_dir):
    wide = run(args, fixture_build_dir, 1000)
    assert wide.exit_code == 0, wide.output
    narrow = run(args, fixture_build_dir, 80)
    assert narrow.exit_code == 0, narrow.output
    assert max(map(len, narrow.output.splitlines())) <= 80
    assert len(narrow.output.splitlines()) == len(wide.output.splitlines())  # cut, not wrapped


def test_a_long_cell_is_cut_and_json_keeps_it_whole(fixture_build_dir):
    query = COMMANDS[-1]
    table = run(query, fixture_build_dir, 80).output
    assert "…" in table
    rows = json.loads(CliRunner(env={"COLUMNS": "80"}).invoke(
        main, [*query, "--graph", str(fixture_build_dir), "--format", "json"]).output)
    assert max(len(row["text"]) for row in rows) > 80


def test_a_short_table_is_left_as_it_is(fixture_build_dir):
    args = ["query", "SELECT ?name WHERE { ?c a kg:Country ; skos:prefLabel ?name } ORDER BY ?name"]
    assert run(args, fixture_build_dir, 80).output == run(args, fixture_build_dir, 1000).output
