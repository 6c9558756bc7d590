"""kg.lexicons: YAML lexicons under ontology/, checked against their caller's schema."""
import pytest
import yaml

from kg import lexicons
from kg.errors import DataError
from kg.extract import dates, quantities
from kg.lexicons import lexicon_path, load_lexicon, validate

FRENCH_DATES = lexicon_path("fr", "dates")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name, schema", [("dates", dates.SCHEMA), ("quantities", quantities.SCHEMA)])
def test_shipped_lexicons_are_valid(lang, name, schema):
    assert load_lexicon(lang, name, schema)


def test_each_caller_gets_its_own_copy():
    first = load_lexicon("fr", "dates", dates.SCHEMA)
    first["months"]["juin"] = 99
    assert load_lexicon("fr", "dates", dates.SCHEMA)["months"]["juin"] == 6


@pytest.mark.parametrize("value, schema, message", [
    ({"months": {"juin": "six"}}, {"months": {"*": int}}, "f.yaml: months.juin: expected int, got str 'six'"),
    ({}, {"units": {"*": str}}, "f.yaml: (top level): missing key 'units'"),
    ({"units": {}, "extra": 1}, {"units": {"*": str}}, "f.yaml: extra: unknown key (allowed: units)"),
    ({"cues": ["en", 3]}, {"cues": [str]}, "f.yaml: cues[1]: expected str, got int 3"),
    ({"rows": [{"phrases": []}]}, {"rows": [{"phrases": [str], "days": int}]},
     "f.yaml: rows[0]: missing key 'days'"),
    ([1], {"a": int}, "f.yaml: (top level): expected a mapping, got list"),
    ({"n": True}, {"n": int}, "f.yaml: n: expected int, got bool True"),
])
def test_validation_errors_name_file_and_entry(value, schema, message):
    with pytest.raises(DataError) as error:
        validate(value, schema, "f.yaml")
    assert str(error.value) == message


def test_optional_keys_and_alternatives():
    schema = {"days?": int, "value": (int, float)}
    validate({"value": 1.5}, schema, "f.yaml")
    validate({"value": 2, "days": -1}, schema, "f.yaml")


@pytest.fixture
def ontology(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicons, "ONTOLOGY_DIR", tmp_path)
    (tmp_path / "lexicons" / "xx").mkdir(parents=True)
    yield tmp_path / "lexicons" / "xx"
    lexicons._read.cache_clear()


def test_bad_yaml_and_missing_files_are_data_errors(ontology):
    (ontology / "broken.yaml").write_text("a: [1, 2\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"lexicons/xx/broken.yaml: line \d+: invalid YAML"):
        load_lexicon("xx", "broken")
    with pytest.raises(DataError, match="lexicons/xx/absent.yaml: no such lexicon file"):
        load_lexicon("xx", "absent")


def test_a_bad_entry_in_a_dates_lexicon_is_reported(ontology):
    data = yaml.safe_load(FRENCH_DATES.read_text(encoding="utf-8"))
    data["months"]["juin"] = 13
    (ontology / "dates.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    dates._rules.cache_clear()
    try:
        with pytest.raises(DataError, match=r"xx/dates.yaml: months.juin: a month is 1 to 12"):
            dates.find_dates("en juin", "xx", None)
    finally:
        dates._rules.cache_clear()
