"""kg.lexicons: where the ontology is read from, and the lexicons loaded from it."""
import pytest

from kg.lexicons import ONTOLOGY_ENV, lexicon_path, load_lexicon, ontology_dir
from kg.ontology_schema import LEXICONS


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", [name for name in LEXICONS if not name.endswith("?")])
def test_shipped_lexicons_load(lang, name):
    assert load_lexicon(lang, name)


def test_each_caller_gets_its_own_copy():
    first = load_lexicon("fr", "dates")
    first["months"]["juin"] = 99
    assert load_lexicon("fr", "dates")["months"]["juin"] == 6


def test_the_ontology_folder_can_be_chosen_by_environment(tmp_path, monkeypatch):
    default = ontology_dir()
    assert (default / "lexicons" / "fr" / "claims.yaml").is_file()
    monkeypatch.setenv(ONTOLOGY_ENV, str(tmp_path))
    assert ontology_dir() == tmp_path.resolve()
    assert lexicon_path("fr", "claims") == tmp_path.resolve() / "lexicons" / "fr" / "claims.yaml"
