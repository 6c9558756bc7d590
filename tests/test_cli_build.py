"""kg build, through click's CliRunner, over tests/fixtures/articles.

``good/`` holds four short articles: a French treaty signing with front matter,
a French deployment report with only a dateline, a French visit saved with a
byte-order mark and Windows line ends, and an English article. ``bad/``
holds one article per way of being unreadable: empty, binary, malformed
front matter, an impossible date (2024-02-30) and a German article.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.claim_types import claim_type, names
from kg.errors import DataError
from kg.model import ENTITY_CLASSES, STANCES
from kg.sources import read_article

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
GOOD, BAD = ARTICLES / "good", ARTICLES / "bad"
OUTPUTS = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html",
           "explain.jsonl")
#: each unreadable fixture and words its one-line message must contain
BAD_FILES = {
    "empty.txt": "empty file",
    "binary.txt": "binary",
    "bad-front.txt": "front matter",
    "impossible-date.txt": "2024-02-30",
    "de-vertrag.txt": "unsupported language 'de'",
}


def run_build(*paths, out):
    result = CliRunner().invoke(main, ["build", "--quiet", *map(str, paths), "-o", str(out)])
    assert_no_traceback(result)
    return result


def assert_no_traceback(result):
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("good") / "out"
    result = run_build(GOOD, out=out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    """The good articles and the bad ones in one build."""
    out = tmp_path_factory.mktemp("mixed") / "out"
    return run_build(GOOD, BAD, out=out), out


def test_every_output_is_written(good_build):
    for name in OUTPUTS:
        assert (good_build / name).stat().st_size > 0, name
    assert not [p.name for p in good_build.iterdir() if p.name.startswith(".")]  # no temporary left


def test_summary_line_counts_what_was_built(tmp_path):
    result = CliRunner().invoke(main, ["build", str(GOOD / "fr-traite.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    claims = read_jsonl(tmp_path / "claims.jsonl")
    assert re.search(rf"1 articles, \d+ entities, {len(claims)} claims -> ", result.stdout)


def test_documents_keep_front_matter_dateline_and_language(good_build):
    documents = {d["id"]: d for d in read_jsonl(good_build / "documents.jsonl")}
    assert set(documents) == {"fr-traite", "fr-koursk", "fr-crlf", "en-sanctions"}
    assert documents["fr-traite"]["published"] == "2024-06-19"      # front matter
    assert documents["fr-traite"]["url"] == "https://example.org/fr/2024/06/19/traite"
    assert documents["fr-koursk"]["published"] == "2024-11-05"      # dateline "KIEV, 5 novembre 2024 —"
    assert documents["fr-koursk"]["lang"] == "fr"                   # detected
    assert documents["en-sanctions"]["lang"] == "en"
    assert documents["fr-crlf"]["published"] == "2024-11-29"        # front matter after a BOM, CRLF


def test_claims_follow_the_schema(good_build):
    documents = {d["id"]: d for d in read_jsonl(good_build / "documents.jsonl")}
    bodies = {doc_id: read_article(d["path"]).body for doc_id, d in documents.items()}
    claims = read_jsonl(good_build / "claims.jsonl")
    assert {c["doc"] for c in claims} == set(documents)  # every article yields claims
    for claim in claims:
        assert claim["type"] in names()
        assert claim["doc"] in documents
        assert claim["roles"] and set(claim["roles"]) <= set(claim_type(claim["type"]).role_names), claim
        for refs in claim["roles"].values():
            for ref in refs:
                assert_entity_ref(ref)
        if claim["quantity"] is not None:
            assert set(claim["quantity"]) == {"value", "low", "high", "approximate", "unit"}
        assert claim["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", claim["date"])
        for attribution in claim["attributions"]:
            assert_entity_ref(attribution["claimant"])
            assert attribution["stance"] in STANCES
        assert claim["evidence"] and claim["rule"]
        for evidence in claim["evidence"]:
            assert evidence["doc"] == claim["doc"]
            assert bodies[evidence["doc"]][evidence["start"]:evidence["end"]] == evidence["text"]


def assert_entity_ref(ref: dict):
    assert ref["label"] and "qid" in ref and ref["class"] in ENTITY_CLASSES, ref
    assert ref["qid"] is None or re.fullmatch(r"Q\d+", ref["qid"]), ref


def test_the_articles_say_what_the_claims_say(good_build):
    claims = read_jsonl(good_build / "claims.jsonl")
    found = {(c["doc"], c["type"]) for c in claims}
    assert {("fr-traite", "treaty_signing"), ("fr-koursk", "troop_deployment"),
            ("en-sanctions", "sanctions")} <= found
    signing = next(c for c in claims if c["type"] == "treaty_signing")
    assert {r["qid"] for r in signing["roles"]["parties"]} == {"Q159", "Q423"}  # Russia, North Korea
    deployment = next(c for c in claims if c["doc"] == "fr-koursk" and c["type"] == "troop_deployment")
    assert deployment["quantity"]["value"] == 11000 and deployment["quantity"]["approximate"]
    english = next(c for c in claims if c["doc"] == "en-sanctions" and c["type"] == "troop_deployment")
    assert [(a["claimant"]["qid"], a["stance"]) for a in english["attributions"]] == [("Q884", "claims")]


def test_entities_are_linked_and_mentioned(good_build):
    entities = {e["id"]: e for e in read_jsonl(good_build / "entities.jsonl")}
    assert entities["Q423"]["class"] == "Country"
    assert {m["doc"] for m in entities["Q423"]["mentions"]} >= {"fr-traite", "fr-koursk"}


def test_same_input_twice_gives_byte_identical_outputs(good_build, tmp_path):
    result = run_build(GOOD, out=tmp_path)
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (good_build / name).read_bytes(), name


def test_outputs_do_not_depend_on_hash_seed(good_build, tmp_path):
    """Another process, another string hash seed: any set-order dependence would show."""
    env = dict(os.environ, PYTHONHASHSEED="12345")
    process = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", "build", "-q", str(GOOD), "-o", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (good_build / name).read_bytes(), name


def test_each_bad_file_is_reported_on_one_line_and_the_rest_builds(mixed_build, good_build):
    result, out = mixed_build
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    for name, words in BAD_FILES.items():
        mine = [line for line in lines if name in line]
        assert len(mine) == 1, (name, lines)
        assert words in mine[0], mine[0]
        assert mine[0].startswith("kg: skipped ") and str(BAD / name) in mine[0]
    assert len(lines) == len(BAD_FILES)
    # the bad files change nothing: the build is that of the good ones
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (good_build / name).read_bytes(), name


def test_a_missing_path_fails_but_the_other_files_still_build(tmp_path):
    missing = tmp_path / "nowhere.txt"
    out = tmp_path / "out"
    result = run_build(GOOD / "fr-traite.txt", missing, out=out)
    assert result.exit_code == 1
    assert str(missing) in result.stderr
    assert result.stderr.splitlines()[-1] == f"Error: not found: {missing}"
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    assert {d["id"] for d in read_jsonl(out / "documents.jsonl")} == {"fr-traite"}


@pytest.mark.parametrize("paths", [[BAD], [BAD / "empty.txt"], ["nowhere/at/all"]],
                         ids=["bad-folder", "one-bad-file", "missing-path"])
def test_no_readable_article_fails_and_writes_nothing(tmp_path, paths):
    out = tmp_path / "out"
    result = run_build(*paths, out=out)
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Error: ") and str(paths[0]) in last
    assert not out.exists()


def test_a_missing_path_alone_is_one_error_line(tmp_path):
    result = run_build("nowhere/at/all", out=tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["Error: nowhere/at/all: no such file or directory"]


def test_an_empty_folder_is_no_readable_article(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_build(tmp_path / "empty", out=tmp_path / "out")
    assert result.exit_code == 1 and "no readable article" in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["build", "--help"])
    assert result.exit_code == 0 and "kg build sources/ -o output/" in result.output


# -- atomic writes: a failed write leaves neither a temporary file nor half an output


def test_write_text_atomic_leaves_nothing_when_the_write_fails(tmp_path):
    from kg.store import write_text_atomic

    target = tmp_path / "claims.jsonl"
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(target, "début\ud800fin")  # a lone surrogate cannot be encoded
    assert list(tmp_path.iterdir()) == []


def test_write_text_atomic_keeps_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    from kg import store

    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", failing_replace)
    with pytest.raises(OSError):
        store.write_text_atomic(target, "new\n" * 1000)
    assert list(tmp_path.iterdir()) == [target]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_write_text_atomic_replaces_whole(tmp_path):
    from kg.store import write_text_atomic

    target = tmp_path / "sub" / "graph.ttl"
    write_text_atomic(target, "one\n")
    write_text_atomic(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n"
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_failing_output_writer_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A writer that dies half-way (here the viewer) leaves whole files or none."""
    import kg.store
    import kg.viewer

    def broken_viewer(corpus, path):
        kg.store.write_text_atomic(path, "<html>\ud800")  # fails while writing

    monkeypatch.setattr(kg.viewer, "write_viewer", broken_viewer)
    result = CliRunner().invoke(main, ["build", "-q", str(GOOD / "fr-traite.txt"), "-o", str(tmp_path)])
    assert result.exit_code != 0
    assert not (tmp_path / "graph.html").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


# -- the viewer's layout, the one output that sums floats, must not depend on hash order

_LAYOUT_SCRIPT = """
import json
import networkx as nx
from kg.viewer import _component_layout
graph = nx.Graph()
big = [f"n{i:03d}" for i in range(60)]
graph.add_edges_from((big[i], big[(i * 7 + 1) % 60]) for i in range(60))
small = [f"s{i:02d}" for i in range(20)]
graph.add_edges_from((small[i], small[j]) for i in range(20) for j in range(i + 1, 20) if (i * j) % 3 == 0)
for component in sorted(nx.connected_components(graph), key=len):
    print(json.dumps(sorted(_component_layout(graph.subgraph(component)).items())))
"""


def test_layout_floats_do_not_depend_on_hash_seed():
    """A subgraph view of a small component lists its edges in set order; the force
    sums, and now and then a rounded pixel of graph.html, followed it."""
    outputs = set()
    for seed in ("0", "1", "2", "3"):
        process = subprocess.run([sys.executable, "-c", _LAYOUT_SCRIPT], capture_output=True, text=True,
                                 env=dict(os.environ, PYTHONHASHSEED=seed), timeout=120)
        assert process.returncode == 0, process.stderr
        outputs.add(process.stdout)
    assert len(outputs) == 1


def test_an_article_the_rules_fail_on_is_reported_and_the_others_build(tmp_path, monkeypatch):
    import kg.extract.pipeline as pipeline

    real = pipeline.extract_document

    def fragile(document, doc=None):
        if "Kursk" in document.body or "Koursk" in document.body:
            raise ValueError("boom")
        return real(document, doc)

    monkeypatch.setattr(pipeline, "extract_document", fragile)
    (tmp_path / "a.md").write_text("---\nlang: fr\npublished: 2024-11-05\n---\n"
                                   "Selon Kiev, 11 000 soldats nord-coréens sont déployés à Koursk.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nlang: fr\npublished: 2024-06-19\n---\n"
                                   "La Russie et la Corée du Nord ont signé un traité à Pyongyang.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.md"), str(tmp_path / "b.md"),
                                       "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "a.md: could not be analysed (ValueError: boom)" in result.output
    claims = (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8")
    assert '"doc": "b"' in claims and '"doc": "a"' not in claims


@pytest.mark.parametrize("error", [TypeError("a bug in kg"), DataError("ontology/x.yaml: frames[0]: broken")])
def test_a_bug_or_a_data_error_is_no_article_problem_and_stops_the_build(tmp_path, monkeypatch, error):
    import kg.extract.pipeline as pipeline

    def broken(document, doc=None):
        raise error

    monkeypatch.setattr(pipeline, "extract_document", broken)
    result = CliRunner().invoke(main, ["build", "-q", str(GOOD / "fr-traite.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "skipped" not in result.output and not (tmp_path / "out").exists()
    if isinstance(error, DataError):
        assert result.output.strip() == "Error: ontology/x.yaml: frames[0]: broken"
    else:
        assert result.exception is error
        assert any("fr-traite.txt" in note for note in error.__notes__)


def test_a_folder_of_files_kg_cannot_read_names_them(tmp_path):
    folder = tmp_path / "exports"
    (folder / "sub").mkdir(parents=True)
    for name in ("report.pdf", "notes.docx", "sub/table.xlsx"):
        (folder / name).write_bytes(b"PK\x03\x04 not an article")
    (folder / ".hidden.txt").write_text("ignored")
    result = run_build(folder, out=tmp_path / "out")
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"Error: no readable article in {folder}; {folder}: no file kg can read: ")
    assert "notes.docx, report.pdf, sub/table.xlsx (kg reads .txt .md .html" in last
    assert not (tmp_path / "out").exists()


def test_verbose_says_what_the_rules_did_in_each_article(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-q", "--verbose", str(GOOD), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    documents = [d["id"] for d in read_jsonl(out / "documents.jsonl")]
    assert [line.split(" (")[0] for line in lines] == [f"kg: {doc}" for doc in documents]
    claims = read_jsonl(out / "claims.jsonl")
    signing = next(line for line in lines if line.startswith("kg: fr-traite ("))
    rules = {c["rule"] for c in claims if c["doc"] == "fr-traite"}
    assert rules and all(rule in signing for rule in rules)
    assert f"{sum(c['doc'] == 'fr-traite' for c in claims)} claim" in signing


def test_shell_completion_as_the_readme_sets_it_up_completes_commands_and_options():
    env = {"_KG_COMPLETE": "bash_complete", "COMP_WORDS": "kg bu", "COMP_CWORD": "1"}
    result = CliRunner().invoke(main, [], prog_name="kg", env=env)
    assert "plain,build" in result.output.splitlines()
    env = {**env, "COMP_WORDS": "kg build --ver", "COMP_CWORD": "2"}
    result = CliRunner().invoke(main, [], prog_name="kg", env=env)
    assert "plain,--verbose" in result.output.splitlines()
    source = CliRunner().invoke(main, [], prog_name="kg", env={"_KG_COMPLETE": "bash_source"})
    assert "_kg_completion" in source.output and "complete " in source.output
