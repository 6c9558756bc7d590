"""Find the entities a parsed article mentions, and link them to the gazetteer.

Gazetteer forms are matched with spaCy's PhraseMatcher (one matcher for forms
that match whatever their case, one for those that must match exactly); the
statistical NER adds the people the gazetteer does not know. A capital is the
city where a preposition places something there ("à Pyongyang") and the state
everywhere else ("Pyongyang dément").
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from ..gazetteer import load_gazetteer
from ..model import EntityRef, entity_id
from ..text import fold
from .context import doc_dateline
from .mention_words import mention_list, mention_words
from .names import bracketed_acronym, ner_names, titled_names

__all__ = ["Mention", "REFERENCE_KINDS", "find_mentions", "is_locative"]

# Kinds of the mentions kg.extract.coreference and kg.extract.home add: words that
# stand for an entity named elsewhere fill claim roles but are not surface forms of it.
REFERENCE_KINDS = frozenset({
    "pronoun",         # "Il", "she"
    "official",        # an office whose holder goes unnamed ("le Premier ministre indien", and on
                       # a state's own site "le président de la République", "nous"): its state
    "title",           # "le président russe", "the minister": the person who holds it
    "country_phrase",  # "dans le pays", "in the country": the last state named as a place
    "ellipsis",        # "le Nord": a state named before, called by a shorter name
})


@dataclass
class Mention:
    """An entity mention in a spaCy Doc: token span, char span, linked entity."""
    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    ref: EntityRef
    kind: str            # state, capital, city, region, organization, person, body, group, ner; or a REFERENCE_KINDS
    demonym: bool = False
    state: EntityRef | None = None  # the state a capital can stand for, or a known leader act for
    # the entity the words name when the mention acts for another: "the Pentagon" fills
    # roles as the United States, and is still a place (an entity) the article names
    named: EntityRef | None = None

    @classmethod
    def of_token(cls, token, ref: EntityRef, kind: str, **more) -> "Mention":
        """A mention of ``ref`` by the one word ``token`` (a pronoun, an acronym...)."""
        return cls(token.i, token.i + 1, token.idx, token.idx + len(token.text), token.text, ref, kind, **more)

    @property
    def country(self) -> EntityRef | None:
        """The state this mention names, reading a capital as its state."""
        if self.ref.cls == "Country":
            return self.ref
        return self.state if self.ref.cls == "Place" else None

    def as_state(self) -> "Mention":
        """The same words read as the state (a capital in a role only a state can fill);
        a building stays an entity the article names ("une réunion au Kremlin")."""
        if not self.state:
            return self
        return replace(self, ref=self.state, kind="state", state=None,
                       named=self.ref if self.kind == "body" else self.named)

    @property
    def cls(self) -> str:
        return self.ref.cls

    @property
    def acts_for_state(self) -> bool:
        """Is it an unnamed office holder, a state that fills a person's role ("the visitor")?"""
        return self.kind == "official"

    @property
    def is_reference(self) -> bool:
        """Does it stand for an entity named elsewhere ("Il", "le président russe")?"""
        return self.kind in REFERENCE_KINDS


#: articles a process reads with matchers of their own candidate forms before it builds
#: the matchers of every form: a build of one changed article need not pay for 6,000
#: forms, and one of many pays for an article's candidates (about a sixth of them) once
_WHOLE_AFTER = 1
_read: dict[str, int] = {}


#: lang -> (the vocabulary they match in, the PhraseMatchers over every form)
_whole: dict[str, tuple] = {}


def prepare_matchers(lang: str, articles: int) -> None:
    """Build the matchers that serve every article of the process (``articles``: how
    many it is about to read) before a memory zone opens (kg.extract.pipeline._in_zone).
    Made inside one, a matcher would keep keys whose strings the zone's end drops:
    spaCy drops every string first added in the zone, even one added again for good
    there (the lexeme of the key "=ONUSIENNES" adds its lower case, another key)."""
    _short_matcher(lang)
    if _read.get(lang, 0) + articles > _WHOLE_AFTER:
        _matchers(lang)


def _matchers_for(doc, lang: str):
    """PhraseMatchers for ``doc``: over the forms that can match in it for a process's
    first article, then over every form (built once, outside any memory zone:
    ``prepare_matchers``). Both find the same spans."""
    if _read.get(lang, 0) >= _WHOLE_AFTER and (not doc.vocab.in_memory_zone or _whole_in(lang, doc.vocab)):
        return _matchers(lang)
    _read[lang] = _read.get(lang, 0) + 1
    return _build_matchers(lang, candidate_forms(doc, lang))


def _matchers(lang: str):
    """PhraseMatchers over the gazetteer's forms for ``lang``, built once for its pipeline."""
    from ..nlp import pipeline

    vocab = pipeline(lang).vocab
    if not _whole_in(lang, vocab):
        _whole[lang] = vocab, _build_matchers(lang, _gazetteer_forms(lang)[0])
    return _whole[lang][1]


def _whole_in(lang: str, vocab) -> bool:
    """Are the matchers over every form of ``lang`` built, for this vocabulary's pipeline?"""
    return lang in _whole and _whole[lang][0] is vocab


def _build_matchers(lang: str, keyed):
    """(folded, exact) PhraseMatchers over ``keyed`` (key, form, case_sensitive) and the entries by key."""
    from spacy.matcher import PhraseMatcher

    from ..nlp import pipeline

    nlp = pipeline(lang)
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for key, form, case_sensitive in keyed:
        (exact if case_sensitive else folded).add(key, [nlp.make_doc(form)])
    return folded, exact, _gazetteer_forms(lang)[1]


@lru_cache(maxsize=None)
def _gazetteer_forms(lang: str):
    """Each form of the gazetteer once, as (key, form, case_sensitive) in the order the
    matchers add them, and the entries of each key."""
    entries: dict[str, list] = {}
    by_form: dict[tuple[str, bool], list] = {}
    for form, entry, case_sensitive in load_gazetteer().forms(lang):
        by_form.setdefault((form if case_sensitive else form.lower(), case_sensitive), []).append(entry)
    keyed = []
    for (form, case_sensitive), found in by_form.items():
        key = f"{'=' if case_sensitive else '~'}{form}"
        entries[key] = found
        keyed.append((key, form, case_sensitive))
    return tuple(keyed), entries


@lru_cache(maxsize=None)
def _by_first_word(lang: str) -> tuple[list[str], list[int]]:
    """The forms' first words (lowered), sorted, with each one's place in _gazetteer_forms."""
    pairs = sorted((form.split(" ")[0].lower(), n) for n, (_k, form, _c) in enumerate(_gazetteer_forms(lang)[0]))
    return [word for word, _n in pairs], [n for _word, n in pairs]


def candidate_forms(doc, lang: str) -> list[tuple]:
    """The forms whose first token is a token of ``doc``: the only ones that can match.

    A form's first token is the start of its first word, ending where the word does
    or where a letter or digit meets another character ("l'" of "l'Ukraine", "U.S."),
    so a form is a candidate when one of the Doc's words starts its first word so
    (tests/test_mentions.py checks that every form's first token meets this)."""
    words, places = _by_first_word(lang)
    keyed = _gazetteer_forms(lang)[0]
    chosen = {n for n, (_k, form, _c) in enumerate(keyed) if not form.split(" ")[0]}
    for token in {t.lower_ for t in doc if not t.is_space}:
        at = bisect_left(words, token)
        while at < len(words) and words[at].startswith(token):
            rest = words[at][len(token):]
            if not rest or not (token[-1].isalnum() and rest[0].isalnum()):
                chosen.add(places[at])
            at += 1
    return [keyed[n] for n in sorted(chosen)]


def is_locative(doc, tok_start: int, lang: str) -> bool:
    """Is the token span introduced by a place preposition ("à", "in", "de")?"""
    preps = mention_words(lang)["locative_prepositions"]
    i = tok_start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and doc[i].lower_ in preps


def _in_dateline(span) -> bool:
    """"SÉOUL, 18 octobre 2024 —" opening the text, or "WASHINGTON — Today..."
    at the start of a later line: the place the article was filed from, not an actor."""
    doc = span.doc
    dateline = doc_dateline(doc)
    if dateline is not None and dateline.start <= span.start_char and span.end_char <= dateline.place_end:
        return True
    line_start = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ + doc[span.start - 1].text
    return (line_start and span.text.isupper() and span.end < len(doc)
            and doc[span.end].text in (",", "—", "–", "-", "--"))


def _dateline_credit(span) -> bool:
    """"BRUSSELS (Reuters) -", "LONDON, May 3 (AP) -": the agency that filed the
    article, between the dateline's place and its dash, is no actor of it."""
    dateline = doc_dateline(span.doc)
    return dateline is not None and dateline.place_end <= span.start_char and span.end_char <= dateline.end


def _choose(entries, doc, start: int, lang: str, dateline: bool = False):
    """Pick one gazetteer entry for a span: a capital is the city after a place
    preposition or in a dateline, and its state everywhere else."""
    gazetteer = load_gazetteer()
    locative = dateline or is_locative(doc, start, lang)
    places = [e for e in entries if e.cls == "Place" and e.kind != "body"]
    others = [e for e in entries if e not in places]
    bodies = [e for e in others if e.cls == "Organization"]
    if locative and places and not (bodies and _noun_complement(doc, start, lang)):
        # "la décision de Bruxelles": a bare "de" after a noun tells whose it is, not where
        # (the EU's, where a name is both a city and a body's metonym)
        return places[0]
    if bodies and locative:
        return bodies[0]
    if others:
        return others[0]
    entry = places[0]
    if entry.kind == "capital" and not locative:
        state = gazetteer.state_of(entry)
        if state is not None:
            return state
    return entry


def _noun_complement(doc, start: int, lang: str) -> bool:
    """Is the span a bare noun complement ("la décision de Bruxelles": complement_links
    right after a noun)?"""
    from ..profiles import profile

    i = start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    links = profile(lang).words["complement_links"]
    return i >= 1 and doc[i].lower_ in links and doc[i - 1].pos_ == "NOUN"


def _as_actor(entry):
    """A government body, building or state medium speaks and acts for its state.

    The corpus conventions (and analysts) attribute "le Pentagone affirme" to
    the United States; the body's name stays an alias of the state.
    """
    if entry.kind == "body" and entry.part_of:
        return load_gazetteer().by_qid(entry.part_of) or entry
    return entry


def _own_entity(entry, actor, span, lang: str) -> EntityRef | None:
    """The body a mention names when it acts for its state (``actor``): a ministry or
    an agency is an entity of its own (the corpus conventions); a building only
    where it is a place ("talks at the Pentagon"), not where it speaks for its
    state ("the Kremlin said": the state alone)."""
    if actor is entry or (entry.cls == "Place" and not is_locative(span.doc, span.start, lang)):
        return None
    if entry.cls == "Place" and span.root.head.pos_ == "ADJ":
        return None  # "vulnerable to the Kremlin", "close to the White House": the state
    return entry.ref


def find_mentions(doc, lang: str) -> list[Mention]:
    """Entity mentions of a parsed Doc, longest match first, in text order."""
    from spacy.util import filter_spans

    folded, exact, entries = _matchers_for(doc, lang)
    spans = []
    for matcher in (exact, folded):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
    spans = [s for s in spans if not _in_portfolio(doc, s, lang)
             and not _surname_of_another_name(doc, s, entries[s.label_], lang)]
    # a title tells where a name starts better than the NER ("Secretary John Q. Smith III")
    ner = titled_names(doc, lang)
    if doc.has_annotation("ENT_IOB"):
        found = ner_names(doc, lang, lambda name: len(name) > 1 and any(_within(s, name) for s in spans))
        ner += [n for n in found if not _overlaps(n, ner)]
    ner = [_after_known_acronym(n, spans, entries, lang) for n in ner]
    # A longer name wins over the gazetteer names inside it: "Maurice Sleem" is a
    # person, not Mauritius; "Forces armées libanaises" an army, not Lebanon.
    inside = {n: [s for s in spans if _within(s, n)] for n in ner}
    winners = [n for n in ner if _outranks(n, inside[n], spans, lang)]
    known = [s for s in spans if not any(_within(s, w) for w in winners)]
    others = [n for n in ner if n not in winners and not _overlaps(n, known + winners)]
    chosen = filter_spans(known + winners + others)
    mentions = []
    named = []  # (where it ends, gazetteer entry) of each name given in full
    for span in sorted(chosen, key=lambda s: s.start):
        if _dateline_credit(span):
            continue
        found = entries.get(span.label_)
        state = own = None
        dateline = _in_dateline(span)
        if found:
            chosen_entry = _choose(found, doc, span.start, lang, dateline)
            if _another_states_body(doc, span, chosen_entry, mentions, lang):
                continue
            named.append((span.end, chosen_entry))
            entry = _as_actor(chosen_entry)
            ref, kind = entry.ref, entry.kind
            own = _own_entity(chosen_entry, entry, span, lang)
            if own is not None and chosen_entry.cls == "Place":
                # "met at the Pentagon": the building is the place, its state stands by
                # for a role only a state fills, as for a capital
                ref, own, state, kind = own, None, ref, chosen_entry.kind
            if (entry.kind == "capital" and not dateline) or entry.kind == "person":
                # a capital can stand for its state; a leader can act for it ("Kim ratified")
                state_entry = load_gazetteer().state_of(entry) if entry.kind == "capital" else (
                    load_gazetteer().by_qid(entry.part_of) if entry.part_of else None)
                state = state_entry.ref if state_entry else None
        else:
            text = span.text  # names.py trimmed it
            cls = _ner_classes(lang)[span.label_]
            if cls == "Place" and span[0].lower_ in mention_words(lang)["institution_nouns"]:
                cls = "Organization"  # "le Parlement kényan", read as a place: a body of Kenya
            ref, kind, state = _unknown_name(text, cls, [entries[s.label_] for s in inside.get(span, ())]
                                             + [_plain_name_entries(text, cls, lang)], lang)
            if cls == "Organization" and state is None:
                state = _possessor_state(doc, span, mentions, lang)
        demonym = span[0].is_lower and ref.cls == "Country" or span.root.pos_ == "ADJ"
        mentions.append(Mention(span.start, span.end, span.start_char, span.end_char,
                                span.text, ref, kind, demonym, state, own))
    mentions += _short_mentions(doc, lang, chosen, named)
    mentions = _defined_acronyms(doc, sorted(mentions, key=lambda m: m.tok_start))
    return [_as_group(doc, m, lang) for m in mentions]


def _after_known_acronym(name, spans, entries, lang: str):
    """"le député LFI Jean Dupont", "la sénatrice LR X": a person's name read on from
    the acronym of a known organisation before it (a party, a body) starts after it,
    and the acronym stays the organisation's."""
    from spacy.tokens import Span

    if _ner_classes(lang).get(name.label_) != "Person":
        return name
    lead = next((s for s in spans if s.start == name.start and s.end < name.end and s.text.isupper()
                 and len(s.text) > 1 and any(e.kind in ("organization", "body") for e in entries[s.label_])), None)
    return Span(name.doc, lead.end, name.end, label=name.label_) if lead is not None else name


def _defined_acronyms(doc, mentions: list[Mention]) -> list[Mention]:
    """"the Islamic Revolutionary Guard Corps (IRGC)", "les Forces armées maliennes
    (FAMa)": an acronym in brackets after a name is that name, there and wherever the
    article uses it again; a name the gazetteer does not know takes the entity of a
    known acronym of the same class ("... de l'Afrique de l'Ouest (Cédéao)")."""
    same: dict[str, Mention] = {}
    acronyms = _unread_acronyms(doc, mentions)
    for name, acronym in zip(mentions, mentions[1:]):
        if not (acronym.tok_start == name.tok_end + 1 and doc[name.tok_end].text == "("
                and acronym.tok_end < len(doc) and doc[acronym.tok_end].text == ")"
                and acronym.tok_end - acronym.tok_start == 1 and _abbreviates(acronym.text, name)):
            continue
        if acronym.kind == "ner":
            acronyms[acronym.text] = name
        elif name.kind == "ner" and name.cls == (acronym.named or acronym.ref).cls:
            same[name.text] = acronym  # "Ukraine's Security Service (SBU)": the known body
    same.update(acronyms)
    if not same:
        return mentions
    if acronyms:  # the NER may miss the acronym where it recurs: each use is a mention
        taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        mentions = sorted(mentions + [
            Mention.of_token(t, acronyms[t.text].ref, "ner")
            for t in doc if t.text in acronyms and t.i not in taken], key=lambda m: m.tok_start)
    return [replace(m, ref=same[m.text].ref, kind=same[m.text].kind, state=same[m.text].state,
                    named=same[m.text].named)
            if m.kind == "ner" and m.text in same else m for m in mentions]


@lru_cache(maxsize=None)
def _short_matcher(lang: str):
    """A PhraseMatcher over the gazetteer's short forms ("Council"), keyed by entry id."""
    from spacy.matcher import PhraseMatcher

    from ..nlp import pipeline

    nlp = pipeline(lang)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for entry in load_gazetteer().entries:
        forms = entry.short_forms.get(lang, ())
        if forms:
            matcher.add(entry.id, [nlp.make_doc(form) for form in forms])
    return matcher


def _short_mentions(doc, lang: str, chosen, named) -> list[Mention]:
    """"the Council adopted..." after "the Council of the European Union": a short
    form names the entity the article last named in full. Before that (a press
    release that never names its own institution in full), a subject names the one
    entity of that short form whose parent the article names ("the Council
    adopted", in a text that names the EU). Only after a determiner, so that "Atlantic Council" stays
    another name."""
    named_qids = {e.qid for _, e in named if e.qid}
    mentions = []
    for match_id, start, end in _short_matcher(lang)(doc):
        if start == 0 or doc[start - 1].pos_ != "DET" or _overlaps(doc[start:end], chosen):
            continue
        form = doc[start:end].text
        earlier = [(stop, e) for stop, e in named if stop <= start]
        candidates = [e for _, e in earlier if form in e.short_forms.get(lang, ())]
        if not candidates:
            # only as the subject: the institution that issues the text acts ("the Council adopted")
            if not doc[end - 1].dep_.startswith("nsubj"):
                continue
            candidates = _short_form_owners(form, lang, named_qids)
            if len(candidates) != 1 or candidates[0].id != doc.vocab.strings[match_id]:
                continue
        entry = _as_actor(candidates[-1])
        span = doc[start:end]
        own = candidates[-1].ref if entry is not candidates[-1] else None
        mentions.append(Mention(start, end, span.start_char, span.end_char, span.text,
                                entry.ref, entry.kind, named=own))
    return mentions


def _short_form_owners(form: str, lang: str, named_qids: set) -> list:
    """The entries with this short form whose parent (``part_of``) the article names."""
    return [e for e in load_gazetteer().entries
            if form in e.short_forms.get(lang, ()) and e.part_of in named_qids]


def _within(inner, outer) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and len(inner) < len(outer)


def _outranks(name, inside, spans, lang: str) -> bool:
    """Does a NER name replace the gazetteer names inside it?

    Only when it holds some, cuts none in two, holds a word of its own, and is not a
    state's own government ("the Government of Nicaragua" is Nicaragua).
    """
    if not inside or any(_overlaps(s, [name]) and not _within(s, name) for s in spans):
        return False
    # known names joined by small words ("retiré la Minusma du Mali"): those names
    covered = {i for s in inside for i in range(s.start, s.end)}
    if all(t.i in covered or t.is_punct or (t.is_lower and t.pos_ in ("ADP", "DET", "CCONJ")) for t in name):
        return False
    return name[0].lower_ not in mention_words(lang)["state_heads"]


def _unknown_name(text: str, cls: str, inside: list, lang: str):
    """The entity a name the gazetteer does not know as a whole stands for.

    A person whose surname the gazetteer knows keeps that person's QID but the
    name as the article writes it ("Smith" known, "John Smith Jr." read);
    an organisation named after a state ("Forces armées libanaises") belongs to
    that state, which it can stand for in a role only a state fills.
    """
    gazetteer = load_gazetteer()
    candidates = [e for found in inside for e in found]
    person = next((e for e in candidates if e.kind == "person" and _same_person(text, e, lang)), None) \
        if cls == "Person" else None
    if person is not None:
        owner = gazetteer.by_qid(person.part_of) if person.part_of else None
        ref = EntityRef(entity_id(person.qid, person.label, cls), text, person.qid, cls)
        return ref, "person", owner.ref if owner else None
    state = None
    if cls == "Organization":
        owner = next((gazetteer.state_of(e) for e in candidates if gazetteer.state_of(e) is not None), None)
        state = owner.ref if owner else None
    return EntityRef(entity_id(None, text, cls), text, None, cls), "ner", state


def _another_states_body(doc, span, entry, mentions: list[Mention], lang: str) -> bool:
    """"the Philippine Senate", "Kazakhstan's Senate": a body's generic name ("Senate")
    after another state's demonym or possessive is that state's own body, not the one the
    gazetteer knows by that name; the state named fills the roles."""
    if entry.kind != "body" or not entry.part_of or not mentions:
        return False
    owner = mentions[-1].country
    if owner is None or owner.qid == entry.part_of:
        return False
    before = mentions[-1].tok_end
    return before == span.start or (before == span.start - 1 and doc[before].text in mention_words(lang)["possessives"])


def _possessor_state(doc, span, mentions: list[Mention], lang: str) -> EntityRef | None:
    """"Ukraine's Armed Forces", "Russia's Security Council": a body named after a
    state's possessive belongs to that state."""
    if not mentions or span.start < 1 or doc[span.start - 1].text not in mention_words(lang)["possessives"]:
        return None
    owner = mentions[-1]
    return owner.country if owner.tok_end == span.start - 1 and not owner.demonym else None


def _plain_name_entries(text: str, cls: str, lang: str) -> list:
    """The known people a name stands for once its initials and suffixes are dropped:
    "Antony J. Blinken" is "Antony Blinken", "Lloyd J. Austin III" "Lloyd Austin"."""
    words = text.split()
    plain = [w for w in words if not (len(w) == 2 and w.endswith(".") and w[0].isupper())
             and w.lower() not in mention_words(lang)["name_suffixes"]]
    if cls != "Person" or len(plain) < 2 or len(plain) == len(words):
        return []
    return [e for e in load_gazetteer().lookup(" ".join(plain), lang) if e.kind == "person"]


def _surname_of_another_name(doc, span, found, lang: str) -> bool:
    """Is a leader's surname alone ("Martin") the end of a name the NER reads as no
    person's ("Lockheed Martin", a firm)? Then it names no leader."""
    if len(span) != 1 or any(e.kind != "person" for e in found):
        return False
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    # the NER may cut the firm's name in two ("Lockheed" ORG, "Martin" PRODUCT): the word
    # before, a proper noun it tags as an organisation's, tells (a date before, "Sunday
    # Macron said", does not)
    return (before.pos_ == "PROPN" and before.text[:1].isupper() and bool(before.ent_type_)
            and _ner_classes(lang).get(before.ent_type_) == "Organization"
            and before.lower_ not in mention_words(lang)["name_titles"])


def _same_person(text: str, entry, lang: str) -> bool:
    """Can a name holding a known person's surname be that person? "Volodymyr Zelensky"
    (another spelling) or "Joe Biden" can; "Lockheed Martin" or "Sarah Martin" is
    someone else ("Henry Kissinger" is not Ariel Henry): a given name must open like
    one of the known one's."""
    names = [fold(name).split() for name in (entry.label, *(form for form, _ in entry.all_forms()))]
    surnames = {name[-1] for name in names}
    firsts = {word[:2] for name in names for word in name[:-1]}
    # the words besides the surname, initials and suffixes ("Jr.", "III")
    suffixes = {fold(w) for w in mention_words(lang)["name_suffixes"]}
    given = [w for w in fold(text).split() if w not in surnames and len(w.rstrip(".")) > 1
             and w not in suffixes]
    # "Tayyip Erdogan" is "Recep Tayyip Erdoğan": any given name will do
    return not given or any(word[:2] in firsts for word in given)


def _in_portfolio(doc, span, lang: str) -> bool:
    """Is a name part of a minister's portfolio ("ministre de l'Europe et des
    Affaires étrangères")? Then it names no entity."""
    from .phrases import find_phrases

    phrases = mention_list(lang, "portfolios")
    return any(start <= span.start and span.end <= end for start, end, _ in find_phrases(doc, lang, phrases))


def _abbreviates(word: str, name: Mention) -> bool:
    """Can ``word`` be the acronym of the name: a capitalised word opening as one of the
    name's words does ("FAMa" for "Forces armées maliennes", "RDF" for "Forces rwandaises
    de défense", in English; not "TASS" after "MOSCOW", a dateline's agency)?"""
    initials = {fold(w)[:1] for w in name.text.split() if len(w) > 2}
    return word[:1].isupper() and not name.is_reference and fold(word)[:1] in initials


def _unread_acronyms(doc, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronyms in brackets right after a name that the NER did not read ("l'Alliance
    des États du Sahel (AES)"), with the name they stand for."""
    found = {}
    starts = {m.tok_start for m in mentions}
    for name in mentions:
        word = bracketed_acronym(doc, name.tok_end)
        if word is not None and name.tok_end + 1 not in starts and _abbreviates(word, name):
            found[word] = name
    return found


def _as_group(doc, mention: Mention, lang: str) -> Mention:
    """"des sociétés chinoises", "Chinese companies", "des sociétés basées en Chine":
    unnamed firms or banks of a country are a group of their own, not the state (the
    corpus conventions)."""
    nouns = mention_words(lang)["group_nouns"]
    if mention.cls != "Country":
        return mention
    seated = _seated_group(doc, mention, lang)
    if seated is not None:
        start = seated  # "des sociétés basées en Chine": the firms, not the state
    elif not mention.demonym:
        return mention
    elif mention.tok_start > 0 and doc[mention.tok_start - 1].lower_ in nouns:
        start = mention.tok_start - 1  # French: the noun before its adjective
    elif mention.tok_end < len(doc) and doc[mention.tok_end].lower_ in nouns:
        start = mention.tok_start      # English: the adjective before its noun
    else:
        return mention
    end = max(mention.tok_end, start + 1) if start < mention.tok_start else mention.tok_end + 1
    span = doc[start:end]
    label = span.text
    return Mention(start, end, span.start_char, span.end_char, span.text,
                   EntityRef(entity_id(None, label, "Group"), label, None, "Group"), "group")


def _seated_group(doc, mention: Mention, lang: str) -> int | None:
    """Where "sociétés basées en" starts before a state's name (a group noun, a participle
    of ``group_seats``, a place preposition), else None."""
    words = mention_words(lang)
    at = mention.tok_start - 1
    while at > 0 and doc[at].pos_ == "DET":
        at -= 1
    if at < 2 or doc[at].lower_ not in words["locative_prepositions"] or doc[at - 1].lower_ not in words["group_seats"]:
        return None
    return at - 2 if doc[at - 2].lower_ in words["group_nouns"] else None


def _overlaps(span, spans) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


@lru_cache(maxsize=None)
def _ner_classes(lang: str) -> dict[str, str]:
    """The model's entity labels kept when the gazetteer does not know a name (the profile's)."""
    from ..profiles import profile

    return dict(profile(lang).labels.entities)
