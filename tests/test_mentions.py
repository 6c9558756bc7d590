"""Mentions: gazetteer linking against the names the NER finds, on sentences
written for these tests (not from any corpus)."""
import pytest


def mentions(text: str, lang: str = "fr"):
    from kg.extract.coreference import resolve_references
    from kg.extract.mentions import find_mentions
    from kg.nlp import pipeline

    doc = pipeline(lang)(text)
    return resolve_references(doc, find_mentions(doc, lang), lang)


def found(text: str, lang: str = "fr") -> dict[str, tuple]:
    """surface text -> (label, class, label of the state it can stand for)"""
    return {m.text: (m.ref.label, m.cls, m.state.label if m.state else None) for m in mentions(text, lang)}


def test_a_given_name_that_is_also_a_country_is_a_person():
    got = found("Le ministre a rencontré Maurice Lenoir, son homologue, à Beyrouth.")
    assert got["Maurice Lenoir"][:2] == ("Maurice Lenoir", "Person")
    assert "Maurice" not in got and all(label != "Mauritius" for label, *_ in got.values())


def test_an_army_named_after_its_state_belongs_to_it():
    got = found("La France apporte son soutien aux Forces armées libanaises.")
    assert got["Forces armées libanaises"] == ("Forces armées libanaises", "Organization", "Lebanon")
    assert "libanaises" not in got


def test_a_place_in_a_portfolio_names_nothing():
    got = found("La ministre de l'Europe et des Affaires étrangères s'est rendue à Berlin.")
    assert list(got) == ["Berlin"]


def test_salutations_and_common_nouns_are_no_names():
    assert found("Mesdames, Messieurs les Sénateurs, le Partenariat stratégique est signé.") == {}


def test_a_sea_or_gulf_named_in_lower_case_is_a_place():
    got = found("Des navires patrouillent en mer Rouge et dans le golfe d'Aden.")
    assert got["mer Rouge"][:2] == ("mer Rouge", "Place")
    assert got["golfe d'Aden"][:2] == ("golfe d'Aden", "Place")
    assert "Aden" not in got


def test_a_dateline_with_a_dash_is_the_city():
    got = found("A headline\n\nWASHINGTON — Today the Treasury named Russia.", "en")
    assert got["WASHINGTON"] == ("Washington, D.C.", "Place", None)


def test_a_suffix_is_no_short_name():
    got = mentions("Le président Jean Dupont Jr a parlé. Dupont puis Jr ont quitté la salle.")
    named = {m.text: m.ref.label for m in got}
    assert named["Dupont"] == named["Jean Dupont Jr"]
    assert "Jr" not in named


def test_the_north_is_a_state_only_once_named_and_without_complement():
    got = found("La Corée du Nord a tiré un missile. Le Nord nie. Il pleut dans le Nord du pays.")
    assert got["Le Nord"][0] == "North Korea"
    assert "le Nord" not in got
    assert "Le Nord" not in found("Le Nord nie tout tir de missile.")


def test_the_kingdom_of_the_united_kingdom_is_no_anaphora():
    got = mentions("Des soldats sont stationnés en Espagne. Le Royaume-Uni en envoie aussi.")
    assert [m.ref.label for m in got] == ["Spain", "United Kingdom"]


def test_a_bare_title_is_the_person_named_with_it_before():
    got = found("Le ministre des Armées, Paul Garnier, est arrivé au Tchad. Le ministre a salué les troupes.")
    assert got["Le ministre"][0] == "Paul Garnier"
    assert "Le ministre" not in found("Le ministre a salué les troupes au Tchad.")


def test_a_titled_name_keeps_initials_hyphens_and_suffixes():
    got = found("Secretary of Defense John Q. Carter III met Defense Minister Park Min-jun and "
                "President Ferdinand Marcos Jr. in Manila.", "en")
    assert {"John Q. Carter III", "Park Min-jun"} <= set(got)
    # a surname the gazetteer knows, inside a longer name: the name as written
    assert got["Ferdinand Marcos Jr."][:2] == ("Ferdinand Marcos Jr.", "Person")


def test_a_summit_is_no_actor_but_the_alliance_inside_it_is():
    got = found("Les dirigeants se sont réunis au Sommet de l'Otan à Vilnius.")
    assert got["Otan"][:2] == ("North Atlantic Treaty Organisation", "Organization")
    assert not any(text.startswith("Sommet") for text in got)


def test_a_double_hyphen_dateline_is_the_city():
    got = found("WASHINGTON -- The Treasury named Russia.", "en")
    assert got["WASHINGTON"][:2] == ("Washington, D.C.", "Place")
