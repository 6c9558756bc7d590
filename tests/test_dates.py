"""kg.dates: dates as precise as the text, relative ones resolved against publication."""
import pytest

from kg.dates import find_dates


def dates(text, lang, published="2024-11-05"):  # a Tuesday
    found = find_dates(text, lang, published)
    for match in found:
        assert text[match.start:match.end] == match.text
    return [(m.text, m.iso, m.relative) for m in found]


@pytest.mark.parametrize("text, expected", [
    ("L'accord a été paraphé le 3 mars 2023 à Minsk.", ("le 3 mars 2023", "2023-03-03", False)),
    ("Les ministres se verront le 1er décembre.", ("le 1er décembre", "2023-12-01", True)),
    ("Le sommet s'est ouvert le 4 octobre.", ("le 4 octobre", "2024-10-04", True)),
    ("La décision est tombée en septembre.", ("en septembre", "2024-09", True)),
    ("Le texte a été rédigé en décembre.", ("en décembre", "2023-12", True)),
    ("Le pacte date de février 2022.", ("février 2022", "2022-02", False)),
    ("Les députés ont voté mardi.", ("mardi", "2024-11-05", True)),
    ("Le ministre est arrivé jeudi dernier.", ("jeudi dernier", "2024-10-31", True)),
    ("Il est reparti mardi dernier.", ("mardi dernier", "2024-10-29", True)),
    ("Le président avait atterri la veille.", ("la veille", "2024-11-04", True)),
    ("Les troupes sont parties hier.", ("hier", "2024-11-04", True)),
    ("Le texte entre en vigueur aujourd'hui.", ("aujourd'hui", "2024-11-05", True)),
    ("Les manœuvres de l’an dernier ont inquiété.", ("l’an dernier", "2023", True)),
    ("Il l'avait promis l'année dernière.", ("l'année dernière", "2023", True)),
    ("Les livraisons ont repris depuis le début du mois d'août.",
     ("depuis le début du mois d'août", "2024-08", True)),
    ("Les relations sont gelées depuis 2014.", ("depuis 2014", "2014", False)),
    ("Le premier accord remonte à 1999, signé en 1999.", ("en 1999", "1999", False)),
    ("Une visite est attendue début novembre.", ("début novembre", "2024-11", True)),
    ("Le convoi a quitté le port mi-octobre.", ("mi-octobre", "2024-10", True)),
    ("Les exercices ont eu lieu cet été.", ("cet été", "2024", True)),
    ("Les frappes de l'hiver dernier", ("l'hiver dernier", "2023", True)),
    ("déployés à l'automne 2023 dans le nord", ("à l'automne 2023", "2023", False)),
    ("transportés entre le 2 et le 6 octobre vers le sud", ("entre le 2 et le 6 octobre", "2024-10", True)),
])
def test_french_forms(text, expected):
    assert expected in dates(text, "fr")


@pytest.mark.parametrize("text, expected", [
    ("The pact was signed on May 21, 2023, in Tokyo.", ("May 21, 2023", "2023-05-21", False)),
    ("Talks resumed on March 2.", ("March 2", "2024-03-02", True)),
    ("The convoy crossed the border on Oct. 30.", ("Oct. 30", "2024-10-30", True)),
    ("Officials met in Vienna on Sept. 12, 2022.", ("Sept. 12, 2022", "2022-09-12", False)),
    ("The deadline was set in mid-October.", ("in mid-October", "2024-10", True)),
    ("The drills were announced last week.", ("last week", None, True)),  # Oct 28 - Nov 3
    ("The minister spoke on Monday.", ("Monday", "2024-11-04", True)),
    ("Ships docked last Tuesday.", ("last Tuesday", "2024-10-29", True)),
    ("Exports doubled last year.", ("last year", "2023", True)),
    ("The embassy reopened in April.", ("in April", "2024-04", True)),
    ("The file is dated 2024-06-19 in the archive.", ("2024-06-19", "2024-06-19", False)),
    ("Relations have been frozen since 2014.", ("since 2014", "2014", False)),
    ("The bases were used this summer.", ("this summer", "2024", True)),
])
def test_english_forms(text, expected):
    assert expected in dates(text, "en")


def test_last_week_in_one_month_gives_the_month():
    assert dates("Il l'a annoncé la semaine dernière.", "fr", "2024-10-24") == [
        ("la semaine dernière", "2024-10", True)]


def test_weekday_with_date_is_one_match():
    assert dates("signé mercredi 19 juin 2024 à Pyongyang", "fr") == [
        ("mercredi 19 juin 2024", "2024-06-19", False)]


@pytest.mark.parametrize("text, lang", [
    ("Elles se sont multipliées ces dernières semaines.", "fr"),
    ("2000 soldats sont arrivés à 12:00.", "fr"),
    ("They may march on the capital.", "en"),  # modal verb and verb, not months
    ("l'article 4 du traité", "fr"),
    ("le 31 juin", "fr"),  # no such day
])
def test_not_dates(text, lang):
    assert dates(text, lang) == []


def test_without_publication_date_relative_dates_are_unresolved():
    assert dates("Il est arrivé mardi. Le 19 juin 2024, il est reparti.", "fr", None) == [
        ("mardi", None, True), ("Le 19 juin 2024", "2024-06-19", False)]


def test_numeric_dates_follow_the_language_order():
    assert dates("12/11/2024 mis à jour", "fr", None) == [("12/11/2024", "2024-11-12", False)]
    assert dates("Posted 12/11/2024", "en", None) == [("12/11/2024", "2024-12-11", False)]
