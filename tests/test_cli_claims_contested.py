"""kg claims --contested, through click's CliRunner, over tests/fixtures/events: one
deployment of North Korean troops to Kursk reported by three articles (11,000 per
Kyiv and 10,000-12,000 per Seoul in one article, about 10,000 per the Pentagon,
denied by Pyongyang), a ratification reported twice in agreement, and two visits
at incompatible dates."""
import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.events import CONTEST_COLUMNS

FIXTURE = str(Path(__file__).parent / "fixtures" / "events")


def run(*args, graph=FIXTURE):
    return CliRunner().invoke(main, ["claims", "--contested", "--graph", graph, *args])


def test_help_documents_the_option():
    result = CliRunner().invoke(main, ["claims", "--help"])
    assert result.exit_code == 0 and "--contested" in result.output
    assert "kg claims --contested" in result.output


def test_every_report_of_the_disputed_deployment_side_by_side():
    result = run("--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["type"] for r in rows} == {"troop_deployment"}  # agreeing ratifications are not listed
    assert len({r["event"] for r in rows}) == 1
    sides = {(r["claimant"], r["stance"], r["count"], r["doc"]) for r in rows}
    assert sides == {("Ukraine", "claims", "11000 soldier", "fr-kursk"),
                     ("South Korea", "claims", "10000-12000 soldier", "fr-kursk"),
                     ("United States", "claims", "~10000 soldier", "en-pentagon"),
                     ("North Korea", "denies", "", "en-pyongyang")}
    assert rows[0]["contest"] == "counts, denied"
    assert "North Korea denies" in rows[0]["reasons"]
    assert all(r["evidence"] for r in rows)


def test_the_event_is_the_one_the_build_wrote():
    claims = [json.loads(line) for line in (Path(FIXTURE) / "claims.jsonl").read_text().splitlines()]
    rows = json.loads(run("--format", "json").output)
    assert {r["event"] for r in rows} == {c.get("event") for c in claims if c["type"] == "troop_deployment"}


def test_csv_has_the_columns_and_one_row_per_side():
    result = run("--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == CONTEST_COLUMNS and len(rows) == 4


def test_table_is_the_default():
    result = run()
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split() == CONTEST_COLUMNS
    assert "10000-12000 soldier" in result.output


def test_type_and_doc_filter_the_sides():
    assert run("--type", "visit", "--format", "json").output.strip() == "[]"
    rows = json.loads(run("--doc", "fr-kursk", "--format", "json").output)
    assert {r["claimant"] for r in rows} == {"Ukraine", "South Korea"}


def test_missing_build_is_a_one_line_error(tmp_path):
    result = run(graph=str(tmp_path))
    assert result.exit_code == 1 and "no build here" in result.output
    assert "Traceback" not in result.output
