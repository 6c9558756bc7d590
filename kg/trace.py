"""Why a claim exists: what each rule did for it, recorded as extraction goes.

Every rule that fills part of a claim already knows how it did it (the marker
that introduced an entity, the count nearest the trigger, the cue word of an
attribution); it notes that here, on the claim's ``trace``, in a few plain
records. ``trace_record`` turns a claim and its trace into the JSON record of
``explain.jsonl``, one line per claim of a build, that ``kg claims --explain``
reads (kg.explain). Recording never changes a claim: claims.jsonl and every
other output stay what they would be without it.

Steps that complete a role after the sentence was read are named by a short
id (``STEPS`` says what each means), so that the JSON stays stable while the
wording of the text rendering may change.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Span", "Note", "Trace", "STEPS", "trace_of", "span_of", "mention_span", "role_note", "note_trigger", "note_new_roles",
           "note_claim_roles", "claim_pointer", "field_span", "note_field", "note_cue", "absorb", "trace_record"]

#: completion step id -> what it means (the text rendering says this)
STEPS = {
    "list": "listed after another filler of the role",
    "speaker": "says the quoted words",
    "inherit": "taken from an earlier claim of the article (a new report of the same fact)",
    "pair": "the article's two main states ('the two countries')",
    "topic": "who did what the statement speaks of, as an earlier claim says",
    "signatories": "the state a signatory leads",
    "treaty": "the treaty the article speaks of, named after its parties",
    "treaty_parties": "the parties of the treaty signed earlier in the article",
    "own_treaty": "the treaty this noun names, with the state it binds the party to",
    "named": "a state named in the sentence",
    "title": "named beside the title",
    "leader": "the state the gazetteer gives for this leader",
    "clause": "the state named last before the title",
    "nearest": "the one nearest the trigger in the sentence",
    "before": "the count nearest the trigger, before it if any",
    "report": "the month the source spoke in, the sentence giving no other date",
    "announcement": "the day the source announced the act as its own (its commitment)",
    "merged": "from another report of the same fact in the article",
    "answer": "a reaction elsewhere in the article that answers such reports",
    "sentence": "a cue in the claim's sentence",
}


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of the article's body, and their text."""
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Note:
    """How one part of a claim was found: the ``marker`` that introduced it in the
    sentence ("subject", "demonym", "en"), or the completion ``step`` (a STEPS
    id); ``span`` the words; ``detail`` what else helps (the earlier claim it came
    from, the entity a pronoun stands for, the kind of attribution cue)."""
    marker: str | None = None
    step: str | None = None
    span: Span | None = None
    detail: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        data = {"marker": self.marker, "step": self.step, "span": self.span.to_dict() if self.span else None}
        data.update(self.detail)
        return data


@dataclass
class Trace:
    """What the rules noted about one claim."""
    trigger: Span | None = None
    roles: dict = field(default_factory=dict)    # (role, entity id) -> Note
    fields: dict = field(default_factory=dict)   # "date" / "quantity" -> Note
    cues: dict = field(default_factory=dict)     # claimant entity id -> Note

    def copy(self) -> "Trace":
        return Trace(self.trigger, dict(self.roles), dict(self.fields), dict(self.cues))


def trace_of(claim) -> Trace:
    """The claim's trace, started on first use."""
    if claim.trace is None:
        claim.trace = Trace()
    return claim.trace


def span_of(tokens) -> Span:
    """The Span of a spaCy token or span."""
    if hasattr(tokens, "idx"):
        return Span(tokens.idx, tokens.idx + len(tokens.text), tokens.text)
    return Span(tokens.start_char, tokens.end_char, tokens.text)


def mention_span(mention) -> Span:
    return Span(mention.start, mention.end, mention.text)


def role_note(mention, *, markers=(), step: str | None = None, filler=None, **detail) -> Note:
    """How ``mention`` came to fill a role: by ``markers`` or by ``step``. A pronoun or
    title that stands for someone named before is coreference; a capital or leader
    in a role only a state fills (``filler``) stands for its state."""
    if mention.is_reference:
        detail["coreference"] = mention.ref.label  # who "Il", "le président russe" stands for
    if filler is not None and filler is not mention:
        detail["read_as_state"] = mention.ref.label
    return Note(marker=", ".join(sorted(markers)) or None, step=step, span=mention_span(mention), detail=detail)


def note_trigger(claim, token) -> None:
    if token is not None and trace_of(claim).trigger is None:
        claim.trace.trigger = span_of(token)


def note_new_roles(roles: dict, notes: dict, step: str, span: Span | None = None, **detail) -> None:
    """Every entity of ``roles`` that ``notes`` does not explain yet came from ``step``
    (``span``: the words that called for it, such as "les deux pays")."""
    for role, refs in roles.items():
        for ref in refs:
            if (role, ref.id) not in notes:
                notes[(role, ref.id)] = Note(step=step, span=span, detail=dict(detail))


def note_claim_roles(claim, step: str, **detail) -> None:
    note_new_roles(claim.roles, trace_of(claim).roles, step, **detail)


def claim_pointer(claim) -> dict:
    """Enough to find an earlier claim in the article: its rule and its trigger."""
    trigger = claim.trace.trigger if claim.trace is not None else None
    return {"from": {"rule": claim.rule, "trigger": trigger.to_dict() if trigger else None}}


def field_span(claim, name: str) -> Span | None:
    note = claim.trace.fields.get(name) if claim.trace is not None else None
    return note.span if note is not None else None


def note_field(claim, name: str, match, step: str, **detail) -> None:
    """Where a field's value came from: ``match`` has start, end and text (a date or count match)."""
    span = Span(match.start, match.end, match.text) if match is not None else None
    trace_of(claim).fields[name] = Note(step=step, span=span, detail=dict(detail))


def note_cue(claim, ref, cue, step: str) -> None:
    """The cue that gave ``ref``'s attribution (kg.extract.attributions.Cue)."""
    at = getattr(cue, "at", None)
    trace_of(claim).cues[ref.id] = Note(marker=cue.words, step=step, span=at,
                                        detail={"kind": getattr(cue, "kind", None)})


def absorb(kept, other) -> None:
    """``other`` was merged into ``kept``: what ``other`` noted explains what it brought."""
    if other.trace is None:
        return
    trace = trace_of(kept)
    for notes, theirs in ((trace.roles, other.trace.roles), (trace.cues, other.trace.cues)):
        for key, note in theirs.items():
            if key not in notes:
                notes[key] = Note(note.marker, note.step, note.span, {**note.detail, "merged": True})
    for key, note in other.trace.fields.items():
        if key not in trace.fields:
            trace.fields[key] = Note(step="merged", span=note.span, detail={"first": note.step})


def _ref(ref) -> dict:
    return {"id": ref.id, "label": ref.label}


def _sentence(evidence) -> dict:
    return {"text": evidence.text, "start": evidence.start, "end": evidence.end}


def trace_record(claim) -> dict:
    """The record of ``explain.jsonl`` for one claim, in the claim's own order of roles
    and attributions; a part no rule noted says ``"step": null``."""
    trace = claim.trace or Trace()
    roles = [{"role": role, "entity": _ref(ref), **trace.roles.get((role, ref.id), Note()).to_dict()}
             for role, refs in claim.roles.items() for ref in refs]
    record = {"id": claim.id, "type": claim.type, "doc": claim.doc, "rule": claim.rule,
              "trigger": trace.trigger.to_dict() if trace.trigger else None,
              "sentence": _sentence(claim.evidence[0]) if claim.evidence else None,
              "roles": roles}
    if claim.quantity is not None:
        record["quantity"] = {"value": claim.quantity.to_dict(),
                              **trace.fields.get("quantity", Note()).to_dict()}
    if claim.date is not None:
        record["date"] = {"value": claim.date, **trace.fields.get("date", Note()).to_dict()}
    record["attributions"] = [
        {"claimant": _ref(a.claimant), "stance": a.stance, "cue": a.cue,
         **{k: v for k, v in trace.cues.get(a.claimant.id, Note()).to_dict().items() if k != "marker"}}
        for a in claim.attributions]
    return record
