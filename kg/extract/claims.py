"""Claims from frames: a trigger in a sentence, its roles filled from the mentions.

For each sentence and each frame of the language, every trigger token (a verb
or noun lemma, or a multi-word noun) yields at most one claim. Roles take the
sentence's mentions whose markers and class the frame's rule accepts; the
fields (quantity, date, item, domain) come from what stands nearest the
trigger. Negated and hypothetical acts ("n'a pas envoyé", "devraient
rejoindre") yield nothing: the corpus conventions count commitments, not
intentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from ..model import Claim, Evidence, EntityRef
from .dates import find_dates
from .frames import Frame, claim_lexicon, find_phrases
from .markers import coordinated, markers_of, normalise_cue
from .quantities import find_quantities

__all__ = ["SentenceContext", "frame_claims", "trigger_tokens"]


@dataclass
class SentenceContext:
    """Everything the claim rules need to know about one sentence."""
    doc_id: str
    lang: str
    sentence: object            # spaCy Span
    mentions: list              # Mention objects inside the sentence
    published: str | None       # the article's date, that relative dates count from
    claimant_tokens: dict = field(default_factory=dict)  # token of a claimant -> its cue's verb (or None)
    claimant_ids: set = field(default_factory=set)       # entities that claim something in the sentence
    previous: dict = field(default_factory=dict)       # claim type -> the article's last claim of it
    pair: list = field(default_factory=list)           # the two states the article is about
    read_as_state: set = field(default_factory=set)    # capitals a role read as their state

    @cached_property
    def dates(self) -> list:
        """DateMatch of the sentence (offsets into the body), read only when a rule asks."""
        return _shifted(find_dates(self.sentence.text, self.lang, self.published), self.sentence.start_char)

    @cached_property
    def quantities(self) -> list:
        """QuantityMatch of the sentence (offsets into the body), read only when a rule asks."""
        return _shifted(find_quantities(self.sentence.text, self.lang), self.sentence.start_char)

    @property
    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(self.doc_id, s.start_char, s.end_char, s.text)


def _shifted(matches, offset: int) -> list:
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in matches]


def topics_of(sentence, lang: str) -> frozenset[str]:
    """The claim types a sentence speaks of, by the frames' topic words ("armes", "soldats")."""
    words = {t.lower_ for t in sentence} | {t.lemma_.lower() for t in sentence}
    return frozenset(f.type for f in claim_lexicon(lang).frames if f.topic & words)


_TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


def _token_words(doc) -> list[tuple[str, str, bool]]:
    """(lemma, lower form, may trigger) per token, computed once per Doc."""
    words = doc.user_data.get("kg_token_words")
    if words is None:
        tagged = doc.has_annotation("POS")
        words = [(t.lemma_.lower(), t.lower_, not tagged or t.pos_ in _TRIGGER_POS) for t in doc]
        doc.user_data["kg_token_words"] = words
    return words


def trigger_tokens(sentence, frame: Frame, lang: str):
    """Tokens of ``sentence`` that trigger ``frame``: lemma matches and noun phrases."""
    doc = sentence.doc
    words = _token_words(doc)
    found = [doc[i] for i in range(sentence.start, sentence.end)
             if words[i][2] and (words[i][0] in frame.lemmas or words[i][1] in frame.lemmas)
             and _voice_fits(doc[i], frame.voice)]
    found += [doc[start] for start, _end, _noun in find_phrases(doc, lang, frame.nouns, sentence.start, sentence.end)]
    return sorted(set(found), key=lambda t: t.i)


def _voice_fits(token, voice: str) -> bool:
    if voice == "any":
        return True
    passive = "Pass" in token.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in token.children)
    return passive == (voice == "passive")


def _blocked(token, lexicon) -> bool:
    """A negated or hypothetical act, which the corpus does not count as a claim."""
    if not token.doc.has_annotation("DEP"):
        # no parse: look at the few words before the trigger ("did not send", "will deploy")
        window = token.doc[max(token.i - 3, token.sent.start):token.i]
        return any(t.lower_ in lexicon.negations or t.lower_ in lexicon.irrealis for t in window)
    for child in token.children:
        if child.lower_ in lexicon.negations:
            return True
        if child.dep_.startswith("aux") and child.lemma_.lower() in lexicon.irrealis:
            return True
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in lexicon.irrealis:
        return True
    return token.pos_ == "VERB" and "Fut" in token.morph.get("Tense")


def _fill_roles(ctx: SentenceContext, frame: Frame, trigger, cues) -> dict[str, list[EntityRef]]:
    roles: dict[str, list[EntityRef]] = {}
    used = set()
    doc = ctx.sentence.doc
    sources = {m.ref.id for m in ctx.mentions if _speaks_about(ctx, m, trigger)} & ctx.claimant_ids
    fillers: dict[str, list] = {}  # role -> the mentions that filled it
    agent = frame.roles[0].role if frame.roles else None
    for mention in ctx.mentions:
        if _speaks_about(ctx, mention, trigger):
            # "« C'est une escalade », a dit Kirby": who says a statement makes it
            if frame.type == "statement" and mention.cls in frame.roles[0].classes:
                roles.setdefault(agent, [])
                if mention.ref.id not in {r.id for r in roles[agent]}:
                    roles[agent].append(mention.ref)
            continue
        markers = markers_of(doc, mention, trigger, ctx.sentence, cues)
        if not _in_clause(doc, mention, trigger, markers):
            continue
        noun_trigger = trigger.pos_ in ("NOUN", "PROPN") or not doc.has_annotation("POS")
        for rule in frame.roles:
            # a capital or a leader in a role only a state can fill ("livrés à Moscou",
            # "Kim ratified the treaty") stands for the state
            filler = mention.as_state() if mention.state and mention.cls not in rule.classes else mention
            if filler.cls in rule.classes and markers & _accepted(rule.markers, noun_trigger):
                # "le NIS sud-coréen affirme": the source's other names do not act either
                if rule.role == agent and filler.ref.id in sources:
                    break
                if (rule.role, filler.ref.id) not in used:
                    roles.setdefault(rule.role, []).append(filler.ref)
                    used.add((rule.role, filler.ref.id))
                    fillers.setdefault(rule.role, []).append(mention)
                if filler is not mention:
                    ctx.read_as_state.add(mention.tok_start)
                break
    _extend_lists(roles, fillers, ctx, frame)
    return roles


def _extend_lists(roles, fillers, ctx: SentenceContext, frame: Frame) -> None:
    """"des bases à Djibouti, au Gabon et en Côte d'Ivoire": the places listed right
    after a mention that filled a role fill the role too."""
    doc = ctx.sentence.doc
    for rule in frame.roles:
        filled = {r.id for r in roles.get(rule.role, [])}
        for mention in fillers.get(rule.role, []):
            following = [m for m in ctx.mentions if m.tok_start >= mention.tok_end]
            for more in coordinated(doc, following, mention, _list_prepositions(rule)):
                if more.cls in rule.classes and more.ref.id not in filled:
                    roles[rule.role].append(more.ref)
                    filled.add(more.ref.id)


@lru_cache(maxsize=None)
def _list_prepositions(rule) -> frozenset[str]:
    """The one-word prepositions a role accepts, that may start the next item of a list."""
    return frozenset(m for m in (normalise_cue(m.partition("@")[0]) for m in rule.markers) if " " not in m)


def _in_clause(doc, mention, trigger, markers) -> bool:
    """A complement ("à Séoul") belongs to the trigger only if the parse puts it
    under the trigger (or under the verb of a noun trigger): "a estimé lundi, lors
    d'un point presse à Séoul" places the statement, not the delivery."""
    if not doc.has_annotation("DEP") or markers & {"subject", "object", "demonym"}:
        return True
    anchor = doc[mention.tok_start:mention.tok_end].root
    # a noun trigger's complements may hang off the verb that takes it as object
    # ("a nié toute livraison d'armes à la Russie"), not off the verb it is subject of
    takes_verb = trigger.pos_ in ("NOUN", "PROPN") and not trigger.dep_.startswith("nsubj")
    governors = {trigger.i} | ({trigger.head.i} if takes_verb else set())
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "à Djibouti, au Gabon et en Côte d'Ivoire": as the first one
    if trigger.pos_ in ("NOUN", "PROPN"):
        # a noun's complement hangs close to it: "la ratification de la Russie", "la
        # visite de Poutine à Pyongyang", not "la ratification du traité signé lors
        # de la visite de Poutine"
        return anchor.i in governors or anchor.head.i in governors or anchor.head.head.i in governors
    for token in [anchor, *anchor.ancestors]:
        if token.i in governors:
            return True
        if token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense"):
            return False  # "..., emboîtant le pas à Moscou": a clause of its own
    return False


def _accepted(markers, noun_trigger: bool) -> set[str]:
    """A rule's markers for this trigger: "de@noun" holds only after a noun
    ("le soutien de Pyongyang"), not after a verb ("a salué l'héroïsme des soldats")."""
    accepted = set()
    for marker in markers:
        word, _, only = marker.partition("@")
        if not only or (only == "noun") == noun_trigger:
            accepted.add(word)
    return accepted


def _speaks_about(ctx: SentenceContext, mention, trigger) -> bool:
    """Is the mention a source that reports this trigger's claim, so no party to it?

    "selon Kiev" always is. The subject of a speech verb is when the claim
    stands in what the verb governs ("a affirmé que 10 000 soldats ont été
    envoyés") or when the verb is an incise about it (", affirme un rapport
    du MSMT"); not when the verb hangs off the trigger ("Séoul, qui évaluait...,
    a dénoncé", "a remercié X, estimant que...").
    """
    if mention.tok_start not in ctx.claimant_tokens:
        return False
    verb_index = ctx.claimant_tokens[mention.tok_start]
    doc = ctx.sentence.doc
    if verb_index == trigger.i:
        return False  # "X accused the Americans": the accuser is the statement's speaker
    if verb_index is None:
        return True
    if not doc.has_annotation("DEP"):
        # no parse: "the Pentagon said [claim]" and "[claim], the Pentagon said" report;
        # "Sunak travelled to Kyiv and announced" does not
        return verb_index < trigger.i or mention.tok_start > verb_index or mention.tok_start > trigger.i
    verb = doc[verb_index]
    if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
        return False
    incise = verb.dep_ in ("parataxis", "dep") or mention.tok_start > verb.i
    return incise or trigger.i == verb.i or any(t.i == verb.i for t in trigger.ancestors)


def _nearest(matches, trigger_char: int):
    return min(matches, key=lambda m: abs(m.start - trigger_char), default=None)


def _preceding(matches, anchor_char: int):
    """The match closest before the anchor ("10 000 soldats envoyés en Russie"), else after it."""
    before = [m for m in matches if m.start <= anchor_char]
    return max(before, key=lambda m: m.start) if before else _nearest(matches, anchor_char)


def _complete(roles, frame: Frame) -> bool:
    """Are the claim type's required roles filled (SCHEMA.md's bold roles)?"""
    first, second = _REQUIRED[frame.type]
    if any(rule.from_signatories for rule in frame.roles) and roles.get("signatories"):
        return True  # parties are completed from the signatories' positions later
    if len(roles.get(first, [])) < (2 if first == "parties" else 1):
        return False
    if frame.type == "troop_deployment":
        return bool(roles.get("location") or roles.get("alongside"))
    return second is None or bool(roles.get(second))


_REQUIRED = {
    "treaty_signing": ("parties", None), "treaty_ratification": ("ratifier", None),
    "treaty_obligation": ("parties", None), "troop_deployment": ("sender", None),
    "military_aid": ("supplier", "recipient"), "cooperation": ("parties", None),
    "statement": ("speaker", "target"), "visit": ("visitor", "destination"),
    "position_held": ("person", "organization"), "sanctions": ("imposer", "target"),
}


def _drop_self_links(roles: dict) -> dict:
    """An entity never fills two opposite roles of one claim (a state aiding itself)."""
    seen = set()
    for role in list(roles):
        kept = [r for r in roles[role] if r.id not in seen]
        seen.update(r.id for r in kept)
        roles[role] = kept
    return {r: v for r, v in roles.items() if v}


@lru_cache(maxsize=None)
def _frame_cues(frame: Frame) -> frozenset[str]:
    """The prepositions and locutions a frame's roles accept, as markers_of compares them."""
    return frozenset(normalise_cue(m.partition("@")[0]) for rule in frame.roles for m in rule.markers)


def frame_claims(ctx: SentenceContext) -> list[tuple[Claim, object]]:
    """The claims the frames find in one sentence, each with its trigger token."""
    lexicon = claim_lexicon(ctx.lang)
    results = []
    for frame in lexicon.frames:
        cues = _frame_cues(frame)
        inside_names = {i for m in ctx.mentions for i in range(m.tok_start, m.tok_end)}
        if frame.context and not frame.context & {t.lower_ for t in ctx.sentence}:
            continue
        for trigger in trigger_tokens(ctx.sentence, frame, ctx.lang):
            # "l'Équipe de surveillance des sanctions" names a body, it imposes nothing
            if trigger.i in inside_names or _blocked(trigger, lexicon) or _other_unit(ctx, frame, trigger):
                continue
            roles = _drop_self_links(_fill_roles(ctx, frame, trigger, cues))
            _inherit(roles, frame, ctx)
            if any(rule.role == "parties" for rule in frame.roles):
                _pair(roles, ctx)
            elif frame.type == "statement":
                _pair_speaks(roles, ctx, trigger)
                _target_from_topic(roles, ctx, trigger)
            if not _complete(roles, frame):
                continue
            claims = []
            for split_roles, anchor in _split(roles, frame, ctx, trigger):
                claim = Claim(type=frame.type, doc=ctx.doc_id, roles=split_roles,
                              evidence=[ctx.evidence], rule=frame.id, stance=frame.stance)
                _add_fields(claim, ctx, frame, anchor, lexicon)
                if frame.requires_item and not (claim.item or claim.quantity):
                    continue
                claims.append(claim)
            values = {getattr(c, frame.split_on) for c in claims} if frame.split_on else set()
            if len(claims) > 1 and len(values) == 1 and None not in values:
                claims = [_rejoin(claims, frame.split)]  # one count for several places: one claim
            results += [(claim, trigger) for claim in claims]
    return results


def _rejoin(claims: list[Claim], role: str) -> Claim:
    """Split claims that turned out alike are one claim after all."""
    first = claims[0]
    first.roles[role] = [ref for claim in claims for ref in claim.roles[role]]
    return first


def _other_unit(ctx: SentenceContext, frame: Frame, trigger) -> bool:
    """The count nearest the trigger is of something else: "transféré 9 millions d'obus"
    is aid, not a deployment; "envoyé 10 000 soldats" is not aid."""
    if not frame.needs_unit:
        return False
    counted = [q for q in ctx.quantities if q.quantity.unit]
    nearest = _nearest(counted, trigger.idx)
    return nearest is not None and nearest.quantity.unit not in frame.needs_unit


def _pair(roles, ctx: SentenceContext) -> None:
    """"Les deux pays renforcent leur coopération": parties are the article's main pair."""
    from .treaties import mentions_pair

    parties = roles.get("parties")
    if parties is not None and len(parties) >= 2:
        return
    one_of_pair = parties and len(parties) == 1 and parties[0].id in {p.id for p in ctx.pair}
    # "le traité conclu avec la Russie": the other one is the article's other state
    if len(ctx.pair) == 2 and (one_of_pair or mentions_pair(ctx.sentence, ctx.lang)):
        known = {p.id for p in parties or []}
        roles["parties"] = list(parties or []) + [p for p in ctx.pair if p.id not in known]


def _pair_speaks(roles, ctx: SentenceContext, trigger) -> None:
    """"Les deux puissances se déclarent opposées à...": the speakers are the pair."""
    from .treaties import mentions_pair

    if roles.get("speaker") or len(ctx.pair) != 2:
        return
    before = ctx.sentence.doc[ctx.sentence.start:trigger.i]
    if mentions_pair(before, ctx.lang):
        roles["speaker"] = list(ctx.pair)


def _target_from_topic(roles, ctx: SentenceContext, trigger) -> None:
    """"Ils ont condamné ce déploiement": the target is who deployed, as the article said before."""
    if roles.get("target") or not roles.get("speaker"):
        return
    doc = ctx.sentence.doc
    following = doc[trigger.i + 1:min(trigger.i + 5, ctx.sentence.end)]
    for frame in claim_lexicon(ctx.lang).frames:
        earlier = ctx.previous.get(frame.type)
        if earlier is not None and frame.topic & {t.lower_ for t in following}:
            agent = next(iter(earlier.roles.values()), [])
            speakers = {r.id for r in roles["speaker"]}
            roles["target"] = [r for r in agent if r.id not in speakers]
            return


def _inherit(roles, frame: Frame, ctx: SentenceContext) -> None:
    """"Seoul puts the contingent at 10,000 to 12,000": a new count of the same
    deployment, whose sender and place the article gave before."""
    earlier = ctx.previous.get(frame.type)
    if not frame.inherit or earlier is None:
        return
    if frame.needs_unit and not any(q.quantity.unit in frame.needs_unit for q in ctx.quantities):
        return
    for role in frame.inherit:
        if not roles.get(role) and earlier.roles.get(role):
            roles[role] = list(earlier.roles[role])


def _split(roles, frame: Frame, ctx: SentenceContext, trigger):
    """One claim per entity of the frame's split role, its fields read near that entity."""
    refs = roles.get(frame.split) if frame.split else None
    if not refs or len(refs) < 2:
        yield roles, trigger
        return
    doc = ctx.sentence.doc
    for ref in refs:
        mention = next((m for m in ctx.mentions if m.ref.id == ref.id or (m.state and m.state.id == ref.id)), None)
        yield {**roles, frame.split: [ref]}, (doc[mention.tok_start] if mention else trigger)


def _add_fields(claim: Claim, ctx: SentenceContext, frame: Frame, trigger, lexicon) -> None:
    if "quantity" in frame.fields:
        units = [q for q in ctx.quantities if q.quantity.unit in frame.needs_unit]
        match = _preceding(units, trigger.idx)
        claim.quantity = match.quantity if match else None
    if "date" in frame.fields:
        match = _nearest([d for d in ctx.dates if not _inside_claimant(d, ctx)], trigger.idx)
        claim.date = match.iso if match else None
    if "item" in frame.fields:
        claim.item = _item(ctx, frame, trigger)
    if "domain" in frame.fields:
        claim.domain = _domain(ctx, trigger, lexicon)
    if "quote" in frame.fields:
        claim.quote = _quote(ctx.sentence.text)


def _inside_claimant(date, ctx: SentenceContext) -> bool:
    doc = ctx.sentence.doc
    return any(doc[i].idx <= date.start < doc[i].idx + 40 for i in ctx.claimant_tokens)


def _item(ctx: SentenceContext, frame: Frame, trigger) -> str | None:
    """What is supplied: the words of the item lexicon near the trigger
    ("obus d'artillerie et roquettes", "assistance technique"), else the unit counted."""
    doc = ctx.sentence.doc
    start, end = max(ctx.sentence.start, trigger.i - 12), min(ctx.sentence.end, trigger.i + 15)
    found = [(a, b) for a, b, _ in find_phrases(doc, ctx.lang, frame.item_nouns, start, end)]
    if found:
        first, last = found[0][0], found[-1][1]
        if last - first <= 12:  # "systèmes de défense antiaérienne et du matériel"
            return doc[first:last].text
        return ", ".join(dict.fromkeys(doc[a:b].text for a, b in found))
    units = [q for q in ctx.quantities if q.quantity.unit in frame.needs_unit]
    return _nearest(units, trigger.idx).quantity.unit if units else None


def _domain(ctx: SentenceContext, trigger, lexicon) -> str | None:
    window = ctx.sentence.doc[max(trigger.i - 3, ctx.sentence.start): min(trigger.i + 8, ctx.sentence.end)]
    words = " " + " ".join(t.lower_ for t in window) + " "
    for domain, cues in lexicon.domains.items():
        if any(f" {cue.lower()} " in words for cue in cues):
            return domain
    return None


def _quote(text: str) -> str | None:
    for left, right in (("«", "»"), ("“", "”"), ('"', '"')):
        start = text.find(left)
        end = text.find(right, start + 1)
        if start >= 0 and end > start:
            return text[start + 1:end].strip()
    return None
