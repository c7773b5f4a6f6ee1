"""People the model missed or joined (entity_persons), without spaCy: the raw spans are
what the model typically proposes, its usual mistakes included."""

from __future__ import annotations

from nato_reader.core.entities import consolidate
from tests_helpers import spans


def found(text: str, *raw: tuple[str, str]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in consolidate(text, spans(text, *raw))]


def test_a_given_name_and_a_surname_the_model_missed_are_a_person():
    text = "He left.\n\nAlexei Smirnov, the acting governor, said Ivana Petrova agreed."
    assert found(text) == [("Alexei Smirnov", "PERSON"), ("Ivana Petrova", "PERSON")]


def test_a_given_name_before_a_head_a_title_or_a_known_name_is_no_person():
    text = ("Pilgrims filled Milan Cathedral and Sofia Airport. Anna President spoke of "
            "Maria Ukraine.")
    assert found(text) == [("Ukraine", "GPE")]


def test_a_span_of_a_given_name_is_a_person_but_not_before_a_head():
    text = "Mario Draghi wrote about the Roman Empire."
    got = found(text, ("Mario Draghi", "ORG"), ("Roman Empire", "GPE"))
    assert got == [("Mario Draghi", "PERSON"), ("Roman Empire", "GPE")]


def test_two_names_joined_by_and_are_two_people():
    text = "Officials said Halvorsen and Dmitry Utkin were aboard the plane."
    got = found(text, ("Halvorsen and Dmitry Utkin", "ORG"))
    assert got == [("Halvorsen", "PERSON"), ("Dmitry Utkin", "PERSON")]


def test_a_body_joined_to_a_person_keeps_its_type_and_a_plain_and_stays_one_span():
    text = "The Defence Ministry and Anna Lindqvist met. Procter and Gamble rose."
    got = found(text, ("Defence Ministry and Anna Lindqvist", "ORG"),
                ("Procter and Gamble", "ORG"))
    assert got == [("Defence Ministry", "ORG"), ("Anna Lindqvist", "PERSON"),
                   ("Procter and Gamble", "ORG")]


def test_a_name_ending_in_a_surname_ending_of_the_region_is_a_person():
    text = "Anahit Grigoryan drove out; the Kyiv Polytechnic Institute stayed open."
    got = found(text, ("Anahit Grigoryan", "ORG"), ("Kyiv Polytechnic Institute", "ORG"))
    assert got == [("Anahit Grigoryan", "PERSON"), ("Kyiv Polytechnic Institute", "ORG")]


def test_a_transcript_speaker_in_capitals_is_the_person_named_in_full():
    text = ("Adviser Jake Sullivan briefed reporters.\n\nSULLIVAN: We sent them.\n\n"
            "Q: Where?\n\nMODERATOR: Next.")
    got = consolidate(text, spans(text, ("Jake Sullivan", "PERSON")))
    assert [(m.text, m.label, m.canonical) for m in got] == [
        ("Jake Sullivan", "PERSON", "Jake Sullivan"), ("SULLIVAN", "PERSON", "Jake Sullivan")]


def test_a_nationality_led_person_or_a_name_for_a_country_is_a_party():
    text = ("Georgian Dream won; the groups Unity and Gakharia for Georgia lost. "
            "German Galushchenko spoke. Thanks to Kallas for Estonia's help, and to "
            "Halvorsen for Norway.")
    got = found(text, ("Georgian Dream", "PERSON"), ("Gakharia", "GPE"), ("Georgia", "GPE"),
                ("German Galushchenko", "PERSON"), ("Kallas", "PERSON"), ("Estonia", "GPE"),
                ("Halvorsen", "PERSON"), ("Norway", "GPE"))
    assert got == [("Georgian Dream", "ORG"), ("Gakharia for Georgia", "ORG"),
                   ("German Galushchenko", "PERSON"), ("Kallas", "PERSON"),
                   ("Estonia", "GPE"), ("Halvorsen", "PERSON"), ("Norway", "GPE")]


def test_review_cases_a_surname_the_text_names_in_full_is_that_person():
    text = ("Ambassador Anatoly Antonov met officials. Antonov said nothing. Michal Simecka "
            "spoke; Michal said no. Vernon Jordan met officials in Amman, Jordan. Tourists "
            "saw the Roman Forum.")
    got = consolidate(text, spans(text, ("Anatoly Antonov", "PERSON"), ("Antonov", "PERSON"),
                                  ("Michal Simecka", "PERSON"), ("Michal", "PERSON"),
                                  ("Vernon Jordan", "PERSON"), ("Amman", "GPE"),
                                  ("Jordan", "GPE")))
    assert [(m.text, m.label, m.canonical) for m in got] == [
        ("Anatoly Antonov", "PERSON", "Anatoly Antonov"),
        ("Antonov", "PERSON", "Anatoly Antonov"), ("Michal Simecka", "PERSON", "Michal Simecka"),
        ("Michal", "PERSON", "Michal Simecka"), ("Vernon Jordan", "PERSON", "Vernon Jordan"),
        ("Amman", "GPE", "Amman"), ("Jordan", "GPE", "Jordan")]


def test_a_given_name_and_a_surname_the_model_split_are_one_person():
    text = "Guards detained Ruben Vardanyan, a billionaire, on Wednesday."
    assert found(text, ("Ruben", "ORG"), ("Vardanyan", "NORP")) == [
        ("Ruben Vardanyan", "PERSON")]


def test_review_cases_a_given_name_before_a_place_or_a_building_word():
    text = "Flights from Milan Linate, rafting on the Vjosa River and Herman Park resumed."
    got = found(text, ("Milan", "GPE"), ("Vjosa River", "LOC"), ("Herman Park", "GPE"))
    assert got == [("Milan", "GPE"), ("Vjosa River", "LOC"), ("Herman Park", "GPE")]
