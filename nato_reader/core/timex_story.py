"""Clock times in a story: "at 10 p.m." happens on the day the story is telling.

A clock time with no day of its own ("The gunman opened fire at 3 p.m.", "traders sold
in the morning") is placed on the last day the text named before it, if that day is in
the same sentence or the sentence is in the past tense (a report of what happened then);
otherwise, or when the text named no day or has since named a week, a month or a year,
on the publication day. "Overnight" is the
night before that day ("Shares fell Friday ... hit by overnight losses in Asia"), or the
night of its evening ("Wednesday evening ... overnight").
"""

from __future__ import annotations

import re

from nato_reader.core import timex_calendar as cal
from nato_reader.core.model import Timex

CLOCK_MARK = "@C"
NIGHT_BEFORE_MARK = "@P"  # "overnight": the night before the story's day
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_REACH = 600  # characters back to the day named before (a paragraph or two)


def place_clock_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """`timexes` with each marked clock time ("@C<fallback>") given its day."""
    if not any(t.value.startswith((CLOCK_MARK, NIGHT_BEFORE_MARK)) for t in timexes):
        return timexes
    out: list[Timex] = []
    last_day: Timex | None = None
    for t in timexes:
        value = t.value
        if value.startswith((CLOCK_MARK, NIGHT_BEFORE_MARK)):
            night_before = value.startswith(NIGHT_BEFORE_MARK)
            value = value[2:]
            if _on_story_day(text, t, last_day):
                day = last_day.value[:10]
                # the night before the story's day; after its evening, that evening's night
                if night_before and last_day.value[10:] not in ("TEV", "TNI"):
                    day = cal.fmt_day(cal.date.fromisoformat(day) - cal.timedelta(days=1))
                value = day + value[value.index("T"):]
        elif _DAY.match(value):
            last_day = t
        elif t.type == "DATE" and value[:1].isdigit():
            last_day = None  # "last week", "in February": the story has left that day
        out.append(Timex(t.start, t.end, t.text, t.type, value, t.sentence))
    return out


def _on_story_day(text: str, t: Timex, last_day: Timex | None) -> bool:
    """Whether `t` happens on `last_day`: named in the same sentence, or shortly before
    in a sentence that reports the past."""
    return last_day is not None and t.start - last_day.end <= _REACH and (
        last_day.start >= t.sentence.start or cal.tense_near(
            text, t.start, t.end, t.sentence.start, t.sentence.end) == "past")
