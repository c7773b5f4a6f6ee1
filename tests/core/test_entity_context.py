"""Types read from a mention's neighbours (entity_context, entity_places), without spaCy:
the raw spans are what the model typically proposes, its usual mistakes included."""

from __future__ import annotations

import pytest

from nato_reader.core.entities import consolidate
from tests_helpers import spans


def labelled(text: str, *raw: tuple[str, str]) -> dict[str, str]:
    return {m.text: m.label for m in consolidate(text, spans(text, *raw))}


# -- places ------------------------------------------------------------------------------

def test_a_missed_name_after_near_or_the_village_of_is_a_place():
    text = ("Shelling hit positions near Vasylivka. A drone fell on a barn in the village "
            "of Dołhobyczów on Tuesday.")
    got = labelled(text)
    assert got["Vasylivka"] == "GPE"
    assert got["Dołhobyczów"] == "GPE"


def test_after_near_a_title_a_possessive_or_a_longer_name_adds_nothing():
    text = ("A drone fell near Prime Minister Halvorsen's residence, near Hlushkivka's "
            "outskirts and near Nowa Wies Gorna village.")
    assert labelled(text) == {}


def test_a_lake_after_near_is_a_feature():
    assert labelled("The blast was near Lake Vygozero.") == {"Lake Vygozero": "LOC"}


def test_a_month_or_weekday_after_near_is_not_a_place():
    text = "The talks are due near Christmas, and a vote near Monday is unlikely."
    assert labelled(text) == {}


def test_where_people_meet_or_train_is_a_place():
    text = ("Deputies meeting in Bender voted on Friday. Recruits drilled at a firing range "
            "in Drawsko before they left.")
    got = labelled(text, ("Bender", "ORG"), ("Drawsko", "PERSON"))
    assert got == {"Bender": "GPE", "Drawsko": "GPE"}


def test_a_company_one_invests_in_stays_a_company():
    text = ("Pension funds bought shares in Uniper, stakes held in Vattenfall rose, and "
            "talks with Scholz in Berlin went on.")
    got = labelled(text, ("Uniper", "ORG"), ("Vattenfall", "ORG"), ("Scholz", "PERSON"),
                   ("Berlin", "GPE"))
    assert got == {"Uniper": "ORG", "Vattenfall": "ORG", "Scholz": "PERSON", "Berlin": "GPE"}


def test_a_possessive_after_in_is_not_a_place():
    text = "In Kallas's view, the sanctions have worked."
    assert labelled(text, ("Kallas", "PERSON"))["Kallas"] == "PERSON"


def test_names_before_border_crossings_are_places_but_not_before_checkpoints():
    text = ("Guards closed the Kuznica and Bobrowniki border crossings overnight. "
            "Hezbollah checkpoints stayed.")
    got = labelled(text, ("Kuznica", "ORG"), ("Bobrowniki", "PERSON"), ("Hezbollah", "ORG"))
    assert got == {"Kuznica": "GPE", "Bobrowniki": "GPE", "Hezbollah": "ORG"}


# -- waterways and features --------------------------------------------------------------

def test_a_person_after_through_the_is_a_waterway_and_so_is_its_partner():
    text = ("Tankers queued to sail through the Oresund and the Kattegat. Later the Oresund "
            "was calm.")
    got = labelled(text, ("Oresund", "PERSON"), ("Oresund", "PERSON"))
    assert got == {"Oresund": "LOC", "Kattegat": "LOC"}


def test_a_person_after_to_the_or_without_a_preposition_of_movement_is_no_waterway():
    text = "He wrote to the Halloran about it. They thanked Hodges for the Brussels talks."
    got = labelled(text, ("Halloran", "PERSON"), ("Hodges", "PERSON"), ("Brussels", "GPE"))
    assert got["Halloran"] != "LOC"  # "to the Times" may be a newspaper: no feature
    assert got["Hodges"] == "PERSON"


def test_a_person_before_ports_or_delta_is_a_feature_but_not_before_port_staff():
    text = ("Drones hit Prut ports again, and floods reached the Tisza delta. "
            "Halloran praised port workers.")
    got = labelled(text, ("Prut", "PERSON"), ("Tisza", "PERSON"), ("Halloran", "PERSON"))
    assert got == {"Prut": "LOC", "Tisza": "LOC", "Halloran": "PERSON"}


def test_a_name_with_a_feature_word_is_that_feature():
    text = ("Tanks massed near the Fulda Gap. Traffic through the Lachin Corridor stopped. "
            "The Fulda Gap was quiet, and Fulda itself was calm.")
    got = consolidate(text, spans(text, ("Fulda", "ORG"), ("Lachin", "PERSON"),
                                  ("Fulda", "GPE"), ("Fulda", "GPE")))
    assert [(m.text, m.label, m.canonical) for m in got] == [
        ("Fulda Gap", "LOC", "Fulda Gap"), ("Lachin Corridor", "LOC", "Lachin Corridor"),
        ("Fulda Gap", "LOC", "Fulda Gap"), ("Fulda", "GPE", "Fulda")]


def test_a_lower_case_feature_word_or_a_longer_name_is_not_that_feature():
    text = "The Fulda gap between the hills is narrow. Shares of Ruhr Valley Bank fell."
    got = labelled(text, ("Fulda", "GPE"), ("Ruhr", "ORG"))
    assert got == {"Fulda": "GPE", "Ruhr": "ORG"}


def test_a_nuclear_power_plant_is_a_facility_not_its_town():
    text = ("Inspectors reached the Kursk nuclear power plant on Friday, and the Rivne "
            "nuclear plant was reconnected. Kursk itself was calm.")
    got = labelled(text, ("Kursk", "GPE"), ("Rivne", "PERSON"), ("Kursk", "GPE"))
    assert got["Kursk nuclear power plant"] == "FAC"
    assert got["Rivne nuclear plant"] == "FAC"
    assert got["Kursk"] == "GPE"
    assert labelled("The Kursk plant was shelled.", ("Kursk", "GPE")) == {"Kursk": "GPE"}


# -- bodies ------------------------------------------------------------------------------

def test_a_name_in_apposition_to_a_company_noun_is_a_body():
    text = ("Repairs depend on Ukrhydroenergo, the state hydropower operator, officials "
            "said. Naftogaz, the state energy company, said it had paid.")
    got = labelled(text, ("Ukrhydroenergo", "PERSON"))
    assert got == {"Ukrhydroenergo": "ORG", "Naftogaz": "ORG"}


def test_a_possessive_role_or_an_opening_place_is_not_a_body():
    text = ("Halvorsen, the company's chief executive, resigned. In Kaunas, the company "
            "said output fell.")
    got = labelled(text, ("Halvorsen", "PERSON"), ("Kaunas", "GPE"))
    assert got == {"Halvorsen": "PERSON", "Kaunas": "GPE"}


def test_however_opening_a_sentence_is_not_a_body():
    text = "However, the company, which denies wrongdoing, said it would appeal."
    assert labelled(text) == {}


def test_the_daily_before_a_name_makes_it_a_newspaper():
    text = "The admiral told the daily Sozcu that the straits stay closed."
    assert labelled(text, ("Sozcu", "PERSON"))["Sozcu"] == "ORG"


def test_capitalised_words_after_its_ending_in_a_body_word_are_a_body():
    text = "The bloc will pay through its Rapid Response Mechanism, the union said."
    assert labelled(text) == {"Rapid Response Mechanism": "ORG"}


# -- events and capitalised common words -------------------------------------------------

def test_a_name_in_apposition_to_an_exercise_is_an_event():
    text = ("The drills coincide with Northern Shield 2024, a ten-day exercise in which "
            "marines land on beaches.")
    got = labelled(text, ("Northern Shield 2024", "PRODUCT"))
    assert got == {"Northern Shield 2024": "EVENT"}


def test_an_exercise_host_in_apposition_stays_a_place():
    text = "Troops arrived in Tapa, a frequent exercise host area."
    assert labelled(text, ("Tapa", "GPE"))["Tapa"] == "GPE"


@pytest.mark.parametrize("word", ["Millions", "Thousands", "Dozens"])
def test_a_quantity_word_opening_a_sentence_is_not_a_name(word):
    text = f"{word} of residents fled. {word} in Kherson had no water."
    assert labelled(text, (word, "ORG"), (word, "ORG"), ("Kherson", "GPE")) == {
        "Kherson": "GPE"}


# -- lists, regions, datelines, machines and vessels --------------------------------------

def test_names_listed_with_a_place_are_places():
    text = ("Serbs live in three towns, Zvornik, Lopare and Ugljevik. Talks joined Pfizer, "
            "Siemens and Shell. Guards sat in the centre of Tarnovo and the villages of "
            "Bresnik. In Zvornik, Kowal, Nowak and Wisniewski signed.")
    got = labelled(text, ("Zvornik", "GPE"), ("Lopare", "ORG"), ("Ugljevik", "PERSON"),
                   ("Pfizer", "ORG"), ("Siemens", "ORG"), ("Shell", "ORG"),
                   ("Tarnovo", "ORG"), ("Bresnik", "ORG"), ("Zvornik", "GPE"),
                   ("Kowal", "PERSON"), ("Nowak", "PERSON"), ("Wisniewski", "PERSON"))
    assert got == {"Serbs": "NORP", "Zvornik": "GPE", "Lopare": "GPE", "Ugljevik": "GPE",
                   "Pfizer": "ORG", "Siemens": "ORG", "Shell": "ORG", "Tarnovo": "GPE",
                   "Bresnik": "GPE", "Kowal": "PERSON", "Nowak": "PERSON",
                   "Wisniewski": "PERSON"}  # no noun of places before those three


def test_a_name_before_regional_administration_is_a_region():
    text = ("The head of the Kirovohrad regional military administration said so, and the "
            "Uniper regional office agreed.")
    got = labelled(text, ("Kirovohrad", "ORG"), ("Uniper", "ORG"))
    assert got == {"Kirovohrad": "GPE", "Uniper": "ORG"}


def test_datelines_with_two_places_or_without_an_agency():
    text = ("OSLO/BERGEN, May 3 (Reuters) - Shares rose.\n\nTROMSO, Norway — Ships sailed.")
    got = {m.text: (m.label, m.canonical) for m in consolidate(text, [])}
    assert got["OSLO"] == ("GPE", "Oslo") and got["BERGEN"] == ("GPE", "Bergen")
    assert got["TROMSO"] == ("GPE", "Tromso")


def test_names_before_the_machines_they_name_are_products():
    text = ("Orders for Tempest jets, Boxer combat vehicles, SkyRanger systems and K239 "
            "launchers rose, and PL01 fighting vehicles too. Airbus and the G7 leaders met. "
            "Hezbollah rockets and Hamas fighters crossed.")
    got = labelled(text, ("Tempest", "WORK_OF_ART"), ("Boxer", "PERSON"),
                   ("SkyRanger", "ORG"), ("Airbus", "ORG"), ("G7", "ORG"),
                   ("Hezbollah", "ORG"), ("Hamas", "ORG"))
    assert got == {"Tempest": "PRODUCT", "Boxer": "PRODUCT", "SkyRanger": "PRODUCT",
                   "K239": "PRODUCT", "PL01": "PRODUCT", "Airbus": "ORG", "G7": "ORG",
                   "Hezbollah": "ORG", "Hamas": "ORG"}


def test_a_flagged_or_sailing_name_is_a_vessel():
    text = ("Finland seized the Panama-flagged Koral. The Lumen, which sails under the "
            "flag of Gabon, waited.")
    got = labelled(text, ("Finland", "GPE"), ("Koral", "PERSON"), ("Lumen", "ORG"))
    assert (got["Koral"], got["Lumen"]) == ("PRODUCT", "PRODUCT")


def test_a_country_before_a_known_weapon_is_two_mentions():
    got = labelled("The first U.S. Bradley vehicles arrived.", ("U.S. Bradley", "ORG"))
    assert got == {"U.S.": "GPE", "Bradley": "PRODUCT"}


def test_a_company_runs_on_through_its_legal_form():
    text = ("Shares in Gazprom PJSC and Severstal PJSC fell. Italy's Leonardo S.p.A. rose, "
            "and the Brakna Group a.s. unit hired. The Board approved.")
    got = {m.text: (m.label, m.canonical) for m in consolidate(text, spans(
        text, ("Gazprom", "ORG"), ("PJSC", "PERSON"), ("Leonardo S.p.A.", "FAC"),
        ("Brakna Group", "ORG")))}
    assert got == {"Gazprom PJSC": ("ORG", "Gazprom PJSC"), "Italy": ("GPE", "Italy"),
                   "Severstal PJSC": ("ORG", "Severstal PJSC"),
                   "Leonardo S.p.A.": ("ORG", "Leonardo S.p.A."),
                   "Brakna Group a.s.": ("ORG", "Brakna Group a.s.")}


def test_names_ending_in_a_feature_or_street_word_and_bases():
    text = ("Troops dug in near the Bialowieza Forest and marched down Stefan cel Mare "
            "Boulevard. The U.S. runs Pituffik Space Base, once Thule Air Base.")
    got = labelled(text, ("Bialowieza Forest", "ORG"), ("Stefan cel Mare Boulevard",
                                                        "WORK_OF_ART"),
                   ("U.S.", "GPE"), ("Space Base", "PERSON"), ("Thule Air Base", "PERSON"))
    assert got == {"Bialowieza Forest": "LOC", "Stefan cel Mare Boulevard": "FAC",
                   "U.S.": "GPE", "Pituffik Space Base": "FAC", "Thule Air Base": "FAC"}


def test_an_acronym_spells_the_names_joined_before_it():
    text = "The Party of Action and Solidarity (PAS) won, and PAS leaders cheered."
    got = {(m.text, m.canonical) for m in consolidate(text, spans(
        text, ("Party of Action", "ORG"), ("Solidarity", "ORG"), ("PAS", "ORG")))}
    assert got == {("Party of Action and Solidarity", "Party of Action and Solidarity"),
                   ("PAS", "Party of Action and Solidarity")}


def test_region_lists_ships_roles_crude_and_headline_labels():
    text = ("Explainer: why it matters. Works ran in the Podlaskie, Warmian-Masurian and "
            "Lublin provinces. Bulgaria sent the minehunter Tsibar and HDMS Absalon. "
            "Ilan Vered, a fugitive businessman, denied it. Urals crude rose.")
    got = labelled(text, ("Explainer", "GPE"), ("Podlaskie", "LOC"),
                   ("Warmian-Masurian", "NORP"), ("Lublin", "GPE"), ("Bulgaria", "GPE"),
                   ("Tsibar", "ORG"), ("Absalon", "PERSON"), ("Ilan Vered", "ORG"),
                   ("Urals", "ORG"))
    assert got == {"Podlaskie": "GPE", "Warmian-Masurian": "GPE", "Lublin": "GPE",
                   "Bulgaria": "GPE", "Tsibar": "PRODUCT", "HDMS Absalon": "PRODUCT",
                   "Ilan Vered": "PERSON", "Urals": "PRODUCT"}


def test_exercises_in_apposition_towns_declarations_missiles_and_venues():
    text = ("The exercise, called Polar Lynx, began. Another exercise, Iron Tide, is planned. "
            "After the exercise, Kowal said more. Shells hit Jermuk, a spa town, and fell "
            "near Orlivka and Hrabove. The Vilnius Summit Declaration praised the Naval "
            "Strike Missile at the Walter Center Arena.")
    got = labelled(text, ("Polar Lynx", "ORG"), ("Iron Tide", "ORG"), ("Kowal", "PERSON"),
                   ("Jermuk", "ORG"), ("Orlivka", "GPE"), ("Hrabove", "ORG"),
                   ("Vilnius Summit Declaration", "ORG"), ("Naval Strike Missile", "FAC"),
                   ("Walter Center Arena", "ORG"))
    assert got == {"Polar Lynx": "EVENT", "Iron Tide": "EVENT", "Kowal": "PERSON",
                   "Jermuk": "GPE", "Orlivka": "GPE", "Hrabove": "GPE",
                   "Vilnius Summit Declaration": "LAW", "Naval Strike Missile": "PRODUCT",
                   "Walter Center Arena": "FAC"}


def test_a_dateline_with_the_date_after_the_country():
    text = "KRAMATORSK, Ukraine, Aug. 14 (Reuters) - Troops advanced."
    got = {m.text: (m.label, m.canonical) for m in consolidate(text, [])}
    assert got["KRAMATORSK"] == ("GPE", "Kramatorsk")


def test_a_translated_name_takes_its_bracketed_acronym_but_not_a_country_code():
    text = ("Lasconi leads the Save Romania Union (USR). The USR gained. The Office for "
            "Budget Responsibility (UK) warned.")
    got = {(m.text, m.label, m.canonical) for m in consolidate(text, spans(
        text, ("Save Romania Union", "ORG"), ("Office for Budget Responsibility", "ORG")))}
    assert ("USR", "ORG", "Save Romania Union") in got
    assert ("UK", "GPE", "United Kingdom") in got


def test_a_known_acronym_in_brackets_gives_the_name_before_it_its_type():
    text = "Army Tactical Missile Systems (ATACMS) arrived in Kyiv."
    got = consolidate(text, spans(text, ("Army Tactical Missile Systems", "ORG")))
    assert [(m.text, m.label, m.canonical) for m in got][:2] == [
        ("Army Tactical Missile Systems", "PRODUCT", "ATACMS"), ("ATACMS", "PRODUCT", "ATACMS")]
