"""People named again without their name: "Il", "le chef de l'État russe".

Two cheap, predictable rules instead of a statistical coreference model:
a title next to a state with no name beside it ("le président russe") stands
for the last person the article introduced with that state's title; a subject
pronoun ("Il a assuré...") stands for the last person named before it.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..lexicons import load_lexicon
from ..profiles import profile
from .frames import claim_lexicon, find_phrases
from .mentions import Mention

__all__ = ["resolve_references"]

@lru_cache(maxsize=None)
def _pronouns(lang: str) -> frozenset[str]:
    return frozenset(load_lexicon(lang, "mentions").get("person_pronouns") or ())


def _titles(doc, lang: str):
    """(start, end) token spans of position titles."""
    for start, end, _title in find_phrases(doc, lang, claim_lexicon(lang).titles):
        yield start, end


def _title_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    people = [m for m in mentions if m.cls == "Person"]
    states = [m for m in mentions if m.cls in ("Country", "Organization")]
    holder: dict[str, Mention] = {}
    added = []
    near = profile(lang).windows["title_state"]  # tokens between a title and the name or state it goes with
    for start, end in _titles(doc, lang):
        state = next((m for m in states if end <= m.tok_start <= end + near), None)
        if state is None:
            continue
        named = next((m for m in people if state.tok_end <= m.tok_start <= state.tok_end + near), None)
        named = named or next((m for m in people if start - 3 <= m.tok_end <= start), None)
        if named is not None:
            holder[state.ref.id] = named
        elif state.ref.id in holder:
            first = start - 1 if start > 0 and doc[start - 1].pos_ == "DET" else start
            span = doc[first:state.tok_end]
            added.append(Mention(first, state.tok_end, span.start_char, span.end_char, span.text,
                                 holder[state.ref.id].ref, "pronoun", state=holder[state.ref.id].state))
    return added


def _pronoun_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    pronouns = _pronouns(lang)
    people = [m for m in mentions if m.cls == "Person"]
    added = []
    for token in doc:
        parsed = doc.has_annotation("DEP")
        if token.lower_ in pronouns and (token.dep_.startswith("nsubj") or not parsed):
            gender = token.morph.get("Gender")
            before = [m for m in people if m.end <= token.idx and _gender_fits(doc, m, gender)]
            subjects = [m for m in before if _is_subject(doc[m.tok_start:m.tok_end].root)]
            last = (subjects or before or [None])[-1]
            if last is not None:
                added.append(Mention(token.i, token.i + 1, token.idx, token.idx + len(token.text),
                                     token.text, last.ref, "pronoun", state=last.state))
    return added


def _is_subject(token) -> bool:
    """A subject, or a name in apposition to one ("le Premier ministre japonais Fumio Kishida")."""
    return token.dep_.startswith("nsubj") or (token.dep_ in ("appos", "flat:name") and token.head.dep_.startswith("nsubj"))


def _gender_fits(doc, person, gender) -> bool:
    """Does the title before a name ("la ministre", "le président") agree with the pronoun?"""
    if not gender:
        return True
    sentence_start = doc[person.tok_start].sent.start
    for token in reversed(doc[max(sentence_start, person.tok_start - 6):person.tok_start]):
        if token.pos_ in ("NOUN", "DET") and token.morph.get("Gender"):
            return token.morph.get("Gender") == gender
    return True


def _short_names(doc, mentions: list[Mention]) -> list[Mention]:
    """"Kim" after "Kim Jong Un", "Rutte" after "Mark Rutte": one word of a name
    the article gave in full, when it names no one else in the article."""
    owners: dict[str, set[str]] = {}
    first_seen: dict[str, int] = {}
    full: dict[str, Mention] = {}
    for m in mentions:
        if m.cls == "Person" and m.kind != "pronoun" and len(m.text.split()) > 1:
            full.setdefault(m.ref.id, m)
            for word in (m.text.split()[0], m.text.split()[-1]):
                owners.setdefault(word, set()).add(m.ref.id)
                first_seen.setdefault(word, m.end)
    # a lone word the NER took for a new person ("Kim") is the one named in full
    taken = {i for m in mentions if not _lone_ner_name(m) for i in range(m.tok_start, m.tok_end)}
    added = []
    for token in doc:
        ids = owners.get(token.text)
        if token.is_stop or token.lower_ in _pronouns(doc.lang_):
            continue  # "Il" is a pronoun, not the last word of "Kim Jong Il"
        if ids and len(ids) == 1 and token.i not in taken and token.idx >= first_seen[token.text]:
            added.append(replace(full[next(iter(ids))], tok_start=token.i, tok_end=token.i + 1,
                                 start=token.idx, end=token.idx + len(token.text), text=token.text))
    return added


def _lone_ner_name(mention: Mention) -> bool:
    return mention.kind == "ner" and mention.cls == "Person" and mention.tok_end - mention.tok_start == 1


@lru_cache(maxsize=None)
def _country_phrases(lang: str) -> tuple[str, ...]:
    return tuple(load_lexicon(lang, "mentions").get("country_anaphora") or ())


def _country_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """"stationed in the country", "dans le pays": the last state named as a place."""
    from .markers import after_preposition, mention_words, phrase_start

    phrases = _country_phrases(lang)
    partners = mention_words(lang)["partners"]
    added = []
    for start, end, _phrase in find_phrases(doc, lang, phrases):
        # "cooperation between Washington and Niamey": partners, not places
        places = [m for m in mentions if m.end <= doc[start].idx and m.country is not None
                  and after_preposition(doc, m) and doc[phrase_start(doc, m) - 1].lower_ not in partners]
        if places:
            last = places[-1]
            span = doc[start:end]
            added.append(Mention(start, end, span.start_char, span.end_char, span.text,
                                 last.country, "pronoun"))
    return added


def resolve_references(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` plus one mention per title or pronoun that names a known person.

    Added mentions have kind "pronoun": they fill claim roles but are not
    surface forms of the entity.
    """
    short = _short_names(doc, mentions)
    named = {m.tok_start for m in short}
    mentions = [m for m in mentions if not (_lone_ner_name(m) and m.tok_start in named)] + short
    mentions = mentions + _country_mentions(doc, mentions, lang)
    titled = mentions + _title_mentions(doc, mentions, lang)
    titled.sort(key=lambda m: m.tok_start)
    return sorted(titled + _pronoun_mentions(doc, titled, lang), key=lambda m: m.tok_start)
