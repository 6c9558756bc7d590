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
from decimal import Decimal
from pathlib import Path

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from .model import ENTITY_CLASSES, Claim, Corpus, Document, EntityRef
from .namespace import (ATTRIBUTION, CLAIM, DOC, DOMAIN, EVENT, EVIDENCE, GRAPH, KG, OBLIGATION,
                        PREFIXES, QUANTITY, STANCE, claim_class, entity_iri, local_iri,
                        role_property)
from .store import write_text_atomic

__all__ = ["corpus_quads", "corpus_to_rdf", "corpus_to_dataset", "corpus_to_turtle",
           "serialize_corpus", "write_turtle", "write_rdf", "date_literal", "date_bounds", "RDF_FORMATS"]

RDF_FORMATS = ("turtle", "trig", "nt", "jsonld")

Quad = tuple[URIRef, URIRef, object, "URIRef | None"]

_DATE_TYPES = ((re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
               (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
               (re.compile(r"\d{4}"), XSD.gYear))
#: stances whose claimant vouches for the claim: the only ones PROV-O is told about
_RESPONSIBLE_STANCES = ("claims", "confirms")
_LANG_TAG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


def date_literal(text: str) -> Literal | None:
    """An ISO date as precise as the text gave it, typed by precision.

    >>> date_literal("2024-11").datatype == XSD.gYearMonth
    True
    >>> date_literal("2006").n3()
    '"2006"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    >>> date_literal("mardi") is None
    True
    """
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    return None


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
    import calendar
    from datetime import date

    from .text import parse_iso

    if date_literal(text) is None:
        return None
    try:
        year, month, day = parse_iso(text)
    except ValueError:  # a month 13, a 30 February
        return None
    first_month, last_month = (month, month) if month else (1, 12)
    earliest = date(year, first_month, day or 1)
    latest = date(year, last_month, day or calendar.monthrange(year, last_month)[1])
    return (Literal(earliest.isoformat(), datatype=XSD.date), Literal(latest.isoformat(), datatype=XSD.date))


def _number(value: float) -> Literal:
    """11000.0 -> 11000 (xsd:integer); 2.5 -> 2.5 (xsd:decimal), never a float's noise."""
    if float(value).is_integer():
        return Literal(int(value))
    return Literal(Decimal(repr(float(value))), datatype=XSD.decimal)


class _Text:
    """Literals for the words of one article, tagged with its language when known."""

    def __init__(self, lang: str | None):
        self.lang = lang if lang and _LANG_TAG.fullmatch(lang) else None

    def __call__(self, text: str) -> Literal:
        return Literal(text, lang=self.lang)


def _document_quads(doc_id: str, document: Document | None) -> Iterator[Quad]:
    node, graph = local_iri(DOC, doc_id), local_iri(GRAPH, doc_id)
    yield node, RDF.type, KG.Document, graph
    yield node, RDF.type, PROV.Entity, graph
    yield node, KG.id, Literal(doc_id), graph
    if document is None:
        return
    text = _Text(document.lang)
    if document.title:
        yield node, DCTERMS.title, text(document.title), graph
    if document.published:
        yield node, DCTERMS.issued, date_literal(document.published) or Literal(document.published), graph
    if document.lang:
        yield node, DCTERMS.language, Literal(document.lang), graph
    if document.url:
        yield node, KG.url, Literal(document.url, datatype=XSD.anyURI), graph


def _labels(ref: EntityRef, langs: set[str]) -> Iterator[Literal]:
    """rdfs:label in every language we know a name in: the gazetteer's names
    ("Russie"@fr, "Russia"@en), and the build's label in the language of each
    article that names the entity otherwise; untagged when no language is known."""
    from .gazetteer import load_gazetteer

    entry = load_gazetteer().of(ref)
    names = entry.names() if entry else {}
    for lang in langs:
        names.setdefault(lang, ref.label)
    if not names:
        yield Literal(ref.label)
    for lang, name in names.items():
        if _LANG_TAG.fullmatch(lang):
            yield Literal(name, lang=lang)


def _entity_quads(ref: EntityRef, aliases=(), part_of=None, docs=(), langs=frozenset()) -> Iterator[Quad]:
    node = entity_iri(ref.id, ref.qid)
    yield node, RDF.type, KG.Entity, None
    if ref.cls in ENTITY_CLASSES:
        yield node, RDF.type, KG[ref.cls], None
    # one display name (the build's), and names to match in each language
    yield node, SKOS.prefLabel, Literal(ref.label), None
    for label in _labels(ref, set(langs)):
        yield node, RDFS.label, label, None
    yield node, KG.id, Literal(ref.id), None
    for alias in aliases:
        yield node, SKOS.altLabel, Literal(alias), None
    if part_of:
        yield node, KG.partOf, entity_iri(part_of), None
    for doc_id in docs:
        yield node, KG.mentionedIn, local_iri(DOC, doc_id), None


def _claim_quads(claim: Claim, text: _Text) -> Iterator[Quad]:
    claim_id = claim.id
    node, graph = CLAIM[claim_id], local_iri(GRAPH, claim.doc)
    yield node, RDF.type, claim_class(claim.type), graph
    yield node, RDF.type, KG.Claim, graph
    yield node, KG.id, Literal(claim_id), graph
    yield node, KG.document, local_iri(DOC, claim.doc), graph
    yield node, KG.rule, Literal(claim.rule), graph
    yield node, KG.alleged, Literal(claim.alleged), graph
    for role, refs in claim.roles.items():
        for ref in refs:
            yield node, role_property(role), entity_iri(ref.id, ref.qid), graph
    if claim.quantity:
        yield from _quantity_quads(claim, node, graph)
    if claim.date:
        yield node, KG.date, date_literal(claim.date) or Literal(claim.date), graph
        bounds = date_bounds(claim.date)
        if bounds:
            yield node, KG.dateEarliest, bounds[0], graph
            yield node, KG.dateLatest, bounds[1], graph
    if claim.obligation:
        yield node, KG.obligation, OBLIGATION[claim.obligation], graph
    if claim.domain:
        yield node, KG.domain, DOMAIN[claim.domain], graph
    if claim.stance:
        yield node, KG.statementStance, STANCE[claim.stance], graph
    for name in ("quote", "position", "item"):
        if getattr(claim, name):
            yield node, KG[name], text(getattr(claim, name)), graph
    for number, evidence in enumerate(claim.evidence):
        sentence = EVIDENCE[f"{claim_id}-{number}"]
        yield node, PROV.wasDerivedFrom, sentence, graph
        yield sentence, RDF.type, KG.Evidence, graph
        yield sentence, KG.document, local_iri(DOC, evidence.doc), graph
        yield sentence, KG.start, Literal(evidence.start), graph
        yield sentence, KG.end, Literal(evidence.end), graph
        yield sentence, KG.text, text(evidence.text), graph
    for number, attribution in enumerate(claim.attributions):
        stance_node = ATTRIBUTION[f"{claim_id}-{number}"]
        claimant = entity_iri(attribution.claimant.id, attribution.claimant.qid)
        yield node, KG.attribution, stance_node, graph
        yield stance_node, RDF.type, KG.Attribution, graph
        yield stance_node, KG.claimant, claimant, graph
        yield stance_node, KG.stance, STANCE[attribution.stance], graph
        if attribution.stance in _RESPONSIBLE_STANCES:
            # PROV reads an attribution as "this agent is responsible for the claim":
            # true of who claims or confirms it, never of who denies it or says nothing
            yield node, PROV.wasAttributedTo, claimant, graph
            yield node, PROV.qualifiedAttribution, stance_node, graph
            yield stance_node, RDF.type, PROV.Attribution, graph
            yield stance_node, PROV.agent, claimant, graph
        if attribution.cue:
            yield stance_node, KG.cue, text(attribution.cue), graph
    if claim.event:
        event = local_iri(EVENT, claim.event)
        yield event, RDF.type, KG.Event, None
        yield event, KG.report, node, None


def _quantity_quads(claim: Claim, node: URIRef, graph: URIRef) -> Iterator[Quad]:
    quantity, amount = claim.quantity, QUANTITY[claim.id]
    yield node, KG.quantity, amount, graph
    yield amount, RDF.type, KG.Quantity, graph
    for name in ("value", "low", "high"):
        if getattr(quantity, name) is not None:
            yield amount, KG[name], _number(getattr(quantity, name)), graph
    yield amount, KG.approximate, Literal(quantity.approximate), graph
    if quantity.unit:
        yield amount, KG.unit, Literal(quantity.unit), graph


def corpus_quads(corpus: Corpus) -> list[Quad]:
    """Every statement of the corpus as (subject, predicate, object, graph), sorted.

    The graph is the article's named graph for what the article says (its
    claims and their evidence, attributions, quantities, and the article's own
    description), None (the default graph) for what is shared: entities and events.
    """
    documents = {d.id: d for d in corpus.documents}
    quads: set[Quad] = set()
    for claim in corpus.claims:
        document = documents.get(claim.doc)
        quads.update(_claim_quads(claim, _Text(document.lang if document else None)))
    for doc_id in sorted(set(documents) | {c.doc for c in corpus.claims}
                         | {e.doc for c in corpus.claims for e in c.evidence}):
        quads.update(_document_quads(doc_id, documents.get(doc_id)))
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
    return sorted(quads, key=lambda q: (q[3] or "", q[0], q[1], q[2].n3()))


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


def _oxigraph_term(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _turtle(quads: list[Quad]) -> str:
    """Turtle written by Oxigraph (fifteen times faster than rdflib's writer on a
    build), from the sorted quads, with the prefix lines in a fixed order."""
    import pyoxigraph as ox

    triples = [ox.Triple(*map(_oxigraph_term, quad[:3])) for quad in quads]
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes={prefix: str(iri) for prefix, iri in PREFIXES.items()}).decode("utf-8")
    lines = text.split("\n")
    header = sorted(line for line in lines if line.startswith("@prefix "))
    return "\n".join(header + [line for line in lines if not line.startswith("@prefix ")])


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
        return _turtle(corpus_quads(corpus))
    raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")


def corpus_to_turtle(corpus: Corpus) -> str:
    return serialize_corpus(corpus, "turtle")


def write_rdf(corpus: Corpus, path: Path, fmt: str = "turtle") -> None:
    """Write the corpus as RDF to ``path`` atomically."""
    write_text_atomic(Path(path), serialize_corpus(corpus, fmt))


def write_turtle(corpus: Corpus, path: Path) -> None:
    """Write ``graph.ttl`` of a build: the whole corpus as Turtle, atomically."""
    write_rdf(corpus, path, "turtle")
