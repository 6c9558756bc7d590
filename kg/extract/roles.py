"""Filling a frame's roles from the mentions of a sentence, then completing them
from the article: the pair of states it is about, the claim it described before,
the topic a statement speaks of."""
from __future__ import annotations

import math
from functools import lru_cache

from ..claim_types import claim_type, signing
from ..model import EntityRef
from ..profiles import profile
from ..trace import role_note
from .context import SentenceContext
from .frames import Frame, claim_lexicon
from .phrases import find_phrases, phrase_words
from .markers import (AUTHOR, RELATIVE_PLACE, after_preposition, contrast_between, coordinated, coordinated_with_own_subject,
                      speakers_setting,
                      hangs_on_trigger, judging_lemmas, markers_of, named_owner, normalise_phrase,
                      phrase_start, reports_only, subject_tokens_of)
from .markers import _person_labels, heads_apart, in_quotation
from .mention_words import mention_words

__all__ = ["frame_marker_words", "fill_roles", "announces_act", "complete", "drop_self_links", "complete_pair", "pair_acts",
           "target_from_topic", "inherit"]


@lru_cache(maxsize=None)
def frame_marker_words(frame: Frame) -> frozenset[str]:
    """The prepositions and locutions a frame's roles accept, as markers_of compares them."""
    return frozenset(normalise_phrase(m.partition("@")[0]) for rule in frame.roles for m in rule.markers)


def _place_of_the_verb(doc, mention, trigger) -> bool:
    """Is the mention a complement of the verb, before the noun trigger it takes ("a
    adopté à Bruxelles des sanctions")? A noun's own complements follow it."""
    return mention.tok_end <= trigger.i and doc[mention.tok_start:mention.tok_end].root.head.pos_ in ("VERB", "AUX")


def fill_roles(ctx: SentenceContext, frame: Frame, trigger, marker_words, notes: dict | None = None,
               read_as_state: set | None = None) -> dict[str, list[EntityRef]]:
    """The roles the sentence's mentions fill; ``notes`` (kg.trace) hears how each was
    filled, ``read_as_state`` the first tokens of capitals a role read as their state."""
    roles: dict[str, list[EntityRef]] = {}
    used = set()
    doc = ctx.sentence.doc
    sources = [m for m in ctx.mentions if _speaks_about(ctx, m, trigger) and m.ref.id in ctx.claimant_ids]
    fillers: dict[str, list] = {}  # role -> the mentions that filled it
    agent = frame.agent.role if frame.agent else None
    speech = claim_type(frame.type).speech_about is not None
    if speech and named_owner(trigger) and any(_speaks_about(ctx, m, trigger) for m in ctx.mentions):
        return roles  # '"an escalation" of Tehran's support for Moscow, X said': a relation X reports
    judged = not speech and _judged_act(trigger, ctx.lang)
    # '"An escalation," X said of the strikes': what the speech verb speaks of, a statement is of
    said_by = ({v for v in ctx.claimant_tokens.values() if v is not None and any(a.i == v for a in trigger.ancestors)}
               if speech else set())
    agent_markers: dict[str, set] = {}  # entity id -> the markers by which it filled the agent role
    fallback: set = set()  # (role, entity id) filled only by a marker that holds alone
    seats: dict = {}  # (role, capital id) -> the host state whose seat it was read as
    said_by_person = False
    # "Pyongyang a apporté son soutien à Moscou, affirme Séoul": a statement whose clause
    # names who acts has that speaker; the one who reports it is its source only (not so
    # a quotation: "« La France soutient Kiev », a dit X" is X's own word)
    acted = _named_subject(trigger) if speech and agent is not None and sources else frozenset()
    if acted and in_quotation(doc, trigger.i):
        acted = frozenset()
    # ... unless the source speaks for that subject ("Yoshimasa Hayashi said Tokyo had
    # conveyed", "Le Canada restera à ses côtés, a assuré la ministre X")
    actors = {m.ref.id for m in ctx.mentions if m.tok_start in acted} if acted else set()
    for mention in ctx.mentions:
        if _speaks_about(ctx, mention, trigger):
            # "« C'est une escalade », a dit Kirby": who says a statement makes it
            if (speech and agent and mention.cls in frame.agent.classes and not reports_only(doc, mention)
                    and not (acted and mention.tok_start not in acted and mention.ref.id not in actors
                             and _speaks_for_another(mention, actors))):
                roles.setdefault(agent, [])
                said_by_person |= mention.cls == "Person"
                if mention.ref.id not in {r.id for r in roles[agent]}:
                    roles[agent].append(mention.ref)
                    # "The Chinese foreign ministry said China opposed...": the state once
                    used.add((agent, mention.ref.id))
                    if notes is not None:
                        notes[(agent, mention.ref.id)] = role_note(mention, step="speaker")
            continue
        if frame.item_nouns and _names_an_item(doc, mention, frame.item_nouns):
            continue
        markers = markers_of(doc, mention, trigger, ctx.sentence, marker_words)
        if judged and mention.tok_start < trigger.head.i:
            markers -= {"subject", "demonym"}
        if not _in_clause(doc, mention, trigger, markers, said_by, frame.item_nouns, marker_words):
            continue
        noun_trigger = noun_trigger_of(trigger, doc)
        # (not the owner of what a judging predicate judges: "la décision de la Russie était inacceptable")
        of_speaker = speech and not noun_trigger and "owner" not in markers and _qualifies_subject(doc, mention, trigger)
        # a role the mention fits as it is comes before one it fills as its state
        # ("Kim" signs; North Korea is a party), whatever the order of the rules
        for rule in sorted(frame.roles, key=lambda rule: mention.cls not in rule.classes):
            # a capital or a leader in a role only a state can fill ("livrés à Moscou",
            # "Kim ratified the treaty") stands for the state
            filler = mention.as_state() if mention.state and mention.cls not in rule.classes else mention
            if mention.cls == "Person" and filler is not mention and "Place" in rule.classes:
                if not markers & _alone_words(rule.markers):
                    continue  # "un message aux présidents X et Y": a leader is no place one goes to
                # "reçu par le président X" (par@alone), no place named: at X's seat, the capital
                host_state = filler.ref.id
                filler = _seat_of(filler)
                seats[(rule.role, filler.ref.id)] = host_state
            if filler is not mention and mention.cls == "Place" and noun_trigger and _place_of_the_verb(doc, mention,
                                                                                                  trigger):
                continue  # "ont adopté à Bruxelles des sanctions": where the verb's act happened
            # "le président de la République s'est rendu à Djibouti", never named: the state
            # visits (SCHEMA.md: a visitor is a person or a state), only in the acting role
            fits = filler.cls in rule.classes or (filler.acts_for_state and rule.role == agent
                                                  and "Person" in rule.classes)
            if of_speaker and rule.role != agent:
                continue  # "Le porte-parole de l'OTAN, X, a condamné...": the speaker's own, no target
            if fits and (matched := markers & _accepted(rule.markers, noun_trigger,
                                                         lambda: hangs_on_trigger(doc, mention, trigger))):
                # "le NIS (sud-coréen) affirme": the source's own other names do not act either
                if rule.role == agent and _beside_source(doc, filler, mention, sources):
                    break
                if rule.role == agent:
                    agent_markers.setdefault(filler.ref.id, set()).update(matched | (
                        {"first_person"} if mention.acts_for_state and doc[mention.tok_start].pos_ == "PRON" else set()))
                if matched <= _alone_words(rule.markers) and (rule.role, filler.ref.id) not in used:
                    # (not the place a marker of its own named: "à Hanoï par le président X")
                    fallback.add((rule.role, filler.ref.id))
                if (rule.role, filler.ref.id) not in used:
                    roles.setdefault(rule.role, []).append(filler.ref)
                    used.add((rule.role, filler.ref.id))
                    if notes is not None:
                        notes[(rule.role, filler.ref.id)] = role_note(mention, markers=matched, filler=filler)
                fillers.setdefault(rule.role, []).append(mention)
                if filler is not mention and read_as_state is not None:
                    read_as_state.add(mention.tok_start)
                break
    _drop_fallbacks(roles, fillers, fallback)
    if seats:
        _drop_home_seats(roles, fillers, seats)
    if speech and agent in roles and noun_trigger_of(trigger, doc):
        _voiced_by_subject(roles, agent, agent_markers, doc.lang_)
    if speech and agent in roles and said_by_person:
        # "« Nous apportons notre soutien à X », a-t-il poursuivi": the quoted "nous" is the speaker's
        roles[agent] = [r for r in roles[agent] if "first_person" not in agent_markers.get(r.id, ())]
    _extend_lists(roles, fillers, ctx, frame, notes)
    return roles


def _qualifies_subject(doc, mention, trigger) -> bool:
    """Does the mention stand inside the phrase of the verb's subject, as its complement
    ("Le porte-parole de l'OTAN, X, a condamné", "The head of the Labour Party, X,
    criticised")? It tells who the subject is, not what the verb is about."""
    if not doc.has_annotation("DEP"):
        return False
    root = doc[mention.tok_start:mention.tok_end].root
    for token in root.ancestors:
        if token.i == trigger.i:
            return False
        if token.dep_ == "nsubj" and token.head.i == trigger.i:
            return True
    return False


def _names_an_item(doc, mention, items) -> bool:
    """"HIMARS rockets", "IRIS-T air defence systems", "NASAMS launchers": a name set
    before what is supplied names the weapon, not a party (a state there, "U.S. weapons",
    still says whose they are)."""
    if mention.cls == "Country" or not doc.has_annotation("DEP"):
        return False
    noun = doc[mention.tok_start:mention.tok_end].root
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    return noun.i >= mention.tok_end and (noun.lower_ in items or noun.lemma_.lower() in items)


def noun_trigger_of(trigger, doc) -> bool:
    """Is the trigger a noun ("le soutien de X"), or is there no tagger to tell?"""
    return trigger.pos_ in ("NOUN", "PROPN") or not doc.has_annotation("POS")


def _voiced_by_subject(roles, agent: str, agent_markers: dict, lang: str) -> None:
    """"La ministre a réaffirmé le soutien de la France à X", "reaffirmed the support of
    the United States for X": who voices the support (the verb's subject) makes the
    statement, not the state the noun's link word ("de", "of") names."""
    if any("subject" in markers for markers in agent_markers.values()):
        links = mention_words(lang)["place_links"]
        roles[agent] = [r for r in roles[agent] if not (agent_markers.get(r.id) or {"?"}) <= links]


def _judged_act(trigger, lang: str) -> bool:
    """Is a noun trigger the object of a verb that judges it ("Washington a condamné le
    déploiement", "a dénoncé la coopération entre Moscou et Pyongyang")? Then the verb's
    subject speaks about the act, it does not take part in it."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_.startswith("nsubj"):
        return False
    if trigger.dep_.startswith("obl") and trigger.dep_ != "obl:arg" and not any(
            c.dep_ == "case" and c.lower_ in profile(lang).words["reason_marks"] for c in trigger.children):
        return False  # "X, on his visit to Y, thanked Z": when X thanks, the visit is X's own
    verb = trigger.head
    return verb.pos_ == "VERB" and verb.i != trigger.i and verb.lemma_.lower() in judging_lemmas(lang)


def _beside_source(doc, filler, mention, sources) -> bool:
    """Is the mention another name of a source, in the source's own phrase? (A pronoun
    is none: "the Pentagon said it had deployed" reports the Pentagon's own act; nor is
    a name after the source's verb: "the Kremlin said that Russia had redeployed".)"""
    def verb_between(source):
        first, last = sorted((source.tok_end, mention.tok_start))
        return any(t.pos_ in ("VERB", "AUX") for t in doc[first:last])
    return mention.kind != "pronoun" and any(s.ref.id == filler.ref.id and abs(s.tok_start - mention.tok_start) <= 5
                                             and not verb_between(s) for s in sources)


def _extend_lists(roles, fillers, ctx: SentenceContext, frame: Frame, notes: dict | None = None) -> None:
    """"des bases à Djibouti, au Gabon et en Côte d'Ivoire": the places listed right
    after a mention that filled a role fill the role too."""
    doc = ctx.sentence.doc
    for rule in frame.roles:
        filled = {r.id for r in roles.get(rule.role, [])}
        for mention in fillers.get(rule.role, []):
            following = [m for m in ctx.mentions if m.tok_start >= mention.tok_end]
            for more in coordinated(doc, following, mention, _list_prepositions(rule)):
                if (_speaks_next(doc, more, ctx.lang) or _subject_of_own_verb(doc, more, mention)
                        or _qualifies_next_noun(doc, more, mention) or (more.demonym and not mention.demonym)):
                    # "... to Russia, and South Korea said", "to Latvia and Canada leads the
                    # battlegroup", "to Kaliningrad, the Lithuanian ministry said": a new
                    # clause, or an adjective of another noun, not a list ("à Kiev, le
                    # ministre français": a demonym continues no list of names)
                    break
                if more.cls in rule.classes and more.ref.id not in filled:
                    roles[rule.role].append(more.ref)
                    filled.add(more.ref.id)
                    if notes is not None:
                        notes[(rule.role, more.ref.id)] = role_note(more, step="list", after=mention.text)


def _qualifies_next_noun(doc, mention, first) -> bool:
    """Does the mention qualify a noun after it ("the Lithuanian defence ministry", "Seoul's
    spy agency"), where the list's first item does not? Then it names no item of the list."""
    if not doc.has_annotation("DEP"):
        return False
    def qualifies(m):
        root = doc[m.tok_start:m.tok_end].root
        return root.dep_ in ("compound", "amod", "nmod:poss") and root.head.i >= m.tok_end
    return qualifies(mention) and not qualifies(first)


@lru_cache(maxsize=None)
def _list_prepositions(rule) -> frozenset[str]:
    """The one-word prepositions a role accepts, that may start the next item of a list."""
    return frozenset(m for m in (normalise_phrase(m.partition("@")[0]) for m in rule.markers) if " " not in m)


def _subject_of_own_verb(doc, mention, first) -> bool:
    """Is the mention, by the parse, the subject of a verb of its own, or followed right
    away by a finite verb (the parse may hang "Canada leads" on the list before), that
    verb not the one of the list's ``first`` item ("the US and South Korea held")?
    Only for a list of complements ("to Latvia and ..."): a list of subjects is the verb's."""
    if not doc.has_annotation("DEP") or not after_preposition(doc, first):
        return False
    own = doc[first.tok_start:first.tok_end].root
    while own.pos_ not in ("VERB", "AUX") and own.head.i != own.i:
        own = own.head  # "Secretary Austin and Secretary Teodoro signed": up to the list's verb
    own = own.i
    root = doc[mention.tok_start:mention.tok_end].root
    following = doc[mention.tok_end] if mention.tok_end < len(doc) else None
    # an auxiliary stands for its verb ("Moscou et Hanoï ont signé")
    verb = following.head if following is not None and following.pos_ == "AUX" else following
    return ((root.dep_.startswith("nsubj") and root.head.i != own)
            or (following is not None and verb.i != own and following.pos_ in ("VERB", "AUX")
                and "Fin" in following.morph.get("VerbForm")))


def _speaks_next(doc, mention, lang: str) -> bool:
    """Is the mention followed by a speech verb ("South Korea said")?"""
    from .frames import attribution_lexicon

    verbs = set().union(*attribution_lexicon(lang).verbs.values())
    following = doc[mention.tok_end:mention.tok_end + 2]
    return any(t.lower_ in verbs or t.lemma_.lower() in verbs for t in following)


def _after_other_event(doc, mention, trigger, reach: int = 10) -> bool:
    """"a rencontré X, au lendemain de pourparlers à Riyad": a complement that follows, with
    no verb or comma between, an event noun a word of time brings (mentions.yaml
    event_times, other_events) is that other event's, however the parser hangs it."""
    words = mention_words(doc.lang_)
    events = words["other_events"]
    if not events:
        return False
    start = doc[mention.tok_start].sent.start
    for i in range(mention.tok_start - 1, max(start, mention.tok_start - reach) - 1, -1):
        token = doc[i]
        if i == trigger.i or token.pos_ in ("VERB", "AUX") or token.is_punct:
            return False
        if token.lower_ in events:
            times = words["event_times"]
            return any(doc[j].lower_ in times for j in range(max(start, i - 4), i)) and not (
                i - 4 <= trigger.i < i)
    return False


def _drop_home_seats(roles, fillers, seats) -> None:
    """"le Premier ministre X a été reçu par le président Y": a host's seat is a place only
    for a guest known to come from another state (a compatriot, or one of no known state,
    travels nowhere)."""
    for (role, seat), host in seats.items():
        guests = [m for other, found in fillers.items() if other != role for m in found]
        if not any(m.state is not None and m.state.id != host for m in guests) and role in roles:
            roles[role] = [r for r in roles[role] if r.id != seat]
            if not roles[role]:
                del roles[role]


def _seat_of(state):
    """A state's mention read as its capital, where its leader receives guests (the state
    itself when the gazetteer holds no capital for it)."""
    from dataclasses import replace

    from ..gazetteer import load_gazetteer

    capital = load_gazetteer().capital(state.ref.qid)
    return state if capital is None else replace(state, ref=capital.ref, kind="capital", state=state.ref)


def _authors_own_noun(doc, mention, trigger) -> bool:
    """"les chars fournis par l'Allemagne sont arrivés": the participle's agent qualifies
    the trigger's own subject or object, however far the parse hangs it from the verb."""
    root = doc[mention.tok_start:mention.tok_end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "par X et Y"
    noun = root.head.head  # the agent's participle, then the noun it qualifies
    return noun.head.i == trigger.i and (noun.dep_.startswith("nsubj") or noun.dep_ == "obj")


def _in_clause(doc, mention, trigger, markers, said_by=frozenset(), items=frozenset(),
               marker_words=frozenset()) -> bool:
    """A complement ("à Séoul") belongs to the trigger only if the parse puts it
    under the trigger (or under the verb of a noun trigger): "a estimé lundi, lors
    d'un point presse à Séoul" places the statement, not the delivery."""
    if not doc.has_annotation("DEP") or markers & {"subject", "demonym", "owner", RELATIVE_PLACE}:
        return True
    if AUTHOR in markers and _authors_own_noun(doc, mention, trigger):
        return True
    if _after_other_event(doc, mention, trigger):
        return False
    if "object" in markers:
        # "a condamné les frappes, tandis que le Premier ministre japonais...": not its object,
        # nor in "signed a pact, as both seek to counter China's assertiveness"
        return not contrast_between(doc, trigger.i, mention.tok_start) and not _in_subordinate(
            doc[mention.tok_start:mention.tok_end].root, trigger)
    anchor = doc[mention.tok_start:mention.tok_end].root
    if mention.demonym and anchor.dep_ == "amod" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head  # "visant la flotte russe": a demonym's phrase is its noun's
    facets = mention_words(doc.lang_)["facet_nouns"]
    while anchor.head.lower_ in facets and anchor.head.i != anchor.i and anchor.head.i != trigger.i:
        anchor = anchor.head  # "à la souveraineté de l'Ukraine": where the aspect's noun hangs
    # a noun trigger's complements may hang off the verb that takes it as object
    # ("a nié toute livraison d'armes à la Russie"), not off a verb it is the
    # subject or an adverbial of ("... à la France, après une visite")
    # "X is in Canberra for a four-day visit": a copula's complements are its noun's too
    # "sanctions have been imposed on X": a passive's subject too
    takes_verb = trigger.pos_ in ("NOUN", "PROPN") and (trigger.dep_ in ("obj", "iobj", "obl:arg", "xcomp", "nsubj:pass") or (
        trigger.dep_ == "obl" and trigger.head.pos_ == "AUX"))
    governors = {trigger.i} | ({trigger.head.i} if takes_verb else set()) | set(said_by)
    noun = trigger
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        # "security cooperation between X and Y", "a security assistance package for X":
        # the phrase's head noun, however many nouns stand before it
        noun = noun.head
        governors.add(noun.i)
    if noun.i != trigger.i and (noun.dep_ in ("obj", "iobj", "obl:arg", "nsubj:pass")
                                or (noun.dep_ == "obl" and noun.head.pos_ == "AUX")):
        # "imposed visa bans on X": the phrase's verb, as for a one-word noun ("is in X for a state visit")
        governors.add(noun.head.i)
    count = trigger.head
    if (trigger.pos_ in ("NOUN", "PROPN") and count.i < trigger.i and count.lower_ in mention_words(doc.lang_)["count_nouns"]):
        # "des centaines de soldats tchadiens au Niger": the count's complements are its
        # noun's, and the verb's that takes the count ("avançait le chiffre de ... dans")
        governors.add(count.i)
        if count.dep_ in ("obj", "obl:arg") and count.head.pos_ == "VERB":
            governors.add(count.head.i)
    if (trigger.pos_ == "VERB" and trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN")
            and mention.tok_start < trigger.i
            and not any(c.dep_.startswith("nsubj") or c.dep_ in ("mark", "cc") for c in trigger.children)):
        # "le traité entre la France et le Sénégal, signé à Dakar": the participle's noun
        # brings the complements it has before the participle (not "..., puis ratifié",
        # which continues an earlier verb)
        governors.add(trigger.head.i)
    if (trigger.pos_ == "VERB" and trigger.dep_ == "advcl" and trigger.head.i < trigger.i
            and "Part" in trigger.morph.get("VerbForm") and "Pres" in trigger.morph.get("Tense")
            and not any(c.dep_.startswith("nsubj") or c.dep_ == "mark" for c in trigger.children)):
        # "Sweden joined the battlegroup in Finland, sending 600 soldiers": a participle
        # that goes on with the main verb's act shares its places
        governors.add(trigger.head.i)
    if trigger.head.lower_ in mention_words(doc.lang_)["during"]:
        # "signé à Pyongyang lors d'une visite": what happens during the visit happens there
        governors.add(trigger.head.head.i)
    if trigger.i > 0 and doc[trigger.i - 1].lower_ in mention_words(doc.lang_)["comitative"]:
        # "talks were held in Hanoi with visiting minister X": the visit is where the talks are
        governors.add(trigger.head.i)
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "à Djibouti, au Gabon et en Côte d'Ivoire": as the first one
    if anchor.head.i != trigger.i and anchor.head.lower_ in mention_words(doc.lang_)["border_nouns"]:
        return False  # "massed troops along its border with X": X is across the border
    anchor = _above_locution(doc, mention, anchor, markers)
    if takes_verb and anchor.head.i == trigger.head.i and _fronted(doc, mention, trigger.head):
        return False  # "À Bruxelles, nous avons adopté des sanctions contre...": a setting, no target
    if trigger.pos_ in ("NOUN", "PROPN"):
        # a noun's complement hangs close to it: "la ratification de la Russie", "la
        # visite de Poutine à Pyongyang", not "la ratification du traité signé lors
        # de la visite de Poutine"
        through_noun = anchor.head.pos_ in ("NOUN", "PROPN") and (anchor.head.head.i in governors
                                                                 or _through_items(anchor, trigger, governors, items))
        # "le déploiement de militaires nord-coréens en Russie": the parser may hang the
        # place off the demonym that qualifies the noun
        head = anchor.head
        through_demonym = (head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN")
                           and head.head.head.i in governors)
        # "des mesures restrictives visant des banques russes": the marker is a participle
        # the parser makes the noun's clause, its object the noun's complement
        through_marker = anchor.head.lower_ in markers and anchor.head.head.i in governors
        return (anchor.i in governors or anchor.head.i in governors or through_noun or through_demonym
                or through_marker or _through_of_chain(anchor, governors))
    if _in_subordinate(anchor, trigger):
        # "stationed troops in X, while the UK leads a battlegroup in Y": Y is the other clause's;
        # "arrived in Tallinn, as the two seek to deepen cooperation in the Gulf of Finland"
        return False
    words = mention_words(doc.lang_)
    # "for an economic forum in Vladivostok": a place stays where the act happens
    own = words["own_complements"] if not markers & words["locative_prepositions"] else frozenset()
    for token in [anchor, *anchor.ancestors]:
        if token.i in governors:
            return True
        if token.pos_ == "VERB" and token.dep_ == "conj" and token.head.i in governors and token.i > trigger.i:
            return False  # "deployed 2,000 troops to X and sent 500 to Y": Y is the second verb's
        if _other_event(token):
            return False
        if (token.i != anchor.i and token.dep_ == "appos" and token.head.pos_ in ("PROPN", "NOUN")
                and token.left_edge.i > 0 and doc[token.left_edge.i - 1].is_punct):
            # "to Poland, a gateway to Ukraine": what an apposition set off by a comma says
            # of a name is no complement of the verb
            return False
        if token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense"):
            return False  # "..., emboîtant le pas à Moscou": a clause of its own
        if token.i != trigger.i and _reason_clause(token, words["own_complements"]):
            return False  # "thanked X for its efforts to facilitate the export of Ukrainian grain"
        if token.i != anchor.i and _reason_of_transitive(token, trigger, own, marker_words):
            return False  # "thanked India for its support for Ukraine's sovereignty": the reason's own
        if token.i != anchor.i and _foreign_complement(token, marker_words, own):
            return False
        if (token.dep_ in ("acl", "acl:relcl") and anchor.dep_ == "obl:agent" and anchor.head.i == token.i
                and token.head.dep_ not in ("obj", "obl:arg")):
            # "in a ceremony witnessed by X": the agent of another participle (not of one
            # qualifying the trigger's object: "a dénoncé les sanctions adoptées par l'UE")
            return False
    return False


def _reason_of_transitive(token, trigger, own, marker_words) -> bool:
    """A noun an ``own_complements`` word brings to a verb trigger that has its object
    ("thanked India for its support"): the reason, whose complements are its own (not a
    word of a role's locution: "adopted a measure in support of the forces of X")."""
    if any(token.lower_ in marker.split() for marker in marker_words if " " in marker):
        return False
    return (token.head.i == trigger.i and trigger.pos_ == "VERB" and token.dep_.startswith("obl")
            and any(c.dep_ == "case" and c.lower_ in own for c in token.children)
            and any(c.dep_ == "obj" for c in trigger.children))


def _reason_clause(token, own) -> bool:
    """An infinitive that completes a noun an ``own_complements`` word brings ("for its
    efforts to facilitate ..."): what it names is the reason's, not the trigger's."""
    noun = token.head
    return (token.pos_ == "VERB" and token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm")
            and noun.pos_ == "NOUN" and any(c.dep_ == "case" and c.lower_ in own for c in noun.children))


def _other_event(token) -> bool:
    """"met X in Kyiv, days after U.S. and Russian officials held talks in Riyadh", "met
    Y, who hosted Z in Sochi in 2023": a clause a conjunction subordinates, or a relative
    clause on a person, with a subject of its own, tells another event; its complements
    are not the trigger's ("6 000 soldats, dont 2 000 se trouvent à Idleb" keeps its place)."""
    subordinate = token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children)
    noun = token.head  # "le Premier ministre hongrois X, qui...": the title's apposed name
    people = _person_labels(token.doc.lang_)
    on_person = token.dep_ == "acl:relcl" and (noun.ent_type_ in people or any(
        c.dep_ == "appos" and c.ent_type_ in people for c in noun.children))
    return (subordinate or on_person) and any(c.dep_ in ("nsubj", "nsubj:pass") for c in token.children)


def _in_subordinate(anchor, trigger) -> bool:
    """Does the mention stand in an adverbial clause a conjunction opens ("as both
    countries seek to counter X"), one that does not hold the trigger? Or in a completive
    one, when the trigger verb has an object of its own ("a salué l'engagement des alliés,
    estimant que la Russie...": not so "a exprimé sa colère, estimant que le pouvoir
    russe...", where what the anger is about is that clause)?"""
    clauses = ("advcl", "ccomp") if any(c.dep_ == "obj" for c in trigger.children) else ("advcl",)
    return any(head.dep_ in clauses and any(c.dep_ == "mark" for c in head.children)
               for head in heads_apart(anchor, trigger))


def _foreign_complement(noun, marker_words, own) -> bool:
    """"sanctioned four officials for their role in the war against Ukraine": a noun
    the clause brings by a word of ``own_complements`` (mentions.yaml: "for", "in")
    that no role of the frame takes has complements of its own, not the trigger's."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    case = [c.lower_ for c in noun.children if c.dep_ == "case"]
    if not any(word in own for word in case) or any(word in marker_words for word in case):
        return False
    # "in support of the armed forces of X": the noun is a word of a role's locution
    return not any(noun.lower_ in marker.split() for marker in marker_words if " " in marker)


def _through_of_chain(anchor, governors, reach: int = 3) -> bool:
    """"the deployment of a THAAD battery and associated crew of U.S. military personnel
    to Israel": the parser hangs the place on the last noun of a chain the language's
    link word ("of") makes from the trigger; up that chain, it is the trigger's."""
    links = mention_words(anchor.doc.lang_)["place_links"]
    head = anchor.head
    for _ in range(reach):
        if not (head.pos_ == "NOUN" and head.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in links
                                                                     for c in head.children)):
            return False
        head = head.head
        if head.i in governors:
            return True
    return False


def _above_locution(doc, mention, anchor, markers):
    """"à l'encontre de cinq responsables iraniens", "aux côtés des forces russes": the
    parser hangs the phrase under the locution's own noun ("encontre", "côtés"); the
    phrase stands where the locution does."""
    length = max((len(phrase_words(doc.lang_, m)) for m in markers if " " in m), default=0)
    if not length:
        return anchor
    start = phrase_start(doc, mention) - length
    while start <= anchor.head.i < mention.tok_end and anchor.head.i != anchor.i:
        anchor = anchor.head
    return anchor


def _through_items(anchor, trigger, governors, items, reach: int = 3) -> bool:
    """"la livraison de six avions de combat à l'Ukraine": the parser hangs the
    recipient on the last noun of the item the trigger names; up that chain of
    complements, when it starts at an item noun of the frame ("avions"), the
    recipient is the trigger's (not "the escalation of X's involvement in the war
    against Ukraine", whose nouns name no item)."""
    head = anchor.head
    for _ in range(reach):
        if not (head.pos_ == "NOUN" and head.dep_ == "nmod" and trigger.i < head.i < anchor.i):
            return False
        if head.head.i in governors:
            return head.lower_ in items or head.lemma_.lower() in items
        head = head.head
    return False


def _fronted(doc, mention, verb) -> bool:
    """Does the mention open the clause, before the verb's subject ("À Bruxelles, nous...")?"""
    subject = subject_tokens_of(verb)
    return mention.tok_start < (min(subject) if subject else verb.i)


@lru_cache(maxsize=None)
def _alone_words(markers: tuple[str, ...]) -> frozenset[str]:
    """The words of a rule's markers ending in "@alone"."""
    return frozenset(m.partition("@")[0] for m in markers if m.endswith("@alone"))


def _drop_fallbacks(roles, fillers, fallback) -> None:
    """"reçu à Varsovie par le président polonais": an entity a marker that holds alone
    ("par@alone") brought in yields to any other of the role."""
    for role, refs in roles.items():
        kept = [r for r in refs if (role, r.id) not in fallback]
        if kept and len(kept) < len(refs):
            roles[role] = kept
            fillers[role] = [m for m in fillers.get(role, []) if (role, m.ref.id) not in fallback
                             and (role, (m.as_state() if m.state else m).ref.id) not in fallback]


def _accepted(markers, noun_trigger: bool, on_trigger) -> set[str]:
    """A rule's markers for this trigger: "de@noun" holds only after a noun
    ("le soutien de Pyongyang"), not after a verb ("a salué l'héroïsme des soldats");
    "contre@trigger" only where the phrase hangs on the trigger itself ("a protesté
    contre X"), not on a noun it governs ("a condamné les frappes contre X": X suffers
    the act judged); "par@alone" always, but what it brings yields to the role's other
    entities (_drop_fallbacks). ``on_trigger`` tells, asked only for such a marker."""
    accepted = set()
    for marker in markers:
        word, _, only = marker.partition("@")
        if only == "trigger":
            if on_trigger():
                accepted.add(word)
        elif not only or only == "alone" or (only == "noun") == noun_trigger:
            accepted.add(word)
    return accepted


def _speaks_for_another(mention, actors: set) -> bool:
    """Is a source known to speak for no one of the acting subject? A state or a body is;
    a person only when the state he serves is known and is another (an unnamed
    government's minister is, most often, the acting state's own)."""
    if mention.cls != "Person":
        return True
    return mention.state is not None and mention.state.id not in actors


def _named_subject(trigger) -> frozenset[int]:
    """The tokens of the nominal subject the trigger's clause names ("Pyongyang soutient",
    "Pyongyang a apporté son soutien": the noun's verb), empty when it names none (a
    pronoun, a quotation, an infinitive)."""
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "obj" else trigger
    if verb.pos_ != "VERB":  # "la décision de X était inacceptable": an adjective's subject is what it judges
        return frozenset()
    return frozenset(t.i for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in ("PROPN", "NOUN")
                     for t in c.subtree)


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
        # "X travelled to Y and announced" does not
        return verb_index < trigger.i or mention.tok_start > verb_index or mention.tok_start > trigger.i
    verb = doc[verb_index]
    if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
        return False
    if _in_own_clause(trigger, mention, verb):
        return False  # "Italy, which had kept 400 soldiers in Lebanon, said": its own act, in its relative clause
    if announces_act(verb, trigger):
        # "le Royaume-Uni a annoncé des sanctions", "announced £2.5 billion in military aid":
        # its own act, not a report
        return False
    if coordinated_with_own_subject(trigger, verb):
        return False  # "X said ..., but Y criticised Z": Y's own act, X reports nothing of it
    if speakers_setting(trigger, verb):
        return False  # "Visiting Tokyo, X said...": X's own visit, which X's speech does not report
    if (trigger.dep_ == "xcomp" and trigger.head.i == verb.i and mention.tok_start < verb.i
            and not any(c.dep_.startswith("nsubj") for c in trigger.children)):
        return False  # "X a annoncé avoir livré", "a dit avoir envoyé": X tells of its own act
    incise = verb.dep_ in ("parataxis", "dep") or mention.tok_start > verb.i or _after_quotation(doc, trigger, verb)
    return incise or trigger.i == verb.i or any(t.i == verb.i for t in trigger.ancestors)



def _after_quotation(doc, trigger, verb) -> bool:
    """"« Nous apportons notre soutien à X », a-t-il ajouté": the speech verb comes after
    the quotation that holds the trigger, whatever the order of its subject."""
    from ..profiles import profile

    closing = profile(doc.lang_).text.closing_quotes
    return verb.i > trigger.i and any(t.text in closing for t in doc[trigger.i + 1:verb.i])


def _in_own_clause(trigger, mention, verb) -> bool:
    """Does the trigger hang off the mention itself (its relative clause), not off the
    speech verb in it ("Séoul, qui accusent Pyongyang d'avoir envoyé", a report)?"""
    for token in trigger.ancestors:
        if token.i == verb.i:
            return False
        if mention.tok_start <= token.i < mention.tok_end:
            return True
    return False


def _object_of(verb, trigger) -> bool:
    """Does the trigger stand in the verb's object (itself, or a noun under it)?"""
    for token in [trigger, *trigger.ancestors]:
        if token.head.i == verb.i and token.i != verb.i:
            if token.i != trigger.i and trigger.pos_ != "VERB" and _day_word(token):
                return True  # "a annoncé mercredi des sanctions": the parser hangs the object on the day
            return token.dep_ in ("obj", "obl:arg") and (token.i == trigger.i or trigger.pos_ != "VERB")
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _day_word(token) -> bool:
    """A weekday or a month name (the date lexicon's), which may stand between a verb and its object."""
    return token.lower_ in _day_words(token.doc.lang_)


@lru_cache(maxsize=None)
def _day_words(lang: str) -> frozenset[str]:
    from ..lexicons import load_lexicon

    dates = load_lexicon(lang, "dates")
    return frozenset(w.lower() for key in ("weekdays", "months") for w in dates.get(key) or ())


def complete(roles, frame: Frame) -> bool:
    """Are the claim type's required roles filled (SCHEMA.md's bold roles)?"""
    declared = claim_type(frame.type)
    signatories = declared.treaty and declared.treaty.signatories
    if any(rule.from_signatories for rule in frame.roles) and signatories and roles.get(signatories):
        return True  # parties are completed from the signatories' positions later
    return declared.has_required_roles(roles)


def drop_self_links(roles: dict, frame: Frame) -> dict:
    """An entity never fills two opposite roles of one claim (a state aiding itself):
    it keeps the first in the declaration's order (the agent before the others)."""
    order = claim_type(frame.type).role_names
    seen = set()
    for role in sorted(roles, key=order.index):
        kept = [r for r in roles[role] if r.id not in seen]
        seen.update(r.id for r in kept)
        roles[role] = kept
    return {r: v for r, v in roles.items() if v}


def complete_pair(roles, ctx: SentenceContext, role: str) -> None:
    """"Les deux pays renforcent leur coopération": parties (``role``) are the article's main pair."""
    from .article_pair import mentions_pair
    from .treaties import has_treaty_noun

    parties = roles.get(role)
    if parties is not None and len(parties) >= 2:
        return
    if parties and len(parties) == 1 and _named_with(ctx, parties[0]):
        opener = _sentence_subject(ctx)
        if opener is not None and opener.ref.id != parties[0].id:
            # "The UK has sanctioned five officials, in coordinated action with the United
            # States": the partner acts with the one the sentence opens with
            roles[role] = [opener.ref, parties[0]]
            return
        if opener is None and ctx.home is not None and ctx.home.id != parties[0].id:
            # "Actions taken in conjunction with EU sanctions", on a government's own page:
            # that government acts with the partner
            roles[role] = [ctx.home, parties[0]]
            return
    one_of_pair = (parties and len(parties) == 1 and parties[0].id in {p.id for p in ctx.pair}
                   and _named_with(ctx, parties[0]))
    # "le traité conclu avec la Russie": the other one is the article's other state
    # "Un accord de défense a été signé à l'occasion de la visite": a sentence that names
    # nobody speaks of the pair the article is about
    unnamed = not parties and not ctx.mentions
    if len(ctx.pair) == 2 and (one_of_pair or unnamed or mentions_pair(ctx.sentence, ctx.lang)):
        known = {p.id for p in parties or []}
        roles[role] = list(parties or []) + [p for p in ctx.pair if p.id not in known]
    elif not parties and has_treaty_noun(ctx.sentence, ctx.lang) and signing() is not None:
        # "Le traité prévoit une coopération militaire": between the treaty's parties
        signed_by = signing().treaty.parties
        signed = [c for c in ctx.previous.get(signing().name, []) if len(c.roles.get(signed_by, [])) >= 2]
        if signed:
            roles[role] = list(signed[-1].roles[signed_by])


def _sentence_subject(ctx: SentenceContext):
    """The state or organisation a sentence opens with ("The UK has..."), if any."""
    from .markers import phrase_start

    doc = ctx.sentence.doc
    first = min(ctx.mentions, key=lambda m: m.tok_start, default=None)
    # a paragraph's first sentence may start with the line breaks before it
    opening = next((t.i for t in ctx.sentence if not t.is_space), ctx.sentence.start)
    # "Le chef de l'État russe a atterri...": a state inside the subject that opens it
    subject = subject_tokens_of(ctx.sentence.root) if doc.has_annotation("DEP") else set()
    if first is None or (phrase_start(doc, first) != opening and not {opening, first.tok_start} <= subject):
        return None
    first = first.as_state() if first.state and first.cls not in ("Country", "Organization") else first
    return first if first.cls in ("Country", "Organization") else None


def announces_act(verb, trigger) -> bool:
    """Is the verb one by which one makes one's own act known, with the trigger in its
    object ("announced a $500 million package")? The announcement is then the act itself."""
    return _object_of(verb, trigger) and _announces(verb, verb.doc.lang_)


def _announces(verb, lang: str) -> bool:
    """A verb by which one makes one's own act known ("annoncer", "announce")."""
    from .frames import attribution_lexicon

    return verb.lemma_.lower() in attribution_lexicon(lang).own_acts or verb.lower_ in attribution_lexicon(lang).own_acts


def _named_with(ctx: SentenceContext, ref) -> bool:
    """Is the state introduced by "avec" ("conclu avec la Russie"), the other party implied?"""
    from .markers import phrase_start

    doc = ctx.sentence.doc
    for mention in ctx.mentions:
        if mention.ref.id == ref.id or (mention.state is not None and mention.state.id == ref.id):
            start = phrase_start(doc, mention)
            if start > 0 and doc[start - 1].lower_ in mention_words(doc.lang_)["comitative"]:
                return True
    return False


def pair_acts(roles, frame: Frame, ctx: SentenceContext, trigger) -> None:
    """"Les deux puissances se déclarent opposées à...", "ratifié par les deux pays":
    the agent is the article's pair, named before the trigger or by an agent's marker."""
    agent = frame.agent
    if agent is None or len(ctx.pair) != 2 or "Country" not in agent.classes:
        return
    speech = claim_type(frame.type).speech_about is not None
    voiced = roles.get(agent.role, [])
    home_only = voiced and ctx.home is not None and {r.id for r in voiced} == {ctx.home.id} and ctx.home.id in {
        p.id for p in ctx.pair}
    if speech and (home_only or not voiced) and _pair_says(ctx):
        # '« Nous condamnons... », ont déclaré les deux présidents': the quoted "nous" is the
        # pair's (on a state's own site, not only the publisher's)
        roles[agent.role] = list(ctx.pair)
        return
    if roles.get(agent.role):
        return
    if trigger.pos_ in ("NOUN", "PROPN") and not speech:
        return  # the pair exchanging ratification papers is no act of theirs (tests/rules)
    doc = ctx.sentence.doc
    before = doc[ctx.sentence.start:trigger.i]
    by_marker = any(doc[start - 1].lower_ in agent.markers
                    for start, _end, _p in find_phrases(doc, ctx.lang, claim_lexicon(ctx.lang).pair_anaphora,
                                                        trigger.i, ctx.sentence.end) if start > 0)
    named = {r.id for refs in roles.values() for r in refs}
    if any(p.id in named for p in ctx.pair):
        return  # "the two leaders condemned Russia's strikes", Russia one of the pair: another two
    # "Ils" for a pair the sentence names (as whom they speak of) is not that pair
    mentioned = {m.ref.id for m in ctx.mentions} | {m.state.id for m in ctx.mentions if m.state is not None}
    plural = speech and not mentioned & {p.id for p in ctx.pair} and _plural_subject(trigger, ctx.lang)
    if _pair_itself_before(before, ctx.lang) or by_marker or plural:
        roles[agent.role] = list(ctx.pair)


def _pair_itself_before(span, lang: str) -> bool:
    """Does "the two countries" stand in the span as the two themselves, not as whose
    others are ("les alliés des deux pays", "the neighbours of both countries": others
    than the pair act; "les dirigeants des deux pays" are the pair's own,
    mentions.yaml representatives)?"""
    doc = span.doc
    own = mention_words(lang)["representatives"]
    for start, end, _phrase in find_phrases(doc, lang, claim_lexicon(lang).pair_anaphora, span.start, span.end):
        root = doc[start:end].root
        if not (doc.has_annotation("DEP") and root.dep_ == "nmod" and root.head.pos_ == "NOUN"
                and root.head.lower_ not in own):
            return True
    return False


def _plural_subject(trigger, lang: str) -> bool:
    """"Les deux pays ... Ils ont condamné": a plural subject pronoun no people stand for
    (kg.extract.coreference) speaks for the pair."""
    pronouns = mention_words(lang)["plural_person_pronouns"]
    doc = trigger.doc
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return any(doc[i].lower_ in pronouns for i in subject_tokens_of(verb))


def _pair_says(ctx: SentenceContext) -> bool:
    """Is "the two countries" ("les deux présidents") the subject of a speech verb of the
    sentence (or its object, in an incise: "», ont déclaré les deux présidents")?"""
    from .frames import attribution_lexicon

    doc = ctx.sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    speech = {v for verbs in attribution_lexicon(ctx.lang).verbs.values() for v in verbs}
    for start, end, _phrase in find_phrases(doc, ctx.lang, claim_lexicon(ctx.lang).pair_anaphora,
                                            ctx.sentence.start, ctx.sentence.end):
        head = doc[start:end].root
        if head.dep_ in ("nsubj", "obj") and head.head.lemma_.lower() in speech:
            return True
    return False


def _pair_is_object(ctx: SentenceContext, trigger) -> bool:
    """Is "the two countries" ("both countries") the trigger verb's object?"""
    if not ctx.pair or trigger.pos_ not in ("VERB", "AUX"):
        return False
    doc = ctx.sentence.doc
    for start, end, _phrase in find_phrases(doc, ctx.lang, claim_lexicon(ctx.lang).pair_anaphora,
                                            trigger.i + 1, ctx.sentence.end):
        head = doc[start:end].root
        if head.dep_ == "obj" and head.head.i == trigger.i:
            return True
    return False


def target_from_topic(roles, frame: Frame, ctx: SentenceContext, trigger) -> None:
    """"Ils ont condamné ce déploiement": the target (the role the speech is about) is
    who deployed (the agent of the claim reported before), as the article said before."""
    declared = claim_type(frame.type)
    about, speaker = declared.speech_about, declared.agent
    if roles.get(about) or not roles.get(speaker):
        return
    doc = ctx.sentence.doc
    if _pair_is_object(ctx, trigger) and not {r.id for r in roles[speaker]} & {p.id for p in ctx.pair}:
        # "The Kremlin accused both countries of ...": the article's pair is spoken of
        roles[about] = list(ctx.pair)
        return
    following = {t.lower_ for t in doc[trigger.i + 1:min(trigger.i + 5, ctx.sentence.end)] if _anaphoric(t)}
    # "a dénoncé à plusieurs reprises ces mesures": the verb's object, however far
    following |= {t.lower_ for c in trigger.children if c.dep_ == "obj" and c.i > trigger.i
                  for t in c.subtree if t.i < ctx.sentence.end and _anaphoric(t)}
    lexicon = claim_lexicon(ctx.lang)
    candidates = [(frame.topic & following, (ctx.previous.get(frame.type) or [None])[-1]) for frame in lexicon.frames]
    # "Lavrov condemned the move": the act the article reported last
    reported = [c for claims in ctx.previous.values() for c in claims
                if claim_type(c.type).speech_about is None and not claim_type(c.type).membership and c.evidence]
    if reported:
        # "Moscou a dénoncé des mesures « illégales »": an act noun that is the verb's
        # own object points back even when indefinite, unless it names its author
        acts = following | {c.lower_ for c in trigger.children
                            if c.dep_ == "obj" and c.i > trigger.i and not _has_complement(c)}
        if trigger.dep_ == "acl:relcl" and trigger.head.i < trigger.i:
            acts.add(trigger.head.lower_)  # "..., a move Russia called a provocation": the clause's antecedent
        candidates.append((lexicon.act_nouns & acts, max(reported, key=lambda c: c.evidence[0].start)))
    for found, earlier in candidates:
        if earlier is not None and found:
            agent = earlier.roles.get(claim_type(earlier.type).agent, [])
            speakers = {r.id for r in roles[speaker]}
            # the states the speakers lead are no more spoken of than the speakers themselves
            speakers |= {m.state.id for m in ctx.mentions if m.ref.id in speakers and m.state is not None}
            roles[about] = [r for r in agent if r.id not in speakers]
            return


def _has_complement(noun) -> bool:
    """"une décision de la Cour": a noun whose own complement says whose act it is."""
    return any(c.dep_ in ("nmod", "acl", "acl:relcl", "nmod:poss", "poss") for c in noun.children)


def _anaphoric(word) -> bool:
    """"condemned the deployment", "ce déploiement": a word of a phrase that points back
    at an act already told (definite, demonstrative or possessive); not "opposes arms
    sales to Taiwan" nor "a deployment", which name a new one. Unparsed text keeps every word."""
    if not word.doc.has_annotation("DEP"):
        return True
    head = word
    while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
        head = head.head
    # "backed the government's decision": a noun that owns the act names whose act it is
    # (one the article need not have told), where "its decision" points back
    if any(c.dep_ in ("nmod:poss", "poss") and c.pos_ in ("NOUN", "PROPN") for c in head.children):
        return False
    return any(c.dep_ in ("nmod:poss", "poss") or (c.dep_ == "det" and ("Def" in c.morph.get("Definite")
                                                                     or "Dem" in c.morph.get("PronType")))
               for c in head.children)


def inherit(roles, frame: Frame, ctx: SentenceContext):
    """"Seoul puts the contingent at 10,000 to 12,000": a new count of the same
    deployment, whose sender and place the article gave before; of several, the
    one whose count is closest ("10 000 en Russie, dont 8 000 à Koursk"). Returns
    the claim it took roles from, if any."""
    earlier = ctx.previous.get(frame.type, [])
    if not frame.inherit or not earlier:
        return None
    counts = [q.quantity for q in ctx.quantities if q.quantity.unit in frame.needs_unit]
    if frame.needs_unit and not counts:
        return _retold(roles, frame, ctx, earlier)
    # "..., où sont stationnés 1 000 militaires canadiens": a count of another sender's
    # troops is no new count of an earlier deployment, whose place is its own (a recipient
    # of aid is often the whole article's: "Germany pledged €1bn" after others' aid to X)
    agent = claim_type(frame.type).agent
    places = any("Place" in rule.classes for rule in frame.roles if rule.role in frame.inherit and not roles.get(rule.role))
    if places and agent in frame.inherit and roles.get(agent):
        acting = {r.id for r in roles[agent]}
        earlier = [c for c in earlier if acting & {r.id for r in c.roles.get(agent, [])}]
        if not earlier:
            return None
    source = earlier[-1]
    size = _size(counts[0]) if counts else None
    sized = [c for c in earlier if c.quantity is not None and _size(c.quantity)]
    if size and sized:
        source = min(sized, key=lambda c: abs(math.log(_size(c.quantity) / size)))
        source = _whole_of(counts[0], sized, frame) or source
    taken = False
    for role in frame.inherit:
        if not roles.get(role) and source.roles.get(role):
            roles[role] = list(source.roles[role])
            taken = True
    return source if taken else None


def _retold(roles, frame: Frame, ctx: SentenceContext, earlier):
    """"We are repositioning our personnel to Airport 9," the spokeswoman said: with
    no count and no date, a sentence that names the place of an earlier claim and
    not who acts tells that claim again (its source then speaks of it too)."""
    agent = claim_type(frame.type).agent
    if ctx.dates or agent not in frame.inherit or roles.get(agent):
        return None
    present = {role: {r.id for r in roles[role]} for role in frame.inherit if roles.get(role)}
    same = [c for c in earlier if c.roles.get(agent) and present
            and all(ids & {r.id for r in c.roles.get(role, [])} for role, ids in present.items())]
    if not same:
        return None
    source = same[-1]
    agents = {r.id for r in source.roles[agent]}
    told = [c for c in same if {r.id for r in c.roles[agent]} == agents]
    for role in present:  # only the places told before: "from Niamey to Airport 9" tells of Airport 9
        roles[role] = [r for r in roles[role] if any(r.id in {s.id for s in c.roles.get(role, [])} for c in told)]
    roles[agent] = list(source.roles[agent])
    return source


def _whole_of(count, sized, frame: Frame):
    """"un contingent compris entre 10 000 et 12 000 hommes", after 11 000 at Kursk and
    10 000 in Russia: a range that holds several earlier counts estimates the whole
    deployment, the one in a state rather than at a place in it."""
    if count.low is None or count.high is None or not frame.split:
        return None
    within = [c for c in sized if count.low <= _size(c.quantity) <= count.high]
    whole = [c for c in within if c.roles.get(frame.split)
             and all(r.cls == "Country" for r in c.roles[frame.split])]
    return whole[-1] if len(within) > 1 and whole else None


def _size(quantity) -> float | None:
    values = [v for v in (quantity.value, quantity.low, quantity.high) if v]
    return sum(values) / len(values) if values else None