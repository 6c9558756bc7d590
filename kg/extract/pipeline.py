"""From documents to a Corpus: parse, find mentions, extract claims, gather entities.

Per article: parse with spaCy, find and link mentions, then for each sentence
run the claim rules (frames, positions, treaty obligations) and the
attribution cues. Claims are then completed with what the article says
elsewhere (signatories' states, the article's main pair, stances that
speak about earlier reports) and merged when they state the same fact.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..claim_types import claim_type, membership_type
from ..errors import DataError, InputError
from ..model import Claim, Corpus, Document, Entity, EntityRef, Mention as EntityMention
from ..nlp import pipeline
from ..profiles import profile
from ..trace import absorb, note_claim_roles, note_trigger
from .article_pair import acting_state, leading_states, main_pair, pair_point, recent_pair
from .attributions import attach, find_cues, name_the_holder
from .claims import frame_claims
from .context import SentenceContext, doc_text, sentence_text
from .fields import dated_by_report
from .frames import claim_lexicon
from .coreference import resolve_references
from .home import first_person_mentions, home_state, with_home_bodies, with_setting_bodies
from .markers import coordinated_with_own_subject, in_contrasted_clause, relative_elsewhere, speakers_setting
from .mention_words import mention_words
from .mentions import Mention as TokenMention, find_mentions, prepare_matchers
from .positions import position_claims
from .sections import sections
from .visible import body_span, visible
from .treaties import has_treaty_noun, link_treaty, obligation_claims, own_treaties
from .triggers import topics_of

__all__ = ["extract_corpus", "extract_document", "extracted"]

# What an article's text can legitimately make the rules fail with: an
# unreadable article (InputError), a value the code cannot take (ValueError:
# a text too long for spaCy, an impossible date or number, bad Unicode) or
# nesting too deep to follow. A DataError (kg's own lexicons) or a TypeError,
# AttributeError, KeyError... (kg's own code) is no article's fault: it stops
# the build, naming the article it showed on.
ARTICLE_ERRORS = (InputError, ValueError, RecursionError)

# Stances that speak about claims reported elsewhere in the article.
_REACTIONS = ("denies", "no_comment", "confirms")


@dataclass
class _Article:
    """What the rules remember while reading an article, sentence after sentence."""
    document: Document
    doc: object                      # the spaCy Doc
    mentions: list
    pair: list                       # the two states the article names most
    pair_mentions: list
    previous: dict = field(default_factory=dict)       # claim type -> claims so far
    last_source: list = field(default_factory=list)    # who "ce rapport" is
    read_as_state: set = field(default_factory=set)    # capitals read as their state
    reactions: list = field(default_factory=list)      # (denial/silence/confirmation, its topics, where)
    has_treaty: bool = False                           # a treaty was named before
    speaking: list = field(default_factory=list)       # "X said:": cues for the paragraph it opens
    home: object = None                                # the state the publisher speaks for
    # read once per article, not once per sentence (an article's square otherwise)
    by_sentence: dict = field(default_factory=dict)    # first token of a sentence -> its mentions
    leading: set = field(default_factory=set)          # the three most named states' ids
    titled: tuple = ((), ())                           # "the commander of X said": (cues, their claims)


class Named(NamedTuple):
    """What the entities across articles need of a mention that names one (no
    pronoun nor title): little to keep in the store, and to read back from it."""
    ref: EntityRef
    named: EntityRef | None  # the body a mention acting for its state names ("the Pentagon")
    start: int
    end: int
    text: str


def extract_document(document: Document, doc=None) -> tuple[list[Claim], list[Named]]:
    """The claims of one article and the names it gives (``doc``: its parse, if already made:
    one Doc per section of ``_units(document)``, or one Doc for a short clean article).

    The rules read the article's visible text (kg.extract.visible); a long article
    is read section by section (kg.extract.sections), each as an article of its own
    (its main pair, its "previous" claims), so that time grows with its length, not
    its square. Offsets are then turned back into offsets into the body.
    """
    text, where = visible(document.body)
    spans = sections(text)
    docs = doc if isinstance(doc, list) else [doc] * len(spans)
    if where is None and len(spans) == 1:
        claims, mentions = _extract_section(document, docs[0])
        return claims, _names(mentions)
    claims, mentions = [], []
    for (start, end), section_doc in zip(spans, docs):
        found, found_mentions = _extract_section(replace(document, body=text[start:end]), section_doc)
        for claim in found:
            claim.evidence = [_in_body(document.body, where, e, start) for e in claim.evidence]
            _trace_in_body(claim, document.body, where, start)
        claims += found
        mentions += [_in_body(document.body, where, m, start) for m in found_mentions]
    return _default_domain(_merge(claims), document.lang), _names(mentions)


def _names(mentions) -> list[Named]:
    return [Named(m.ref, m.named, m.start, m.end, m.text) for m in mentions if not m.is_reference]


def _trace_in_body(claim: Claim, body: str, where, offset: int) -> None:
    """The spans the claim's trace (kg claims --explain) points at, moved to the body."""
    trace = claim.trace
    if trace is None:
        return
    if trace.trigger is not None:
        trace.trigger = _in_body(body, where, trace.trigger, offset)
    for notes in (trace.roles, trace.fields, trace.cues):
        for key, note in notes.items():
            if note.span is not None:
                notes[key] = replace(note, span=_in_body(body, where, note.span, offset))


def _units(document: Document) -> list[str]:
    """The texts the parser reads for an article: its visible text, in sections."""
    text, _where = visible(document.body)
    return [text[a:b] for a, b in sections(text)]


def _in_body(body: str, where, span, offset: int):
    """A span (evidence, mention) found in a section at ``offset`` of the visible
    text, moved to the body: ``body[start:end] == text`` holds again."""
    start, end = body_span(where, span.start + offset, span.end + offset)
    return replace(span, start=start, end=end, text=body[start:end])


def _extract_section(document: Document, doc=None) -> tuple[list[Claim], list]:
    """The claims and mentions of an article read in one piece (offsets into ``document.body``)."""
    lang = document.lang
    doc = doc if doc is not None else pipeline(lang)(document.body)
    home = home_state(document)
    mentions = with_setting_bodies(doc, lang, resolve_references(doc, find_mentions(doc, lang), lang, home), home)
    pair = main_pair(mentions)
    if home is not None:
        # on a state's own site, "nous" and "je" are the state acting
        mentions = sorted(with_home_bodies(doc, lang, home, mentions)
                          + first_person_mentions(doc, lang, home, document.title, pair),
                          key=lambda m: m.tok_start)
    article = _Article(document, doc, mentions, pair, [_first_mention(mentions, ref) for ref in pair], home=home,
                       by_sentence=_by_sentence(doc, mentions), leading=leading_states(mentions))
    claims: list[Claim] = []
    for sentence in doc.sents:
        claims += _read_sentence(article, sentence)
    _signatories_states(claims)
    claims = [c for c in claims if claim_type(c.type).has_required_roles(c.roles)]
    reported = [c for c in claims if any(a.stance in ("claims", "confirms") for a in c.attributions)]
    # a state that denies its own act ("The Pentagon dismissed a report that U.S. troops had
    # been sent to Taiwan") takes part too: it answers that report, not every other one
    taking_part = {id(c): _taking_part(c) for c in claims if c.attributions}  # asked of every reaction
    involved = set().union(*taking_part.values())
    for claim in reported:
        # "démentent tout échange d'armes" answers the aid reports, not the troop reports
        answers = [cue for cue, topics, at in article.reactions
                   if _answers(claim, topics, at) and _concerned(taking_part[id(claim)], cue, involved, doc)]
        attach(claim, answers, answering=True)
    link_treaty(claims, pair)
    # a capital that a claim read as its state ("livrés à Moscou") is the state's mention
    mentions = [m.as_state() if m.tok_start in article.read_as_state and m.cls == "Place" and m.state else m
                for m in mentions]
    return _default_domain(_merge(claims), lang), mentions


def _answers(claim: Claim, topics: frozenset, at: int) -> bool:
    """Whether a reaction at character ``at`` answers a reported claim: one that
    names its topic ("démentent tout échange d'armes") answers those reports
    wherever they stand; one that names none ("did not respond to a request for
    comment") answers only the reports already given, not those the article
    goes on to."""
    if topics:
        return claim.type in topics
    return bool(claim.evidence) and claim.evidence[0].start < at


def _concerned(taking_part: set, cue, involved: set, doc=None) -> bool:
    """Does a reaction speak of a claim (``taking_part``: the claim's ``_taking_part``)?
    A state that takes part in some reported claim denies those it takes part in
    ("Téhéran a rejeté ces accusations" is not about North Korea's shells), and so does
    one that denies an act of its own ("Tehran denied sending the missiles"); a third
    party denies every report. Silence is kept on every report ("Moscow did not
    comment" on troops sent to its own side)."""
    claimants = {m.ref.qid or m.ref.id for m in cue.claimants}
    if cue.stance != "denies" or not (claimants & involved or _denies_own_act(doc, cue)):
        return True
    return bool(claimants & taking_part)


def _denies_own_act(doc, cue) -> bool:
    """"Tehran has denied sending the missiles": the denial's verb takes a verb of the
    denier's own act (a participle or gerund with no subject of its own)."""
    if doc is None or not doc.has_annotation("DEP") or doc[cue.token].pos_ != "VERB":
        return False
    return any(c.pos_ == "VERB" and c.dep_ in ("xcomp", "ccomp") and "Part" in c.morph.get("VerbForm")
               and not any(g.dep_.startswith("nsubj") for g in c.children) for c in doc[cue.token].children)


def _taking_part(claim: Claim) -> set:
    """The entities of a claim's roles and the states they belong to (Koursk's Russia),
    by QID where they have one."""
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    found = set()
    for refs in claim.roles.values():
        for ref in refs:
            found.add(ref.qid or ref.id)
            entry = gazetteer.of(ref)
            state = gazetteer.state_of(entry) if entry is not None else None
            if state is not None and state.qid:
                found.add(state.qid)
    return found


def _by_sentence(doc, mentions) -> dict[int, list]:
    """The mentions of each sentence, keyed by its first token, in the article's order."""
    starts = [sentence.start for sentence in doc.sents]
    grouped: dict[int, list] = {}
    for mention in mentions:
        at = bisect_right(starts, mention.tok_start) - 1
        if at >= 0:
            grouped.setdefault(starts[at], []).append(mention)
    return grouped


def _read_sentence(article: _Article, sentence) -> list[Claim]:
    """The claims of one sentence, with their attributions; remembers what later
    sentences need (reactions, sources, the treaty named)."""
    doc, lang = article.doc, article.document.lang
    in_sentence = article.by_sentence.get(sentence.start, [])
    cues = find_cues(doc, sentence, in_sentence, lang, article.pair_mentions, article.last_source)
    name_the_holder(article.titled[1], article.titled[0], cues, doc, in_sentence)
    opened = article.speaking  # what an earlier "X said:" opened speaks this sentence too
    _open_quotation(article, sentence, cues)
    cues = cues + opened
    if opened:
        in_sentence = _quoted_first_person(sentence, in_sentence, opened, lang)
    article.read_as_state.update(m.tok_start for c in cues for m in c.claimants if m.kind == "state")
    article.last_source = next((c.claimants for c in reversed(cues) if c.stance == "claims"),
                               article.last_source)
    sayers = [c for c in cues if c.stance == "claims"]
    ctx = SentenceContext(
        article.document.id, lang, sentence, in_sentence, article.document.published,
        # who confirms or denies may well be the one who acts ("a reconnu avoir déployé")
        {i: (c.token if c.verb else None)
         for c in sayers for m in c.claimants for i in range(m.tok_start, m.tok_end)},
        {m.ref.id for c in sayers for m in c.claimants},
        article.previous, recent_pair(doc, article.mentions, pair_point(sentence, lang), article.pair,
                                      article.leading),
        article.home)
    offices = position_claims(ctx)
    for claim, _trigger in offices:
        # who holds which state's office, before the frames: a meeting abroad is a visit,
        # in the sentence that gives the office too ("U.S. Secretary X met ... in Beijing")
        article.previous.setdefault(claim.type, []).append(claim)
    findings = frame_claims(ctx)
    _remember(article, findings)
    triggered = findings.claims + obligation_claims(ctx, ctx.pair, article.has_treaty)
    # "Its Article 4 requires...": obligations may follow the sentence naming the treaty
    article.has_treaty = article.has_treaty or has_treaty_noun(sentence, lang)
    # "ratified a defence agreement with Romania and a security accord with France": two treaties
    triggered = [(own, trigger) for claim, trigger in triggered for own in own_treaties(claim, trigger, ctx.mentions)]
    reported = [(c, t) for c, t in triggered if claim_type(c.type).treaty is None]
    stated = [c for c, _ in reported if c.quantity is not None or c.date is not None]
    topics = topics_of(sentence, lang)
    for cue in cues:
        # a denial or a silence on its own (or about a fact it gives no count or date
        # of: "a nié toute livraison d'armes"), a confirmation anywhere, answers every
        # report of its topic; "an offer Moscow has rejected" answers its own sentence
        if cue.stance in _REACTIONS and (cue.stance == "confirms" or not stated or _speaks_of_reports(cue, lang)):
            if topics or not _says_something_else(doc, cue, lang):
                # "..., a claim Tehran has denied": it answers the reports made before it,
                # in its own sentence too
                article.reactions.append((cue, topics, doc[cue.token].idx))
    for claim, trigger in reported:
        attach(claim, _cues_for(trigger, cues, lang))
    if opened:
        _quoted_speakers([c for c, _ in reported], opened)
    titled = [c for c in cues if c.titled]
    article.titled = (titled, [c for c, _ in reported] if titled else [])
    found = triggered + offices
    for claim, trigger in found:
        note_trigger(claim, trigger)
    return [c for c, _ in found]


def _remember(article: _Article, findings) -> None:
    """What the frames found that later rules need: the claims (the sentence's other
    rules read them too: an obligation of the treaty signed), the capitals read as states."""
    for claim, _trigger in findings.claims:
        article.previous.setdefault(claim.type, []).append(claim)
    article.read_as_state |= findings.read_as_state


def _open_quotation(article: _Article, sentence, cues) -> None:
    """"Defence Secretary X said:" speaks the paragraph that follows; a paragraph's
    end closes what an earlier one opened."""
    text = sentence_text(sentence).rstrip()
    sayers = [c for c in cues if c.verb and c.stance == "claims"]
    quotes = profile(article.document.lang).text
    if sayers and (text.endswith(":") or (":" in text and _left_open(text, quotes))):
        # 'X said: "A. B."': the quotation goes on past its first sentence
        article.speaking = sayers[-1:]
    elif article.speaking and (_ends_paragraph(sentence) or _closes_quotation(text, quotes)):
        article.speaking = []


def _quoted_first_person(sentence, mentions, opened, lang: str) -> list:
    """'X said: "... We stand with Ukraine."': a first-person subject inside the quotation
    an earlier sentence opened is the one quoted (mentions.yaml quoted_first_person)."""
    words = mention_words(lang)["quoted_first_person"]
    speakers = [m.ref for cue in opened[-1:] for m in cue.claimants]
    taken = {m.tok_start for m in mentions}
    added = [TokenMention.of_token(t, ref, "pronoun")
             for t in sentence if t.lower_ in words and t.dep_.startswith("nsubj") and t.i not in taken
             for ref in speakers[:1]]
    return sorted(mentions + added, key=lambda m: m.tok_start) if added else mentions


def _quoted_speakers(claims, opened) -> None:
    """'X said: "... The UK stands with Ukraine."': a statement inside a quotation an
    earlier sentence opened is said by the person quoting too (as "a-t-il poursuivi")."""
    people = [m.ref for cue in opened for m in cue.claimants if m.cls == "Person"]
    for claim in claims:
        agent = claim_type(claim.type).agent
        if claim_type(claim.type).speech_about is None or not claim.roles.get(agent):
            continue
        held = {r.id for r in claim.roles[agent]}
        claim.roles[agent] += [r for r in dict.fromkeys(people) if r.id not in held]
        note_claim_roles(claim, "speaker")


def _left_open(text: str, quotes) -> bool:
    """Does the text open a quotation it does not close?"""
    return _more_marks(text, quotes, quotes.opening_quotes, quotes.closing_quotes)


def _closes_quotation(text: str, quotes) -> bool:
    """Does the text close a quotation an earlier sentence opened?"""
    return _more_marks(text, quotes, quotes.closing_quotes, quotes.opening_quotes)


def _more_marks(text: str, quotes, these, those) -> bool:
    """Does the text hold more of ``these`` quotation marks than of ``those``? A straight
    quote, which both opens and closes, counts when its number is odd."""
    if '"' in text and '"' in quotes.opening_quotes & quotes.closing_quotes:
        return text.count('"') % 2 == 1
    return sum(text.count(q) for q in these) > sum(text.count(q) for q in those)


def _ends_paragraph(sentence) -> bool:
    following = doc_text(sentence.doc)[sentence.end_char:sentence.end_char + 8]
    return "\n" in sentence_text(sentence).rstrip(" ")[-1:] or following.lstrip(" ").startswith("\n") or not following


def _cues_for(trigger, cues, lang: str) -> list:
    """The cues of a sentence that speak of the claim a trigger makes: "selon" and
    the like, and of the sayers the nearest before it ("X said A, and Y said B"),
    else those after it ("A, a affirmé le Pentagone"). A denial that points back
    at earlier reports ("ces allégations") answers those, not this claim."""
    speech = [c for c in cues if c.verb and c.stance == "claims"]
    # "X said ..., but Y criticised Z": Y's act, which X's speech does not report
    # "Visiting Tokyo, X said ...": nor X's own visit, where X speaks from; "X criticised
    # the trip, while Y said ...", "X arrived in Y, where Z announced ...": nor Z, in a clause of its own
    sayers = [c for c in speech if not coordinated_with_own_subject(trigger, trigger.doc[c.token])
              and not relative_elsewhere(trigger, trigger.doc[c.token])
              and not speakers_setting(trigger, trigger.doc[c.token])
              and not in_contrasted_clause(trigger, trigger.doc[c.token])]
    before = [c for c in sayers if c.token < trigger.i]
    chosen = before[-1:] or [c for c in sayers if c.token > trigger.i]
    others = [c for c in cues if c not in speech
              and not (c.stance in _REACTIONS and _speaks_of_reports(c, lang) and not _governs(c, trigger))]
    return others + chosen


def _governs(cue, trigger) -> bool:
    """"The Kremlin denied that it had deployed troops", "has denied sending troops": the
    trigger stands in the clause the reaction's verb takes, so the reaction speaks of its
    claim (not only of reports made before, as "..., which Moscow denied" does)."""
    doc = trigger.doc
    if not doc.has_annotation("DEP"):
        return False
    verb = doc[cue.token:cue.token + len(cue.words.split())].root
    return any(c.dep_ in ("ccomp", "xcomp") and c.left_edge.i <= trigger.i <= c.right_edge.i
               for c in verb.children)


def _first_mention(mentions, ref):
    """A mention of the state ``ref`` (a capital or a leader read as the state)."""
    return next(m.as_state() if m.ref.id != ref.id else m for m in mentions
                if acting_state(m) and acting_state(m).id == ref.id)


def _says_something_else(doc, cue, lang: str) -> bool:
    """"The Kremlin denied that Russia was preparing an offensive": a denial of a clause
    of its own, on no topic of a claim, answers none of the article's reports, unless
    the clause is about them ("denied that the reports were true")."""
    from .frames import attribution_lexicon

    words = doc[cue.token:cue.token + len(cue.words.split())]
    head = words.root  # "démenti" of "a démenti"
    clauses = [child for child in head.children if child.dep_ == "ccomp"]
    reports = attribution_lexicon(lang).anaphora
    return bool(clauses) and not any(t.lower_ in reports for clause in clauses for t in clause.subtree)


def _speaks_of_reports(cue, lang: str) -> bool:
    from .frames import attribution_lexicon

    return any(word in cue.words for word in attribution_lexicon(lang).anaphora)


def _signatories_states(claims: list[Claim]) -> None:
    """A treaty signed by two leaders binds the states they lead."""
    states = {}
    membership = membership_type()
    for claim in claims:
        if membership is not None and claim.type == membership.name:
            member, organisation = membership.membership
            states.setdefault(claim.roles[member][0].id, claim.roles[organisation][0])
    for claim in claims:
        treaty = claim_type(claim.type).treaty
        if treaty is None or not treaty.signatories:
            continue
        if len(claim.roles.get(treaty.parties, [])) < 2:
            parties = list(claim.roles.get(treaty.parties, []))
            for person in claim.roles.get(treaty.signatories, []):
                state = states.get(person.id) or _leader_state(person)
                if state and state.id not in {p.id for p in parties}:
                    parties.append(state)
            claim.roles[treaty.parties] = parties
            note_claim_roles(claim, "signatories")


def _leader_state(person):
    """The state the gazetteer says a person belongs to ("Vladimir Poutine et Kim Jong-un
    ont signé", with no title given): the people it knows are leaders and ministers."""
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    entry = gazetteer.of(person)
    state = gazetteer.state_of(entry) if entry is not None and entry.kind == "person" else None
    return state.ref if state is not None else None


def _merge(claims: list[Claim]) -> list[Claim]:
    """One claim per distinct fact: same type, roles, count and stance."""
    merged: dict[tuple, Claim] = {}
    for claim in claims:
        key = (claim.type, _core(claim), claim.quantity, claim.stance, claim.obligation, claim.domain)
        kept = merged.get(key)
        if kept is None:
            merged[key] = claim
            continue
        if kept.date is None or (dated_by_report(kept) and claim.date and not dated_by_report(claim)) \
                or _day_before(claim.date, kept.date):
            # the day of the act wins over the month its source spoke in; the first
            # day of a fact told over days ("arrived on Monday", "talks on Tuesday") dates it
            if kept.trace is not None:
                kept.trace.fields.pop("date", None)
            kept.date = claim.date
        for role, refs in claim.roles.items():
            known = {r.id for r in kept.roles.get(role, [])}
            kept.roles.setdefault(role, []).extend(r for r in refs if r.id not in known)
        known = {(a.claimant.id, a.stance) for a in kept.attributions}
        kept.attributions += [a for a in claim.attributions if (a.claimant.id, a.stance) not in known]
        kept.evidence += [e for e in claim.evidence if e not in kept.evidence]
        absorb(kept, claim)
    return _sources_of_the_whole(_fold_bare(list(merged.values())))


def _sources_of_the_whole(claims: list[Claim]) -> list[Claim]:
    """A deployment makes one claim per place (SCHEMA.md, settled question 3): the
    source who speaks of it in the whole country ("deployed 200 soldiers to X")
    speaks of the same count, at the same time, at a city of X ("arrived in X's capital")."""
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()

    def within(part, whole) -> bool:
        entry = gazetteer.of(part)
        state = gazetteer.state_of(entry) if entry is not None else None
        return state is not None and part.id != whole.id and state.qid is not None and state.qid == whole.qid

    for claim in claims:
        declared = claim_type(claim.type)
        if not declared.counted or claim.quantity is None:
            continue
        places = [r for r in declared.same_fact_roles if r != declared.agent and claim.roles.get(r)]
        for whole in claims:
            if (whole is claim or whole.type != claim.type or whole.quantity != claim.quantity
                    or not _same_time(whole.date, claim.date)
                    or _ids(whole, declared.agent) != _ids(claim, declared.agent) or not places):
                continue
            if all(any(within(part, w) for w in whole.roles.get(role, [])) for role in places
                   for part in claim.roles[role]):
                known = {a.claimant.id for a in claim.attributions}
                claim.attributions += [a for a in whole.attributions if a.claimant.id not in known]
    return claims


def _day_before(one: str | None, other: str | None) -> bool:
    """Whether ``one`` is a day in the week before the day ``other``."""
    import datetime as dt

    if not one or not other or len(one) != 10 or len(other) != 10:
        return False
    try:
        gap = (dt.date.fromisoformat(other) - dt.date.fromisoformat(one)).days
    except ValueError:
        return False
    return 0 < gap <= 7


def _same_time(one: str | None, other: str | None) -> bool:
    """Dates that may be the same time: one undated, or one within the other ("2025-03", "2025-03-14")."""
    return not one or not other or one.startswith(other) or other.startswith(one)


def _ids(claim: Claim, role: str) -> set:
    return {r.id for r in claim.roles.get(role, [])}


def _default_domain(claims: list[Claim], lang: str) -> list[Claim]:
    """A cooperation that named no field stays so until the article's claims are
    merged (beside one that names a field, it says nothing more); then it takes
    the lexicon's default domain ("notre coopération est essentielle": diplomacy)."""
    default = claim_lexicon(lang).default_domain
    for claim in claims:
        if default and claim.domain is None and "domain" in claim_type(claim.type).fields:
            claim.domain = default
    return claims


def _fold_bare(claims: list[Claim]) -> list[Claim]:
    """A thinner report of a counted fact adds its stances to the fuller one
    instead of standing as a fact of its own: a mention with no count and no
    date ("Pyongyang a nié toute livraison d'armes à la Russie"), or one that
    names fewer parties in the same sentence ("Déploiement nord-coréen : ... 11 000
    soldats combattent aux côtés des forces russes"); likewise a cooperation with
    no domain beside one with a domain between the same parties."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=_richness, reverse=True):
        twin = next((k for k in kept if (claim_type(claim.type).counted and _thinner(claim, k))
                     or _vaguer_cooperation(claim, k) or _said_again(claim, k)), None)
        if twin is None:
            kept.append(claim)
            continue
        known = {a.claimant.id for a in twin.attributions}
        twin.attributions += [a for a in claim.attributions if a.claimant.id not in known]
        twin.evidence += [e for e in claim.evidence if e not in twin.evidence]
        absorb(twin, claim)
    order = {id(c): n for n, c in enumerate(claims)}
    return sorted(kept, key=lambda c: order[id(c)])


def _richness(claim: Claim) -> int:
    dated = claim.date is not None and not dated_by_report(claim)
    return sum(len(v) for v in claim.roles.values()) + (claim.quantity is not None) + dated + (claim.domain is not None)


def _vaguer_cooperation(claim: Claim, other: Claim) -> bool:
    """"leur partenariat" with no domain, beside "leur coopération énergétique" between
    the same parties, says nothing more."""
    field = claim_type(claim.type).thinner_without
    return (field is not None and claim.type == other.type and getattr(claim, field) is None
            and getattr(other, field) is not None and _core(claim) == _core(other))


def _said_again(claim: Claim, other: Claim) -> bool:
    """A statement another one of the article says in full: the same stance, by the same
    speaker (a person, or a person and the state he speaks for: "Secretary Austin
    underscored U.S. support for X ... He reaffirmed his commitment to X"), of targets
    the other names too. Others who join a speaker make a joint act of their own."""
    declared = claim_type(claim.type)
    about, agent = declared.speech_about, declared.agent
    if about is None or claim.type != other.type or claim.stance != other.stance:
        return False
    mine, theirs = _ids(claim, agent), _ids(other, agent)
    targets, their_targets = _ids(claim, about), _ids(other, about)
    if not mine or not targets or not mine <= theirs or not targets <= their_targets or (mine, targets) == (theirs, their_targets):
        return False
    states = {state.id for person in claim.roles.get(agent, []) if person.cls == "Person"
              for state in [_leader_state(person)] if state is not None}
    return theirs - mine <= states


def _thinner(claim: Claim, other: Claim) -> bool:
    """Does ``claim`` say nothing that ``other`` (same type) does not say too?

    A claim with no count and no date (or the other's date: "La Turquie a fait don au
    Tchad de vingt blindés ... Les véhicules ont été remis") is thinner than one with the
    same roles; in the same sentence, one with the same count and fewer roles is too.
    """
    if claim.type != other.type:
        return False
    if claim.quantity is None and (claim.date in (None, other.date) or dated_by_report(claim) or _only_answered(claim)):
        return _core(claim) == _core(other)
    same_sentence = claim.evidence[:1] == other.evidence[:1]
    if not (same_sentence and claim.quantity == other.quantity and claim.date in (None, other.date)):
        return False
    return all({e.id for e in claim.roles.get(role, [])} <= {e.id for e in other.roles.get(role, [])}
               for role in claim_type(claim.type).same_fact_roles)


def _only_answered(claim: Claim) -> bool:
    """A fact only denied or left uncommented ("Moscou a démenti mercredi tout déploiement
    au Burkina"): its date is the denial's, the fact is the one reported elsewhere."""
    return bool(claim.attributions) and all(a.stance in ("denies", "no_comment") for a in claim.attributions)


def _core(claim: Claim) -> tuple:
    """The roles that make the fact (the declaration's same_fact, every alternative)."""
    core = claim_type(claim.type).same_fact_roles
    return tuple(sorted((r, tuple(sorted(e.id for e in v))) for r, v in claim.roles.items() if r in core))


def _entities(documents_names) -> list[Entity]:
    """One entity per id across articles, with every surface form and mention."""
    entities: dict[str, Entity] = {}
    for doc_id, names in documents_names:
        for m in names:
            # a body acting for its state ("the Pentagon") is an entity of its own too
            for ref in filter(None, (m.ref, m.named)):
                entity = entities.setdefault(ref.id, Entity(ref.id, ref.label, ref.cls, ref.qid))
                if m.text not in entity.aliases and m.text != entity.label:
                    entity.aliases.append(m.text)
                entity.mentions.append(EntityMention(doc_id, m.start, m.end, m.text))
    return sorted(entities.values(), key=lambda e: e.id)


def _role_entities(claims, entities: list[Entity]) -> list[Entity]:
    """Entities that only claims name (treaties): nodes of the graph all the same."""
    known = {e.id for e in entities}
    extra = {}
    for claim in claims:
        for refs in list(claim.roles.values()) + [[a.claimant for a in claim.attributions]]:
            for ref in refs:
                if ref.id not in known:
                    extra.setdefault(ref.id, Entity(ref.id, ref.label, ref.cls, ref.qid))
    return sorted(entities + list(extra.values()), key=lambda e: e.id)


def extract_corpus(documents: list[Document], progress=None, on_error=None, jobs: int = 1, store=None,
                   extractor=None) -> Corpus:
    """Extract every article; ``progress(document)`` is called after each one.

    ``jobs`` processes read the articles (parse and rules), each article
    wholly in one of them: the outputs are the same whatever ``jobs``. ``extractor(documents)``, if given, does that
    instead (kg.cluster: on the workers of a Dask cluster): it yields what
    ``extracted`` yields, in any order.

    ``on_error(document, error)``, if given, hears about an article the rules
    fail on (one of ARTICLE_ERRORS), which then adds no claim, so that one odd
    article does not stop a build of a thousand; without it the error
    propagates, as do errors of kg's own data and code. ``store``
    (kg.article_store.ArticleStore), if given, gives the ``(claims, mentions)``
    of the articles it holds, which are then not parsed, and keeps the others'.
    """
    results = {}
    if store is not None:
        results = store.results(documents)
        for document in documents:
            if progress and document.id in results:
                progress(document)
    fresh = [d for d in documents if d.id not in results]  # only these are parsed
    found = extractor(fresh) if extractor else extracted(fresh, jobs, keep_going=on_error is not None)
    for document, outcome in found:
        if isinstance(outcome, Exception):
            if on_error is None:
                raise outcome
            on_error(document, outcome)
            results[document.id] = [], []  # not stored: the next build reports it again
        else:
            results[document.id] = outcome
            if store is not None:
                store.put(document, *outcome)
        if progress:
            progress(document)
    claims, all_mentions = [], []
    for document in documents:
        found_claims, mentions = results[document.id]
        claims += found_claims
        all_mentions.append((document.id, mentions))
    for claim in claims:
        # what a claim says is settled here: its id (a hash of it, which every output
        # asks for, many times) is computed once, as for a claim read from a build
        claim.stored_id = claim.id
    entities = _role_entities(claims, _entities(all_mentions))
    return Corpus(documents=list(documents), entities=entities, claims=claims)


def extracted(documents: list[Document], jobs: int = 1, keep_going: bool = True):
    """``(document, (claims, mentions))`` for each document (language by language), or
    ``(document, error)`` for one the rules fail on (one of ARTICLE_ERRORS) when
    ``keep_going``; any other error (kg's own data or code) propagates, naming
    the article. ``jobs`` processes read the articles, forked once the verified
    models are loaded; the results come back in the articles' order."""
    workers = _workers(jobs, documents)
    if workers > 1:
        yield from _in_processes(documents, workers, keep_going)
        return
    for document, parsed in _parsed(documents, keep_going):
        try:
            if isinstance(parsed, Exception):
                raise parsed  # the parser failed on this article alone
            outcome = extract_document(document, parsed)
        except DataError:
            raise
        except ARTICLE_ERRORS as error:
            if not keep_going:
                raise
            outcome = error
        except Exception as error:
            error.add_note(f"kg: while extracting {document.path or document.id}; this is a bug in kg")
            raise
        yield document, outcome


#: texts (articles, or sections of long ones: at most SECTION_CHARS each) per parser batch
_BATCH = 16
#: articles a worker process reads at a time, with several jobs
_CHUNK = 4
#: articles parsed and read within one memory zone of spaCy (_in_zone)
_ZONE = 64


def _workers(jobs: int, documents: list[Document]) -> int:
    """Processes for ``documents``: no more than they fill chunks for (a process
    forked for a chunk that never comes costs its start for nothing)."""
    if jobs <= 1:
        return 1
    return max(1, min(jobs, -(-len(documents) // _CHUNK)))


def _in_processes(documents: list[Document], workers: int, keep_going: bool):
    """What ``extracted`` yields, the articles read in ``workers`` processes: the
    rules run there too, not only the parser (the rules are a quarter of the work,
    which one process applying them for all would make the limit)."""
    import multiprocessing
    from functools import partial

    for lang in sorted({d.lang for d in documents}):
        pipeline(lang)  # loaded (and its files checked) before the fork: the workers share it
    chunks = [documents[i:i + _CHUNK] for i in range(0, len(documents), _CHUNK)]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_leave_interrupts_to_parent) as pool:
        for chunk, outcomes in zip(chunks, pool.imap(partial(_read_chunk, keep_going=keep_going), chunks)):
            by_id = dict(outcomes)
            for document in chunk:
                yield document, by_id[document.id]


def _leave_interrupts_to_parent() -> None:
    """In a worker: Ctrl-C reaches every process of the terminal's group; the parent
    answers it (ending the workers as it leaves the pool), so a worker prints no
    traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_chunk(documents: list[Document], keep_going: bool) -> list:
    """In a worker: ``(article id, outcome)`` for each article (``extracted`` gives them
    language by language, not in the chunk's order)."""
    return [(document.id, outcome) for document, outcome in extracted(documents, 1, keep_going)]


def _parsed(documents: list[Document], keep_going: bool):
    """``(document, its parse)`` for each document, language by language, as the
    parser gives them (one Doc per section, so that no text passes spaCy's length
    limit), ``_ZONE`` articles at a time in one of spaCy's memory zones (``_in_zone``)
    but for a process's first ones (``_warmed``)."""
    by_lang = defaultdict(list)
    for document in documents:
        by_lang[document.lang].append(document)
    for lang, docs in by_lang.items():
        nlp = pipeline(lang)  # a missing model stops the build: every article needs it
        prepare_matchers(lang, len(docs))
        for start in range(0, len(docs), _ZONE):
            chunk = docs[start:start + _ZONE]
            if _warmed.get(lang) is not nlp.vocab:
                _warmed[lang] = nlp.vocab
                yield from _batched(nlp, chunk, keep_going)
            else:
                yield from _in_zone(nlp, chunk, keep_going)


#: lang -> the vocabulary (of its pipeline) that a process's first articles were read into,
#: outside any zone: their words, mostly the language's commonest, stay in it and in the
#: tokenizer's cache, which spaCy does not fill inside a zone (uncached, tokenizing the
#: articles took 5 to 8 % more of a parse); a bounded cost, the first chunk's words alone
_warmed: dict[str, object] = {}


def _in_zone(nlp, docs: list[Document], keep_going: bool):
    """What ``_parsed`` yields for ``docs``, parsed within one memory zone
    (``Language.memory_zone``): the strings and lexemes of the articles' own words
    are dropped from the model's vocabulary when the zone ends, instead of piling
    up in it over a build (tests/test_memory_zone.py). The caller reads each parse
    while this generator waits inside the zone, and keeps nothing of it (Doc,
    Token, Span, string hash) once read: extract_document gives plain values, and
    what serves every article (the gazetteer's matchers) is made before the zone
    (mentions.prepare_matchers)."""
    with nlp.memory_zone():
        yield from _batched(nlp, docs, keep_going)


def _batched(nlp, docs: list[Document], keep_going: bool):
    """What ``_parsed`` yields for ``docs``: batched, and one article at a time once a
    batch fails, so that the parse of one article (an Exception in place of its Docs)
    never stops the others."""
    done = 0
    try:
        # a batch is parsed at once, in memory: a few sections at a time, not a long article
        piped = nlp.pipe(((text, d.id) for d in docs for text in _units(d)), as_tuples=True, batch_size=_BATCH)
        for document in docs:
            yield document, [next(piped)[0] for _ in _units(document)]
            done += 1
    except Exception:  # noqa: BLE001 - the batch is given up, each article retried alone
        if not keep_going:
            raise
        for document in docs[done:]:
            try:
                parsed = [nlp(text) for text in _units(document)]
            except Exception as single:  # noqa: BLE001 - handed to the caller with the article
                parsed = single
            yield document, parsed
