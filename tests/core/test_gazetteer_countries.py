"""The gazetteer's world coverage (every UN member state, the usual observers): countries,
demonyms and capitals get their OntoNotes type, aliases merge, and names that are also
people's names or English words do not turn people or ordinary words into places.

The raw spans are what the small spaCy model proposes for these sentences (its mistakes
included); the slow tests run the real model. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from nato_reader.core import analysis
from nato_reader.core.entities import consolidate
from nato_reader.core.gazetteer import default_gazetteer
from nato_reader.paths import resource
from tests_helpers import spans


def triples(mentions) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.canonical) for m in mentions]


def test_demonym_the_model_calls_a_place_is_norp():
    text = "Kuwaiti troops entered Kuwait City on Tuesday."
    raw = spans(text, ("Kuwaiti", "GPE"), ("Kuwait City", "GPE"))
    assert triples(consolidate(text, raw)) == [
        ("Kuwaiti", "NORP", "Kuwaiti"), ("Kuwait City", "GPE", "Kuwait City")]


def test_person_named_jordan_and_the_country_jordan_stay_apart():
    text = "Vernon Jordan met officials in Amman, Jordan, on Monday."
    raw = spans(text, ("Vernon Jordan", "PERSON"), ("Amman", "GPE"), ("Jordan", "GPE"))
    assert triples(consolidate(text, raw)) == [
        ("Vernon Jordan", "PERSON", "Vernon Jordan"), ("Amman", "GPE", "Amman"),
        ("Jordan", "GPE", "Jordan")]


def test_country_opening_a_sentence_is_not_a_person():
    # the model reads a country as the subject of "said" as a person
    text = "Chad said on Monday it had closed its border. Jordan condemned the attack."
    raw = spans(text, ("Chad", "PERSON"), ("Monday", "DATE"), ("Jordan", "PERSON"))
    assert triples(consolidate(text, raw)) == [
        ("Chad", "GPE", "Chad"), ("Jordan", "GPE", "Jordan")]


@pytest.mark.parametrize("name", ["Chad Daybell", "Jordan Bardella", "Israel Katz",
                                  "Kenya Moore", "Georgia Meloni", "Michael Jordan",
                                  "Victoria Nuland", "Santiago Abascal", "Sofia Vergara"])
def test_full_name_containing_a_place_name_stays_a_person(name):
    text = f"{name} said on Monday that the talks would go on."
    assert triples(consolidate(text, spans(text, (name, "PERSON")))) == [
        (name, "PERSON", name)]


@pytest.mark.parametrize("name", ["Chad Daybell", "Jordan Bardella", "Israel Katz",
                                  "Kenya Moore", "Georgia Meloni"])
def test_first_name_of_a_person_the_model_missed_is_not_a_place(name):
    # a known name followed by another capitalised word is the head of a longer name
    text = f"{name} said on Monday that the talks would go on."
    assert triples(consolidate(text, [])) == []


def test_place_after_a_person_with_that_first_name_is_still_found():
    text = "Chad Miller said the patrol returned safely near the border with Niger."
    raw = spans(text, ("Chad Miller", "PERSON"), ("Niger", "PERSON"))
    assert triples(consolidate(text, raw)) == [
        ("Chad Miller", "PERSON", "Chad Miller"), ("Niger", "GPE", "Niger")]


def test_capitalised_common_word_is_not_a_capital():
    # "Male" is an English word; only the accented form names the Maldives' capital
    text = "Male and female voters queued in Malé on Saturday."
    assert triples(consolidate(text, [])) == [("Malé", "GPE", "Malé")]


@pytest.mark.parametrize("word", ["Victoria", "Kingston", "Santiago", "Georgetown", "Male",
                                  "Moroni", "Congo", "Korea", "Emirates"])
def test_names_that_are_mostly_people_words_or_ambiguous_are_not_known_places(word):
    assert default_gazetteer().lookup(word) is None


def test_aliases_merge_into_the_common_news_name():
    text = ("Burma, now Myanmar, and Cote d'Ivoire, or Ivory Coast, sent envoys. "
            "The UAE and the United Arab Emirates are one; so are Swaziland and Eswatini.")
    raw = spans(text, ("Burma", "GPE"), ("Myanmar", "GPE"), ("Ivory Coast", "LOC"),
                ("UAE", "ORG"), ("the United Arab Emirates", "GPE"), ("Eswatini", "GPE"))
    got = {m.text: (m.label, m.canonical) for m in consolidate(text, raw)}
    assert got["Burma"] == got["Myanmar"] == ("GPE", "Myanmar")
    assert got["Cote d'Ivoire"] == got["Ivory Coast"] == ("GPE", "Ivory Coast")
    assert got["UAE"] == got["United Arab Emirates"] == ("GPE", "United Arab Emirates")
    assert got["Swaziland"] == got["Eswatini"] == ("GPE", "Eswatini")


def test_plural_demonyms_share_the_adjective_as_canonical_name():
    text = "The Saudis and the Filipinos signed a labour deal; Philippine officials cheered."
    raw = spans(text, ("Saudis", "NORP"), ("Filipinos", "NORP"), ("Philippine", "NORP"))
    assert triples(consolidate(text, raw)) == [
        ("Saudis", "NORP", "Saudi"), ("Filipinos", "NORP", "Philippine"),
        ("Philippine", "NORP", "Philippine")]


def test_names_inside_longer_names_are_different_countries():
    text = ("Guinea-Bissau, Guinea, Equatorial Guinea and Papua New Guinea met Niger, "
            "Nigeria, Sudan and South Sudan.")
    raw = spans(text, ("Guinea-Bissau", "ORG"), ("Guinea", "GPE"),
                ("Equatorial Guinea", "GPE"), ("Papua New Guinea", "GPE"), ("Niger", "PERSON"),
                ("Nigeria", "GPE"), ("Sudan", "GPE"), ("South Sudan", "GPE"))
    got = consolidate(text, raw)
    assert [(m.text, m.label) for m in got] == [
        (name, "GPE") for name in ("Guinea-Bissau", "Guinea", "Equatorial Guinea",
                                   "Papua New Guinea", "Niger", "Nigeria", "Sudan",
                                   "South Sudan")]
    assert len({m.canonical for m in got}) == 8


def test_no_surface_names_two_countries():
    """The first definition of a surface wins silently, so a clash would hide a country.
    Both Congos are "Congolese"; that demonym is the one shared form."""
    import json

    owner: dict[str, str] = {}
    for country in json.loads(resource("gazetteer.json").read_text("utf-8"))["countries"]:
        forms = [country["name"], *country.get("aliases", []), *country["demonyms"],
                 *country.get("capital_aliases", [])]
        forms += [country[key] for key in ("capital", "seat") if country.get(key)]
        for form in set(forms):
            if form != "Congolese":
                assert owner.setdefault(form, country["name"]) == country["name"], form


@pytest.fixture(scope="module")
def real_rows():
    """(text, label, canonical) of the real pipeline's mentions, per sentence."""
    texts = ["Kuwaiti troops entered Kuwait City on Tuesday.",
             "Vernon Jordan met officials in Amman, Jordan, on Monday.",
             "Chad Daybell was convicted of murder on Thursday.",
             "Mexican and Pakistani diplomats met Lebanese officials in Cairo."]
    return [set(triples(a.mentions))
            for a in analysis.analyse_many([(t, date(2024, 5, 6)) for t in texts])]


@pytest.mark.slow
def test_real_model_world_news_sentences(real_rows):
    kuwait, jordan, chad, diplomats = real_rows
    assert kuwait == {("Kuwaiti", "NORP", "Kuwaiti"), ("Kuwait City", "GPE", "Kuwait City")}
    assert {("Vernon Jordan", "PERSON", "Vernon Jordan"), ("Amman", "GPE", "Amman"),
            ("Jordan", "GPE", "Jordan")} == jordan
    assert chad == {("Chad Daybell", "PERSON", "Chad Daybell")}
    assert {("Mexican", "NORP", "Mexican"), ("Pakistani", "NORP", "Pakistani"),
            ("Lebanese", "NORP", "Lebanese"), ("Cairo", "GPE", "Cairo")} == diplomats
