"""Names in capitals, aliases inside longer names, US state abbreviations, and partial
names that link to a fuller name (entity_names, entity_links), through consolidate()."""

from __future__ import annotations

from nato_reader.core.entities import consolidate
from nato_reader.core.entity_names import title_form, via_alias
from nato_reader.core.gazetteer import Gazetteer
from tests_helpers import spans

# A small gazetteer of our own, so these tests do not depend on the bundled one.
GAZ = Gazetteer({
    "countries": [{"name": "Norway", "demonyms": ["Norwegian"], "capital": "Oslo"}],
    "entities": [
        {"name": "World Health Organization", "label": "ORG", "aliases": ["WHO", "W.H.O."]},
        {"name": "WHO Executive Board", "label": "ORG", "aliases": []},
        {"name": "UNICEF", "label": "ORG", "aliases": []},
    ],
})



def rows(text, raw, gaz=GAZ):
    return {(m.text, m.label, m.canonical) for m in consolidate(text, raw, gaz)}


def test_capitals_take_the_mixed_case_name_written_elsewhere():
    text = "TROMSDAL, Norway (Reuters) - Fishermen in Tromsdal met on Monday."
    raw = spans(text, ("TROMSDAL", "GPE"), ("Norway", "GPE"), ("Reuters", "ORG"),
                ("Tromsdal", "GPE"))
    got = rows(text, raw)
    assert ("TROMSDAL", "GPE", "Tromsdal") in got and ("Tromsdal", "GPE", "Tromsdal") in got


def test_capitals_of_a_known_or_long_place_are_title_cased_but_acronyms_are_not():
    assert title_form("OSLO", "GPE", "OSLO -", GAZ) == "Oslo"  # the gazetteer knows Oslo
    assert title_form("GREENVALE", "GPE", "GREENVALE -", GAZ) == "Greenvale"
    assert title_form("PORT ELLEN", "GPE", "PORT ELLEN -", GAZ) == "Port Ellen"
    assert title_form("UNICEF", "ORG", "UNICEF said", GAZ) is None  # known as written
    assert title_form("UNHCR", "ORG", "UNHCR said", GAZ) is None  # an organisation
    assert title_form("USSR", "GPE", "the USSR fell", GAZ) is None  # too short to tell
    assert title_form("U.S.", "GPE", "U.S. troops", GAZ) is None
    assert title_form("Oslo", "GPE", "Oslo", GAZ) is None


def test_name_headed_by_another_alias_is_the_known_entity():
    assert via_alias("W.H.O. Executive Board", GAZ).canonical == "WHO Executive Board"
    assert via_alias("W.H.O. Regional Office", GAZ) is None
    text = "The W.H.O. Executive Board met. Later the WHO Executive Board voted."
    raw = spans(text, ("W.H.O. Executive Board", "ORG"), ("WHO Executive Board", "ORG"))
    assert {c for _, _, c in rows(text, raw)} == {"WHO Executive Board"}


def test_state_abbreviation_after_a_town_is_the_state():
    text = "SPRINGDALE, ARK. (AP) -- A fair opened in Lowell, Ark., on Friday. Miss. Lee came."
    raw = spans(text, ("SPRINGDALE", "GPE"), ("ARK", "GPE"), ("Lowell", "GPE"),
                ("Ark", "GPE"), ("Lee", "PERSON"))
    got = rows(text, raw)
    assert ("ARK.", "GPE", "Arkansas") in got and ("Ark.", "GPE", "Arkansas") in got
    assert not any(t.startswith("Miss") for t, _, _ in got)


def test_first_word_of_one_full_name_is_that_person():
    text = "Marta Okonkwo-Reyes arrived. Marta said little."
    raw = spans(text, ("Marta Okonkwo-Reyes", "PERSON"), ("Marta", "PERSON"))
    assert ("Marta", "PERSON", "Marta Okonkwo-Reyes") in rows(text, raw)


def test_first_word_shared_by_two_people_is_not_linked():
    text = "Ingrid Holm and Ingrid Vik spoke. Ingrid then left."
    raw = spans(text, ("Ingrid Holm", "PERSON"), ("Ingrid Vik", "PERSON"),
                ("Ingrid", "PERSON"))
    assert ("Ingrid", "PERSON", "Ingrid") in rows(text, raw)


def test_person_named_in_full_only_inside_a_memorial_name():
    text = "They met at the Edith M. Calloway Museum. Calloway founded the town."
    raw = spans(text, ("the Edith M. Calloway Museum", "FAC"), ("Calloway", "PERSON"))
    got = rows(text, raw)
    assert ("Calloway", "PERSON", "Edith M. Calloway") in got
    assert ("Edith M. Calloway Museum", "FAC", "Edith M. Calloway Museum") in got


def test_organisation_tail_joins_the_one_longer_name():
    text = ("The Baltic Fisheries Review Board met. The Review Board said quotas fall. "
            "The Harbour Board and the Port Board disagree; the Board said no.")
    raw = spans(text, ("The Baltic Fisheries Review Board", "ORG"), ("The Review Board", "ORG"),
                ("The Harbour Board", "ORG"), ("the Port Board", "ORG"))
    got = rows(text, raw)
    assert ("Review Board", "ORG", "Baltic Fisheries Review Board") in got
    assert ("Harbour Board", "ORG", "Harbour Board") in got  # not the tail of another


def test_state_after_a_party_letter_is_the_state():
    text = "Rep. Ana Ortiz, D-N.M., and Sen. Bo Kent, R-Wyo. voted."
    raw = spans(text, ("Ana Ortiz", "PERSON"), ("N.M.", "ORG"), ("Bo Kent", "PERSON"))
    got = rows(text, raw)
    assert {("N.M.", "GPE", "New Mexico"), ("Wyo.", "GPE", "Wyoming")} <= got


def test_dateline_before_a_state_or_country_is_a_place():
    text = "\nHOLLISTER, Calif. (AP) --\nGrowers in Hollister met.\nOSLO _\nTalks went on."
    raw = spans(text, ("HOLLISTER", "NORP"), ("Hollister", "GPE"))
    got = rows(text, raw)
    assert ("HOLLISTER", "GPE", "Hollister") in got and ("Calif.", "GPE", "California") in got
    assert ("OSLO", "GPE", "Oslo") in got  # the model missed it; the dateline adds it


def test_country_before_a_known_body_is_its_own_mention():
    gaz = Gazetteer({
        "countries": [{"name": "Norway", "demonyms": ["Norwegian"], "aliases": ["N.O."]}],
        "entities": [{"name": "Storting", "label": "ORG", "aliases": []},
                     {"name": "Home Guard", "label": "ORG", "aliases": []}],
    })
    text = "The Norway Storting met. The Norwegian Home Guard and the Norway Sea Guard drilled."
    raw = spans(text, ("The Norway Storting", "ORG"), ("The Norwegian Home Guard", "ORG"),
                ("the Norway Sea Guard", "ORG"))
    got = rows(text, raw, gaz)
    assert {("Norway", "GPE", "Norway"), ("Storting", "ORG", "Storting")} <= got
    assert ("Norwegian Home Guard", "ORG", "Norwegian Home Guard") in got  # a demonym
    assert ("Norway Sea Guard", "ORG", "Norway Sea Guard") in got  # not a known body


def test_company_named_without_its_legal_form_is_the_company():
    text = ("Harlow Pumps Inc. bought a stake in Delia Moss Corp., a valve maker. Harlow said "
            "Delia Moss would stay independent; Delia Moss shares rose.")
    raw = spans(text, ("Harlow Pumps Inc.", "ORG"), ("Delia Moss Corp.", "ORG"),
                ("Harlow", "PERSON"), ("Delia Moss", "PERSON"), ("Delia Moss", "PERSON"))
    got = rows(text, raw)
    assert ("Delia Moss", "ORG", "Delia Moss Corp.") in got
    assert ("Delia Moss Corp.", "ORG", "Delia Moss Corp.") in got  # the full stop is kept
    assert ("Harlow", "ORG", "Harlow Pumps Inc.") in got  # the company, though "PERSON"


def test_leading_modifier_and_new_titles_are_not_part_of_the_name():
    text = "The 40%-owned Brenco Ltd. and the Oslo-based Fjordline said Treasurer Ola Dahl agreed."
    raw = spans(text, ("40%-owned Brenco Ltd.", "ORG"), ("Oslo-based Fjordline", "ORG"),
                ("Treasurer Ola Dahl", "PERSON"))
    got = rows(text, raw)
    assert {("Brenco Ltd.", "ORG", "Brenco Ltd."), ("Fjordline", "ORG", "Fjordline"),
            ("Oslo", "GPE", "Oslo"), ("Ola Dahl", "PERSON", "Ola Dahl")} <= got


def test_organisation_called_by_the_first_words_of_one_company():
    text = ("Brightwell Marine Systems Inc. and Ostra Valve Co. merged. Brightwell said so; "
            "Ostra Valve agreed. Workers in Ostra cheered. Brightwell shares rose.")
    raw = spans(text, ("Brightwell Marine Systems Inc.", "ORG"), ("Ostra Valve Co.", "ORG"),
                ("Brightwell", "ORG"), ("Ostra Valve", "ORG"), ("Ostra", "GPE"))
    last = text.rindex("Brightwell")
    raw.append((last, last + len("Brightwell"), "PERSON"))
    got = rows(text, raw)
    assert ("Brightwell", "ORG", "Brightwell Marine Systems Inc.") in got
    assert not any(t == "Brightwell" and label != "ORG" for t, label, _ in got)
    assert ("Ostra Valve", "ORG", "Ostra Valve Co.") in got
    assert ("Ostra", "GPE", "Ostra") in got  # a place of that name ("in Ostra")


def test_leading_words_of_one_full_name_and_abbreviated_dates():
    text = "Ana Maria Quispe spoke. Ana Maria said so. Ana Lopez nodded. Talks ended Aug. 7."
    raw = spans(text, ("Ana Maria Quispe", "PERSON"), ("Ana Maria", "PERSON"),
                ("Ana Lopez", "PERSON"), ("Aug. 7", "EVENT"))
    got = rows(text, raw)
    assert ("Ana Maria", "PERSON", "Ana Maria Quispe") in got
    assert not any(t == "Aug. 7" for t, _, _ in got)  # a date, not an event


def test_acronym_without_the_country_links_to_the_full_name():
    text = "The Norway Coastal Fisheries Authority said the CFA would act."
    raw = spans(text, ("Norway Coastal Fisheries Authority", "ORG"), ("CFA", "ORG"))
    got = rows(text, raw)
    assert ("CFA", "ORG", "Norway Coastal Fisheries Authority") in got


def test_sentence_opening_word_written_in_lower_case_elsewhere_is_no_name():
    text = "Looting spread overnight. Police said looting was worst in Lomsk. Rowan spoke."
    raw = spans(text, ("Looting", "PERSON"), ("Lomsk", "GPE"), ("Rowan", "PERSON"))
    got = rows(text, raw)
    assert not any(t == "Looting" for t, _, _ in got)
    assert ("Rowan", "PERSON", "Rowan") in got  # never written in lower case


def test_company_first_word_taken_for_a_person_or_place_is_the_company():
    text = ("Tarvik Foods Inc. of Ostby, Minn., cut jobs. Tarvik said sales fell. A unit of "
            "Ostby Mills Co. closed; workers in Ostby protested. Mr. Tarvik resigned.")
    raw = spans(text, ("Tarvik Foods Inc.", "ORG"), ("Ostby", "GPE"), ("Tarvik", "PERSON"),
                ("Ostby Mills Co.", "ORG"), ("Ostby", "GPE"), ("Tarvik", "PERSON"))
    got = {m.start: (m.text, m.label, m.canonical) for m in consolidate(text, raw, GAZ)}
    assert got[text.index("Tarvik said")] == ("Tarvik", "ORG", "Tarvik Foods Inc.")
    assert got[text.index("Ostby")][1] == "GPE"  # "Ostby, Minn."
    assert got[text.index("Ostby protested")][1] == "GPE"  # "in Ostby"
    assert got[text.index("Tarvik resigned")][1] == "PERSON"  # "Mr. Tarvik"


def test_business_without_legal_form_and_its_short_names():
    text = ("Kestrel Airlines and Vardo Savings Bank AG said Kestrel will merge. Vardo Savings "
            "Bank agreed.")
    raw = spans(text, ("Kestrel Airlines", "ORG"), ("Vardo Savings Bank AG", "ORG"),
                ("Kestrel", "ORG"), ("Vardo Savings Bank", "ORG"))
    got = rows(text, raw)
    assert ("Kestrel", "ORG", "Kestrel Airlines") in got
    assert ("Vardo Savings Bank", "ORG", "Vardo Savings Bank AG") in got


GAZ_PLACES = Gazetteer({
    "countries": [{"name": "Norway", "demonyms": ["Norwegian"], "capital": "Oslo"},
                  {"name": "Ruritania", "demonyms": ["Ruritanian"],
                   "capital": "Strelsau City"}],
    "entities": [],
})


def test_after_a_persons_title_a_place_name_is_a_person():
    text = "Queen Oslo opened the fair in Bergen with Mr. Norway."
    raw = spans(text, ("Queen Oslo", "PERSON"), ("Bergen", "GPE"), ("Mr. Norway", "PERSON"))
    assert rows(text, raw, GAZ_PLACES) == {("Oslo", "PERSON", "Oslo"),
                                           ("Bergen", "GPE", "Bergen"),
                                           ("Norway", "PERSON", "Norway")}


def test_an_armed_service_is_an_organisation_not_a_people():
    text = "Norwegian Marines and the Ruritanian Army met Norwegian fishermen."
    raw = spans(text, ("Norwegian Marines", "NORP"), ("Ruritanian Army", "NORP"),
                ("Norwegian", "NORP"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Norwegian Marines", "ORG", "Norwegian Marines"),
        ("Ruritanian Army", "ORG", "Ruritanian Army"), ("Norwegian", "NORP", "Norwegian")}


def test_a_dateline_the_model_cut_short_is_the_whole_place():
    text = "STRELSAU CITY (Reuters) - Ruritanian officials met on Monday."
    raw = spans(text, ("STRELSAU", "GPE"), ("Reuters", "ORG"), ("Ruritanian", "NORP"))
    assert ("STRELSAU CITY", "GPE", "Strelsau City") in rows(text, raw, GAZ_PLACES)


def test_a_model_code_is_a_product_not_a_place_or_body():
    text = "Pilots asked for AIM-9 missiles and MiG-29 jets before the G-7 met in Oslo."
    raw = spans(text, ("AIM-9", "LOC"), ("MiG-29", "ORG"), ("G-7", "ORG"), ("Oslo", "GPE"))
    assert rows(text, raw, GAZ_PLACES) == {("AIM-9", "PRODUCT", "AIM-9"),
                                           ("MiG-29", "PRODUCT", "MiG-29"),
                                           ("G-7", "ORG", "G-7"), ("Oslo", "GPE", "Oslo")}


def test_places_facilities_and_vessels_by_the_words_around_them():
    text = ("Troops took the village of Zarichne and pushed towards Lypivka. The Druzhba "
            "pipeline and the Estlink 2 cable were hit, and the tanker Eagle S was held.")
    raw = spans(text, ("Zarichne", "NORP"), ("Lypivka", "PERSON"), ("Druzhba", "PERSON"),
                ("Estlink 2", "LAW"), ("Eagle S", "ORG"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Zarichne", "GPE", "Zarichne"), ("Lypivka", "GPE", "Lypivka"),
        ("Druzhba", "FAC", "Druzhba"), ("Estlink 2", "FAC", "Estlink 2"),
        ("Eagle S", "PRODUCT", "Eagle S")}


def test_a_designation_after_a_product_or_vessel_name_belongs_to_it():
    gaz = Gazetteer({"entities": [{"name": "Leopard 2", "label": "PRODUCT",
                                   "aliases": ["Leopard"]}]})
    text = ("Oslo ordered 54 Leopard 2A8 tanks; the carrier Yi Peng 3 sailed. "
            "Leopard tanks arrived 2 days later.")
    raw = spans(text, ("Oslo", "GPE"), ("Leopard", "PRODUCT"), ("Yi Peng", "PERSON"),
                ("Leopard", "PRODUCT"))
    assert rows(text, raw, gaz) == {
        ("Oslo", "GPE", "Oslo"), ("Leopard 2A8", "PRODUCT", "Leopard 2A8"),
        ("Yi Peng 3", "PRODUCT", "Yi Peng 3"), ("Leopard", "PRODUCT", "Leopard 2")}


def test_name_variants_with_a_middle_initial_are_one_person():
    text = "Anna K. Berg was charged. Anna Berg left for Oslo. Berg denied it."
    raw = spans(text, ("Anna K. Berg", "PERSON"), ("Anna Berg", "PERSON"), ("Oslo", "GPE"),
                ("Berg", "PERSON"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Anna K. Berg", "PERSON", "Anna K. Berg"), ("Anna Berg", "PERSON", "Anna K. Berg"),
        ("Oslo", "GPE", "Oslo"), ("Berg", "PERSON", "Anna K. Berg")}


def test_towns_by_in_and_by_the_region_after_them():
    text = "He lived in Westbrook near Dunmore, Norway, with Norwegians."
    raw = spans(text, ("Westbrook", "NORP"), ("Dunmore", "PERSON"), ("Norway", "GPE"),
                ("Norwegians", "NORP"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Westbrook", "GPE", "Westbrook"), ("Dunmore", "GPE", "Dunmore"),
        ("Norway", "GPE", "Norway"), ("Norwegians", "NORP", "Norwegian")}


def test_a_name_ending_in_act_or_treaty_is_a_law():
    text = "The Clean Harbours Act and the Bergen Treaty were cited in Oslo."
    raw = spans(text, ("Clean Harbours Act", "WORK_OF_ART"), ("Bergen Treaty", "ORG"),
                ("Oslo", "GPE"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Clean Harbours Act", "LAW", "Clean Harbours Act"),
        ("Bergen Treaty", "LAW", "Bergen Treaty"), ("Oslo", "GPE", "Oslo")}


def test_compound_demonyms_variants_regions_staff_and_venues():
    text = ("A Franco-Norwegian brigade guarded the Velta and Morn regions. Ministers met "
            "at the Solberg palace; analysts at Kvist said Oslo ordered Patriot PAC-3 units.")
    raw = spans(text, ("Velta", "PERSON"), ("Morn", "GPE"), ("Solberg", "ORG"),
                ("Kvist", "GPE"), ("Oslo", "GPE"), ("Patriot PAC-3", "ORG"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Franco-Norwegian", "NORP", "Franco-Norwegian"), ("Velta", "GPE", "Velta"),
        ("Morn", "GPE", "Morn"), ("Solberg", "FAC", "Solberg"), ("Kvist", "ORG", "Kvist"),
        ("Oslo", "GPE", "Oslo"), ("Patriot PAC-3", "PRODUCT", "Patriot PAC-3")}


def test_a_compound_demonym_replaces_the_models_half_of_it():
    text = "The Franco-Norwegian tank project stalled in Oslo."
    raw = spans(text, ("Franco", "NORP"), ("Oslo", "GPE"))
    assert rows(text, raw, GAZ_PLACES) == {("Franco-Norwegian", "NORP", "Franco-Norwegian"),
                                           ("Oslo", "GPE", "Oslo")}


def test_guards_against_the_new_context_rules():
    """Ordinary sentences the context rules must leave alone."""
    text = ("Berg said the harvest was fair. Farmers in Norway sell berg salt. Troops "
            "rallied in the Norwegian region. Lawyers from Oslo came. A drone struck a "
            "tanker, Dahl said. Oslo sent Berg 3 letters.")
    raw = spans(text, ("Berg", "PERSON"), ("Norway", "GPE"), ("Norwegian", "NORP"),
                ("Oslo", "GPE"), ("Dahl", "PERSON"), ("Oslo", "GPE"), ("Berg", "PERSON"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Berg", "PERSON", "Berg"), ("Norway", "GPE", "Norway"),
        ("Norwegian", "NORP", "Norwegian"), ("Oslo", "GPE", "Oslo"),
        ("Dahl", "PERSON", "Dahl")}


def test_bracketed_acronyms_banks_bases_islands_villages_and_surnames():
    text = ("The Harbour Sanctions Office (HSO) fined Fiskbank. HSO said jets from Vaer Air "
            "Base flew over the island of Skarv and the village of Lunde. Eirik Haugland "
            "spoke; Haugland said no.")
    raw = spans(text, ("Harbour Sanctions Office (HSO", "ORG"), ("Fiskbank", "PERSON"),
                ("Vaer Air Base", "LOC"), ("Skarv", "PERSON"), ("Lunde", "ORG"),
                ("Eirik Haugland", "ORG"), ("Haugland", "PERSON"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Harbour Sanctions Office", "ORG", "Harbour Sanctions Office"),
        ("HSO", "ORG", "Harbour Sanctions Office"), ("Fiskbank", "ORG", "Fiskbank"),
        ("Vaer Air Base", "FAC", "Vaer Air Base"), ("Skarv", "LOC", "Skarv"),
        ("Lunde", "GPE", "Lunde"), ("Eirik Haugland", "PERSON", "Eirik Haugland"),
        ("Haugland", "PERSON", "Eirik Haugland")}


def test_model_codes_before_a_machine_and_vessels_in_apposition():
    text = ("Jets from Oslo met two Xa-30 fighters and a Kv-26 transport. A court seized "
            "Havbris, a 90-metre superyacht. In 2021 C-19 rules changed.")
    raw = spans(text, ("Oslo", "GPE"), ("Havbris", "PERSON"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("Oslo", "GPE", "Oslo"), ("Xa-30", "PRODUCT", "Xa-30"),
        ("Kv-26", "PRODUCT", "Kv-26"), ("Havbris", "PRODUCT", "Havbris")}


def test_ship_prefixes_hyphenated_given_names_and_exercises_with_a_year():
    text = ("HMS Fjord docked in Oslo. Park Ji-won met Lars Soviet-led crews before the "
            "Nordlys 2024 exercise.")
    raw = spans(text, ("Fjord", "PERSON"), ("Oslo", "GPE"), ("Park Ji", "PERSON"),
                ("Nordlys", "ORG"))
    assert rows(text, raw, GAZ_PLACES) == {
        ("HMS Fjord", "PRODUCT", "HMS Fjord"), ("Oslo", "GPE", "Oslo"),
        ("Park Ji-won", "PERSON", "Park Ji-won"), ("Nordlys", "EVENT", "Nordlys")}


def test_an_exercise_runs_on_through_its_edition_and_a_unit_starts_at_its_number():
    gaz = Gazetteer({"entities": [{"name": "BALTOPS", "label": "EVENT"},
                                  {"name": "Iskander", "label": "PRODUCT"}]})
    text = ("BALTOPS 24 began with 50 ships. The 2nd Marine Division joined. In BALTOPS "
            "20 ships sailed. Two Iskander-M missiles hit the 3rd floor of the Parliament.")
    raw = spans(text, ("BALTOPS", "GPE"), ("Marine Division", "ORG"), ("BALTOPS", "GPE"),
                ("Iskander-M", "ORG"), ("Parliament", "ORG"))
    assert rows(text, raw, gaz) == {
        ("BALTOPS 24", "EVENT", "BALTOPS 24"), ("BALTOPS", "EVENT", "BALTOPS"),
        ("2nd Marine Division", "ORG", "2nd Marine Division"),
        ("Iskander-M", "PRODUCT", "Iskander-M"), ("Parliament", "ORG", "Parliament")}


def test_a_place_before_a_people_is_two_mentions():
    text = "Ruritania Norwegians blocked the road, and Norway Day was quiet."
    raw = spans(text, ("Ruritania Norwegians", "PERSON"), ("Norway Day", "EVENT"))
    assert rows(text, raw, GAZ_PLACES) == {("Ruritania", "GPE", "Ruritania"),
                                           ("Norwegians", "NORP", "Norwegian"),
                                           ("Norway Day", "EVENT", "Norway Day")}


def test_no_edition_after_a_war_or_before_a_count_and_no_unit_after_a_date():
    gaz = Gazetteer({"entities": [{"name": "World War II", "label": "EVENT"},
                                  {"name": "BALTOPS", "label": "EVENT"},
                                  {"name": "Wagner Group", "label": "ORG"}]})
    text = ("During World War II 27 million died. BALTOPS 50 years ago was small. On June "
            "23rd Wagner Group fighters seized the town.")
    raw = spans(text, ("World War II", "EVENT"), ("BALTOPS", "ORG"), ("Wagner Group", "ORG"))
    assert rows(text, raw, gaz) == {("World War II", "EVENT", "World War II"),
                                    ("BALTOPS", "EVENT", "BALTOPS"),
                                    ("Wagner Group", "ORG", "Wagner Group")}
