"""Entity consolidation, corrections and panel rows, without spaCy: the raw spans below are
what a statistical model typically proposes (including its usual mistakes)."""

from __future__ import annotations

import pytest

from nato_reader.core.entities import apply_corrections, consolidate, entity_rows
from nato_reader.core.gazetteer import default_gazetteer
from nato_reader.core.model import EntityCorrection, Mention, Span
from tests_helpers import spans


def by_text(mentions) -> dict[str, tuple[str, str]]:
    return {m.text: (m.label, m.canonical) for m in mentions}


def test_short_form_links_to_full_name_and_takes_its_type():
    text = ("Defence minister Anna Kowalczyk-Brandt met officials in Gdansk. "
            "Kowalczyk-Brandt later said the talks went well.")
    raw = spans(text, ("Anna Kowalczyk-Brandt", "PERSON"), ("Gdansk", "GPE"),
                ("Kowalczyk-Brandt", "ORG"))
    got = consolidate(text, raw)
    assert [(m.text, m.label, m.canonical) for m in got] == [
        ("Anna Kowalczyk-Brandt", "PERSON", "Anna Kowalczyk-Brandt"),
        ("Gdansk", "GPE", "Gdansk"),
        ("Kowalczyk-Brandt", "PERSON", "Anna Kowalczyk-Brandt"),
    ]


def test_ambiguous_short_form_is_not_linked():
    text = "Tom Berg and Lisa Berg spoke. Berg left early."
    raw = spans(text, ("Tom Berg", "PERSON"), ("Lisa Berg", "PERSON"), ("Berg", "PERSON"))
    assert by_text(consolidate(text, raw))["Berg"] == ("PERSON", "Berg")


def test_known_surname_alone_is_the_gazetteer_person():
    text = "Stoltenberg told reporters in Brussels that allies agreed."
    raw = spans(text, ("Stoltenberg", "GPE"), ("Brussels", "GPE"))
    assert by_text(consolidate(text, raw))["Stoltenberg"] == ("PERSON", "Jens Stoltenberg")


def test_a_known_one_word_name_the_model_missed_is_added():
    text = "Zelenskiy thanked Britain. Officials in Xi'an said nothing."
    got = by_text(consolidate(text, spans(text, ("Britain", "GPE"))))
    assert got["Zelenskiy"] == ("PERSON", "Volodymyr Zelensky")
    assert "Xi" not in got  # the city, not the alias of Xi Jinping


def test_gazetteer_fixes_types_and_aliases_merge():
    text = ("The North Atlantic Treaty Organization met in Kyiv, Sputnik said. "
            "NATO and the Alliance's partners, and the United States and the US, agreed.")
    raw = spans(text, ("North Atlantic Treaty Organization", "ORG"), ("Kyiv", "PERSON"),
                ("Sputnik", "PERSON"), ("NATO", "ORG"), ("the United States", "GPE"),
                ("US", "GPE"))
    got = by_text(consolidate(text, raw))
    assert got["North Atlantic Treaty Organization"] == ("ORG", "NATO")
    assert got["Kyiv"] == ("GPE", "Kyiv")
    assert got["Sputnik"] == ("ORG", "Sputnik")
    assert got["Alliance"] == ("ORG", "NATO")  # added: the model missed it
    assert got["United States"] == ("GPE", "United States")  # "the" stripped
    assert got["US"] == ("GPE", "United States")


def test_alliance_is_not_nato_in_a_text_not_about_nato():
    text = "The Alliance for Progress was founded in 1961. The Alliance grew."
    got = consolidate(text, [])
    assert all(m.canonical != "NATO" for m in got)


def test_demonym_with_title_is_norp_and_person_loses_titles():
    text = "British Defence Secretary Grace Okafor met US President Sam Reed."
    raw = spans(text, ("British Defence", "ORG"), ("Grace Okafor", "PERSON"),
                ("US President Sam Reed", "PERSON"))
    got = [(m.text, m.label, m.canonical) for m in consolidate(text, raw)]
    assert got == [("British", "NORP", "British"), ("Grace Okafor", "PERSON", "Grace Okafor"),
                   ("US", "GPE", "United States"), ("Sam Reed", "PERSON", "Sam Reed")]


def test_real_organisation_with_demonym_is_kept_whole():
    text = "The Russian Defence Ministry said drones were downed."
    raw = spans(text, ("The Russian Defence Ministry", "ORG"))
    assert by_text(consolidate(text, raw)) == {
        "Russian Defence Ministry": ("ORG", "Russian Defence Ministry")}


def test_split_person_spans_are_joined():
    text = "Finance Minister Trygve Slagsvold Vedum said so."
    raw = spans(text, ("Trygve Slagsvold", "PERSON"), ("Vedum", "PERSON"))
    assert by_text(consolidate(text, raw)) == {
        "Trygve Slagsvold Vedum": ("PERSON", "Trygve Slagsvold Vedum")}


def test_junk_is_dropped_and_a_person_with_digits_is_a_product():
    text = "the Secretary General sent Leopard 2 and Marder 1A3 tanks; ... and 42 more."
    raw = spans(text, ("Secretary General", "ORG"), ("Leopard 2", "PERSON"),
                ("Marder 1A3", "PERSON"), ("tanks", "ORG"), ("...", "ORG"), ("42", "GPE"))
    got = by_text(consolidate(text, raw))
    assert got == {"Leopard 2": ("PRODUCT", "Leopard 2"), "Marder 1A3": ("PRODUCT", "Marder 1A3")}


def test_dates_and_numbers_are_not_entities():
    text = "On 24 February 2022, 190,000 troops crossed."
    raw = spans(text, ("24 February 2022", "DATE"), ("190,000", "CARDINAL"))
    assert consolidate(text, raw) == ()


def test_kremlin_missed_by_the_model_is_added_but_not_inside_a_longer_name():
    text = "The Kremlin said the Kremlin Palace would host the Washington Post reporter."
    got = consolidate(text, [])
    assert [(m.text, m.label) for m in got] == [("Kremlin", "ORG")]


def test_acronym_links_to_long_form_in_the_text():
    text = "The Joint Expeditionary Force met in Riga. The JEF has ten members."
    raw = spans(text, ("The Joint Expeditionary Force", "ORG"), ("Riga", "GPE"), ("JEF", "ORG"))
    got = by_text(consolidate(text, raw))
    assert got["JEF"] == ("ORG", "Joint Expeditionary Force")


def test_one_type_per_entity_by_vote():
    text = "Zorland said no. Zorland insisted. Zorland, a port city, waited."
    raw = spans(text, ("Zorland", "GPE"), ("Zorland", "GPE"), ("Zorland", "ORG"))
    assert {m.label for m in consolidate(text, raw)} == {"GPE"}


def test_one_word_person_after_in_is_a_place():
    text = "Shelling continued in Pokrovsk and near Zolote, officials said."
    raw = spans(text, ("Pokrovsk", "PERSON"), ("Zolote", "PERSON"))
    assert {m.label for m in consolidate(text, raw)} == {"GPE"}


def test_odd_input_does_not_crash():
    for text in ("", "\x00\x01", "’s", "the", "ÉÉÉ 🚀 Ü"):
        raw = [(0, len(text), "ORG")] if text else []
        consolidate(text, raw)


# --- corrections and rows --------------------------------------------------------------

M = [
    Mention(0, 4, "NATO", "ORG", "NATO"),
    Mention(10, 21, "Stoltenberg", "ORG", "Stoltenberg"),
    Mention(30, 46, "Jens Stoltenberg", "PERSON", "Jens Stoltenberg"),
    Mention(50, 54, "Kyiv", "PERSON", "Kyiv"),
    Mention(60, 64, "NATO", "ORG", "NATO"),
]


def test_corrections_apply_in_id_order():
    corrections = [
        EntityCorrection(3, "retype", "Kyiv", "GPE"),
        EntityCorrection(1, "merge", "Stoltenberg", "Jens Stoltenberg"),
        EntityCorrection(2, "rename", "NATO", "North Atlantic Treaty Organization"),
        EntityCorrection(4, "hide", "North Atlantic Treaty Organization"),
    ]
    got = apply_corrections(M, corrections)
    assert [(m.text, m.label, m.canonical) for m in got] == [
        ("Stoltenberg", "PERSON", "Jens Stoltenberg"),  # merge takes the target's type
        ("Jens Stoltenberg", "PERSON", "Jens Stoltenberg"),
        ("Kyiv", "GPE", "Kyiv"),
    ]
    assert M[1].canonical == "Stoltenberg"  # pure: the input is unchanged


def test_hide_before_rename_only_hides_the_old_name():
    got = apply_corrections(M, [EntityCorrection(1, "hide", "Kyiv"),
                                EntityCorrection(2, "rename", "Kyiv", "Kiev")])
    assert all(m.text != "Kyiv" for m in got)


def test_entity_rows_one_per_entity_ordered_by_label_then_count():
    rows = entity_rows(apply_corrections(M, [EntityCorrection(1, "merge", "Stoltenberg",
                                                              "Jens Stoltenberg")]))
    assert [(r.label, r.canonical, r.count) for r in rows] == [
        ("ORG", "NATO", 2), ("PERSON", "Jens Stoltenberg", 2), ("PERSON", "Kyiv", 1)]
    assert rows[0].spans == (Span(0, 4), Span(60, 64))


def test_gazetteer_is_curated_and_consistent():
    gaz = default_gazetteer()
    # ~200 countries with capitals and demonyms, plus the domain's places, bodies, firms,
    # weapons and people: curated, not a dump
    assert 200 <= len({e.canonical for e in gaz.entries.values()}) <= 1600
    assert gaz.lookup("Oslo").label == "GPE" and gaz.lookup("Norwegians").canonical == "Norwegian"
    assert gaz.lookup("Washington").canonical == "Washington"  # the city, not the country
    assert gaz.surnames["Stoltenberg"] == "Jens Stoltenberg"
    assert "May" not in gaz.surnames and "Store" not in gaz.entries
    members = [e for e in gaz.entries.values() if e.label == "GPE"]
    assert len(members) > 60


@pytest.mark.parametrize("surface", ["NATO's", "the Kremlin", "Kremlin’s"])
def test_possessives_and_articles_are_trimmed(surface):
    text = f"In Moscow, {surface} line held."
    start = text.index(surface)
    got = consolidate(text, [(start, start + len(surface), "ORG")])
    assert [m.text for m in got if m.label == "ORG"] == [surface.replace("the ", "")
                                                         .replace("'s", "").replace("’s", "")]


def test_missed_occurrences_of_a_recognised_name_are_added():
    text = ("Minister Andris Spruds spoke in Riga. Spruds told Riga's council that "
            "the Saeima agreed; the Saeima Hall was full.")
    raw = spans(text, ("Andris Spruds", "PERSON"), ("Riga", "GPE"), ("Saeima", "ORG"))
    got = [(m.text, m.label, m.canonical) for m in consolidate(text, raw)]
    assert got == [("Andris Spruds", "PERSON", "Andris Spruds"), ("Riga", "GPE", "Riga"),
                   ("Spruds", "PERSON", "Andris Spruds"), ("Riga", "GPE", "Riga"),
                   ("Saeima", "ORG", "Saeima")]  # not "Saeima" in "Saeima Hall"


def test_institution_name_split_by_the_model_is_joined():
    text = "Ana Ruiz, an analyst at the Kiel Institute for the World Economy, spoke."
    raw = spans(text, ("Ana Ruiz", "PERSON"), ("the Kiel Institute", "ORG"),
                ("World Economy", "ORG"))
    assert by_text(consolidate(text, raw))["Kiel Institute for the World Economy"][0] == "ORG"


def test_name_starting_with_a_given_name_is_a_person_and_junk_nouns_go():
    text = ("Hanna Dubois, an analyst, agreed. Turnout at the rally was low. "
            "Troops joined the Northern Lynx exercise.")
    raw = spans(text, ("Hanna Dubois", "FAC"), ("Turnout", "PERSON"), ("Northern Lynx", "ORG"))
    assert by_text(consolidate(text, raw)) == {"Hanna Dubois": ("PERSON", "Hanna Dubois"),
                                               "Northern Lynx": ("EVENT", "Northern Lynx")}


def test_alliance_is_nato_where_the_text_speaks_of_allies():
    text = "The Alliance will defend every inch of allied territory, allies agreed."
    assert by_text(consolidate(text, []))["Alliance"] == ("ORG", "NATO")


def test_trailing_lower_case_words_and_dates_are_not_names():
    text = "Kyiv asked for Javelin anti-tank missiles on 9 September 2019."
    raw = spans(text, ("Kyiv", "GPE"), ("Javelin anti-tank", "PERSON"),
                ("9 September 2019", "EVENT"))
    assert by_text(consolidate(text, raw)) == {"Kyiv": ("GPE", "Kyiv"),
                                               "Javelin": ("PRODUCT", "Javelin")}


def test_dateline_and_role_words():
    text = ("BRUSSELS (Reuters) - Allies met. The exiled cleric Omar Haddad Khan, analyst "
            "Ines Varga and the Tallinn Centre spoke.\n\nUPDATE - More later.")
    raw = spans(text, ("Reuters", "ORG"), ("Omar Haddad Khan", "ORG"), ("Ines Varga", "GPE"),
                ("the Tallinn Centre", "ORG"))
    got = by_text(consolidate(text, raw))
    assert got["BRUSSELS"] == ("GPE", "Brussels")
    assert got["Omar Haddad Khan"][0] == "PERSON" and got["Ines Varga"][0] == "PERSON"
    assert got["Tallinn Centre"][0] == "ORG" and "UPDATE" not in got


def test_names_that_may_become_follows_renames_and_merges_through_chains():
    from nato_reader.core.corrections import names_that_may_become

    corrections = [EntityCorrection(1, "rename", "Stoltenberg", "J. Stoltenberg"),
                   EntityCorrection(2, "merge", "J. Stoltenberg", "Jens Stoltenberg"),
                   EntityCorrection(3, "retype", "Kyiv", "GPE"),
                   EntityCorrection(4, "rename", "Jens Stoltenberg", "Secretary General")]
    assert names_that_may_become("Jens Stoltenberg", corrections) == {
        "Jens Stoltenberg", "J. Stoltenberg", "Stoltenberg"}
    assert names_that_may_become("Kyiv", corrections) == {"Kyiv", "Kiev"}  # one city


def test_a_correction_applies_to_every_spelling_of_its_entity():
    mentions = [Mention(0, 9, "Zelenskiy", "PERSON", "Volodymyr Zelenskiy"),
                Mention(20, 28, "Zelensky", "PERSON", "Volodymyr Zelensky"),
                Mention(40, 44, "Kyiv", "GPE", "Kyiv")]
    got = apply_corrections(mentions, [EntityCorrection(1, "hide", "Volodymyr Zelensky")])
    assert [m.text for m in got] == ["Kyiv"]
    got = apply_corrections(mentions, [EntityCorrection(1, "rename", "Zelenskiy", "VZ")])
    assert [m.canonical for m in got] == ["VZ", "VZ", "Kyiv"]


def test_an_institution_head_after_the_is_the_one_body_it_heads():
    text = ("The European Commission proposed a fund. The Commission said the money was "
            "there. The European Council and the Council of the European Union met, and "
            "the Council agreed nothing.")
    raw = spans(text, ("European Commission", "ORG"), ("Commission", "ORG"),
                ("European Council", "ORG"), ("Council of the European Union", "ORG"),
                ("Council", "ORG"))
    got = by_text(consolidate(text, raw))
    assert got["Commission"] == ("ORG", "European Commission")
    assert got["Council"] == ("ORG", "Council")  # two councils: which one is unsure


def test_a_sentence_opener_before_the_is_not_part_of_a_name():
    text = "Later the Council of Europe met. Alexander the Great was a king."
    raw = spans(text, ("Later the Council of Europe", "ORG"),
                ("Alexander the Great", "PERSON"))
    got = by_text(consolidate(text, raw))
    assert "Council of Europe" in got and "Later the Council of Europe" not in got
    assert got["Alexander the Great"][0] == "PERSON"


def test_missed_occurrences_are_found_longest_first_among_names_sharing_a_word():
    from nato_reader.core.entities import _occurrences

    text = "Council Zorvik 2 met. Council Zorvik agreed. Council Zorviks sat. Council Z."
    names = ["Council Zorvik", "Council Zorvik 2", "Council Z"]
    assert [s for _, _, s in _occurrences(text, names)] == [
        "Council Zorvik 2", "Council Zorvik", "Council Z"]  # "Zorviks": not a whole word


def test_a_span_across_a_spaced_dash_or_a_comma_between_names_is_cut():
    text = ("GORIS, Armenia - Olena Petrenko packed her car. 13:50 - Jens Stoltenberg spoke. "
            "Coalition for Change, Unity-National Movement ran. Acme, Inc. said. 0800 GMT.")
    got = consolidate(text, spans(text, ("Armenia - Olena Petrenko", "ORG"),
                                  ("13:50 - Jens Stoltenberg", "ORG"),
                                  ("Coalition for Change, Unity-National Movement", "ORG"),
                                  ("Acme, Inc.", "ORG"), ("GMT", "ORG")))
    assert [(m.text, m.label) for m in got] == [
        ("GORIS", "GPE"), ("Armenia", "GPE"), ("Olena Petrenko", "PERSON"),
        ("Jens Stoltenberg", "PERSON"), ("Coalition for Change", "ORG"),
        ("Unity-National Movement", "ORG"), ("Acme, Inc.", "ORG")]


def test_a_one_word_body_is_the_one_body_the_text_names_with_it_in_full():
    text = ("The House of Representatives voted; the House passed it. The European Council "
            "and the North Atlantic Council met; the Council agreed.")
    got = {m.text: m.canonical for m in consolidate(text, spans(
        text, ("House of Representatives", "ORG"), ("House", "ORG"),
        ("European Council", "ORG"), ("North Atlantic Council", "ORG"), ("Council", "ORG")))}
    assert got["House"] == "House of Representatives"
    assert got["Council"] == "Council"  # two councils: neither


def test_two_known_places_in_one_span_are_two():
    text = "Scholz refused to give Ukraine Germany's missiles; the Czech Republic agreed."
    got = consolidate(text, spans(text, ("Ukraine Germany", "GPE"), ("Czech Republic", "GPE")))
    assert [(m.text, m.label) for m in got] == [
        ("Ukraine", "GPE"), ("Germany", "GPE"), ("Czech Republic", "GPE")]


def test_a_word_and_a_serial_number_is_a_vessel_or_machine_not_a_year():
    text = "The Volgoneft-212 broke in two; Kavkaz-2020 and Zapad-2025 began; S-300 units fired."
    got = consolidate(text, spans(text, ("Volgoneft-212", "ORG"), ("Kavkaz-2020", "ORG"),
                                  ("Zapad-2025", "ORG"), ("S-300", "ORG")))
    assert [(m.text, m.label) for m in got] == [
        ("Volgoneft-212", "PRODUCT"), ("Kavkaz-2020", "ORG"), ("Zapad-2025", "ORG"),
        ("S-300", "PRODUCT")]
