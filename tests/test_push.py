"""``kg push`` (kg.push): a build goes into a SPARQL server through the Graph Store
protocol, one named graph per article; a later push replaces only the articles that
changed (and drops removed ones), checked here with SPARQL on an Oxigraph server."""
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.namespace import GRAPH, ONTOLOGY_GRAPH, RECORD_GRAPH, SHARED_GRAPH, local_iri

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"
MARK = "<urn:kg-test:untouched> <urn:kg-test:since> \"the first push\""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """An Oxigraph server on 127.0.0.1: its base URL."""
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    base = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "store"), "--bind", base[7:]],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            if process.poll() is not None:
                pytest.skip(f"the oxigraph server did not start: {process.stderr.read().decode()[:200]}")
            try:
                httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def sparql(base, query):
    answer = httpx.post(base + "/query", content=query, timeout=10, headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    answer.raise_for_status()
    return answer.json()


def triples_per_graph(base) -> dict[str, int]:
    rows = sparql(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows["results"]["bindings"]}


def marked(base) -> set[str]:
    rows = sparql(base, "SELECT ?g WHERE { GRAPH ?g { " + MARK + " } }")
    return {row["g"]["value"] for row in rows["results"]["bindings"]}


def kg(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def article_graph(doc_id: str) -> str:
    return str(local_iri(GRAPH, doc_id))


def test_a_push_sends_only_the_articles_that_changed(server, tmp_path):
    articles, out = tmp_path / "articles", tmp_path / "out"
    shutil.copytree(GOOD, articles)
    assert kg("build", articles, "-o", out, "--quiet", "--jobs", "1").exit_code == 0
    endpoint = server + "/store"

    result = kg("push", "--graph", out, "--endpoint", endpoint)
    assert result.exit_code == 0, result.output
    documents = [json.loads(line)["id"] for line in (out / "documents.jsonl").read_text().splitlines()]
    graphs = [article_graph(d) for d in documents]
    held = triples_per_graph(server)
    assert set(held) == {*graphs, str(SHARED_GRAPH), str(ONTOLOGY_GRAPH), str(RECORD_GRAPH)}
    assert result.output.strip() == f"{len(graphs) + 2} graphs sent, 0 deleted, 0 unchanged -> {endpoint}"
    ask = sparql(server, "PREFIX kg: <https://w3id.org/kg/ontology#> ASK { GRAPH ?g { ?c a kg:Claim ; "
                         "kg:document ?d } GRAPH ?o { kg:Claim a ?class } }")
    assert ask["boolean"]

    # a mark in every article's graph: a graph sent again loses it
    insert = " ".join(f"GRAPH <{g}> {{ {MARK} }}" for g in graphs)
    httpx.post(server + "/update", content=f"INSERT DATA {{ {insert} }}", timeout=10,
               headers={"Content-Type": "application/sparql-update"}).raise_for_status()
    assert kg("push", "--graph", out, "--endpoint", endpoint).output.strip() == \
        f"0 graphs sent, 0 deleted, {len(graphs) + 2} unchanged -> {endpoint}"
    assert marked(server) == set(graphs)

    changed = articles / "fr-koursk.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "La Lituanie a livré des drones à l'Ukraine.\n",
                       encoding="utf-8")
    assert kg("build", articles, "-o", out, "--quiet", "--jobs", "1").exit_code == 0
    result = kg("push", "--graph", out, "--endpoint", endpoint)
    assert result.exit_code == 0, result.output
    koursk = article_graph("fr-koursk")
    assert koursk in graphs
    assert marked(server) == set(graphs) - {koursk}  # only that article's graph was sent again
    after = triples_per_graph(server)
    assert after[koursk] > held[koursk]
    assert all(after[g] == held[g] + 1 for g in graphs if g != koursk)  # the others, and their mark
    lithuania = sparql(server, "ASK { GRAPH <" + koursk + "> { ?e ?p ?text FILTER(CONTAINS(STR(?text), 'Lituanie')) } }")
    assert lithuania["boolean"]

    (articles / "en-sanctions.txt").unlink()
    assert kg("build", articles, "-o", out, "--quiet", "--jobs", "1").exit_code == 0
    result = kg("push", "--graph", out, "--endpoint", endpoint)
    assert result.exit_code == 0, result.output
    assert ", 1 deleted," in result.output
    assert article_graph("en-sanctions") not in triples_per_graph(server)


def test_push_all_sends_every_graph(server, fixture_build_dir):
    endpoint = server + "/store"
    assert kg("push", "--graph", fixture_build_dir, "--endpoint", endpoint, "-q").exit_code == 0
    result = kg("push", "--graph", fixture_build_dir, "--endpoint", endpoint, "--all")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{len(triples_per_graph(server)) - 1} graphs sent, 0 deleted, 0 unchanged")


def test_shards_pushed_to_one_server_keep_each_others_articles(server, fixture_build_dir, fixture_corpus):
    from kg.model import Corpus, Document
    from kg.push import push

    endpoint = server + "/store"
    assert kg("push", "--graph", fixture_build_dir, "--endpoint", endpoint, "--shard", "a", "-q").exit_code == 0
    first = set(triples_per_graph(server))
    report = push(Corpus([Document("other-01", "texte", "fr")], [], []), endpoint, shard="b")
    assert report.deleted == [] and article_graph("other-01") in report.sent
    report = push(Corpus([Document("other-02", "texte", "fr")], [], []), endpoint, shard="b")
    assert report.deleted == [article_graph("other-01")]  # b's own article, none of a's
    held = set(triples_per_graph(server))
    assert first <= held and article_graph("other-02") in held
    assert {str(SHARED_GRAPH) + "/a", str(RECORD_GRAPH) + "/a", str(RECORD_GRAPH) + "/b"} <= held


def test_push_all_still_deletes_the_articles_a_build_no_longer_holds(server):
    from kg.model import Corpus, Document
    from kg.push import push

    endpoint = server + "/store"
    push(Corpus([Document("gone-01", "texte", "fr"), Document("kept-01", "texte", "fr")], [], []), endpoint)
    report = push(Corpus([Document("kept-01", "texte", "fr")], [], []), endpoint, everything=True)
    assert report.deleted == [article_graph("gone-01")]
    assert article_graph("gone-01") not in triples_per_graph(server)


def test_a_server_that_is_down_is_one_line(fixture_build_dir):
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    result = kg("push", "--graph", fixture_build_dir, "--endpoint", endpoint)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: could not reach {endpoint} (ConnectError")
    assert len(result.output.strip().splitlines()) == 1


def test_an_endpoint_that_is_not_a_graph_store_is_one_line(server, fixture_build_dir):
    result = kg("push", "--graph", fixture_build_dir, "--endpoint", server + "/query")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {server}/query refused ")
    assert "Graph Store endpoint" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_folder_without_a_build_is_one_line(tmp_path):
    result = kg("push", "--graph", tmp_path, "--endpoint", "http://127.0.0.1:9/store")
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1


def test_the_commands_of_the_scale_guide_are_valid():
    """Every kg line of docs/scale.md's shell blocks parses with the CLI (options, values)."""
    import re
    import shlex

    guide = (Path(__file__).parent.parent / "docs" / "scale.md").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for block in re.findall(r"```sh\n(.*?)```", guide, re.S)
             for line in block.splitlines()]
    commands = [shlex.split(line)[1:] for line in lines if line.startswith("kg ")]
    assert {c[0] for c in commands} >= {"build", "push", "export"}
    for args in commands:
        command = main.get_command(None, args[0])
        assert command is not None, args
        command.make_context(args[0], args[1:])  # raises click.UsageError on an unknown option


@pytest.fixture
def guarded_store():
    """A Graph Store stand-in that wants an account (Basic, or Digest when asked): base URL,
    the scheme to ask for (a one-item list to change) and the Authorization headers it saw."""
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    scheme, seen = ["Basic"], []
    good = "Basic " + base64.b64encode(b"editor:s3cret").decode()

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            given = self.headers.get("Authorization")
            seen.append(given)
            allowed = given == good or (scheme[0] == "Digest" and (given or "").startswith("Digest "))
            self.send_response(404 if allowed and self.command == "GET" else 204 if allowed else 401)
            if not allowed:
                self.send_header("WWW-Authenticate", f'{scheme[0]} realm="kg", nonce="abc"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PUT = do_DELETE = answer  # noqa: N815 (http.server's names)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/store", scheme, seen
    finally:
        server.shutdown()
        thread.join(timeout=10)


def test_an_account_is_sent_as_the_server_asks(guarded_store, fixture_build_dir, monkeypatch):
    endpoint, scheme, seen = guarded_store
    result = kg("push", "--graph", fixture_build_dir, "--endpoint", endpoint)
    assert result.exit_code == 1
    assert "HTTP 401" in result.output and "--user NAME" in result.output
    assert len(result.output.strip().splitlines()) == 1

    monkeypatch.setenv("KG_PUSH_PASSWORD", "s3cret")
    result = kg("push", "--graph", fixture_build_dir, "--endpoint", endpoint, "--user", "editor")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("5 graphs sent")  # 3 articles, the shared graph, the ontology

    scheme[0] = "Digest"
    seen.clear()
    result = kg("push", "--graph", fixture_build_dir, "--endpoint", endpoint, "--user", "editor")
    assert result.exit_code == 0, result.output
    sent = [header for header in seen if header]  # the first requests go without, to hear the challenge
    assert len(sent) >= 6 and all(header.startswith("Digest ") for header in sent)
