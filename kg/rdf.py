"""A Corpus as RDF in kg's ontology (``ontology/kg.ttl``).

Each claim is a node (the W3C n-ary relation pattern) typed with its claim
class and ``kg:Claim``; its roles link it to entities; its sentences are
``kg:Evidence`` nodes it ``prov:wasDerivedFrom``; each claimant's stance is a
``kg:Attribution`` node (``kg:attribution``). Only a claimant who claims or confirms
is a PROV-O attribution too (``prov:wasAttributedTo``, ``prov:qualifiedAttribution``):
a denial is not authorship. A claim nobody is said to make is stated by the article
itself: ``kg:alleged false``.

Every node gets an IRI derived from an id (see kg.namespace): no blank nodes,
so that the same corpus always gives the same bytes.

>>> from kg.model import Claim, Corpus, Document, EntityRef, Evidence
>>> prk = EntityRef("Q423", "Corée du Nord", "Q423", "Country")
>>> kursk = EntityRef("place-koursk", "Koursk", None, "Place")
>>> claim = Claim("troop_deployment", "fr-00", {"sender": [prk], "location": [kursk]},
...               [Evidence("fr-00", 0, 5, "texte")], rule="fr.deploy.test")
>>> graph = corpus_to_rdf(Corpus([Document("fr-00", "texte", "fr")], [], [claim]))
>>> from kg.namespace import KG, WD
>>> sorted(str(o) for o in graph.objects(None, KG.sender))
['http://www.wikidata.org/entity/Q423']
>>> from rdflib.compare import isomorphic
>>> turtle = corpus_to_turtle(Corpus([Document("fr-00", "texte", "fr")], [], [claim]))
>>> isomorphic(Graph().parse(data=turtle, format="turtle"), graph)
True
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple
from decimal import Decimal
from pathlib import Path

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from .model import ENTITY_CLASSES, Claim, Corpus, Document, EntityRef
from .namespace import (ATTRIBUTION, CLAIM, DOC, DOMAIN, EVENT, EVIDENCE, GRAPH, KG, OBLIGATION,
                        PREFIXES, QUANTITY, STANCE, claim_class, entity_iri, local_iri,
                        role_property)
from .lexicons import ontology_dir
from .store import atomic_file, write_text_atomic

__all__ = ["corpus_quads", "article_graphs", "oxigraph_graphs", "corpus_to_rdf", "corpus_to_dataset", "corpus_to_turtle",
           "serialize_corpus", "write_turtle", "write_rdf", "date_literal", "date_bounds", "RDF_FORMATS"]

RDF_FORMATS = ("turtle", "trig", "nt", "jsonld")

class Lit(NamedTuple):
    """A literal as the quads carry it, made an rdflib or an Oxigraph term only when
    written: building rdflib terms for a whole corpus was most of graph.ttl's cost."""
    text: str
    lang: str | None = None
    datatype: str | None = None


#: (subject, predicate, object, graph): IRIs as str, literals as Lit
Quad = tuple[str, str, "str | Lit", "str | None"]

class _Terms:
    """The IRIs of a namespace as plain str, each made once: an rdflib Namespace makes
    (and checks) a new URIRef at each access, and URIRefs compare in Python, which
    was most of the time of sorting and writing a corpus's statements."""

    def __init__(self, namespace):
        self.base = str(namespace)

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = self.base + name
        setattr(self, name, iri)  # found as an attribute from now on
        return iri

    def __getitem__(self, name: str) -> str:
        return self.base + name


(_KG, _RDF, _PROV, _DCTERMS, _SKOS, _RDFS, _XSD, _CLAIM, _EVIDENCE, _ATTRIBUTION, _QUANTITY, _OBLIGATION,
 _STANCE, _DOMAIN) = map(_Terms, (KG, RDF, PROV, DCTERMS, SKOS, RDFS, XSD, CLAIM, EVIDENCE, ATTRIBUTION,
                                  QUANTITY, OBLIGATION, STANCE, DOMAIN))


@lru_cache(maxsize=65536)
def _doc_iri(doc_id: str) -> str:
    return str(local_iri(DOC, doc_id))


@lru_cache(maxsize=65536)
def _graph_iri(doc_id: str) -> str:
    return str(local_iri(GRAPH, doc_id))


def _event_iri(event_id: str) -> str:
    return str(local_iri(EVENT, event_id))


@lru_cache(maxsize=65536)
def _entity_iri(entity_id: str, qid: str | None = None) -> str:
    return str(entity_iri(entity_id, qid))


def _claim_class(claim_type: str) -> str:
    return _declared(ontology_dir(), "class", claim_type)


def _role_property(role: str) -> str:
    return _declared(ontology_dir(), "role", role)


@lru_cache(maxsize=4096)
def _declared(_ontology: Path, kind: str, name: str) -> str:
    """A claim type's class or a role's property, once per ontology folder (tests change it)."""
    return str(claim_class(name) if kind == "class" else role_property(name))


_DATE_TYPES = ((re.compile(r"\d{4}-\d{2}-\d{2}"), _XSD.date),
               (re.compile(r"\d{4}-\d{2}"), _XSD.gYearMonth),
               (re.compile(r"\d{4}"), _XSD.gYear))
#: stances whose claimant vouches for the claim: the only ones PROV-O is told about
_RESPONSIBLE_STANCES = ("claims", "confirms")
_LANG_TAG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_TRUE, _FALSE = Lit("true", None, _XSD.boolean), Lit("false", None, _XSD.boolean)


def _date(text: str) -> Lit | None:
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return Lit(text, None, datatype)
    return None


def date_literal(text: str) -> Literal | None:
    """An ISO date as precise as the text gave it, typed by precision.

    >>> date_literal("2024-11").datatype == XSD.gYearMonth
    True
    >>> date_literal("2006").n3()
    '"2006"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    >>> date_literal("mardi") is None
    True
    """
    found = _date(text)
    return None if found is None else _rdflib_term(found)


def date_bounds(text: str) -> tuple[Literal, Literal] | None:
    """The first and last day (xsd:date) of a date given to the day, month or year, so
    that reasoners that refuse xsd:gYearMonth and range FILTERs can use it.

    >>> [str(d) for d in date_bounds("2024-02")]
    ['2024-02-01', '2024-02-29']
    >>> [str(d) for d in date_bounds("2006")]
    ['2006-01-01', '2006-12-31']
    >>> date_bounds("2024-13") is None
    True
    """
    bounds = _date_bounds(text)
    return None if bounds is None else (_rdflib_term(bounds[0]), _rdflib_term(bounds[1]))


def _date_bounds(text: str) -> tuple[Lit, Lit] | None:
    import calendar
    from datetime import date

    from .text import parse_iso

    if _date(text) is None:
        return None
    try:
        year, month, day = parse_iso(text)
    except ValueError:  # a month 13, a 30 February
        return None
    first_month, last_month = (month, month) if month else (1, 12)
    earliest = date(year, first_month, day or 1)
    latest = date(year, last_month, day or calendar.monthrange(year, last_month)[1])
    return Lit(earliest.isoformat(), None, _XSD.date), Lit(latest.isoformat(), None, _XSD.date)


def _number(value: float) -> Lit:
    """11000.0 -> 11000 (xsd:integer); 2.5 -> 2.5 (xsd:decimal), never a float's noise."""
    if float(value).is_integer():
        return _integer(int(value))
    # rdflib spells the decimal (a count with a fraction is rare: no need to be quick)
    return Lit(str(Literal(Decimal(repr(float(value))), datatype=_XSD.decimal)), None, _XSD.decimal)


def _integer(value: int) -> Lit:
    return Lit(str(value), None, _XSD.integer)


def _boolean(value: bool) -> Lit:
    return _TRUE if value else _FALSE


class _Text:
    """Literals for the words of one article, tagged with its language when known."""

    def __init__(self, lang: str | None):
        self.lang = lang if lang and _LANG_TAG.fullmatch(lang) else None

    def __call__(self, text: str) -> Lit:
        return Lit(text, self.lang)


def _document_quads(doc_id: str, document: Document | None) -> Iterator[Quad]:
    node, graph = _doc_iri(doc_id), _graph_iri(doc_id)
    yield node, _RDF.type, _KG.Document, graph
    yield node, _RDF.type, _PROV.Entity, graph
    yield node, _KG.id, Lit(doc_id), graph
    if document is None:
        return
    text = _Text(document.lang)
    if document.title:
        yield node, _DCTERMS.title, text(document.title), graph
    if document.published:
        yield node, _DCTERMS.issued, _date(document.published) or Lit(document.published), graph
    if document.lang:
        yield node, _DCTERMS.language, Lit(document.lang), graph
    if document.url:
        yield node, _KG.url, Lit(document.url, None, _XSD.anyURI), graph


def _labels(ref: EntityRef, langs: set[str]) -> Iterator[Lit]:
    """rdfs:label in every language we know a name in: the gazetteer's names
    ("Russie"@fr, "Russia"@en), and the build's label in the language of each
    article that names the entity otherwise; untagged when no language is known."""
    from .gazetteer import load_gazetteer

    entry = load_gazetteer().of(ref)
    names = entry.names() if entry else {}
    for lang in langs:
        names.setdefault(lang, ref.label)
    if not names:
        yield Lit(ref.label)
    for lang, name in names.items():
        if _LANG_TAG.fullmatch(lang):
            yield Lit(name, lang)


def _entity_quads(ref: EntityRef, aliases=(), part_of=None, docs=(), langs=frozenset()) -> Iterator[Quad]:
    node = _entity_iri(ref.id, ref.qid)
    yield node, _RDF.type, _KG.Entity, None
    if ref.cls in ENTITY_CLASSES:
        yield node, _RDF.type, _KG[ref.cls], None
    # one display name (the build's), and names to match in each language
    yield node, _SKOS.prefLabel, Lit(ref.label), None
    for label in _labels(ref, set(langs)):
        yield node, _RDFS.label, label, None
    yield node, _KG.id, Lit(ref.id), None
    for alias in aliases:
        yield node, _SKOS.altLabel, Lit(alias), None
    if part_of:
        yield node, _KG.partOf, _entity_iri(part_of), None
    for doc_id in docs:
        yield node, _KG.mentionedIn, _doc_iri(doc_id), None


def _claim_quads(claim: Claim, text: _Text) -> Iterator[Quad]:
    """What the article says of a claim, in its named graph (its event: _event_quads)."""
    claim_id = claim.id
    node, graph = _CLAIM[claim_id], _graph_iri(claim.doc)
    yield node, _RDF.type, _claim_class(claim.type), graph
    yield node, _RDF.type, _KG.Claim, graph
    yield node, _KG.id, Lit(claim_id), graph
    yield node, _KG.document, _doc_iri(claim.doc), graph
    yield node, _KG.rule, Lit(claim.rule), graph
    yield node, _KG.alleged, _boolean(claim.alleged), graph
    for role, refs in claim.roles.items():
        for ref in refs:
            yield node, _role_property(role), _entity_iri(ref.id, ref.qid), graph
    if claim.quantity:
        yield from _quantity_quads(claim, node, graph)
    if claim.date:
        yield node, _KG.date, _date(claim.date) or Lit(claim.date), graph
        bounds = _date_bounds(claim.date)
        if bounds:
            yield node, _KG.dateEarliest, bounds[0], graph
            yield node, _KG.dateLatest, bounds[1], graph
    if claim.obligation:
        yield node, _KG.obligation, _OBLIGATION[claim.obligation], graph
    if claim.domain:
        yield node, _KG.domain, _DOMAIN[claim.domain], graph
    if claim.stance:
        yield node, _KG.statementStance, _STANCE[claim.stance], graph
    for name in ("quote", "position", "item"):
        if getattr(claim, name):
            yield node, _KG[name], text(getattr(claim, name)), graph
    for number, evidence in enumerate(claim.evidence):
        sentence = _EVIDENCE[f"{claim_id}-{number}"]
        yield node, _PROV.wasDerivedFrom, sentence, graph
        yield sentence, _RDF.type, _KG.Evidence, graph
        yield sentence, _KG.document, _doc_iri(evidence.doc), graph
        yield sentence, _KG.start, _integer(evidence.start), graph
        yield sentence, _KG.end, _integer(evidence.end), graph
        yield sentence, _KG.text, text(evidence.text), graph
    for number, attribution in enumerate(claim.attributions):
        stance_node = _ATTRIBUTION[f"{claim_id}-{number}"]
        claimant = _entity_iri(attribution.claimant.id, attribution.claimant.qid)
        yield node, _KG.attribution, stance_node, graph
        yield stance_node, _RDF.type, _KG.Attribution, graph
        yield stance_node, _KG.claimant, claimant, graph
        yield stance_node, _KG.stance, _STANCE[attribution.stance], graph
        if attribution.stance in _RESPONSIBLE_STANCES:
            # PROV reads an attribution as "this agent is responsible for the claim":
            # true of who claims or confirms it, never of who denies it or says nothing
            yield node, _PROV.wasAttributedTo, claimant, graph
            yield node, _PROV.qualifiedAttribution, stance_node, graph
            yield stance_node, _RDF.type, _PROV.Attribution, graph
            yield stance_node, _PROV.agent, claimant, graph
        if attribution.cue:
            yield stance_node, _KG.cue, text(attribution.cue), graph


def _event_quads(claim: Claim) -> Iterator[Quad]:
    """The claim as a report of its event, across articles: in the default graph."""
    if claim.event:
        event = _event_iri(claim.event)
        yield event, _RDF.type, _KG.Event, None
        yield event, _KG.report, _CLAIM[claim.id], None


def _quantity_quads(claim: Claim, node: URIRef, graph: URIRef) -> Iterator[Quad]:
    quantity, amount = claim.quantity, _QUANTITY[claim.id]
    yield node, _KG.quantity, amount, graph
    yield amount, _RDF.type, _KG.Quantity, graph
    for name in ("value", "low", "high"):
        if getattr(quantity, name) is not None:
            yield amount, _KG[name], _number(getattr(quantity, name)), graph
    yield amount, _KG.approximate, _boolean(quantity.approximate), graph
    if quantity.unit:
        yield amount, _KG.unit, Lit(quantity.unit), graph


def _shared_quads(corpus: Corpus, documents: dict[str, Document]) -> set[Quad]:
    """The default graph: entities and events, what articles share."""
    quads: set[Quad] = set()
    for claim in corpus.claims:
        quads.update(_event_quads(claim))

    def langs(doc_ids) -> set[str]:
        return {documents[d].lang for d in doc_ids if d in documents and documents[d].lang}

    described = {e.id for e in corpus.entities}
    for entity in corpus.entities:
        docs = sorted({m.doc for m in entity.mentions})
        quads.update(_entity_quads(entity.ref, entity.aliases, entity.part_of, docs, langs(docs)))
    # entities named by a claim but absent from entities.jsonl still get a type and labels
    for claim in corpus.claims:
        refs = [r for refs in claim.roles.values() for r in refs]
        for ref in refs + [a.claimant for a in claim.attributions]:
            if ref.id not in described:
                described.add(ref.id)
                quads.update(_entity_quads(ref, langs=langs([claim.doc])))
    return quads


def _graphs(corpus: Corpus) -> Iterator[list[Quad]]:
    """Every statement of the corpus graph by graph, each graph's sorted: the default
    graph (None: entities and events), then each article's named graph (its claims
    and their evidence, attributions, quantities, and the article's own description)
    in IRI order. Only one article's statements are made at a time."""
    documents = {d.id: d for d in corpus.documents}
    yield _sorted(_shared_quads(corpus, documents))
    for doc_id, document, claims in article_graphs(corpus):
        yield _article_quads(doc_id, document, claims)


def article_graphs(corpus: Corpus) -> list[tuple[str, Document | None, list[Claim]]]:
    """(doc id, its Document or None, its claims) for each article's named graph, in IRI order."""
    documents = {d.id: d for d in corpus.documents}
    claims_of: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        claims_of.setdefault(claim.doc, []).append(claim)
    doc_ids = set(documents) | set(claims_of) | {e.doc for c in corpus.claims for e in c.evidence}
    return [(doc_id, documents.get(doc_id), claims_of.get(doc_id, []))
            for _graph, doc_id in sorted((str(_graph_iri(d)), d) for d in doc_ids)]


def _article_quads(doc_id: str, document: Document | None, claims: list[Claim]) -> list[Quad]:
    quads = set(_document_quads(doc_id, document))
    text = _Text(document.lang if document else None)
    for claim in claims:
        quads.update(_claim_quads(claim, text))
    return _sorted(quads)


def _sorted(quads) -> list[Quad]:
    """One graph's quads by subject, predicate and object (as rdflib spells it in N3)."""
    return sorted(quads, key=_order)


def _order(quad: Quad) -> tuple:
    return quad[0], quad[1], _n3(quad[2])


def _n3(term) -> str:
    """The N3 form rdflib gives a term (``Literal.n3()``), without making the term."""
    if term.__class__ is not Lit:
        return f"<{term}>"
    encoded = Literal._quote_encode(term.text)  # rdflib's own escaping, on the str alone
    if term.lang:
        return f"{encoded}@{term.lang}"
    return f"{encoded}^^<{term.datatype}>" if term.datatype else encoded


def _rdflib_term(term):
    if isinstance(term, Lit):
        return Literal(term.text, lang=term.lang, datatype=term.datatype)
    return URIRef(term)


def corpus_quads(corpus: Corpus) -> list[tuple]:
    """Every statement of the corpus as rdflib terms (subject, predicate, object,
    graph), sorted by graph (None, the default graph, first), subject, predicate and
    object. The graph is the article's named graph for what the article says, None
    for what is shared: entities and events."""
    return [(URIRef(s), URIRef(p), _rdflib_term(o), g if g is None else URIRef(g))
            for quads in _graphs(corpus) for s, p, o, g in quads]


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def corpus_to_rdf(corpus: Corpus) -> Graph:
    """The corpus as one graph: the union of every article's graph and the shared one."""
    graph = Graph()
    _bind_prefixes(graph)
    for subject, predicate, obj, _ in corpus_quads(corpus):
        graph.add((subject, predicate, obj))
    return graph


def corpus_to_dataset(corpus: Corpus) -> Dataset:
    """The corpus as a dataset: one named graph per source article (graph:<doc id>),
    entities and events in the default graph. Serialise it as TriG."""
    dataset = Dataset()
    _bind_prefixes(dataset)
    for subject, predicate, obj, graph in corpus_quads(corpus):
        target = dataset.graph(graph) if graph is not None else dataset.default_graph
        target.add((subject, predicate, obj))
    return dataset


def _trig(dataset: Dataset) -> str:
    """TriG with the graphs in IRI order: rdflib writes them in hash order."""
    from io import BytesIO

    from rdflib.plugins.serializers.trig import TrigSerializer

    serializer = TrigSerializer(dataset)
    serializer.contexts.sort(key=lambda graph: str(graph.identifier))
    buffer = BytesIO()
    serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def _json_ld(graph: Graph) -> str:
    """JSON-LD with nodes, keys and values sorted: rdflib lists nodes in hash order."""
    document = json.loads(graph.serialize(format="json-ld", context=PREFIXES, auto_compact=True))
    nodes = document.get("@graph", [document])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda node: node.get("@id", ""))
    sorted_document = {"@context": PREFIXES, "@graph": nodes}
    return json.dumps(sorted_document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def oxigraph_graphs(corpus: Corpus) -> Iterator[tuple[str | None, list]]:
    """Each graph of the corpus that holds anything, in order, as its IRI (None: the
    default graph) and its statements as Oxigraph triples (kg push sends them one by one)."""
    for quads in _graphs(corpus):
        if quads:
            yield quads[0][3], list(_oxigraph_triples([quads]))


def _oxigraph_triples(graphs: Iterator[list[Quad]]):
    """The quads as Oxigraph triples, made one at a time as the writer asks for them."""
    import pyoxigraph as ox

    nodes: dict[str, ox.NamedNode] = {}  # predicates, classes and entities come back often

    def node(iri: str):
        made = nodes.get(iri)
        if made is None:
            made = nodes[iri] = ox.NamedNode(iri)
        return made

    subject_node, last = None, None
    for quads in graphs:
        for subject, predicate, obj, _graph in quads:
            if subject != last:  # sorted: a subject's statements follow each other
                subject_node, last = ox.NamedNode(subject), subject
            if obj.__class__ is Lit:
                if obj.lang:
                    obj = ox.Literal(obj.text, language=obj.lang)
                elif obj.datatype:
                    obj = ox.Literal(obj.text, datatype=node(obj.datatype))
                else:
                    obj = ox.Literal(obj.text)
            else:
                obj = node(obj)
            yield ox.Triple(subject_node, node(predicate), obj)


class _AfterPrefixes:
    """A binary file that drops the prefix lines Oxigraph writes first (in its own
    order): the caller writes them itself, in a fixed one."""

    def __init__(self, handle, skip: bytes):
        self.handle, self.skip = handle, skip

    def write(self, data) -> int:
        data = bytes(data)
        given = len(data)  # all taken: a shorter count would have Oxigraph write the rest again
        if self.skip:
            cut = min(len(self.skip), len(data))
            if data[:cut] != self.skip[:cut]:
                raise RuntimeError("pyoxigraph wrote an unexpected Turtle header")
            self.skip, data = self.skip[cut:], data[cut:]
        self.handle.write(data)
        return given

    def flush(self) -> None:
        self.handle.flush()


@lru_cache(maxsize=1)
def _oxigraph_prefixes() -> tuple[dict[str, str], bytes]:
    """The prefixes given to Oxigraph, and the header it writes for them (learnt by
    writing one triple with none of them)."""
    import pyoxigraph as ox

    prefixes = {prefix: str(iri) for prefix, iri in PREFIXES.items()}
    probe = ox.NamedNode("urn:kg:probe")
    text = ox.serialize([ox.Triple(probe, probe, probe)], format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return prefixes, text[:text.index(b"\n<urn:kg:probe> ") + 1]


def turtle_prefix_lines() -> bytes:
    """The prefix lines that graph.ttl starts with (a graph's text from write_turtle's
    pieces reads as Turtle after them)."""
    return _oxigraph_prefixes()[1]


def _write_turtle_to(corpus: Corpus, handle, pieces=None) -> None:
    """Turtle written by Oxigraph (fifteen times faster than rdflib's writer on a
    build) into the binary file ``handle``, graph by graph as _graphs makes them
    (never the whole corpus in memory as terms), after the prefix lines in a fixed order.

    No subject has statements in two graphs (an article's graph describes its own
    document and claims; the default graph, entities and events), so each graph's
    Turtle stands alone and the file is their text end to end: ``pieces``
    (kg.output_cache.Pieces) gives the text of a graph kept from an
    earlier build, and keeps the text of each graph made here."""
    import pyoxigraph as ox

    prefixes, header = _oxigraph_prefixes()
    lines = header.decode("utf-8").split("\n")
    handle.write("".join(line + "\n" for line in sorted(line for line in lines if line)).encode("utf-8"))
    if pieces is None:
        ox.serialize(_oxigraph_triples(_graphs(corpus)), _AfterPrefixes(handle, header),
                     format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        return

    def graph_text(quads: list[Quad]) -> bytes:
        text = ox.serialize(_oxigraph_triples([quads]), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        if not text.startswith(header):
            raise RuntimeError("pyoxigraph wrote an unexpected Turtle header")
        return text[len(header):]

    documents = {d.id: d for d in corpus.documents}
    handle.write(pieces.default(lambda: graph_text(_sorted(_shared_quads(corpus, documents)))))
    for doc_id, document, claims in article_graphs(corpus):
        handle.write(pieces.article(doc_id, lambda: graph_text(_article_quads(doc_id, document, claims))))


def serialize_corpus(corpus: Corpus, fmt: str = "turtle") -> str:
    """The corpus in one of RDF_FORMATS, byte-identical for the same corpus.

    rdflib sorts subjects, predicates and objects in Turtle; N-Triples come out
    in store order and TriG graphs and JSON-LD nodes in hash order, so those are
    put in order here.
    """
    if fmt == "trig":
        return _trig(corpus_to_dataset(corpus))
    if fmt == "jsonld":
        return _json_ld(corpus_to_rdf(corpus))
    if fmt == "nt":
        text = corpus_to_rdf(corpus).serialize(format="nt")
        # split on "\n" alone: a literal may hold U+2028, which splitlines() would cut
        return "".join(sorted(line + "\n" for line in text.split("\n") if line))
    if fmt == "turtle":
        from io import BytesIO

        buffer = BytesIO()
        _write_turtle_to(corpus, buffer)
        return buffer.getvalue().decode("utf-8")
    raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")


def corpus_to_turtle(corpus: Corpus) -> str:
    return serialize_corpus(corpus, "turtle")


def write_rdf(corpus: Corpus, path: Path, fmt: str = "turtle") -> None:
    """Write the corpus as RDF to ``path`` atomically."""
    write_text_atomic(Path(path), serialize_corpus(corpus, fmt))


def write_turtle(corpus: Corpus, path: Path, pieces=None) -> None:
    """Write ``graph.ttl`` of a build: the whole corpus as Turtle, atomically, as it
    is made (the file is never held whole in memory), taking the graphs ``pieces``
    kept (kg.output_cache.Pieces) and keeping those made."""
    with atomic_file(path, binary=True) as handle:
        _write_turtle_to(corpus, handle, pieces)
