"""Who stands with whom: alliances and partnerships read from the claims.

A *tie* joins two actors (states, and organisations such as the EU) and
gathers every claim that supports it, with its article, date and claimants.
Which claims make which ties is declared with each claim type (its ``tie``
in ontology/claim_types.yaml), and the kinds of tie, in the order they are
listed, under ``tie_kinds`` there: a treaty (its parties, tied pairwise, one
tie per treaty whatever claims speak of it), military cooperation, military
aid, a deployment alongside a state, support; opposition and sanctions are no
alliances: only :func:`ties` (when asked) and :func:`path` (as a last resort)
show them.

A person speaks for the state (or body) where a position_held claim places
them; a body with ``part_of`` (an army, a ministry) stands for its state.
Places, treaties and conflicts are never actors: a deployment *in* a country
is not a tie (an invasion is one too), only a deployment *alongside* one.

>>> from kg.model import Claim, Corpus, Entity, Evidence
>>> prk, rus, chn = (Entity("Q423", "Corée du Nord", "Country", "Q423", ["RPDC"]),
...                  Entity("Q159", "Russie", "Country", "Q159"), Entity("Q148", "Chine", "Country", "Q148"))
>>> def claim(kind, roles, **fields):
...     return Claim(kind, "fr-00", roles, [Evidence("fr-00", 0, 3, "...")], "demo", **fields)
>>> corpus = Corpus(entities=[prk, rus, chn], claims=[
...     claim("cooperation", {"parties": [prk.ref, rus.ref]}, domain="military", date="2024-06"),
...     claim("cooperation", {"parties": [chn.ref, rus.ref]}, domain="military", date="2024-07")])
>>> [(t.partner_label, t.kind) for t in allies(corpus, "RPDC")]
[('Russie', 'military_cooperation')]
>>> [b.labels for b in blocs(corpus)]
[('Chine', 'Corée du Nord', 'Russie')]
>>> [(h.a_label, h.b_label) for h in path(corpus, "Q423", "Q148")]
[('Corée du Nord', 'Russie'), ('Russie', 'Chine')]
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations, islice

import networkx as nx

from .claim_types import TieKind, claim_type, membership_type, tie_kinds
from .errors import DataError, UnknownEntity
from .graph import CLAIMANT_SEPARATOR, claimant_attribute, corpus_to_networkx, edge_quantity, quantity_text
from .model import STANCES, Corpus
from .text import fold

__all__ = ["ally_kinds", "opposition_kinds", "Source", "Tie", "Bloc", "Hop", "Network",
           "as_graph", "network", "every_tie", "actor_of", "ties", "allies", "blocs", "path", "resolve_actor",
           "TABLE_COLUMNS", "tie_row", "alliance_rows", "path_rows"]

_ACTOR_CLASSES = ("Country", "Organization", "Group")
# when a name fits several entities, the one most likely meant as an ally comes first
_CLASS_RANK = {"Country": 0, "Organization": 1, "Group": 2}


def ally_kinds() -> tuple[str, ...]:
    return tuple(kind.name for kind in tie_kinds() if kind.alliance)


def opposition_kinds() -> tuple[str, ...]:
    return tuple(kind.name for kind in tie_kinds() if not kind.alliance)


def _kind(name: str) -> TieKind:
    return next(kind for kind in tie_kinds() if kind.name == name)


def _kind_rank(name: str) -> int:
    return [kind.name for kind in tie_kinds()].index(name)


@dataclass(frozen=True)
class Source:
    """One claim behind a tie: where it was read and who says so."""
    claim: str
    type: str
    doc: str
    date: str  # the claim's date, else its article's publication date, else ""
    claimants: str  # "Ukraine: claims; Russie: no_comment"; "" when the article asserts it
    evidence: str

    @property
    def alleged(self) -> bool:
        return bool(self.claimants)

    def __str__(self) -> str:
        """'fr-00 2024-11 [Ukraine: claims]' -- short enough for a table cell."""
        text = " ".join(part for part in (self.doc, self.date) if part)
        return text + (f" [{self.claimants}]" if self.claimants else "")

    def as_dict(self) -> dict:
        return {"claim": self.claim, "type": self.type, "doc": self.doc, "date": self.date,
                "claimants": self.claimants, "alleged": self.alleged, "evidence": self.evidence}


@dataclass(frozen=True)
class Tie:
    """A relation between actors ``a`` and ``b``, with the claims behind it.

    ``direction`` is "mutual", "to" (a gives, sends or says it to b) or "from"
    (b does so to a); :func:`allies` turns ties so that ``a`` is the country asked about.
    """
    kind: str
    a: str
    a_label: str
    b: str
    b_label: str
    direction: str
    detail: str
    sources: tuple[Source, ...]
    treaty: str = ""
    obligations: tuple[str, ...] = ()
    signed: str = ""
    ratified: tuple[str, ...] = ()  # "Corée du Nord 2024-11"

    @property
    def partner(self) -> str:
        return self.b

    @property
    def partner_label(self) -> str:
        return self.b_label

    @property
    def since(self) -> str:
        """The earliest date among the sources ("" when none is dated)."""
        return min((s.date for s in self.sources if s.date), default="")

    @property
    def alleged(self) -> bool:
        """True when no source asserts the tie as fact: every one is attributed."""
        return all(s.alleged for s in self.sources)

    @property
    def is_alliance(self) -> bool:
        return _kind(self.kind).alliance

    def facing(self, actor: str) -> "Tie":
        """This tie seen from ``actor`` (one of its ends)."""
        if actor == self.a:
            return self
        flipped = {"to": "from", "from": "to"}.get(self.direction, self.direction)
        return replace(self, a=self.b, a_label=self.b_label, b=self.a, b_label=self.a_label,
                       direction=flipped)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "a": self.a, "a_label": self.a_label, "b": self.b,
                "b_label": self.b_label, "direction": self.direction, "detail": self.detail,
                "treaty": self.treaty, "obligations": list(self.obligations),
                "signed": self.signed, "ratified": list(self.ratified), "since": self.since,
                "alleged": self.alleged, "sources": [s.as_dict() for s in self.sources]}


@dataclass(frozen=True)
class Bloc:
    """States (and organisations) bound together; ``ties`` are the binding ones."""
    number: int
    members: tuple[str, ...]
    labels: tuple[str, ...]
    ties: tuple[Tie, ...]


@dataclass(frozen=True)
class Hop:
    """One step of a :func:`path`: every relation between ``a`` and ``b``."""
    a: str
    a_label: str
    b: str
    b_label: str
    ties: tuple[Tie, ...]


class Network:
    """What every question of this module reads: the actors' names and classes
    (``graph``'s nodes; its edges may be left out) and every tie among them,
    opposition included and before any date filter (:func:`every_tie`).
    Worked out once, it answers any number of questions; a build stores one
    (kg.index), read a tie at a time, so that ``kg alliances COUNTRY`` reads
    only that country's ties.

    ``ties_of(actor)`` gives the ties of ``actor``, in the order of
    :func:`every_tie`; ``ties_of(None)`` every tie.
    """

    def __init__(self, graph: nx.MultiDiGraph, ties_of):
        self.graph = graph
        self._ties_of = ties_of
        self._every: tuple[Tie, ...] | None = None

    @property
    def every(self) -> tuple[Tie, ...]:
        if self._every is None:
            self._every = tuple(self._ties_of(None))
        return self._every

    def touching(self, actor: str) -> list[Tie]:
        """The ties that have ``actor`` at one end."""
        if self._every is not None:
            return [tie for tie in self._every if actor in (tie.a, tie.b)]
        return list(self._ties_of(actor))


def as_graph(graph_or_corpus) -> nx.MultiDiGraph:
    """Accept a graph from :func:`kg.graph.corpus_to_networkx` (or GraphML), a Corpus or a Network."""
    if isinstance(graph_or_corpus, Corpus):
        return corpus_to_networkx(graph_or_corpus)
    if isinstance(graph_or_corpus, Network):
        return graph_or_corpus.graph
    return graph_or_corpus


def network(graph_or_corpus) -> Network:
    """The Network of a graph, a Corpus (or a Network, as it is)."""
    if isinstance(graph_or_corpus, Network):
        return graph_or_corpus
    graph = as_graph(graph_or_corpus)
    found = tuple(every_tie(graph))
    return Network(graph, lambda actor: [tie for tie in found if actor is None or actor in (tie.a, tie.b)])


# --- reading claims back from the graph -------------------------------------------------

@dataclass
class _ClaimView:
    """A claim as the graph's edges tell it: its fields and its role-fillers."""
    id: str
    fields: dict
    roles: dict[str, list[str]]
    claimants: str = ""  # "Ukraine: claims; Russie: no_comment", from the claimants_<stance> attributes

    @property
    def type(self) -> str:
        return self.fields["claim_type"]

    @property
    def date(self) -> str:
        return self.fields.get("date") or self.fields.get("published") or ""

    def fillers(self, role: str) -> list[str]:
        return self.roles.get(role, [])

    def source(self) -> Source:
        f = self.fields
        return Source(self.id, f["claim_type"], f.get("doc", ""), self.date, self.claimants,
                      f.get("evidence", ""))


def _claimants(graph: nx.MultiDiGraph, data: dict) -> str:
    """Who says so, by stance, with the claimants' labels."""
    said = []
    for stance in STANCES:
        for node in filter(None, str(data.get(claimant_attribute(stance), "")).split(CLAIMANT_SEPARATOR)):
            label = graph.nodes[node].get("label", node) if node in graph else node
            said.append(f"{label}: {stance}")
    return "; ".join(said)


def _claims(graph: nx.MultiDiGraph) -> list[_ClaimView]:
    views: dict[str, _ClaimView] = {}
    for u, v, data in graph.edges(data=True):
        if data["claim"] not in views:
            views[data["claim"]] = _ClaimView(data["claim"], data, {}, _claimants(graph, data))
        view = views[data["claim"]]
        for role, node in ((data["from_role"], u), (data["to_role"], v)):
            fillers = view.roles.setdefault(role, [])
            if node not in fillers:
                fillers.append(node)
    return list(views.values())


def _label(graph, node: str) -> str:
    """A node's label; for a state the build does not hold, the gazetteer's."""
    if node in graph:
        return graph.nodes[node].get("label", node)
    gazetteer = _gazetteer()
    entry = gazetteer.by_qid(node) if gazetteer is not None else None
    return entry.label if entry else node


def _actors(graph: nx.MultiDiGraph, claims: list[_ClaimView]) -> dict[str, str]:
    """node -> the actor it stands for (itself for a state); nodes that are no actor are absent.

    A body or person stands for the state of its ``part_of``, else (a person)
    of the organisation a position_held claim places them in, else of what the
    gazetteer knows of it (Putin: Russia; Pyongyang the capital: North Korea).
    That state may be missing from the graph: it is an actor all the same.
    """
    by_qid = {data["qid"]: node for node, data in graph.nodes(data=True) if data.get("qid")}
    gazetteer = _gazetteer()
    positions: dict[str, list[str]] = {}
    membership = membership_type()
    for view in claims:
        if membership is not None and view.type == membership.name:
            member, organisation = membership.membership
            for person in view.fillers(member):
                positions.setdefault(person, []).extend(view.fillers(organisation))

    def owner(node: str, seen: frozenset = frozenset()) -> str | None:
        data = graph.nodes[node]
        if data.get("class") == "Country":
            return node
        if data.get("part_of"):
            return by_qid.get(data["part_of"], data["part_of"])
        seen = seen | {node}  # a person may hold a post in a body that is part of a state
        held = (owner(org, seen) for org in sorted(positions.get(node, [])) if org in graph and org not in seen)
        found = next((o for o in held if o), None)
        if found:
            return found
        entry = gazetteer.by_qid(data["qid"]) if gazetteer is not None and data.get("qid") else None
        if entry is not None and entry.kind in ("capital", "body", "person"):
            state = gazetteer.state_of(entry)
            if state is not None and state.qid:
                return by_qid.get(state.qid, state.qid)
        return node if data.get("class") in _ACTOR_CLASSES else None

    actors = {}
    for node in graph.nodes:
        found = owner(node)
        if found and (found not in graph or graph.nodes[found].get("class") in _ACTOR_CLASSES):
            actors[node] = found
    return actors


def actor_of(graph, node: str) -> str | None:
    """The actor a node stands for: a state itself, an army's state, a minister's state.

    >>> from kg.model import Claim, Corpus, Entity
    >>> prk, choe = Entity("Q423", "Corée du Nord", "Country", "Q423"), Entity("p-choe", "Choe Son Hui", "Person")
    >>> corpus = Corpus(entities=[prk, choe], claims=[
    ...     Claim("position_held", "fr-00", {"person": [choe.ref], "organization": [prk.ref]}, [], "demo")])
    >>> actor_of(corpus, "p-choe")
    'Q423'
    """
    graph = as_graph(graph)
    return _actors(graph, _claims(graph)).get(node)


# --- ties --------------------------------------------------------------------------------

def _on_or_after(date: str, since: str) -> bool:
    """Compare ISO dates at the precision both share: '2024' may be on or after '2024-06'."""
    if not date:
        return False
    common = min(len(date), len(since))
    return date[:common] >= since[:common]


def _sorted_sources(sources) -> tuple[Source, ...]:
    return tuple(sorted(sources, key=lambda s: (s.date, s.doc, s.claim)))


def _sort_key(tie: Tie) -> tuple:
    return (_kind_rank(tie.kind), fold(tie.a_label), fold(tie.b_label), tie.treaty)


def _treaty_ties(graph, claims, actors) -> list[Tie]:
    """One tie per treaty and pair of its parties; a treaty's claims are all its sources."""
    treaties: dict[str, list[_ClaimView]] = {}
    for view in claims:
        rule = claim_type(view.type).treaty
        if rule is not None:
            # a signing or obligation that names no treaty is a treaty of its own
            for treaty in view.fillers(rule.role) or [f"claim:{view.id}"]:
                treaties.setdefault(treaty, []).append(view)
    result = []
    for treaty, views in treaties.items():
        parties = []
        for view in views:
            for node in view.fillers(claim_type(view.type).treaty.parties):
                actor = actors.get(node)
                if actor and actor not in parties:
                    parties.append(actor)

        def marked(mark):
            return [v for v in views if claim_type(v.type).treaty.marks == mark]

        obligations = tuple(sorted({v.fields["obligation"] for v in views if v.fields.get("obligation")}))
        signed = min((v.date for v in marked("signed") if v.date), default="")
        ratified = tuple(sorted(
            {f"{_label(graph, actors[r])} {v.date}".strip()
             for v in marked("ratified") for r in v.fillers(claim_type(v.type).treaty.parties) if r in actors}))
        name = "" if treaty.startswith("claim:") else _label(graph, treaty)
        detail = "; ".join(part for part in (
            name or "unnamed treaty",
            "obligation: " + ", ".join(obligations) if obligations else "",
            f"signed {signed}" if signed else "",
            "ratified by " + ", ".join(ratified) if ratified else "") if part)
        sources = _sorted_sources(v.source() for v in views)
        kind = claim_type(views[0].type).tie.kind
        for a, b in combinations(sorted(parties), 2):
            result.append(Tie(kind, a, _label(graph, a), b, _label(graph, b), "mutual", detail,
                              sources, treaty=name, obligations=obligations, signed=signed,
                              ratified=ratified))
    return result


def _pair_links(graph, view: _ClaimView, actors: dict[str, str]):
    """(kind, from actor, to actor, note) for each tie a claim outside the treaty family supports."""
    declared = claim_type(view.type)
    rule = declared.tie
    if rule is None or declared.treaty is not None:
        return
    kind = rule.kind_for(view.fields.get(rule.kind_field) if rule.kind_field else None)
    if kind is None:
        return
    if rule.between:
        parties = sorted({actors[p] for p in view.fillers(rule.between) if p in actors})
        for a, b in combinations(parties, 2):
            yield kind, a, b, _note(graph, rule, view, None, a)
        return
    for u in view.fillers(rule.source):
        for v in view.fillers(rule.target):
            if actors.get(u) and actors.get(v) and actors[u] != actors[v]:
                yield kind, actors[u], actors[v], _note(graph, rule, view, u, actors[u])


def _note(graph, rule, view: _ClaimView, node: str | None, actor: str) -> str:
    """What a tie's detail says of one claim, as its type's tie.note lists it."""
    parts = []
    for item in rule.note:
        if item == "via":  # a minister speaks for their state: say who spoke
            parts.append(f"via {_label(graph, node)}" if node and node != actor else "")
        elif isinstance(item, tuple):
            role, prefix = item
            labels = ", ".join(_label(graph, n) for n in view.fillers(role))
            parts.append(labels and " ".join(p for p in (prefix, labels) if p))
        elif item == "quantity":  # numbers and a unit on the edge: read as "~11000 soldier"
            parts.append(quantity_text(edge_quantity(view.fields)))
        else:
            value = view.fields.get(item) or ""
            parts.append(f"« {value} »" if value and item == "quote" else str(value))
    return " ".join(part for part in parts if part)


def every_tie(graph) -> list[Tie]:
    """Every tie of the graph, opposition included, whatever its date, unsorted:
    what :func:`ties` selects from."""
    graph = as_graph(graph)
    claims = _claims(graph)
    actors = _actors(graph, claims)
    found = _treaty_ties(graph, claims, actors)
    grouped: dict[tuple[str, str, str], list[tuple[_ClaimView, str]]] = {}
    for view in claims:
        for kind, a, b, note in _pair_links(graph, view, actors):
            grouped.setdefault((kind, a, b), []).append((view, note))
    for (kind, a, b), items in grouped.items():
        direction = "to" if _kind(kind).directed else "mutual"
        found.append(Tie(kind, a, _label(graph, a), b, _label(graph, b), direction,
                         "; ".join(dict.fromkeys(note for _, note in items if note)),
                         _sorted_sources(view.source() for view, _ in items)))
    return found


def ties(graph, *, since: str | None = None, opposition: bool = False) -> list[Tie]:
    """Every tie of the graph (or Network), sorted by kind then labels.

    ``since`` (an ISO date, as precise as you like) keeps the claims dated on or
    after it (undated claims take their article's date; claims with neither
    are left out) and the ties that keep at least one. ``opposition`` adds the
    opposition and sanctions relations.
    """
    return _select(network(graph).every, since=since, opposition=opposition)


def _select(found, *, since: str | None, opposition: bool) -> list[Tie]:
    kept = []
    for tie in found:
        if not _kind(tie.kind).alliance and not opposition:
            continue
        if since:
            sources = tuple(s for s in tie.sources if _on_or_after(s.date, since))
            if not sources:
                continue
            tie = replace(tie, sources=sources)
        kept.append(tie)
    return sorted(kept, key=_sort_key)


def allies(graph, country: str, *, since: str | None = None) -> list[Tie]:
    """The allies and partners of ``country`` (an entity id or any name the build
    or the gazetteer knows), each tie turned to face it, treaties first."""
    actor = resolve_actor(graph, country)
    mine = network(graph).touching(actor)
    return sorted((tie.facing(actor) for tie in _select(mine, since=since, opposition=False)),
                  key=_sort_key)


def _binds(tie: Tie) -> bool:
    """A tie binds a bloc when its kind does, or (a treaty) when it carries the obligation its kind names."""
    binds = _kind(tie.kind).binds
    return binds is True or (isinstance(binds, str) and binds in tie.obligations)


def blocs(graph, *, since: str | None = None) -> list[Bloc]:
    """Actors bound together by defence obligations and military cooperation.

    The rule: link two actors when a treaty between them carries a defense
    obligation or when they cooperate militarily; a bloc is a connected
    component of two or more actors of that graph. Largest bloc first.
    """
    return _blocs(ties(graph, since=since))


def _blocs(alliance_ties: list[Tie]) -> list[Bloc]:
    binding = [tie for tie in alliance_ties if _binds(tie)]
    linked = nx.Graph()
    for tie in binding:
        linked.add_node(tie.a, label=tie.a_label)
        linked.add_node(tie.b, label=tie.b_label)
        linked.add_edge(tie.a, tie.b)
    components = [sorted(c, key=lambda n: (fold(linked.nodes[n]["label"]), n))
                  for c in nx.connected_components(linked)]
    components.sort(key=lambda c: (-len(c), fold(linked.nodes[c[0]]["label"])))
    return [Bloc(number, tuple(members), tuple(linked.nodes[m]["label"] for m in members),
                 tuple(t for t in binding if t.a in members))
            for number, members in enumerate(components, 1)]


def path(graph, a: str, b: str, *, since: str | None = None) -> list[Hop]:
    """How two actors are linked: the shortest chain of ties, with every relation on each hop.

    Alliance ties are tried first; only when they do not link ``a`` and ``b``
    does the search also cross opposition and sanctions, which the hops then
    show as such. Among equally short chains (the first thousand found) the one whose
    labels sort first wins. No link (or ``a`` is ``b``): an empty list.
    """
    net = network(graph)
    graph = net.graph
    a, b = resolve_actor(graph, a), resolve_actor(graph, b)
    everything = ties(net, since=since, opposition=True)
    for allowed in (ally_kinds(), ally_kinds() + opposition_kinds()):
        usable = [t for t in everything if t.kind in allowed]
        linked = nx.Graph()
        linked.add_edges_from((t.a, t.b) for t in usable)
        if a == b or a not in linked or b not in linked or not nx.has_path(linked, a, b):
            continue
        # a dense graph can hold very many equally short chains: weigh the first thousand
        chain = min(islice(nx.all_shortest_paths(linked, a, b), 1000),
                    key=lambda nodes: [fold(_label(graph, n)) for n in nodes])
        return [Hop(u, _label(graph, u), v, _label(graph, v),
                    tuple(t.facing(u) for t in usable if {t.a, t.b} == {u, v}))
                for u, v in zip(chain, chain[1:])]
    return []


# --- rows for kg.output.render_rows --------------------------------------------------------

#: what a table shows; json and csv also give ids, claim ids and bloc members
TABLE_COLUMNS = ["kind", "direction", "detail", "since", "alleged", "sources"]


def tie_row(tie: Tie, *, ends: tuple[str, str] = ("country", "partner"), nested: bool = False) -> dict:
    """A flat row for a tie; ``nested`` keeps each source as a dict (for JSON)."""
    first, second = ends
    return {first: tie.a_label, second: tie.b_label, "kind": tie.kind, "direction": tie.direction,
            "detail": tie.detail, "since": tie.since, "alleged": tie.alleged,
            "sources": [s.as_dict() if nested else str(s) for s in tie.sources],
            f"{first}_id": tie.a, f"{second}_id": tie.b, "claims": [s.claim for s in tie.sources]}


def alliance_rows(graph, *, since: str | None = None, opposition: bool = False,
                  nested: bool = False) -> list[dict]:
    """Every tie, those inside a bloc first and numbered by it; then the others."""
    net = network(graph)  # the ties are worked out once, for the blocs and the rows
    found = blocs(net, since=since)
    bloc_of = {member: bloc for bloc in found for member in bloc.members}
    rows = []
    for tie in ties(net, since=since, opposition=opposition):
        bloc = bloc_of.get(tie.a)
        inside = bloc is not None and bloc_of.get(tie.b) is bloc
        row = {"bloc": bloc.number if inside else None,
               "members": list(bloc.labels) if inside else []}
        rows.append(row | tie_row(tie, nested=nested))
    return sorted(rows, key=lambda row: row["bloc"] or len(found) + 1)  # stable: keeps tie order


def path_rows(hops: list[Hop], *, nested: bool = False) -> list[dict]:
    """One row per relation on each hop of a :func:`path`, hops numbered from 1."""
    return [{"hop": number} | tie_row(tie, ends=("from", "to"), nested=nested)
            for number, hop in enumerate(hops, 1) for tie in hop.ties]


# --- names -------------------------------------------------------------------------------

def _gazetteer():
    """The gazetteer, or None when this install has none (yet)."""
    try:
        from .gazetteer import load_gazetteer
        return load_gazetteer()
    except (ImportError, DataError):
        return None


def resolve_actor(graph, name: str) -> str:
    """The node id that ``name`` means: an id, a QID, a label or alias of the build,
    or any name the gazetteer knows ("RPDC", "Pyongyang" for North Korea).

    A name that fits several entities goes to the likeliest actor (a state
    before an organisation before a city). Unknown names raise UnknownEntity
    with the closest names of the build and the gazetteer.

    >>> from kg.model import Corpus, Entity
    >>> corpus = Corpus(entities=[Entity("Q423", "Corée du Nord", "Country", "Q423", ["Pyongyang"]),
    ...                           Entity("Q18808", "Pyongyang", "Place", "Q18808")])
    >>> resolve_actor(corpus, "pyongyang"), resolve_actor(corpus, "COREE DU NORD")
    ('Q423', 'Q423')
    >>> resolve_actor(corpus, "Corée du Nrd")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UnknownEntity: unknown country 'Corée du Nrd'; did you mean: Corée du Nord...?
    """
    graph = as_graph(graph)
    wanted = fold(name)
    candidates = []  # (class rank, how it matched, node)
    for node, data in graph.nodes(data=True):
        names = [data.get("label", "")] + str(data.get("aliases", "")).split("; ")
        if name.strip() in (node, data.get("qid")):
            match = 0
        elif wanted == fold(names[0]):
            match = 1
        elif wanted in (fold(n) for n in names[1:] if n):
            match = 2
        else:
            continue
        candidates.append((_CLASS_RANK.get(data.get("class"), 9), match, node))
    actors = [c for c in candidates if c[0] in _CLASS_RANK.values()]
    if actors:
        return min(actors)[2]
    gazetteer = _gazetteer()
    if gazetteer is not None:
        try:
            entry = gazetteer.resolve(name)
        except UnknownEntity:
            entry = None
        if entry is not None:
            same = [n for n, d in graph.nodes(data=True)
                    if (entry.qid and d.get("qid") == entry.qid) or n == entry.ref.id]
            return same[0] if same else entry.ref.id
    if candidates:  # only a place or a person by that name: still what the user asked for
        return min(candidates)[2]
    raise UnknownEntity(f"unknown country {name!r}" + _suggestions(graph, gazetteer, name))


def _suggestions(graph, gazetteer, name: str) -> str:
    names: dict[str, str] = {}
    for _, data in sorted(graph.nodes(data=True)):
        if data.get("class") in _ACTOR_CLASSES:
            for known in [data.get("label", "")] + str(data.get("aliases", "")).split("; "):
                if known:
                    names.setdefault(fold(known), known)
    if gazetteer is not None:
        for entry in gazetteer.entries:
            if entry.cls in _ACTOR_CLASSES:
                for form, _ in entry.all_forms():
                    names.setdefault(fold(form), form)
    return UnknownEntity.hint(name, names, n=4, cutoff=0.6)
