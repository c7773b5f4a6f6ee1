"""Names spelled by a bracketed acronym (entity_acronyms), without spaCy: the raw spans
are what the model typically proposes, its usual mistakes included."""

from __future__ import annotations

from nato_reader.core.entities import consolidate
from tests_helpers import spans


def found(text: str, *raw: tuple[str, str]) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.canonical) for m in consolidate(text, spans(text, *raw))]


def test_the_words_an_acronym_spells_are_one_body_and_the_acronym_is_it():
    text = "The loan scheme, Security Action for Europe (SAFE), opens. SAFE lends."
    name = "Security Action for Europe"
    assert found(text, ("Europe", "LOC")) == [
        (name, "ORG", name), ("SAFE", "ORG", name), ("SAFE", "ORG", name)]


def test_an_act_spelled_by_its_acronym_is_a_law_even_unseen_by_the_model():
    text = "The Act in Support of Ammunition Production (ASAP) passed."
    name = "Act in Support of Ammunition Production"
    assert found(text) == [(name, "LAW", name), ("ASAP", "LAW", name)]


def test_an_acronym_before_its_expansion():
    text = "Ankara wants access to SAFE (Security Action for Europe), the loan scheme."
    name = "Security Action for Europe"
    assert found(text, ("Ankara", "GPE"), ("Europe", "LOC")) == [
        ("Ankara", "GPE", "Ankara"), ("SAFE", "ORG", name), (name, "ORG", name)]


def test_a_title_or_a_term_the_model_did_not_mark_is_no_body():
    text = "The Prime Minister (PM) saw an Intercontinental Ballistic Missile (ICBM) test."
    assert found(text) == []


def test_words_that_do_not_spell_the_acronym_are_left_alone():
    text = "Talks in Coastal Lviv Region (UA) went on."
    assert found(text, ("Lviv", "GPE")) == [("Lviv", "GPE", "Lviv")]
