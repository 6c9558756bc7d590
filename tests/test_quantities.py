"""kg.extract.quantities: amounts with their bounds, approximation and unit."""
import pytest
from hypothesis import given, settings, strategies as st

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
    # numbers in words, through text2num
    ("deux cent cinquante soldats", ("deux cent cinquante soldats", {"value": 250, "unit": "soldier"})),
    ("soixante et onze chars", ("soixante et onze chars", {"value": 71, "unit": "tank"})),
    ("quatre-vingt-dix-sept drones", ("quatre-vingt-dix-sept drones", {"value": 97, "unit": "drone"})),
    ("vingt-et-un missiles", ("vingt-et-un missiles", {"value": 21, "unit": "missile"})),
    ("onze mille cinq cents hommes", ("onze mille cinq cents hommes", {"value": 11500, "unit": "soldier"})),
    ("plus de dix mille soldats", ("plus de dix mille soldats", {"low": 10000, "unit": "soldier"})),
    ("un million d'obus", ("un million d'obus", {"value": 1000000, "unit": "shell"})),
    ("Mille soldats sont partis.", ("Mille soldats", {"value": 1000, "unit": "soldier"})),
    # ranges: a bare "à", dashes with or without spaces, words on both sides
    ("12 000 à 15 000 soldats", ("12 000 à 15 000 soldats", {"low": 12000, "high": 15000, "unit": "soldier"})),
    ("12 000-15 000 soldats", ("12 000-15 000 soldats", {"low": 12000, "high": 15000, "unit": "soldier"})),
    ("12.000 – 15.000 soldats", ("12.000 – 15.000 soldats", {"low": 12000, "high": 15000, "unit": "soldier"})),
    ("entre dix mille et douze mille soldats", ("entre dix mille et douze mille soldats",
                                                {"low": 10000, "high": 12000, "unit": "soldier"})),
    ("entre 10 et 12 millions d'euros", ("entre 10 et 12 millions d'euros",
                                         {"low": 10000000, "high": 12000000, "unit": "euro"})),
    # money: the currency after the number, abbreviations
    ("725 millions de dollars", ("725 millions de dollars", {"value": 725000000, "unit": "dollar"})),
    ("une enveloppe de 2 Md€", ("2 Md€", {"value": 2000000000, "unit": "euro"})),
    ("un contrat de 300 M€", ("300 M€", {"value": 300000000, "unit": "euro"})),
    ("entre 10 et 12 M€", ("entre 10 et 12 M€", {"low": 10000000, "high": 12000000, "unit": "euro"})),
    ("1,5 million d'euros", ("1,5 million d'euros", {"value": 1500000, "unit": "euro"})),
    ("€2 milliards", ("€2 milliards", {"value": 2000000000, "unit": "euro"})),
    ("au moins 2 milliards €", ("au moins 2 milliards €", {"low": 2000000000, "unit": "euro"})),
    ("jusqu'à deux mille missiles", ("jusqu'à deux mille missiles", {"high": 2000, "unit": "missile"})),
    ("40 millions EUR", ("40 millions EUR", {"value": 40000000, "unit": "euro"})),
    ("environ 12 000 à 15 000 soldats", ("environ 12 000 à 15 000 soldats",
                                         {"low": 12000, "high": 15000, "approximate": True, "unit": "soldier"})),
    ("des dizaines de milliers de soldats", ("des dizaines de milliers de soldats",
                                             {"approximate": True, "unit": "soldier"})),
    ("un demi-million d'obus", ("un demi-million d'obus", {"value": 500000, "approximate": True, "unit": "shell"})),
    ("un million de munitions", ("un million de munitions", {"value": 1000000, "unit": "shell"})),
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
    # numbers in words, through text2num
    ("two hundred and fifty troops", ("two hundred and fifty troops", {"value": 250, "unit": "soldier"})),
    ("twenty-one tanks", ("twenty-one tanks", {"value": 21, "unit": "tank"})),
    ("a two hundred-strong contingent", ("two hundred-strong", {"value": 200, "unit": "soldier"})),
    ("nearly three thousand soldiers", ("nearly three thousand soldiers",
                                        {"value": 3000, "approximate": True, "unit": "soldier"})),
    ("one hundred and twenty drones", ("one hundred and twenty drones", {"value": 120, "unit": "drone"})),
    # ranges
    ("12,000-15,000 troops", ("12,000-15,000 troops", {"low": 12000, "high": 15000, "unit": "soldier"})),
    ("12,000–15,000 troops", ("12,000–15,000 troops", {"low": 12000, "high": 15000, "unit": "soldier"})),
    ("12,000 – 15,000 troops", ("12,000 – 15,000 troops", {"low": 12000, "high": 15000, "unit": "soldier"})),
    ("12,000 to 15,000 troops", ("12,000 to 15,000 troops", {"low": 12000, "high": 15000, "unit": "soldier"})),
    ("from 2,000 to 3,000 shells", ("from 2,000 to 3,000 shells", {"low": 2000, "high": 3000, "unit": "shell"})),
    ("between ten thousand and twelve thousand troops", ("between ten thousand and twelve thousand troops",
                                                         {"low": 10000, "high": 12000, "unit": "soldier"})),
    ("between ten and twelve thousand troops", ("between ten and twelve thousand troops",
                                                {"low": 10000, "high": 12000, "unit": "soldier"})),
    ("some 1,500 to 2,000 troops", ("some 1,500 to 2,000 troops",
                                    {"low": 1500, "high": 2000, "approximate": True, "unit": "soldier"})),
    ("10 to 12 thousand troops", ("10 to 12 thousand troops", {"low": 10000, "high": 12000, "unit": "soldier"})),
    # abbreviations after digits, currencies
    ("some 12\u00a0000 troops", ("some 12\u00a0000 troops", {"value": 12000, "approximate": True, "unit": "soldier"})),
    ("on June 5 100 soldiers left", ("100 soldiers", {"value": 100, "unit": "soldier"})),
    ("some 11k troops", ("some 11k troops", {"value": 11000, "approximate": True, "unit": "soldier"})),
    ("1.5m shells", ("1.5m shells", {"value": 1500000, "unit": "shell"})),
    ("a $725 million package", ("$725 million", {"value": 725000000, "unit": "dollar"})),
    ("a $1.2bn loan", ("$1.2bn", {"value": 1200000000, "unit": "dollar"})),
    ("€2 billion in aid", ("€2 billion", {"value": 2000000000, "unit": "euro"})),
    ("up to €500 million", ("up to €500 million", {"high": 500000000, "unit": "euro"})),
    ("tens of thousands of troops", ("tens of thousands of troops", {"approximate": True, "unit": "soldier"})),
    ("several hundred troops", ("several hundred troops", {"approximate": True, "unit": "soldier"})),
    ("hundreds of thousands of shells", ("hundreds of thousands of shells", {"approximate": True, "unit": "shell"})),
    ("half a million shells", ("half a million shells", {"value": 500000, "approximate": True, "unit": "shell"})),
    ("between two and three hundred troops", ("between two and three hundred troops",
                                              {"low": 200, "high": 300, "unit": "soldier"})),
    ("an assistance measure of EUR 40 million", ("EUR 40 million", {"value": 40000000, "unit": "euro"})),
    ("300 million USD in aid", ("300 million USD", {"value": 300000000, "unit": "dollar"})),
    ("1 million rounds of ammunition", ("1 million rounds of ammunition", {"value": 1000000, "unit": "shell"})),
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
    ("one of them spoke first", "en"),
    ("the first and the second round", "en"),
    ("un char neuf", "fr"),
    ("du 2 au 4 mars", "fr"),
    ("the 2022-2023 budget", "en"),
    ("I'm here", "en"),
    ("a four-year deal", "en"),
    ("two-thirds of the budget", "en"),
    ("un mini-sommet", "fr"),
    ("un mur de 15 m de haut", "fr"),
    ("une hausse de 40 pour cent", "fr"),
    ("quarante pour cent des troupes", "fr"),
    ("forty per cent of the budget", "en"),
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


def test_a_range_of_words_is_cut_at_its_joiner():
    """text2num alone reads "ten thousand and twelve" as one number: the opener cuts it."""
    assert quantities("between ten thousand and twelve thousand", "en") == [
        ("between ten thousand and twelve thousand", {"low": 10000, "high": 12000})]
    assert quantities("ten thousand and twelve", "en") == [("ten thousand and twelve", {"value": 10012})]


def test_weak_numbers_count_beside_a_unit_only():
    assert quantities("un missile a été tiré", "fr") == [("un missile", {"value": 1, "unit": "missile"})]
    assert quantities("one missile and one of them", "en") == [("one missile", {"value": 1, "unit": "missile"})]


_WORDS = ["deux", "cent", "et", "un", "mille", "soldats", "entre", "à", "-", "–", "12 000", "1,5", "million",
          "two", "hundred", "and", "thousand", "troops", "between", "to", "12,000", "$", "€", "k", "m", "'", ",",
          "quatre-vingt", "-strong", "pour cent", "premier", "first", "zéro", "\u00a0", "\ue000", "tens of"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=4)), max_size=12), st.sampled_from(["fr", "en"]))
def test_any_text_gives_spans_of_the_text(parts, lang):
    """Whatever the words (number words, digits, dashes, the mask character itself), the
    spans are the text's own and no two overlap."""
    text = " ".join(parts)
    found = find_quantities(text, lang)
    for match in found:
        assert text[match.start:match.end] == match.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
