"""Timeline maths without Qt: TIMEX3 values as ranges, events, row packing, ticks."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_reader.core.model import Analysis, Article, Mention, Span, Timex
from nato_reader.core.timeline import (
    MIN_TICK_PX,
    bin_counts,
    bubble_rect,
    entity_event_keys,
    events_from_analysis,
    pack_rows,
    room_to_the_right,
    ticks,
    value_to_range,
)

D = date


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-09-30", (D(2023, 9, 30), D(2023, 9, 30), "point")),
    ("2023-10", (D(2023, 10, 1), D(2023, 10, 31), "interval")),
    ("2024-02", (D(2024, 2, 1), D(2024, 2, 29), "interval")),  # leap year
    ("2023", (D(2023, 1, 1), D(2023, 12, 31), "interval")),
    ("2023-W01", (D(2023, 1, 2), D(2023, 1, 8), "interval")),  # ISO week 1 of 2023
    ("2023-W05-WE", (D(2023, 2, 4), D(2023, 2, 5), "interval")),
    ("2023-Q1", (D(2023, 1, 1), D(2023, 3, 31), "interval")),
    ("2023-Q4", (D(2023, 10, 1), D(2023, 12, 31), "interval")),
    ("2023-H2", (D(2023, 7, 1), D(2023, 12, 31), "interval")),
    ("2023-SP", (D(2023, 3, 1), D(2023, 5, 31), "interval")),
    ("2023-SU", (D(2023, 6, 1), D(2023, 8, 31), "interval")),
    ("2023-FA", (D(2023, 9, 1), D(2023, 11, 30), "interval")),
    ("2023-WI", (D(2023, 12, 1), D(2024, 2, 29), "interval")),  # into the next year
    ("199", (D(1990, 1, 1), D(1999, 12, 31), "interval")),
    ("19", (D(1900, 1, 1), D(1999, 12, 31), "interval")),
    ("2023-09-30T14:05", (D(2023, 9, 30), D(2023, 9, 30), "point")),
    ("2023-09-30TMO", (D(2023, 9, 30), D(2023, 9, 30), "point")),
    ("2023-10-XX", (D(2023, 10, 1), D(2023, 10, 31), "interval")),
    (" 2023-10 ", (D(2023, 10, 1), D(2023, 10, 31), "interval")),
])
def test_value_to_range(value, expected):
    assert value_to_range(value) == expected


@pytest.mark.parametrize("value", [
    "", "P1Y", "PXM", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-10", "XXXX-WXX-1",
    "2023-02-30", "2023-13", "2023-W60", "2023-Q5", "2023-XS", "yesterday",
])
def test_value_to_range_none(value):
    assert value_to_range(value) is None


BODY = ("NATO met on 30 September 2023. The talks ran for two weeks. "
        "In October 2014 he took office. It happens now.")


def _timex(text: str, type_: str, value: str) -> Timex:
    start = BODY.index(text)
    sentence_start = BODY.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = BODY.index(".", start) + 1
    return Timex(start, start + len(text), text, type_, value, Span(sentence_start, sentence_end))


def _article(published: date | None) -> Article:
    return Article(7, "file:///a.txt", "test", "h", "Allied talks", published, BODY, (), "")


def _analysis() -> Analysis:
    timexes = (
        _timex("30 September 2023", "DATE", "2023-09-30"),
        _timex("two weeks", "DURATION", "P2W"),
        _timex("October 2014", "DATE", "2014-10"),
        _timex("now", "DATE", "PRESENT_REF"),
    )
    return Analysis((), timexes, (), "test")


def test_events_from_analysis():
    events = events_from_analysis(_article(D(2023, 10, 2)), _analysis())
    assert [e.label for e in events] == ["30 September 2023", "two weeks", "October 2014"]
    day, duration, month = events
    assert (day.start, day.end, day.kind) == (D(2023, 9, 30), D(2023, 9, 30), "point")
    assert day.sentence_text == "NATO met on 30 September 2023."
    assert (day.article_id, day.lane, day.value) == (7, "Allied talks", "2023-09-30")
    assert BODY[day.body_start:day.body_end] == "30 September 2023"
    # A duration is anchored at the publication date.
    assert (duration.start, duration.end, duration.kind) == (D(2023, 10, 2), D(2023, 10, 2),
                                                             "duration")
    assert duration.sentence_text == "The talks ran for two weeks."
    assert (month.start, month.end, month.kind) == (D(2014, 10, 1), D(2014, 10, 31), "interval")


def test_entity_event_keys_are_the_dates_in_its_sentences():
    nato = Mention(0, 4, "NATO", "ORG", "NATO")
    analysis = Analysis((nato,), _analysis().timexes, (), "test")
    assert entity_event_keys(7, analysis, "NATO") == {(7, BODY.index("30 September 2023"))}
    assert entity_event_keys(7, analysis, "Nobody") == set()


def test_durations_need_a_publication_date():
    events = events_from_analysis(_article(None), _analysis())
    assert [e.kind for e in events] == ["point", "interval"]


extents_strategy = st.lists(
    st.tuples(st.floats(0, 1000, allow_nan=False), st.floats(1, 120, allow_nan=False))
    .map(lambda t: (t[0], t[0] + t[1])), max_size=60)


@settings(max_examples=150, deadline=None)
@given(extents_strategy, st.integers(1, 6), st.booleans())
def test_pack_rows_never_overlaps(extents, max_rows, with_labels):
    gap, width = 2.0, 24.0
    wide = [(a, b + 30) for a, b in extents] if with_labels else None
    rows, clusters = pack_rows(extents, max_rows, gap=gap, cluster_width=width, wide=wide)
    used_rows = max_rows - 1 if clusters else max_rows
    by_row: dict[int, list[tuple[float, float]]] = {}
    for extent, row in zip(extents, rows, strict=True):
        assert -1 <= row < used_rows
        if row >= 0:
            by_row.setdefault(row, []).append(extent)
    for placed in by_row.values():
        placed.sort()
        for (_, end), (start, _) in itertools.pairwise(placed):
            assert end + gap <= start
    # Every extent is placed in a row or counted in exactly one bubble...
    members = sorted(i for c in clusters for i in c.members)
    assert members == [i for i, row in enumerate(rows) if row < 0]
    # ...and the bubbles, which share the last row, do not overlap each other.
    bubbles = sorted(bubble_rect(c, width) for c in clusters)
    for (_, right), (left, _) in itertools.pairwise(bubbles):
        assert right <= left


def test_pack_rows_stacks_overlapping_extents():
    rows, clusters = pack_rows([(0, 10), (5, 15), (8, 12), (20, 30), (1, 3)], max_rows=3)
    assert clusters == []
    assert sorted(rows[:3]) == [0, 1, 2]  # mutually overlapping: one row each
    assert rows[3] == 0  # the first row is free again after its extent ends
    assert rows[4] == 1  # (1, 3) fits before (5, 15) in the second row


def test_pack_rows_clusters_what_does_not_fit():
    extents = [(100.0, 104.0)] * 5 + [(400.0, 404.0)]
    rows, clusters = pack_rows(extents, max_rows=3)
    assert sorted(rows) == [-1, -1, -1, 0, 0, 1]
    assert [len(c.members) for c in clusters] == [3]


def test_pack_rows_prefers_room_for_labels_while_rows_last():
    shapes = [(0.0, 10.0), (20.0, 30.0), (40.0, 50.0)]
    labelled = [(0.0, 60.0), (20.0, 80.0), (40.0, 100.0)]
    rows, _ = pack_rows(shapes, max_rows=3, wide=labelled)
    assert rows == [0, 1, 2]  # one row each: every label fits
    rows, clusters = pack_rows(shapes, max_rows=1, wide=labelled)
    assert (rows, clusters) == ([0, 0, 0], [])  # one row: shapes alone still fit
    room = room_to_the_right(shapes, rows)
    assert room[:2] == [6.0, 6.0]  # too little for a label: the widget leaves it off


def test_room_to_the_right():
    room = room_to_the_right([(0, 10), (30, 40), (5, 8)], [0, 0, -1], gap=4)
    assert room == [16, float("inf"), 0]


@given(st.lists(st.integers(0, 500), max_size=200), st.integers(1, 30))
def test_bin_counts_matches_counting(values, bins):
    values.sort()
    counts = bin_counts(values, 100, 400, bins)
    assert sum(counts) == sum(100 <= v < 400 for v in values)
    step = 300 / bins
    for k, count in enumerate(counts):
        assert count == sum(100 + k * step <= v < 100 + (k + 1) * step for v in values)


@pytest.mark.parametrize(("start", "end", "unit"), [
    (D(2023, 3, 1), D(2023, 3, 10), "day"),
    (D(2023, 2, 20), D(2023, 3, 20), "days"),
    (D(2023, 1, 1), D(2023, 3, 31), "week"),
    (D(2022, 1, 1), D(2023, 6, 30), "month"),
    (D(2015, 1, 1), D(2024, 12, 31), "year"),
    (D(1900, 1, 1), D(2024, 12, 31), "decade"),
    (D(1000, 1, 1), D(2024, 12, 31), "century"),
    (D(1, 1, 1), D(9999, 12, 31), "millennium"),
])
def test_ticks_sensible(start, end, unit):
    width = 900
    marks = ticks(start, end, width)
    px_per_day = width / ((end - start).days + 1)
    days = [d for d, _, _ in marks]
    assert len(marks) >= 2
    assert days == sorted(set(days))
    assert all(start <= d <= end for d in days)
    assert len(marks) <= width / MIN_TICK_PX + 2
    assert all(label for _, label, _ in marks)
    gaps = [(b - a).days * px_per_day for a, b in itertools.pairwise(days)]
    assert min(gaps) >= MIN_TICK_PX * 0.75  # labels never collide (short months aside)
    if unit == "day":
        assert (D(2023, 3, 1), "Mar 2023", True) in marks
        assert (D(2023, 3, 3), "3 Mar", False) in marks
    elif unit == "days":
        assert all(d.day == 1 or d.day % 2 == 1 for d in days)
        assert [label for d, label, major in marks if major] == ["Mar 2023"]
    elif unit == "week":
        assert all(d.weekday() == 0 for d in days)
    elif unit == "month":
        assert (D(2023, 1, 1), "2023", True) in marks
        assert all(d.day == 1 for d in days)
    elif unit == "year":
        assert [d.year for d in days] == list(range(2015, 2025))
        assert [d for d, _, major in marks if major] == [D(2020, 1, 1)]
    elif unit == "decade":
        assert all(d.year % 10 == 0 for d in days)
        assert (D(2000, 1, 1), "2000", True) in marks
    elif unit == "century":
        assert all(d.year % 100 == 0 for d in days)
    else:
        assert all(d.year % 1000 == 0 for d in days)


def test_first_tick_names_the_year():
    marks = ticks(D(2007, 9, 1), D(2008, 5, 31), 900)
    assert marks[0] == (D(2007, 9, 1), "Sep 2007", False)
    assert marks[1][1] == "Oct"
    assert (D(2008, 1, 1), "2008", True) in marks
    assert ticks(D(2023, 3, 2), D(2023, 3, 9), 900)[0] == (D(2023, 3, 2), "2 Mar 2023", False)


def test_ticks_reversed_arguments_and_tiny_width():
    assert ticks(D(2023, 3, 10), D(2023, 3, 1), 900) == ticks(D(2023, 3, 1), D(2023, 3, 10), 900)
    assert ticks(D(2000, 1, 1), D(2030, 1, 1), 0)  # no division by zero, still some ticks
