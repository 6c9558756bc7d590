"""Positions held, from titles next to a person's name.

"le président russe Vladimir Poutine", "La ministre nord-coréenne des
Affaires étrangères, Choe Son Hui", "Sergueï Lavrov, ministre russe": the
title comes from the language's ``positions.titles`` list, the person is the
name right after (or right before) it, and the organisation is the state or
body named inside the title phrase.
"""
from __future__ import annotations

from ..claim_types import claim_type, membership_type
from ..model import Claim
from ..profiles import profile
from ..trace import note_claim_roles, note_trigger, role_note
from .frames import claim_lexicon
from .markers import in_quotation, speech_verbs
from .mention_words import contractions, mention_words
from .mentions import is_locative
from .phrases import find_phrases

__all__ = ["position_claims"]

_RULE = "position.title"
#: punctuation inside the words of a title's complement, no break in it ("Workers' Party",
#: "the far-right National Rally")
_WORD_MARKS = frozenset(("'", "-"))
_MAX_GAP = 6


def position_claims(ctx) -> list[tuple[Claim, object]]:
    """position_held claims (the declaration's membership type) of one sentence,
    with the token of each title."""
    declared = membership_type()
    if declared is None:
        return []
    member, organisation_role = declared.membership
    lexicon = claim_lexicon(ctx.lang)
    sentence = ctx.sentence
    doc = sentence.doc
    people = [m for m in ctx.mentions if m.cls == "Person" and not m.is_reference]
    # an unnamed office holder ("le président de la République") is no organisation named
    organisations = [m for m in ctx.mentions if m.cls in ("Country", "Organization") and not m.acts_for_state]
    results = []
    seen = set()
    found = list(find_phrases(doc, ctx.lang, lexicon.titles, sentence.start, sentence.end))
    starts = [i for i, _end, _title in found]
    for i, end, title in found:
        # "chief of staff to Prime Minister Y": Y holds the title right before the name
        others = [s for s in starts if s > i]
        person = _person_near(doc, people, i, end, organisations, others)
        if person is None:
            continue
        organisation = _organisation_for(doc, organisations, person, i, end)
        known = None if organisation else _known_state(person.ref)
        organisation_ref = (organisation.ref if organisation else known
                            or _state_of_list(results, i, organisation_role, ctx.lang)
                            or _state_of_clause(doc, organisations, i, ctx.lang)
                            or _home_office(ctx, title) or _last_actor(ctx))
        key = (person.ref.id, organisation_ref.id if organisation_ref else None)
        if organisation_ref is not None and key not in seen:
            seen.add(key)
            claim = Claim(type=declared.name, doc=ctx.doc_id,
                          roles={member: [person.ref], organisation_role: [organisation_ref]},
                          evidence=[ctx.evidence], rule=f"{ctx.lang}.{_RULE}",
                          position=doc[i:end].text)
            _note(claim, doc[i:end], person, organisation, known)
            results.append((claim, doc[i]))
    return results


def _state_of_list(found, title_start: int, organisation_role: str, lang: str):
    """"President X and Vice President Y": a title listed right after another
    person's title is of the same state."""
    if not found:
        return None
    claim, token = found[-1]
    near = title_start - token.i <= profile(lang).windows["title_list"]
    return claim.roles[organisation_role][0] if near else None


def _last_actor(ctx):
    """"The defence secretary, X, said:" with no state in sight: the state that
    acted alone in the latest claim the article reported (a press release speaks for
    the state whose act it announces)."""
    if any(m.cls == "Country" or m.state is not None for m in ctx.mentions if m.cls != "Person"):
        return None  # "Government spokesman X accused the Americans": a state in sight, maybe the other one
    reported = [c for claims in ctx.previous.values() for c in claims
                if c.type != membership_type().name and c.evidence and c.roles]
    for claim in sorted(reported, key=lambda c: c.evidence[0].start, reverse=True):
        agent = claim.roles.get(claim_type(claim.type).agent, [])
        if len(agent) == 1 and agent[0].cls == "Country":
            return agent[0]
    return None


def _home_office(ctx, title: str):
    """"M. X, ministre délégué chargé de la francophonie" on a state's own site: its minister."""
    from .home import home_titles

    return ctx.home if ctx.home is not None and title.lower() in home_titles(ctx.lang, ctx.home) else None


def _note(claim: Claim, title, person, organisation, known) -> None:
    """For ``kg claims --explain``: the title, and how the person and the organisation were found."""
    note_trigger(claim, title)
    claim.trace.roles[("person", person.ref.id)] = role_note(person, step="title")
    if organisation is not None:
        claim.trace.roles[("organization", organisation.ref.id)] = role_note(organisation, step="title")
    note_claim_roles(claim, "leader" if known else "clause")


def _state_of_clause(doc, organisations, title_start: int, lang: str):
    """"Britain was the first to sign, when Prime Minister X...": with no
    state beside the title, the state named last before it in the sentence, outside
    a quotation ("We stand with Ukraine," said the spokeswoman: not Ukraine's). A
    state that is a subject comes first: "Germany will send troops to Lithuania,
    Defence Minister X said" names Germany's minister, not Lithuania's."""
    start = title_start - profile(lang).windows["title_clause"]
    sentence_start = doc[title_start].sent.start
    # "the Russia-led bloc": a state joined by a hyphen to a word qualifies a noun, it acts in no clause
    states = [m for m in organisations if m.cls == "Country" and sentence_start <= m.tok_start
              and m.tok_end <= title_start and not in_quotation(doc, m.tok_start) and not _hyphenated(doc, m)]
    before = [m for m in states if start <= m.tok_end]
    subjects = [m for m in states if doc[m.tok_start:m.tok_end].root.dep_.startswith("nsubj")]
    near = [m for m in subjects if m in before]
    if _after_incise(doc, title_start, lang):
        # "L'Europe doit soutenir l'Ukraine, a estimé la ministre X": words reported with no
        # quotation marks; as quoted ones, only their subject may say whose the office is
        before = near
    # (with none in reach, the subject of the sentence's clause; first when the titled
    # person says the sentence: "Sweden will deploy four jets to Poland next month to
    # help protect NATO's eastern flank, Defence Minister X said" names Sweden's minister,
    # "France withdrew them at the demand of General X, the head of the junta" not France's)
    found = near or ((subjects or before) if _speaks(doc, title_start) else (before or subjects))
    return found[-1].ref if found else None


def _speaks(doc, title_start: int) -> bool:
    """Is the titled person the subject of a speech verb ("..., Defence Minister X said")?"""
    noun = doc[title_start]
    while noun.dep_ in ("compound", "flat", "flat:name", "amod") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_.startswith("nsubj") and noun.head.lemma_.lower() in speech_verbs(doc.lang_)


def _hyphenated(doc, mention) -> bool:
    return mention.tok_end < len(doc) and doc[mention.tok_end].text in ("-", "\u2013")


def _after_incise(doc, title_start: int, lang: str) -> bool:
    """Does the title follow the speech verb of an incise (", a estimé lundi la ministre")?"""
    i = title_start - 1
    while i > doc[title_start].sent.start and title_start - i <= 3 and doc[i].pos_ in ("DET", "ADV", "NOUN", "PROPN"):
        i -= 1  # its determiner, a day ("lundi", "Monday")
    if doc[i].lemma_.lower() not in speech_verbs(lang) or doc[i].pos_ != "VERB":
        return False
    i -= 1
    while i > doc[title_start].sent.start and doc[i].pos_ == "AUX":
        i -= 1
    return doc[i].text == ","


def _known_state(person):
    """The state the gazetteer says a known leader belongs to ("President Vladimir Putin")."""
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    entry = gazetteer.by_qid(person.qid) if person.qid else None
    state = gazetteer.by_qid(entry.part_of) if entry is not None and entry.part_of else None
    return state.ref if state is not None else None


def _person_near(doc, people, start: int, end: int, organisations=(), other_titles=()):
    # "The Prime Minister spoke to Danish Prime Minister X", "le président turc a félicité X":
    # a verb between makes X another person, and so does another title between ("chief of
    # staff to Prime Minister X")
    after = [m for m in people if end <= m.tok_start <= end + _MAX_GAP
             and not any(t.pos_ in ("VERB", "AUX") for t in doc[end:m.tok_start])
             and not any(end <= s < m.tok_start for s in other_titles)]
    if after:
        return after[0]
    # "Kallas, the EU's foreign policy chief"; not "Kallas welcomed the Moldovan Prime
    # Minister", where a verb between them makes the title another's. The name of the
    # title's organisation does not count against the reach.
    named = sum(m.tok_end - m.tok_start for m in organisations if m.tok_end <= start and start - 8 <= m.tok_start)
    before = [m for m in people if start - 3 - named <= m.tok_end <= start
              and not any(t.pos_ in ("VERB", "AUX") for t in doc[m.tok_end:start])]
    if before:
        return before[-1]
    # "la haute représentante de l'Union européenne pour les affaires étrangères et la
    # politique de sécurité, Kaja X": a name set off by a comma after the title's long
    # complement, with no verb nor other break in it
    reach = profile(doc.lang_).windows["title_clause"]
    apposed = [m for m in people if end + _MAX_GAP < m.tok_start <= end + reach and doc[m.tok_start - 1].text == ","
               and not any(t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text not in _WORD_MARKS)
                           for t in doc[end:m.tok_start - 1])]
    return apposed[0] if apposed else None


def _sent_to(doc, mention) -> bool:
    """Is the organisation where an office sends its holder ("ambassador to the UN",
    "ambassadeur à l'ONU"), by a place preposition that is no link word ("Premier ministre
    de l'Inde", "haute représentante de l'UE" name the office's own)?"""
    if not is_locative(doc, mention.tok_start, doc.lang_):
        return False
    i = mention.tok_start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    links = mention_words(doc.lang_)["place_links"]
    word = doc[i].lower_.replace("\u2019", "'")
    return word not in links and contractions(doc.lang_).get(word) not in links


def _organisation_for(doc, organisations, person, start: int, end: int):
    """The state or body named between the title and the person, or after an apposed title."""
    if person.tok_start >= end:
        low, high = start, person.tok_start
    else:
        low, high = end, end + _MAX_GAP
        # "X, Ukraine's defence minister, met his US counterpart": the title's phrase ends
        # at a verb or a comma
        high = next((t.i for t in doc[end:min(high, len(doc))] if t.pos_ in ("VERB", "AUX") or t.text == ","), high)
    # "Britain's ambassador to the UN, X": where the office sends its holder is not its own
    inside = [m for m in organisations if low <= m.tok_start < high and not _sent_to(doc, m)]
    inside.sort(key=lambda m: abs(m.tok_start - end))
    if inside:
        return inside[0]
    if person.tok_start >= end:
        # "Prime Minister X of Denmark": the state after the name, joined by a link word
        links = mention_words(doc.lang_)["place_links"]
        after = next((m for m in organisations if m.tok_start in (person.tok_end + 1, person.tok_end + 2)
                      and person.tok_end < len(doc) and doc[person.tok_end].lower_ in links
                      and all(t.pos_ == "DET" for t in doc[person.tok_end + 1:m.tok_start])), None)
        if after is not None:
            return after
    # English puts the state before the title: "Russian President Vladimir Putin", but
    # not across a comma ("troops to Lithuania, Defence Minister X said")
    before = [m for m in organisations if start - 3 <= m.tok_start and m.tok_end <= start
              and not any(t.is_punct for t in doc[m.tok_end:start])]
    return before[-1] if before else None
