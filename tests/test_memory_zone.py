"""A build's memory does not grow with the words of its articles (issue 12 §3): but for
a process's first ones, articles are parsed and read inside spaCy's memory zones
(kg.extract.pipeline._in_zone), so the strings and lexemes of their own words leave the
model's vocabulary afterwards, while what kg keeps across articles (the gazetteer's
matchers) still works."""
import pytest

import kg.extract.pipeline as extraction
from kg.extract.mentions import _gazetteer_forms
from kg.model import Document
from kg.nlp import pipeline

_SYLLABLES = ["bra", "dov", "kel", "mir", "nust", "pag", "rov", "sil", "tek", "vorn", "zal", "quen"]

_TEXTS = {
    "en": "Minister {a} {b} met {c} {d} in Vilnius on Monday. Russia sent {e} shells to North Korea, "
          "{a} {b} said. The {f} agreement was signed by France and Germany.",
    "fr": "Le ministre {a} {b} a rencontré {c} {d} à Vilnius lundi. La Russie a livré des obus {e} "
          "à la Corée du Nord, a déclaré {a} {b}. L'accord {f} a été signé par la France et l'Allemagne.",
}


def _word(n: int, salt: int) -> str:
    """An invented word of its own for each (n, salt): no model nor lexicon knows it."""
    n = n * 7 + salt
    return ("".join(_SYLLABLES[(n // 12 ** i) % 12] for i in range(3)) + "ik").capitalize()


def _article(lang: str, n: int) -> Document:
    words = {key: _word(n, salt) for salt, key in enumerate("abcdef")}
    return Document(id=f"{lang}-{n}", body=_TEXTS[lang].format(**words), lang=lang)


def _lexemes(nlp) -> int:
    """The lexemes the vocabulary holds (its ``len`` counts those a zone dropped too)."""
    return sum(1 for _lexeme in nlp.vocab)


def _outcomes(articles):
    return [outcome for _document, outcome in extraction.extracted(articles)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_words_of_articles_read_leave_the_vocabulary(lang, monkeypatch):
    monkeypatch.setattr(extraction, "_ZONE", 4)  # a few zones in a short test
    nlp = pipeline(lang)
    _outcomes([_article(lang, n) for n in range(3)])  # the first, read outside a zone; kg's matchers
    strings, lexemes = len(nlp.vocab.strings), _lexemes(nlp)
    articles = [_article(lang, n) for n in range(100, 130)]
    outcomes = _outcomes(articles)
    assert all(claims for claims, _names in outcomes)  # the articles were read
    new_words = {w for a in articles for w in a.body.split() if w.endswith("ik")}
    assert len(new_words) > 150
    assert not [w for w in new_words if w in nlp.vocab.strings]
    # what is left of 30 articles is kg's own (a few morphological analyses at most), not their words
    assert len(nlp.vocab.strings) - strings < 10 and _lexemes(nlp) - lexemes < 10


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_article_reads_the_same_in_any_zone(lang, monkeypatch):
    """The gazetteer's matchers serve every zone: built before the zones open, their keys
    keep their strings (a key like "=onusiennes", the lower case of another, would
    lose its string were the matchers built inside one)."""
    monkeypatch.setattr(extraction, "_ZONE", 2)
    same = _article(lang, 500)
    articles = [same] + [_article(lang, n) for n in range(501, 506)] + [same]
    outcomes = _outcomes(articles)
    assert outcomes[0] == outcomes[-1]
    claims, names = outcomes[-1]
    assert {"Russia", "North Korea"} <= {n.ref.label for n in names}
    assert claims
    assert all(key in pipeline(lang).vocab.strings for key, _form, _case in _gazetteer_forms(lang)[0])
