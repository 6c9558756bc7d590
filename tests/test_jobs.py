"""`kg build --jobs N`: the articles parsed in N processes give the very same build."""
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.extract import pipeline
from kg.sources import read_sources

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"
OUTPUTS = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html",
           "explain.jsonl")


def test_two_processes_build_the_same_bytes_as_one(tmp_path, monkeypatch):
    # one article per batch, so that the few fixtures keep both parser processes busy
    monkeypatch.setattr(pipeline, "_BATCH", 1)
    documents, _problems = read_sources([GOOD])
    assert pipeline._processes(2, [d for d in documents if d.lang == "fr"]) == 2
    builds = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        result = CliRunner().invoke(main, ["build", str(GOOD), "-o", str(out), "--jobs", str(jobs), "-q"])
        assert result.exit_code == 0, result.output
        builds[jobs] = {name: (out / name).read_bytes() for name in OUTPUTS}
    assert b'"type"' in builds[1]["claims.jsonl"]  # the fixtures do give claims
    for name in OUTPUTS:
        assert builds[2][name] == builds[1][name], name


def test_never_more_processes_than_batches(monkeypatch):
    documents, _problems = read_sources([GOOD])
    assert pipeline._processes(8, documents) == 1  # a handful of articles fill one batch
    monkeypatch.setattr(pipeline, "_BATCH", 1)
    assert pipeline._processes(1, documents) == 1
    assert pipeline._processes(8, documents) == len(documents)
