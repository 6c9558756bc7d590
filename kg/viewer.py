"""The interactive viewer: one self-contained HTML page per build.

``render_html(corpus)`` draws the claim graph with vis-network: one node
per entity that takes part in a claim, one edge per claim and pair of entities
it links, and a page of our own around it (legend, filters, search, details).

The page must work with no network at all, opened from the file system, and
must never run anything that comes from an article. Hence:

- vis-network's JS and CSS (as the pyvis package ships them) are inlined, and
  our own template replaces pyvis's, which also asks a CDN for Bootstrap;
- every string taken from an article (titles, sentences, labels) travels as
  JSON inside a ``<script type="application/json">`` block, with ``<``, ``>``
  and ``&`` escaped, and the page's script shows it with ``textContent``;
- a Content-Security-Policy allows only the page's own scripts, by hash, and
  no request at all: an injected ``<script>`` or ``onerror`` cannot run.

Positions are computed here, deterministically, and physics is off: a large
graph opens at once and never moves by itself (see :func:`layout`).

Reports of one event (see :mod:`kg.events`) stay one edge each, with their own
figure, date and claimant; a claim's details list the other reports of its
event side by side, and the claims of a contested event carry a mark of their
own (:data:`CONTESTED_STYLE`) over the style of their status.

>>> from kg.model import Claim, Corpus, EntityRef, Evidence
>>> rus, prk = EntityRef("Q159", "Russie", "Q159", "Country"), EntityRef("Q423", "Corée du Nord", "Q423", "Country")
>>> claim = Claim("cooperation", "d1", {"parties": [rus, prk]}, [Evidence("d1", 0, 4, "text")], "r1")
>>> view = build_view(Corpus(claims=[claim]))
>>> [n["id"] for n in view.nodes], [(e["from"], e["to"], e["label"]) for e in view.edges]
(['Q159', 'Q423'], [('Q159', 'Q423', 'cooperation')])
>>> "<!DOCTYPE html>" in render_html(Corpus(claims=[claim]))
True
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .events import CONTEST_KINDS, Event, contested, group_events
from .claim_types import claim_type, claim_types, tie_kinds
from .graph import claim_edges, quantity_text
from .model import ENTITY_CLASSES, Claim, Corpus
from .store import CLAIMS, DOCUMENTS, ENTITIES, atomic_file, load_corpus

__all__ = ["NODE_STYLES", "CONTESTED_STYLE", "VIEWER_FILE", "View", "claim_status", "claim_pairs",
           "build_view", "layout", "render_html", "write_viewer", "ensure_viewer"]

VIEWER_FILE = "graph.html"
ASSETS = Path(__file__).with_name("viewer_assets")

#: entity class -> (colour, vis-network shape); distinct in both, for colour-blind users
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Country": ("#4e79a7", "dot"),
    "Person": ("#f28e2b", "diamond"),
    "Organization": ("#59a14f", "square"),
    "Place": ("#9c755f", "triangle"),
    "Treaty": ("#e15759", "star"),
    "Conflict": ("#b07aa1", "triangleDown"),
    "Group": ("#76b7b2", "hexagon"),
}
assert set(NODE_STYLES) == set(ENTITY_CLASSES)

#: how a claim is drawn when the article does not state it as fact
STATUS_STYLES = {
    "fact": {"dashes": False, "colour": None, "label": "stated as fact (colour: claim type)"},
    "alleged": {"dashes": [10, 6], "colour": "#8a8a8a", "label": "alleged: someone claims it"},
    "disputed": {"dashes": [2, 6], "colour": "#e69500", "label": "denied, or not confirmed"},
}
#: how a claim of a contested event is marked, on top of its status style, which it
#: keeps (dashes and colour still say who says so; width still says treaty): a
#: magenta halo, and a warning sign and magenta text in its label
CONTESTED_STYLE = {"colour": "#d000b0", "halo": "rgba(208, 0, 176, 0.85)", "marker": "\u26a0",
                   "label": "contested: figures differ, or someone denies or will not confirm"}
FALLBACK_COLOURS = ("#999999", "dot")


def claim_status(claim: Claim) -> str:
    """``fact``, ``alleged`` (someone claims or confirms it) or ``disputed``
    (someone denies it or will not confirm it).

    >>> from kg.model import Attribution, EntityRef
    >>> kyiv = EntityRef("Q212", "Ukraine", "Q212", "Country")
    >>> claim = Claim("visit", "d", {}, [], "r", attributions=[Attribution(kyiv, "claims")])
    >>> claim_status(claim)
    'alleged'
    >>> claim.attributions.append(Attribution(kyiv, "no_comment")); claim_status(claim)
    'disputed'
    """
    stances = {a.stance for a in claim.attributions}
    if stances & {"denies", "no_comment"}:
        return "disputed"
    return "alleged" if stances else "fact"


def claim_pairs(claim: Claim) -> list[tuple[str, str, str]]:
    """The (from, to, role of ``to``) entity pairs that draw a claim: the edges of
    :func:`kg.graph.claim_edges`, as the GraphML file has them. A claim that
    relates no two entities is a loop on its first entity, so that it can still
    be seen and clicked.

    >>> from kg.model import EntityRef
    >>> ref = lambda i: EntityRef(i, i, None, "Country")
    >>> claim_pairs(Claim("troop_deployment", "d", {"sender": [ref("A")], "location": [ref("B")],
    ...                   "alongside": [ref("C")]}, [], "r"))
    [('A', 'B', 'location'), ('A', 'C', 'alongside')]
    >>> claim_pairs(Claim("cooperation", "d", {"parties": [ref("B"), ref("A"), ref("C")]}, [], "r"))
    [('B', 'A', 'parties'), ('B', 'C', 'parties'), ('A', 'C', 'parties')]
    """
    pairs = [(edge.source.id, edge.target.id, edge.to_role) for edge in claim_edges(claim)]
    if not pairs:
        first = next((role for role in _role_order(claim) if claim.roles.get(role)), None)
        if first is None:
            return []
        hub = min(ref.id for ref in claim.roles[first])
        pairs = [(hub, hub, first)]
    return list(dict.fromkeys(pairs))


def _role_order(claim: Claim) -> list[str]:
    known = list(claim_type(claim.type).role_names)
    return known + sorted(set(claim.roles) - set(known))


def _binding_obligations() -> set[str]:
    """Obligations that bind a bloc (a defence clause): drawn thick and bold."""
    return {kind.binds for kind in tie_kinds() if isinstance(kind.binds, str)}


@dataclass
class View:
    """What the page shows, as plain JSON-ready data (tests read it directly)."""
    nodes: list[dict]
    edges: list[dict]
    details: dict  # claims, entities, documents and legend, for the page's own script
    #: claim id -> its event id, when shown, and what contests it: what its details take
    #: from the other articles
    event_of: dict = field(default_factory=dict, repr=False)
    contest_of: dict = field(default_factory=dict, repr=False)


def build_view(corpus: Corpus, *, claim_details: bool = True) -> View:
    """Nodes, edges and details of ``corpus``, sorted, with positions.

    Every piece of data is stored once, so that the page grows linearly with
    the claims: an edge lists the ids of its reports, a claim names its event,
    and an event (in ``details["events"]``) lists the ids of its reports and
    what disputes it, once for all of them. Without ``claim_details`` the
    details hold no "claims" (kg.viewer_pieces writes them from kept pieces).
    """
    claims = sorted(corpus.claims, key=lambda c: (c.id, c.doc))
    refs = {ref.id: ref for claim in claims for ents in claim.roles.values() for ref in ents}
    claims_of: dict[str, set[str]] = {entity_id: set() for entity_id in refs}
    edge_pairs = []
    for claim in claims:
        for pair in claim_pairs(claim):
            edge_pairs.append((claim, pair))
            claims_of[pair[0]].add(claim.id)
            claims_of[pair[1]].add(claim.id)
    events = group_events(claims)
    contests = {contest.event.id: contest for contest in contested(events)}
    contest_of = {report.id: contest.kinds for contest in contests.values() for report in contest.event.reports}
    # an event reported more than once has other reports to show; a lone contested one, its reasons
    kept = [event for event in events if len(event.reports) > 1 or event.id in contests]
    event_of = {report.id: event.id for event in kept for report in event.reports}
    edges = _edges(edge_pairs, contest_of)
    # one pull per pair of entities, however many relationships link them
    positions = layout(sorted(refs), sorted({tuple(sorted((e["from"], e["to"]))) for e in edges}))
    entities = {e.id: e for e in corpus.entities}
    nodes = [_node(refs[i], entities.get(i), len(claims_of[i]), positions[i]) for i in sorted(refs)]
    details = {
        "entities": {i: _entity_details(refs[i], entities.get(i), claims_of[i]) for i in sorted(refs)},
        "documents": {d.id: _document_details(d) for d in sorted(corpus.documents, key=lambda d: d.id)},
        "events": {event.id: _event_details(event, contests.get(event.id)) for event in kept},
        "legend": _legend(),
        "limits": {"edges": MAX_DRAWN_EDGES, "nodes": MAX_DRAWN_NODES, "labels": MAX_EDGE_LABELS,
                   "page": REPORTS_PER_PAGE},
    }
    if claim_details:
        details["claims"] = {c.id: _claim_details(c, event_of.get(c.id), contest_of.get(c.id, [])) for c in claims}
    return View(nodes, edges, details, event_of, contest_of)


#: what the page draws at once at most (the heaviest edges first), and how many
#: reports a list shows per page: beyond that a browser slows and a reader is lost
MAX_DRAWN_EDGES = 300
MAX_DRAWN_NODES = 500
#: only the heaviest edges drawn carry their label (the others, in their tooltip): hundreds
#: of labels cover each other and the nodes
MAX_EDGE_LABELS = 60
REPORTS_PER_PAGE = 20


def _node(ref, entity, degree: int, position: tuple[int, int]) -> dict:
    colour, shape = NODE_STYLES.get(ref.cls, FALLBACK_COLOURS)
    label = entity.label if entity else ref.label
    noun = "claim" if degree == 1 else "claims"
    return {"id": ref.id, "label": label, "shape": shape, "cls": ref.cls,
            "color": {"background": colour, "border": "#333333",
                      "highlight": {"background": colour, "border": "#000000"}},
            # slowly, and up to a bound: a hub of 10,000 claims must not hide its neighbours
            "size": round(min(10 + 3 * math.log2(1 + degree), 30), 1),
            "title": f"{label} ({ref.cls}), {degree} {noun}",  # vis shows titles as plain text
            "weight": degree,
            "x": position[0], "y": position[1]}


def edge_width(base: float, count: int) -> float:
    """Thicker as more reports give the edge, slowly (a log) and up to a bound.

    >>> edge_width(1.5, 1), edge_width(1.5, 4), edge_width(1.5, 10_000)
    (1.5, 4.5, 12.0)
    """
    return round(min(base + 1.5 * math.log2(count), 12.0), 1)


def _edges(edge_pairs, contest_of: dict[str, list[str]]) -> list[dict]:
    """One edge per pair of entities, role, claim type (and obligation) and status:
    the reports that give the same relationship are drawn once, weighted by their number."""
    groups: dict[tuple, list[Claim]] = {}
    for claim, (source, target, role) in edge_pairs:
        key = (source, target, role, claim.type, claim.obligation or "", claim_status(claim))
        groups.setdefault(key, []).append(claim)
    for reports in groups.values():  # listed by date, the undated last, then by article
        reports.sort(key=lambda c: (c.date is None, c.date or "", c.doc, c.id))
    edges, parallel = [], {}
    for index, ((source, target, role, ctype, _, status), reports) in enumerate(sorted(groups.items())):
        first = reports[0]
        declared = claim_type(ctype)
        colour = STATUS_STYLES[status]["colour"] or declared.colour
        defence = declared.treaty is not None and first.obligation in _binding_obligations()
        contest = sorted({kind for claim in reports for kind in contest_of.get(claim.id, [])},
                         key=CONTEST_KINDS.index)
        label = _type_label(first)
        if source != target and role != declared.edges[0][1]:  # not the type's main edge
            label += f" ({role})"
        if contest:
            label = f"{CONTESTED_STYLE['marker']} {label}"
        count = len(reports)
        # the sentence of a lone report; the number of reports of many
        title = f"{label}: {claim_sentence(first)}" if count == 1 else f"{label}: {count} reports"
        if contest:
            title = title.replace(label, f"{label} (contested: {', '.join(contest)})", 1)
        key = tuple(sorted((source, target)))
        rank = parallel[key] = parallel.get(key, -1) + 1
        base = 6 if defence else 3 if declared.treaty else 1.5
        edge = {"id": f"e{index}", "from": source, "to": target, "label": _counted(label, count),
                "base": label, "claims": [claim.id for claim in reports], "count": count,
                "ctype": ctype, "status": status, "contested": contest,
                "title": title,
                "color": {"color": colour, "highlight": colour, "hover": colour},
                "dashes": STATUS_STYLES[status]["dashes"],
                "width": edge_width(base, count), "baseWidth": base,
                "arrows": "to" if declared.directed else "",
                "font": {"color": colour if status == "fact" else "#555555", "strokeWidth": 3}}
        if defence:
            edge["font"]["bold"] = True
        if contest:
            edge["shadow"] = {"enabled": True, "color": CONTESTED_STYLE["halo"], "size": 9, "x": 0, "y": 0}
            edge["font"]["color"] = CONTESTED_STYLE["colour"]
            edge["width"] = max(edge["width"], 2)
        # parallel edges between the same two entities fan out instead of overlapping
        edge["smooth"] = ({"enabled": False} if rank == 0 else
                          {"enabled": True, "type": "curvedCW" if rank % 2 else "curvedCCW",
                           "roundness": 0.2 * ((rank + 1) // 2)})
        edges.append(edge)
    return edges


def _counted(label: str, count: int) -> str:
    """An edge's label with its number of reports (the page's script does the same)."""
    return label if count == 1 else f"{label} \u00d7{count}"


def _type_label(claim: Claim) -> str:
    if claim.obligation:
        return f"{claim.obligation} obligation"
    return claim.type.replace("_", " ")


def claim_sentence(claim: Claim) -> str:
    """The first evidence sentence, shortened for a tooltip."""
    text = claim.evidence[0].text if claim.evidence else ""
    return text if len(text) <= 160 else text[:157] + "..."


def _claim_details(claim: Claim, event: str | None, contest: list[str]) -> dict:
    roles = [[role, [{"id": e.id, "label": e.label} for e in claim.roles[role]]]
             for role in _role_order(claim) if claim.roles.get(role)]
    fields = [[name, value] for name, value in (
        ("date", claim.date), ("quantity", quantity_text(claim.quantity) or None),
        ("obligation", claim.obligation), ("domain", claim.domain), ("stance", claim.stance),
        ("quote", claim.quote), ("position", claim.position), ("item", claim.item))
        if value is not None]
    ids = sorted({e.id for ents in claim.roles.values() for e in ents}
                 | {a.claimant.id for a in claim.attributions})
    return {"type": claim.type, "label": _type_label(claim), "status": claim_status(claim),
            "doc": claim.doc, "rule": claim.rule, "date": claim.date, "roles": roles,
            "count": quantity_text(claim.quantity),
            "event": event, "contested": contest,
            "fields": fields, "entities": ids,
            "attributions": [{"claimant": a.claimant.label, "id": a.claimant.id,
                              "stance": a.stance, "cue": a.cue} for a in claim.attributions],
            "evidence": [{"doc": e.doc, "text": e.text} for e in claim.evidence]}


def _event_details(event: Event, contest) -> dict:
    """The ids of the reports of ``event``, in its order, and what disputes it: once
    per event, not once per report (the reports' own rows come from their claims)."""
    return {"reports": [claim.id for claim in event.reports],
            "contested": contest.kinds if contest else [],
            "reasons": contest.reasons if contest else []}


def _entity_details(ref, entity, claim_ids: set[str]) -> dict:
    return {"label": entity.label if entity else ref.label, "cls": ref.cls,
            "qid": ref.qid if ref.qid and re.fullmatch(r"Q\d+", ref.qid) else None,
            "aliases": sorted(entity.aliases) if entity else [], "claims": sorted(claim_ids)}


def _document_details(doc) -> dict:
    return {"title": doc.title, "published": doc.published, "lang": doc.lang,
            "url": doc.url if _is_web_link(doc.url) else None, "path": doc.path}


def _is_web_link(url: str | None) -> bool:
    """Only http(s) links become clickable: a ``javascript:`` URL in front matter must not.

    >>> _is_web_link("https://example.org/a"), _is_web_link("javascript:alert(1)")
    (True, False)
    """
    return bool(url) and re.match(r"https?://[^\s]+$", url, re.IGNORECASE) is not None


def _legend() -> dict:
    return {"classes": [[cls, colour, shape] for cls, (colour, shape) in NODE_STYLES.items()],
            "types": [[ct.name, ct.name.replace("_", " "), ct.colour] for ct in claim_types()],
            "statuses": [[s, style["label"], style["colour"] or "#333333", style["dashes"] or []]
                         for s, style in STATUS_STYLES.items()],
            "contested": [CONTESTED_STYLE["marker"], CONTESTED_STYLE["label"], CONTESTED_STYLE["colour"],
                          CONTESTED_STYLE["halo"]]}


# --- layout -------------------------------------------------------------------------

#: pair-iterations of the force layout allowed per component (~2 s on one core)
FORCE_BUDGET = 1e8
MIN_FORCE_ITERATIONS = 8


def layout(node_ids: list[str], pairs: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Deterministic positions in pixels: a force layout per connected component,
    components packed in rows, the largest first.

    Each component starts from rings around its best-connected entity (breadth
    first), which is cheap and already readable; a Fruchterman-Reingold pass
    then refines it, with fewer iterations as the component grows (its cost is
    quadratic), and none beyond a few thousand nodes, where the rings stay.

    >>> pos = layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")])
    >>> pos == layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")]), sorted(pos)
    (True, ['a', 'b', 'c', 'd'])
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(sorted(node_ids))
    graph.add_edges_from(sorted((a, b) for a, b in pairs if a != b))
    components = sorted((sorted(c) for c in nx.connected_components(graph)),
                        key=lambda c: (-len(c), c[0]))
    positions, x, y, row_height, row_width = {}, 0.0, 0.0, 0.0, None
    for component in components:
        placed = _component_layout(graph.subgraph(component))
        radius = 80 * math.sqrt(len(component)) + 40
        if row_width is None:
            row_width = max(2 * radius, 1600)
        if x + 2 * radius > row_width and x > 0:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in placed.items():
            positions[node] = (round(x + radius + px * radius), round(y + radius + py * radius))
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return positions


def _component_layout(graph) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1] for one connected component."""
    import numpy as np

    nodes = sorted(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    start = _rings(graph, nodes)
    iterations = min(60, int(FORCE_BUDGET / len(nodes) ** 2))
    if iterations >= MIN_FORCE_ITERATIONS:
        index = {node: i for i, node in enumerate(nodes)}
        # a subgraph view lists its edges in the order of a set (hash order): orient and
        # sort them, or the float sums of the forces, and so the pixels, vary between runs
        edges = np.array(sorted(tuple(sorted((index[a], index[b]))) for a, b in graph.edges),
                         dtype=np.int64)
        start = _force(start, edges.reshape(-1, 2), iterations)
    start -= start.mean(axis=0)
    start /= float(np.abs(start).max()) or 1.0
    # spread the dense centre, where the hubs and their many ties pile up, at the cost of
    # the sparse rim: a radius r becomes sqrt(r)
    radius = np.sqrt((start * start).sum(axis=1))[:, None]
    start = start * np.where(radius > 0, 1 / np.sqrt(np.maximum(radius, 1e-12)), 1.0)
    scale = float(np.abs(start).max()) or 1.0
    return {node: (float(p[0] / scale), float(p[1] / scale)) for node, p in zip(nodes, start)}


def _rings(graph, nodes):
    """Breadth-first rings around the best-connected node, children near their parent."""
    import numpy as np

    root = min(nodes, key=lambda n: (-graph.degree(n), n))
    angle = {root: 0.0}
    depth = {root: 0}
    ring = [root]
    while ring:
        following = []
        for parent in ring:
            for child in sorted(graph.neighbors(parent)):
                if child not in depth:
                    depth[child] = depth[parent] + 1
                    following.append(child)
                    angle.setdefault(child, angle[parent])
        # spread each ring evenly, in the order of its parents' angles
        following.sort(key=lambda n: (angle[n], n))
        for rank, node in enumerate(following):
            angle[node] = 2 * math.pi * rank / max(1, len(following)) + 0.3 * depth[node]
        ring = following
    return np.array([[depth[n] * math.cos(angle[n]), depth[n] * math.sin(angle[n])] for n in nodes],
                    dtype=np.float64)


def _force(pos, edges, iterations: int):
    """Fruchterman-Reingold on a numpy array, repulsion in row blocks to bound memory."""
    import numpy as np

    pos = pos / (np.abs(pos).max() or 1.0)
    count = len(pos)
    k = 1.0 / math.sqrt(count)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        shift = np.zeros_like(pos)
        for start in range(0, count, 1024):
            delta = pos[start:start + 1024, None, :] - pos[None, :, :]
            dist2 = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-6)
            shift[start:start + 1024] += np.einsum("ijk,ij->ik", delta, (k * k) / dist2)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = delta * np.sqrt((delta * delta).sum(axis=1))[:, None] / k
            np.add.at(shift, edges[:, 0], -pull)
            np.add.at(shift, edges[:, 1], pull)
        length = np.maximum(np.sqrt((shift * shift).sum(axis=1)), 1e-9)
        pos = pos + shift * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


# --- the page -----------------------------------------------------------------------

def _vis_options(edge_count: int) -> dict:
    large = edge_count > 1500
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "tooltipDelay": 250, "multiselect": True,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": {"enabled": False}},
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"font": {"size": 10, "align": "middle"}, "selectionWidth": 2,
                  "arrows": {"to": {"scaleFactor": 0.6}}},
    }


def _script_json(data) -> str:
    """JSON that cannot close its ``<script>`` element nor start markup.

    >>> _script_json({"t": "</script><img src=x>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def render_html(corpus: Corpus, pieces=None) -> str:
    """The viewer page of ``corpus``, as one self-contained HTML string; the details
    of claims from ``pieces`` (kg.output_cache.Pieces, see kg.viewer_pieces) when given.

    Our template (viewer_assets/template.html) is rendered with Jinja directly:
    pyvis's Network only copied the nodes and edges into it, and importing pyvis
    cost more than writing the page of an unchanged build. The template still
    inlines vis-network from pyvis's folder of templates, found without importing it.
    """
    return "".join(_page_parts(corpus, pieces))


def _page_parts(corpus: Corpus, pieces=None) -> tuple[str, str, str]:
    """The page as (what comes before its data block, the data block, what follows):
    the data block is most of a large build's page, so it is never copied into one
    string with the rest when the page is written (a build's peak memory)."""
    import importlib.util

    from jinja2 import ChoiceLoader, Environment, FileSystemLoader

    view = build_view(corpus, claim_details=pieces is None)
    if pieces is None:
        data = _script_json(view.details)
    else:
        from .viewer_pieces import details_json

        data = details_json(corpus, view, pieces)
    pyvis_templates = os.path.join(importlib.util.find_spec("pyvis").submodule_search_locations[0], "templates")
    templates = Environment(loader=ChoiceLoader([FileSystemLoader(str(ASSETS)), FileSystemLoader(pyvis_templates)]))
    page = templates.get_template("template.html").render(
        # a node without a label shows its id, as pyvis's add_node made it
        nodes=[node if node["label"] else {**node, "label": node["id"]} for node in view.nodes],
        edges=view.edges, options=json.dumps(_vis_options(len(view.edges))), kg_data=_DATA_MARK,
        kg_summary=f"{len(view.nodes)} entities, {len(corpus.claims)} claims, {len(corpus.documents)} articles")
    del view  # the data block and the page hold what the page needs
    before, after = page.split(_DATA_MARK)
    return before.replace("KG_SCRIPT_HASHES", _script_hashes(before, after), 1), data, after


#: where the data block stands in the rendered template, until the page is written
_DATA_MARK = "\x00kg-data\x00"


def _script_hashes(*parts: str) -> str:
    """The hashes of the page's own scripts (those without attributes: the data block
    is JSON, never run), for its Content-Security-Policy."""
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(found.group(1).encode("utf-8")).digest()).decode() + "'"
              for part in parts for found in re.finditer(r"<script>(.*?)</script>", part, re.DOTALL)}
    return " ".join(sorted(hashes))


def write_viewer(corpus: Corpus, path: Path, pieces=None) -> Path:
    """Write the viewer page of ``corpus`` to ``path`` atomically (the details of
    claims from ``pieces``: see render_html); return the path."""
    path = Path(path)
    with atomic_file(path) as handle:
        for part in _page_parts(corpus, pieces):
            handle.write(part)
    return path


def ensure_viewer(build_dir: Path) -> Path:
    """``build_dir``'s viewer page, (re)written first if missing or older than the build.

    Raises BuildNotFound when ``build_dir`` holds no build.
    """
    build_dir = Path(build_dir)
    page = build_dir / VIEWER_FILE
    inputs = [build_dir / name for name in (CLAIMS, ENTITIES, DOCUMENTS) if (build_dir / name).is_file()]
    if page.is_file() and all(page.stat().st_mtime >= p.stat().st_mtime for p in inputs):
        return page
    return write_viewer(load_corpus(build_dir), page)
