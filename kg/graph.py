"""Claims -> a NetworkX MultiDiGraph, and its GraphML file.

Entities are nodes, keyed by entity id. Each claim becomes one edge per pair of
role-fillers that the claim relates (``EDGE_ROLES``): a troop deployment gives
``sender -> location`` and ``sender -> alongside``, a cooperation links its
parties pairwise. Every edge carries the claim's id, type, source and the two
roles it joins (``from_role``, ``to_role``), so the claim's role-fillers can be
read back from its edges (kg.alliances does so).

Attribute values are plain scalars, never None or lists: GraphML and GEXF
(Gephi) accept nothing else. A value that is unknown is left out.

>>> from kg.model import Claim, Corpus, Entity, Evidence
>>> prk, rus = Entity("Q423", "Corée du Nord", "Country", "Q423"), Entity("Q159", "Russie", "Country", "Q159")
>>> claim = Claim("cooperation", "fr-00", {"parties": [prk.ref, rus.ref]},
...               [Evidence("fr-00", 0, 9, "Moscou et Pyongyang coopèrent.")], "demo", domain="military")
>>> graph = corpus_to_networkx(Corpus(entities=[prk, rus], claims=[claim]))
>>> [(u, v, data["type"], data["domain"]) for u, v, data in graph.edges(data=True)]
[('Q423', 'Q159', 'cooperation', 'military')]
>>> graph.nodes["Q423"]["label"]
'Corée du Nord'
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import networkx as nx

from .model import Claim, Corpus, Entity, EntityRef, Quantity
from .store import write_text_atomic

__all__ = ["EDGE_ROLES", "corpus_to_networkx", "graphml_text", "write_graphml",
           "quantity_text", "claimants_text"]

#: claim type -> the (from role, to role) pairs that become edges. A pair of one
#: role with itself links its fillers pairwise (the parties of a treaty).
EDGE_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "treaty_signing": (("parties", "parties"), ("parties", "treaty"),
                       ("signatories", "treaty"), ("treaty", "place")),
    "treaty_ratification": (("ratifier", "treaty"),),
    "treaty_obligation": (("parties", "parties"), ("parties", "treaty")),
    "troop_deployment": (("sender", "location"), ("sender", "alongside")),
    "military_aid": (("supplier", "recipient"),),
    "cooperation": (("parties", "parties"),),
    "statement": (("speaker", "target"),),
    "visit": (("visitor", "destination"),),
    "position_held": (("person", "organization"),),
    "sanctions": (("imposer", "target"),),
}

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


def _edge_attributes(claim: Claim, published: dict[str, str]) -> dict:
    data = {"claim": claim.id, "type": claim.type, "doc": claim.doc, "alleged": claim.alleged}
    for name in _CLAIM_FIELDS:
        value = getattr(claim, name)
        if value is not None:
            data[name] = value
    if claim.doc in published:
        data["published"] = published[claim.doc]
    if claim.quantity:
        data["quantity"] = quantity_text(claim.quantity)
    if claim.attributions:
        data["claimants"] = claimants_text(claim)
    if claim.evidence:
        data["evidence"] = " … ".join(e.text for e in claim.evidence)
    return data


def _role_pairs(claim: Claim):
    """(from role, from entity, to role, to entity) for each edge of ``claim``."""
    pairs = EDGE_ROLES.get(claim.type)
    if pairs is None:  # a type this module does not know yet: its first role to each other
        roles = list(claim.roles)
        pairs = tuple((roles[0], other) for other in roles[1:])
    for from_role, to_role in pairs:
        if from_role == to_role:
            for a, b in combinations(claim.roles.get(from_role) or [], 2):
                yield from_role, a, to_role, b
        else:
            for a in claim.roles.get(from_role) or []:
                for b in claim.roles.get(to_role) or []:
                    yield from_role, a, to_role, b


def corpus_to_networkx(corpus: Corpus) -> nx.MultiDiGraph:
    """One node per entity, one edge per related pair of role-fillers of each claim.

    Nodes are added in id order and edges in (document, claim id) order, so the
    same build always gives the same graph, whatever order it was read in.
    A claim with fewer than two role-fillers relates nothing and has no edge.
    """
    graph = nx.MultiDiGraph()
    nodes: dict[str, dict] = {}
    for claim in corpus.claims:  # entities that only claims name still get a node
        for ref in [r for refs in claim.roles.values() for r in refs]:
            nodes.setdefault(ref.id, _node_attributes(ref))
    for entity in corpus.entities:
        nodes[entity.id] = _node_attributes(entity)
    for node_id in sorted(nodes):
        graph.add_node(node_id, **nodes[node_id])

    published = {d.id: d.published for d in corpus.documents if d.published}
    for claim in sorted(corpus.claims, key=lambda c: (c.doc, c.id)):
        shared = _edge_attributes(claim, published)
        for number, (from_role, a, to_role, b) in enumerate(_role_pairs(claim)):
            if a.id == b.id:
                continue
            graph.add_edge(a.id, b.id, key=f"{claim.id}-{number}",
                           from_role=from_role, to_role=to_role, **shared)
    return graph


def graphml_text(graph: nx.MultiDiGraph) -> str:
    """The GraphML document for ``graph``, as networkx writes it."""
    body = "\n".join(nx.generate_graphml(graph))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def write_graphml(corpus: Corpus, path: Path) -> nx.MultiDiGraph:
    """Write the corpus's graph to ``path`` atomically; return the graph.

    The file reads back with ``networkx.read_graphml(path, force_multigraph=True)``
    and opens in Gephi.
    """
    graph = corpus_to_networkx(corpus)
    write_text_atomic(Path(path), graphml_text(graph))
    return graph
