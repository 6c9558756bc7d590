"""graph.graphml from one piece per article, kept between builds (kg.output_cache).

A GraphML file lists every node, then every edge grouped by its source node; an
edge's element depends only on its claim, its article's date and the ids of
the attribute keys (``d0``, ``d1``...), which are numbered in the order the
attributes are first met across the whole graph: one new claim can renumber
them all. So an article's piece is each of its claims' edge elements as a
template with a slot for each key id, and the names and types of the
attributes that fill those slots: a build numbers the keys from the names, and
fills in the templates, making again only the edges of changed articles. The
file is the same, byte for byte, as :func:`kg.graph.graphml_pieces` writes
from the claims.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from .graph import (GRAPHML_TAIL, _edge_data, _edge_key, _graph_nodes, claim_edges, graphml_edge_template,
                    graphml_fields, graphml_head, graphml_keys, graphml_nodes, graphml_pieces, graphml_type)
from .model import Claim, Corpus

__all__ = ["graphml_by_article"]


class _Article:
    """The edges of one article's claims, each (source, target, key, signature, text):
    the signature an index into ``signatures`` (the (name, type) of each attribute,
    in order), the text a str.format template of the element whose ``{0}``, ``{1}``...
    are the key ids of those attributes (kg.graph.graphml_edge_template)."""

    def __init__(self, edges: list[list], signatures: list[tuple]):
        self.edges, self.signatures = edges, signatures

    @classmethod
    def read(cls, piece: bytes) -> "_Article":
        data = json.loads(piece)
        return cls(data["edges"], [tuple(map(tuple, signature)) for signature in data["signatures"]])

    @classmethod
    def make(cls, claims: list[Claim], published: dict[str, str], xml_type) -> "_Article":
        edges, signatures, index = [], [], {}
        for claim in sorted(claims, key=lambda c: c.id):
            for edge in claim_edges(claim):
                key = _edge_key(claim, edge)
                fields = graphml_fields(_edge_data(claim, edge, published), xml_type)
                signature = tuple((name, kind) for name, kind, _text in fields)
                if signature not in index:
                    index[signature] = len(signatures)
                    signatures.append(signature)
                edges.append([edge.source.id, edge.target.id, key, index[signature],
                              graphml_edge_template(edge.source.id, edge.target.id, key, fields)])
        return cls(edges, signatures)

    def piece(self) -> bytes:
        return json.dumps({"edges": self.edges, "signatures": self.signatures}, ensure_ascii=False).encode("utf-8")


def graphml_by_article(corpus: Corpus, pieces) -> Iterator[str]:
    """The text of kg.graph.graphml_pieces(corpus), its edges from ``pieces``
    (kg.output_cache.Pieces of kind "graphml") where they are kept."""
    xml_type = graphml_type()
    published = {d.id: d.published for d in corpus.documents if d.published}
    claims_of: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        claims_of.setdefault(claim.doc, []).append(claim)
    articles: list[_Article] = []
    for doc in sorted(claims_of):  # the claims' (document, claim id) order
        kept = pieces.cached(doc)
        if kept is None:
            made = _Article.make(claims_of[doc], published, xml_type)
            pieces.keep(doc, made.piece())
        articles.append(_Article.read(kept) if kept is not None else made)
    if _repeated_keys(articles):
        # two edges with one key are one edge whose attributes merge: rare, and left to the plain writer
        yield from graphml_pieces(corpus)
        return
    nodes = _graph_nodes(corpus)
    ordered = _ordered(nodes, articles)
    keys = graphml_keys(nodes, _first_signatures(ordered), xml_type)
    yield from graphml_head(keys, bool(nodes))
    if not nodes:
        return
    yield from graphml_nodes(nodes, keys, xml_type)
    key_ids: dict[tuple, tuple[str, ...]] = {}  # signature -> its key ids
    for article, edge in ordered:
        signature = article.signatures[edge[3]]
        ids = key_ids.get(signature)
        if ids is None:
            ids = key_ids[signature] = tuple(keys[(name, kind, "edge")] for name, kind in signature)
        yield edge[4].format(*ids)
    yield GRAPHML_TAIL


def _ordered(nodes: dict[str, dict], articles: list[_Article]) -> list[tuple[_Article, list]]:
    """Every edge in a MultiDiGraph's order: by source node, then by target as first linked."""
    adjacency: dict[str, dict[str, list[tuple[_Article, list]]]] = {}
    for article in articles:
        for edge in article.edges:
            adjacency.setdefault(edge[0], {}).setdefault(edge[1], []).append((article, edge))
    return [item for source in nodes if source in adjacency for by_target in adjacency[source].values()
            for item in by_target]


def _first_signatures(ordered: list[tuple[_Article, list]]) -> list[tuple]:
    """Each edge's signature, in order, but for those seen already: a signature met
    again numbers no new key, and most edges repeat one."""
    seen: set[tuple[int, int]] = set()
    first = []
    for article, edge in ordered:
        mark = (id(article), edge[3])
        if mark not in seen:
            seen.add(mark)
            first.append(article.signatures[edge[3]])
    return first


def _repeated_keys(articles) -> bool:
    seen: set[str] = set()
    for article in articles:
        for edge in article.edges:
            if edge[2] in seen:
                return True
            seen.add(edge[2])
    return False
