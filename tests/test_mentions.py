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


def test_a_ministry_acting_for_its_state_is_an_entity_too():
    got = {m.text: m for m in mentions("The Office of Foreign Assets Control designated two firms, "
                                       "the Kremlin said.", "en")}
    assert got["Office of Foreign Assets Control"].ref.label == "United States"
    assert got["Office of Foreign Assets Control"].named.label == "Office of Foreign Assets Control"
    # a building that speaks for its state is the state alone...
    assert got["Kremlin"].ref.label == "Russia" and got["Kremlin"].named is None
    # ...and a place where something happens there, its state standing by
    at = mentions("Ministers met at the Pentagon on Tuesday.", "en")[0]
    assert (at.ref.label, at.cls, at.state.label) == ("The Pentagon", "Place", "United States")


def test_an_unknown_organisation_needs_a_word_that_says_so():
    got = found("The Valdorian Coast Guard and the Ostrava Harbour Police Department signed a "
                "memorandum, the Super Typhoon notwithstanding.", "en")
    assert got["Valdorian Coast Guard"][:2] == ("Valdorian Coast Guard", "Organization")
    assert got["Ostrava Harbour Police Department"][:2] == ("Ostrava Harbour Police Department", "Organization")
    assert not any("Typhoon" in text for text in got)


def test_a_name_the_ner_broke_after_a_connector_is_joined_and_its_acronym_is_it():
    got = found("The strike was condemned by the U.S. Agency for International Development (USAID) "
                "on Monday.", "en")
    assert got["U.S. Agency for International Development"] == (
        "U.S. Agency for International Development", "Organization", "United States")
    # the acronym in brackets is the same organisation
    assert got["USAID"] == got["U.S. Agency for International Development"]


def test_a_unit_of_a_force_is_two_organisations():
    got = found("The measure supports the Signals Battalion of the Armed Forces of Moldova.", "en")
    assert got["Signals Battalion"][:2] == ("Signals Battalion", "Organization")
    assert got["Armed Forces of Moldova"] == ("Armed Forces of Moldova", "Organization", "Moldova")


def test_a_short_form_never_named_in_full_names_the_body_of_the_union_the_text_names():
    got = found("The Council approved a new package on Friday. It confirms the EU's support for Georgia.", "en")
    assert got["Council"][:2] == ("Council of the European Union", "Organization")
    # with no parent named, "the Council" names nothing
    assert "Council" not in found("The Council approved a new package on Friday.", "en")


def test_the_acronym_of_a_treaty_is_no_organisation():
    got = found("The two ministers signed a Reciprocal Logistics Agreement (RELOGA) in Oslo.", "en")
    assert "RELOGA" not in got


def test_two_places_the_ner_joined_across_a_route_word_are_cut():
    got = found("Forces are shifting from Airport 101 near the capital of Bamako to Airport 202 in Gao, "
                "officials announced today.", "en")
    assert got["Airport 202"][:2] == ("Airport 202", "Place")
    assert not any(" to " in text for text in got)


def test_a_building_a_state_is_close_to_stands_for_the_state():
    got = found("The decision makes Georgia more vulnerable to the Kremlin.", "en")
    assert got["Kremlin"][:2] == ("Russia", "Country")


def test_a_unit_named_after_a_titled_patron_keeps_its_possessive():
    got = found("The soldiers from the 2nd Battalion of the Prince of Wales’s Light Infantry are "
                "joining a contingent already in Kosovo.", "en")
    name = "2nd Battalion of the Prince of Wales’s Light Infantry"
    assert got[name] == (name, "Organization", "United Kingdom")
    # two names joined by a possessive stay two
    got = found("Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control "
                "designated six officials.", "en")
    assert got["Office of Foreign Assets Control"][0] == "United States"


def test_it_in_what_a_state_says_is_that_state():
    got = {m.text: m for m in mentions("The Pentagon said it has deployed 500 soldiers to Poland.", "en")}
    assert (got["it"].ref.label, got["it"].kind) == ("United States", "pronoun")
    # not where no state or body speaks
    assert "it" not in {m.text for m in mentions("Officials said it was a mistake.", "en")}


def test_an_acronym_in_brackets_is_the_name_before_it_wherever_it_recurs():
    got = mentions("The Valdorian Border Guard Service (VBGS) arrested two men. The VBGS denied it.", "en")
    labels = {m.ref.label for m in got if "VBGS" in m.text}
    assert labels == {"Valdorian Border Guard Service"} and sum(m.text == "VBGS" for m in got) == 2
    # even where the NER misses it
    got = mentions("Trois pays ont fondé l'Union des États du Fleuve (UEF). L'UEF aura une force commune.")
    assert [m.ref.label for m in got if m.text == "UEF"] == ["Union des États du Fleuve"] * 2
    # a dateline's agency is no acronym of the city
    got = found("MOSCOU (TASS) - La Russie a protesté.")
    assert got.get("MOSCOU", ("Moscow",))[0] == "Moscow" and got.get("TASS", ("TASS",))[0] != "Moscow"


@pytest.mark.parametrize("text, lang", [
    ("Kyiv asked for more Patriots and for HIMARS launchers, Leopard 2A6 tanks and Storm Shadow "
     "cruise missiles; Russian Kinzhal strikes went on.", "en"),
    ("Kiev réclame des canons Caesar, des missiles SCALP, des chars Leopard 2 et des systèmes IRIS-T.", "fr"),
])
def test_a_weapon_system_is_no_actor(text, lang):
    got = found(text, lang)
    assert set(got) <= {"Kyiv", "Kiev", "Russian"}, got


def test_a_place_after_a_preposition_beside_equipment_stays_a_place():
    assert found("La Grèce a déployé trois frégates en mer Rouge.")["mer Rouge"][1] == "Place"


def test_a_known_surname_inside_another_name_is_not_that_leader():
    got = found("The contract went to Lockheed Martin, Sarah Martin said, and Joe Biden agreed.", "en")
    assert all(label != "Micheál Martin" and state != "Ireland" for label, _, state in got.values())
    assert got["Sarah Martin"] == ("Sarah Martin", "Person", None)
    assert got["Joe Biden"] == ("Joe Biden", "Person", "United States")


def test_a_ministry_named_with_its_portfolio_is_one_organisation():
    got = found("Officials of the Iranian Ministry of Defence and Armed Forces Logistics were listed.", "en")
    name = "Iranian Ministry of Defence and Armed Forces Logistics"
    assert got[name] == (name, "Organization", "Iran")


def test_a_given_name_that_is_a_leaders_surname_is_not_that_leader():
    got = found("Henry Kissinger and Ferdinand Marcos Jr. spoke.", "en")
    assert got["Henry Kissinger"] == ("Henry Kissinger", "Person", None)
    assert got["Ferdinand Marcos Jr."] == ("Ferdinand Marcos Jr.", "Person", "Philippines")


def test_the_agency_of_a_dateline_is_no_mention_but_is_one_in_the_text():
    got = [m.text for m in mentions("MOSCOW, March 18 (TASS) - Russia protested, TASS reported.", "en")]
    assert got.count("TASS") == 1 and got[0] == "MOSCOW"


def test_a_body_named_after_a_states_possessive_belongs_to_it():
    got = found("The General Staff of Ukraine's Armed Forces said the strike hit a depot.", "en")
    assert got["Armed Forces"] == ("Armed Forces", "Organization", "Ukraine")


def test_a_name_before_a_known_acronym_is_that_body():
    got = {m.text: m for m in mentions("Ukraine's Security Service (SBU) said the drones hit a refinery.", "en")}
    assert got["Security Service"].named.label == got["SBU"].named.label == "Security Service of Ukraine"


def test_an_english_acronym_after_a_french_name_is_that_name():
    got = found("Des soldats des Forces valdoriennes de défense (VDF) combattent. Les VDF démentent.")
    assert got["VDF"] == got["Forces valdoriennes de défense"]


def test_a_name_right_beside_equipment_is_a_weapon_whatever_the_parse():
    got = found("La France construira des sous-marins Scorpène pour la marine indienne.")
    assert "Scorpène" not in got


def test_known_names_joined_by_small_words_stay_those_names():
    got = found("Les Nations unies ont retiré la Minusma du Mali. Le sommet UE-Royaume-Uni a eu lieu.")
    assert got["Minusma"][1] == "Organization" and got["Mali"] == ("Mali", "Country", None)
    assert "UE" in got and "Royaume-Uni" in got
    # a name with a word of its own is still one name
    assert found("Des navires patrouillent dans le golfe d'Aden.")["golfe d'Aden"][1] == "Place"


def test_coalitions_and_communities_the_press_names():
    got = found("La Communauté politique européenne et la Coalition des volontaires se réunissent.")
    assert got["Communauté politique européenne"][:2] == ("European Political Community", "Organization")
    assert got["Coalition des volontaires"][:2] == ("Coalition of the Willing", "Group")
    got = found("The pro-Russian separatists shelled the town, the Ukrainian General Staff said.", "en")
    assert got["Ukrainian General Staff"] == ("Ukrainian General Staff", "Organization", "Ukraine")


def test_a_leaders_surname_after_a_date_is_that_leader():
    assert found("On Sunday Macron said the talks would resume.", "en")["Macron"][0] == "Emmanuel Macron"
