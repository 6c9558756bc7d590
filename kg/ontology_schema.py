"""The closed schema of every YAML file under ``ontology/``, checked once per process.

A lexicon with a typo must stop kg before it reads a single article, with one
line that names the file, the entry and what to fix: a misspelt key
(``needs_units``) would otherwise be ignored, and a frame that names an
unknown unit would silently never fill its quantity.

Teaching kg a new kind of file is one entry below: ``LEXICONS`` for a file
that every language has, or may have (``ontology/lexicons/<lang>/<name>.yaml``),
``ONTOLOGY_FILES`` for one file of the whole ontology. The schema language is
``kg.schema``'s. A YAML file that no entry declares is an error too.

>>> check_ontology()   # the shipped ontology is valid
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .schema import WORDS, MapOf, OneOf, Range, Rule, Vocabulary, validate

__all__ = ["LEXICONS", "ONTOLOGY_FILES", "GAZETTEER", "check_ontology", "vouch_for_ontology", "vocabularies"]

_RELATIVE_UNITS = ("days", "weeks", "months", "years")

_NAME = Rule(str, lambda value: bool(value.strip()), "empty; write a name")
_QID = Rule((str, type(None)), lambda value: value is None or re.fullmatch(r"Q[1-9][0-9]*", value) is not None,
            "not a Wikidata id like Q423; write one, or null")

ROLE_RULE = {
    "markers": WORDS,
    "classes": [OneOf("entity_classes", noun="entity class")],
    "min?": Range(0, 10),
    "from_signatories?": bool,
}

FRAME = Rule({
    "id": str,
    "type": OneOf("claim_types", noun="claim type"),
    "triggers": {"lemmas?": WORDS, "nouns?": WORDS, "not_reflexive?": WORDS, "only_reflexive?": WORDS},
    "roles": MapOf(OneOf("roles", by="type", noun="role"), ROLE_RULE),
    # a frame reads the type's declared fields, or a role it names in the sentence (a treaty)
    "fields": [OneOf("frame_fields", by="type", noun="field")],
    "stance?": (OneOf(("support", "oppose"), noun="stance"), type(None)),
    "needs_unit?": [OneOf("units", noun="unit")],
    "item_nouns?": WORDS,
    "requires_item?": bool,
    "kind_nouns?": WORDS,          # (en-more) "sent military aid to X": the kind of aid meets requires_item, no item
    "voice?": OneOf(("active", "passive", "any"), noun="voice"),
    "split?": OneOf("roles", by="type", noun="role"),
    "split_on?": OneOf("fields", by="type", noun="field"),
    "inherit?": [OneOf("roles", by="type", noun="role")],
    "context?": WORDS,
    "topic?": WORDS,
    "not_followed_by?": WORDS,     # (en-recall) "sent a signal": no troops move
    "not_after?": WORDS,           # (en-recall) "pledged $5 million in support of": money, no statement
    "not_object_of?": WORDS,       # (lead) "to discuss support for X": a topic talked about, no statement; (en-talk) prepositions too: "over its support"
    "subjects?": WORDS,            # (fr-recall) the nouns a trigger's subject must be ("soldats sont arrivés")
    "home_acts?": bool,            # (en-acts) on a state's own pages, "have been imposed on X" (no agent) is its act
    "since_spans?": bool,          # (en-more) "has visited X three times since 2018": no act of that date
    "not_subjects?": WORDS,        # (en-acts) the nouns it must not be: "the Bundeswehr sent two jets" hands nothing over
    "abroad?": OneOf("roles", by="type", noun="role"),   # (fr-recall) people who count only away from home
    "not_at_home?": OneOf("roles", by="type", noun="role"),  # (fr-talk) people whose own state is the place named drop out
    "split_counts?": bool,         # (fr-acts) "100 missiles et 200 obusiers": one claim per count
    "predicative?": bool,          # (en-talk) a noun trigger only as a copula's predicate: '"Russia is a threat," X said'
    "verbless?": bool,             # (fr-acts) a noun trigger no verb takes: a headline, "le nombre de soldats ... en Russie"
    "split_domains?": bool,        # (en-talk) "cooperation in defence, trade and energy": one claim per domain
    # (en-talk, en-acts) "welcomed X to Brussels": the visit's word, no praise; "sent tanks to X": aid, no deployment
    "yields_to?": [OneOf("claim_types", noun="claim type")],
    "objects?": WORDS,             # (en-acts) the nouns the trigger's object must be ("has 28,500 troops in X")
    "not_objects?": WORDS,         # (en-more) nouns its object (a passive's subject) must not be ("sent their children")
    "not_before_infinitive?": bool,  # (fr-talk) "accuse X de vouloir envahir": an act told, no statement
}, lambda frame: bool(frame["triggers"].get("lemmas") or frame["triggers"].get("nouns")),
   "a frame needs trigger lemmas or nouns")

_ROLE = {"name": str, "property": str, "min?": int, "pair?": bool}
_NOTE = (str, {"role": str, "prefix?": str})
_TIE = {"kind?": str, "kind_by?": {"field": str, "values": {"*": str}, "otherwise?": str},
        "between?": str, "from?": str, "to?": str, "note?": [_NOTE]}
_CLAIM_TYPE = {
    "class": str, "roles": [_ROLE], "one_of?": [[str]], "agent": str, "fields": [str],
    "same_fact": [(str, [str])], "same_fact_fields?": [str], "edges": [[str]],
    "directed?": bool, "colour": str, "tie?": _TIE,
    "treaty?": {"role": str, "parties": str, "signatories?": str, "marks?": str},
    "membership?": {"member": str, "of": str}, "speech?": {"about": str},
    "counted?": bool, "thinner_without?": str, "not_in_treaty_names?": bool,
}
#: ontology/claim_types.yaml; kg.claim_types checks what refers to other entries
CLAIM_TYPES = {"claim_types": {"*": _CLAIM_TYPE},
               "tie_kinds": [{"name": str, "alliance": bool, "directed": bool, "binds?": (bool, str)}]}

CLAIMS = {
    "frames": Rule([FRAME], lambda frames: len({f["id"] for f in frames}) == len(frames),
                   "two frames share an id; give each its own"),
    "positions": {"id": str, "titles": WORDS},
    "obligations": MapOf(OneOf("obligations", noun="obligation"), WORDS),
    "domains": MapOf(OneOf("domains", noun="domain"), WORDS),
    "default_domain?": OneOf("domains", noun="domain"),   # (fr-acts) a cooperation that names no field
    "field_nouns?": WORDS,         # (fr-probe) "dans les domaines de X et de Y", hung on the verb: the act's fields
    "field_links?": WORDS,         # (fr-probe) "leur coopération dans la science", "dans" hung on the verb: a field
    "treaty_nouns": WORDS,
    "irrealis?": WORDS,
    "plan_copulas?": WORDS,        # (en-acts) "are to be stationed": a plan, no act
    "negations?": WORDS,
    "pair_anaphora?": WORDS,
    "act_nouns?": WORDS,
    "since?": WORDS,
    "no_longer?": WORDS,
    "terminations?": WORDS,        # (en-recall) "suspended its support": no claim
    "commitments?": WORDS,         # (en-recall) "under the accord, X will...": binding, not an intention
    "pledges?": WORDS,             # (en-talk) "will stand by Ukraine": a statement made now, no intention
    "requests?": WORDS,            # (talk) "urged Iran to cooperate": the act asked of another is not done
}

ATTRIBUTIONS = {
    "prepositions": MapOf(OneOf("stances", noun="stance"), WORDS),
    "verbs": MapOf(OneOf("stances", noun="stance"), WORDS),
    "phrases": MapOf(OneOf("stances", noun="stance"), WORDS),
    "anaphora": WORDS,
    "negators?": WORDS,
    "source_nouns?": WORDS,
    "own_acts?": WORDS,
    "incise_verbs?": WORDS,   # (fr-talk) verbs that report speech only after a quotation
    "clause_verbs?": WORDS,   # (talk) verbs that report speech only with a clause ("soutient que")
    "source_links?": WORDS,   # (en-talk) "according to a readout from X": words between a source noun and its author
    "body_nouns?": WORDS,     # (en-more) "according to the defence ministry in Prague": bodies a city seats
}

DATES = {
    "capitalised_names": bool,
    "numeric_order": OneOf(("dmy", "mdy"), noun="numeric order"),
    "lede_perfect_is_news?": bool,
    "months": {"*": Range(1, 12)},
    "ordinal_suffixes": WORDS,
    "day_articles": WORDS,
    "day_range_openers": WORDS,
    "day_range_joiners": WORDS,
    "weekdays": {"*": Range(0, 6)},
    "weekday_last_before": WORDS,
    "weekday_last_after": WORDS,
    "month_cues": WORDS,
    "year_cues": WORDS,
    "seasons": {"*": Rule([Range(1, 12)], lambda span: len(span) == 2, "give the first and last month, 1 to 12")},
    "season_articles": WORDS,
    "season_this": WORDS,
    "season_year_links": WORDS,
    "season_last": WORDS,
    "relative": [Rule({"phrases": WORDS, "days?": int, "weeks?": int, "months?": int, "years?": int},
                      lambda entry: sum(unit in entry for unit in _RELATIVE_UNITS) == 1,
                      f"give exactly one of {', '.join(_RELATIVE_UNITS)}")],
}

QUANTITIES = {
    "thousands_separators": [str],
    "decimal_mark": str,
    "weak_numbers": WORDS,
    "multipliers": {"*": (int, float)},
    "collectives": {"*": (int, float)},
    "vague_alone": WORDS,
    "vague": WORDS,
    "vague_units": WORDS,
    "approximate": WORDS,
    "at_least": WORDS,
    "at_most": WORDS,
    "not_cues?": WORDS,            # "handed over 14 tanks": a phrase that ends in a cue word is no cue
    # an empty opener is a bare range ("12 000 à 15 000 soldats")
    "ranges": [Rule([str], lambda pair: len(pair) == 2, "give an opening and a joining word, e.g. [entre, et]")],
    "range_dashes?": [str],        # (en-recall) "12,000-15,000 troops"
    "unit_links": WORDS,
    "unit_gap": Range(0, 10),
    "units": {"*": str},
    "weak_units": WORDS,
    "currency_symbols": {"*": str},
    "not_after": WORDS,
    "not_before": WORDS,
}

MENTIONS = {
    "locative_prepositions": WORDS,
    "person_pronouns?": WORDS,
    "plural_person_pronouns?": WORDS,   # "Ils ont condamné": the people who acted together before
    "plural_person_phrases?": WORDS,    # "les deux responsables ont condamné": the same
    "pair_leader_phrases?": WORDS,      # (en-more) "the two leaders last met in Kazan": the pair's leaders meet
    "leader_titles?": WORDS,            # (en-more) the offices whose holders lead their state ("president")
    "plural_state_phrases?": WORDS,     # (talk) "the three governments criticised": the states joined as subjects before
    "actor_pronouns?": WORDS,       # (en-recall) "The Pentagon said it had deployed": the sayer
    "place_nouns?": WORDS,
    "facet_nouns?": WORDS,
    "relative_places?": WORDS,
    "place_destinations?": WORDS,
    "place_links?": WORDS,
    "determiners?": WORDS,
    "place_modifiers?": WORDS,
    "count_nouns?": WORDS,
    "representatives?": WORDS,     # "the leaders of X and Y signed": X and Y act as the subject
    "contractions?": {"*": str},
    "prepositions?": WORDS,
    "group_nouns?": WORDS,
    "group_seats?": WORDS,         # (fr-probe) "des sociétés basées en Chine": firms, not the state
    "country_anaphora?": WORDS,
    "clause_openers?": WORDS,
    "adversative?": WORDS,          # "face à X": whom the act stands against, in no role of it
    "assault_nouns?": WORDS,        # (talk2) "Russia's invasion of Ukraine": its "of" complement suffers the act
    "outlet_cues?": WORDS,          # "dans un entretien au X": the medium spoken to, in no role
    "outlet_nouns?": WORDS,         # "au quotidien X": a medium's kind between the cue and its name
    "outlet_links?": WORDS,         # "a déclaré au X": the medium a speech verb addresses
    "reporting_verbs?": WORDS,      # (lead) "Reuters reported": a news organisation reports, it does not speak
    "joiners?": WORDS,
    "during?": WORDS,
    "setting_prepositions?": WORDS,
    "complementizers?": WORDS,
    "quoted_first_person?": WORDS,  # 'X said: "... We stand with Y."': subject pronouns that are the one quoted      # "said that ...": the words that open what a speech verb says  # "X said on a visit to Y that...": the speaker's own setting, not what is said
    "comitative?": WORDS,
    "partners?": WORDS,
    "event_times?": WORDS,          # (fr-more) "au lendemain de", "après": before another event's noun
    "other_events?": WORDS,         # (fr-more) "... de pourparlers à Riyad": that event's nouns, whose place is theirs
    "own_complements?": WORDS,
    "border_nouns?": WORDS,         # (en-more) "along its border with X": X the border's, no party of the act
    "enacting_verbs?": WORDS,       # "signed a law ratifying X": the signer ratifies      # "for their role in the war against X": X is the role's, not the act's
    # names of people and states (entity-linking)
    "honorifics?": WORDS,
    "name_titles?": WORDS,
    "name_particles?": WORDS,
    "name_connectors?": WORDS,
    "not_names?": WORDS,
    "name_suffixes?": WORDS,
    "feature_nouns?": WORDS,
    "possessives?": WORDS,
    "collective_possessors?": WORDS,  # "People's Party": a possessor inside one organisation's name
    "state_heads?": WORDS,
    "distinct_titles?": WORDS,      # (en-talk) "the Estonian ambassador" is no Estonian named before with another title
    "government_nouns?": WORDS,     # (en-talk) "..., the government said": an unnamed government is the state that acts
    "definite_articles?": WORDS,    # "the government said", not "a government"
    "seat_links?": WORDS,           # "the government in Tehran", "according to officials in Kyiv": the place a body sits in
    "institution_nouns?": WORDS,    # "Parlement kényan": a name the NER took for a place opening so is a body
    "portfolios?": WORDS,
    "not_actor_ends?": WORDS,
    "organization_words?": WORDS,
    "organization_heads?": WORDS,   # "le Parti socialiste": a capitalised common noun opening a name
    "route_words?": WORDS,          # "Niamey to Airport 201": a place name the NER found is cut there   # an unknown organisation's name holds one (else an acronym)
    "equipment_nouns?": WORDS,      # "HIMARS launchers", "canons Caesar": the name they qualify is a weapon's
    "weapon_names?": WORDS,         # "ATACMS", "Storm Shadow": weapon systems the NER takes for actors
    "ellipses?": [{"form": str, "qid": _QID}],   # "le Nord": the state it stands for
}

#: (fr-recall) publishers that speak for a state, by the domain of the article's URL
PUBLISHERS = {
    "publishers": {"*": _QID},
    "first_person": WORDS,
    "home_titles": WORDS,
    "home_bodies?": WORDS,         # (en-acts) "The Ministry of Defence has deployed" on gov.uk: the state's own body
    # (en-talk) offices of one state only, by its Wikidata id: "the Prime Minister" on gov.uk
    "home_offices?": {"*": WORDS},
    "union_settings?": {"*": _QID},   # "À Bruxelles, nous avons adopté": the first person of a union's member
    "joint_titles?": WORDS,          # (fr-talk) a joint declaration's "nous" is both states
    "plural_first_person?": WORDS,
    # (fr-probe) legislatures every state has, named with no state ("L'Assemblée nationale a
    # ratifié"): the article's state (kg.extract.home.with_setting_bodies) ...
    "setting_bodies?": WORDS,
    # ... and the one a language's press means when nothing else tells
    "setting_state?": _QID,
}

_SHA256 = Rule(str, lambda value: re.fullmatch(r"[0-9a-f]{64}", value) is not None,
               "not a full sha256 (64 lower-case hex digits); copy it from `sha256sum`")

#: ontology/lexicons/<lang>/profile.yaml: what else differs between languages (kg.profiles)
PROFILE = {
    "pipeline": {
        "package?": str,            # a spaCy model package; absent: spaCy's blank tokenizer
        "data_dir?": str,           # the model's folder inside the package
        "sha256?": {"*": _SHA256},  # file (relative to data_dir) -> its full sha256, checked before loading
        "sentence_breaks_before?": str,   # the component kg's sentence breaks go before
    },
    "labels?": {
        "dep?": {"*": str},         # model's dependency label -> the rules' (UD) label
        "prepositions?": {          # re-heading "verb -prep-> in -pobj-> X" into "verb -obl-> X -case-> in"
            "labels": WORDS,        # the model's labels of a preposition (another keeps its label for the object: "conj")
            "verb_pos": WORDS,      # a head of these parts of speech takes a verb's label
            "objects": {"*": {"verb": str, "noun": str, "preposition": str}},
            "by_label?": {"*": str},   # a preposition label whose object always takes this label
        },
        "passive_aux?": WORDS,      # dependency labels (after mapping) that make a verb passive
        "gerund_verbs?": WORDS,     # lemmas whose gerund the model may read as an adjective ("denied supplying drones")
        "adjectives?": WORDS,       # adjectives the model may read as verbs ("to neighbouring Niger"): re-hung on the name after
        "entities?": {"*": OneOf("entity_classes", noun="entity class")},  # NER label -> class of an unknown name
    },
    "text": {
        "quotes": [Rule(WORDS, lambda pair: len(pair) == 2, "give [opening, closing]")],
        "sentence_ends": WORDS,     # tokens that end a sentence before a capital, a digit or a quote
        "closing_quotes": WORDS,    # a quote after a sentence end still ends the sentence
        "opening_quotes": WORDS,    # a sentence may start with one of these
    },
    "words": {
        "possessive_endings": WORDS,    # "Russia's": the possessor's own token
        "complement_links": WORDS,      # a bare noun complement ("les services de renseignement")
        "relative_pronouns": WORDS,     # ", which": a relative clause keeps the subject before it
        "reason_marks": WORDS,          # "sanctioned X for supplying": the clause speaks of X, not of who sanctions
        "agent_marks?": WORDS,          # "les sanctions adoptées par l'UE": the participle's agent, however parsed
        "purpose_marks?": WORDS,        # (talk2) "a convoqué l'ambassadeur de X pour protester": the purpose is the verb's subject's
        "auxiliaries?": WORDS,          # (lead) "a de son côté livré": the auxiliary an adverbial cut off
        "copulas": WORDS,               # "Russia is a threat": the verb whose predicate a noun is
        "future_endings?": WORDS,       # a verb the tagger calls future is one only with such an ending
        "first_person_possessives?": WORDS,  # (fr-talk) "notre volonté de soutenir X": the sentence's "nous" would
        "agreeing_auxiliaries?": WORDS,  # (talk) "X s'est rendu": a participle after these agrees with its subject
    },
    "participle_endings": WORDS,    # a past participle the tagger read as an adjective or noun is passive
    "word_order": {                 # how the language is read without a parse
        "strategy": OneOf("word_orders", noun="word-order strategy"),
        "negation_window": Range(0, 10),   # negation and modal words stand this many words before the verb
        "object_gap": Range(0, 20),        # an object stands at most this many words after its verb
        "subject_gap": Range(0, 20),       # a subject stands at most this many words (beside "and") before it
    },
    "windows": {                    # how far (in tokens) a field is looked for around its trigger
        "item_before": Range(0, 50),
        "item_after": Range(0, 50),
        "item_span": Range(0, 50),         # items further apart than this are listed, not spanned
        "domain_before": Range(0, 50),
        "domain_after": Range(0, 50),
        "title_before": Range(0, 50),      # a title stands at most this far before a name
        "title_gap": Range(0, 50),         # ... with at most this many words between them
        "title_state": Range(0, 50),       # a title and the state it goes with ("le président russe")
        "title_list": Range(0, 50),        # a title listed this close after another shares its state
        "title_clause": Range(0, 50),      # a state this close before a title may be its state
    },
}

_FORMS = MapOf(OneOf("gazetteer_languages", noun="language"), WORDS)

#: a generated gazetteer file (states.yaml, places.yaml...): a list of entries
GAZETTEER = [Rule(Rule({
    "id": _NAME,
    "label": _NAME,
    "class": OneOf("entity_classes", noun="entity class"),
    "kind": OneOf("gazetteer_kinds", noun="kind"),
    "qid?": _QID,
    "part_of?": _QID,
    "capital_of?": _QID,
    "forms?": _FORMS,
    "forms_cased?": _FORMS,
    "short_forms?": _FORMS,   # names used once the full one was given ("the Council")
}, lambda entry: entry["kind"] != "capital" or bool(entry.get("capital_of")),
   "a capital needs capital_of (the QID of its state)"),
   lambda entry: any((entry.get("forms") or {}).values()) or any((entry.get("forms_cased") or {}).values()),
   "no forms: give at least one name under forms or forms_cased")]

CURATED_GAZETTEER = {
    "settings": {
        "iso3_safe?": WORDS,
        "cased_demonyms?": _FORMS,
        "extra_cities?": [Rule(WORDS, lambda pair: len(pair) == 2, "give [English name, ISO alpha-2 code]")],
        "surnames_excluded?": WORDS,
        "cities_excluded?": WORDS,   # names of smaller cities that are given names or words
        "forms_excluded?": WORDS,    # (talk) forms no entry keeps: a region named by two states ("Australia and New Zealand")
        "orgs_without_qid?": WORDS,
    },
    "entries": [{
        "id": str, "label?": str, "class?": OneOf("entity_classes", noun="entity class"), "kind?": str,
        "qid?": (str, type(None)), "part_of?": (str, type(None)), "capital_of?": (str, type(None)),
        "forms?": _FORMS, "forms_cased?": _FORMS, "short_forms?": _FORMS,
    }],
}

#: ontology/lexicons/<lang>/<name>.yaml, in the order they are checked: the
#: quantities lexicon before the claims one, whose frames name its units. A
#: name ending in "?" is a file a language may do without.
LEXICONS = {
    "quantities": QUANTITIES,
    "dates": DATES,
    "mentions": MENTIONS,
    "attributions": ATTRIBUTIONS,
    "claims": CLAIMS,
    "profile": PROFILE,
    "publishers?": PUBLISHERS,
}

#: other YAML files, by their path under ontology/, checked before the lexicons
#: (whose frames name claim types). The generated gazetteer files (GAZETTEER) are
#: checked by kg.gazetteer as it reads them, once.
ONTOLOGY_FILES = {
    "claim_types.yaml": CLAIM_TYPES,
    "gazetteer/curated.yaml": CURATED_GAZETTEER,
}


def check_ontology(directory: Path | None = None) -> None:
    """Check every YAML file under ``directory`` (default: kg's ontology) once per process.

    Raises DataError with one line naming the file and the entry of the first problem.
    """
    from .lexicons import ontology_dir

    directory = Path(directory) if directory else ontology_dir()
    if directory not in _VOUCHED:
        _check(directory)


#: folders whose files an earlier build checked, byte for byte the same (kg.build_record)
_VOUCHED: set[Path] = set()


def vouch_for_ontology(directory: Path | None = None) -> None:
    """Take the ontology at ``directory`` as checked, in this process: for a build
    whose version key (every file of the ontology) is that of a build that checked it."""
    from .lexicons import ontology_dir

    _VOUCHED.add(Path(directory) if directory else ontology_dir())


@lru_cache(maxsize=None)
def _check(directory: Path) -> None:
    from .claim_types import declaration_path, load_claim_types
    from .gazetteer import load_gazetteer
    from .lexicons import display_path, read_yaml

    for name, schema in ONTOLOGY_FILES.items():
        path = directory / name
        validate(read_yaml(path), schema, display_path(path), vocabularies())
    declared = load_claim_types(declaration_path(directory))  # roles, fields and ties it refers to
    lexicons = directory / "lexicons"
    languages = sorted(p.name for p in lexicons.iterdir() if p.is_dir()) if lexicons.is_dir() else []
    if not languages:
        raise DataError(f"{display_path(lexicons)}: no language folder; "
                        f"point KG_ONTOLOGY_DIR at a folder with lexicons/<lang>/")
    for lang in languages:
        words = vocabularies(declared)
        for name, schema in LEXICONS.items():
            path = lexicons / lang / f"{name.rstrip('?')}.yaml"
            if name.endswith("?") and not path.exists():
                continue
            data = read_yaml(path)
            validate(data, schema, display_path(path), words)
            if name == "quantities":
                words["units"] = Vocabulary.of(
                    list(data["units"].values()) + list(data["currency_symbols"].values()),
                    f"units of {display_path(path)}")
    load_gazetteer(directory=directory / "gazetteer")  # read once: the build uses it next
    _no_undeclared_files(directory, languages)


def _no_undeclared_files(directory: Path, languages: list[str]) -> None:
    """A YAML file no schema declares would be read by nothing, or unchecked."""
    from .gazetteer import GAZETTEER_FILES
    from .lexicons import display_path

    declared = {directory / name for name in ONTOLOGY_FILES}
    declared |= {directory / "gazetteer" / name for name in GAZETTEER_FILES}
    declared |= {directory / "lexicons" / lang / f"{name.rstrip('?')}.yaml" for lang in languages for name in LEXICONS}
    for path in sorted(directory.rglob("*.y*ml")):
        if path not in declared:
            raise DataError(f"{display_path(path)}: no schema declares this file; declare it in "
                            f"kg/ontology_schema.py (LEXICONS or ONTOLOGY_FILES), or remove it")


def vocabularies(declared=None) -> dict:
    """The words the schemas refer to, declared elsewhere: kg.model, kg.gazetteer and,
    given ``declared`` (a kg.claim_types.ClaimTypes), the claim types, their roles and fields."""
    from .gazetteer import KINDS, LANGS
    from .model import DOMAINS, ENTITY_CLASSES, OBLIGATIONS, STANCES
    from .profiles import STRATEGIES

    words = {
        "entity_classes": Vocabulary.of(ENTITY_CLASSES, "kg/model.py"),
        "stances": Vocabulary.of(STANCES, "kg/model.py"),
        "obligations": Vocabulary.of(OBLIGATIONS, "kg/model.py"),
        "domains": Vocabulary.of(DOMAINS, "kg/model.py"),
        "gazetteer_kinds": Vocabulary.of(KINDS, "kg/gazetteer.py"),
        "gazetteer_languages": Vocabulary.of(LANGS, "kg/gazetteer.py"),
        "word_orders": Vocabulary.of(STRATEGIES, "kg/profiles.py"),
    }
    if declared is not None:
        where = declared.path
        words["claim_types"] = Vocabulary.of([ct.name for ct in declared.types], where)
        words["roles"] = {ct.name: Vocabulary.of(ct.role_names, f"the roles of {ct.name} in {where}")
                          for ct in declared.types}
        words["fields"] = {ct.name: Vocabulary.of(ct.fields, f"the fields of {ct.name} in {where}")
                           for ct in declared.types}
        words["frame_fields"] = {ct.name: Vocabulary.of(ct.fields + ct.role_names,
                                                        f"the fields or roles of {ct.name} in {where}")
                                 for ct in declared.types}
    return words
