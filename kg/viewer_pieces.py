"""The claims' details of graph.html from one piece per article, kept between builds
(kg.output_cache).

The page's data block is one JSON object, keys sorted; most of it is the
details of each claim, which depend on the claim alone but for two values that
come from the other articles: the claim's event (shown when it has other
reports) and what contests it. So an article's piece holds, for each of its
claims, the claim's JSON as a str.format template with a slot for each of
those two (``{0}``, ``{1}``), and a build fills them in and puts the claims in
id order: the same text, byte for byte, as kg.viewer._script_json of the
whole details.
"""
from __future__ import annotations

import json
import re

from .model import Claim, Corpus
from .viewer import View, _claim_details, _script_json

__all__ = ["details_json", "claim_template"]

#: stand-ins for the event and the contest kinds while a claim's template is written
_EVENT, _CONTEST = "\x00event", "\x00contested"


def claim_template(claim: Claim) -> str | None:
    """The claim's details as _script_json writes them, its event and contest kinds
    replaced by ``{0}`` and ``{1}``; None if the stand-ins are ambiguous (a value of
    the article that is one of them), the claim then written as it is."""
    text = _script_json(_claim_details(claim, _EVENT, [_CONTEST]))
    event, contest = _script_json(_EVENT), _script_json([_CONTEST])
    if text.count(event) != 1 or text.count(contest) != 1:
        return None
    text = text.replace("{", "{{").replace("}", "}}")
    return text.replace(event, "{0}").replace(contest, "{1}")


#: strings that JSON, and _script_json, write as they are between quotes
_PLAIN = re.compile(r"[A-Za-z0-9_.:-]*")


def _json(value) -> str:
    """_script_json(value), without the JSON encoder for the ids and nulls of most claims."""
    if value is None:
        return "null"
    if isinstance(value, str) and _PLAIN.fullmatch(value):
        return f'"{value}"'
    return _script_json(value)


def details_json(corpus: Corpus, view: View, pieces) -> str:
    """_script_json of the view's details with the claims' details added, those of
    each article from ``pieces`` (kind "viewer") where kept."""
    claims_of: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        claims_of.setdefault(claim.doc, []).append(claim)
    templates: dict[str, str | None] = {}
    by_id: dict[str, Claim] = {}
    for doc in sorted(claims_of):  # for claims that share an id, the last by (doc, order) is shown
        kept = pieces.cached(doc)
        if kept is None:
            made = {claim.id: claim_template(claim) for claim in claims_of[doc]}
            pieces.keep(doc, json.dumps(made, ensure_ascii=False).encode("utf-8"))
        templates.update(json.loads(kept) if kept is not None else made)
        by_id.update((claim.id, claim) for claim in claims_of[doc])
    entries = []
    for claim_id in sorted(templates):
        template = templates.pop(claim_id)  # not kept beside its claim's text (a build's peak)
        event, contest = view.event_of.get(claim_id), view.contest_of.get(claim_id, [])
        if template is None:
            text = _script_json(_claim_details(by_id[claim_id], event, contest))
        else:
            text = template.format(_json(event), _json(contest) if contest else "[]")
        entries.append(f"{_json(claim_id)}:{text}")
    rest = _script_json(view.details)
    if "claims" in view.details or min(view.details, default="z") < "claims":
        raise ValueError("the claims must come first in the viewer's details")  # as sort_keys puts them
    return "{" + '"claims":{' + ",".join(entries) + "}" + ("," + rest[1:] if rest != "{}" else "}")
