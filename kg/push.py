"""``kg push``: a build into a SPARQL server, through the SPARQL 1.1 Graph Store
HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/), which Oxigraph
server, Apache Jena Fuseki, GraphDB and Virtuoso speak.

The build goes in as named graphs, the ones kg.rdf already gives its
statements: one per article (``graph:<doc id>``: its description, claims,
evidence, attributions, quantities), one for what is shared across articles
(``SHARED_GRAPH``: entities, events) and one for the ontology (``ONTOLOGY_GRAPH``,
``ontology/kg.ttl``, so that queries on the server see class labels and
sub-classes). Each graph is sent whole with PUT, which replaces it.

Only the graphs that changed are sent: the server keeps a record
(``RECORD_GRAPH``) of the SHA-256 of each graph as kg last sent it, and a push
compares the build's graphs with it, PUTs those that differ, DELETEs those of
articles no longer in the build, and then replaces the record. The record
lives on the server, not beside the build, so that it is right whoever pushes
and a server emptied since is filled again whole. A push that fails midway
leaves the old record: the next push sends again what it may have sent.

>>> from kg.model import Corpus, Document
>>> graphs = build_graphs(Corpus([Document("fr-01", "texte", "fr")], [], []))
>>> [str(g.iri) for g in graphs][:2]
['https://w3id.org/kg/ontology', 'https://w3id.org/kg/resource/graph/fr-01']
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EndpointError
from .model import Corpus
from rdflib import Namespace

from .namespace import KG, ONTOLOGY_GRAPH, RECORD_GRAPH, SHARED_GRAPH, local_iri

__all__ = ["Graph", "PushReport", "build_graphs", "push", "push_build"]

N_TRIPLES = "application/n-triples"
TURTLE = "text/turtle"
#: where `kg push --user` finds the password (never on the command line, where `ps` shows it)
PASSWORD_VARIABLE = "KG_PUSH_PASSWORD"
#: seconds to wait for the server: a large graph takes a while to load
_TIMEOUT = 120.0


@dataclass(frozen=True)
class Graph:
    """One named graph to send: its IRI, its content and that content's media type."""
    iri: str
    content: bytes
    media_type: str = N_TRIPLES

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class PushReport:
    sent: list[str] = field(default_factory=list)       # graphs PUT (new or changed)
    deleted: list[str] = field(default_factory=list)    # graphs of articles gone from the build
    unchanged: int = 0                                  # graphs the server already held as they are


def _ontology_graph() -> Graph:
    from .lexicons import ontology_dir

    # sent as written: its blank nodes (OWL lists) would get new labels at each parse
    return Graph(str(ONTOLOGY_GRAPH), (ontology_dir() / "kg.ttl").read_bytes(), TURTLE)


def build_graphs(corpus: Corpus, shard: str | None = None) -> Iterator[Graph]:
    """The named graphs of a build, one after the other (a push holds one at a time):
    the ontology, the shared one (``shard``'s own, if given), then the articles' in
    IRI order. The same corpus gives the same bytes: kg.rdf sorts its statements
    and gives no blank node."""
    import pyoxigraph as ox

    from .rdf import oxigraph_graphs

    yield _ontology_graph()
    for name, triples in oxigraph_graphs(corpus):
        iri = str(name) if name is not None else _in_shard(SHARED_GRAPH, shard)
        yield Graph(iri, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def _in_shard(iri: str, shard: str | None) -> str:
    """A graph of kg's own (the shared one, the record) for one shard of a corpus."""
    return str(iri) if shard is None else str(local_iri(Namespace(str(iri) + "/"), shard))


def push(corpus: Corpus, endpoint: str, *, everything: bool = False, shard: str | None = None,
         auth: tuple[str, str] | None = None, client=None) -> PushReport:
    """Load ``corpus`` into the Graph Store at ``endpoint`` (e.g. Oxigraph's
    ``http://HOST:7878/store``), sending only the graphs that differ from what
    the server's record says it holds (every graph if ``everything``).
    ``shard`` names one of several builds pushed to one server (their articles
    differ): each has its own record and shared graph, and a push deletes only
    the articles its own shard no longer holds. ``auth``: a user name and
    password (HTTP Basic) for servers whose writes need an account.
    ``client``: an httpx.Client (tests). Raises EndpointError (one line) when the
    server cannot be reached or refuses a request."""
    import httpx

    if not endpoint.startswith(("http://", "https://")):
        raise EndpointError(f"{endpoint}: not an http:// or https:// URL; give the server's Graph Store "
                            "endpoint (Oxigraph: http://HOST:7878/store)")
    own = client is None
    client = client or httpx.Client(timeout=_TIMEOUT, auth=_challenged_auth(*auth) if auth else None)
    try:
        store = _GraphStore(client, endpoint, _in_shard(RECORD_GRAPH, shard))
        held = store.record()  # read with --all too: removed articles must still go
        report, digests = PushReport(), {}
        for graph in build_graphs(corpus, shard):
            digests[graph.iri] = digest = graph.digest
            if not everything and held.get(graph.iri) == digest:
                report.unchanged += 1
                continue
            store.put(graph)
            report.sent.append(graph.iri)
        for iri in sorted(set(held) - set(digests)):
            store.delete(iri)
            report.deleted.append(iri)
        store.put(_record(store.record_iri, digests))
        return report
    finally:
        if own:
            client.close()


def push_build(build_dir: str | Path, endpoint: str, **options) -> PushReport:
    """``push`` (with its ``options``) the build written into ``build_dir`` by ``kg build -o``."""
    from .store import load_corpus

    return push(load_corpus(Path(build_dir)), endpoint, **options)


def _challenged_auth(user: str, password: str):
    """HTTP Basic or Digest, whichever the server asks for (Virtuoso asks for Digest)."""
    import httpx

    class Challenged(httpx.Auth):
        requires_request_body = True  # a challenged PUT is sent again, body and all

        def __init__(self):
            self.chosen = None

        def auth_flow(self, request):
            if self.chosen is None:
                response = yield request
                if response.status_code != 401:
                    return
                scheme = response.headers.get("WWW-Authenticate", "").split(" ", 1)[0].lower()
                self.chosen = (httpx.DigestAuth if scheme == "digest" else httpx.BasicAuth)(user, password)
            yield from self.chosen.auth_flow(request)

    return Challenged()


def _record(iri: str, digests: dict[str, str]) -> Graph:
    """The record graph: each graph of the build, with the SHA-256 of its content."""
    lines = sorted(f'<{graph}> <{KG.contentHash}> "{digest}" .\n' for graph, digest in digests.items())
    return Graph(iri, "".join(lines).encode("utf-8"))


class _GraphStore:
    """The requests of the Graph Store protocol kg needs, on graphs named indirectly
    (``?graph=IRI``), each failure turned into a one-line EndpointError."""

    def __init__(self, client, endpoint: str, record_iri: str):
        self.client, self.endpoint, self.record_iri = client, endpoint, record_iri

    def record(self) -> dict[str, str]:
        """graph IRI -> SHA-256, as the server's record says; empty when it has none."""
        import pyoxigraph as ox

        answer = self._send("GET", self.record_iri, headers={"Accept": N_TRIPLES}, missing_ok=True)
        if answer.status_code == 404:
            return {}
        try:
            triples = ox.parse(answer.content, format=ox.RdfFormat.N_TRIPLES)
            return {t.subject.value: t.object.value for t in triples if t.predicate.value == str(KG.contentHash)}
        except (SyntaxError, ValueError):
            return {}  # a record kg cannot read: everything is sent again, and the record rewritten

    def put(self, graph: Graph) -> None:
        self._send("PUT", graph.iri, content=graph.content,
                   headers={"Content-Type": f"{graph.media_type}; charset=utf-8"})

    def delete(self, iri: str) -> None:
        self._send("DELETE", iri, missing_ok=True)

    def _send(self, method: str, iri: str, *, missing_ok: bool = False, **kwargs):
        import httpx

        try:
            answer = self.client.request(method, self.endpoint, params={"graph": iri}, **kwargs)
        except httpx.InvalidURL as error:
            raise EndpointError(f"{self.endpoint}: not a URL kg can reach ({error})") from None
        except httpx.HTTPError as error:
            raise EndpointError(f"could not reach {self.endpoint} ({type(error).__name__}: "
                                f"{str(error) or 'no answer'}); is the SPARQL server running there?") from None
        if answer.status_code == 404 and missing_ok:
            return answer
        if answer.status_code in (401, 403):
            raise EndpointError(f"{self.endpoint} refused {method} of graph <{iri}> (HTTP {answer.status_code} "
                                f"{answer.reason_phrase}); give an account that may write: --user NAME, "
                                f"the password in ${PASSWORD_VARIABLE}")
        if answer.status_code >= 400:
            reason = answer.reason_phrase or "error"
            raise EndpointError(f"{self.endpoint} refused {method} of graph <{iri}> (HTTP {answer.status_code} "
                                f"{reason}); give the server's Graph Store endpoint "
                                "(Oxigraph: /store, Fuseki: /DATASET/data)")
        return answer
