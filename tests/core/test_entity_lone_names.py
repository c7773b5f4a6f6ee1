"""One-word "persons" that the text gives no sign of being people are places."""

from __future__ import annotations

from nato_reader.core.entities import consolidate
from nato_reader.core.gazetteer import Gazetteer
from tests_helpers import spans

GAZ = Gazetteer({"entities": [], "given_names": ["Olena"]})


def labels(text, *raw) -> dict[str, str]:
    return {m.text: m.label for m in consolidate(text, spans(text, *raw), GAZ)}


def test_a_one_word_person_with_no_sign_of_a_person_is_a_place():
    text = ("Ferries left Visby's harbour via Nynashamn. Tankers from Primorsk sailed on, "
            "and marines landed on Uto, an island south of the capital.")
    got = labels(text, ("Visby", "PERSON"), ("Nynashamn", "PERSON"), ("Primorsk", "PERSON"),
                 ("Uto", "PERSON"))
    assert got == {"Visby": "GPE", "Nynashamn": "GPE", "Primorsk": "GPE", "Uto": "LOC"}


def test_signs_of_a_person_keep_it_a_person():
    text = ("Kurti told reporters in Pristina the attack was planned. Hrim, 34, said the "
            "drones flew at night. Dr. Varga agreed, and Olena waited. Lindqvist, a coast "
            "guard officer, and Sandor's wife spoke. Halloran and Jan Smith met. Varga also "
            "said more, Kurti was elected in Pristina, and Police arrested Halloran at "
            "Sandor's home. Lindqvist, 52, and Olena were in Ruse.")
    got = labels(text, ("Kurti", "PERSON"), ("Hrim", "PERSON"), ("Varga", "PERSON"),
                 ("Olena", "PERSON"), ("Lindqvist", "PERSON"), ("Sandor", "PERSON"),
                 ("Halloran", "PERSON"), ("Jan Smith", "PERSON"))
    assert set(got.values()) == {"PERSON"}


def test_a_surname_of_a_full_name_in_the_text_stays_a_person():
    text = "Anna Wieslander spoke first. Later, Wieslander's report was published."
    got = labels(text, ("Anna Wieslander", "PERSON"), ("Wieslander", "PERSON"))
    assert got["Wieslander"] == "PERSON"


def test_a_second_place_in_a_pair_and_a_hometown_are_places():
    text = ("People in Qaanaaq and Ittoqqortoormiit waited. Jelena Sidorova, 37, of Rezekne, "
            "was sentenced.")
    got = labels(text, ("Qaanaaq", "GPE"), ("Ittoqqortoormiit", "PERSON"),
                 ("Jelena Sidorova", "PERSON"), ("Rezekne", "PERSON"))
    assert got["Ittoqqortoormiit"] == "GPE" and got["Rezekne"] == "GPE"


def test_a_name_with_a_slavic_place_ending_is_a_place_unless_it_acts_like_a_person():
    text = ("Troops entered Klishchiivka; a clinic in Hajnowka closed. Interpol, Minsk "
            "and Shevchenko stayed as they were. Zelenodolsk said he would run.")
    got = consolidate(text, spans(text, ("Klishchiivka", "ORG"), ("Hajnowka", "ORG"),
                                  ("Interpol", "ORG"), ("Shevchenko", "PERSON"),
                                  ("Zelenodolsk", "PERSON")))
    assert {m.text: m.label for m in got} == {
        "Klishchiivka": "GPE", "Hajnowka": "GPE", "Interpol": "ORG", "Minsk": "GPE",
        "Shevchenko": "PERSON", "Zelenodolsk": "PERSON"}
