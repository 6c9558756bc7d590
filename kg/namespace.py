"""The one place where kg's IRIs are spelt.

Vocabulary (classes and properties, described in ``ontology/kg.ttl``) lives in
``KG``; the things a build describes get IRIs in one namespace per kind, derived
from their ids, so that the same build always gives the same IRIs and no blank
nodes are needed:

    claim:<claim id>         a claim (n-ary relation node)
    evidence:<claim id>-<n>  the n-th sentence that supports it
    attribution:<claim id>-<n>  the n-th claimant's stance on it
    quantity:<claim id>      its quantity, when it has one
    doc:<document id>        the source article (a prov:Entity)
    graph:<document id>      the named graph of that article's claims (TriG)
    event:<event id>         reports of the same fact across articles
    entity:<entity id>       an entity with no Wikidata id

Entities linked to Wikidata are named by their Wikidata IRI itself
(``wd:Q423``), not by a kg IRI plus ``owl:sameAs``: a query can then join our
graph with Wikidata's without a reasoner, and no two nodes mean one country.

>>> str(entity_iri("Q423"))
'http://www.wikidata.org/entity/Q423'
>>> str(entity_iri("place-region-de-koursk"))
'https://w3id.org/kg/resource/entity/place-region-de-koursk'
>>> compact("https://w3id.org/kg/ontology#TroopDeployment")
'kg:TroopDeployment'
"""
from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef

__all__ = [
    "KG", "WD", "CLAIM", "EVIDENCE", "ATTRIBUTION", "QUANTITY", "DOC", "GRAPH",
    "EVENT", "ENTITY", "OBLIGATION", "STANCE", "DOMAIN", "PREFIXES", "ONTOLOGY_GRAPH", "SHARED_GRAPH", "RECORD_GRAPH", "claim_class", "role_property", "entity_iri", "local_iri",
    "compact", "sparql_prologue",
]

BASE = "https://w3id.org/kg/"
KG = Namespace(BASE + "ontology#")
RESOURCE = BASE + "resource/"
CLAIM = Namespace(RESOURCE + "claim/")
EVIDENCE = Namespace(RESOURCE + "evidence/")
ATTRIBUTION = Namespace(RESOURCE + "attribution/")
QUANTITY = Namespace(RESOURCE + "quantity/")
DOC = Namespace(RESOURCE + "document/")
GRAPH = Namespace(RESOURCE + "graph/")
EVENT = Namespace(RESOURCE + "event/")
ENTITY = Namespace(RESOURCE + "entity/")
# SKOS concept schemes: ATOP obligations, attribution and statement stances, domains
OBLIGATION = Namespace(BASE + "obligation/")
STANCE = Namespace(BASE + "stance/")
DOMAIN = Namespace(BASE + "domain/")
WD = Namespace("http://www.wikidata.org/entity/")
# the named graphs of a build in a SPARQL server (kg push), besides one per article (GRAPH)
ONTOLOGY_GRAPH = URIRef(BASE + "ontology")        # ontology/kg.ttl: the ontology's own IRI
SHARED_GRAPH = URIRef(RESOURCE + "shared")        # entities and events, shared by the articles
RECORD_GRAPH = URIRef(RESOURCE + "push-record")   # the SHA-256 of each graph as last pushed

#: prefix -> namespace, bound in every serialisation and predeclared in `kg query`
PREFIXES: dict[str, str] = {
    "kg": str(KG), "claim": str(CLAIM), "evidence": str(EVIDENCE),
    "attribution": str(ATTRIBUTION), "quantity": str(QUANTITY), "doc": str(DOC),
    "graph": str(GRAPH), "event": str(EVENT), "entity": str(ENTITY),
    "obligation": str(OBLIGATION), "stance": str(STANCE), "domain": str(DOMAIN),
    "wd": str(WD), "prov": str(PROV), "dcterms": str(DCTERMS),
    "skos": str(SKOS), "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
}

def claim_class(claim_type: str) -> URIRef:
    """The class of a claim type, as ontology/claim_types.yaml declares it."""
    from .claim_types import claim_type as declared

    return KG[declared(claim_type).rdf_class]


def role_property(role: str) -> URIRef:
    """The property of a role (plural role names have singular properties: one
    triple links one claim to one entity), as ontology/claim_types.yaml declares it."""
    from .claim_types import role_property as declared

    return KG[declared(role)]


def local_iri(namespace: Namespace, key: object) -> URIRef:
    """An IRI in ``namespace`` for an id, escaped so that any id gives a valid IRI.

    >>> str(local_iri(DOC, "fr 01/é"))
    'https://w3id.org/kg/resource/document/fr%2001%2F%C3%A9'
    """
    return namespace[quote(str(key), safe="-._~")]


_QID = re.compile(r"Q[1-9][0-9]*")


def entity_iri(entity_id: str, qid: str | None = None) -> URIRef:
    """The node of an entity: its Wikidata IRI when linked, else a kg IRI from its id."""
    qid = qid or (entity_id if _QID.fullmatch(entity_id) else None)
    if qid and _QID.fullmatch(qid):
        return WD[qid]
    return local_iri(ENTITY, entity_id)


def compact(iri: str) -> str:
    """``prefix:local`` for an IRI in one of our namespaces, else the IRI unchanged."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def sparql_prologue() -> str:
    """PREFIX lines for every namespace of PREFIXES, for engines that take no prefix map."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
