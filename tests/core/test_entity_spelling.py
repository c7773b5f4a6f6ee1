"""The panel's name for an entity the gazetteer knows: the fullest name the article uses,
in its spelling; the gazetteer still makes one entity of all its spellings."""

from __future__ import annotations

from nato_reader.core.entities import consolidate
from nato_reader.core.gazetteer import default_gazetteer
from tests_helpers import spans


def canonicals(text, *raw) -> dict[str, str]:
    return {m.text: m.canonical for m in consolidate(text, spans(text, *raw))}


def test_an_article_spelling_of_a_known_person_is_the_panel_name():
    text = ("Volodymyr Zelenskiy thanked the allies. Later, Zelenskiy said more air "
            "defence was needed.")
    got = canonicals(text, ("Volodymyr Zelenskiy", "PERSON"), ("Zelenskiy", "ORG"))
    assert got == {"Volodymyr Zelenskiy": "Volodymyr Zelenskiy",
                   "Zelenskiy": "Volodymyr Zelenskiy"}


def test_a_short_form_alone_stands_for_the_full_name():
    """"Stoltenberg", "Zelenskiy" or "Wagner" alone: the short form links to the full
    name, as a surname does, whatever its spelling."""
    text = ("Zelenskiy spoke for an hour. Putin did not answer, and Wagner fighters "
            "stayed in Belarus.")
    got = canonicals(text, ("Zelenskiy", "ORG"), ("Putin", "PERSON"), ("Wagner", "ORG"),
                     ("Belarus", "GPE"))
    assert got["Zelenskiy"] == "Volodymyr Zelensky"
    assert got["Putin"] == "Vladimir Putin"
    assert got["Wagner"] == "Wagner Group"


def test_the_gazetteer_name_stays_when_the_article_uses_it():
    text = "Recep Tayyip Erdoğan met Erdogan's critics. Erdogan said little."
    got = canonicals(text, ("Recep Tayyip Erdoğan", "PERSON"), ("Erdogan", "PERSON"))
    assert set(got.values()) == {"Recep Tayyip Erdoğan"}


def test_acronyms_and_demonyms_keep_the_gazetteer_name():
    text = ("The North Atlantic Alliance met in Madrid. U.S. officials and Ukrainians "
            "attended.")
    got = canonicals(text, ("North Atlantic Alliance", "ORG"), ("Madrid", "GPE"),
                     ("U.S.", "GPE"), ("Ukrainians", "NORP"))
    assert got["North Atlantic Alliance"] == "NATO"  # a reader knows the acronym better
    assert got["U.S."] == "United States"
    assert got["Ukrainians"] == "Ukrainian"


def test_a_country_alias_the_article_uses_is_its_name():
    text = "Britain will send tanks, London said, and Britain's army will train crews."
    got = canonicals(text, ("Britain", "GPE"), ("London", "GPE"), ("Britain", "GPE"))
    assert got["Britain"] == "Britain"


def test_a_name_in_capitals_is_not_a_spelling():
    text = "ZELENSKIY VISITS FRONT. Volodymyr Zelensky went to Kharkiv on Monday."
    got = canonicals(text, ("ZELENSKIY", "ORG"), ("Volodymyr Zelensky", "PERSON"),
                     ("Kharkiv", "GPE"))
    assert got["Volodymyr Zelensky"] == "Volodymyr Zelensky"


def test_family_gathers_every_name_of_one_entity():
    gaz = default_gazetteer()
    family = gaz.family("Zelenskiy")
    assert {"Volodymyr Zelensky", "Volodymyr Zelenskiy", "Zelenskyy"} <= family
    assert gaz.family("Putin") >= {"Putin", "Vladimir Putin"}
    assert gaz.family("Britain") >= {"Britain", "United Kingdom", "UK"}
    assert gaz.family("Someone Unknown") == {"Someone Unknown"}
    assert "Alliance" not in gaz.family("NATO")  # a context alias names NATO only in context


def test_of_two_spellings_as_full_the_first_in_the_text_wins():
    for first, second in (("Zelenskiy", "Zelenskyy"), ("Zelenskyy", "Zelenskiy")):
        text = f"Volodymyr {first} met Rutte. Volodymyr {second} later flew home."
        got = canonicals(text, (f"Volodymyr {first}", "PERSON"),
                         (f"Volodymyr {second}", "PERSON"))
        assert set(got.values()) == {f"Volodymyr {first}"}


def test_a_known_company_takes_its_legal_form_where_the_article_writes_it():
    text = "Leonardo S.p.A. and Baykar signed a deal. Leonardo said drones would follow."
    got = canonicals(text, ("Leonardo S.p.A.", "ORG"), ("Baykar", "ORG"), ("Leonardo", "ORG"))
    assert got["Leonardo"] == got["Leonardo S.p.A."] == "Leonardo S.p.A."


def test_a_known_company_takes_its_group_name_where_the_article_writes_it():
    text = "Kongsberg Gruppen raised output. Kongsberg said orders doubled."
    got = canonicals(text, ("Kongsberg Gruppen", "ORG"), ("Kongsberg", "ORG"))
    assert got["Kongsberg"] == "Kongsberg Gruppen"


def test_an_acronym_takes_its_expansion_where_the_article_spells_it_out_but_nato_stays():
    text = ("The Group of Seven met; the G7 agreed. The High Mobility Artillery Rocket System "
            "fired. The North Atlantic Treaty Organization, NATO, met.")
    got = {m.text: m.canonical for m in consolidate(text, spans(
        text, ("Group of Seven", "ORG"), ("G7", "ORG"),
        ("High Mobility Artillery Rocket System", "PRODUCT"),
        ("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG")))}
    assert got["G7"] == got["Group of Seven"] == "Group of Seven"
    assert got["High Mobility Artillery Rocket System"] == "High Mobility Artillery Rocket System"
    assert got["North Atlantic Treaty Organization"] == got["NATO"] == "NATO"


def test_another_name_of_an_acronym_is_no_expansion():
    text = "The North Atlantic Alliance met in Brussels."
    got = consolidate(text, spans(text, ("North Atlantic Alliance", "ORG")))
    assert got[0].canonical == "NATO"
