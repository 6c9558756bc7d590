"""`kg build --jobs N`: the articles read in N processes give the very same build."""
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.extract import pipeline
from kg.sources import read_sources

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"
OUTPUTS = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html",
           "explain.jsonl")


def test_two_processes_build_the_same_bytes_as_one(tmp_path, monkeypatch):
    # one article per chunk, so that the few fixtures (French and English mixed) keep both processes busy
    monkeypatch.setattr(pipeline, "_CHUNK", 1)
    documents, _problems = read_sources([GOOD])
    assert pipeline._workers(2, documents) == 2
    builds = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        result = CliRunner().invoke(main, ["build", str(GOOD), "-o", str(out), "--jobs", str(jobs), "-q"])
        assert result.exit_code == 0, result.output
        builds[jobs] = {name: (out / name).read_bytes() for name in OUTPUTS}
    assert b'"type"' in builds[1]["claims.jsonl"]  # the fixtures do give claims
    for name in OUTPUTS:
        assert builds[2][name] == builds[1][name], name


def test_never_more_processes_than_chunks(monkeypatch):
    documents, _problems = read_sources([GOOD])
    assert pipeline._workers(8, documents) == 1  # a handful of articles fill one chunk
    monkeypatch.setattr(pipeline, "_CHUNK", 1)
    assert pipeline._workers(1, documents) == 1
    assert pipeline._workers(8, documents) == len(documents)


def test_an_article_the_rules_fail_on_is_reported_from_a_worker_too(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "_CHUNK", 1)
    documents, _problems = read_sources([GOOD])
    broken = documents[1].id

    def failing(document, doc=None, _extract=pipeline.extract_document):
        if document.id == broken:
            raise ValueError("odd article")
        return _extract(document, doc)

    monkeypatch.setattr(pipeline, "extract_document", failing)  # the fork inherits it
    results = dict((d.id, outcome) for d, outcome in pipeline.extracted(documents, jobs=2))
    assert isinstance(results[broken], ValueError)
    assert all(isinstance(outcome, tuple) for doc_id, outcome in results.items() if doc_id != broken)


def test_workers_leave_ctrl_c_to_the_parent(monkeypatch):
    # Ctrl-C reaches the whole process group: a worker that took it would print its own traceback
    import signal

    monkeypatch.setattr(pipeline, "_CHUNK", 1)
    documents, _problems = read_sources([GOOD])
    monkeypatch.setattr(pipeline, "extract_document", lambda document, doc=None: signal.getsignal(signal.SIGINT))
    handlers = {outcome for _d, outcome in pipeline.extracted(documents, jobs=2)}
    assert handlers == {signal.SIG_IGN}
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN  # the parent still answers it


def test_an_interrupted_command_says_so_in_one_line(tmp_path, monkeypatch):
    from kg import build as build_module

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "build", interrupted)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(GOOD), "-o", str(out), "-q"])
    assert result.exit_code == 130
    assert result.output == "kg: interrupted\n"
    assert not out.exists()
