"""The gazetteer's domain lists (places, waters, firms, weapons and people of the war in
Ukraine and of the allies): each list gives its names their OntoNotes type and one
canonical name, aliases and transliterations merge into it, and no surface is given two
types. The raw spans are the mistakes the small spaCy model makes on such names; the
sentences are written for these tests."""

from __future__ import annotations

import json

import pytest

from nato_reader.core.entities import consolidate
from nato_reader.core.gazetteer import default_gazetteer
from nato_reader.paths import resource
from tests_helpers import spans

# (surface, label, canonical): a handful of real lookups per list
LOOKUPS = [
    # towns and cities (GPE), Ukrainian and Russian spellings
    ("Kupiansk", "GPE", "Kupiansk"), ("Kupyansk", "GPE", "Kupiansk"),
    ("Huliaipole", "GPE", "Huliaipole"), ("Hulyaipole", "GPE", "Huliaipole"),
    ("Lisichansk", "GPE", "Lysychansk"), ("Sudzha", "GPE", "Sudzha"),
    ("Rostov", "GPE", "Rostov-on-Don"), ("Feodosiya", "GPE", "Feodosia"),
    ("Inkoo", "GPE", "Inkoo"), ("Paldiski", "GPE", "Paldiski"), ("Reni", "GPE", "Reni"),
    ("Klaipėda", "GPE", "Klaipeda"), ("Constanța", "GPE", "Constanta"),
    ("Donetsk Oblast", "GPE", "Donetsk Oblast"), ("Kursk Oblast", "GPE", "Kursk Oblast"),
    # waters, islands and peninsulas (LOC)
    ("Volga", "LOC", "Volga"), ("Oskol", "LOC", "Oskil"), ("Donbass", "LOC", "Donbas"),
    # former names
    ("Artemovsk", "GPE", "Bakhmut"), ("Kishinev", "GPE", "Chisinau"),
    ("Khankendi", "GPE", "Stepanakert"), ("Thule Air Base", "FAC", "Pituffik Space Base"),
    ("Seversky Donets", "LOC", "Siverskyi Donets"), ("Kerch Strait", "LOC", "Kerch Strait"),
    ("Kola Peninsula", "LOC", "Kola Peninsula"), ("Åland", "LOC", "Aland Islands"),
    ("Snake Island", "LOC", "Snake Island"), ("Nistru", "LOC", "Dniester"),
    # defence firms, operators, services (ORG)
    ("Aselsan", "ORG", "Aselsan"), ("TUSAS", "ORG", "Turkish Aerospace"),
    ("Hensoldt", "ORG", "Hensoldt"), ("Antonov", "ORG", "Antonov"),
    ("PGZ", "ORG", "Polska Grupa Zbrojeniowa"), ("Elering", "ORG", "Elering"),
    ("Gasgrid", "ORG", "Gasgrid Finland"), ("Ukrainian Railways", "ORG", "Ukrzaliznytsia"),
    ("FSB", "ORG", "Federal Security Service"), ("GUR", "ORG", "HUR"),
    ("ISW", "ORG", "Institute for the Study of War"),
    # weapon systems (PRODUCT); variants merge into their family
    ("Arrow 3", "PRODUCT", "Arrow 3"), ("Arrow-3", "PRODUCT", "Arrow 3"),
    ("IRIS-T SLM", "PRODUCT", "IRIS-T SLM"), ("SAMP/T", "PRODUCT", "SAMP/T"),
    ("Liutyi", "PRODUCT", "Liutyi"), ("Lyutyi", "PRODUCT", "Liutyi"),
    ("Geran-2", "PRODUCT", "Geran-2"), ("Shahed-136", "PRODUCT", "Shahed"),
    ("Tu-22M", "PRODUCT", "Tu-22M3"), ("Kh-101", "PRODUCT", "Kh-101"),
    ("PAC-3", "PRODUCT", "Patriot"), ("Leopard 1A5", "PRODUCT", "Leopard 1"),
    # bridges and pipelines (FAC), NATO's Ukraine command
    ("Kerch Bridge", "FAC", "Crimean Bridge"), ("Balticconnector", "FAC", "Balticconnector"),
    ("NSATU", "ORG", "NATO Security Assistance and Training for Ukraine"),
    # people (PERSON), with spellings without diacritics
    ("Sergey Surovikin", "PERSON", "Sergei Surovikin"),
    ("Vitaliy Klitschko", "PERSON", "Vitali Klitschko"),
    ("Ingrida Simonyte", "PERSON", "Ingrida Šimonytė"),
    ("Peter Szijjarto", "PERSON", "Péter Szijjártó"),
    ("Yasar Guler", "PERSON", "Yaşar Güler"),
]


@pytest.mark.parametrize(("surface", "label", "canonical"), LOOKUPS)
def test_domain_name_has_its_type_and_canonical_name(surface, label, canonical):
    entry = default_gazetteer().lookup(surface)
    assert entry is not None, surface
    assert (entry.label, entry.canonical) == (label, canonical)


def test_surname_links_only_when_it_is_not_a_common_word_or_shared():
    gaz = default_gazetteer()
    assert gaz.canonical_of("Surovikin") == "Sergei Surovikin"
    assert gaz.canonical_of("Budanov") == "Kyrylo Budanov"
    # short: false, the surname alone is a common word, a place or another person's
    assert gaz.canonical_of("Cleverly") is None
    assert gaz.canonical_of("Montenegro") == "Montenegro"  # the country, not the minister
    # two known people named Rasmussen: the surname alone is neither
    assert gaz.canonical_of("Rasmussen") is None


def _definitions(data: dict):
    """Every (surface, label) the JSON defines, before the loader's first-wins rule."""
    for country in data["countries"]:
        for name in (country["name"], *country.get("aliases", [])):
            yield name, "GPE"
        for demonym in country.get("demonyms", []):
            yield demonym, "NORP"
        for key in ("capital", "seat"):
            if country.get(key):
                yield country[key], "GPE"
        for alias in country.get("capital_aliases", []):
            yield alias, "GPE"
    for item in data["entities"]:
        for name in (item["name"], *item.get("aliases", []), *item.get("context_aliases", [])):
            yield name, item["label"]


def test_no_surface_is_given_two_types():
    data = json.loads(resource("gazetteer.json").read_text(encoding="utf-8"))
    labels: dict[str, set[str]] = {}
    for surface, label in _definitions(data):
        labels.setdefault(surface, set()).add(label)
    assert {s: ls for s, ls in labels.items() if len(ls) > 1} == {}


def triples(mentions) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.canonical) for m in mentions]


def test_model_mistakes_on_domain_names_are_fixed():
    # the panel keeps the article's own spelling ("Kupyansk") when it uses only one
    text = ("Russian troops pushed towards Kupyansk as drones struck Aselsan's partner "
            "Hensoldt, and Ukraine asked for more IRIS-T SLM systems.")
    raw = spans(text, ("Russian", "NORP"), ("Kupyansk", "PERSON"), ("Aselsan", "PERSON"),
                ("Hensoldt", "GPE"), ("Ukraine", "GPE"), ("IRIS-T SLM", "ORG"))
    assert triples(consolidate(text, raw)) == [
        ("Russian", "NORP", "Russian"), ("Kupyansk", "GPE", "Kupyansk"),
        ("Aselsan", "ORG", "Aselsan"), ("Hensoldt", "ORG", "Hensoldt"),
        ("Ukraine", "GPE", "Ukraine"), ("IRIS-T SLM", "PRODUCT", "IRIS-T SLM")]


def test_two_spellings_in_one_text_are_one_place():
    text = "Shelling hit Kupyansk on Monday. Kupiansk had been retaken in 2022."
    raw = spans(text, ("Kupyansk", "ORG"), ("Monday", "DATE"), ("Kupiansk", "PERSON"))
    assert {(m.label, m.canonical) for m in consolidate(text, raw)
            if m.text.startswith("Kup")} == {("GPE", "Kupiansk")}


def test_domain_names_the_model_missed_are_found():
    text = "Barges on the Volga carried fuel from Tuapse while Elering kept the lights on."
    raw = spans(text, ("Volga", "PERSON"))
    assert triples(consolidate(text, raw)) == [
        ("Volga", "LOC", "Volga"), ("Tuapse", "GPE", "Tuapse"),
        ("Elering", "ORG", "Elering")]


def test_a_given_name_of_the_region_makes_the_name_a_person():
    text = "Ambassador Anatoly Antonov and Mykhailo Podolyak met Irakli Kobakhidze."
    got = consolidate(text, spans(text, ("Anatoly Antonov", "ORG"), ("Mykhailo Podolyak", "ORG"),
                                  ("Irakli Kobakhidze", "GPE")))
    assert [(m.text, m.label) for m in got] == [
        ("Anatoly Antonov", "PERSON"), ("Mykhailo Podolyak", "PERSON"),
        ("Irakli Kobakhidze", "PERSON")]
