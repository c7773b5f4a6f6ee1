"""Places, bodies and products read from the words around a name (entity_places), without
spaCy: the raw spans are what the model typically proposes, its usual mistakes included."""

from __future__ import annotations

from nato_reader.core.entities import consolidate
from tests_helpers import spans


def labelled(text: str, *raw: tuple[str, str]) -> dict[str, str]:
    return {m.text: m.label for m in consolidate(text, spans(text, *raw))}


def test_a_name_after_a_site_or_a_route_is_a_place():
    text = ("Allies keep a battlegroup at Cincu and a missile defence site at Deveselu. "
            "A pumping station at Unecha was hit. The pipeline runs from Inkoo on the "
            "coast to Paldiski.")
    got = labelled(text, ("Cincu", "WORK_OF_ART"), ("Paldiski", "PERSON"))
    assert got == {"Cincu": "GPE", "Deveselu": "GPE", "Unecha": "GPE", "Inkoo": "GPE",
                   "Paldiski": "GPE"}


def test_a_route_from_a_person_or_a_title_after_a_site_is_no_place():
    text = ("Support shifted from Erik Halvorsen to Lindqvist. The base at Christmas was "
            "quiet; the site at President Tusk's office was closed.")
    got = labelled(text, ("Erik Halvorsen", "PERSON"), ("Lindqvist", "PERSON"))
    assert got == {"Erik Halvorsen": "PERSON", "Lindqvist": "PERSON"}


def test_every_name_in_the_ports_or_towns_of_a_list_is_a_place():
    text = "Drones hit the Danube ports of Izmail and Reni and the towns of Lyman, Siversk."
    got = labelled(text, ("Danube", "LOC"), ("Reni", "ORG"), ("Siversk", "PERSON"))
    assert got == {"Danube": "LOC", "Izmail": "GPE", "Reni": "GPE", "Lyman": "GPE",
                   "Siversk": "GPE"}


def test_a_name_after_a_word_for_a_firm_is_a_body():
    text = ("The drone is made by aircraft maker Antonov. State-owned Aselsan bid too. "
            "Shares in Hensoldt rose, and grid operator Elering said repairs would wait. "
            "The civil aviation authority, Rosaviatsia, said ten died.")
    got = labelled(text, ("Antonov", "PERSON"), ("Aselsan", "PERSON"), ("Hensoldt", "GPE"),
                   ("Rosaviatsia", "GPE"))
    assert got == {"Antonov": "ORG", "Aselsan": "ORG", "Hensoldt": "ORG", "Elering": "ORG",
                   "Rosaviatsia": "ORG"}


def test_a_firm_word_before_a_title_or_a_known_place_changes_nothing():
    text = "The maker President Halvorsen praised stayed in business; the firm Kyiv hired."
    got = labelled(text, ("Halvorsen", "PERSON"), ("Kyiv", "GPE"))
    assert got == {"Halvorsen": "PERSON", "Kyiv": "GPE"}


def test_a_name_in_apposition_with_a_weapon_or_a_ship_is_a_product():
    text = ("His unit flies the Liutyi, a fixed-wing drone, and sank the Moskva, a Russian "
            "cruiser. The Kremlin, a frequent drone target, said nothing.")
    got = labelled(text, ("Liutyi", "PERSON"), ("Russian", "NORP"), ("Kremlin", "ORG"))
    assert got == {"Liutyi": "PRODUCT", "Moskva": "PRODUCT", "Russian": "NORP",
                   "Kremlin": "ORG"}


def test_a_junction_or_a_hub_in_apposition_is_a_town():
    text = "Ukrainian units entered Kupiansk, a rail junction, and Lyman, a logistics hub."
    got = labelled(text, ("Ukrainian", "NORP"), ("Kupiansk", "ORG"), ("Lyman", "PERSON"))
    assert got == {"Ukrainian": "NORP", "Kupiansk": "GPE", "Lyman": "GPE"}


def test_a_unit_in_apposition_is_a_body_but_not_a_unit_commander():
    text = ("Russia answered with Rubikon, an elite drone centre whose crews hunt vans. "
            "In Bakhmut, a unit commander said the line held.")
    got = labelled(text, ("Rubikon", "PERSON"), ("Bakhmut", "GPE"))
    assert got == {"Russia": "GPE", "Rubikon": "ORG", "Bakhmut": "GPE"}


def test_whole_district_base_and_group_names():
    text = ("Belgorod ordered the evacuation of the Krasnaya Yaruga district. Troops arrived "
            "at the Mihail Kogalniceanu Air Base. What is the Bucharest Nine?")
    got = labelled(text, ("Belgorod", "GPE"), ("Krasnaya", "GPE"),
                   ("Bucharest Nine", "LAW"))
    assert got == {"Belgorod": "GPE", "Krasnaya Yaruga": "GPE",
                   "Mihail Kogalniceanu Air Base": "FAC", "Bucharest Nine": "ORG"}


def test_a_plant_in_its_town_is_two_names():
    text = "Inspectors toured the Kursk Nuclear Power Plant in Kurchatov on Friday."
    got = labelled(text, ("Kursk Nuclear Power Plant in Kurchatov", "FAC"))
    assert got == {"Kursk Nuclear Power Plant": "FAC", "Kurchatov": "GPE"}


def test_a_region_after_a_nationality_or_a_month_is_not_rewritten():
    text = "Fighting spread across the Russian Far East region and the March region vote."
    got = labelled(text, ("Russian", "NORP"), ("Far East", "LOC"))
    assert got == {"Russian": "NORP", "Far East": "LOC"}


def test_the_short_name_of_a_sea_or_river_named_in_full_is_that_feature():
    text = ("Ships in the Baltic Sea were hit. The Baltic is crowded. Troops fell back to "
            "the Oskil; the Oskil River is shallow. Dnipro was shelled as the Dnipro River "
            "rose.")
    got = {(m.text, m.label, m.canonical) for m in consolidate(text, spans(
        text, ("Baltic Sea", "LOC"), ("Baltic", "NORP"), ("Oskil", "ORG"),
        ("Oskil River", "LOC"), ("Dnipro", "GPE"), ("Dnipro River", "LOC")))}
    assert ("Baltic", "LOC", "Baltic Sea") in got and ("Oskil", "LOC", "Oskil River") in got
    assert ("Dnipro", "GPE", "Dnipro") in got  # the city, not the river


def test_review_cases_cities_markets_and_bodies_keep_their_types():
    text = ("Frankfurt, a financial centre, rose. Investors fled from Tesla, and Ghana "
            "withdrew from Ecowas. Shares in Shanghai rose.")
    got = labelled(text, ("Frankfurt", "GPE"), ("Tesla", "ORG"), ("Ghana", "GPE"),
                   ("Ecowas", "ORG"), ("Shanghai", "GPE"))
    assert got == {"Frankfurt": "GPE", "Tesla": "ORG", "Ghana": "GPE", "Ecowas": "ORG",
                   "Shanghai": "GPE"}


def test_review_cases_whole_names_and_features():
    text = ("Visiting Ramstein Air Base, Austin spoke. The Phase Three trial ended. The Irish "
            "Sea was rough; the Irish government agreed.")
    got = labelled(text, ("Ramstein", "GPE"), ("Austin", "PERSON"),
                   ("Phase Three", "LAW"), ("Irish Sea", "LOC"), ("Irish", "NORP"))
    assert got == {"Ramstein Air Base": "FAC", "Austin": "PERSON", "Phase Three": "LAW",
                   "Irish Sea": "LOC", "Irish": "NORP"}


def test_a_body_in_apposition_mid_sentence_and_a_region_after_villages_of():
    text = ("It took an offer from Gunvor, the Geneva-based commodity trader, on Monday. "
            "Voters in villages of Kvemo Kartli complained. Halvorsen, the company's "
            "founder, left.")
    got = labelled(text, ("Gunvor", "PERSON"), ("Geneva", "GPE"), ("Kvemo Kartli", "PERSON"),
                   ("Halvorsen", "PERSON"))
    assert got == {"Gunvor": "ORG", "Geneva": "GPE", "Kvemo Kartli": "GPE",
                   "Halvorsen": "PERSON"}


def test_review_cases_traders_firms_ports_and_generations():
    text = ("Former trader Tom Hayes was freed. Kerviel, the rogue trader, lost billions. "
            "The deal hands the ports of CK Hutchison to a fund. The cities of Generation Z "
            "are changing.")
    got = labelled(text, ("Tom Hayes", "PERSON"), ("Kerviel", "PERSON"),
                   ("CK Hutchison", "ORG"))
    assert got == {"Tom Hayes": "PERSON", "Kerviel": "PERSON", "CK Hutchison": "ORG"}
