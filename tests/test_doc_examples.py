"""The examples of the README and docs/ work: every `kg query` line finds rows on the
fixture build, and the Oxigraph server procedure of docs/querying.md, run as written
(on a free port), serves the graph with the ontology's labels."""
import json
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf import write_turtle

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "queries").glob("*.rq"))]


def query_examples():
    for path in DOCS:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("#").strip()
            if line.startswith("kg query "):
                yield pytest.param(line, id=f"{path.name}: {line[9:60]}")


def without_options(args, *names):
    """args without the given options and their values."""
    kept, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg in names:
            skip = True
        else:
            kept.append(arg)
    return kept


@pytest.mark.parametrize("line", list(query_examples()))
def test_every_documented_query_finds_rows(line, fixture_build_dir, monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name queries/ relative to the repository
    args = without_options(shlex.split(line, comments=True)[2:], "--graph", "--format")
    result = CliRunner().invoke(main, ["query", *args, "--graph", str(fixture_build_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output), f"{line}: no rows"


def test_the_documented_queries_include_a_name_in_each_language():
    lines = [p.values[0] for p in query_examples()]
    assert any("country_name=Russie" in line for line in lines)
    assert any("country_name=Russia" in line for line in lines)


# ---------------------------------------------------------------- Oxigraph server

def oxigraph_steps():
    """The shell lines of the Oxigraph server block of docs/querying.md."""
    guide = (ROOT / "docs" / "querying.md").read_text(encoding="utf-8")
    block = re.search(r"### Oxigraph server\s+```sh\n(.*?)```", guide, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sparql(endpoint, query):
    request = urllib.request.Request(endpoint, data=query.encode("utf-8"), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)["results"]["bindings"]


@pytest.fixture
def oxigraph_server(tmp_path, fixture_corpus):
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    (tmp_path / "output").mkdir()
    write_turtle(fixture_corpus, tmp_path / "output" / "graph.ttl")
    (tmp_path / "ontology").mkdir()
    shutil.copy(ROOT / "ontology" / "kg.ttl", tmp_path / "ontology" / "kg.ttl")
    port = free_port()
    server, curl = None, None
    for step in oxigraph_steps():
        args = shlex.split(step.replace("127.0.0.1:7878", f"127.0.0.1:{port}"))
        if args[:2] == ["pip", "install"]:
            continue
        if args[0] == "curl":
            curl = args
            continue
        assert args[0] == "oxigraph", step
        args[0] = binary
        if args[1] == "serve":
            server = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        else:
            done = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, f"{step}: {done.stderr}"
    assert server is not None and curl is not None, "the guide starts a server and queries it"
    endpoint = next(a for a in curl if a.startswith("http"))
    try:
        for _ in range(100):
            if server.poll() is not None:
                pytest.skip(f"the oxigraph server did not start: {server.stderr.read().decode()[:200]}")
            try:
                sparql(endpoint, "SELECT * WHERE { } LIMIT 1")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.skip("the oxigraph server did not answer within 10 s")
        yield endpoint, curl
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_oxigraph_procedure_serves_claims_and_ontology_labels(oxigraph_server):
    endpoint, curl = oxigraph_server
    query_file = ROOT / next(a for a in curl if a.startswith("@"))[1:]
    rows = sparql(endpoint, query_file.read_text(encoding="utf-8"))
    assert {row["country_name"]["value"] for row in rows} >= {"Russie", "Russia"}
    labels = sparql(endpoint, "PREFIX kg: <https://w3id.org/kg/ontology#> "
                              "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                              "SELECT ?label WHERE { ?claim a kg:TroopDeployment . "
                              "kg:TroopDeployment rdfs:label ?label }")
    assert {row["label"]["value"] for row in labels} == {"troop deployment"}
