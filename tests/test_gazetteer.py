"""The gazetteer: YAML validation, lookups in French and English, resolve, QID provenance."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.errors import DataError, UnknownEntity
from kg.gazetteer import KINDS, gazetteer_dir, load_entries, load_gazetteer, read_entries

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def labels(entries):
    return [e.label for e in entries]


# --- validation -------------------------------------------------------------------

GOOD = """\
- id: state-x
  label: Xland
  class: Country
  kind: state
  qid: Q1
  forms: {fr: [Xlande], en: [Xland]}
"""


@pytest.mark.parametrize("text, message", [
    ("- id: a\n  label: A\n  class: Country\n  kind: planet\n  forms: {en: [A]}\n", "[0] (a).kind: unknown kind 'planet'"),
    ("- id: a\n  label: A\n  class: Nation\n  kind: state\n  forms: {en: [A]}\n", "[0] (a).class: unknown entity class 'Nation'"),
    ("- id: a\n  label: A\n  class: Country\n  kind: state\n  qid: 423\n  forms: {en: [A]}\n", "qid: expected str or null, got int 423"),
    ("- id: a\n  label: A\n  class: Country\n  kind: state\n  qid: X1\n  forms: {en: [A]}\n", "qid: not a Wikidata id"),
    ("- id: a\n  label: A\n  class: Place\n  kind: capital\n  forms: {en: [A]}\n", "capital_of"),
    ("- id: a\n  label: A\n  class: Country\n  kind: state\n  forms: {de: [A]}\n", "language 'de'"),
    ("- id: a\n  label: A\n  class: Country\n  kind: state\n", "no forms"),
    ("- id: a\n  label: A\n  class: Country\n  kind: state\n  colour: red\n  forms: {en: [A]}\n",
     "[0] (a).colour: unknown key"),
    ("- id: a\n  class: Country\n  kind: state\n  forms: {en: [A]}\n", "[0] (a): missing key 'label'"),
    ("- id: a\n  label: A\n  class: Country\n  kind: state\n  forms: {en: A}\n", "forms.en: expected a list"),
    ("id: a\n", "(top level): expected a list"),
    ("- [unclosed\n", "invalid YAML"),
])
def test_bad_entries_raise_data_error_naming_file_and_entry(tmp_path, text, message):
    path = tmp_path / "states.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_entries(path)
    assert message in str(error.value)
    assert "states.yaml" in str(error.value)
    assert "\n" not in str(error.value)


def test_bad_fixture_file_names_its_entry():
    with pytest.raises(DataError, match=r"bad_states\.yaml: \[1\] \(state-broken\)\.kind: unknown kind 'nation'"):
        read_entries(FIXTURES / "bad_states.yaml")


def test_duplicate_ids_and_qids_across_files_are_rejected(tmp_path):
    (tmp_path / "states.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "places.yaml").write_text(GOOD.replace("Q1", "Q2"), encoding="utf-8")
    with pytest.raises(DataError, match="state-x is already used"):
        load_entries(tmp_path)
    (tmp_path / "places.yaml").write_text(GOOD.replace("state-x", "state-y"), encoding="utf-8")
    with pytest.raises(DataError, match="Q1 is already used"):
        load_entries(tmp_path)


def test_a_small_gazetteer_loads_from_any_directory(tmp_path):
    (tmp_path / "states.yaml").write_text(GOOD, encoding="utf-8")
    gaz = load_gazetteer(directory=tmp_path)
    assert labels(gaz.lookup("xlande", "fr")) == ["Xland"]
    with pytest.raises(DataError, match="no gazetteer entries"):
        load_gazetteer(directory=tmp_path / "empty")


# --- the shipped data -------------------------------------------------------------

def test_shipped_gazetteer_is_valid_and_ids_are_unique(gaz):
    ids = [e.id for e in gaz.entries]
    assert len(ids) == len(set(ids))
    assert {e.kind for e in gaz.entries} == set(KINDS)
    assert sum(e.kind == "state" for e in gaz.entries) > 150


def test_every_qid_is_attested_by_the_reference_data(gaz):
    with (FIXTURES / "source_qids.tsv").open(encoding="utf-8") as handle:
        attested = {row["qid"] for row in csv.DictReader(handle, delimiter="\t") if row["sources"]}
    used = {q for e in gaz.entries for q in (e.qid, e.part_of, e.capital_of) if q}
    assert used - attested == set()


def test_hand_checked_qids_are_used(gaz):
    # a few ids of wikidata-qids.tsv, the list the gold annotations use
    expected = {"Q423": "North Korea", "Q159": "Russia", "Q30": "United States",
                "Q18808": "Pyongyang", "Q7184": "North Atlantic Treaty Organisation",
                "Q7747": "Vladimir Putin", "Q35": "Denmark", "Q55": "Netherlands"}
    assert {q: gaz.by_qid(q).label for q in expected} == expected


def test_capitals_are_places_pointing_at_their_state(gaz):
    pyongyang = gaz.by_qid("Q18808")
    assert (pyongyang.cls, pyongyang.kind, pyongyang.capital_of) == ("Place", "capital", "Q423")
    for entry in gaz.entries:
        if entry.kind == "capital":
            assert gaz.by_qid(entry.capital_of).kind == "state", entry


@pytest.mark.parametrize("form, lang, label, state", [
    ("Sotchi", "fr", "Sochi", "Russia"), ("Munich", "en", "Munich", "Germany"),
    ("Djeddah", "fr", "Jeddah", "Saudi Arabia"), ("Soumy", "fr", "Sumy", "Ukraine")])
def test_cities_lie_in_their_state(gaz, form, lang, label, state):
    """A meeting in a city that is no capital is one in its state (a visit, or not)."""
    city = gaz.lookup(form, lang)[0]
    assert (city.label, city.kind, gaz.state_of(city).label) == (label, "city", state)


@pytest.mark.parametrize("form", ["Austin", "Mary", "Florence", "Brest"])
def test_smaller_cities_named_like_people_or_words_are_left_out(gaz, form):
    assert [e for e in gaz.lookup(form, "en") if e.kind == "city"] == []


def test_smaller_cities_keep_no_form_of_another_place(gaz):
    assert labels(gaz.lookup("Santiago", "en")) == ["Santiago"]  # Chile's capital, not a smaller namesake
    assert labels(gaz.lookup("La Paz", "en")) == ["La Paz"]


@pytest.mark.parametrize("word", ["Republic", "Island"])
def test_a_bracketed_qualifier_or_a_native_spelling_that_is_a_word_names_no_state(gaz, word):
    """CLDR's "Congo (Republic)" and Iceland's "Island" give no state called so."""
    assert gaz.lookup(word, "en") == []


@pytest.mark.parametrize("form, lang, label", [("Odesa", "en", "Odesa"), ("Zaporijjia", "fr", "Zaporizhzhia"),
                                               ("Abou Dhabi", "fr", "Abu Dhabi")])
def test_cities_as_the_press_spells_them(gaz, form, lang, label):
    assert labels(gaz.lookup(form, lang))[:1] == [label]


def test_state_news_agencies_stand_for_their_state(gaz):
    assert gaz.state_of(gaz.lookup("MAP", "fr")[0]).label == "Morocco"


def test_bodies_stand_for_a_known_state(gaz):
    for entry in gaz.entries:
        if entry.kind == "body":
            assert gaz.state_of(entry) is not None, entry


# --- lookup -----------------------------------------------------------------------

@pytest.mark.parametrize("form", ["nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes",
                                  "Nord-Coréens", "Corée du Nord", "corée du nord", "RPDC"])
def test_french_names_and_inflected_demonyms(gaz, form):
    assert labels(gaz.lookup(form, "fr")) == ["North Korea"]


@pytest.mark.parametrize("form, label", [
    ("North Korean", "North Korea"), ("North Koreans", "North Korea"), ("DPRK", "North Korea"),
    ("Russia's", "Russia"), ("Russian", "Russia"), ("U.S.", "United States"),
    ("Americans", "United States"), ("Britain", "United Kingdom"), ("NATO", "North Atlantic Treaty Organisation"),
])
def test_english_names(gaz, form, label):
    assert labels(gaz.lookup(form, "en"))[:1] == [label]


@pytest.mark.parametrize("form", ["russe", "Russe", "russes", "Russes", "RUSSES"])
def test_demonyms_match_in_any_case(gaz, form):
    assert labels(gaz.lookup(form, "fr")) == ["Russia"]


@pytest.mark.parametrize("word, name", [("chad", "Chad"), ("turkey", "Turkey"), ("niger", "Niger"),
                                        ("georgia", "Georgia"), ("jordan", "Jordan"), ("us", "US")])
def test_names_that_are_common_words_match_only_as_written(gaz, word, name):
    assert gaz.lookup(word, "en") == []
    assert gaz.lookup(name, "en")[0].kind == "state"
    assert gaz.lookup(name.upper(), "en")[0].kind == "state"  # datelines are in capitals


def test_accents_and_apostrophes_do_not_matter(gaz):
    assert labels(gaz.lookup("Etats-Unis", "fr")) == ["United States"]
    assert labels(gaz.lookup("N’Djamena", "fr")) == ["N'Djamena"]
    assert labels(gaz.lookup("SÉOUL", "fr")) == ["Seoul"]


@pytest.mark.parametrize("form, lang, label, state", [
    ("Kremlin", "fr", "Moscow Kremlin", "Russia"),
    ("Maison Blanche", "fr", "White House", "United States"),
    ("White House", "en", "White House", "United States"),
    ("Pentagone", "fr", "The Pentagon", "United States"),
    ("Pentagon", "en", "The Pentagon", "United States"),
    ("Élysée", "fr", "Élysée Palace", "France"),
    ("Quai d'Orsay", "fr", "Quai d'Orsay", "France"),
    ("NIS", "fr", "National Intelligence Service (South Korea)", "South Korea"),
    ("Service national du renseignement", "fr", "National Intelligence Service (South Korea)",
     "South Korea"),
    ("KCNA", "en", "Korean Central News Agency", "North Korea"),
    ("Moscou", "fr", "Moscow", "Russia"),
    ("Kiev", "fr", "Kyiv", "Ukraine"),
    ("Hanoï", "fr", "Hanoi", "Vietnam"),
])
def test_metonyms_lead_to_their_state(gaz, form, lang, label, state):
    entry = gaz.lookup(form, lang)[0]
    assert entry.label == label
    assert gaz.state_of(entry).label == state


def test_one_form_can_name_a_union_and_a_city(gaz):
    found = gaz.lookup("Bruxelles", "fr")
    assert {e.label for e in found} == {"Brussels", "European Union"}
    assert labels(gaz.lookup("Vingt-Sept", "fr")) == ["European Union"]


@pytest.mark.parametrize("form, label", [
    ("Vladimir Poutine", "Vladimir Putin"), ("M. Poutine", "Vladimir Putin"),
    ("Sergueï Lavrov", "Sergey Lavrov"), ("Kim Jong-un", "Kim Jong Un"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"), ("Zelenskiy", "Volodymyr Zelenskyy"),
    ("Occident", "the West"), ("l'Occident", "the West"), ("occidentaux", "the West"),
    ("région de Koursk", "Kursk Oblast"), ("Donbass", "Donbas"), ("Crimée", "Crimea"),
    ("Vladivostok", "Vladivostok"), ("OTAN", "North Atlantic Treaty Organisation"),
])
def test_curated_names(gaz, form, label):
    assert label in labels(gaz.lookup(form, "fr") or gaz.lookup(form, "en"))


def test_lookup_is_limited_to_the_language_asked(gaz):
    assert gaz.lookup("Moscou", "en") == []
    assert labels(gaz.lookup("Moscou")) == ["Moscow"]
    assert load_gazetteer("fr").lookup("Moscow") == []


def test_forms_feed_a_phrase_matcher(gaz):
    forms = {(form, entry.id, cased) for form, entry, cased in gaz.forms("fr")}
    assert ("nord-coréennes", "state-north-korea", False) in forms
    assert ("RPDC", "state-north-korea", True) in forms
    assert ("Etats-Unis", "state-united-states", True) in forms  # the spelling without accents
    assert ("ETATS-UNIS", "state-united-states", True) in forms  # and in capitals
    assert not any(form == "North Korea" for form, _, _ in gaz.forms("fr"))


def test_entry_ref_is_what_claims_use(gaz):
    assert gaz.resolve("Q423").ref.to_dict() == {"id": "Q423", "label": "North Korea",
                                                 "qid": "Q423", "class": "Country"}
    assert gaz.lookup("Donbass", "fr")[0].ref.id == "place-donbas"


# --- resolve ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Corée du Nord", "North Korea", "RPDC", "DPRK", "Pyongyang",
                                  "Q423", "state-north-korea", "  corée du nord  "])
def test_resolve_any_language_capital_or_qid(gaz, name):
    entry = gaz.resolve(name)
    assert (entry.qid, entry.kind) == ("Q423", "state")


def test_resolve_keeps_cities_reachable_by_qid(gaz):
    assert gaz.resolve("Q18808").kind == "capital"
    assert gaz.resolve("Vladivostok").kind == "city"


def test_resolve_unknown_suggests_close_names(gaz):
    with pytest.raises(UnknownEntity, match="did you mean: .*Corée du Nord"):
        gaz.resolve("Corée du Nrd")
    with pytest.raises(UnknownEntity, match="Q999999999"):
        gaz.resolve("Q999999999")
    with pytest.raises(UnknownEntity, match="no entity named 'zzzzqqq'"):
        gaz.resolve("zzzzqqq")


def test_gazetteer_is_loaded_once():
    assert load_gazetteer() is load_gazetteer()
    assert gazetteer_dir().is_dir()


def test_unknown_language_is_a_data_error():
    with pytest.raises(DataError, match="'de'"):
        load_gazetteer("de")
