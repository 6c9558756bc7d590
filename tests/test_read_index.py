"""The index a build writes for the read commands (kg.index, graph.oxigraph): the
commands answer from it exactly what they answer from the JSONL files, fall back to
those files when they changed, and never load spaCy."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import write_outputs
from kg.cli import main
from kg.index import INDEX, fresh_output, open_index
from kg.query import RDF_STORE
from kg.store import load_corpus

FIXTURES = Path(__file__).parent / "fixtures"

#: every read command, over both hand-made builds (the alliances one has several blocs)
COMMANDS = [
    ["claims"], ["claims", "--format", "jsonl"], ["claims", "--type", "troop_deployment", "--format", "json"],
    ["claims", "--doc", "fr-01"], ["claims", "--contested"], ["claims", "--contested", "--format", "json"],
    ["claims", "--contested", "--type", "troop_deployment", "--format", "csv"],
    ["entities"], ["entities", "--class", "Country", "--format", "jsonl"],
    ["alliances"], ["alliances", "--opposition", "--format", "json"], ["alliances", "--since", "2024-06"],
    ["alliances", "Corée du Nord", "--format", "json"], ["alliances", "RPDC"], ["alliances", "Russie", "--since", "2024-11"],
    ["alliances", "--path", "Corée du Nord", "Chine", "--format", "json"], ["alliances", "Zanzibar"],
    ["query", "SELECT ?c ?label WHERE { ?c a kg:Country ; rdfs:label ?label } ORDER BY ?c ?label"],
    ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
    ["export"], ["export", "--format", "graphml"], ["export", "--format", "nt"], ["export", "--format", "gexf"],
]

#: commands naming what neither build has (a one-line error, status 1)
UNKNOWN = [["alliances", "Zanzibar"], ["claims", "--doc", "fr-01"]]


def run(build: Path, command: list[str]):
    return CliRunner().invoke(main, [*command, "--graph", str(build)])


@pytest.fixture(scope="module", params=["build", "alliances"])
def builds(request, tmp_path_factory):
    """(the records alone, as an older build left them; the same records with every output of a build)."""
    records = tmp_path_factory.mktemp("records") / "out"
    shutil.copytree(FIXTURES / request.param, records)
    indexed = tmp_path_factory.mktemp("indexed") / "out"
    write_outputs(load_corpus(records), indexed)
    return records, indexed


def test_a_build_writes_the_index_and_the_rdf_store(builds):
    _, indexed = builds
    assert (indexed / INDEX).is_file() and (indexed / RDF_STORE).is_dir()
    with open_index(indexed, "claims.jsonl", "graph.ttl") as index:
        assert len(index.claims()) == len(load_corpus(indexed).claims)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_the_index_answers_what_the_records_answer(builds, command):
    records, indexed = builds
    before, after = run(records, command), run(indexed, command)
    assert ((after.exit_code, after.output.replace(str(indexed), "BUILD"))
            == (before.exit_code, before.output.replace(str(records), "BUILD")))


def test_a_changed_output_is_read_instead_of_the_index(builds, tmp_path):
    _, indexed = builds
    build = tmp_path / "out"
    shutil.copytree(indexed, build)
    lines = (build / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    (build / "claims.jsonl").write_text(lines[0] + "\n", encoding="utf-8")  # a hand edit: one claim left
    assert open_index(build, "claims.jsonl") is None
    rows = json.loads(run(build, ["claims", "--format", "json"]).output)
    assert [row["id"] for row in rows] == [first["id"]]
    assert fresh_output(build, "graph.ttl") is None  # kg export makes Turtle from the edited records


def test_an_index_that_is_no_database_is_ignored(builds, tmp_path):
    records, indexed = builds
    build = tmp_path / "out"
    shutil.copytree(indexed, build)
    (build / INDEX).write_bytes(b"not a database" * 100)
    assert open_index(build) is None
    assert run(build, ["alliances"]).output == run(indexed, ["alliances"]).output


def test_a_copy_of_the_build_keeps_its_index(builds, tmp_path):
    """Other file times, same contents: the index still holds (checked by content)."""
    _, indexed = builds
    build = tmp_path / "out"
    shutil.copytree(indexed, build, copy_function=shutil.copyfile)
    for path in build.glob("*.jsonl"):
        os.utime(path, ns=(1, 1))
    index = open_index(build, "claims.jsonl", "entities.jsonl", "documents.jsonl")
    assert index is not None
    index.close()


def test_export_turtle_and_graphml_are_the_files_the_build_wrote(builds):
    """kg export copies graph.ttl and graph.graphml: they must be what export_text gives."""
    from kg.export import export_text

    _, indexed = builds
    corpus = load_corpus(indexed)
    assert (indexed / "graph.ttl").read_bytes().decode("utf-8") == export_text(corpus, "turtle")
    assert (indexed / "graph.graphml").read_bytes().decode("utf-8") == export_text(corpus, "graphml")


_NO_SPACY = """
import sys
from click.testing import CliRunner
from kg.cli import main
for command in {commands!r}:
    result = CliRunner().invoke(main, [*command, "--graph", {build!r}])
    assert result.exit_code == 0, (command, result.output)
print(sorted(name for name in ("spacy", "thinc", "torch") if name in sys.modules))
"""


def test_read_commands_never_import_spacy(builds):
    _, indexed = builds
    commands = [c for c in COMMANDS if c not in UNKNOWN]
    script = _NO_SPACY.format(commands=commands, build=str(indexed))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
