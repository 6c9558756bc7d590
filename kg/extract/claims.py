"""Claims from frames: a trigger in a sentence, its roles filled from the mentions.

For each sentence and each frame of the language, every trigger token (a verb
or noun lemma, or a multi-word noun: kg.extract.triggers) yields a claim when
its roles can be filled (kg.extract.roles); its fields come from what stands
nearest the trigger (kg.extract.fields). A frame may split a claim per place
("10 000 envoyés en Russie, dont 8 000 à Koursk").
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..claim_types import claim_type, membership_type
from ..gazetteer import load_gazetteer
from ..model import Claim
from ..profiles import profile
from ..trace import claim_pointer, field_span, note_field, note_new_roles, note_trigger, span_of
from .context import SentenceContext
from .doc_memo import once_per_doc
from .fields import add_fields, listed_domains, names_kind
from .frames import Frame, claim_lexicon
from .mention_words import mention_list, mention_words
from .phrases import find_phrases
from .quantities import is_money
from .roles import (complete, complete_pair, drop_self_links, fill_roles, frame_marker_words, inherit, pair_acts,
                    target_from_topic)
from .triggers import act_lemmas, blocked, other_sense, other_unit, trigger_tokens

__all__ = ["FrameFindings", "frame_claims"]


@dataclass
class FrameFindings:
    """What the frames found in one sentence, for kg.extract.pipeline to remember."""
    claims: list = field(default_factory=list)        # (Claim, trigger token), in the order found
    read_as_state: set = field(default_factory=set)   # first tokens of capitals a role read as their state


def frame_claims(ctx: SentenceContext) -> FrameFindings:
    """The claims the frames find in one sentence, each with its trigger token.

    ``ctx`` is only read; a trigger knows the claims found before it in the
    sentence as well as the article's ("3,000 more troops, adding to some 11,000
    deployed last autumn": the second count of a sentence continues its first).
    """
    lexicon = claim_lexicon(ctx.lang)
    findings = FrameFindings()
    results = findings.claims
    earlier = None  # the article's claims and this sentence's so far, once it has some
    inside_names = {i for m in ctx.mentions for i in range(m.tok_start, m.tok_end)}
    phrases = _phrase_triggers(ctx, lexicon)
    words = frozenset(t.lower_ for t in ctx.sentence)  # once a sentence, not once a frame
    acts = act_lemmas(ctx.lang)
    for frame in lexicon.frames:
        marker_words = frame_marker_words(frame)
        if frame.context and not frame.context & words:
            continue
        declared = claim_type(frame.type)
        for trigger in trigger_tokens(ctx.sentence, frame, ctx.lang):
            # "l'Équipe de surveillance des sanctions" names a body, it imposes nothing
            # a pledge states a stance now, unless the word also names another type's act
            # ("will welcome X next week": a host's plan)
            speech = (declared.speech_about is not None
                      and trigger.lemma_.lower() not in acts and trigger.lower_ not in acts)
            if (trigger.i in inside_names or blocked(trigger, lexicon, speech) or other_unit(ctx, frame, trigger)
                    or other_sense(frame, trigger) or _inside_longer(trigger.i, frame, phrases)
                    or (frame.verbless and not _verbless(trigger, ctx.lang))
                    or (frame.predicative and not _predicate(trigger))):
                continue
            if declared.not_in_treaty_names and _names_a_treaty(trigger, lexicon):
                continue  # "le traité de partenariat stratégique": the treaty's claims say it
            notes = {}  # (role, entity id) -> how it was filled (kg.trace)
            roles = fill_roles(ctx, frame, trigger, marker_words, notes, findings.read_as_state)
            # hosts go before the self-links: "le Premier ministre britannique ... à Downing Street"
            # is at home, and the place stays the place
            if frame.abroad:
                _pair_leaders(roles, frame, ctx, trigger)
                _keep_abroad(roles, frame, ctx)
            if frame.not_at_home:
                _drop_hosts(roles, frame.not_at_home, ctx)
            roles = drop_self_links(roles, frame)
            _drop_offices(roles, declared.agent, ctx)
            if declared.speech_about:
                _drop_own_states(roles, declared.agent, declared.speech_about, ctx)
            # "en Roumanie, où sont déployés 1 000 militaires": the clause's place is its
            # antecedent, never an earlier claim's
            # nor inside an apposition, which describes ("to Poland, a hub for arms deliveries to Y")
            source = inherit(roles, frame, ctx) if not (_in_place_clause(trigger) or _in_apposition(trigger)) else None
            if source is not None:
                note_new_roles(roles, notes, "inherit", **claim_pointer(source))
                if _only_itself(roles, frame):
                    continue  # "The sanctions freeze any U.S. assets": the inherited imposer is all the target
            party_role = next((rule.role for rule in frame.roles if rule.role in declared.roles_pair_fills), None)
            if party_role:
                complete_pair(roles, ctx, party_role)
            else:
                pair_acts(roles, frame, ctx, trigger)
            if frame.home_acts:
                _home_acts(roles, declared.agent, ctx, trigger)
            _note_completed(roles, notes, ctx)
            if declared.speech_about:
                target_from_topic(roles, frame, ctx, trigger)
                note_new_roles(roles, notes, "topic")
            if not complete(roles, frame):
                continue
            claims = []
            for split_roles, anchor in _split(roles, frame, ctx, trigger, notes):
                claim = Claim(type=frame.type, doc=ctx.doc_id, roles=split_roles,
                              evidence=[ctx.evidence], rule=frame.id, stance=frame.stance)
                note_trigger(claim, trigger)
                claim.trace.roles.update(notes)
                add_fields(claim, ctx, frame, anchor, lexicon)
                if claim.date is None and source is not None and _same_agent(claim, source, declared.agent):
                    claim.date = source.date  # more of the same event: its date too
                    if claim.date is not None:
                        note_field(claim, "date", field_span(source, "date"), "inherit", **claim_pointer(source))
                if frame.requires_item and not (claim.item or claim.quantity or names_kind(ctx, frame, anchor)):
                    continue
                claims.append(claim)
                if frame.split_domains:
                    claims += _other_domains(claim, ctx, trigger, lexicon)
            values = {getattr(c, frame.split_on) for c in claims} if frame.split_on else set()
            if len(claims) > 1 and len(values) == 1 and None not in values:
                claims = [_rejoin(claims, frame.split)]  # one count for several places: one claim
            results += [(claim, trigger) for claim in claims]
            if claims:
                if earlier is None:
                    earlier = {kind: list(found) for kind, found in ctx.previous.items()}
                earlier.setdefault(frame.type, []).extend(claims)
                ctx = ctx.knowing(earlier)
    results[:] = _sent_to_a_place(_supplied_items_win(_yielded(_named_holders_win(results), lexicon), lexicon), lexicon)
    return findings


def _other_domains(claim: Claim, ctx: SentenceContext, trigger, lexicon) -> list[Claim]:
    """"agreed to expand cooperation in defence, trade and energy": a claim like ``claim``
    for each other domain the trigger's own complements list (the corpus's one claim per
    domain)."""
    listed = listed_domains(ctx, trigger, lexicon)
    if len(listed) < 2:
        return []
    return [claim.copy(domain=domain) for domain in listed if domain != claim.domain]


def _yielded(results, lexicon):
    """"Kallas welcomed Sandu to Brussels": a frame's claim gives way to a claim of a type
    it ``yields_to`` made on the same trigger (the host's welcome is no praise)."""
    if not any(frame.yields_to for frame in lexicon.frames):
        return results
    yields = {frame.id: frame.yields_to for frame in lexicon.frames}
    types_at = {}
    for claim, trigger in results:
        types_at.setdefault(trigger.i, set()).add(claim.type)
    return [(claim, trigger) for claim, trigger in results
            if not yields.get(claim.rule, frozenset()) & types_at[trigger.i]]


def _in_apposition(trigger) -> bool:
    """Does the trigger stand in an apposition to a noun ("Poland, a hub for arms deliveries")?"""
    return any(token.dep_ == "appos" for token in [trigger, *trigger.ancestors])


def _in_place_clause(trigger) -> bool:
    """Does a relative adverb of place ("où") open the trigger's clause?"""
    words = mention_words(trigger.doc.lang_)["relative_places"]
    return any(c.lower_ in words and c.i < trigger.i for c in trigger.children)


def _only_itself(roles, frame: Frame) -> bool:
    """Does a role other than the agent hold nothing but the agent (an inherited imposer
    whose own name the sentence gives as the target)?"""
    agent = claim_type(frame.type).agent
    acting = {r.id for r in roles.get(agent, [])}
    return bool(acting) and any(refs and {r.id for r in refs} <= acting
                                for role, refs in roles.items() if role != agent)


def _home_acts(roles, agent: str, ctx: SentenceContext, trigger) -> None:
    """"Asset freezes have been imposed on 12 officials" on a government's own pages: a
    passive with no agent tells the publisher's own act (frames with ``home_acts``)."""
    if ctx.home is None or roles.get(agent) or not ctx.sentence.doc.has_annotation("DEP"):
        return
    verb = trigger
    for _ in range(3):  # "Asset freezes ... have been imposed": up from the noun phrase to its verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)
    if passive and not any(c.dep_ in ("obl:agent", "agent") for c in verb.children):
        roles[agent] = [ctx.home]


def _supplied_items_win(results, lexicon):
    """"a envoyé des obus à la Russie": a verb two frames share ("envoyer": troops or aid)
    belongs to the frame that needs an item and found one, not to another frame whose
    own items that is not (shells are no one's forces) and that counts nothing."""
    frames = {frame.id: frame for frame in lexicon.frames}
    supplied = {}  # trigger index -> the items the item-needing frames found there
    for claim, trigger in results:
        if frames[claim.rule].requires_item and claim.item:
            supplied.setdefault(trigger.i, []).append(claim.item.lower())
    if not supplied:
        return results

    def yields(claim, trigger) -> bool:
        frame = frames[claim.rule]
        items = supplied.get(trigger.i)
        return (bool(items) and not frame.requires_item and claim.quantity is None and bool(frame.item_nouns)
                and not any(word in frame.item_nouns for item in items for word in item.split())
                and not _sends_own(trigger, frame))

    return [(claim, trigger) for claim, trigger in results if not yields(claim, trigger)]


def _sent_to_a_place(results, lexicon):
    """"Les Pays-Bas ont envoyé deux F-35 en Pologne": what a verb shared by aid and
    deployments ("envoyer") sends, read as both, is a deployment when it is the
    deployment's own kind of item (aircraft, warships: the frame's item_nouns) sent to a
    place ("en", "dans", "vers": mentions.yaml place_destinations): the sender's own
    forces keep operating it there (SCHEMA settled question 1); sent to a state or its
    forces ("à la Pologne", "à l'armée ukrainienne"), it is handed over: aid."""
    frames = {frame.id: frame for frame in lexicon.frames}
    own = {}  # trigger index -> the deployment frame's item nouns there
    for claim, trigger in results:
        if claim.type == "troop_deployment" and frames[claim.rule].item_nouns:
            own[trigger.i] = frames[claim.rule].item_nouns
    both = {trigger.i for claim, trigger in results
            if claim.type == "military_aid" and claim.item and trigger.i in own
            and any(word in own[trigger.i] for word in claim.item.lower().split())}
    if not both:
        return results
    return [(claim, trigger) for claim, trigger in results
            if trigger.i not in both or (claim.type == "military_aid") != _to_a_place(trigger)]


def _to_a_place(trigger) -> bool:
    """Does a complement of the verb name where it sends, not to whom ("en Pologne")?"""
    words = mention_words(trigger.doc.lang_)["place_destinations"]
    # the parse may hang the place on the object ("envoyé deux F-35 en Pologne")
    near = [c for c in trigger.children if c.dep_.startswith("obl")]
    near += [c for o in trigger.children if o.dep_ == "obj" for c in o.children if c.dep_ == "nmod"]
    return any(k.dep_ == "case" and k.lower_ in words for c in near for k in c.children)


def _sends_own(trigger, frame) -> bool:
    """Does the verb's object name what the frame speaks of too ("des troupes et des armes")?"""
    objects = [c for c in trigger.children if c.dep_ in ("obj", "obl:arg")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(o.lower_ in frame.topic or o.lemma_.lower() in frame.topic for o in objects)


def _named_holders_win(results):
    """"hosted his Australian counterpart Anthony Albanese": a frame that lets a state
    stand for an unnamed office holder (en.visit.host.office) yields to another frame's
    claim on the same trigger whose agent is a person, named."""
    def agents(claim):
        return claim.roles.get(claim_type(claim.type).agent or "", [])

    named = {(trigger.i, claim.type): claim.rule for claim, trigger in results
             if any(ref.cls == "Person" for ref in agents(claim))}
    return [(claim, trigger) for claim, trigger in results
            if not (agents(claim) and all(ref.cls == "Country" for ref in agents(claim))
                    and named.get((trigger.i, claim.type), claim.rule) != claim.rule)]


def _verbless(trigger, lang: str) -> bool:
    """"Des centaines de soldats tchadiens au Niger", "le nombre de soldats nord-coréens
    en Russie": a noun that heads a headline, or a count of it, says where they are;
    under a verb or another noun ("a tué des soldats à...", "l'envoi de soldats en..."),
    the place is the verb's or the act's."""
    head = trigger.head
    if head.i == trigger.i or trigger.dep_ == "ROOT":
        return True
    return head.pos_ == "NOUN" and head.i < trigger.i and head.lower_ in mention_words(lang)["count_nouns"] \
        and (head.head.i == head.i or head.head.pos_ != "NOUN" or head.dep_ != "nmod")


def _phrase_triggers(ctx: SentenceContext, lexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, frame id, claim type) of the sentence's triggers of several words ("Iran-backed")."""
    sentence = ctx.sentence
    found, starts = _doc_phrase_triggers(sentence.doc, ctx.lang, lexicon)
    first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    return [match for match in found[first:last] if match[1] <= sentence.end]


def _doc_phrase_triggers(doc, lang: str, lexicon) -> tuple[list, list[int]]:
    """The Doc's triggers of several words, of every frame, in text order (and where each
    starts), gathered once per Doc: each sentence then takes its own, where asking every
    frame's phrases of each sentence cost more than the reading."""
    return once_per_doc(doc, "kg_phrase_triggers", lang, _read_phrase_triggers, doc, lang, lexicon)


def _read_phrase_triggers(doc, lang: str, lexicon) -> tuple[list, list[int]]:
    found = sorted((start, end, frame.id, frame.type) for frame in lexicon.frames
                   for start, end, _ in find_phrases(doc, lang, frame.nouns) if end - start > 1)
    return found, [match[0] for match in found]


def _inside_longer(i: int, frame: Frame, phrases) -> bool:
    """The longer trigger wins: "backed" inside "Iran-backed" is the aid frame's, not support
    (frames of one claim type share their phrases: "official visit" of en.visit.office
    leaves en.visit its "visit")."""
    return any(start <= i < end and frame_id != frame.id and kind != frame.type and not (i == start and end - start == 1)
               for start, end, frame_id, kind in phrases)


def _drop_offices(roles, agent: str | None, ctx: SentenceContext) -> None:
    """"Le président du RN, X, a dénoncé", "the leader of the Freedom Party, X, said": the
    party whose office the sentence gives the acting person does not act beside them (a
    state does: "Poland's President X praised" is Poland's stance too)."""
    declared = membership_type()
    acting = roles.get(agent) if agent else None
    if declared is None or not acting or len(acting) < 2:
        return
    member, organisation = declared.membership
    start = ctx.evidence.start
    offices = {(c.roles[organisation][0].id, c.roles[member][0].id) for c in ctx.previous.get(declared.name, ())
               if c.evidence and c.evidence[0].start == start}
    people = {r.id for r in acting if r.cls == "Person"}
    # a state's own body keeps acting for it ("le porte-parole du Kremlin, X"), and so does
    # a body Wikidata knows (NATO, the UN: "NATO Secretary General X said"); a party the
    # gazetteer links to none, or a body only the NER found, does not
    of_states = {m.ref.id for m in ctx.mentions if m.state is not None}
    kept = [r for r in acting if not (r.cls == "Organization" and r.qid is None and r.id not in of_states
                                      and any((r.id, p) in offices for p in people))]
    if kept:
        roles[agent] = kept


def _drop_own_states(roles, speaker: str, about: str, ctx: SentenceContext) -> None:
    """"President X thanked the Ukrainian people", "Y praised the French soldiers": a person
    spoken of their own state (as the sentence or an earlier office names it) takes no stance
    toward another; that state is no target of theirs."""
    own = {_state_id(r, ctx) for r in roles.get(speaker, ()) if r.cls == "Person"} - {None}
    if own and roles.get(about):
        roles[about] = [r for r in roles[about] if r.id not in own]


def _predicate(trigger) -> bool:
    """Is the noun phrase a copula's predicate ("Russia is a threat", "X is a reliable ally")?"""
    head = trigger
    while head.dep_ in ("compound", "amod") and head.head.i > head.i:
        head = head.head
    # the parser makes the copula the head ("is" -> attr) or the predicate ("cop")
    return ((head.dep_ == "attr" and head.head.lemma_ in profile(head.doc.lang_).words["copulas"])
            or any(c.dep_ == "cop" for c in head.children))


def _pair_leaders(roles, frame: Frame, ctx: SentenceContext, trigger) -> None:
    """"The two leaders last met in Kazan": a phrase for the leaders of the article's two
    states (mentions.yaml pair_leader_phrases), the subject of the trigger, fills the
    empty ``abroad`` role with the first holder of a leader's office named for each
    state (_keep_abroad then keeps whoever is away from home)."""
    if roles.get(frame.abroad) or len(ctx.pair) != 2 or not ctx.sentence.doc.has_annotation("DEP"):
        return
    doc = ctx.sentence.doc
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    phrases = mention_list(ctx.lang, "pair_leader_phrases")
    if not any(doc[start:end].root.dep_.startswith("nsubj") and doc[start:end].root.head.i == verb.i
               for start, end, _phrase in find_phrases(doc, ctx.lang, phrases, ctx.sentence.start, ctx.sentence.end)):
        return
    declared = membership_type()
    if declared is None:
        return
    member, organisation_role = declared.membership
    titles = mention_words(ctx.lang)["leader_titles"]
    states = {p.id for p in ctx.pair}
    leaders: dict = {}
    for office in ctx.previous.get(declared.name, []):
        person, organization = office.roles.get(member) or [], office.roles.get(organisation_role) or []
        if (person and organization and organization[0].id in states
                and (office.position or "").lower() in titles):
            leaders.setdefault(organization[0].id, person[0])
    if len(leaders) == 2:
        roles[frame.abroad] = [leaders[p.id] for p in ctx.pair]


def _keep_abroad(roles, frame: Frame, ctx: SentenceContext) -> None:
    """"Macron s'est entretenu avec Scholz à Berlin": of the people in the frame's
    ``abroad`` role, only those whose state is known and is not the state of every
    place named stay; places of no known state go. A meeting at home is no visit."""
    places = [r for role, refs in roles.items() if role != frame.abroad for r in refs]
    place_states = {_state_id(r, ctx) for r in places}
    if None in place_states or not places:
        roles.pop(frame.abroad, None)
        return
    kept = [r for r in roles.get(frame.abroad, []) if _state_id(r, ctx) not in place_states | {None}]
    roles[frame.abroad] = kept


def _drop_hosts(roles, role: str, ctx: SentenceContext) -> None:
    """"X a reçu le prince héritier saoudien ... lors de sa visite en Arabie saoudite": a
    person of the state every place named belongs to is at home there, the host, not
    a visitor (a person of no known state stays)."""
    places = {_state_id(r, ctx) for other, refs in roles.items() if other != role for r in refs}
    if len(places) != 1 or None in places:
        return
    kept = [r for r in roles.get(role, []) if _state_id(r, ctx) not in places]
    if kept:
        roles[role] = kept
    else:
        roles.pop(role, None)


def _state_id(ref, ctx: SentenceContext) -> str | None:
    """The id of the state ``ref`` is of, as the sentence names it: a state itself, a
    capital's state, a city's or a region's, a person's state given by the words or by
    an office the article said the person holds; None when unknown."""
    mention = next((m for m in ctx.mentions if m.ref.id == ref.id), None)
    if mention is None:
        # "The two leaders met in Kazan": a leader named in an earlier sentence, by the office
        return ref.id if ref.cls == "Country" else _office_state(ref, ctx) if ref.cls == "Person" else None
    state = mention.country or mention.state or _place_state(ref)
    return state.id if state is not None else _office_state(ref, ctx)


def _place_state(ref):
    """The state a city or a region lies in ("à Sotchi": Russia), by the gazetteer; a
    city does not stand for its state as a capital does, so its mention has none."""
    if ref.cls != "Place":
        return None
    gazetteer = load_gazetteer()
    entry = gazetteer.of(ref)
    state = gazetteer.state_of(entry) if entry is not None and entry.kind in ("city", "region") else None
    return state.ref if state is not None and state.cls == "Country" else None


def _office_state(ref, ctx: SentenceContext):
    """The state a person holds an office of, as the article said before ("South Korean
    Defense Minister X ... X met Y at the Pentagon")."""
    declared = membership_type()
    if declared is None or ref.cls != "Person":
        return None
    member, organisation_role = declared.membership
    for claim in reversed(ctx.previous.get(declared.name, [])):
        if ref.id in {r.id for r in claim.roles.get(member, [])}:
            states = [r for r in claim.roles.get(organisation_role, []) if r.cls == "Country"]
            if states:
                return states[0].id
    return None


def _note_completed(roles, notes: dict, ctx: SentenceContext) -> None:
    """Parties or agents the sentence did not name: the article's pair, else the
    parties of the treaty signed before ("Le traité prévoit une coopération")."""
    pair = {p.id for p in ctx.pair}
    from_pair = {r: [x for x in refs if x.id in pair and (r, x.id) not in notes] for r, refs in roles.items()}
    if any(from_pair.values()):
        phrase = next(find_phrases(ctx.sentence.doc, ctx.lang, claim_lexicon(ctx.lang).pair_anaphora,
                                   ctx.sentence.start, ctx.sentence.end), None)
        note_new_roles(from_pair, notes, "pair", span_of(ctx.sentence.doc[phrase[0]:phrase[1]]) if phrase else None)
    note_new_roles(roles, notes, "treaty_parties")


def _names_a_treaty(trigger, lexicon) -> bool:
    """Is the trigger part of a treaty's name ("traité de partenariat stratégique global")?"""
    head = trigger.head
    if (trigger.dep_ == "nmod" and head.i < trigger.i
            and (head.lemma_.lower() in lexicon.treaty_nouns or head.lower_ in lexicon.treaty_nouns)):
        return True
    # the parser may hang the noun elsewhere: "un accord de coopération de défense"
    doc = trigger.doc
    before = doc[trigger.i - 2] if trigger.i >= 2 else None
    return (before is not None and doc[trigger.i - 1].pos_ == "ADP"
            and (before.lemma_.lower() in lexicon.treaty_nouns or before.lower_ in lexicon.treaty_nouns))


def _same_agent(claim: Claim, source: Claim, agent: str) -> bool:
    """"Berlin a débloqué une nouvelle enveloppe" after Paris's aid: another supplier
    is another event, whatever roles it shares with the one before."""
    return {r.id for r in claim.roles.get(agent, [])} == {r.id for r in source.roles.get(agent, [])}


def _rejoin(claims: list[Claim], role: str) -> Claim:
    """Split claims that turned out alike are one claim after all."""
    first = claims[0]
    first.roles[role] = [ref for claim in claims for ref in claim.roles[role]]
    return first


def _distinct_counts(ctx: SentenceContext, frame: Frame) -> list:
    """The sentence's counts of the frame's units, when they are several and differ;
    a sum beside counted items is their price ("300 missiles pour un montant de 3
    milliards de dollars"), not another delivery."""
    counts = [q for q in ctx.quantities if q.quantity.unit in frame.needs_unit]
    items = [q for q in counts if not is_money(q.quantity.unit, ctx.lang)]
    counts = items if items else counts
    return counts if len({q.quantity for q in counts}) == len(counts) else []


#: how a role was filled when no mention of the sentence filled it (kg.trace notes)
_NOT_BY_MENTION = frozenset({"pair", "treaty_parties", "inherit"})


def _split(roles, frame: Frame, ctx: SentenceContext, trigger, notes: dict | None = None):
    """One claim per entity of the frame's split role, its fields read near that entity;
    or, for a frame that splits on counts, one per count of its units, its fields read
    at the count ("1,7 milliard fournis en 2022 et 2,1 milliards en 2023")."""
    counts = _distinct_counts(ctx, frame) if frame.split_counts else []
    if len(counts) > 1:
        doc = ctx.sentence.doc
        for count in counts:
            span = doc.char_span(count.start, count.end, alignment_mode="expand")
            yield roles, (span[0] if span is not None else trigger)
        return
    refs = roles.get(frame.split) if frame.split else None
    if not refs or len(refs) < 2:
        yield roles, trigger
        return
    doc = ctx.sentence.doc
    for ref in refs:
        mention = next((m for m in ctx.mentions if m.ref.id == ref.id or (m.state and m.state.id == ref.id)), None)
        note = (notes or {}).get((frame.split, ref.id))
        if note is not None and note.step in _NOT_BY_MENTION:
            mention = None  # "ratifié par les deux pays": named elsewhere ("à Pyongyang"), its fields are the trigger's
        yield {**roles, frame.split: [ref]}, (doc[mention.tok_start] if mention else trigger)
