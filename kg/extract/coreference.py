"""People named again without their name: "Il", "le chef de l'État russe".

Two cheap, predictable rules instead of a statistical coreference model:
a title next to a state with no name beside it ("le président russe") stands
for the last person the article introduced with that state's title; a subject
pronoun ("Il a assuré...") stands for the last person named before it.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..profiles import profile
from .frames import claim_lexicon
from .phrases import find_phrases
from .home import home_titles
from .markers import inverted_pronoun
from .mention_words import contractions as contraction_table, ellipses, mention_list, mention_words
from .mentions import Mention

__all__ = ["resolve_references"]


def _titles(doc, lang: str):
    """(start, end, title) token spans of position titles."""
    yield from find_phrases(doc, lang, claim_lexicon(lang).titles)


@lru_cache(maxsize=None)
def _contractions(lang: str) -> frozenset[str]:
    """The contracted forms ("du", "aux"), as a set to join with other word lists."""
    return frozenset(contraction_table(lang))


@lru_cache(maxsize=None)
def _links(lang: str) -> frozenset[str]:
    # "Premier ministre de la République de l'Inde": the state's own formal name
    words = mention_words(lang)
    return words["determiners"] | words["place_links"] | _contractions(lang) | words["state_heads"]


@lru_cache(maxsize=None)
def _destination_words(lang: str) -> frozenset[str]:
    """Contractions that place rather than link ("au Maroc", not "du Maroc")."""
    links = mention_words(lang)["place_links"]
    return frozenset(word for word, full in contraction_table(lang).items() if full not in links)


@lru_cache(maxsize=None)
def _partner_words(lang: str) -> frozenset[str]:
    """"avec Niamey", "entre Washington et Niamey": partners; "le soutien de la France": an owner."""
    words = mention_words(lang)
    return words["partners"] | words["place_links"] | (_contractions(lang) - _destination_words(lang))


def _only_links(tokens, lang: str) -> bool:
    """Do only determiners, "de" and words such as "République" join a title to the state
    after it ("le président de la Russie")?"""
    links = _links(lang)
    return all(t.lower_ in links for t in tokens)


def _of_state(tokens, lang: str) -> bool:
    """Is the state the title's own ("du président indien", "de la Russie"), not a place
    it goes to ("du président de la République au Maroc")?"""
    places = _destination_words(lang)
    return not any(t.lower_ in places for t in tokens)


def _formal_words(doc, lang: str):
    """"de la République de l'Inde": the words a state's formal name adds before it
    ("République" and its link) do not count against the title's reach. Gives
    ``added(start, end)``, those of ``doc[start:end]``: each title looks at every state
    the article names, so the heads are counted once per Doc (a running count)."""
    counts: list[int] = []

    def added(start: int, end: int) -> int:
        if not counts:  # counted when a title first asks (most articles name no title)
            heads = mention_words(lang)["state_heads"]
            counts.append(0)
            for t in doc:
                counts.append(counts[-1] + (t.lower_ in heads))
        return 2 * (counts[max(start, end)] - counts[start])

    return added


def _title_mentions(doc, mentions: list[Mention], lang: str, home=None) -> list[Mention]:
    """"le président russe" for the Russian president named before; "le ministre"
    alone for the last person the article gave that title; an office whose holder
    the article never names ("le Premier ministre indien", on the publisher's own
    site "le président de la République") for its state (an "official" mention)."""
    people = [m for m in mentions if m.cls == "Person"]
    states = [m for m in mentions if m.cls in ("Country", "Organization")]
    holder: dict[str, Mention] = {}        # state id -> its titled person
    # (state id, title) -> the person named with that title: "the Estonian ambassador" after
    # "Estonian Prime Minister X" is not X (mentions.yaml distinct_titles)
    holder_as: dict[tuple[str, str], Mention] = {}
    distinct = mention_words(lang)["distinct_titles"]
    titled: dict[str, Mention] = {}        # title -> the last person named with it
    # title -> the last person named with it as a subject: "US President X met Chinese
    # President Y. The president said...": the one who acted, not the last named
    acting: dict[str, Mention] = {}
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    added = []
    near = profile(lang).windows["title_state"]  # tokens between a title and the name or state it goes with
    contractions = _contractions(lang)
    openers = mention_words(lang)["determiners"] | contractions
    formal_words = _formal_words(doc, lang)
    for start, end, title in _titles(doc, lang):
        state = next((m for m in states if end <= m.tok_start <= end + near + formal_words(end, m.tok_start)
                      and _only_links(doc[end:m.tok_start], lang)), None)
        # "le président de la République française": the state's name holds the title's last words
        state = state or next((m for m in states if start < m.tok_start < end < m.tok_end), None)
        # "the Japanese prime minister", "Japan's prime minister": the state before the title
        prior = None if state is not None else _state_before(doc, start, states, lang)
        after = state.tok_end if state else end
        # "le président turc a félicité X", "Japan's prime minister met Joe Biden": a verb
        # between makes X another person
        # "The Secretary and Foreign Minister X": a name after a joiner is another's
        named = next((m for m in people if after <= m.tok_start <= after + near
                      and not _has_verb(doc[after:m.tok_start]) and not _joined(doc[after:m.tok_start], lang)), None)
        # "X, Premier ministre de l'Inde": a name just before, no verb between ("Rutte
        # welcomed the Prime Minister of Sweden" names another one), nor one that ends the
        # sentence before ("...met X this afternoon. The Prime Minister")
        before = next((m for m in people if start - 3 <= m.tok_end <= start and m.tok_start >= doc[start].sent.start
                       and not _has_verb(doc[m.tok_end:start])), None)
        if before is not None and start > 0 and doc[start - 1].text == ",":
            named = before  # "X, Premier ministre de l'Inde, Y, ...": the title is X's apposition
        named = named or before
        if named is not None:
            # "le ministre des Armées X", later "le ministre": the title's head word too
            titled[title] = titled[title.split()[0]] = named
            if _is_subject(doc[named.tok_start:named.tok_end].root):
                acting[title] = acting[title.split()[0]] = named
            # "Prime Minister X of Denmark": the state after the name
            state = state or prior or next((m for m in states if named.tok_end < len(doc)
                                            and m.tok_start in (named.tok_end + 1, named.tok_end + 2)
                                            and _only_links(doc[named.tok_end:m.tok_start], lang)
                                            and doc[named.tok_end].lower_ not in openers), None)
            if state is not None:
                holder[state.ref.id] = named
                for word in _title_keys(title):
                    holder_as[(state.ref.id, word)] = named
            continue
        # "le ministre", "du président": a determiner, or a contraction that holds one
        # (the contraction stays out of the mention: it is the preposition that marks it)
        determined = start > 0 and doc[start - 1].lower_ in openers
        first = start - 1 if determined and doc[start - 1].lower_ not in contractions else start
        if prior is not None:
            # "the Japanese prime minister" after "Japanese Prime Minister X": X; never named: the state
            owner_first = prior.tok_start - 1 if _determined(doc, prior.tok_start, openers) else prior.tok_start
            # with no determiner and no possessor, "Japanese Prime Minister" opens a name
            # the NER missed: nobody's office
            owned = owner_first < prior.tok_start or prior.tok_end < start
            if not owned:
                continue
            if (held := _holder(holder, holder_as, prior.ref.id, title, distinct)
                    or _known_holder(titled.get(title), prior.ref)) is not None:
                # "President X ... the Ukrainian president": X, when X is Ukraine's leader
                person, stop, first = held, end, owner_first
            else:
                if prior.kind == "state" and not taken & set(range(start, end)):
                    added.append(_official(doc, owner_first, end, prior.ref))
                continue
        elif state is not None and (held := _holder(holder, holder_as, state.ref.id, title, distinct)) is not None:
            person, stop = held, state.tok_end
        elif home is not None and determined and title in home_titles(lang, home) \
                and (state is None or not _of_state(doc[end:state.tok_start], lang)) \
                and not taken & set(range(start, end)):
            # (not "the Prime Minister of Sweden": an office of its own state)
            # "le président de la République" on the publisher's own site: its holder, else the state
            person = acting.get(title) or titled.get(title) or titled.get(title.split()[0])
            # whose office the holder named holds: "Danish Prime Minister X" is Denmark's
            held = next((state_id for state_id, holding in holder.items() if person is not None
                         and holding.ref.id == person.ref.id), None)
            if person is None or (person.state is not None and person.state.id != home.id) \
                    or (held is not None and held != home.id):
                added.append(_official(doc, first, end, home))
                continue
            stop = end
        elif state is None and determined and title in titled and not taken & set(range(start, end)):
            # a bare title after a determiner: the one who holds it in this article, the
            # one who acted when two were named with it
            person, stop = acting.get(title, titled[title]), end
        elif state is not None and state.kind == "state" and determined and _of_state(doc[end:state.tok_start], lang):
            # "le Premier ministre indien", no holder named: the state acts through its office
            added.append(_official(doc, first, state.tok_end, state.ref))
            continue
        else:
            continue
        span = doc[first:stop]
        added.append(Mention(first, stop, span.start_char, span.end_char, span.text,
                             person.ref, "title", state=person.state))
    return added


def _known_holder(person, state):
    """``person`` if the gazetteer makes them a leader of ``state``, else None."""
    return person if person is not None and person.state is not None and person.state.id == state.id else None


def _holder(holder: dict, holder_as: dict, state_id: str, title: str, distinct: frozenset[str]):
    """Who holds ``title`` for a state: the person named with it; else, unless the title
    is an office of its own (an ambassador, a spokesman), the one named with another title
    ("le chef de l'État russe" after "le président russe X")."""
    if (state_id, title) in holder_as:
        return holder_as[(state_id, title)]
    if _title_keys(title) & distinct:
        return None
    return holder.get(state_id)


def _title_keys(title: str) -> set[str]:
    """A title and the words that name it alone: "ministre" for "ministre des Armées",
    "minister" for "foreign minister"."""
    words = title.split()
    return {title, words[0], words[-1]}


def _joined(tokens, lang: str) -> bool:
    """Does a joiner ("and", "or") stand among ``tokens``?"""
    joiners = mention_words(lang)["joiners"]
    return any(t.lower_ in joiners for t in tokens)


def _has_verb(tokens) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _determined(doc, start: int, openers) -> bool:
    return start > 0 and doc[start - 1].lower_ in openers


def _state_before(doc, start: int, states, lang: str):
    """The state named right before a title, as a demonym ("the Japanese prime minister")
    or as a possessor ("Japan's prime minister"); or None."""
    endings = profile(lang).words["possessive_endings"]
    for m in states:
        if m.tok_end == start and m.demonym:
            return m
        if m.tok_end == start - 1 and doc[m.tok_end].lower_ in endings:
            return m
    return None


def _official(doc, start: int, end: int, state) -> Mention:
    """An office holder the article does not name, standing for the state."""
    span = doc[start:end]
    return Mention(start, end, span.start_char, span.end_char, span.text, state, "official")


def _pronoun_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    pronouns = mention_words(lang)["person_pronouns"]
    # "Le président de la République ... Il a rappelé": an unnamed official too
    people = [m for m in mentions if m.cls == "Person" or m.kind == "official"]
    added = []
    parsed = doc.has_annotation("DEP")  # once: spaCy looks at every token to tell
    for token in doc:
        # "a-t-il ajouté": the inverted subject keeps its hyphen
        if token.lower_.lstrip("-") in pronouns and (token.dep_.startswith("nsubj") or inverted_pronoun(token)
                                                     or not parsed):
            gender = token.morph.get("Gender")
            before = [m for m in people if m.end <= token.idx and _gender_fits(doc, m, gender)]
            subjects = [m for m in before if _is_subject(doc[m.tok_start:m.tok_end].root)]
            last = (subjects or before or [None])[-1]
            if last is not None and _topic_changed(doc, last.tok_end, token.i):
                last = None
            if last is not None:
                kind = "official" if last.kind == "official" else "pronoun"
                added.append(Mention.of_token(token, last.ref, kind, state=last.state))
    return added


def _plural_pronoun_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """"Macron et Scholz se sont entretenus à Berlin. Ils ont condamné...", "X a rencontré Y.
    Les deux responsables ont dénoncé...": a plural subject pronoun, or a phrase for two
    people, stands for the people who acted together just before (earlier in its own
    sentence, then one sentence back, two for a phrase): the subject and those met ("avec
    X", the object, the host "par X"), when there are two of them or more."""
    if not doc.has_annotation("DEP"):
        return []
    pronouns = mention_words(lang)["plural_person_pronouns"]
    spans = [(t.i, t.i + 1) for t in doc if t.lower_ in pronouns and t.dep_.startswith("nsubj")]
    phrases = mention_list(lang, "plural_person_phrases")
    spans += [(start, end) for start, end, _phrase in find_phrases(doc, lang, phrases)
              if doc[start:end].root.dep_.startswith("nsubj")]
    added = []
    for start, end in spans:
        sentence = doc[start].sent
        # a pronoun looks one sentence back; a phrase ("les deux responsables") two
        earlier = [doc[sentence.start:start]]
        for _ in range(1 if end - start == 1 else 2):
            if earlier[-1].start > 0:
                earlier.append(doc[earlier[-1].start - 1].sent)
        for span in earlier:
            people = _acting_together(doc, [m for m in mentions if span.start <= m.tok_start and m.tok_end <= span.end
                                            and (m.cls == "Person" or m.kind == "official")], lang)
            if people:
                text = doc[start:end]
                added += [Mention(start, end, text.start_char, text.end_char, text.text, person.ref, "pronoun",
                                  state=person.state) for person in people]
                break
    return added


def _acting_together(doc, people: list[Mention], lang: str) -> list[Mention]:
    """Of the people a span names, those who act together: the subject (with what "et"
    joins to it) and the ones met, named as the object or after a comitative ("avec");
    none unless there are two of them or more."""
    comitative = mention_words(lang)["comitative"]
    together, seen = [], set()
    for person in people:
        acting = False
        for token in doc[person.tok_start:person.tok_end]:
            while token.dep_ in ("appos", "flat:name", "conj") and token.head.i != token.i:
                token = token.head  # "le président X", "X et Y": as the first one
            acting |= (token.dep_.startswith("nsubj") or token.dep_ in ("obj", "obl:agent")
                       or any(c.dep_ == "case" and c.lower_ in comitative for c in token.children))
        if acting and person.ref.id not in seen:
            seen.add(person.ref.id)
            together.append(person)
    return together if len(together) >= 2 else []


def _is_subject(token) -> bool:
    """A subject, or a name in apposition to one ("le Premier ministre japonais Fumio Kishida")."""
    return token.dep_.startswith("nsubj") or (token.dep_ in ("appos", "flat:name") and token.head.dep_.startswith("nsubj"))


def _topic_changed(doc, start: int, end: int) -> bool:
    """"... la résolution 2773. Celle-ci condamne ... Elle appelle le Rwanda à": a gendered
    demonstrative subject between the person and the pronoun ("celle-ci", "celui-ci") has
    made a thing named since the topic, which the pronoun goes on with."""
    return any(t.pos_ == "PRON" and t.dep_.startswith("nsubj") and "Dem" in t.morph.get("PronType")
               and t.morph.get("Gender") for t in doc[start:end])


def _gender_fits(doc, person, gender) -> bool:
    """Does the title before a name ("la ministre", "le président") agree with the pronoun?"""
    if not gender:
        return True
    root = doc[person.tok_start:person.tok_end].root
    if root.dep_ == "appos" and root.head.morph.get("Gender"):
        # "Le ministre des Affaires étrangères, Jean X": the title the name is set off
        # from, not the nearest noun ("Affaires")
        return root.head.morph.get("Gender") == gender
    sentence_start = doc[person.tok_start].sent.start
    for token in reversed(doc[max(sentence_start, person.tok_start - 6):person.tok_start]):
        if token.pos_ in ("NOUN", "DET") and token.morph.get("Gender"):
            return token.morph.get("Gender") == gender
    # no title: "Jean X s'est rendu à Kigali", a participle that agrees with its subject
    verb = root.head
    agreeing = profile(doc.lang_).words.get("agreeing_auxiliaries", frozenset())
    if (root.dep_.startswith("nsubj") and "Part" in verb.morph.get("VerbForm") and verb.morph.get("Gender")
            and any(c.dep_.startswith("aux") and c.lemma_.lower() in agreeing for c in verb.children)):
        return verb.morph.get("Gender") == gender
    return True


def _short_names(doc, mentions: list[Mention]) -> list[Mention]:
    """"Kim" after "Kim Jong Un", "Rutte" after "Mark Rutte": one word of a name
    the article gave in full, when it names no one else in the article."""
    owners: dict[str, set[str]] = {}
    first_seen: dict[str, int] = {}
    full: dict[str, Mention] = {}
    suffixes = mention_words(doc.lang_)["name_suffixes"]
    for m in mentions:
        words = m.text.split()
        while len(words) > 1 and words[-1].lower() in suffixes:
            words.pop()  # "Jr." is not the name of "X Y Jr."
        if m.cls == "Person" and not m.is_reference and len(words) > 1:
            full.setdefault(m.ref.id, m)
            for word in (words[0], words[-1]):
                owners.setdefault(word, set()).add(m.ref.id)
                first_seen.setdefault(word, m.end)
    # a lone word the NER took for a new person ("Kim") is the one named in full
    taken = {i for m in mentions if not _lone_ner_name(m) for i in range(m.tok_start, m.tok_end)}
    added = []
    pronouns = mention_words(doc.lang_)["person_pronouns"]
    for token in doc if owners else ():
        ids = owners.get(token.text)
        if not ids or len(ids) != 1:
            continue  # most words are no word of a name (looked at first: the cheapest test)
        if token.is_stop or token.lower_ in pronouns:
            continue  # "Il" is a pronoun, not the last word of "Kim Jong Il"
        if token.i not in taken and token.idx >= first_seen[token.text]:
            added.append(replace(full[next(iter(ids))], tok_start=token.i, tok_end=token.i + 1,
                                 start=token.idx, end=token.idx + len(token.text), text=token.text))
    return added


def _lone_ner_name(mention: Mention) -> bool:
    return mention.kind == "ner" and mention.cls == "Person" and mention.tok_end - mention.tok_start == 1


def _country_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """"stationed in the country", "dans le pays": the last state named as a place."""
    from .markers import after_preposition, phrase_start

    phrases = mention_list(lang, "country_anaphora")
    partners = _partner_words(lang)
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    added = []
    for start, end, _phrase in find_phrases(doc, lang, phrases):
        if taken & set(range(start, end)):
            continue  # "le Royaume" of "le Royaume-Uni"
        places = [m for m in mentions if m.end <= doc[start].idx and m.country is not None
                  and after_preposition(doc, m) and doc[phrase_start(doc, m) - 1].lower_ not in partners]
        if places:
            last = places[-1]
            if doc[start].lower_ in _contractions(lang) and end - start > 1:
                start += 1  # "du pays": the contraction is the preposition that marks the phrase
            span = doc[start:end]
            added.append(Mention(start, end, span.start_char, span.end_char, span.text,
                                 last.country, "country_phrase"))
    return added


def _ellipsis_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """"le Nord", "the North": a state the article already named, called by a
    shorter name as written (capitalised) once it is clear whom it means."""
    from .phrases import find_phrases

    forms = {form.lower(): (form, qid) for form, qid in ellipses(lang)}
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    added = []
    for start, end, phrase in find_phrases(doc, lang, tuple(forms)):
        form, qid = forms[phrase]
        span = doc[start:end]
        named = [m for m in mentions if m.ref.qid == qid and m.end <= span.start_char]
        if (named and span.text.split()[-1] == form.split()[-1] and not taken & set(range(start, end))
                and not _has_complement(doc, end, lang) and not _owned(doc, start, lang)):
            added.append(Mention(start, end, span.start_char, span.end_char, span.text,
                                 named[0].ref, "ellipsis"))
    return added


def _owned(doc, start: int, lang: str) -> bool:
    """"Ukraine's Allies", "its Allies", "ses Alliés": someone's allies, not the alliance's
    members as a body."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.lower_ in mention_words(lang)["possessives"] or "Yes" in before.morph.get("Poss")


def _has_complement(doc, end: int, lang: str) -> bool:
    """"le Nord du pays" is a region, not an elliptic state name."""
    return end < len(doc) and doc[end].lower_ in mention_words(lang)["place_links"]


def resolve_references(doc, mentions: list[Mention], lang: str, home=None) -> list[Mention]:
    """``mentions`` plus one mention per title, pronoun, "the country" or elliptic
    name that stands for a known entity.

    Added mentions have one of kg.extract.mentions.REFERENCE_KINDS: they fill
    claim roles but are not surface forms of the entity.
    """
    short = _short_names(doc, mentions)
    named = {m.tok_start for m in short}
    mentions = [m for m in mentions if not (_lone_ner_name(m) and m.tok_start in named)] + short
    mentions = mentions + _country_mentions(doc, mentions, lang)
    mentions = mentions + _ellipsis_mentions(doc, mentions, lang)
    titled = mentions + _title_mentions(doc, mentions, lang, home)
    titled = titled + _government_mentions(doc, titled, lang)
    titled.sort(key=lambda m: m.tok_start)
    singular = _pronoun_mentions(doc, titled, lang)
    return sorted(titled + singular + _plural_pronoun_mentions(doc, titled + singular, lang)
                  + _speaker_pronouns(doc, titled, lang) + _plural_state_mentions(doc, titled, lang),
                  key=lambda m: m.tok_start)


def _plural_state_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """"Britain, France and Germany have worked together on Iran's programme. In a joint
    statement, the three governments criticised...": a phrase for three states or more, as
    a subject, stands for the states joined as subjects in its sentence before it, else in
    one of the two sentences before (two states are the pair: claims.yaml pair_anaphora)."""
    phrases = mention_list(lang, "plural_state_phrases")
    if not phrases or not doc.has_annotation("DEP"):
        return []
    added = []
    for start, end, _phrase in find_phrases(doc, lang, phrases):
        if not doc[start:end].root.dep_.startswith("nsubj"):
            continue
        span = doc[doc[start].sent.start:start]
        for _ in range(3):
            states = {m.country.id: m for m in mentions
                      if span.start <= m.tok_start and m.tok_end <= span.end and m.country is not None
                      and _joined_subject(doc[m.tok_start:m.tok_end].root)}
            if len(states) >= 3:
                text = doc[start:end]
                added += [Mention(start, end, text.start_char, text.end_char, text.text, m.country, "pronoun")
                          for m in states.values()]
                break
            if span.start == 0:
                break
            span = doc[span.start - 1].sent
    return added


def _government_mentions(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """"Poland has deployed 2,000 troops to Lithuania, the government said": a government
    the text does not name, as a subject, stands for the one state that is a subject in its
    sentence, else in the sentence before (an "official" mention of it). Not where a state
    qualifies it ("the Polish government", "the government in Vilnius": a mention already)."""
    nouns = mention_words(lang)["government_nouns"]
    if not nouns or not doc.has_annotation("DEP"):
        return []
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    articles = mention_words(lang)["definite_articles"]
    added = []
    for token in doc:
        if token.lower_ not in nouns or not token.dep_.startswith("nsubj") or token.i in taken:
            continue
        first = token.i
        while first > 0 and doc[first - 1].dep_ in ("compound", "amod") and doc[first - 1].is_lower:
            first -= 1  # "the defence ministry"
        if first == 0 or doc[first - 1].lower_ not in articles:
            continue
        seat = _seat(doc, mentions, token, lang)
        if seat is not None:
            # "the authorities in Kyiv condemned": the state whose capital it sits in
            added.append(_official(doc, first - 1, token.i + 1, seat))
            continue
        if any(c.i in taken or c.dep_ in ("nmod", "nmod:poss") for c in token.children):
            continue  # "the government of Japan", "the Japanese government": named already
        state = _subject_state(doc, mentions, token.sent) or (
            _subject_state(doc, mentions, doc[token.sent.start - 1].sent) if token.sent.start > 0 else None)
        if state is not None:
            added.append(_official(doc, first - 1, token.i + 1, state))
    return added


def _seat(doc, mentions: list[Mention], token, lang: str):
    """The state of the capital a government noun sits "in" ("the government in Tehran"), or None."""
    links = mention_words(lang)["seat_links"]
    for child in token.children:
        if child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in links for c in child.children):
            place = next((m for m in mentions if m.tok_start <= child.i < m.tok_end and m.ref.cls == "Place"), None)
            if place is not None and place.state is not None:
                return place.state
    return None


def _subject_state(doc, mentions: list[Mention], sentence):
    """The one state that is a subject in ``sentence`` (a capital standing for it counts), or None."""
    states = {m.country.id: m.country for m in mentions
              if sentence.start <= m.tok_start < sentence.end and m.country is not None
              and _subject_or_joined(doc[m.tok_start:m.tok_end].root)}
    return next(iter(states.values())) if len(states) == 1 else None


def _subject_or_joined(token) -> bool:
    """A subject, or a name joined to one ("Germany and France said")."""
    return token.dep_.startswith("nsubj") or (token.dep_ == "conj" and token.head.dep_.startswith("nsubj"))


def _joined_subject(token) -> bool:
    """A subject, or a name any number of "and" join to one ("Poland, Lithuania and Latvia")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_.startswith("nsubj")


def _actor_of(subject, actors: dict):
    """The state or body a subject names: itself, or the one that qualifies its noun ("the
    Japanese government", "the government of Japan", "Japan's foreign ministry")."""
    if subject.i in actors:
        return actors[subject.i]
    if subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((actors[c.i] for c in subject.children
                 if c.i in actors and c.dep_ in ("amod", "nmod", "nmod:poss", "compound")), None)


def _speech_verb(clause):
    """The verb whose subject speaks of ``clause``: the verb it completes ("said it had"),
    or the verb whose object is the noun it completes ("rejected claims that it had": a
    noun's complement clause, opened by a conjunction, not a relative clause), else None."""
    if clause.dep_ == "ccomp":
        return clause.head
    if clause.dep_ == "acl" and clause.head.dep_ == "obj" and any(c.dep_ == "mark" for c in clause.children):
        return clause.head.head
    return None


def _speaker_pronouns(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """"The Pentagon said it had deployed...", "Iran rejected claims that it supplied...":
    the subject pronoun of what a state or a body says, or of the claims it answers, is
    that state or body."""
    pronouns = mention_words(lang)["actor_pronouns"]
    if not pronouns or not doc.has_annotation("DEP"):
        return []
    actors = {i: m for m in mentions if m.cls in ("Country", "Organization") and not m.is_reference
              for i in range(m.tok_start, m.tok_end)}
    added = []
    for token in doc:
        if token.lower_ not in pronouns or not token.dep_.startswith("nsubj"):
            continue
        speech = _speech_verb(token.head)
        if speech is None:
            continue
        sayer = next((_actor_of(c, actors) for c in speech.children if c.dep_.startswith("nsubj")), None)
        if sayer is not None:
            added.append(Mention.of_token(token, sayer.ref, "pronoun", state=sayer.state))
    return added
