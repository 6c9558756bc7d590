"""Incremental builds (kg.article_store): a build re-reads only new and changed
articles, and its outputs are byte for byte those of a full build of the same
articles, explain.jsonl included."""
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.article_store
import kg.extract.pipeline
import kg.ontology_schema
from kg.article_store import store_path, version_key
from kg.build import build
from kg.cli import main
from kg.lexicons import ontology_dir

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"
OUTPUTS = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html",
           "explain.jsonl")
ADDED = """---
title: Un nouvel accord
published: 2024-10-02
lang: fr
---
PARIS, 2 octobre 2024 — Selon Washington, la Corée du Nord a livré des obus d'artillerie à la Russie.
"""


@pytest.fixture
def parsed(monkeypatch):
    """The ids of the articles extraction actually reads."""
    seen = []
    real = kg.extract.pipeline.extract_document

    def spy(document, doc=None):
        seen.append(document.id)
        return real(document, doc)

    monkeypatch.setattr(kg.extract.pipeline, "extract_document", spy)
    return seen


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(GOOD, folder)
    return folder


def assert_same_outputs(first: Path, second: Path):
    for name in OUTPUTS:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def stored_rows(out: Path) -> int:
    with sqlite3.connect(store_path(out)) as db:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_rebuild_reads_only_new_and_changed_articles_and_matches_a_full_build(tmp_path, articles, parsed):
    out = tmp_path / "out"
    build([articles], out)
    assert len(parsed) == 4 and stored_rows(out) == 4
    parsed.clear()
    build([articles], out)
    assert parsed == []  # nothing changed: nothing parsed
    with open(articles / "fr-traite.txt", "a", encoding="utf-8") as handle:
        handle.write("\nLa Biélorussie a accueilli des instructeurs russes en juin 2024.\n")
    (articles / "fr-koursk.txt").unlink()
    (articles / "fr-obus.txt").write_text(ADDED, encoding="utf-8")
    parsed.clear()
    report = build([articles], out)
    assert sorted(parsed) == ["fr-obus", "fr-traite"]
    assert "fr-koursk" not in {d.id for d in report.corpus.documents}
    assert stored_rows(out) == 4  # the removed article's result is dropped
    build([articles], tmp_path / "full", full=True)
    assert_same_outputs(out, tmp_path / "full")


def test_stored_results_give_the_same_outputs_as_parsing(tmp_path, articles):
    build([articles], tmp_path / "out")
    build([articles], tmp_path / "out", reuse=False)  # every article from the store, every output written
    build([articles], tmp_path / "fresh", full=True)
    assert_same_outputs(tmp_path / "out", tmp_path / "fresh")
    assert (tmp_path / "out" / "explain.jsonl").stat().st_size > 0


def test_a_changed_lexicon_changes_the_version_key(tmp_path, monkeypatch):
    copy = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), copy)
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(copy))
    before = version_key()
    assert version_key() == before
    claims = copy / "lexicons" / "fr" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n# a new word\n", encoding="utf-8")
    assert version_key() != before


def test_a_changed_english_lexicon_reads_only_the_english_articles_again(tmp_path, articles, parsed, monkeypatch):
    copy = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), copy)
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(copy))
    out = tmp_path / "out"
    build([articles], out)
    french, english = version_key("fr"), version_key("en")
    claims = copy / "lexicons" / "en" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n# a new word\n", encoding="utf-8")
    assert version_key("fr") == french and version_key("en") != english
    parsed.clear()
    build([articles], out)
    assert parsed == ["en-sanctions"]


def test_a_new_version_key_reads_every_article_again(tmp_path, articles, parsed, monkeypatch):
    out = tmp_path / "out"
    build([articles], out)
    monkeypatch.setattr(kg.article_store, "version_key", lambda lang=None: "another ontology")
    parsed.clear()
    build([articles], out)
    assert len(parsed) == 4
    assert stored_rows(out) == 4  # the older version's results are dropped


def test_full_ignores_the_store(tmp_path, articles, parsed):
    out = tmp_path / "out"
    build([articles], out)
    parsed.clear()
    result = CliRunner().invoke(main, ["build", "--quiet", "--full", str(articles), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(parsed) == 4


def test_a_damaged_store_is_read_as_empty_and_rebuilt(tmp_path, articles, parsed):
    out = tmp_path / "out"
    build([articles], out)
    store_path(out).write_bytes(b"not a database" * 100)
    parsed.clear()
    build([articles], out, reuse=False)
    assert len(parsed) == 4
    parsed.clear()
    build([articles], out, reuse=False)
    assert parsed == []


def test_the_store_lives_beside_the_output_folder(tmp_path, articles):
    build([articles], tmp_path / "out")
    assert store_path(tmp_path / "out") == tmp_path / ".out.kg-store.sqlite"
    assert store_path(tmp_path / "out").is_file()
    assert not any(p.name.endswith("kg-store.sqlite") for p in (tmp_path / "out").iterdir())


KILLED_IN_SAVE = textwrap.dedent("""
    import os, signal, sqlite3, sys
    import kg.article_store as store
    def delete_then_die(self):
        db = sqlite3.connect(self.path)
        db.execute("BEGIN")
        db.execute("DELETE FROM articles")
        os.kill(os.getpid(), signal.SIGKILL)
    store.ArticleStore._write = delete_then_die
    from kg.cli import main
    sys.argv = ["kg", "build", "--quiet", sys.argv[1], "-o", sys.argv[2]]
    main()
""")


def test_a_build_killed_while_saving_leaves_the_previous_store_whole(tmp_path, articles, parsed):
    out = tmp_path / "out"
    build([articles], out)
    with open(articles / "en-sanctions.txt", "a", encoding="utf-8") as handle:
        handle.write("\nJapan said it would send a delegation to Kyiv in May 2024.\n")
    done = subprocess.run([sys.executable, "-c", KILLED_IN_SAVE, str(articles), str(out)],
                          capture_output=True, timeout=300)
    assert done.returncode == -signal.SIGKILL
    assert stored_rows(out) == 4
    parsed.clear()
    build([articles], out)
    assert parsed == ["en-sanctions"]


def test_a_result_not_signed_by_this_user_is_never_unpickled(tmp_path, monkeypatch):
    import pickle
    import sqlite3

    from kg.article_store import ArticleStore
    from kg.model import Document

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    document = Document(id="a", body="Texte.", lang="fr")
    store = ArticleStore(tmp_path / "store.sqlite", "v1")
    store.put(document, [], [])
    store.save()
    assert ArticleStore(tmp_path / "store.sqlite", "v1").get(document) == ([], [])

    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('unpickled')",))

    forged = b"\0" * 32 + pickle.dumps(Boom())
    with sqlite3.connect(tmp_path / "store.sqlite") as db:
        db.execute("UPDATE articles SET result = ?", (forged,))
    assert ArticleStore(tmp_path / "store.sqlite", "v1").get(document) is None


def written(folder: Path) -> dict:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_a_rebuild_with_nothing_changed_writes_nothing(tmp_path, articles, parsed):
    out = tmp_path / "out"
    first = build([articles], out)
    before = written(out)
    parsed.clear()
    again = build([articles], out)
    assert again.unchanged and parsed == [] and written(out) == before
    assert again.counts == first.counts
    assert [c.id for c in again.corpus.claims] == [c.id for c in first.corpus.claims]  # read back from the files
    assert again.unchanged  # reading the corpus back does not make it a written build
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(out)])
    assert result.exit_code == 0 and "unchanged" in result.output


@pytest.mark.parametrize("change", ["edit an output", "remove an output", "new version", "another path"])
def test_anything_else_writes_the_build_again(tmp_path, articles, monkeypatch, change):
    out = tmp_path / "out"
    build([articles], out)
    build([articles], tmp_path / "full", full=True)
    source = articles
    if change == "edit an output":
        (out / "graph.ttl").write_text("# edited by hand\n", encoding="utf-8")
    elif change == "remove an output":
        (out / "graph.html").unlink()
    elif change == "new version":
        monkeypatch.setattr(kg.article_store, "version_key", lambda lang=None: "another kg")
    else:
        source = tmp_path / "moved"
        articles.rename(source)
    report = build([source], out)
    assert not report.unchanged
    if change != "another path":
        assert_same_outputs(out, tmp_path / "full")


def test_a_changed_ontology_is_checked_even_after_a_recorded_build(tmp_path, articles, monkeypatch):
    from kg.errors import DataError

    copy = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), copy)
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(copy))
    build([articles], tmp_path / "out")
    (copy / "lexicons" / "fr" / "stray.yaml").write_text("words: []\n", encoding="utf-8")
    kg.ontology_schema._check.cache_clear()  # as in a new process
    kg.ontology_schema._VOUCHED.clear()
    with pytest.raises(DataError, match="stray.yaml"):
        build([articles], tmp_path / "out")


def test_languages_are_detected_once_per_text(tmp_path, articles, monkeypatch):
    import kg.sources

    for path in articles.iterdir():  # no language given: each is detected
        text = path.read_text(encoding="utf-8-sig")
        path.write_text(text.replace("lang: fr\n", "").replace("lang: en\n", ""), encoding="utf-8")
    out = tmp_path / "out"
    build([articles], out, full=True)
    kg.sources.LANGUAGES.known.clear()  # as in a new process
    detected = []
    real = kg.sources.detect_language
    monkeypatch.setattr(kg.sources, "detect_language", lambda body: detected.append(body) or real(body))
    build([articles], out, reuse=False)
    assert detected == []
    with open(articles / "fr-traite.txt", "a", encoding="utf-8") as handle:
        handle.write("\nLa Biélorussie a accueilli des instructeurs russes en juin 2024.\n")
    kg.sources.LANGUAGES.known.clear()
    build([articles], out)
    assert len(detected) == 1
