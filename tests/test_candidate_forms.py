"""kg.extract.mentions: matchers over an article's candidate forms find what the
matchers over every form find."""
import pytest

import kg.extract.mentions as mentions
from kg.extract.mentions import _gazetteer_forms, _matchers, candidate_forms, find_mentions
from kg.nlp import pipeline

SENTENCES = {
    "fr": ["Le ministre des Affaires étrangères de l'Ukraine a rencontré à Washington son homologue des États-Unis.",
           "L'UE et l'OTAN ont salué l'accord conclu à N'Djamena avec la Cédéao, selon l'AFP.",
           "Les soldats nord-coréens sont déployés dans la région de Koursk, d'après le renseignement sud-coréen."],
    "en": ["U.S. Secretary of State Antony Blinken met NATO's Mark Rutte in Brussels on Tuesday.",
           "The U.K.'s defence ministry said Russia's Black Sea Fleet had left Sevastopol.",
           "North Korean troops were deployed to Russia's Kursk region, Seoul's spy agency said."],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_form_s_first_token_makes_it_a_candidate(lang):
    nlp = pipeline(lang)
    for _key, form, _cased in _gazetteer_forms(lang)[0]:
        first = nlp.make_doc(form)[0].lower_
        word = form.split(" ")[0].lower()
        rest = word[len(first):]
        assert word.startswith(first) and (not rest or not (first[-1].isalnum() and rest[0].isalnum())), form


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_candidate_matchers_find_the_spans_every_form_finds(lang, monkeypatch):
    nlp = pipeline(lang)
    for text in SENTENCES[lang]:
        doc = nlp(text)
        folded, exact, _entries = _matchers(lang)
        small = mentions._build_matchers(lang, candidate_forms(doc, lang))
        assert sorted(folded(doc)) == sorted(small[0](doc)) and sorted(exact(doc)) == sorted(small[1](doc))
        assert len(candidate_forms(doc, lang)) < len(_gazetteer_forms(lang)[0]) / 4
        monkeypatch.setattr(mentions, "_read", {})
        first = find_mentions(doc, lang)
        monkeypatch.setattr(mentions, "_read", {lang: mentions._WHOLE_AFTER})
        assert find_mentions(doc, lang) == first
