"""Output channels that cannot be abused: CSV formulas, terminal escapes, SERVICE
requests, exports over the build's own files, builds edited by hand, and text
with every kind of line break and control character."""
import io
import json
import shutil
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from kg.cli import main
from kg.export import export_text
from kg.graph import graphml_text, corpus_to_networkx
from kg.model import Corpus, Document
from kg.output import render_rows
from kg.store import load_corpus, save_corpus

VIEWER_BUILD = Path(__file__).parent / "fixtures" / "viewer"


def copy_build(tmp_path):
    build = tmp_path / "build"
    shutil.copytree(VIEWER_BUILD, build)
    return build


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted():
    rows = [{"title": '=HYPERLINK("http://evil")', "n": "-3", "who": "@SUM(A1)", "plain": "Kiev"}]
    text = render_rows(rows, "csv")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    assert ",-3," in text and "Kiev" in text and "'Kiev" not in text


def test_csv_formulas_flag_keeps_cells_as_they_are(tmp_path):
    build = copy_build(tmp_path)
    label = load_corpus(build).entities[0].label
    corpus = load_corpus(build)
    corpus.entities[0].label = "=1+1"
    save_corpus(corpus, build)
    quoted = CliRunner().invoke(main, ["entities", "--graph", str(build), "--format", "csv"])
    raw = CliRunner().invoke(main, ["entities", "--graph", str(build), "--format", "csv", "--csv-formulas"])
    assert quoted.exit_code == raw.exit_code == 0
    assert "'=1+1" in quoted.output and "'=1+1" not in raw.output and "=1+1" in raw.output
    assert label


def test_tables_drop_terminal_escapes():
    text = render_rows([{"title": "Kiev \x1b[2J\x1b]0;owned\x07 says"}])
    assert "\x1b" not in text and "\x07" not in text and "Kiev" in text


def test_service_clauses_are_refused_unless_allowed(tmp_path):
    build = copy_build(tmp_path)
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    result = CliRunner().invoke(main, ["query", query, "--graph", str(build)])
    assert result.exit_code == 1
    assert "--allow-service" in result.output and len(result.output.strip().splitlines()) == 1


def test_a_service_that_never_answers_times_out(tmp_path):
    import socket

    build = copy_build(tmp_path)
    with socket.socket() as server:  # accepts the connection, never answers
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        result = CliRunner().invoke(main, ["query", query, "--graph", str(build),
                                           "--allow-service", "--timeout", "1"])
    assert result.exit_code == 1
    assert "did not finish" in result.output or "failed" in result.output


def test_export_does_not_overwrite_the_build_and_dash_is_stdout(tmp_path):
    build = copy_build(tmp_path)
    before = (build / "claims.jsonl").read_bytes()
    refused = CliRunner().invoke(main, ["export", "--graph", str(build), "-o", str(build / "claims.jsonl")])
    assert refused.exit_code == 1 and "belongs to the build" in refused.output
    assert (build / "claims.jsonl").read_bytes() == before
    to_stdout = CliRunner().invoke(main, ["export", "--graph", str(build), "--format", "nt", "-o", "-"])
    assert to_stdout.exit_code == 0 and to_stdout.output.startswith("<")
    assert not Path("-").exists()


def test_a_hand_edited_build_gives_one_line_naming_file_and_line(tmp_path):
    build = copy_build(tmp_path)
    lines = (build / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1] = json.dumps({"id": "x"})  # a record without its fields
    (build / "claims.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", "--graph", str(build)])
    assert result.exit_code == 1
    assert "claims.jsonl:2" in result.output and len(result.output.strip().splitlines()) == 1


ODD = "a\u2028b\u2029c\x85d\x01e\x1bf\u200bg\u202eh\ufeffi"


def test_every_writer_holds_line_separators_and_control_characters(tmp_path):
    build = copy_build(tmp_path)
    corpus = load_corpus(build)
    corpus.documents.append(Document(id="odd", body="", lang="fr", title=ODD))
    corpus.entities[0].label = ODD
    save_corpus(corpus, build)
    again = load_corpus(build)  # every line still one record
    assert again.entities[0].label == ODD and again.documents[-1].title == ODD
    for name in ("claims.jsonl", "entities.jsonl", "documents.jsonl"):
        for line in (build / name).read_text(encoding="utf-8").split("\n"):
            if line:
                json.loads(line)
        assert len((build / name).read_text(encoding="utf-8").splitlines()) == \
            len((build / name).read_text(encoding="utf-8").split("\n")) - 1
    graph = nx.parse_graphml(graphml_text(corpus_to_networkx(again)), force_multigraph=True)
    assert graph.number_of_nodes() > 0
    gexf = export_text(again, "gexf")
    assert nx.read_gexf(io.BytesIO(gexf.encode("utf-8"))).number_of_nodes() > 0
    nt = export_text(again, "nt")
    import rdflib

    rdflib.Graph().parse(data=nt, format="nt")
    assert isinstance(again, Corpus)
