"""``kg build --scheduler`` (kg.cluster): the articles are read on the workers of a
Dask cluster, each of which loads the models once, and the outputs are byte for
byte those of a build on this machine; the article store keeps what they read."""
import shutil
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.cluster
import kg.extract.pipeline
from kg.cli import main

distributed = pytest.importorskip("distributed")

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"
OUTPUTS = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html",
           "explain.jsonl")


def kg_build(*args):
    return CliRunner().invoke(main, ["build", *map(str, args), "--quiet"])


def pipelines_loaded():
    """On a worker: how many times this process loaded a spaCy pipeline, and how often it reused one."""
    from kg.nlp import pipeline

    info = pipeline.cache_info()
    return info.misses, info.hits


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local, distributed.Client(local) as client:
        yield local, client


def test_a_cluster_build_writes_the_outputs_of_a_local_build(cluster, tmp_path, monkeypatch):
    local, client = cluster
    articles = tmp_path / "articles"
    shutil.copytree(GOOD, articles)
    result = kg_build(articles, "-o", tmp_path / "here", "--jobs", "1")
    assert result.exit_code == 0, result.output

    result = kg_build(articles, "-o", tmp_path / "there", "--scheduler", local.scheduler_address)
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "there" / name).read_bytes(), name

    # four articles on two workers: both read some, and each loaded a language's model once
    loaded = client.run(pipelines_loaded)
    assert len(loaded) == 2
    assert all(misses <= 2 and hits >= 1 for misses, hits in loaded.values()), loaded

    # what the workers read is in the article store: a rebuild here reads nothing again
    seen = []
    real = kg.extract.pipeline.extract_document
    monkeypatch.setattr(kg.extract.pipeline, "extract_document", lambda d, doc=None: seen.append(d) or real(d, doc))
    result = kg_build(articles, "-o", tmp_path / "there")
    assert result.exit_code == 0, result.output
    assert seen == []
    for name in OUTPUTS:
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "there" / name).read_bytes(), name


def test_workers_that_run_other_code_stop_the_build_in_one_line(cluster, tmp_path, monkeypatch):
    import kg.article_store

    local, _client = cluster
    monkeypatch.setattr(kg.article_store, "version_key", lambda lang=None: "another kg")  # on this side only
    result = kg_build(GOOD, "-o", tmp_path / "out", "--scheduler", local.scheduler_address)
    assert result.exit_code == 1
    assert "runs another version of kg" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "claims.jsonl").exists()


def test_a_worker_hands_back_the_error_of_an_article_the_rules_fail_on(monkeypatch):
    from kg.article_store import version_key
    from kg.cluster_worker import extract_partition
    from kg.model import Document

    real = kg.extract.pipeline.extract_document

    def fails_on_b(document, doc=None):
        if document.id == "b":
            raise ValueError("an odd article")
        return real(document, doc)

    monkeypatch.setattr(kg.extract.pipeline, "extract_document", fails_on_b)
    documents = [Document(id, "La Russie a signé un accord avec la Chine.", "fr") for id in "abc"]
    outcomes = extract_partition(documents, version_key())
    assert isinstance(outcomes[1], ValueError)
    assert [len(outcomes[i][0]) for i in (0, 2)] == [len(real(documents[0])[0])] * 2


def test_a_worker_gives_the_outcomes_in_the_order_of_its_articles_whatever_their_languages():
    from kg.article_store import version_key
    from kg.cluster_worker import extract_partition
    from kg.model import Document

    documents = [Document("a", "Russia signed a treaty with China.", "en"),
                 Document("b", "La Russie a signé un traité avec la Chine.", "fr"),
                 Document("c", "France sent tanks to Ukraine.", "en")]
    outcomes = extract_partition(documents, version_key())
    assert [{claim.doc for claim in claims} for claims, _mentions in outcomes] == [{"a"}, {"b"}, {"c"}]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_scheduler_that_does_not_answer_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.cluster, "_CONNECT_TIMEOUT", "1s")
    address = f"tcp://127.0.0.1:{free_port()}"
    result = kg_build(GOOD, "-o", tmp_path / "out", "--scheduler", address)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: could not reach the Dask scheduler at {address}")
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "claims.jsonl").exists()


def test_without_dask_the_error_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    result = kg_build(GOOD, "-o", tmp_path / "out", "--scheduler", "local")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: --scheduler needs dask.distributed: pip install 'kg[cluster]'"
