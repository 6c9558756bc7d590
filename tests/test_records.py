"""kg.records: JSON Lines and CSV files of articles, one article per record."""
import csv
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.records import Fields, ReadOptions
from kg.sources import read_sources

FR = "Le ministre tchadien des Affaires étrangères a reçu mardi son homologue soudanais à N'Djamena."
EN = "The Finnish defence minister met his Estonian counterpart in Tallinn on Monday to discuss the border."


def write_jsonl(path, records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                              for r in records) + "\n", encoding="utf-8")
    return path


def test_each_jsonl_record_is_an_article_with_its_metadata(tmp_path):
    path = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "a1", "text": FR, "title": "Visite", "published": "2024-06-19T08:30:00Z", "lang": "fr",
         "url": "https://example.org/a1"},
        {"body": EN},
    ])
    documents, problems = read_sources([path])
    assert problems == []
    first, second = documents
    assert (first.id, first.body, first.title, first.published, first.lang, first.url) == (
        "a1", FR, "Visite", "2024-06-19", "fr", "https://example.org/a1")
    assert (second.id, second.body, second.lang) == ("feed-2", EN, "en")
    assert second.path == f"{path}:2"


def test_a_bad_record_is_one_problem_naming_its_line_and_the_rest_still_reads(tmp_path):
    path = write_jsonl(tmp_path / "mixed.jsonl", [
        {"id": "ok", "text": FR}, "{not json", {"title": "no text"}, ["a", "list"],
        {"id": "late", "text": EN, "published": "2024-02-30"}, {"id": "ok2", "text": EN}])
    documents, problems = read_sources([path])
    assert [d.id for d in documents] == ["ok", "ok2"]
    messages = {p.path: p.message for p in problems}
    assert set(messages) == {f"{path}:{n}" for n in (2, 3, 4, 5)}
    assert "not valid JSON" in messages[f"{path}:2"]
    assert "no article text" in messages[f"{path}:3"]
    assert "JSON object" in messages[f"{path}:4"]
    assert "'2024-02-30' is not a real date" in messages[f"{path}:5"]
    assert all("\n" not in str(p) for p in problems)


def test_csv_columns_and_configured_field_names(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ref", "content", "date", "headline"])
        writer.writerow(["x1", FR + "\nUne deuxième ligne, avec une virgule.", "Wed, 19 Jun 2024 08:30:00 GMT", "T"])
        writer.writerow(["x2", EN, "2024-07-01", ""])
    fields = Fields.parse(["id=ref", "published=date", "title=headline"], text="content")
    documents, problems = read_sources([path], options=ReadOptions(fields=fields))
    assert problems == []
    assert [(d.id, d.published, d.title) for d in documents] == [("x1", "2024-06-19", "T"), ("x2", "2024-07-01", None)]
    assert documents[0].body.endswith("avec une virgule.")


def test_duplicate_record_ids_are_reported(tmp_path):
    path = write_jsonl(tmp_path / "dup.jsonl", [{"id": "same", "text": FR}, {"id": "same", "text": EN}])
    documents, problems = read_sources([path])
    assert [d.id for d in documents] == ["same"]
    assert [p.path for p in problems] == [f"{path}:2"] and "duplicate" in problems[0].message


def test_a_bad_field_option_is_one_line():
    with pytest.raises(InputError, match="KEY=FIELD"):
        Fields.parse(["colour=red"])


def test_kg_build_reads_a_jsonl_file_and_reports_bad_lines(tmp_path):
    path = write_jsonl(tmp_path / "articles.jsonl", [
        {"id": "fi-ee", "content": EN, "published": "2024-03-04"}, "][", {"id": "td", "content": FR}])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "-q", "--text-field", "content"])
    assert result.exit_code == 0, result.output
    assert f"kg: skipped {path}:2: not valid JSON" in result.stderr
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert sorted(d["id"] for d in documents) == ["fi-ee", "td"]
