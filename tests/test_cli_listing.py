"""kg claims and kg entities, through click's CliRunner, over tests/fixtures/build
(three articles, nine claims, eleven entities)."""
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.listing import CLAIM_COLUMNS, ENTITY_COLUMNS

BUILD = Path(__file__).parent / "fixtures" / "build"


def run(*args, graph=BUILD):
    result = CliRunner().invoke(main, [*args, "--graph", str(graph)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def fixture_rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (BUILD / name).read_text(encoding="utf-8").splitlines()]


# -- kg claims


def test_claims_jsonl_gives_back_the_records_of_the_build():
    result = run("claims", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.output.splitlines()] == fixture_rows("claims.jsonl")


def test_claims_json_is_one_array():
    result = run("claims", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == fixture_rows("claims.jsonl")


def test_claims_csv_has_one_flat_row_per_claim():
    result = run("claims", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == CLAIM_COLUMNS
    assert [r["id"] for r in rows] == [c["id"] for c in fixture_rows("claims.jsonl")]
    deployment = next(r for r in rows if r["id"] == "cbc26b7caf2fc735")
    assert deployment["type"] == "troop_deployment" and "sender=Corée du Nord" in deployment["roles"]


def test_claims_table_is_the_default():
    result = run("claims")
    assert result.exit_code == 0, result.output
    header, rule, *lines = result.output.splitlines()
    assert header.split() == CLAIM_COLUMNS
    assert set(rule) <= {"-", " "}
    assert len(lines) == len(fixture_rows("claims.jsonl"))


def test_claims_by_type():
    result = run("claims", "--type", "military_aid", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.output.splitlines()]
    assert ids == ["ad7f005d6fcae17e", "c6c8105dc16054fd"]


def test_claims_by_document_and_type():
    result = run("claims", "--doc", "fr-ratification", "--type", "troop_deployment", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["doc"], r["type"], r["id"]) for r in rows] == [
        ("fr-ratification", "troop_deployment", "cbc26b7caf2fc735")]


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_an_article_with_no_claims_of_the_type_lists_none(fmt):
    result = run("claims", "--doc", "fr-ratification", "--type", "sanctions", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output) == []
    elif fmt == "jsonl":
        assert result.output == ""


@pytest.mark.parametrize("extra", [[], ["--contested"], ["--format", "jsonl"]])
def test_an_unknown_article_is_an_error_naming_close_ids(extra):
    result = run("claims", "--doc", "fr-ratificaton", *extra)
    assert result.exit_code == 1
    assert result.output == (f"Error: no article 'fr-ratificaton' in {BUILD} (an article's id is its file's stem); "
                             "did you mean: fr-ratification?\n")


def test_an_unknown_claim_type_is_refused():
    result = run("claims", "--type", "invasion")
    assert result.exit_code == 2 and "invasion" in result.output


# -- kg entities


def test_entities_jsonl_gives_back_the_records_of_the_build():
    result = run("entities", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.output.splitlines()] == fixture_rows("entities.jsonl")


def test_entities_by_class():
    result = run("entities", "--class", "Country", "--format", "json")
    assert result.exit_code == 0, result.output
    assert {e["label"] for e in json.loads(result.output)} == {
        "Russie", "Ukraine", "États-Unis", "Corée du Nord", "Corée du Sud"}


def test_entities_csv_counts_mentions_and_documents():
    result = run("entities", "--class", "Person", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ENTITY_COLUMNS
    assert {r["qid"] for r in rows} == {"Q56226", "Q7747"}
    expected = {e["id"]: e for e in fixture_rows("entities.jsonl")}
    for row in rows:
        mentions = expected[row["id"]]["mentions"]
        assert int(row["mentions"]) == len(mentions)
        assert int(row["docs"]) == len({m["doc"] for m in mentions})


def test_entities_table():
    result = run("entities", "--class", "Treaty")
    assert result.exit_code == 0, result.output
    header, _rule, *lines = result.output.splitlines()
    assert header.split() == ENTITY_COLUMNS
    assert len(lines) == 1 and "traité de partenariat stratégique global" in lines[0]


# -- a folder that holds no build


@pytest.mark.parametrize("command", ["claims", "entities"])
def test_an_empty_graph_folder_is_a_one_line_error(tmp_path, command):
    result = run(command, graph=tmp_path)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("Error: ") and str(tmp_path) in result.output
    assert "kg build" in result.output  # says what to do


def test_a_corrupt_claims_file_is_a_one_line_error(tmp_path):
    for name in ("claims.jsonl", "entities.jsonl", "documents.jsonl"):
        (tmp_path / name).write_bytes((BUILD / name).read_bytes())
    with open(tmp_path / "claims.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"id": "cut in the midd\n')
    result = run("claims", graph=tmp_path)
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "claims.jsonl:10" in result.output
