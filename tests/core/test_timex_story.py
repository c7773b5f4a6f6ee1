"""The temporal tagger in a story: parts of days and weekends around the days it names."""

from __future__ import annotations

from datetime import date

import pytest

from nato_reader.core.timex import tag_timexes

FRI_2022 = date(2022, 3, 25)  # a Friday, in ISO week 2022-W12


def last_value(text: str, anchor: date = FRI_2022) -> str:
    return tag_timexes(text, anchor)[-1].value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Traders squared their positions ahead of the weekend.", "2022-W12-WE"),
        ("The museum will shut its doors for the weekend.", "2022-W12-WE"),
        ("Rebels regrouped over the weekend.", "2022-W11-WE"),
    ],
)
def test_the_coming_weekend_closes_the_anchor_week(text, expected):
    assert last_value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Markets opened lower on Tuesday. Traders sold heavily in the morning.",
         "2022-03-22TMO"),
        ("Traders sold heavily in the morning.", "2022-03-25TMO"),
        ("The minister said she will fly out in the morning.", "2022-03-26TMO"),
    ],
)
def test_the_morning_is_the_morning_of_the_story_day(text, expected):
    assert last_value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokyo shares slid on Wednesday, hit by overnight losses on Wall Street.",
         "2022-03-22TNI"),
        ("Tokyo shares slid, hit by overnight losses on Wall Street.", "2022-03-24TNI"),
    ],
)
def test_overnight_is_the_night_before_the_story_day(text, expected):
    assert last_value(text) == expected
