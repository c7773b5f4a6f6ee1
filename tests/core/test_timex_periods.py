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
