"""kg.extract.quantities: amounts with their bounds, approximation and unit."""
import pytest

from kg.extract.quantities import find_quantities


def quantities(text, lang):
    found = find_quantities(text, lang)
    for match in found:
        assert text[match.start:match.end] == match.text
    return [(m.text, {k: v for k, v in m.quantity.to_dict().items() if v not in (None, False)})
            for m in found]


@pytest.mark.parametrize("text, expected", [
    ("Kiev évoque 4.000 soldats sur place.", ("4.000 soldats", {"value": 4000, "unit": "soldier"})),
    ("Il y a 4 000 hommes mobilisés.", ("4 000 hommes", {"value": 4000, "unit": "soldier"})),
    ("Pas moins de 4 000 hommes", ("Pas moins de 4 000 hommes", {"low": 4000, "unit": "soldier"})),
    ("On compte 4\u00a0000 militaires.", ("4\u00a0000 militaires", {"value": 4000, "unit": "soldier"})),
    ("On compte 4\u202f000 militaires.", ("4\u202f000 militaires", {"value": 4000, "unit": "soldier"})),
    ("Douze mille soldats ont traversé.", ("Douze mille soldats", {"value": 12000, "unit": "soldier"})),
    ("ils seraient douze mille", ("douze mille", {"value": 12000})),
    ("Il a reçu 2 millions d'obus.", ("2 millions d'obus", {"value": 2000000, "unit": "shell"})),
    ("deux millions d'obus d'artillerie", ("deux millions d'obus", {"value": 2000000, "unit": "shell"})),
    ("un budget de 2,5 millions", ("2,5 millions", {"value": 2500000})),
    ("Moscou aurait reçu plus de 40 missiles.", ("plus de 40 missiles", {"low": 40, "unit": "missile"})),
    ("au moins 30 véhicules blindés", ("au moins 30 véhicules", {"low": 30, "unit": "vehicle"})),
    ("une aide jusqu'à 5 milliards d'euros", ("jusqu'à 5 milliards d'euros",
                                              {"high": 5000000000, "unit": "euro"})),
    ("environ 600 chars", ("environ 600 chars", {"value": 600, "approximate": True, "unit": "tank"})),
    ("quelque 900 drones", ("quelque 900 drones", {"value": 900, "approximate": True, "unit": "drone"})),
    ("près de 7 000 hommes", ("près de 7 000 hommes", {"value": 7000, "approximate": True, "unit": "soldier"})),
    ("quelques drones ont survolé", ("quelques drones", {"approximate": True, "unit": "drone"})),
    ("entre 3 000 et 5 000 hommes", ("entre 3 000 et 5 000 hommes",
                                     {"low": 3000, "high": 5000, "unit": "soldier"})),
    ("plusieurs milliers de soldats", ("plusieurs milliers de soldats", {"approximate": True, "unit": "soldier"})),
    ("des milliers de drones", ("des milliers de drones", {"approximate": True, "unit": "drone"})),
    ("une centaine de chars", ("une centaine de chars", {"value": 100, "approximate": True, "unit": "tank"})),
    ("quelque 700 membres des forces spéciales", ("quelque 700 membres des forces spéciales",
                                                  {"value": 700, "approximate": True, "unit": "soldier"})),
    ("évalue à près de 9 000 le nombre de soldats", ("près de 9 000 le nombre de soldats",
                                                     {"value": 9000, "approximate": True, "unit": "soldier"})),
    ("400 millions de livres", ("400 millions de livres", {"value": 400000000, "unit": "pound"})),
])
def test_french_forms(text, expected):
    assert expected in quantities(text, "fr")


@pytest.mark.parametrize("text, expected", [
    ("a force of 20,000 troops", ("20,000 troops", {"value": 20000, "unit": "soldier"})),
    ("about 2,500 soldiers", ("about 2,500 soldiers", {"value": 2500, "approximate": True, "unit": "soldier"})),
    ("some 4,000 Belarusian troops", ("some 4,000 Belarusian troops",
                                      {"value": 4000, "approximate": True, "unit": "soldier"})),
    ("more than 2,000 shells", ("more than 2,000 shells", {"low": 2000, "unit": "shell"})),
    ("at least 15 drones", ("at least 15 drones", {"low": 15, "unit": "drone"})),
    ("up to 40 tanks", ("up to 40 tanks", {"high": 40, "unit": "tank"})),
    ("between 3,000 and 5,000 troops", ("between 3,000 and 5,000 troops",
                                        {"low": 3000, "high": 5000, "unit": "soldier"})),
    ("several thousand troops", ("several thousand troops", {"approximate": True, "unit": "soldier"})),
    ("thousands of drones", ("thousands of drones", {"approximate": True, "unit": "drone"})),
    ("a loan of $7.5 billion", ("$7.5 billion", {"value": 7500000000, "unit": "dollar"})),
    ("a package of £1 billion", ("£1 billion", {"value": 1000000000, "unit": "pound"})),
    ("2.5 million shells", ("2.5 million shells", {"value": 2500000, "unit": "shell"})),
    ("several cruise missiles", ("several cruise missiles", {"approximate": True, "unit": "missile"})),
])
def test_english_forms(text, expected):
    assert expected in quantities(text, "en")


@pytest.mark.parametrize("text, lang", [
    ("Le traité a été signé en 2024.", "fr"),
    ("Le sommet s'ouvre le 14 juillet 2025.", "fr"),
    ("Les exportations ont chuté de 40 %.", "fr"),
    ("La réunion a commencé à 12:00.", "fr"),
    ("L'article 4 prévoit une assistance.", "fr"),
    ("un accord et un soutien", "fr"),
    ("le 15e paquet de sanctions", "fr"),
    ("des obus de 152 mm", "fr"),
    ("Article 4 requires assistance.", "en"),
    ("It grew by 40% in 2023.", "en"),
    ("a 10-year pact signed at the G7 on June 13", "en"),
])
def test_not_quantities(text, lang):
    assert quantities(text, lang) == []


def test_people_are_not_troops_in_small_numbers():
    assert quantities("les deux hommes se sont serré la main", "fr") == [("deux", {"value": 2})]


def test_elided_unit_comes_from_the_previous_quantity_of_the_sentence():
    text = "Environ 6 000 militaires sont arrivés, dont quelque 4 000 près du front. Puis 300 autres."
    assert quantities(text, "fr") == [
        ("Environ 6 000 militaires", {"value": 6000, "approximate": True, "unit": "soldier"}),
        ("quelque 4 000", {"value": 4000, "approximate": True, "unit": "soldier"}),
        ("300", {"value": 300}),
    ]
