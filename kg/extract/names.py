"""Names the statistical NER finds, cleaned into spans kg can trust.

spaCy's NER gives spans with their determiner ("the Department of State"),
a title or honorific ("M. Sleem", "Président Macron"), a possessive or a
bracket ("OFAC's", "(OFAC"), and some junk: a title alone ("Prince"), a
sentence-initial common word ("Terrorism"), a pronoun. This module trims the
spans and drops the junk; which words are determiners, honorifics, titles or
name particles is per language, in ``lexicons/<lang>/mentions.yaml`` and the
position titles of ``claims.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .mention_words import mention_words

__all__ = ["ner_names", "titled_names", "NameWords", "bracketed_acronym"]

_EDGE_PUNCT = " ,.;:«»\"'“”‘’()[]-–—"


@dataclass(frozen=True)
class NameWords:
    """The words that may surround or join a name in one language."""
    classes: dict            # NER label -> entity class
    determiners: frozenset   # dropped before a name
    honorifics: frozenset    # "M.", "Mr", "Mme": dropped before a name
    titles: frozenset        # one-word titles ("président"): dropped before a name, never a name alone
    particles: frozenset     # lower-case words inside a person's name ("bin", "de", "van")
    connectors: frozenset    # lower-case words a name cannot end with ("of", "for", "de")
    complement_links: frozenset  # "of", "de": a noun's complement ("the Ministry of Defence")
    possessives: frozenset   # "'s", "’s"
    collective_possessors: frozenset  # "People's Party", "Workers' Party": a possessive inside one name
    not_names: frozenset     # words the model takes for a name alone ("Sud", "Nord")
    feature_nouns: frozenset  # lower-case nouns that open a place's name ("mer", "golfe")
    suffixes: frozenset      # "Jr.", "III": the end of a person's name
    not_actor_ends: frozenset  # "Treaty", "Summit": a name ending so names no actor
    organization_words: frozenset  # "Police", "Command": one makes a NER name an organisation's; empty: any
    organization_heads: frozenset  # "Parti", "Rassemblement": a common noun, capitalised, opening one's name
    route_words: frozenset   # "from X to Y" read as one place by the NER: cut there
    equipment_nouns: frozenset  # "launchers", "canons": the name qualifying one is a weapon system's
    weapon_names: frozenset  # "atacms", "storm shadow": weapon systems, never actors


@lru_cache(maxsize=None)
def name_words(lang: str) -> NameWords:
    from ..profiles import profile
    from .frames import claim_lexicon

    words = mention_words(lang)
    titles = frozenset(t.lower() for t in claim_lexicon(lang).titles if " " not in t)
    return NameWords(
        classes=dict(profile(lang).labels.entities),
        determiners=words["determiners"],
        honorifics=words["honorifics"],
        titles=titles | words["name_titles"],
        particles=words["name_particles"],
        connectors=words["name_connectors"] | words["prepositions"],
        complement_links=profile(lang).words["complement_links"],
        possessives=words["possessives"],
        collective_possessors=words["collective_possessors"],
        not_names=words["place_nouns"] | words["not_names"] | words["person_pronouns"],
        feature_nouns=words["feature_nouns"],
        suffixes=words["name_suffixes"],
        not_actor_ends=words["not_actor_ends"],
        organization_words=words["organization_words"],
        organization_heads=words["organization_heads"],
        route_words=words["route_words"],
        equipment_nouns=words["equipment_nouns"],
        weapon_names=words["weapon_names"],
    )


def ner_names(doc, lang: str, holds_known=lambda span: False) -> list:
    """The Doc's NER spans of a kept class, trimmed, junk dropped; ``label_`` is the NER label.

    A span needs a proper noun or an acronym ("le Partenariat stratégique" is
    none), unless ``holds_known(span)``: it holds a name the gazetteer knows
    ("Forces armées libanaises").
    """
    words = name_words(lang)
    names = []
    for ent in _joined(doc.ents, words):
        if ent.label_ not in words.classes:
            continue
        for piece in _pieces(ent, words):
            span = _trim(piece, words)
            if span is None:
                continue
            confirmed = _acronym_follows(span)  # "Forces armées valdoriennes (FAV)": a name for sure
            if (_is_name(span, words, confirmed) and (confirmed or _proper(span) or holds_known(span)
                                                      or _headed(span, words))
                    and not _weapon(span, words)):
                names.append(span)
    return names


def _joined(ents, words: NameWords):
    """The NER's spans, a name it broke after a connector joined again: "the Agency
    for" + "International Development" is one organisation's name."""
    from spacy.tokens import Span

    ents = list(ents)
    while ents:
        ent = ents.pop(0)
        while (ents and ents[0].start == ent.end and ents[0].label_ == ent.label_
               and ent[-1].lower_ in words.connectors and ent[-1].is_lower):
            ent = Span(ent.doc, ent.start, ents.pop(0).end, label=ent.label_)
        yield ent


def _pieces(ent, words: NameWords):
    """A span cut at brackets and possessives: "the Treasury's Office of X (OFAC"
    holds three names; then each piece of an organisation's name cut before "of the"
    when both sides name one ("the Signals Battalion of the Armed Forces": a unit,
    then the forces it belongs to)."""
    from spacy.tokens import Span

    start = ent.start
    for token in ent:
        if token.text in words.possessives and (_royal_possessor(ent, start, token.i, words)
                                                or _collective_possessor(ent, token.i, words)):
            continue
        if token.text in "()[]" or token.text in words.possessives or _separating_dash(token):
            if token.i > start:
                yield from _units(Span(ent.doc, start, token.i, label=ent.label_), words)
            start = token.i + 1
    if start < ent.end:
        yield from _units(Span(ent.doc, start, ent.end, label=ent.label_), words)


def _separating_dash(token) -> bool:
    """A dash standing apart ("WASHINGTON - Les États-Unis", a dateline the NER read on
    into the first name) separates two names; a hyphen inside a word ("États-Unis") is
    no token of its own."""
    doc = token.doc
    return (token.text in ("-", "–", "—", "--") and token.i > 0 and bool(doc[token.i - 1].whitespace_)
            and bool(token.whitespace_))


def _royal_possessor(ent, start: int, end: int, words: NameWords) -> bool:
    """"the Princess of Wales's Royal Regiment": a unit named after a titled patron
    keeps its possessive (not "the Treasury's Office of X", two names)."""
    if words.classes.get(ent.label_) != "Organization" or not words.organization_words:
        return False
    doc = ent.doc
    segment = [t for t in doc[start:end]]
    while any(t.lower_ in words.determiners for t in segment):
        segment = segment[next(i for i, t in reversed(list(enumerate(segment))) if t.lower_ in words.determiners) + 1:]
    return any(t.lower_ in words.titles and t.text[:1].isupper() for t in segment)


def _collective_possessor(ent, at: int, words: NameWords) -> bool:
    """"the Valdorian People's Party", "the Workers' Party of Korea": a people or a class
    owning what follows, inside one organisation's name, keeps its possessive."""
    doc = ent.doc
    return (words.classes.get(ent.label_) == "Organization" and ent.start < at < ent.end - 1
            and doc[at - 1].lower_ in words.collective_possessors and doc[at - 1].text[:1].isupper()
            and doc[at + 1].text[:1].isupper())


def _units(piece, words: NameWords):
    from spacy.tokens import Span

    if words.classes.get(piece.label_) == "Place":
        # "Niamey to Airport 201": two places the NER joined across a route word
        for token in piece:
            if token.is_lower and token.lower_ in words.route_words and piece.start < token.i < piece.end - 1:
                yield Span(piece.doc, piece.start, token.i, label=piece.label_)
                yield Span(piece.doc, token.i + 1, piece.end, label=piece.label_)
                return
    royal = any(t.text in words.possessives for t in piece)  # "the Prince of Wales's Regiment": one name
    if words.classes.get(piece.label_) == "Organization" and words.organization_words and not royal:
        for token in piece:
            # "of the": a unit of a force; "the Ministry of Defence and Armed Forces
            # Logistics" (a portfolio without determiner) is one name
            if (token.lower_ in words.complement_links and token.i + 1 < piece.end
                    and piece.doc[token.i + 1].lower_ in words.determiners
                    and _holds_organization_word(piece.doc[piece.start:token.i], words)
                    and _holds_organization_word(piece.doc[token.i + 1:piece.end], words)):
                yield Span(piece.doc, piece.start, token.i, label=piece.label_)
                yield Span(piece.doc, token.i + 1, piece.end, label=piece.label_)
                return
    yield piece


def _holds_organization_word(span, words: NameWords) -> bool:
    return any(t.lower_ in words.organization_words for t in span if t.text[:1].isupper())


def _headed(span, words: NameWords) -> bool:
    """"le Parti démocrate valdorien", "le Rassemblement national": an organisation's name
    opening with a capitalised common noun of ``organization_heads``, not at a sentence's
    start (where any word is capitalised), is a name though no word of it is a proper noun."""
    first = span[0]
    return (words.classes.get(span.label_) == "Organization" and len(span) > 1 and not first.is_sent_start
            and first.text[:1].isupper() and first.lower_ in words.organization_heads)


def _proper(span) -> bool:
    if not span.doc.has_annotation("POS"):
        return True
    return any(t.pos_ in ("PROPN", "X") or (t.text.isupper() and len(t.text) > 1) for t in span)


def _trim(ent, words: NameWords):
    """``ent`` without leading determiners, honorifics and titles, trailing
    possessives, punctuation and connectors; None when nothing is left."""
    from spacy.tokens import Span

    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in words.determiners | words.honorifics | words.titles
                           or doc[start].lower_.rstrip(".") in words.honorifics
                           or not doc[start].text.strip(_EDGE_PUNCT)):
        start += 1
    while end > start and (doc[end - 1].text in words.possessives
                           or not doc[end - 1].text.strip(_EDGE_PUNCT)
                           or doc[end - 1].lower_ in words.connectors):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def _acronym_follows(span) -> bool:
    """Is the name followed by its acronym in brackets ("the Valdorian Liberation Front
    (VLF)"), opening with the initial of one of its words?"""
    word = bracketed_acronym(span.doc, span.end)
    initials = {t.lower_[:1] for t in span if len(t.text) > 2}  # "Forces rwandaises de défense (RDF)"
    return word is not None and word[0].lower() in initials


def bracketed_acronym(doc, end: int) -> str | None:
    """The acronym in brackets right after token ``end`` ("(VLF)", "(FAMa)": a word
    of letters, two of them capitals), else None."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    word = doc[end + 1].text
    return word if word.isalpha() and sum(c.isupper() for c in word) >= 2 else None


def _is_name(span, words: NameWords, confirmed: bool = False) -> bool:
    """Does the trimmed span read as a proper name? ``confirmed``: an acronym defines
    it, so no word need say it is an organisation's."""
    first = span[0]
    if len(span.text) < 2:
        return False
    if first.text[:1].isdigit() and words.classes[span.label_] == "Organization" and words.organization_words:
        pass  # "1st Battalion": a unit's number opens its name
    elif not first.text[:1].isupper():
        # "mer Rouge", "golfe d'Aden": a lower-case feature noun opens a place's name
        return words.classes[span.label_] == "Place" and first.lower_ in words.feature_nouns and len(span) > 1
    if span[-1].lower_ in words.not_actor_ends or first.lower_ in words.not_actor_ends:
        return False  # a treaty, a meeting, a storm: not an actor or a place
    if (words.classes[span.label_] == "Organization" and words.organization_words and not confirmed
            and not _organization(span, words)):
        return False
    if len(span) == 1:
        token = first
        if token.lower_ in words.not_names or token.lower_ in words.titles:
            return False
        if _short_for_no_actor(token, words):
            return False
        # a capitalised common word opening a sentence ("Terrorism", "Press") is no name;
        # an acronym ("OFAC") is
        if token.is_sent_start and not token.text.isupper():
            return False
        return token.is_alpha or "-" in token.text or token.text.isupper()
    if words.classes[span.label_] == "Person":
        # every word of a person's name is capitalised, but for particles ("bin", "de") and
        # the second syllable of a hyphenated given name ("Lai Ching-te", "Lee Jae-myung")
        return all(t.text[:1].isupper() or t.lower_ in words.particles or not t.is_alpha or _after_hyphen(t)
                   for t in span)
    return True


def _after_hyphen(token) -> bool:
    """Is the token joined by a hyphen to a capitalised word before it ("Ching-te")?"""
    doc = token.doc
    i = token.i
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
            and doc[i - 2].text[:1].isupper())


def _weapon(span, words: NameWords) -> bool:
    """Does the name stand for a weapon system ("Patriots", "Leopard 2A6", "HIMARS
    launchers", "canons Caesar"), which the NER takes for a person or a firm?"""
    if span.text.lower() in words.weapon_names:
        return True
    # a known system with its model number or its maker's country: "Leopard 2A6",
    # "Patriot PAC-3", "Russian Kinzhal" (a person's name holds no such word)
    if len(span) <= 3 and any(t.lower_ in words.weapon_names for t in span):
        return True
    doc = span.doc
    # right beside a piece of equipment, whatever the parse says: "sous-marins Scorpène"
    if any(0 <= i < len(doc) and doc[i].lower_ in words.equipment_nouns for i in (span.start - 1, span.end)):
        return True
    root = span.root
    # a name after a preposition is a complement, not a model: "des frégates en mer Rouge"
    if any(child.dep_ == "case" for child in root.children):
        return False
    return _qualifies_equipment(root, span, words)


def _qualifies_equipment(token, span, words: NameWords) -> bool:
    """Is the token's head, or that head's own head (a noun or adjective between:
    "Storm Shadow cruise missiles", "avions de combat F-16"), a piece of equipment
    right beside the name?"""
    head = token.head
    for _ in range(3):
        if span.start <= head.i < span.end or not span.start - 4 <= head.i <= span.end + 3:
            return False
        if head.lower_ in words.equipment_nouns:
            return True
        if head.pos_ not in ("NOUN", "ADJ") or head.head is head:
            return False
        head = head.head
    return False


def _short_for_no_actor(token, words: NameWords) -> bool:
    """"the Mutual Logistics Agreement (MLA)": the acronym in brackets after a treaty's
    or a meeting's name is that name's, no actor."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "(" and doc[token.i - 2].lower_ in words.not_actor_ends


def _organization(span, words: NameWords) -> bool:
    """The NER takes many capitalised phrases for organisations ("Super Typhoon",
    "National Defense"): an unknown one is an acronym ("TELCOR") or holds a word
    that says it is one ("Police", "Command", "Operation")."""
    if len(span) == 1:
        return span[0].text.isupper() and len(span[0].text) > 2
    return _holds_organization_word(span, words)


def titled_names(doc, lang: str) -> list:
    """Without a NER model: capitalised words after a title are a person's name
    ("Pentagon spokeswoman Sabrina Singh", "Minister Kim Min-jun", "President
    John Q. Adams Jr.")."""
    from spacy.tokens import Span

    from .frames import claim_lexicon
    from .phrases import find_phrases

    words = name_words(lang)
    names = []
    titles = claim_lexicon(lang).titles
    for _start, end, _title in find_phrases(doc, lang, titles):
        while end < len(doc) and doc[end].lower_ in words.titles:  # "spokesman Colonel Amadou Abdramane"
            end += 1
        apposed = end >= len(doc) or not _name_word(doc[end], words)
        if apposed:
            end = _apposed_after(doc, end, lang)  # "le vice-ministre russe de la Défense, X Y,"
        while end < len(doc) and doc[end].text.rstrip(".").lower() in words.honorifics:
            end += 1  # "le Président de la République de Corée, M. Han Duck-soo": no "M." in the name
        stop, parts = end, 0
        while stop < len(doc) and parts < 4:
            if _name_word(doc[stop], words):
                stop, parts = stop + 1, parts + 1
            elif doc[stop].text == "-" and stop + 1 < len(doc) and doc[stop + 1].is_alpha and stop > end:
                stop += 2  # "Min-jun", split by the tokenizer
            elif (stop > end and doc[stop].lower_ in words.particles and stop + 2 < len(doc)
                    and doc[stop + 1].text == "-" and _name_word(doc[stop + 2], words)):
                stop, parts = stop + 3, parts + 1  # "Abdel Fattah al-Burhan"
            else:
                break
        while stop < len(doc) and stop > end and doc[stop].lower_ in words.suffixes:
            stop += 1
        if apposed and (stop >= len(doc) or doc[stop].text not in (",", ".")):
            continue  # an apposition is the name alone, closed by a comma or a full stop
        if parts >= 2:
            names.append(Span(doc, end, stop, label=next(k for k, v in words.classes.items() if v == "Person")))
    return names


def _apposed_after(doc, end: int, lang: str) -> int:
    """Where a name set off by a comma after a title's complement may start ("le
    vice-ministre russe de la Défense, Iounous-Bek Evkourov, a"): past the first comma,
    if the words before it hold no verb nor other break; else ``end`` itself."""
    from ..profiles import profile

    reach = min(len(doc), end + profile(lang).windows["title_clause"])
    for i in range(end, reach):
        token = doc[i]
        if token.text == ",":
            return i + 1
        if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text not in ("'", "-")):
            return end
    return end


def _name_word(token, words: NameWords) -> bool:
    """A capitalised word or an initial ("J.") of a name."""
    text = token.text
    if text.lower() in words.suffixes:
        return False
    return text[:1].isupper() and (token.is_alpha or (len(text) == 2 and text[1] == "."))
