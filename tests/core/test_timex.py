"""The temporal tagger: extents, TIMEX3 types and values, sentences, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from nato_reader.core.model import Span
from nato_reader.core.timex import split_sentences, tag_timexes

FRI_2022 = date(2022, 3, 25)  # a Friday
SAT_2023 = date(2023, 4, 1)  # a Saturday


def values(text: str, anchor: date | None = SAT_2023) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_timexes(text, anchor)]


def only(text: str, anchor: date | None = SAT_2023) -> tuple[str, str, str]:
    found = values(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened in October 2022.", ("October 2022", "DATE", "2022-10")),
        ("It happened in 2023.", ("2023", "DATE", "2023")),
        ("He leaves on 30 September 2023.", ("30 September 2023", "DATE", "2023-09-30")),
        ("He leaves on September 30, 2023.", ("September 30, 2023", "DATE", "2023-09-30")),
        ("The mandate ends on 30 September.", ("30 September", "DATE", "2023-09-30")),
        ("Profit fell in the first quarter of 1998.",
         ("the first quarter of 1998", "DATE", "1998-Q1")),
        ("The summit is this autumn.", ("this autumn", "DATE", "2023-FA")),
        ("They met this summer.", ("this summer", "DATE", "2023-SU")),
        ("Prices soared in the 1990s.", ("the 1990s", "DATE", "199")),
        ("It was built in the 19th century.", ("the 19th century", "DATE", "18")),
        ("Published 2023-02-14 online.", ("2023-02-14", "DATE", "2023-02-14")),
    ],
)
def test_absolute_dates_keep_their_granularity(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Leaders on Thursday agreed to act.", FRI_2022, ("Thursday", "DATE", "2022-03-24")),
        ("Leaders will meet on Monday.", FRI_2022, ("Monday", "DATE", "2022-03-28")),
        ("It rained today.", FRI_2022, ("today", "DATE", "2022-03-25")),
        ("It rained yesterday.", FRI_2022, ("yesterday", "DATE", "2022-03-24")),
        ("It will rain tomorrow.", FRI_2022, ("tomorrow", "DATE", "2022-03-26")),
        ("Sales rose this year.", SAT_2023, ("this year", "DATE", "2023")),
        ("Sales rose last year.", SAT_2023, ("last year", "DATE", "2022")),
        ("Sales will rise next month.", SAT_2023, ("next month", "DATE", "2023-05")),
        ("Sales rose last week.", FRI_2022, ("last week", "DATE", "2022-W11")),
        ("In January this year, tanks arrived.", SAT_2023,
         ("January this year", "DATE", "2023-01")),
        ("He was appointed in February.", SAT_2023, ("February", "DATE", "2023-02")),
        ("The summit will be held in July.", SAT_2023, ("July", "DATE", "2023-07")),
        ("He was elected in December.", SAT_2023, ("December", "DATE", "2022-12")),
        ("The plant opened two years ago.", SAT_2023, ("two years ago", "DATE", "2021")),
        ("Talks began earlier this month.", SAT_2023,
         ("earlier this month", "DATE", "2023-04")),
        ("They met on Thursday morning.", FRI_2022,
         ("Thursday morning", "TIME", "2022-03-24TMO")),
        ("Voters go to the polls tonight.", FRI_2022, ("tonight", "TIME", "2022-03-25TNI")),
        ("The vote is at 3 p.m. today.", FRI_2022, ("3 p.m. today", "TIME", "2022-03-25T15:00")),
        ("The ceremony starts Monday, Oct. 26.", date(1998, 10, 25),
         ("Monday, Oct. 26", "DATE", "1998-10-26")),
    ],
)
def test_relative_expressions_resolve_against_the_anchor(text, anchor, expected):
    assert only(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Talks will start at 10:00 GMT on Wednesday.", date(2023, 12, 5),
         ("10:00 GMT on Wednesday", "TIME", "2023-12-06T10:00")),
        ("Growth recovered in Q3 2023.", SAT_2023, ("Q3 2023", "DATE", "2023-Q3")),
        ("The first half of 2024 was calm.", SAT_2023,
         ("The first half of 2024", "DATE", "2024-H1")),
        ("He was found on Thanksgiving Day.", date(2000, 1, 6),
         ("Thanksgiving Day", "DATE", "1999-11-25")),
        ("In nineteen ninety-one he was freed.", SAT_2023,
         ("nineteen ninety-one", "DATE", "1991")),
        ("It began in mid-1996.", SAT_2023, ("mid-1996", "DATE", "1996")),
        ("Three days later, the deal collapsed.", SAT_2023, ("Three days", "DURATION", "P3D")),
        ("The dividend will be paid Dec. 14.", date(1989, 10, 26),
         ("Dec. 14", "DATE", "1989-12-14")),
        ("The bid was extended to Nov. 16.", date(1989, 10, 30),
         ("Nov. 16", "DATE", "1989-11-16")),
    ],
)
def test_more_forms(text, anchor, expected):
    assert only(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on New Year’s Day.", ("New Year’s Day", "DATE", "2023-01-01")),
        ("Music of the ’90s was loud.", ("the ’90s", "DATE", "199")),
        ("The deal was signed at end of March.", ("end of March", "DATE", "2023-03")),
    ],
)
def test_typographic_apostrophes_and_modifiers(text, expected):
    assert only(text) == expected


def test_the_seed_sentence_from_the_issue():
    text = ("NATO leaders on Thursday agreed to extend the mandate of Secretary General Jens "
            "Stoltenberg by an additional year, keeping him at the head of the Alliance until "
            "30 September 2023.")
    assert values(text, FRI_2022) == [
        ("Thursday", "DATE", "2022-03-24"),
        ("an additional year", "DURATION", "P1Y"),
        ("30 September 2023", "DATE", "2023-09-30"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices are now falling.", ("now", "DATE", "PRESENT_REF")),
        ("He is currently abroad.", ("currently", "DATE", "PRESENT_REF")),
        ("Prices fell recently.", ("recently", "DATE", "PAST_REF")),
        ("That was true in the past.", ("the past", "DATE", "PAST_REF")),
        ("Nobody knows the future.", ("the future", "DATE", "FUTURE_REF")),
        ("He lives in the present.", ("the present", "DATE", "PRESENT_REF")),
        ("She was formerly a judge.", ("formerly", "DATE", "PAST_REF")),
    ],
)
def test_vague_references(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The term was extended by a year.", ("a year", "DURATION", "P1Y")),
        ("The talks lasted three months.", ("three months", "DURATION", "P3M")),
        ("They waited two weeks.", ("two weeks", "DURATION", "P2W")),
        ("Power was out for 24 hours.", ("24 hours", "DURATION", "PT24H")),
        ("The crisis is the worst in decades.", ("decades", "DURATION", "PXDE")),
        ("It was called one month after the invasion.", ("one month", "DURATION", "P1M")),
        ("Sales fell over the past two years.", ("the past two years", "DURATION", "P2Y")),
        ("Profit in the first nine months rose.", ("the first nine months", "DURATION", "P9M")),
        ("It took two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
        ("The board meets every year.", ("every year", "SET", "P1Y")),
        ("The board meets each Monday.", ("each Monday", "SET", "XXXX-WXX-1")),
        ("The paper is published weekly.", ("weekly", "SET", "P1W")),
        ("Allies review the targets annually.", ("annually", "SET", "P1Y")),
    ],
)
def test_durations_and_sets(text, expected):
    assert only(text) == expected


def test_day_ranges_give_both_days():
    assert values("Exercises run from 5 to 23 June 2023.") == [
        ("5", "DATE", "2023-06-05"), ("23 June 2023", "DATE", "2023-06-23")]
    assert values("The mandate is renewed every five years.") == [
        ("every five years", "SET", "P5Y")]


def test_rates_and_ages_are_not_durations():
    assert values("It saves $500 million a year.") == []
    assert values("The 44-year-old suspect fled.") == []


def test_fiscal_quarter_references_follow_the_quarter_named():
    text = ("Net income rose in the third quarter. Profit was $5 million, up from $4 million "
            "a year earlier. Sales in the quarter rose.")
    assert values(text, date(1989, 10, 26)) == [
        ("the third quarter", "DATE", "1989-Q3"),
        ("a year earlier", "DATE", "1988-Q3"),
        ("the quarter", "DATE", "1989-Q3"),
    ]


def test_story_time_counts_from_the_last_date_named():
    text = ("He arrived in June 1998 and returned later that year. The following month he "
            "left. On 3 May 2001 he was arrested; the next day he was freed.")
    assert [(t.text, t.value) for t in tag_timexes(text, SAT_2023)] == [
        ("June 1998", "1998-06"), ("later that year", "1998"),
        ("The following month", "1998-07"), ("3 May 2001", "2001-05-03"),
        ("the next day", "2001-05-04")]
    assert only("The following year he left.") == ("The following year", "DATE", "XXXX")


def test_undated_articles_get_placeholders_for_relative_expressions():
    found = tag_timexes("On Thursday he said last year was hard; in May 2022 it began.", None)
    assert [(t.text, t.value, t.resolved) for t in found] == [
        ("Thursday", "XXXX-WXX-4", False),
        ("last year", "XXXX", False),
        ("May 2022", "2022-05", True),
    ]


def test_offsets_and_sentences():
    text = "Nothing here. He left on Friday. Back in 2020 it was calm."
    found = tag_timexes(text, FRI_2022)
    assert [text[t.start:t.end] for t in found] == ["Friday", "2020"]
    assert [text[t.sentence.start:t.sentence.end] for t in found] == [
        "He left on Friday.", "Back in 2020 it was calm."]


def test_caller_sentences_are_used():
    text = "He left on Friday and came back in 2020"
    found = tag_timexes(text, FRI_2022, [Span(0, 17), Span(18, len(text))])
    assert [(t.text, t.sentence) for t in found] == [
        ("Friday", Span(0, 17)), ("2020", Span(18, len(text)))]


def test_sentence_splitter_keeps_abbreviations():
    text = "Shares rose on Oct. 5 in New York. Mr. Smith said so."
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == [
        "Shares rose on Oct. 5 in New York.", "Mr. Smith said so."]


def test_non_dates_are_left_alone():
    assert values("We may go. He will march. The spring broke. It fell 1,990 feet.") == []
    assert values("Thousands joined the March for Life in Washington.") == []


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n\n", "....!!!???", "\x00\x01\x02 \x7f", "日本語のテキスト 2023年",
     "\u200b\u200d\ufeff", "Thursday" * 500, "𝕿𝖍𝖚𝖗𝖘𝖉𝖆𝖞 🙂 1999"],
)
def test_bad_input_does_not_crash(text):
    for t in tag_timexes(text, SAT_2023):
        assert 0 <= t.start < t.end <= len(text)
        assert t.text == text[t.start:t.end]


def test_random_text_keeps_offsets_consistent():
    import random

    rng = random.Random(3)
    alphabet = "abc XYZ 0123456789 .,;:-'/\n\t\x00é€日 Monday May 2020s ago weeks Q4 p.m."
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        anchor = rng.choice([None, SAT_2023, date(1, 1, 1), date(9999, 12, 31)])
        for t in tag_timexes(text, anchor):
            assert t.text == text[t.start:t.end]
            assert t.sentence.start <= t.start < t.end <= t.sentence.end


def test_control_characters_do_not_break_offsets():
    text = "Talks\x00 began\x07 on 24 February\x1b."
    found = tag_timexes(text, FRI_2022)
    assert [(t.text, t.value) for t in found] == [("24 February", "2022-02-24")]


def test_a_megabyte_of_prose():
    # Speed is measured in benchmarks/timex_eval.py, not asserted here (shared machines).
    prose = "The ministers argued at length about the wording of the final communique. " * 9
    text = (prose + "Prices rose 3% in the third quarter of 2021. ") * 1500
    assert len(text) > 1_000_000
    found = tag_timexes(text, FRI_2022)
    assert [t.value for t in found[:2]] == ["2021-Q3", "2021-Q3"]
    assert len(found) == 1500


def test_a_megabyte_without_sentence_breaks():
    text = "word " * 220_000
    assert tag_timexes(text, FRI_2022) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board will soon decide on the merger.", [("soon", "DATE", "FUTURE_REF")]),
        ("Shipping should resume as soon as possible.",
         [("as soon as possible", "DATE", "FUTURE_REF")]),
        ("The ferry sails as soon as the storm ends.", []),
        ("The envoy left soon after the vote.", []),
        ("The results came too soon.", []),
    ],
)
def test_soon_is_a_future_reference_only_before_its_verb(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks start on Wednesday in Geneva.", "2022-03-30"),
        ("The summit opens Tuesday.", "2022-03-29"),
        ("Parliament reconvenes in April.", "2022-04"),
        ("Talks did not start on Wednesday.", "2022-03-23"),
        ("Its start on Wednesday was slow.", "2022-03-23"),
    ],
)
def test_a_present_tense_timetable_points_ahead(text, expected):
    assert [t.value for t in tag_timexes(text, FRI_2022)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The festival runs June 5-23.",
         [("June 5", "2022-06-05"), ("23", "2022-06-23")]),
        ("Talks were held March 3 to 7, 2021, in Oslo.",
         [("March 3", "2021-03-03"), ("7, 2021", "2021-03-07")]),
        ("Troops advanced between May 4 and 9 in the east.",
         [("May 4", "2022-05-04"), ("9", "2022-05-09")]),
        ("On May 4 and 9 people died.", [("May 4", "2022-05-04")]),
        ("On June 5-6 percent of voters stayed home.", [("June 5", "2022-06-05")]),
        ("It ran June 23-5.", [("June 23", "2021-06-23")]),  # no backwards range
    ],
)
def test_both_days_of_a_month_first_range(text, expected):
    assert [(t.text, t.value) for t in tag_timexes(text, FRI_2022)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Markets may wobble in the near term.", [("the near term", "DATE", "FUTURE_REF")]),
        ("The bridge will one day be rebuilt.", [("one day", "DATE", "FUTURE_REF")]),
        ("They may someday return home.", [("someday", "DATE", "FUTURE_REF")]),
        ("They stayed one day in Paris.", [("one day", "DURATION", "P1D")]),
        ("The deal follows months of talks.", [("months", "DURATION", "PXM")]),
        ("Years of war emptied the town.", [("Years", "DURATION", "PXY")]),
        ("The days of the week have names.", []),
        ("Prices rose over the years.", [("the years", "DURATION", "PXY")]),
        ("He won a second term.", []),
        ("Wait a second or two.", [("a second", "DURATION", "PT1S")]),
        ('She told "48 Hours" about it.', []),
    ],
)
def test_vague_futures_stretches_of_time_and_look_alikes(text, expected):
    assert values(text) == expected


def test_a_participle_used_as_adjective_does_not_set_the_tense():
    text = "The dividend will be paid on a still unspecified date in January."
    assert [t.value for t in tag_timexes(text, FRI_2022)] == ["2023-01"]
    # as a verb it still marks the past
    assert [t.value for t in tag_timexes("The board revised it in July.", FRI_2022)] == ["2021-07"]
    assert [t.value for t in tag_timexes("It is the revised plan for July.", FRI_2022)] == [
        "2022-07"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was shot last Oct. 23 at home.", ("Oct. 23", "DATE", "2021-10-23")),
        ("He was shot last March 20 at home.", ("March 20", "DATE", "2022-03-20")),
        ("We meet again next March 3.", ("March 3", "DATE", "2023-03-03")),
    ],
)
def test_last_or_next_before_a_month_and_day(text, expected):
    assert only(text, FRI_2022) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote took half an hour.", ("half an hour", "DURATION", "PT30M")),
        ("The vote took an hour and a half.", ("an hour and a half", "DURATION", "PT1H30M")),
        ("The jet vanished a minute and a half later.",
         ("a minute and a half", "DURATION", "PT1M30S")),
    ],
)
def test_halves_of_units(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bill died in the 2019-2020 session.", [("2019", "2019"), ("2020", "2020")]),
        ("The 2022/23 budget was cut.", [("2022", "2022"), ("23", "2023")]),
        ("It was the 1999-00 season.", [("1999", "1999"), ("00", "2000")]),
        ("Error code 2019-05 appeared.", []),
        ("Part 1990-2090 failed.", []),
    ],
)
def test_ranges_of_years(text, expected):
    assert [(t.text, t.value) for t in tag_timexes(text, FRI_2022)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Black Friday sales rose.", []),
        ("The Sunday Times reported it.", []),
        ("Mr. Sunday spoke to reporters.", []),
        ("Shops were busy on Friday.", [("Friday", "DATE", "2023-03-31")]),
        ("The abbey has stood for nearly 1,000 years.",
         [("nearly 1,000 years", "DURATION", "P1000Y")]),
    ],
)
def test_weekdays_in_names_and_numbers_with_separators(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She began a 10-day tour.", ("10-day", "DURATION", "P10D")),
        ("He won a three-year term.", ("three-year", "DURATION", "P3Y")),
        ("The 24-hour strike ended.", ("24-hour", "DURATION", "PT24H")),
        ("The strike lasted a week.", ("a week", "DURATION", "P1W")),
        ("The two days passed quietly.", ("The two days", "DURATION", "P2D")),
    ],
)
def test_a_duration_used_as_an_adjective_leaves_out_the_determiner(text, expected):
    assert only(text) == expected


def test_a_future_seen_from_the_past_is_already_past():
    # FRI_2022 is Friday 25 March: "had been due to expire Wednesday" is the 23rd
    text = "The offer had been due to expire Wednesday evening."
    assert only(text, FRI_2022) == ("Wednesday evening", "TIME", "2022-03-23TEV")
    assert only("The offer is due to expire Wednesday.", FRI_2022)[2] == "2022-03-30"


def test_the_tense_of_a_long_sentence_is_read_beyond_the_nearest_words():
    # FRI_2022 is 25 March 2022: the nearest June is ahead, but the verb is past
    text = ("In June, soon after the grand opening of the new regional parliament "
            "building in the northern provincial capital and its many outlying "
            "districts, a storm destroyed the roof.")
    assert only(text, FRI_2022) == ("June", "DATE", "2021-06")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote is on June twenty-first.", ("June twenty-first", "DATE", "2023-06-21")),
        ("It was signed on March the eighth, 2019.",
         ("March the eighth, 2019", "DATE", "2019-03-08")),
    ],
)
def test_spoken_ordinal_days(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted 2023-03-30T10:05Z by the desk.",
         [("2023-03-30T10:05Z", "TIME", "2023-03-30T10:05")]),
        ("Signed in Berlin on 14.02.2023.", [("14.02.2023", "DATE", "2023-02-14")]),
        ("Update to version 1.2.2023 at once.", []),
        ("Q4 results were weak.", [("Q4", "DATE", "2022-Q4")]),
        ("Q4 results will be strong.", [("Q4", "DATE", "2023-Q4")]),
        ("He held an H1 visa.", []),
        ("Over the past fortnight, prices rose.", [("the past fortnight", "DURATION", "P2W")]),
    ],
)
def test_timestamps_dotted_dates_bare_quarter_codes_and_fortnights(text, expected):
    assert values(text) == expected


def test_the_following_or_previous_weekday_counts_from_the_story_day():
    text = "Talks collapsed on March 3, 2021. The following Monday, he resigned."
    assert [t.value for t in tag_timexes(text, FRI_2022)] == ["2021-03-03", "2021-03-08"]
    text = "Talks collapsed on March 3, 2021, a week after the previous Wednesday's vote."
    assert [t.value for t in tag_timexes(text, FRI_2022)][-1] == "2021-02-24"
    # no day named before: counted from the publication date
    assert only("He left the following Monday.", FRI_2022)[2] == "2022-03-28"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Churches filled on Good Friday.", [("Good Friday", "DATE", "2023-04-07")]),
        ("Easter Monday 2022 was quiet.", [("Easter Monday 2022", "DATE", "2022-04-18")]),
        ("The Good Friday Agreement held.", []),
    ],
)
def test_holidays_around_easter(text, expected):
    assert values(text, date(2023, 6, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said the attack was on Tuesday. The gunman opened fire at 3 p.m.",
         "2023-06-13T15:00"),
        ("On Tuesday, the gunman opened fire at 3 p.m.", "2023-06-13T15:00"),
        ("Police spoke on Tuesday. The next briefing will start at 3 p.m.",
         "2023-06-14T15:00"),
        ("The briefing is at 3 p.m.", "2023-06-14T15:00"),
    ],
)
def test_a_clock_time_falls_on_the_day_the_story_tells(text, expected):
    assert tag_timexes(text, date(2023, 6, 14))[-1].value == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a participle before "by" marks no tense: the future "will attend" decides
        ("Zelenskiy will attend a dinner hosted by the king but not the session on "
         "Wednesday.", "2025-06-25"),
        # "increased by 5 percent" is the verb itself, in the past
        ("Prices increased by 5 percent on Wednesday.", "2025-06-18"),
        # a participle opening its own phrase carries that phrase's past
        ("The bill, passed by parliament on Wednesday, takes effect next month.",
         "2025-06-18"),
    ],
)
def test_a_participle_before_by_is_not_a_past_tense(text, value):
    got = [t.value for t in tag_timexes(text, date(2025, 6, 23)) if t.text == "Wednesday"]
    assert got == [value]
