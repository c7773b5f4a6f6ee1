"""The temporal tagger on reporting periods: years and quarters of accounts."""

from __future__ import annotations

from datetime import date

import pytest

from nato_reader.core.timex import tag_timexes

FRI_2022 = date(2022, 3, 25)


def first(text: str, anchor: date = FRI_2022) -> tuple[str, str, str]:
    t = tag_timexes(text, anchor)[0]
    return (t.text, t.type, t.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose 8% in the year ended June 30.", ("the year", "DURATION", "P1Y")),
        ("The firm expects a loss for the fiscal year ending in March.",
         ("the fiscal year", "DURATION", "P1Y")),
        ("Profit should rise in the fiscal year.", ("the fiscal year", "DATE", "2022")),
    ],
)
def test_a_year_named_by_its_last_day_is_twelve_months(text, expected):
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demand should stay weak through the first two quarters of 2023.",
         ("the first two quarters of 2023", "DATE", "2023-H1")),
        ("Sales grew in the last two quarters of last year.",
         ("the last two quarters of last year", "DATE", "2021-H2")),
    ],
)
def test_two_quarters_of_a_year_are_its_half(text, expected):
    assert first(text) == expected


def test_the_year_earlier_months_are_a_duration():
    text = "Net income for the year-earlier nine months included a one-time gain."
    assert first(text) == ("the year-earlier nine months", "DURATION", "P9M")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rheinmetall reports fourth-quarter results on March 12.",
         "2024-Q4"),  # results come after a quarter: in March, last year's
        ("Its third-quarter figures for last year were revised.", "2024-Q3"),
        # a forecast or a date ahead is about this year's quarter
        ("Analysts expect third-quarter earnings to beat forecasts.", "2025-Q3"),
        ("Its second-quarter figures are due in August.", "2025-Q2"),
        ("Sales should rise in the fourth quarter.", "2025-Q4"),  # no results: ahead
        ("Output will rise in the first quarter.", "2025-Q1"),  # the current quarter
    ],
)
def test_the_results_of_a_quarter_still_ahead_are_last_years(text, value):
    assert first(text, date(2025, 3, 3))[2] == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Next winter will be the real test.", date(2025, 6, 12), "2025-WI"),
        ("Next winter will be the real test.", date(2025, 12, 12), "2026-WI"),
        ("Next winter will be the real test.", date(2026, 1, 12), "2026-WI"),
        ("Last winter was mild.", date(2025, 6, 12), "2024-WI"),
        ("Next spring the work starts.", date(2025, 6, 12), "2026-SP"),
    ],
)
def test_next_winter_is_the_one_that_starts_in_december(text, anchor, value):
    assert first(text, anchor)[2] == value
