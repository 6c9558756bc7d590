"""``kg claims --explain``: why a claim of a build exists.

A build writes ``explain.jsonl`` beside claims.jsonl: one record per claim
(kg.trace.trace_record) with the rule, the trigger, how each role was filled,
where the date and the count came from and each attribution's cue. This
module finds a claim's record by its id (or a unique start of it) and renders
it as text.
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import BuildNotFound, UnknownClaim
from .output import terminal_safe
from .trace import STEPS, trace_record

__all__ = ["EXPLAIN", "write_explanations", "explain", "render_explanation"]

EXPLAIN = "explain.jsonl"


def write_explanations(claims, path: Path, lines: list[str] | None = None) -> None:
    """One record per claim, in the order of claims.jsonl (their ``lines``, when the
    caller made them: kg.store.Records)."""
    from .store import write_jsonl, write_lines

    if lines is None:
        write_jsonl(path, (trace_record(c) for c in claims))
    else:
        write_lines(path, lines)


def explain(build_dir, claim_id: str) -> dict:
    """The record of the claim whose id is (or starts with) ``claim_id``.

    Raises BuildNotFound when the build holds no explain.jsonl and UnknownClaim
    when no claim, or more than one, has such an id.
    """
    path = Path(build_dir) / EXPLAIN
    if not path.is_file():
        raise BuildNotFound(f"{path}: missing; rebuild with `kg build SOURCES -o {build_dir}` to explain claims")
    wanted = claim_id.strip().lower()
    found = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.startswith('{"id": "' + wanted):
                continue  # cheap: every record starts with its id
            try:
                found.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BuildNotFound(f"{path}:{number}: not valid JSON ({exc.msg}); rebuild with `kg build`") from None
    if not wanted or not found:
        raise UnknownClaim(f"no claim {claim_id!r} in {build_dir}; `kg claims --graph {build_dir}` lists their ids")
    exact = [r for r in found if r["id"] == wanted]
    if len(found) > 1 and not exact:
        ids = ", ".join(r["id"] for r in found[:5])
        raise UnknownClaim(f"{claim_id!r} starts {len(found)} claim ids ({ids}); give more of the id")
    return (exact or found)[0]


def _span(span: dict | None) -> str:
    return f"\u00ab{span['text']}\u00bb [{span['start']}:{span['end']}]" if span else ""


def _how(part: dict) -> str:
    """How a role, field or cue was found, in words."""
    bits = []
    if part.get("marker"):
        bits.append(f"marker {part['marker']}")
    if part.get("step"):
        bits.append(STEPS.get(part["step"], part["step"]))
    if not bits:
        bits.append("not recorded")
    if part.get("span"):
        bits.append(_span(part["span"]))
    if part.get("coreference"):
        bits.append(f"(coreference: stands for {part['coreference']}, named before)")
    if part.get("read_as_state"):
        bits.append(f"({part['read_as_state']} stands for the state)")
    if part.get("after"):
        bits.append(f"(after {part['after']!r})")
    if part.get("from"):
        earlier = part["from"]
        bits.append(f"(from {earlier['rule']} at {_span(earlier.get('trigger')) or '?'})")
    if part.get("merged"):
        bits.append("(in another report of the same fact)")
    if part.get("first"):
        bits.append(f"({STEPS.get(part['first'], part['first'])} there)")
    return " ".join(bits)


def _quantity(value: dict) -> str:
    if value.get("value") is not None:
        text = str(value["value"])
    elif value.get("low") is not None or value.get("high") is not None:
        text = f"{value.get('low') or '?'}\u2013{value.get('high') or '?'}"
    else:  # "several thousand containers": no figure
        return "no figure" + (f" ({value['unit']})" if value.get("unit") else "")
    text += f" {value['unit']}" if value.get("unit") else ""
    return ("about " if value.get("approximate") else "") + text


def render_explanation(record: dict, fmt: str = "table") -> str:
    """The record as lines of text, one part of the claim a line ("table"), or as
    JSON: indented ("json") or on one line ("jsonl")."""
    if fmt in ("json", "jsonl"):
        return json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n"
    lines = [f"claim     {record['id']}  {record['type']}  in {record['doc']}",
             f"rule      {record['rule']}",
             f"trigger   {_span(record.get('trigger')) or 'not recorded'}"]
    if record.get("sentence"):
        lines.append(f"sentence  {_span(record['sentence'])}")
    lines.append("roles")
    width = max([len(r["role"]) for r in record["roles"]], default=0)
    for role in record["roles"]:
        entity = role["entity"]
        lines.append(f"  {role['role']:<{width}}  {entity['label']} ({entity['id']}): {_how(role)}")
    if record.get("quantity"):
        lines.append(f"quantity  {_quantity(record['quantity']['value'])}: {_how(record['quantity'])}")
    if record.get("date"):
        lines.append(f"date      {record['date']['value']}: {_how(record['date'])}")
    lines.append("attributions" if record["attributions"] else "attributions  none: stated as fact")
    for cue in record["attributions"]:
        kind = f"{cue['kind']} " if cue.get("kind") else ""
        where = STEPS.get(cue.get("step"), "not recorded")
        where += " (in another report of the same fact)" if cue.get("merged") else ""
        lines.append(f"  {cue['claimant']['label']} ({cue['claimant']['id']}) {cue['stance']}: "
                     f"{kind}cue {_span(cue.get('span')) or repr(cue.get('cue'))}, {where}")
    # article words and labels, with no character that could drive the terminal
    return "".join(terminal_safe(line) + "\n" for line in lines)
