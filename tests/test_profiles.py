"""kg.profiles: one profile per language, read once and checked against a closed schema."""
import pytest
import yaml

from kg import lexicons, profiles
from kg.errors import DataError
from kg.nlp import SUPPORTED_LANGUAGES
from kg.ontology_schema import PROFILE, vocabularies
from kg.schema import validate


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_shipped_profiles_are_valid(lang):
    spec = profiles.profile(lang)
    assert spec.pipeline.package and spec.word_order.strategy in profiles.STRATEGIES
    assert all(len(pair) == 2 for pair in spec.text.quotes)


def test_english_weights_are_pinned_by_full_hashes():
    sha256 = profiles.profile("en").pipeline.sha256
    for name in ("tok2vec/model", "parser/model", "ner/model", "tagger/model", "senter/model",
                 "vocab/strings.json", "lemmatizer/lookups/lookups.bin", "config.cfg"):
        assert len(sha256[name]) == 64 and int(sha256[name], 16) >= 0


@pytest.mark.parametrize("change, message", [
    (lambda d: d["text"].update(quotes=[["«"]]), "text.quotes[0]"),
    (lambda d: d.update(colour="red"), "colour: unknown key"),
    (lambda d: d["word_order"].update(strategy="verb_first"), "word_order.strategy"),
    (lambda d: d["windows"].pop("item_span"), "windows: missing key 'item_span'"),
    (lambda d: d["labels"]["dep"].update(dobj=3), "labels.dep.dobj: expected str, got int 3"),
    (lambda d: d["pipeline"]["sha256"].update({"parser/model": "e00988"}), "not a full sha256"),
    (lambda d: d["labels"]["entities"].update(GPE="State"), "labels.entities.GPE"),
])
def test_a_bad_profile_is_one_line_naming_the_entry(change, message):
    data = yaml.safe_load(lexicons.lexicon_path("en", "profile").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(DataError, match="profile.yaml") as error:
        validate(data, PROFILE, "en/profile.yaml", vocabularies())
    assert message in str(error.value) and "\n" not in str(error.value)
