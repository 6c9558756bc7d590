"""What the rules did in each article of a build, one line an article
(``kg build --verbose``): how many claims, from which rules, of which types.

>>> from kg.model import Claim, Corpus, Document
>>> corpus = Corpus(documents=[Document("a", "Texte.", "fr"), Document("b", "Text.", "en")],
...                 claims=[Claim("visit", "a", {}, [], rule="fr.visit.trip"),
...                         Claim("visit", "a", {}, [], rule="fr.visit.trip"),
...                         Claim("statement", "a", {}, [], rule="fr.statement.support")])
>>> for line in article_summaries(corpus):
...     print(line)
a (fr, 6 characters): 3 claims; rules fr.visit.trip 2, fr.statement.support 1
b (en, 5 characters): no claim
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .model import Corpus

__all__ = ["article_summaries"]


def article_summaries(corpus: Corpus) -> list[str]:
    """One line per article, in the build's order: its language, size, and the
    claims each rule gave (most first, then by rule id)."""
    by_doc: dict[str, Counter] = defaultdict(Counter)
    for claim in corpus.claims:
        by_doc[claim.doc][claim.rule] += 1
    lines = []
    for document in corpus.documents:
        rules = by_doc.get(document.id, Counter())
        head = f"{document.id} ({document.lang}, {len(document.body):,} characters): "
        if not rules:
            lines.append(head + "no claim")
            continue
        total = sum(rules.values())
        fired = ", ".join(f"{rule} {count}" for rule, count in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(head + f"{total} claim{'s' * (total != 1)}; rules {fired}")
    return lines
