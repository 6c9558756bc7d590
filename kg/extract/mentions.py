"""Find the entities a parsed article mentions, and link them to the gazetteer.

Gazetteer forms are matched with spaCy's PhraseMatcher (one matcher for forms
that match whatever their case, one for those that must match exactly); the
statistical NER adds the people the gazetteer does not know. A capital is the
city where a preposition places something there ("à Pyongyang") and the state
everywhere else ("Pyongyang dément").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..gazetteer import load_gazetteer
from ..lexicons import load_lexicon
from ..model import EntityRef, entity_id
from .context import doc_dateline

__all__ = ["Mention", "find_mentions"]


@dataclass
class Mention:
    """An entity mention in a spaCy Doc: token span, char span, linked entity."""
    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    ref: EntityRef
    kind: str            # state, capital, city, region, organization, person, body, group, ner, pronoun
    demonym: bool = False
    state: EntityRef | None = None  # the state a capital can stand for, or a known leader act for

    @property
    def country(self) -> EntityRef | None:
        """The state this mention names, reading a capital as its state."""
        if self.ref.cls == "Country":
            return self.ref
        return self.state if self.ref.cls == "Place" else None

    def as_state(self) -> "Mention":
        """The same words read as the state (a capital in a role only a state can fill)."""
        return replace(self, ref=self.state, kind="state", state=None) if self.state else self

    @property
    def cls(self) -> str:
        return self.ref.cls


@lru_cache(maxsize=None)
def _matchers(lang: str):
    """PhraseMatchers over the gazetteer's forms for ``lang``, built once."""
    from spacy.matcher import PhraseMatcher

    from ..nlp import pipeline

    nlp = pipeline(lang)
    gazetteer = load_gazetteer()
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    entries: dict[str, object] = {}
    by_form: dict[tuple[str, bool], list] = {}
    for form, entry, case_sensitive in gazetteer.forms(lang):
        by_form.setdefault((form if case_sensitive else form.lower(), case_sensitive), []).append(entry)
    for (form, case_sensitive), found in by_form.items():
        key = f"{'=' if case_sensitive else '~'}{form}"
        entries[key] = found
        (exact if case_sensitive else folded).add(key, [nlp.make_doc(form)])
    return folded, exact, entries


@lru_cache(maxsize=None)
def _places_prepositions(lang: str) -> frozenset[str]:
    return frozenset(load_lexicon(lang, "mentions")["locative_prepositions"])


def _is_locative(doc, tok_start: int, lang: str) -> bool:
    """Is the token span introduced by a place preposition ("à", "in", "de")?"""
    preps = _places_prepositions(lang)
    i = tok_start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and doc[i].lower_ in preps


def _in_dateline(span) -> bool:
    """"SÉOUL, 18 octobre 2024 —": the place the article was filed from, not an actor."""
    dateline = doc_dateline(span.doc)
    return dateline is not None and span.end_char <= dateline.place_end


def _choose(entries, doc, start: int, lang: str, dateline: bool = False):
    """Pick one gazetteer entry for a span: a capital is the city after a place
    preposition or in a dateline, and its state everywhere else."""
    gazetteer = load_gazetteer()
    locative = dateline or _is_locative(doc, start, lang)
    places = [e for e in entries if e.cls == "Place" and e.kind != "body"]
    others = [e for e in entries if e not in places]
    if locative and places:
        return places[0]
    if others:
        return others[0]
    entry = places[0]
    if entry.kind == "capital" and not locative:
        state = gazetteer.state_of(entry)
        if state is not None:
            return state
    return entry


def _as_actor(entry):
    """A government body, building or state medium speaks and acts for its state.

    The corpus conventions (and analysts) attribute "le Pentagone affirme" to
    the United States; the body's name stays an alias of the state.
    """
    if entry.kind == "body" and entry.part_of:
        return load_gazetteer().by_qid(entry.part_of) or entry
    return entry


def _ref(entry) -> EntityRef:
    return EntityRef(entity_id(entry.qid, entry.label, entry.cls), entry.label, entry.qid, entry.cls)


def find_mentions(doc, lang: str) -> list[Mention]:
    """Entity mentions of a parsed Doc, longest match first, in text order."""
    from spacy.util import filter_spans

    folded, exact, entries = _matchers(lang)
    spans = []
    for matcher in (exact, folded):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
    # a name, not a common noun the model took for one ("une visite d'État")
    ner = [ent for ent in doc.ents if ent.label_ in _ner_classes(lang)
           and any(t.pos_ in ("PROPN", "X") for t in ent)]
    if not doc.has_annotation("ENT_IOB"):
        ner = _titled_names(doc, lang, spans)
    chosen = filter_spans(spans + [e for e in ner if not _overlaps(e, spans)])
    mentions = []
    for span in sorted(chosen, key=lambda s: s.start):
        found = entries.get(span.label_)
        state = None
        dateline = _in_dateline(span)
        if found:
            entry = _as_actor(_choose(found, doc, span.start, lang, dateline))
            ref, kind = _ref(entry), entry.kind
            if (entry.kind == "capital" and not dateline) or entry.kind == "person":
                # a capital can stand for its state; a leader can act for it ("Kim ratified")
                state_entry = load_gazetteer().state_of(entry) if entry.kind == "capital" else (
                    load_gazetteer().by_qid(entry.part_of) if entry.part_of else None)
                state = _ref(state_entry) if state_entry else None
        else:
            text = _trim_ner(span)
            if not text:
                continue
            cls = _ner_classes(lang)[span.label_]
            ref, kind = EntityRef(entity_id(None, text, cls), text, None, cls), "ner"
        demonym = span[0].is_lower and ref.cls == "Country" or span.root.pos_ == "ADJ"
        mentions.append(Mention(span.start, span.end, span.start_char, span.end_char,
                                span.text, ref, kind, demonym, state))
    return [_as_group(doc, m, lang) for m in mentions]


@lru_cache(maxsize=None)
def _group_nouns(lang: str) -> frozenset[str]:
    return frozenset(load_lexicon(lang, "mentions").get("group_nouns") or ())


def _as_group(doc, mention: Mention, lang: str) -> Mention:
    """"des sociétés chinoises", "Chinese companies": unnamed firms or banks of a
    country are a group of their own, not the state (the corpus conventions)."""
    nouns = _group_nouns(lang)
    if not mention.demonym or mention.cls != "Country":
        return mention
    if mention.tok_start > 0 and doc[mention.tok_start - 1].lower_ in nouns:
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


def _titled_names(doc, lang: str, known) -> list:
    """Without a NER model: capitalised words after a title are a person's name
    ("Pentagon spokeswoman Sabrina Singh", "President Mohamed Bazoum")."""
    from spacy.tokens import Span

    from .frames import claim_lexicon, find_phrases

    names = []
    titles = claim_lexicon(lang).titles
    single = {t.lower() for t in titles if " " not in t}
    for _start, end, _title in find_phrases(doc, lang, titles):
        while end < len(doc) and doc[end].lower_ in single:  # "spokesman Colonel Amadou Abdramane"
            end += 1
        stop = end
        while stop < len(doc) and stop - end < 4 and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
            stop += 1
        if stop - end >= 2:
            span = Span(doc, end, stop, label="PERSON")
            if not _overlaps(span, known):
                names.append(span)
    return names


def _overlaps(span, spans) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


@lru_cache(maxsize=None)
def _ner_classes(lang: str) -> dict[str, str]:
    """The model's entity labels kept when the gazetteer does not know a name (the profile's)."""
    from ..profiles import profile

    return dict(profile(lang).labels.entities)


def _trim_ner(span) -> str:
    """A person's name as NER found it, without a title or trailing punctuation."""
    text = span.text.strip(" ,.;:«»\"'")
    return text if len(text) > 2 and text[0].isupper() else ""
