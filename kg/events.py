"""Events: the reports of one fact, from many articles, side by side.

Each claim of ``claims.jsonl`` is one *report*: what one article says, with its
own figure, date, claimants and evidence. Reports of the same fact are grouped
into one :class:`Event`, which keeps every report as it is; nothing is merged
away, so that the graph can show where sources disagree.

Reports belong to one event when

- they have the same claim type;
- they have the same *core roles*, compared by entity id (so across articles
  and languages, since the extractor gives one id per real-world entity), and
  the same core fields: the ``same_fact`` and ``same_fact_fields`` of the claim
  type in ontology/claim_types.yaml (a troop deployment: its sender, and its
  location, or whom it fights alongside when no location is given).

  A deployment "in the Kursk region" and one "in Russia" stay two events: kg
  does not know which places lie inside which, and the figures given for a
  region and for the whole country (8,000 near the border out of 10,000 in
  Russia) are different facts, not a disagreement;
- their dates are compatible: one is a prefix of the other (2024-11 and
  2024-11-05), or either is missing. Compatibility is not transitive, so the
  rule is made deterministic: the most precise dates of a group (those that
  are no prefix of another) each found an event, and a report joins the one
  event its date is compatible with. A report compatible with several (an
  undated report beside reports of 2024-06 and 2024-11) is not guessed into
  either: it stays in an event of its own.

Several claims of ONE article are separate reports too: an article that gives
Kyiv's 11,000 and Seoul's 10,000 to 12,000 holds two reports of one event.

>>> from kg.model import Attribution, Claim, EntityRef, Evidence, Quantity
>>> prk, kursk, ukr, usa = (EntityRef(i, i, None, c) for i, c in
...     [("PRK", "Country"), ("KURSK", "Place"), ("UKR", "Country"), ("USA", "Country")])
>>> def report(doc, value, claimant, approximate=False):
...     return Claim("troop_deployment", doc, {"sender": [prk], "location": [kursk]},
...                  [Evidence(doc, 0, 9, "sentence")], "demo", date="2024-11",
...                  quantity=Quantity(value=value, approximate=approximate, unit="soldier"),
...                  attributions=[Attribution(claimant, "claims")])
>>> claims = [report("fr-03", 11000, ukr), report("en-02", 10000, usa, approximate=True)]
>>> [len(e.reports) for e in group_events(claims)]
[2]
>>> [(c.kinds, [s.count for s in c.sides]) for c in contested(group_events(claims))]
[(['counts'], ['~10000 soldier', '11000 soldier'])]
>>> contested(group_events(claims))[0].reasons
['figures differ: ~10000 soldier (USA in en-02) vs 11000 soldier (UKR in fr-03)']
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .graph import quantity_text
from .claim_types import claim_type
from .model import Claim, Corpus, EntityRef, Quantity, stable_id

__all__ = [
    "TOLERANCE", "CONTEST_KINDS", "CONTEST_COLUMNS", "Event", "Side", "Contest",
    "core_key", "dates_compatible", "quantities_disagree", "group_events", "assign_events",
    "contested", "contested_rows", "event_fields", "event_lines",
]

#: relative gap allowed between two figures when either is approximate. 5%, not
#: 10%: "about 10,000" (Pentagon) and 11,000 (Kyiv) are two different figures,
#: which 10% would call one; "about 10,000" and 10,400 still agree.
TOLERANCE = 0.05

#: why an event is contested, strongest first
CONTEST_KINDS = ("counts", "denied", "unconfirmed")

CONTEST_COLUMNS = ["event", "type", "roles", "contest", "count", "date", "claimant", "stance",
                   "doc", "claim", "evidence"]

#: what an article that states a claim without attributing it counts as
STATED = "stated"
ASSERTING = ("claims", "confirms", STATED)


@dataclass
class Event:
    """One fact and every report of it (claims, in a fixed order)."""
    id: str
    type: str
    key: tuple
    date: str | None
    reports: list[Claim] = field(default_factory=list)

    @property
    def roles(self) -> dict[str, list[EntityRef]]:
        """Every entity the reports give each role, roles in SCHEMA order."""
        roles: dict[str, dict[str, EntityRef]] = {role: {} for role in claim_type(self.type).role_names}
        for claim in self.reports:
            for role, refs in claim.roles.items():
                for ref in refs:
                    roles.setdefault(role, {}).setdefault(ref.id, ref)
        return {role: list(refs.values()) for role, refs in roles.items() if refs}


@dataclass(frozen=True)
class Side:
    """One report of a contested event, as a reader needs it to judge."""
    claim: str
    doc: str
    count: str
    date: str | None
    claimants: tuple[tuple[str | None, str], ...]  # (claimant label, stance); None: the article itself
    evidence: str | None


@dataclass
class Contest:
    """An event whose reports disagree, and how."""
    event: Event
    kinds: list[str]  # among CONTEST_KINDS
    sides: list[Side]
    reasons: list[str]


def _ids(claim: Claim, role: str) -> tuple[str, ...]:
    return tuple(sorted({ref.id for ref in claim.roles.get(role) or []}))


def core_key(claim: Claim) -> tuple:
    """What two reports of one fact share, whatever their figures and dates.

    >>> from kg.model import EntityRef
    >>> ref = lambda i: EntityRef(i, i, None, "Country")
    >>> core_key(Claim("troop_deployment", "d", {"sender": [ref("PRK")], "alongside": [ref("RUS")]}, [], "r"))
    ('troop_deployment', ('sender', ('PRK',)), ('alongside', ('RUS',)))
    >>> core_key(Claim("cooperation", "d", {"parties": [ref("B"), ref("A")]}, [], "r"))
    ('cooperation', ('parties', ('A', 'B')))
    """
    parts: list = [claim.type]
    declared = claim_type(claim.type)
    for role in declared.same_fact:
        if isinstance(role, tuple):
            role = next((r for r in role if claim.roles.get(r)), role[0])
        parts.append((role, _ids(claim, role)))
    for name in declared.same_fact_fields:
        parts.append((name, getattr(claim, name)))
    return tuple(parts)


def _within(vague: str, precise: str) -> bool:
    """True when ``vague`` is ``precise`` or a prefix of it, part by part (2024-1 is not in 2024-11)."""
    vague_parts, precise_parts = vague.split("-"), precise.split("-")
    return precise_parts[: len(vague_parts)] == vague_parts


def dates_compatible(first: str | None, second: str | None) -> bool:
    """Can two reports with these dates be of the same fact?

    >>> dates_compatible("2024-11", "2024-11-05"), dates_compatible(None, "2024-06")
    (True, True)
    >>> dates_compatible("2024-10", "2024-11"), dates_compatible("2024-1", "2024-11")
    (False, False)
    """
    return not first or not second or _within(first, second) or _within(second, first)


def _by_date(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    """Split reports of one core key into events by date (see the module's rule)."""
    dates = {c.date for c in claims if c.date}
    precise = sorted(d for d in dates if not any(o != d and _within(d, o) for o in dates))
    # each distinct date finds its event once: a fact reported 10,000 times has a few dates
    home: dict[str | None, str | None] = {}
    for date in {c.date for c in claims}:
        homes = [d for d in precise if dates_compatible(date, d)]
        home[date] = homes[0] if len(homes) == 1 else date
    events: dict[str | None, list[Claim]] = {}
    for claim in claims:
        events.setdefault(home[claim.date], []).append(claim)
    return events


def _report_order(claim: Claim) -> tuple:
    first = claim.evidence[0].start if claim.evidence else -1
    return claim.doc, first, claim.id


def group_events(claims: list[Claim]) -> list[Event]:
    """Every event of ``claims``, lone reports included, in a fixed order
    (by type, then by id) whatever the order of ``claims``."""
    by_key: dict[tuple, list[Claim]] = {}
    for claim in claims:
        by_key.setdefault(core_key(claim), []).append(claim)
    events = []
    for key, reports in by_key.items():
        for date, members in _by_date(reports).items():
            events.append(Event(stable_id("event", key, date or ""), key[0], key, date,
                                sorted(members, key=_report_order)))
    return sorted(events, key=lambda e: (e.type, e.id))


def assign_events(corpus: Corpus) -> Corpus:
    """Set ``Claim.event`` on every claim that shares its event with another
    claim, and clear it on the others; returns ``corpus``, changed in place.

    A lone report gets no event: an event node in the graph then always means
    "reported more than once", and the graph does not double in size for facts
    that only one sentence gives. ``kg claims --contested`` still lists a lone
    claim that is contested by itself (claimed by one party, denied by another).
    The id depends only on the core key and the event's date: the same
    articles give the same ids, in any order.
    """
    for event in group_events(corpus.claims):
        for claim in event.reports:
            claim.event = event.id if len(event.reports) > 1 else None
    return corpus


def _bounds(quantity: Quantity) -> tuple[float, float] | None:
    if quantity.value is not None:
        return quantity.value, quantity.value
    if quantity.low is None and quantity.high is None:
        return None
    return (quantity.low if quantity.low is not None else 0.0,
            quantity.high if quantity.high is not None else float("inf"))


def quantities_disagree(first: Quantity | None, second: Quantity | None) -> bool:
    """Do two figures contradict each other?

    Each figure is an interval (a value is a point, "between 10,000 and 12,000"
    is [10000, 12000], "at least 8,000" is [8000, inf)). Two figures disagree
    when one interval starts above the end of the other; when either figure is
    approximate, by more than TOLERANCE of that end. Figures in different units
    (shells, missiles) are not compared.

    >>> q = lambda **kw: Quantity(unit="soldier", **kw)
    >>> quantities_disagree(q(value=11000), q(value=10000, approximate=True))
    True
    >>> quantities_disagree(q(value=11000), q(low=10000, high=12000))
    False
    >>> quantities_disagree(q(value=10400), q(value=10000, approximate=True))
    False
    >>> quantities_disagree(q(value=11000), q(value=10000))
    True
    >>> quantities_disagree(q(low=1, high=2), q(low=3, high=4)), quantities_disagree(q(value=5), None)
    (True, False)
    >>> quantities_disagree(Quantity(value=100, unit="missile"), Quantity(value=5, unit="shell"))
    False
    """
    if first is None or second is None:
        return False
    if first.unit and second.unit and first.unit != second.unit:
        return False
    one, other = _bounds(first), _bounds(second)
    if one is None or other is None:
        return False
    slack = 1 + TOLERANCE if first.approximate or second.approximate else 1
    return one[0] > other[1] * slack or other[0] > one[1] * slack


def _stances(claim: Claim) -> list[tuple[str | None, str]]:
    """(claimant label, stance) pairs; an unattributed claim is stated by its article."""
    if not claim.attributions:
        return [(None, STATED)]
    return [(a.claimant.label, a.stance) for a in claim.attributions]


def _side(claim: Claim) -> Side:
    return Side(claim.id, claim.doc, quantity_text(claim.quantity), claim.date,
                tuple(_stances(claim)), claim.evidence[0].text if claim.evidence else None)


def _who(claim: Claim) -> str:
    said = ", ".join(label for label, stance in _stances(claim) if stance in ASSERTING and label)
    return f"{said or 'stated'} in {claim.doc}"


def _figure_key(quantity: Quantity) -> tuple:
    """What :func:`quantities_disagree` reads of a figure."""
    return quantity.value, quantity.low, quantity.high, quantity.approximate, quantity.unit


def _count_reasons(event: Event) -> list[str]:
    """One line naming every figure that some other figure of the event contradicts."""
    reports = event.reports
    # compare each distinct figure once: an event reported 10,000 times gives a few figures,
    # and comparing every pair of reports would take 10^8 steps
    figures = {_figure_key(c.quantity): c.quantity for c in reports if c.quantity is not None}
    clashes = {key for key, figure in figures.items()
               if any(quantities_disagree(figure, other) for other in figures.values())}
    clashing = [claim for claim in reports if claim.quantity is not None and _figure_key(claim.quantity) in clashes]
    if not clashing:
        return []
    return ["figures differ: " + " vs ".join(f"{quantity_text(c.quantity)} ({_who(c)})" for c in clashing)]


def _stance_reasons(event: Event, stance: str) -> list[str]:
    """Who takes ``stance`` (denies, no_comment) on an event that someone asserts."""
    stances = [pair for claim in event.reports for pair in _stances(claim)]
    if not any(s in ASSERTING for _, s in stances):
        return []
    who = sorted({label for label, s in stances if s == stance and label})
    verb = {"denies": "denies", "no_comment": "does not comment"}[stance]
    return [f"{label} {verb}" for label in who]


def contested(events: list[Event]) -> list[Contest]:
    """The events whose reports disagree, and how (``kinds``, among CONTEST_KINDS):

    - ``counts``: two reports give figures that do not overlap (see
      :func:`quantities_disagree`);
    - ``denied``: someone (or the article itself) asserts it, someone denies it,
      in the same report or in different ones;
    - ``unconfirmed``, the weaker kind: someone asserts it, someone declines to comment.

    ``sides`` holds every report of the event, agreeing ones included, so that a
    reader sees the whole picture; ``reasons`` says in words what disagrees.
    """
    contests = []
    for event in events:
        found = {"counts": _count_reasons(event), "denied": _stance_reasons(event, "denies"),
                 "unconfirmed": _stance_reasons(event, "no_comment")}
        kinds = [kind for kind in CONTEST_KINDS if found[kind]]
        if kinds:
            contests.append(Contest(event, kinds, [_side(c) for c in event.reports],
                                    [reason for kind in kinds for reason in found[kind]]))
    return contests


def _roles_text(roles: dict[str, list[EntityRef]]) -> str:
    return "; ".join(f"{role}={', '.join(r.label for r in refs)}" for role, refs in roles.items())


def contested_rows(corpus: Corpus, *, claim_type: str | None = None,
                   weakest: str = "unconfirmed") -> list[dict]:
    """One row per side of each contested event of ``corpus``, for ``kg claims --contested``.

    ``weakest`` leaves out contests whose strongest kind is weaker than it
    (``denied``: counts and denials only, no mere silence).
    """
    cutoff = CONTEST_KINDS.index(weakest)
    rows = []
    for contest in contested(group_events(corpus.claims)):
        event = contest.event
        if (claim_type and event.type != claim_type) or CONTEST_KINDS.index(contest.kinds[0]) > cutoff:
            continue
        roles = _roles_text(event.roles)  # once per event: it reads every report
        for side in contest.sides:
            rows.append({
                "event": event.id, "type": event.type, "roles": roles,
                "contest": ", ".join(contest.kinds), "count": side.count, "date": side.date,
                "claimant": "; ".join(label or "(the article)" for label, _ in side.claimants),
                "stance": "; ".join(stance for _, stance in side.claimants),
                "doc": side.doc, "claim": side.claim, "evidence": side.evidence,
                "reasons": contest.reasons,
            })
    return rows


def event_fields(claims: list[Claim]) -> dict[str, list[list[str]]]:
    """Lines the viewer adds to a claim's details: its event, and what disputes it.

    Only claims that share an event with another report, or that are contested,
    get any: ``{claim id: [["event", "4 reports: ..."], ["contested", "..."]]}``.
    """
    events = group_events(claims)
    disputes = {contest.event.id: contest for contest in contested(events)}
    fields: dict[str, list[list[str]]] = {}
    for event in events:
        lines = event_lines(event, disputes.get(event.id))
        for claim in event.reports if lines else ():
            fields[claim.id] = lines
    return fields


def event_lines(event: Event, contest: Contest | None) -> list[list[str]]:
    """The lines :func:`event_fields` gives each report of ``event`` (``contest``:
    its dispute, if any), for a caller that has already grouped and compared them."""
    lines = []
    if len(event.reports) > 1:
        docs = sorted({c.doc for c in event.reports})
        lines.append(["event", f"{len(event.reports)} reports in {', '.join(docs)} (event {event.id})"])
    if contest is not None:
        lines.append(["contested", f"{', '.join(contest.kinds)}: {'; '.join(contest.reasons)}"])
    return lines
