"""Claims -> a NetworkX MultiDiGraph, and its GraphML file.

Entities are nodes, keyed by entity id. Each claim becomes one edge per pair of
role-fillers that the claim relates (:func:`claim_edges`, from the ``edges`` of
its type in ontology/claim_types.yaml): a troop deployment gives ``sender ->
location`` and ``sender -> alongside``, a cooperation links its parties
pairwise. The viewer and kg.alliances draw and read the same edges. Every edge
carries the claim's id, type (``claim_type``: GEXF reserves ``type`` for
directed/undirected), source and the two roles it joins (``from_role``,
``to_role``), so the claim's role-fillers can be read back from its edges
(kg.alliances does so).

Attribute values are plain scalars, never None or lists: GraphML and GEXF
(Gephi) accept nothing else. A value that is unknown is left out. So that a
graph tool can filter and size by them, a quantity is numbers
(``quantity_value``, ``quantity_low``, ``quantity_high``, always floats),
``quantity_unit`` and ``quantity_approximate``; the claimants are one attribute
per stance (``claimants_claims``, ``claimants_denies``...), the node ids of
those who take it separated by ";".

>>> from kg.model import Claim, Corpus, Entity, Evidence
>>> prk, rus = Entity("Q423", "Corée du Nord", "Country", "Q423"), Entity("Q159", "Russie", "Country", "Q159")
>>> claim = Claim("cooperation", "fr-00", {"parties": [prk.ref, rus.ref]},
...               [Evidence("fr-00", 0, 9, "Moscou et Pyongyang coopèrent.")], "demo", domain="military")
>>> graph = corpus_to_networkx(Corpus(entities=[prk, rus], claims=[claim]))
>>> [(u, v, data["claim_type"], data["domain"]) for u, v, data in graph.edges(data=True)]
[('Q423', 'Q159', 'cooperation', 'military')]
>>> graph.nodes["Q423"]["label"]
'Corée du Nord'
"""
from __future__ import annotations

import re

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .claim_types import claim_type
from .model import STANCES, Claim, Corpus, Entity, EntityRef, Quantity
from .store import atomic_file

if TYPE_CHECKING:  # networkx is imported where a graph is made: kg claims needs none
    import networkx as nx

__all__ = ["xml_ready", "Edge", "claim_edges", "corpus_to_networkx", "graphml_text", "graphml_pieces", "write_graphml",
           "quantity_text", "claimants_text", "CLAIMANT_SEPARATOR", "claimant_attribute", "edge_quantity"]

#: between the node ids of an edge's claimants_<stance> attribute
CLAIMANT_SEPARATOR = ";"


def claimant_attribute(stance: str) -> str:
    """The edge attribute that lists who takes ``stance`` on the claim."""
    return f"claimants_{stance}"

#: claim fields copied to edges as they are, when set
_CLAIM_FIELDS = ("date", "obligation", "domain", "stance", "quote", "position", "item", "event", "rule")


def quantity_text(quantity: Quantity | None) -> str:
    """How a quantity reads in a table or a graph tool.

    >>> quantity_text(Quantity(value=11000, approximate=True, unit="soldier"))
    '~11000 soldier'
    >>> quantity_text(Quantity(low=10000, high=12000, unit="soldier"))
    '10000-12000 soldier'
    >>> quantity_text(None)
    ''
    """
    if quantity is None:
        return ""
    plain = quantity.to_dict()  # 11000.0 -> 11000
    if plain["value"] is not None:
        number = str(plain["value"])
    elif plain["low"] is not None or plain["high"] is not None:
        number = f"{plain['low'] if plain['low'] is not None else ''}-{plain['high'] if plain['high'] is not None else ''}"
    else:
        number = ""
    text = ("~" if quantity.approximate and number else "") + number
    return " ".join(part for part in (text, quantity.unit or "") if part)


def claimants_text(claim: Claim) -> str:
    """Who says so, and how: '' when the article itself asserts the claim.

    >>> from kg.model import Attribution
    >>> ukr, rus = EntityRef("Q212", "Ukraine", "Q212", "Country"), EntityRef("Q159", "Russie", "Q159", "Country")
    >>> claimants_text(Claim("troop_deployment", "fr-00", {}, [], "demo",
    ...                      attributions=[Attribution(ukr, "claims"), Attribution(rus, "no_comment")]))
    'Ukraine: claims; Russie: no_comment'
    """
    return "; ".join(f"{a.claimant.label}: {a.stance}" for a in claim.attributions)


def _node_attributes(entity: Entity | EntityRef) -> dict:
    data = {"id": entity.id, "label": entity.label, "class": entity.cls}
    if entity.qid:
        data["qid"] = entity.qid
    if isinstance(entity, Entity):
        if entity.aliases:
            data["aliases"] = "; ".join(entity.aliases)
        if entity.part_of:
            data["part_of"] = entity.part_of
        data["mentions"] = len(entity.mentions)
    return data


def _quantity_attributes(quantity: Quantity) -> dict:
    """A quantity as numbers and a unit: floats throughout, so that a column has one type."""
    data = {f"quantity_{name}": float(getattr(quantity, name))
            for name in ("value", "low", "high") if getattr(quantity, name) is not None}
    data["quantity_approximate"] = bool(quantity.approximate)
    if quantity.unit:
        data["quantity_unit"] = quantity.unit
    return data


def edge_quantity(data: dict) -> Quantity | None:
    """The quantity an edge's attributes give back (None when it has none).

    >>> edge_quantity(_quantity_attributes(Quantity(value=11000, approximate=True, unit="soldier")))
    Quantity(value=11000.0, low=None, high=None, approximate=True, unit='soldier')
    """
    names = ("value", "low", "high", "unit", "approximate")
    if not any(f"quantity_{name}" in data for name in names):
        return None
    return Quantity.from_dict({name: data.get(f"quantity_{name}") for name in names})


def _claimant_attributes(claim: Claim) -> dict:
    data = {}
    for stance in STANCES:
        ids = [a.claimant.id for a in claim.attributions if a.stance == stance]
        if ids:
            data[claimant_attribute(stance)] = CLAIMANT_SEPARATOR.join(dict.fromkeys(ids))
    return data


def _edge_attributes(claim: Claim, published: dict[str, str]) -> dict:
    data = {"claim": claim.id, "claim_type": claim.type, "doc": claim.doc, "alleged": claim.alleged}
    for name in _CLAIM_FIELDS:
        value = getattr(claim, name)
        if value is not None:
            data[name] = value
    if claim.doc in published:
        data["published"] = published[claim.doc]
    if claim.quantity:
        data.update(_quantity_attributes(claim.quantity))
    data.update(_claimant_attributes(claim))
    if claim.evidence:
        data["evidence"] = " … ".join(e.text for e in claim.evidence)
    return data


class Edge(NamedTuple):
    """One edge of a claim: ``number`` counts the claim's role pairs, self-links included,
    so that an edge keeps its key whatever other edges the claim has."""
    number: int
    from_role: str
    source: EntityRef
    to_role: str
    target: EntityRef


def claim_edges(claim: Claim) -> list[Edge]:
    """The edges of ``claim``: for each declared (from role, to role) pair of its type,
    each filler of one to each filler of the other (a role paired with itself: its
    fillers pairwise). An entity is never linked to itself.

    >>> ref = lambda i: EntityRef(i, i, None, "Country")
    >>> [(e.from_role, e.source.id, e.to_role, e.target.id) for e in claim_edges(Claim(
    ...     "treaty_signing", "d", {"parties": [ref("RUS"), ref("PRK")], "signatories": [ref("KIM")],
    ...                              "treaty": [ref("T")]}, [], "r"))]
    [('parties', 'RUS', 'parties', 'PRK'), ('parties', 'RUS', 'treaty', 'T'), ('parties', 'PRK', 'treaty', 'T'), ('signatories', 'KIM', 'treaty', 'T')]
    """
    pairs = []
    for from_role, to_role in claim_type(claim.type).edges:
        if from_role == to_role:
            for a, b in combinations(claim.roles.get(from_role) or [], 2):
                pairs.append((from_role, a, to_role, b))
        else:
            for a in claim.roles.get(from_role) or []:
                for b in claim.roles.get(to_role) or []:
                    pairs.append((from_role, a, to_role, b))
    return [Edge(number, *pair) for number, pair in enumerate(pairs) if pair[1].id != pair[3].id]


def corpus_to_networkx(corpus: Corpus) -> nx.MultiDiGraph:
    """One node per entity, one edge per related pair of role-fillers of each claim.

    Nodes are added in id order and edges in (document, claim id) order, so the
    same build always gives the same graph, whatever order it was read in.
    A claim with fewer than two role-fillers relates nothing and has no edge.
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    nodes, edges, published = _graph_parts(corpus)
    for node_id, data in nodes.items():
        graph.add_node(node_id, **data)
    for claim, edge in edges:
        graph.add_edge(edge.source.id, edge.target.id, key=_edge_key(claim, edge),
                       **_edge_data(claim, edge, published))
    return graph


def _graph_parts(corpus: Corpus):
    """The nodes (id -> attributes, in id order), the edges ((claim, Edge), in
    (document, claim id) order, made as they are read) and the documents' dates."""
    published = {d.id: d.published for d in corpus.documents if d.published}
    edges = ((claim, edge) for claim in sorted(corpus.claims, key=lambda c: (c.doc, c.id))
             for edge in claim_edges(claim))
    return _graph_nodes(corpus), edges, published


def _graph_nodes(corpus: Corpus) -> dict[str, dict]:
    """Node id -> attributes, in id order: every entity, and those only claims name."""
    nodes: dict[str, dict] = {}
    for entity in corpus.entities:
        nodes[entity.id] = _node_attributes(entity)
    for claim in corpus.claims:
        for refs in claim.roles.values():
            for ref in refs:
                if ref.id not in nodes:
                    nodes[ref.id] = _node_attributes(ref)
    return {node_id: nodes[node_id] for node_id in sorted(nodes)}


def _edge_key(claim: Claim, edge: Edge) -> str:
    return f"{claim.id}-{edge.number}"


def _edge_data(claim: Claim, edge: Edge, published: dict[str, str]) -> dict:
    return {"from_role": edge.from_role, "to_role": edge.to_role, **_edge_attributes(claim, published)}


# Characters XML 1.0 forbids even escaped (C0 controls but tab and line breaks, lone
# surrogates, U+FFFE/U+FFFF): an article may hold them, a GraphML or GEXF file may not
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose text attributes an XML writer can hold.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("a", label="Kiev\x01\x1b")
    >>> xml_ready(g).nodes["a"]["label"]
    'Kiev'
    """
    import networkx as nx

    def clean(data: dict) -> dict:
        return {k: _NOT_XML.sub("", v) if isinstance(v, str) else v for k, v in data.items()}

    ready = nx.MultiDiGraph(**clean(graph.graph))
    ready.add_nodes_from((node, clean(data)) for node, data in graph.nodes(data=True))
    ready.add_edges_from((u, v, key, clean(data)) for u, v, key, data in graph.edges(keys=True, data=True))
    return ready


def graphml_text(graph: nx.MultiDiGraph) -> str:
    """The GraphML document for ``graph``, as networkx writes it."""
    import networkx as nx

    body = "\n".join(nx.generate_graphml(xml_ready(graph)))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def write_graphml(corpus: Corpus, path: Path, pieces=None) -> None:
    """Write the corpus's graph to ``path`` atomically, element by element: the same
    bytes as :func:`graphml_text` of :func:`corpus_to_networkx` (networkx's writer
    builds the whole XML tree in memory first, the largest part of a build's peak).
    ``pieces`` (kg.output_cache.Pieces) gives the edge elements of each article kept
    from an earlier build, and keeps those made here (kg.graphml_articles).

    The file reads back with ``networkx.read_graphml(path, force_multigraph=True)``
    and opens in Gephi.
    """
    from .graphml_articles import graphml_by_article

    with atomic_file(Path(path)) as handle:
        for piece in (graphml_pieces(corpus) if pieces is None else graphml_by_article(corpus, pieces)):
            handle.write(piece)


#: what str.splitlines() cuts a line at, in the ASCII text ElementTree writes: networkx's
#: generate_graphml yields lines, which graphml_text joins with "\n"
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e]")
_GRAPHML_ROOT = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')


def graphml_pieces(corpus: Corpus) -> Iterator[str]:
    """The text of ``graphml_text(corpus_to_networkx(corpus))``, piece by piece, as
    networkx and ElementTree write it: keys (``d0``, ``d1``... in the order attributes
    are first met, listed last first), nodes, then edges grouped by source node, then
    by target in the order first linked (a MultiDiGraph's adjacency), ASCII only."""
    xml_type = graphml_type()
    nodes, edges, published = _graph_parts(corpus)
    # a MultiDiGraph's order: by source, then by target as first linked, then by key; the
    # same key again updates the edge's attributes. Only (claim, Edge) pairs are kept here:
    # each edge's attributes are made when they are written.
    adjacency: dict[str, dict[str, dict[str, list]]] = {}
    for claim, edge in edges:
        for node_id in (edge.source.id, edge.target.id):
            nodes.setdefault(node_id, {})
        adjacency.setdefault(edge.source.id, {}).setdefault(edge.target.id, {}).setdefault(
            _edge_key(claim, edge), []).append((claim, edge))

    def ordered_edges():
        for source in (n for n in nodes if n in adjacency):
            for target, by_key in adjacency[source].items():
                for key, reports in by_key.items():
                    merged: dict = {}
                    for claim, edge in reports:  # as MultiDiGraph.add_edge does
                        merged.update(_edge_data(claim, edge, published))
                    yield source, target, key, graphml_fields(merged, xml_type)

    edge_fields = list(ordered_edges())  # each edge's attributes made once: they name the keys too
    keys = graphml_keys(nodes, (fields for *_ends, fields in edge_fields), xml_type)
    yield from graphml_head(keys, bool(nodes))
    if not nodes:
        return
    yield from graphml_nodes(nodes, keys, xml_type)
    for source, target, key, fields in edge_fields:
        yield graphml_edge(source, target, key, fields, keys)
    yield GRAPHML_TAIL


GRAPHML_TAIL = "  </graph>\n</graphml>\n"


def graphml_type():
    """networkx's map from a Python type to a GraphML attribute type."""
    from networkx.readwrite.graphml import GraphMLWriter

    return GraphMLWriter().get_xml_type


def graphml_fields(data: dict, xml_type) -> list[tuple[str, str, str]]:
    """An element's attributes as (name, GraphML type, text as written), in order."""
    fields = []
    for name, value in data.items():
        if isinstance(value, str):
            value = _NOT_XML.sub("", value)  # as xml_ready does
        fields.append((str(name), xml_type(type(value)), _xml_text(str(value))))
    return fields


def graphml_keys(nodes: dict[str, dict], edge_fields, xml_type) -> dict[tuple, str]:
    """(name, type, scope) -> key id, in the order networkx meets them: nodes, then edges."""
    keys: dict[tuple, str] = {}
    for data in nodes.values():
        for name, value in data.items():
            keys.setdefault((str(name), xml_type(type(value)), "node"), f"d{len(keys)}")
    for fields in edge_fields:  # (name, type, ...) of each edge's attributes
        for name, kind, *_text in fields:
            keys.setdefault((name, kind, "edge"), f"d{len(keys)}")
    return keys


def graphml_head(keys: dict[tuple, str], any_node: bool) -> Iterator[str]:
    """The XML declaration, the root, the keys (last met first) and the graph's opening."""
    yield '<?xml version="1.0" encoding="utf-8"?>\n' + _GRAPHML_ROOT + "\n"
    for (name, kind, scope), key_id in reversed(keys.items()):
        yield (f'  <key id="{key_id}" for="{scope}" attr.name="{_xml_attribute(name)}" '
               f'attr.type="{kind}" />\n')
    yield '  <graph edgedefault="directed">\n' if any_node else '  <graph edgedefault="directed" />\n</graphml>\n'


def graphml_nodes(nodes: dict[str, dict], keys: dict[tuple, str], xml_type) -> Iterator[str]:
    for node_id, data in nodes.items():
        yield _graphml_element(f'    <node id="{_xml_attribute(str(node_id))}"', "node",
                               graphml_fields(data, xml_type), keys)


def graphml_edge(source: str, target: str, key: str, fields, keys: dict[tuple, str]) -> str:
    return _graphml_element(_edge_opening(source, target, key), "edge", fields, keys)


def graphml_edge_template(source: str, target: str, key: str, fields) -> str:
    """The element of graphml_edge as a str.format template whose ``{0}``, ``{1}``...
    stand for the key ids of ``fields`` in order: the same text for any numbering."""
    def escaped(text: str) -> str:
        return text.replace("{", "{{").replace("}", "}}")

    return _element_text(escaped(_edge_opening(source, target, key)), "edge",
                         [(name, kind, escaped(text)) for name, kind, text in fields],
                         [f"{{{number}}}" for number in range(len(fields))])


def _edge_opening(source: str, target: str, key: str) -> str:
    return (f'    <edge source="{_xml_attribute(str(source))}" target="{_xml_attribute(str(target))}" '
            f'id="{_xml_attribute(str(key))}"')


def _graphml_element(opening: str, scope: str, fields, keys: dict) -> str:
    return _element_text(opening, scope, fields, [keys[(name, kind, scope)] for name, kind, _text in fields])


def _element_text(opening: str, scope: str, fields, key_ids: list[str]) -> str:
    if not fields:
        return _LINE_BREAKS.sub("\n", opening + " />") + "\n"
    parts = [opening + ">"]
    for (_name, _kind, text), key_id in zip(fields, key_ids):
        parts.append(f'      <data key="{key_id}">{text}</data>' if text else f'      <data key="{key_id}" />')
    parts.append(f"    </{scope}>")
    return _LINE_BREAKS.sub("\n", "\n".join(parts)) + "\n"


def _xml_text(text: str) -> str:
    """Character data as ElementTree writes it in ASCII."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _xml_attribute(text: str) -> str:
    """An attribute value as ElementTree writes it in ASCII."""
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;"))
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")
