"""Names inside hyphenated words (entity_hyphens, and the prefix rule in entity_rules)."""

from __future__ import annotations

import re

from nato_reader.core.entities import consolidate
from nato_reader.core.gazetteer import Gazetteer

GAZ = Gazetteer({
    "countries": [
        {"name": "Norway", "demonyms": ["Norwegian"], "capital": "Oslo"},
        {"name": "Sweden", "demonyms": ["Swedish", "Swede"], "capital": "Stockholm"},
        {"name": "Bosnia-Herzegovina", "demonyms": ["Bosnian"]},
    ],
    "entities": [{"name": "European Union", "label": "ORG", "aliases": ["EU", "E.U."]}],
})


def found(text: str, *items: tuple[str, str]) -> list[tuple[str, str, str]]:
    raw = []
    for surface, label in items:
        m = re.search(re.escape(surface), text)
        raw.append((m.start(), m.end(), label))
    return [(m.text, m.label, m.canonical) for m in consolidate(text, raw, GAZ)]


def test_two_names_joined_as_a_modifier_are_two_mentions():
    text = "The E.U.-Norway deal and the Sweden-Norway border were discussed."
    got = found(text, ("E.U.-Norway", "GPE"), ("Sweden-Norway", "FAC"))
    assert {("E.U.", "ORG", "European Union"), ("Sweden", "GPE", "Sweden")} <= set(got)
    assert sum(t == "Norway" for t, _, _ in got) == 2 and not any("-" in t for t, _, _ in got)


def test_names_in_the_text_count_as_known_sides():
    text = "Valdoria and Castrane signed. The Valdoria-Castrane pipeline opened."
    got = found(text, ("Valdoria", "GPE"), ("Castrane", "GPE"), ("Valdoria-Castrane", "ORG"))
    assert sum(t == "Castrane" for t, _, _ in got) == 2


def test_known_compounds_and_identities_stay_whole():
    text = "Bosnia-Herzegovina voted. Many Norwegian-Swedes live in Oslo."
    got = found(text, ("Bosnia-Herzegovina", "GPE"), ("Norwegian-Swedes", "NORP"))
    assert ("Bosnia-Herzegovina", "GPE", "Bosnia-Herzegovina") in got
    assert ("Norwegian-Swedes", "NORP", "Norwegian-Swedes") in got


def test_prefix_and_suffix_are_not_part_of_the_name():
    text = "Pro-Oslo voters and Sweden-led talks met anti-Norwegian protests."
    got = found(text, ("Pro-Oslo", "PERSON"), ("Sweden-led", "ORG"))
    assert {("Oslo", "GPE", "Oslo"), ("Sweden", "GPE", "Sweden"),
            ("Norwegian", "NORP", "Norwegian")} <= set(got)  # the last one the model missed


def test_prefix_links_to_a_person_in_the_text():
    text = "Mayor Elena Vasquez-Moll spoke. Anti-Vasquez-Moll marchers left."
    got = found(text, ("Elena Vasquez-Moll", "PERSON"), ("Anti-Vasquez-Moll", "PERSON"))
    assert ("Vasquez-Moll", "PERSON", "Elena Vasquez-Moll") in got


def test_a_hyphenated_organisation_with_spaces_keeps_its_prefix():
    text = "The Anti-Fraud Office reported to Norway."
    got = found(text, ("The Anti-Fraud Office", "ORG"), ("Norway", "GPE"))
    assert ("Anti-Fraud Office", "ORG", "Anti-Fraud Office") in got


def test_a_known_name_before_a_suffix_is_found_where_the_model_saw_nothing():
    gaz = Gazetteer({"entities": [{"name": "Shahed", "label": "PRODUCT"}]})
    text = "Russia launched 58 Shahed-type drones and EU-funded shelters were hit."
    got = [(m.text, m.label) for m in consolidate(text, [], gaz)]
    assert got == [("Shahed", "PRODUCT")]  # "EU" is not a name this gazetteer knows
    assert ("EU", "ORG", "European Union") in found("The EU-funded shelters stood.")
