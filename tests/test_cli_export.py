from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.rdf import corpus_to_rdf


def run(*args):
    return CliRunner().invoke(main, ["export", *map(str, args)])


def test_turtle_to_stdout_by_default(fixture_build_dir, fixture_corpus):
    result = run("--graph", fixture_build_dir)
    assert result.exit_code == 0, result.output
    assert isomorphic(Graph().parse(data=result.output, format="turtle"), corpus_to_rdf(fixture_corpus))


def test_writes_file_with_o(tmp_path, fixture_build_dir):
    out = tmp_path / "graph.gexf"
    result = run("--graph", fixture_build_dir, "--format", "gexf", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert result.output == ""


def test_missing_build_is_one_line_error(tmp_path):
    result = run("--graph", tmp_path)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "kg build" in result.output


def test_unknown_format_is_refused(fixture_build_dir):
    result = run("--graph", fixture_build_dir, "--format", "svg")
    assert result.exit_code == 2


def test_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0 and "Example:" in result.output
