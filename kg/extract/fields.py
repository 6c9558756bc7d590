"""A claim's fields, read near its trigger: the count, the date, the item supplied,
the domain of a cooperation, the quoted words."""
from __future__ import annotations

from functools import lru_cache

from ..claim_types import claim_type
from ..model import Claim
from ..profiles import profile
from ..trace import claim_pointer, field_span, note_field, span_of
from .context import SentenceContext, doc_dateline, doc_text
from .frames import Frame
from .phrases import find_phrases
from .quantities import is_money

__all__ = ["nearest", "add_fields", "dated_by_report", "listed_domains", "last_time"]


def nearest(matches, trigger_char: int):
    return min(matches, key=lambda m: abs(m.start - trigger_char), default=None)


def _preceding(matches, anchor_char: int):
    """The match closest before the anchor ("10 000 soldats envoyés en Russie"), else after it."""
    before = [m for m in matches if m.start <= anchor_char]
    return max(before, key=lambda m: m.start) if before else nearest(matches, anchor_char)


def _counted_item(counts, trigger_char: int, lang: str) -> str | None:
    """The unit of the count nearest the trigger, as the item supplied; a sum of money is
    no item ("$725 million in military aid" supplies no dollars)."""
    things = [q for q in counts if not is_money(q.quantity.unit, lang)]
    return nearest(things, trigger_char).quantity.unit if things else None


def add_fields(claim: Claim, ctx: SentenceContext, frame: Frame, trigger, lexicon) -> None:
    if "quantity" in frame.fields:
        units = [q for q in ctx.quantities if q.quantity.unit in frame.needs_unit
                 and not _other_clause(q, ctx.sentence, trigger)]
        # a verb's own count first: "deployed 2,000 troops to X and sent 500 to Y"
        own = [q for q in units if _under(q, ctx.sentence, trigger)] if trigger.pos_ == "VERB" else []
        match = _preceding(own or units, trigger.idx)
        claim.quantity = match.quantity if match else None
        if match:
            note_field(claim, "quantity", match, "before")
    if "date" in frame.fields:
        dateline = doc_dateline(ctx.sentence.doc)  # the day the article was filed is no claim's date
        dateline_start, dateline_end = (dateline.start, dateline.end) if dateline else (0, 0)
        # "signed an agreement ..., committing to deliver 30 jets by 2028", "a prolongé les
        # sanctions jusqu'en janvier 2026": an act the article reports is done by the day it
        # was published; a later date is when something ends or is due
        dates = [d for d in ctx.dates if not dateline_start <= d.start < dateline_end and not _after(d.iso, ctx.published)]
        if frame.since_spans and not last_time(trigger, lexicon):
            dates = [d for d in dates if d.text.split(maxsplit=1)[0].lower() not in lexicon.since]
        if _qualifies_noun(trigger) and claim_type(frame.type).treaty:
            # "a ratifié mardi l'accord conclu avec X": a treaty's act named by a participle
            # after it happened at another time than the clause's; its own date, if any
            dates = [d for d in dates if trigger.left_edge.idx <= d.start < trigger.right_edge.idx + len(trigger.right_edge)]
        match = nearest([d for d in dates if not _inside_claimant(d, ctx, trigger)], trigger.idx)
        claim.date = match.iso if match else None
        if match and match.iso:
            note_field(claim, "date", match, "nearest")
        elif claim.date is None:
            _date_from_article(claim, ctx, trigger)
        if claim.date is None and match is None:
            _date_of_report(claim, ctx, dates, trigger)
        if claim.date is None and match is None:
            _date_of_lede(claim, ctx, trigger)
    if "item" in frame.fields:
        claim.item = _item(ctx, frame, trigger)
    if "domain" in frame.fields:
        claim.domain = _domain(ctx, trigger, lexicon)
    if "quote" in frame.fields:
        claim.quote = _quote(ctx.sentence.text, ctx.lang)


def _under(quantity, sentence, verb) -> bool:
    """Does the count hang under the verb, in no other verb's clause?"""
    span = sentence.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None:
        return False
    for token in [span.root, *span.root.ancestors]:
        if token.i == verb.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _other_clause(quantity, sentence, trigger) -> bool:
    """Is the count another act's, a clause joined to the trigger's with a subject of its
    own ("Denmark sent its first jets to X, and the Netherlands has pledged 24")?"""
    span = sentence.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or trigger.pos_ not in ("VERB", "AUX"):
        return False
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == trigger.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    joined = (verb.dep_ == "conj" and verb.head.i == trigger.i) or (trigger.dep_ == "conj" and trigger.head.i == verb.i)
    return joined and all(any(c.dep_.startswith("nsubj") for c in v.children) for v in (verb, trigger))


def last_time(token, lexicon) -> bool:
    """"ne s'était plus rendu en Inde depuis 2019": not since then, so then (tests/rules)."""
    words = {t.lower_ for t in token.sent}
    return bool(words & lexicon.since) and bool(words & lexicon.no_longer)


def _after(iso: str | None, published: str | None) -> bool:
    """Does the period ``iso`` names begin after the day the article was published?"""
    return bool(iso and published) and iso > published[:len(iso)]


def _qualifies_noun(trigger) -> bool:
    """A past participle after a noun of another verb's clause ("l'accord conclu avec X");
    not "talks with visiting minister X", whose visit is the sentence's news."""
    return (trigger.dep_ == "acl" and "Part" in trigger.morph.get("VerbForm") and "Past" in trigger.morph.get("Tense")
            and trigger.head.pos_ in ("NOUN", "PROPN") and trigger.head.i < trigger.i)


def _date_from_article(claim: Claim, ctx: SentenceContext, trigger) -> None:
    """A sentence that gives no date may still date its claim: an act done on an
    occasion the article reported ("signés à l'occasion de la visite", "during the
    signing") has that occasion's date; a headline in the present tense ("X ratifie
    le traité") tells the news of the day the article was published."""
    occasion = _occasion(ctx)
    if occasion is not None:
        claim.date = occasion.date
        note_field(claim, "date", field_span(occasion, "date"), "occasion", **claim_pointer(occasion))
    elif ctx.published and _headline(ctx.sentence) and _present(trigger):
        claim.date = ctx.published
        note_field(claim, "date", span_of(ctx.sentence), "headline")


def _date_of_report(claim: Claim, ctx: SentenceContext, dates, trigger) -> None:
    """The day a source spoke ("X said on Monday", "officials announced today") is no
    day of the act, but the act is under way or done by then: with no other date, the
    month of the report dates the claim as closely as the text allows. A source that
    announces the act itself ("Sweden on Wednesday announced a package of aid") commits
    to it that day: the day dates the claim (SCHEMA.md, settled 8)."""
    said = nearest([d for d in dates if d.iso and _inside_claimant(d, ctx, trigger)], trigger.idx)
    if said is None:
        return
    if _announced_that_day(said, ctx, trigger):
        claim.date = said.iso
        note_field(claim, "date", said, "announcement")
        return
    claim.date = said.iso[:7]
    note_field(claim, "date", said, "report")


def _announced_that_day(date, ctx: SentenceContext, trigger) -> bool:
    """Is the date that of a source announcing the trigger's act as its own?"""
    from .roles import announces_act

    doc = ctx.sentence.doc
    verbs = {verb for i, verb in ctx.claimant_tokens.items()
             if verb is not None and doc[i].idx <= date.start < doc[i].idx + 40}
    return any(announces_act(doc[verb], trigger) for verb in verbs)


def dated_by_report(claim: Claim) -> bool:
    """Whether the claim's only date is the month its source spoke in: a report of
    a fact the article dates elsewhere, or gives a count of, says nothing more."""
    note = claim.trace.fields.get("date") if claim.trace is not None else None
    step = note and (note.detail.get("first") if note.step == "merged" else note.step)
    return claim.date is not None and step == "report"


def _occasion(ctx: SentenceContext):
    """The dated claim the article reported last of the kind a "during" word names
    ("lors de la visite", "à l'occasion de la signature"), if the sentence has one."""
    from .frames import claim_lexicon
    from .mention_words import mention_words

    doc = ctx.sentence.doc
    during = mention_words(ctx.lang)["during"]
    for token in ctx.sentence:
        if token.lower_ not in during:
            continue
        for noun in doc[token.i + 1:min(token.i + 4, ctx.sentence.end)]:
            words = {noun.lower_, noun.lemma_.lower()}
            for frame in claim_lexicon(ctx.lang).frames:
                dated = [c for c in ctx.previous.get(frame.type, []) if c.date] if words & set(frame.nouns) else []
                if dated:
                    return dated[-1]
    return None


def _headline(sentence) -> bool:
    """The article's first line, standing alone with no closing stop: its headline."""
    body = doc_text(sentence.doc)  # spaCy joins every token again at each doc.text
    text = sentence.text.rstrip()
    return (not body[:sentence.start_char].strip() and "\n" in body[sentence.start_char + len(text):][:2]
            and not text.endswith((".", "!", "?", "…")))


def _date_of_lede(claim: Claim, ctx: SentenceContext, trigger) -> None:
    """"The UK has designated five officials", opening a release that gives no date:
    the news of the day it was published, where the language's present perfect
    tells a recent act (dates.yaml: lede_perfect_is_news)."""
    if ctx.published and _lede_perfect_is_news(ctx.lang) and _lede(ctx.sentence) and _just_done(trigger):
        claim.date = ctx.published
        note_field(claim, "date", span_of(ctx.sentence), "lede")


@lru_cache(maxsize=None)
def _lede_perfect_is_news(lang: str) -> bool:
    from ..lexicons import load_lexicon

    return bool(load_lexicon(lang, "dates").get("lede_perfect_is_news"))


def _lede(sentence) -> bool:
    """The article's first sentence, after its headline if any: a release's news."""
    dateline = doc_dateline(sentence.doc)  # "MOSCOW, January 14. /TASS/." opens the lede
    before = doc_text(sentence.doc)[dateline.end if dateline else 0:sentence.start_char].strip()
    return not before or ("\n" not in before and not before.endswith((".", "!", "?", "…")))


def _just_done(trigger) -> bool:
    """"The UK has designated five officials": an act in the present perfect, which a
    lede giving no date tells as the news of the day it was published."""
    return "Part" in trigger.morph.get("VerbForm") and any(
        c.dep_ == "aux" and "Pres" in c.morph.get("Tense") for c in trigger.children)  # not "are deployed"


def _present(trigger) -> bool:
    """A verb in the present tense ("ratifie", "signs")."""
    return trigger.pos_ in ("VERB", "AUX") and "Pres" in trigger.morph.get("Tense") \
        and "Fin" in trigger.morph.get("VerbForm")


def _inside_claimant(date, ctx: SentenceContext, trigger) -> bool:
    """Does the date stand by a source, telling when it spoke ("a indiqué lundi le Trésor")?
    Not when the source's verb is the trigger itself ("the EU on Monday added three
    generals to its list"), nor when the source announces its own act ("a annoncé lundi
    des sanctions"): the announcement is the act's date (SCHEMA settled question 8)."""
    from .roles import announces_act

    doc = ctx.sentence.doc
    for i, verb in ctx.claimant_tokens.items():
        if doc[i].idx <= date.start < doc[i].idx + 40 and verb != trigger.i:
            if verb is None or not announces_act(doc[verb], trigger):
                return True
    return False


def _item(ctx: SentenceContext, frame: Frame, trigger) -> str | None:
    """What is supplied: the words of the item lexicon near the trigger
    ("obus d'artillerie et roquettes", "assistance technique"), else the unit counted."""
    doc = ctx.sentence.doc
    start, end = _item_window(ctx, trigger)
    found = [(a, b) for a, b, _ in find_phrases(doc, ctx.lang, frame.item_nouns, start, end)
             if not _in_relative_clause(doc[a], trigger)]
    if found:
        first, last = found[0][0], found[-1][1]
        if last - first <= profile(ctx.lang).windows["item_span"]:  # "systèmes de défense antiaérienne et du matériel"
            return doc[first:last].text
        return ", ".join(dict.fromkeys(doc[a:b].text for a, b in found))
    supplied = _object_items(trigger, frame, start, end)
    if supplied:
        return supplied
    units = [q for q in ctx.quantities if q.quantity.unit in frame.needs_unit]
    return _counted_item(units, trigger.idx, ctx.lang)


def names_kind(ctx: SentenceContext, frame: Frame, trigger) -> bool:
    """Does the trigger's object name the kind of what is supplied ("sent military aid to
    X"): aid all the same, though no item (the frame's ``kind_nouns``)? Not a noun further
    off ("sent a letter about military aid")."""
    if not frame.kind_nouns:
        return False
    start, end = _item_window(ctx, trigger)
    doc = ctx.sentence.doc
    return any(trigger.i in (doc[b - 1].i, doc[b - 1].head.i)
               for _a, b, _ in find_phrases(doc, ctx.lang, frame.kind_nouns, start, end))


def _item_window(ctx: SentenceContext, trigger) -> tuple[int, int]:
    """The tokens around the trigger where what is supplied is named (the profile's windows)."""
    windows = profile(ctx.lang).windows
    return (max(ctx.sentence.start, trigger.i - windows["item_before"]),
            min(ctx.sentence.end, trigger.i + windows["item_after"]))


def _in_relative_clause(token, trigger) -> bool:
    """"sent troops to X, which hosts nuclear weapons": an item in a relative clause that
    does not hold the trigger is that clause's; so is one in an apposition ("sent
    batteries to Poland, a hub for arms deliveries to Ukraine")."""
    for above in [token, *token.ancestors]:
        if above.i == trigger.i:
            return False
        if above.dep_ in ("acl:relcl", "appos"):
            return trigger not in above.subtree
    return False


def _object_items(trigger, frame: Frame, start: int, end: int) -> str | None:
    """The item the trigger takes as object, further off than the window reads
    ("livrerait à X de la nourriture ..., mais aussi une assistance technique")."""
    doc = trigger.doc
    # the parser may read a far object as an adverbial ("obl:mod"): any noun the verb governs
    objects = [c for c in trigger.children if c.pos_ == "NOUN" and c.i > trigger.i and not start <= c.i < end]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    for noun in sorted(objects, key=lambda t: t.i):
        found = list(find_phrases(doc, doc.lang_, frame.item_nouns, noun.i, min(noun.i + 3, len(doc))))
        if found and found[0][0] == noun.i:
            return doc[found[0][0]:found[0][1]].text
    return None


def _domain(ctx: SentenceContext, trigger, lexicon) -> str | None:
    """The domain whose cue stands nearest the trigger, after it when tied ("un accord de
    défense et une feuille de route pour la coopération économique": economy); else one
    named anywhere in the sentence ("has sanctioned five officials, in coordinated action
    with Canada")."""
    doc = ctx.sentence.doc
    windows = profile(ctx.lang).windows
    start = max(trigger.i - windows["domain_before"], ctx.sentence.start)
    end = min(trigger.i + windows["domain_after"], ctx.sentence.end)
    for start, end in ((start, end), (ctx.sentence.start, ctx.sentence.end)):
        found = [(abs(a - trigger.i) + (0.5 if a < trigger.i else 0), n, domain, a)
                 for n, (domain, cues) in enumerate(lexicon.domains.items())
                 for a, _b, _cue in find_phrases(doc, ctx.lang, tuple(cues), start, end)]
        if trigger.pos_ == "NOUN":
            # a noun's own complements first: "une feuille de route pour la coopération économique"
            own = _own_complements(trigger, lexicon)
            found = [f for f in found if f[3] in own] or found
        if found:
            return min(found)[2]
    return None


def _own_complements(noun, lexicon) -> set[int]:
    """The tokens of a noun's own complements, and of those the parser hung on the verb
    that takes the noun: field nouns ("approfondir leur partenariat, notamment dans les
    domaines de la défense et de l'énergie"), obliques right after it that a field link
    opens ("renforcé leur coopération dans la science et la défense"; not "after talks on
    trade")."""
    own = {t.i for t in noun.subtree}
    if noun.dep_ in ("obj", "obl:arg", "nsubj", "nsubj:pass"):
        own |= {t.i for c in noun.head.children if c.i != noun.i and (
                    c.lower_ in lexicon.field_nouns or (c.dep_.startswith("obl") and c.left_edge.i == noun.right_edge.i + 1
                                                        and c.left_edge.lower_ in lexicon.field_links))
                for t in c.subtree}
    return own


def listed_domains(ctx: SentenceContext, trigger, lexicon) -> list[str]:
    """"cooperation in defence, trade and renewable energy": the domains whose cues stand in
    the trigger noun's own complements, in the order of the text (each once)."""
    noun = trigger
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "security cooperation in trade": the phrase's head noun
    if noun.pos_ != "NOUN":
        return []
    own = _own_complements(noun, lexicon)
    found = sorted((a, domain) for domain, cues in lexicon.domains.items()
                   for a, _b, _cue in find_phrases(ctx.sentence.doc, ctx.lang, tuple(cues), ctx.sentence.start,
                                                   ctx.sentence.end)
                   if a in own)
    return list(dict.fromkeys(domain for _a, domain in found))


def _quote(text: str, lang: str) -> str | None:
    for left, right in profile(lang).text.quotes:
        start = text.find(left)
        end = text.find(right, start + 1)
        if start >= 0 and end > start:
            return text[start + 1:end].strip()
    return None
