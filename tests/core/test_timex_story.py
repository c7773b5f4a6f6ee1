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
        # after the story's evening, "overnight" is that evening's night
        ("Sirens sounded on Wednesday evening. Drones struck the city overnight.",
         "2022-03-23TNI"),
        # a week named since that day: the story has left it
        ("It was announced on March 12. Strikes hit an airfield last week and a port "
         "overnight.", "2022-03-24TNI"),
    ],
)
def test_overnight_is_the_night_before_the_story_day(text, expected):
    assert last_value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "planned" after an adverb is a participle: the sentence is about the past
        ("On Tuesday, the envoy cut short a hastily planned tour of the region.",
         "2022-03-22"),
        ("The envoy has planned a tour of the region on Tuesday.", "2022-03-29"),
        # a postponement points ahead
        ("The council put off until Monday any decision on the budget.", "2022-03-28"),
        # on the brink, but in the past
        ("Police said the suspect was about to board a flight on Wednesday.", "2022-03-23"),
        ("Police said the suspect is about to board a flight on Wednesday.", "2022-03-30"),
    ],
)
def test_tense_markers_that_look_ahead_from_the_past(text, expected):
    assert last_value(text) == expected
