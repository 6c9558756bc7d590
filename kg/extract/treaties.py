"""Treaty obligations and the treaty entity of an article.

An obligation is a phrase of the ``obligations`` lexicon ("assistance
mutuelle", "en cas d'agression") in a sentence about a treaty; it binds the
states named in the sentence, or else the pair of states the article is
about. Every treaty claim of an article (signing, ratification, obligation)
points at one Treaty entity, named after its parties, so that articles about
the same treaty share a node.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..claim_types import claim_type, obligation_type, signing
from ..model import Claim, EntityRef, entity_id
from ..trace import Note, Span, note_claim_roles, role_note, span_of, trace_of
from .article_pair import mentions_pair
from .context import doc_text, sentence_text
from .doc_memo import once_per_doc
from .frames import claim_lexicon
from .mention_words import mention_words
from .phrases import find_phrases

__all__ = ["obligation_claims", "has_treaty_noun", "link_treaty", "own_treaties"]


def has_treaty_noun(sentence, lang: str) -> bool:
    """Does the sentence name a treaty? A noun of one word by its lemma ("treaties"),
    a longer one as a whole ("security agreement", not "Security Council")."""
    # asked of each sentence by the article's reading and again by its obligations: once
    return once_per_doc(sentence.doc, "kg_treaty_noun", (sentence.start, sentence.end, lang),
                        _reads_treaty_noun, sentence, lang)


def _reads_treaty_noun(sentence, lang: str) -> bool:
    single, longer = _treaty_nouns(lang)
    lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    if not single.isdisjoint(lemmas):
        return True
    return any(True for _ in find_phrases(sentence.doc, lang, longer, sentence.start, sentence.end))


@lru_cache(maxsize=None)
def _treaty_nouns(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The lexicon's treaty nouns of one word, and the longer ones."""
    nouns = claim_lexicon(lang).treaty_nouns
    return frozenset(n for n in nouns if " " not in n), tuple(n for n in nouns if " " in n)


def _find_words(text: str, phrase: str) -> int:
    """Where ``phrase`` stands in ``text`` as whole words ("consult", not "Consultative"), or -1."""
    if phrase not in text:  # most phrases are in no sentence: no pattern to look up
        return -1
    match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    return match.start() if match else -1


def obligation_claims(ctx, pair: list[EntityRef], article_has_treaty: bool) -> list[tuple[Claim, object]]:
    lexicon = claim_lexicon(ctx.lang)
    declared = obligation_type()
    if declared is None or not (has_treaty_noun(ctx.sentence, ctx.lang) or article_has_treaty):
        return []
    text = sentence_text(ctx.sentence).lower().replace("\u2019", "'")
    results = []
    for obligation, phrases in lexicon.obligations.items():
        hit = next((p for p in phrases if _find_words(text, p.lower()) >= 0), None)
        if hit is None or _denied(ctx, _find_words(text, hit.lower()), lexicon):
            continue
        states = list({m.ref.id: m.ref for m in ctx.mentions if m.cls == "Country"}.values())
        # "en cas d'agression russe contre l'Ukraine, les deux pays se consultent": the
        # two parties the sentence points at, not every state it names
        named_parties = len(states) >= 2 and not mentions_pair(ctx.sentence, ctx.lang)
        parties = states if named_parties else _treaty_parties(ctx, pair, states)
        if len(parties) < 2:
            continue
        offset = ctx.sentence.start_char + _find_words(text, hit.lower())
        token = ctx.sentence.doc.char_span(offset, offset + 1,
                                           alignment_mode="expand")
        claim = Claim(type=declared.name, doc=ctx.doc_id, roles={declared.treaty.parties: parties},
                      evidence=[ctx.evidence], rule=f"{ctx.lang}.treaty.obligation",
                      obligation=obligation)
        _note_parties(claim, declared.treaty.parties, ctx, pair, text.find(hit.lower()), len(hit))
        results.append((claim, token[0] if token else ctx.sentence[0]))
    return results


def _note_parties(claim: Claim, role: str, ctx, pair: list[EntityRef], offset: int, length: int) -> None:
    """For ``kg claims --explain``: the obligation's phrase; the states the sentence
    names, else where the parties came from."""
    start = ctx.sentence.start_char + offset
    trace_of(claim).trigger = Span(start, start + length, doc_text(ctx.sentence.doc)[start:start + length])
    named = {m.ref.id: m for m in reversed(ctx.mentions) if m.cls == "Country"}  # the first mention of each
    notes = trace_of(claim).roles
    for ref in claim.roles[role]:
        if ref.id in named:
            notes[(role, ref.id)] = role_note(named[ref.id], step="named")
    note_claim_roles(claim, "pair" if claim.roles[role] is pair else "treaty_parties")


def _denied(ctx, offset: int, lexicon) -> bool:
    """"The treaty does not include a mutual defence clause": no obligation."""
    before = ctx.sentence.text[:offset].lower().replace("\u2019", "'").split()
    return any(word in lexicon.negations for word in before[-6:])


def _treaty_parties(ctx, pair: list[EntityRef], named: list[EntityRef]) -> list[EntityRef]:
    """Who an obligation binds when its sentence does not name two states: the
    parties of the treaty signed last in the article, or the article's pair when
    the sentence names no state or speaks of "les deux pays"."""
    declared = signing()
    role = declared.treaty.parties if declared else None
    signed = [c for c in ctx.previous.get(declared.name, []) if len(c.roles.get(role, [])) >= 2] if declared else []
    if signed and (not named or named[0].id in {p.id for p in signed[-1].roles[role]}):
        return signed[-1].roles[role]
    if not named or mentions_pair(ctx.sentence, ctx.lang):
        return pair
    return []


def own_treaties(claim: Claim, trigger, mentions) -> list[Claim]:
    """A treaty claim of one acting state whose treaty noun names the state it binds it
    to ("a ratifié l'accord de défense avec la Hongrie", "ratified the pact with
    Iran") is about that treaty, not the article's (two treaties ratified in one
    article); one claim per such noun ("ratified a defence agreement with Romania and a
    security accord with France"). Any other claim is returned as it is."""
    declared = claim_type(claim.type).treaty
    doc = trigger.doc
    if declared is None or claim.roles.get(declared.role) or not doc.has_annotation("DEP"):
        return [claim]
    acting = claim.roles.get(declared.parties, [])
    if len(acting) != 1:
        return [claim]
    nouns = claim_lexicon(doc.lang_).treaty_nouns
    treaties = [t for t in trigger.subtree if t.i != trigger.i and t.pos_ == "NOUN"
                and (t.lemma_.lower() in nouns or t.lower_ in nouns)]
    if not treaties:
        return [claim]
    partners: dict[int, list[EntityRef]] = {}  # treaty noun -> the states it binds ``acting`` to
    for mention in mentions:
        noun = _treaty_noun_of(doc[mention.tok_start:mention.tok_end].root, trigger, treaties)
        if noun is None or (mention.cls != "Country" and mention.state is None):
            continue
        ref = mention.ref if mention.cls == "Country" else mention.as_state().ref
        named = partners.setdefault(noun, [])
        if ref.id not in {p.id for p in acting + named}:
            named.append(ref)
    own = [(noun, _treaty(acting + named)) for noun, named in sorted(partners.items()) if named]
    if not own:
        return [claim]
    claims = [claim] + [claim.copy() for _ in own[1:]]
    for each, (noun, treaty) in zip(claims, own):
        each.roles[declared.role] = [treaty]
        trace_of(each).roles[(declared.role, treaty.id)] = Note(step="own_treaty", span=span_of(doc[noun]))
    return claims


def _treaty_noun_of(root, trigger, treaties) -> int | None:
    """The treaty noun (its index) a state's phrase names as the partner ("avec", "with",
    "between"): the phrase hangs under a treaty noun, or on the trigger itself after
    one (the parser's choice), and names the last treaty noun before it (the parser
    may hang "et un accord logistique avec l'Allemagne" on the first partner). None
    if it is no partner's phrase."""
    partner_words = mention_words(root.doc.lang_)["partners"]
    if not any(c.dep_ == "case" and c.lower_ in partner_words for c in root.children):
        return None
    above = [a.i for a in root.ancestors if a in treaties]
    if not above and root.head.i != trigger.i:
        return None
    return next((t.i for t in reversed(treaties) if t.i < root.i), above[0] if above else None)


def link_treaty(claims: list[Claim], pair: list[EntityRef]) -> None:
    """Give every treaty claim of an article its Treaty entity, named after the parties:
    the article's treaty (the first claim's parties, else the article's pair), or the
    claim's own when it names two other parties ("the United States, which has a mutual
    defence treaty with Manila", in an article on a Japan–Philippines pact); a claim
    that names its own treaty already (``own_treaties``) keeps it."""
    treaty_claims = [c for c in claims if claim_type(c.type).treaty is not None]
    if not treaty_claims:
        return
    parties = next((c.roles[rule.parties] for c in treaty_claims
                    for rule in [claim_type(c.type).treaty] if len(c.roles.get(rule.parties, [])) >= 2), None)
    parties = parties or pair
    article_parties = {p.id for p in parties}
    for claim in treaty_claims:
        own = claim.roles.get(claim_type(claim.type).treaty.parties, [])
        named = own if len(own) >= 2 and not {p.id for p in own} <= article_parties else parties
        if len(named) < 2:
            continue
        claim.roles.setdefault(claim_type(claim.type).treaty.role, [_treaty(named)])
        note_claim_roles(claim, "treaty")


def _treaty(parties: list[EntityRef]) -> EntityRef:
    label = "–".join(sorted(p.label for p in parties)) + " treaty"
    return EntityRef(entity_id(None, label, "Treaty"), label, None, "Treaty")
