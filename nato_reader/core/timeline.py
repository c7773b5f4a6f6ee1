"""Timeline building: TIMEX3 values as date ranges, events, row packing, clusters and ticks.

Qt-free so that the layout maths is tested without a display; the widget in
ui/timeline only converts dates to pixels and paints what these functions decide.

Conventions:
- `end` is inclusive: a day has start == end, "2023-10" ends on 2023-10-31.
- kind 'point' is one day (or a time of day), 'interval' a longer calendar range
  (week, month, season, quarter, half, year, decade, century).
- kind 'duration' is a TIMEX3 DURATION or SET ("for ten years", "every week"): it
  has no place of its own on the axis, so it is anchored at the article's
  publication date (start == end == published) and drawn hollow, as "said on that
  day". Without a publication date it is left out.
- Seasons are meteorological, northern hemisphere: SP Mar-May, SU Jun-Aug,
  FA Sep-Nov, WI December of the year to February of the next.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from nato_reader.core.model import Analysis, Article

POINT, INTERVAL, DURATION = "point", "interval", "duration"


@dataclass(frozen=True)
class TimelineEvent:
    """One dated expression of one article, as the timeline shows it.

    body_start/body_end are the offsets of the temporal expression itself (unique per
    event, so (article_id, body_start) identifies it); sentence_text is its sentence.
    """

    article_id: int
    lane: str
    start: date
    end: date
    label: str
    value: str
    sentence_text: str
    body_start: int
    body_end: int
    kind: str


# --- TIMEX3 values -------------------------------------------------------------------

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 13, 14: next year
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_UNKNOWN_TAIL = re.compile(r"(-XX|-X)+(T.*)?$")
_DURATION_VALUE = re.compile(r"^P(T?[\dX])")  # P1Y, PXM, PT2H; not PRESENT_REF


def _month_range(year: int, first: int, last: int) -> tuple[date, date]:
    """Months first..last (last may pass 12 into the next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end_day = calendar.monthrange(end_year, end_month)[1]
    return date(year, first, 1), date(end_year, end_month, end_day)


def value_to_range(value: str) -> tuple[date, date, str] | None:
    """(first day, last day inclusive, kind) for a TIMEX3 DATE/TIME value, else None.

    None for durations (P1Y), references (PRESENT_REF), unresolved values (XXXX-10)
    and anything malformed.
    """
    value = (value or "").strip().upper()
    if not value or value.startswith(("P", "XXXX")) or value.endswith("_REF"):
        return None
    if "X" in value and not value.startswith("X"):
        # "2023-XX-XX" or "2023-10-XX": known only as far as the year or month.
        value = _UNKNOWN_TAIL.sub("", value)
    try:
        return _value_to_range(value)
    except ValueError:  # e.g. 2023-02-30, 2023-W60
        return None


def _value_to_range(value: str) -> tuple[date, date, str] | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, POINT
    if m := _MONTH.match(value):
        return (*_month_range(int(m[1]), int(m[2]), int(m[2])), INTERVAL)
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), INTERVAL
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:  # the weekend of that week
            return monday + timedelta(days=5), monday + timedelta(days=6), INTERVAL
        return monday, monday + timedelta(days=6), INTERVAL
    if m := _QUARTER.match(value):
        first = 3 * (int(m[2]) - 1) + 1
        return (*_month_range(int(m[1]), first, first + 2), INTERVAL)
    if m := _HALF.match(value):
        first = 6 * (int(m[2]) - 1) + 1
        return (*_month_range(int(m[1]), first, first + 5), INTERVAL)
    if m := _SEASON.match(value):
        year = int(m[1])
        if year >= 9999 and m[2] == "WI":
            return None
        return (*_month_range(year, *_SEASONS[m[2]]), INTERVAL)
    if m := _DECADE.match(value):
        first = int(m[1]) * 10
        return date(max(first, 1), 1, 1), date(first + 9, 12, 31), INTERVAL
    if m := _CENTURY.match(value):
        first = int(m[1]) * 100
        return date(max(first, 1), 1, 1), date(first + 99, 12, 31), INTERVAL
    return None


# --- events --------------------------------------------------------------------------

def events_from_analysis(article: Article, analysis: Analysis) -> list[TimelineEvent]:
    """The timeline events of one analysed article, in text order."""
    events = []
    for timex in analysis.timexes:
        if timex.type in ("DURATION", "SET") or _DURATION_VALUE.match(timex.value):
            if article.published is None:
                continue
            start = end = article.published
            kind = DURATION
        else:
            found = value_to_range(timex.value)
            if found is None:
                continue
            start, end, kind = found
        sentence = " ".join(article.body[timex.sentence.start:timex.sentence.end].split())
        events.append(TimelineEvent(
            article_id=article.id, lane=article.title, start=start, end=end,
            label=timex.text, value=timex.value, sentence_text=sentence,
            body_start=timex.start, body_end=timex.end, kind=kind,
        ))
    return events


def entity_event_keys(article_id: int, analysis: Analysis, canonical: str) -> set[tuple[int, int]]:
    """(article_id, body_start) of the dates said in the same sentence as the entity.

    This is what TimelineWidget.set_filter takes when an entity is selected.
    """
    named = [m for m in analysis.mentions if m.canonical == canonical]
    return {(article_id, t.start) for t in analysis.timexes
            if any(t.sentence.start <= m.start and m.end <= t.sentence.end for m in named)}


# --- layout: rows and clusters (in pixels, any unit works) ---------------------------

@dataclass(frozen=True)
class Cluster:
    """Events that did not fit in the rows, shown as one count bubble."""

    x0: float
    x1: float
    members: tuple[int, ...]  # indices into the extents given to pack_rows


def pack_rows(extents: Sequence[tuple[float, float]], max_rows: int, gap: float = 2.0,
              cluster_width: float = 24.0,
              wide: Sequence[tuple[float, float]] | None = None,
              ) -> tuple[list[int], list[Cluster]]:
    """Greedy interval packing: each extent goes into the first row where it fits.

    `wide`, when given, holds a preferred larger extent for each (the same shape with
    its label): it is tried in every row first, so labels get room while rows last; if
    that leaves some out, the plain extents are packed instead.
    Returns the row of each extent (-1 when it did not fit) and the clusters the
    leftovers form. If everything fits in max_rows there are no clusters; otherwise the
    last row is kept for count bubbles, and nearby leftovers merge so that bubbles at
    least cluster_width wide never overlap each other.
    """
    rows = _first_fit(extents, wide, max_rows, gap)
    if -1 not in rows:
        return rows, []
    if wide is not None:  # labels took rows that shapes alone may not need
        rows = _first_fit(extents, None, max_rows, gap)
        if -1 not in rows:
            return rows, []
    rows = _first_fit(extents, None, max_rows - 1, gap)
    leftovers = [i for i, row in enumerate(rows) if row < 0]
    return rows, _clusters(extents, leftovers, gap, cluster_width)


def _first_fit(extents: Sequence[tuple[float, float]],
               wide: Sequence[tuple[float, float]] | None, max_rows: int,
               gap: float) -> list[int]:
    # Sorted by left edge, a row is free for an extent when its last end is left of x0;
    # max_rows is small (a lane's height), so a linear scan beats a heap here.
    order = sorted(range(len(extents)), key=lambda i: (extents[i][0], -extents[i][1]))
    ends: list[float] = []
    rows = [-1] * len(extents)
    for i in order:
        for x0, x1 in ((wide[i], extents[i]) if wide is not None else (extents[i],)):
            row = next((r for r, end in enumerate(ends) if end + gap <= x0), -1)
            if row < 0 and len(ends) < max_rows:
                row = len(ends)
                ends.append(x1)
            if row >= 0:
                ends[row] = x1
                rows[i] = row
                break
    return rows


def _clusters(extents: Sequence[tuple[float, float]], members: list[int], gap: float,
              width: float) -> list[Cluster]:
    """Merge leftovers left to right while their bubbles would touch."""
    members = sorted(members, key=lambda i: extents[i][0])
    clusters: list[Cluster] = []
    group: list[int] = []
    x0 = x1 = 0.0
    for i in members:
        a, b = extents[i]
        own_left = bubble_rect(Cluster(a, b, ()), width)[0]
        if group and own_left <= bubble_rect(Cluster(x0, x1, ()), width)[1] + gap:
            group.append(i)
            x1 = max(x1, b)
            continue
        if group:
            clusters.append(Cluster(x0, x1, tuple(group)))
        group, x0, x1 = [i], a, b
    if group:
        clusters.append(Cluster(x0, x1, tuple(group)))
    return clusters


def room_to_the_right(extents: Sequence[tuple[float, float]], rows: Sequence[int],
                      gap: float = 4.0) -> list[float]:
    """Free space after each extent in its row (up to the next one), for its label.

    Unplaced extents (row -1) get 0; the last one in a row gets infinity.
    """
    room = [0.0] * len(extents)
    by_row: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        if row >= 0:
            by_row.setdefault(row, []).append(i)
    for members in by_row.values():
        members.sort(key=lambda i: extents[i][0])
        for here, after in zip(members, [*members[1:], None], strict=True):
            end = extents[here][1]
            room[here] = float("inf") if after is None else extents[after][0] - end - gap
    return room


def bubble_rect(cluster: Cluster, width: float) -> tuple[float, float]:
    """Left and right edge of the bubble drawn for a cluster (at least `width` wide)."""
    if cluster.x1 - cluster.x0 > width:
        return cluster.x0, cluster.x1
    centre = (cluster.x0 + cluster.x1) / 2
    return centre - width / 2, centre + width / 2


def bin_counts(sorted_starts: Sequence[float], lo: float, hi: float, bins: int) -> list[int]:
    """How many of sorted_starts fall in each of `bins` equal bins over [lo, hi).

    Costs bins * log(n), so a lane of any size aggregates in constant time per frame.
    """
    if bins <= 0 or hi <= lo:
        return []
    step = (hi - lo) / bins
    edges = [bisect.bisect_left(sorted_starts, lo + k * step) for k in range(bins + 1)]
    return [edges[k + 1] - edges[k] for k in range(bins)]


# --- ticks ---------------------------------------------------------------------------

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec")
MIN_TICK_PX = 56  # room for a label such as "28 Sep" or "2023"
# (unit, step, approximate days): the finest step whose spacing >= MIN_TICK_PX wins.
_STEPS = [("day", 1, 1), ("day", 2, 2), ("week", 1, 7), ("month", 1, 30.4),
          ("month", 3, 91.3), ("month", 6, 182.6)] + [
    ("year", n, 365.25 * n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)]
_MAJOR_EVERY_YEARS = {1: 10, 2: 10, 5: 50, 10: 50, 20: 100, 50: 500, 100: 500, 200: 1000,
                      500: 5000, 1000: 5000, 2000: 10000}


def ticks(start: date, end: date, width_px: int) -> list[tuple[date, str, bool]]:
    """Ticks for the axis from start to end (inclusive) drawn over width_px pixels.

    Each tick is (date, label, major); majors mark the next coarser unit (a month start
    among days, January among months, a round decade or century among years) and are
    labelled with it ("Oct 2023", "2024"). Below a year, the first tick carries the year
    too ("Sep 2007", "3 Mar 2023"), so any view says when it is.
    """
    if end < start:
        start, end = end, start
    days = (end - start).days + 1
    px_per_day = max(width_px, 1) / days
    unit, step, _ = next((s for s in _STEPS if s[2] * px_per_day >= MIN_TICK_PX), _STEPS[-1])
    if unit == "year":
        return _year_ticks(start, end, step)
    if unit == "day":
        marks = _day_ticks(start, end, step)
    elif unit == "week":
        marks = _week_ticks(start, end)
    else:
        marks = _month_ticks(start, end, step)
    if marks and not marks[0][2]:  # the first tick says which year (and month) it is in
        day = marks[0][0]
        full = f"{_MONTHS[day.month - 1]} {day.year}"
        marks[0] = (day, full if unit == "month" else f"{day.day} {full}", False)
    return marks


def _day_ticks(start: date, end: date, step: int) -> list[tuple[date, str, bool]]:
    out = []
    day = start
    while day <= end:
        if day.day == 1:
            out.append((day, f"{_MONTHS[day.month - 1]} {day.year}", True))
        elif (day.day - 1) % step == 0 and day.day < 31 - step + 2:
            out.append((day, f"{day.day} {_MONTHS[day.month - 1]}", False))
        if day == date.max:
            break
        day += timedelta(days=1)
    return out


def _week_ticks(start: date, end: date) -> list[tuple[date, str, bool]]:
    out = []
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    previous_month = None
    while monday <= end:
        major = previous_month is not None and monday.month != previous_month
        label = f"{monday.day} {_MONTHS[monday.month - 1]}"
        if major and monday.month == 1:
            label += f" {monday.year}"
        out.append((monday, label, major))
        previous_month = monday.month
        if monday > date.max - timedelta(days=7):
            break
        monday += timedelta(days=7)
    return out


def _month_ticks(start: date, end: date, step: int) -> list[tuple[date, str, bool]]:
    out = []
    index = start.year * 12 + start.month - 1
    if start.day != 1:
        index += 1
    index += (-index) % step  # align to the step (quarters start in Jan, Apr, ...)
    while True:
        year, month = divmod(index, 12)
        if year > 9999:
            break
        day = date(year, month + 1, 1)
        if day > end:
            break
        if month == 0:
            out.append((day, str(year), True))
        else:
            out.append((day, _MONTHS[month], False))
        index += step
    return out


def _year_ticks(start: date, end: date, step: int) -> list[tuple[date, str, bool]]:
    major_every = _MAJOR_EVERY_YEARS[step]
    first = start.year if start == date(start.year, 1, 1) else start.year + 1
    first += (-first) % step
    return [(date(year, 1, 1), str(year), year % major_every == 0)
            for year in range(max(first, 1), min(end.year, 9999) + 1, step)]
