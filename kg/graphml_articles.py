"""graph.graphml from one piece per article, kept between builds (kg.output_cache).

A GraphML file lists every node, then every edge grouped by its source node; an
edge's element depends only on its claim, its article's date and the ids of
the attribute keys (``d0``, ``d1``...), which are numbered in the order the
attributes are first met across the whole graph. So an article's piece is the
text of its claims' edge elements, with the names and types of each edge's
attributes and the key ids the text was written with: the next build numbers
the keys from those names, takes the texts back when the ids are the same, and
writes again only the edges of changed articles. The file is the same, byte for
byte, as :func:`kg.graph.graphml_pieces` writes from the claims.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from .graph import (GRAPHML_TAIL, _edge_data, _edge_key, _graph_nodes, claim_edges, graphml_edge, graphml_fields,
                    graphml_head, graphml_keys, graphml_nodes, graphml_pieces, graphml_type)
from .model import Claim, Corpus

__all__ = ["graphml_by_article"]


class _Article:
    """The edges of one article's claims: (source, target, key, signature, text), the
    signature an index into ``signatures`` (the (name, type) pairs of the attributes);
    text None until written with the build's keys."""

    def __init__(self, edges: list[list], signatures: list[tuple], keys: dict[tuple, str] | None,
                 fields: list | None = None):
        self.edges, self.signatures, self.keys, self.fields = edges, signatures, keys, fields

    @classmethod
    def read(cls, piece: bytes) -> "_Article":
        data = json.loads(piece)
        return cls(data["edges"], [tuple(map(tuple, signature)) for signature in data["signatures"]],
                   {(name, kind, "edge"): key_id for name, kind, key_id in data["keys"]})

    @classmethod
    def make(cls, claims: list[Claim], published: dict[str, str], xml_type) -> "_Article":
        edges, signatures, fields_of, index = [], [], [], {}
        for claim in sorted(claims, key=lambda c: c.id):
            for edge in claim_edges(claim):
                fields = graphml_fields(_edge_data(claim, edge, published), xml_type)
                signature = tuple((name, kind) for name, kind, _text in fields)
                number = index.setdefault(signature, len(index))
                if number == len(signatures):
                    signatures.append(signature)
                edges.append([edge.source.id, edge.target.id, _edge_key(claim, edge), number, None])
                fields_of.append(fields)
        return cls(edges, signatures, None, fields_of)

    def written_with(self, keys: dict[tuple, str]) -> bool:
        """Were the texts written with the key ids ``keys`` gives?"""
        return self.keys is not None and all(keys.get(name) == key_id for name, key_id in self.keys.items())

    def write(self, keys: dict[tuple, str]) -> bytes:
        """Write each edge's text with ``keys``; the piece to keep."""
        used = {}
        for edge, fields in zip(self.edges, self.fields):
            edge[4] = graphml_edge(edge[0], edge[1], edge[2], fields, keys)
            for name, kind, _text in fields:
                used[(name, kind, "edge")] = keys[(name, kind, "edge")]
        self.keys = used
        return json.dumps({"edges": self.edges, "signatures": self.signatures,
                           "keys": [[name, kind, key_id] for (name, kind, _), key_id in sorted(used.items())]},
                          ensure_ascii=False).encode("utf-8")


def graphml_by_article(corpus: Corpus, pieces) -> Iterator[str]:
    """The text of kg.graph.graphml_pieces(corpus), its edges from ``pieces``
    (kg.output_cache.Pieces of kind "graphml") where they are kept."""
    xml_type = graphml_type()
    published = {d.id: d.published for d in corpus.documents if d.published}
    claims_of: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        claims_of.setdefault(claim.doc, []).append(claim)
    articles: dict[str, _Article] = {}
    for doc in sorted(claims_of):  # the claims' (document, claim id) order
        kept = pieces.cached(doc)
        articles[doc] = _Article.read(kept) if kept is not None else _Article.make(claims_of[doc], published, xml_type)
    if _repeated_keys(articles.values()):
        # two edges with one key are one edge whose attributes merge: rare, and left to the plain writer
        yield from graphml_pieces(corpus)
        return
    nodes = _graph_nodes(corpus)
    keys = graphml_keys(nodes, (article.signatures[edge[3]] for article, edge in _ordered(nodes, articles)), xml_type)
    for doc, article in articles.items():
        if article.fields is None and not article.written_with(keys):  # keys renumbered: written again
            article = articles[doc] = _Article.make(claims_of[doc], published, xml_type)
        if article.fields is not None:
            pieces.keep(doc, article.write(keys))
    yield from graphml_head(keys, bool(nodes))
    if not nodes:
        return
    yield from graphml_nodes(nodes, keys, xml_type)
    for _article, edge in _ordered(nodes, articles):
        yield edge[4]
    yield GRAPHML_TAIL


def _ordered(nodes: dict[str, dict], articles: dict[str, _Article]) -> list[tuple[_Article, list]]:
    """Every edge in a MultiDiGraph's order: by source node, then by target as first linked."""
    adjacency: dict[str, dict[str, list[tuple[_Article, list]]]] = {}
    for article in articles.values():
        for edge in article.edges:
            adjacency.setdefault(edge[0], {}).setdefault(edge[1], []).append((article, edge))
    return [item for source in nodes if source in adjacency for by_target in adjacency[source].values()
            for item in by_target]


def _repeated_keys(articles) -> bool:
    seen: set[str] = set()
    for article in articles:
        for edge in article.edges:
            if edge[2] in seen:
                return True
            seen.add(edge[2])
    return False
