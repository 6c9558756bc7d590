"""SPARQL over a build's graph, with pyoxigraph.

``run_query`` takes a build folder (it reads ``graph.ttl``, or builds the graph
from ``claims.jsonl`` when an older build has none), an RDF file, or a loaded
``pyoxigraph.Store``. kg's prefixes (kg:, wd:, prov:, rdfs:, stance: ... see
kg.namespace.PREFIXES) are predeclared.

Names that come from a user reach the query only as bound values
(``bindings``), never as query text: a name with a quote or a brace is a value
that matches nothing, not a way to rewrite the query. A bound variable must be
in the SELECT list (pyoxigraph substitutes only projected variables).

Write queries with their required patterns first and OPTIONAL blocks last:
pyoxigraph may not finish a query whose OPTIONALs come first on a large graph.

>>> import pyoxigraph
>>> store = pyoxigraph.Store()
>>> store.load(b'<http://www.wikidata.org/entity/Q159> <http://www.w3.org/2000/01/rdf-schema#label> "Russie" .',
...            format=pyoxigraph.RdfFormat.N_TRIPLES)
>>> result = run_query(store, 'SELECT ?e ?label WHERE { ?e rdfs:label ?label }')
>>> result.columns, result.rows
(['e', 'label'], [{'e': 'http://www.wikidata.org/entity/Q159', 'label': 'Russie'}])
>>> run_query(store, 'ASK { ?e rdfs:label ?name }', {"name": 'Russie" } #'}).rows
[{'ask': False}]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .errors import BuildNotFound, QueryError
from .namespace import PREFIXES

__all__ = ["QueryResult", "open_store", "run_query", "uses_service", "load_query_file", "SERVICE_TIMEOUT",
           "RDF_STORE", "write_rdf_store"]

#: the build's graph as an on-disk Oxigraph store, beside graph.ttl: a query opens it
#: in a fraction of a second, where parsing graph.ttl again took seconds on a large build
RDF_STORE = "graph.oxigraph"

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FORMATS_BY_SUFFIX = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".trig": "TRIG", ".nq": "N_QUADS"}


@dataclass
class QueryResult:
    """Rows of a query: one dict per solution, keys in ``columns`` order.

    IRIs come back as strings, numbers and booleans as Python values, unbound
    variables as None. ASK gives one row ``{"ask": bool}``; CONSTRUCT and
    DESCRIBE one row per triple (subject, predicate, object).
    """
    columns: list[str]
    rows: list[dict]


def open_store(source):
    """A pyoxigraph Store holding the graph of ``source``: a Store, a build folder or an RDF file."""
    import pyoxigraph

    if isinstance(source, pyoxigraph.Store):
        return source
    path = Path(source)
    if path.is_dir() and (path / RDF_STORE).is_dir():
        store = _stored_graph(path)
        if store is not None:
            return store
    store = pyoxigraph.Store()
    if path.is_dir():
        if (path / "graph.ttl").is_file():
            path = path / "graph.ttl"
        else:
            from .rdf import serialize_corpus
            from .store import load_corpus

            corpus = load_corpus(path)  # raises BuildNotFound when there is no build either
            store.bulk_load(serialize_corpus(corpus, "nt").encode("utf-8"),
                            format=pyoxigraph.RdfFormat.N_TRIPLES)
            return store
    if not path.is_file():
        raise BuildNotFound(f"{path}: no build here (graph.ttl missing); run `kg build SOURCES -o {path}` first")
    fmt = getattr(pyoxigraph.RdfFormat, _FORMATS_BY_SUFFIX.get(path.suffix, "TURTLE"))
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise BuildNotFound(f"{path}: not readable RDF ({_first_line(exc)}); rebuild with `kg build`") from None
    return store


#: statements loaded into the store at a time: each chunk is a list of Python terms and then
#: the loader's own sorted copy, so a build's peak grows with it (bench/memory.py: at 100,000,
#: 114 MB over the load of 250,000 statements, against 48 MB at 20,000, for 0.5 s more CPU)
_LOAD_CHUNK = 20_000


def write_rdf_store(turtle: Path, store_dir: Path) -> None:
    """Load the Turtle file ``turtle`` into a new on-disk store at ``store_dir``."""
    import pyoxigraph

    store = pyoxigraph.Store(str(store_dir))
    # in chunks: Oxigraph's bulk loader holds up to a million statements a thread in
    # memory, which made a build's peak grow with the corpus (bench/memory.py)
    statements = pyoxigraph.parse(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    while chunk := list(islice(statements, _LOAD_CHUNK)):
        store.bulk_extend(chunk)
    store.flush()
    del store  # closes the store's files before the build folder is published


def _stored_graph(build_dir: Path):
    """The store the build wrote, opened read-only, while graph.ttl is still the file
    it was loaded from (kg.index checks it); else None."""
    import pyoxigraph

    from .index import fresh_output

    if fresh_output(build_dir, "graph.ttl") is None:
        return None
    try:
        return pyoxigraph.Store.read_only(str(build_dir / RDF_STORE))
    except (OSError, ValueError, RuntimeError):
        return None  # unreadable here (another platform's files?): parse graph.ttl instead


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _term(value):
    """A Python value or RDF term -> a pyoxigraph term, for a substitution."""
    import pyoxigraph

    if isinstance(value, (pyoxigraph.NamedNode, pyoxigraph.Literal, pyoxigraph.BlankNode)):
        return value
    if isinstance(value, bool):
        return pyoxigraph.Literal("true" if value else "false",
                                  datatype=pyoxigraph.NamedNode(PREFIXES["xsd"] + "boolean"))
    if isinstance(value, int):
        return pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode(PREFIXES["xsd"] + "integer"))
    if type(value).__name__ == "URIRef":  # an rdflib IRI, without importing rdflib here
        return pyoxigraph.NamedNode(str(value))
    return pyoxigraph.Literal(str(value))


def _python(term):
    """A pyoxigraph term -> what a table, JSON or CSV shows."""
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value[len(PREFIXES["xsd"]):] if term.datatype else ""
        if datatype in ("integer", "int", "long", "nonNegativeInteger"):
            return int(term.value)
        if datatype in ("decimal", "double", "float"):
            return float(term.value)
        if datatype == "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return "_:" + term.value
    return term.value


def _substitutions(bindings: dict | None) -> dict:
    import pyoxigraph

    substitutions = {}
    for name, value in (bindings or {}).items():
        if not _VARIABLE.fullmatch(name):
            raise QueryError(f"bad variable name {name!r} in a binding; use letters, digits and _")
        substitutions[pyoxigraph.Variable(name)] = _term(value)
    return substitutions


#: seconds a query that calls other endpoints (SERVICE, with allow_service) may take
SERVICE_TIMEOUT = 30.0
_SERVICE_WORD = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def uses_service(sparql: str) -> bool:
    """Does the query call another SPARQL endpoint (a SERVICE clause)?

    >>> uses_service('SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT * WHERE { ?s rdfs:label "SERVICE" }')
    False
    """
    folded = sparql.lower()
    if "service" not in folded and "\\u" not in folded:
        return False  # not even the letters (nor a \u escape that could spell them): no need for rdflib
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except Exception:  # noqa: BLE001 - a grammar rdflib lacks: judge by the word itself
        return bool(_SERVICE_WORD.search(sparql))
    return "ServiceGraphPattern" in repr(tree)


def run_query(source, sparql: str, bindings: dict | None = None, *, allow_service: bool = False,
              timeout: float = SERVICE_TIMEOUT) -> QueryResult:
    """Run ``sparql`` over ``source`` (see open_store) with ``bindings`` (variable -> value)
    substituted as values; raise QueryError with a one-line message if it fails.

    A SERVICE clause would make kg send requests to any host the query names, so it
    is refused unless ``allow_service``; then the query gets ``timeout`` seconds.
    """
    if uses_service(sparql) and not allow_service:
        raise QueryError("the query calls another endpoint (SERVICE); kg does not send requests "
                         "unless you pass --allow-service")
    store = open_store(source)
    substitutions = _substitutions(bindings)
    if not allow_service:
        return _answer(store, sparql, substitutions)
    return _with_timeout(lambda: _answer(store, sparql, substitutions), timeout)


def _answer(store, sparql: str, substitutions: dict) -> QueryResult:
    import pyoxigraph

    try:
        answer = store.query(sparql, prefixes=PREFIXES, substitutions=substitutions)
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return QueryResult(["ask"], [{"ask": bool(answer)}])
        if isinstance(answer, pyoxigraph.QueryTriples):
            columns = ["subject", "predicate", "object"]
            return QueryResult(columns, [dict(zip(columns, (_python(t.subject), _python(t.predicate),
                                                            _python(t.object)))) for t in answer])
        columns = [v.value for v in answer.variables]
        return QueryResult(columns, [{c: _python(solution[c]) for c in columns} for solution in answer])
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {_first_line(exc)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"SPARQL query failed: {_first_line(exc)}") from None


def _with_timeout(run, timeout: float) -> QueryResult:
    """``run()`` in a daemon thread, so that an endpoint that never answers cannot hang kg."""
    import threading

    outcome = {}

    def target():
        try:
            outcome["result"] = run()
        except QueryError as exc:  # the message only: its traceback holds pyoxigraph objects of this thread
            outcome["error"] = str(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"the query did not finish within {timeout:g} s (a SERVICE endpoint that "
                         "does not answer?)")
    if "error" in outcome:
        raise QueryError(outcome["error"])
    return outcome["result"]


def load_query_file(path: Path) -> str:
    """The text of a .rq file, or a QueryError that names it."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query file ({exc.__class__.__name__}); "
                         "give a UTF-8 .rq file") from None
