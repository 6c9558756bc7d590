"""kg validate (and kg build --validate): SHACL violations one per line, exit 1 if any."""
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Graph, Literal

from kg.cli import main
from kg.namespace import DCTERMS, DOC, KG
from kg.rdf import write_turtle

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"


@pytest.fixture
def build_dir(tmp_path, fixture_corpus):
    write_turtle(fixture_corpus, tmp_path / "graph.ttl")
    return tmp_path


def edit(build_dir, change):
    graph = Graph().parse(build_dir / "graph.ttl")
    change(graph)
    (build_dir / "graph.ttl").write_text(graph.serialize(format="turtle"), encoding="utf-8")


def validate(build_dir):
    return CliRunner().invoke(main, ["validate", "--graph", str(build_dir)])


def test_a_build_graph_conforms(build_dir):
    result = validate(build_dir)
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_a_document_issued_yesterday_is_a_violation(build_dir):
    edit(build_dir, lambda g: g.set((DOC["fr-ratification"], DCTERMS.issued, Literal("yesterday"))))
    result = validate(build_dir)
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith("doc:fr-ratification dcterms:issued:") and '"yesterday"' in line


def test_two_dates_on_a_claim_report_max_count_not_the_datatype(build_dir):
    def second_date(graph):
        claim = next(graph.subjects(KG.date, None))
        graph.add((claim, KG.date, Literal("2023", datatype=XSD.gYear)))
    edit(build_dir, second_date)
    result = validate(build_dir)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and " kg:date: " in lines[0]
    assert "More than 1 values" in lines[0] and "must be an xsd:date" not in lines[0]


def test_each_violation_is_one_line(build_dir):
    def break_two(graph):
        for claim in list(graph.subjects(KG.sender, None))[:1]:
            graph.remove((claim, KG.sender, None))
        graph.set((DOC["fr-signature"], DCTERMS.issued, Literal("last week")))
    edit(build_dir, break_two)
    result = validate(build_dir)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and any("kg:sender" in line for line in lines), lines
    assert "2 SHACL violation(s)" in result.stderr


def test_no_graph_is_a_one_line_error(tmp_path):
    result = validate(tmp_path)
    assert result.exit_code == 1 and "no graph to validate" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_build_validate_checks_the_new_graph(tmp_path):
    result = CliRunner().invoke(main, ["build", "--quiet", "--validate", str(GOOD / "fr-traite.txt"),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output == ""
