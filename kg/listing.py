"""Rows for ``kg claims`` and ``kg entities``: what a build made, one line each."""
from __future__ import annotations

from .graph import quantity_text
from .model import Claim, Corpus

__all__ = ["claim_row", "claim_rows", "entity_rows", "CLAIM_COLUMNS", "ENTITY_COLUMNS"]

CLAIM_COLUMNS = ["id", "doc", "type", "roles", "quantity", "date", "detail", "attributions", "rule", "evidence"]
ENTITY_COLUMNS = ["id", "label", "class", "qid", "mentions", "docs", "aliases"]


def _roles(claim: Claim) -> str:
    return "; ".join(f"{role}={', '.join(r.label for r in refs)}" for role, refs in claim.roles.items())


def _detail(claim: Claim) -> str:
    parts = [claim.obligation, claim.domain, claim.stance, claim.position, claim.item,
             f"« {claim.quote} »" if claim.quote else None]
    return ", ".join(p for p in parts if p)


def claim_row(claim: Claim) -> dict:
    """A claim as one flat row (CLAIM_COLUMNS), for tables and CSV."""
    return {
        "id": claim.id, "doc": claim.doc, "type": claim.type, "roles": _roles(claim),
        "quantity": quantity_text(claim.quantity), "date": claim.date, "detail": _detail(claim),
        "attributions": "; ".join(f"{a.claimant.label}: {a.stance}" for a in claim.attributions),
        "rule": claim.rule, "evidence": claim.evidence[0].text if claim.evidence else None,
    }


def claim_rows(corpus: Corpus, *, claim_type: str | None = None, doc: str | None = None) -> list[dict]:
    """One flat row per claim, for tables and CSV."""
    return [claim_row(claim) for claim in corpus.claims
            if (not claim_type or claim.type == claim_type) and (not doc or claim.doc == doc)]


def entity_rows(corpus: Corpus, *, entity_class: str | None = None) -> list[dict]:
    """One flat row per entity, for tables and CSV."""
    return [{
        "id": e.id, "label": e.label, "class": e.cls, "qid": e.qid, "mentions": len(e.mentions),
        "docs": len({m.doc for m in e.mentions}), "aliases": ", ".join(e.aliases),
    } for e in corpus.entities if not entity_class or e.cls == entity_class]
