"""kg build - : one article, or JSON Lines of articles, from standard input."""
import json

from click.testing import CliRunner

from kg.cli import main

ARTICLE = ("---\ntitle: Rencontre à Varsovie\npublished: Wed, 19 Jun 2024 08:30:00 GMT\n---\n"
           "Le ministre polonais de la Défense a reçu mercredi à Varsovie son homologue ukrainien.\n")
RECORDS = [{"id": "one", "text": "The Danish prime minister visited Kyiv on Monday to meet the Ukrainian president."},
           {"id": "two", "text": "Le président finlandais s'est rendu mardi à Oslo pour rencontrer le Premier ministre norvégien."}]


def documents(out):
    return [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]


def test_one_article_from_standard_input(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-", "-o", str(out), "-q"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    [document] = documents(out)
    assert (document["id"], document["path"], document["title"], document["published"]) == (
        "stdin", "-", "Rencontre à Varsovie", "2024-06-19")
    assert document["body"] == ARTICLE.split("---\n", 2)[2]


def test_json_lines_from_standard_input_with_a_bad_line(tmp_path):
    out = tmp_path / "out"
    lines = [json.dumps(RECORDS[0]), "{broken", json.dumps(RECORDS[1])]
    result = CliRunner().invoke(main, ["build", "-", "-o", str(out), "-q"], input="\n".join(lines))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("kg: skipped -:2: not valid JSON")
    assert sorted(d["id"] for d in documents(out)) == ["one", "two"]


def test_nothing_on_standard_input_is_an_error(tmp_path):
    result = CliRunner().invoke(main, ["build", "-", "-o", str(tmp_path / "out"), "-q"], input="")
    assert result.exit_code == 1
    assert "-: nothing on standard input" in result.stderr


def test_records_from_standard_input_are_placed_by_line(tmp_path):
    out = tmp_path / "out"
    lines = [json.dumps({"text": RECORDS[0]["text"]}), "", json.dumps({"text": RECORDS[1]["text"]})]
    result = CliRunner().invoke(main, ["build", "-", "-o", str(out), "-q"], input="\n".join(lines))
    assert result.exit_code == 0, result.output
    assert sorted((d["id"], d["path"]) for d in documents(out)) == [("stdin-1", "-:1"), ("stdin-3", "-:3")]
