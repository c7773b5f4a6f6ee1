"""Events grouped into lanes and indexed by date, so a frame only looks at what it shows.

No Qt here: dates become day ordinals (floats on the axis), and each lane keeps its
events sorted by start so the visible ones are found by bisection. Long events (more
than a year) are kept apart: a century bar must not force every frame to scan the
whole lane from the far left.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from nato_reader.core.timeline import TimelineEvent

LONG_DAYS = 400  # events longer than this are scanned linearly, the rest bisected


def span_of(event: TimelineEvent) -> tuple[int, int]:
    """[first day, day after the last) as ordinals."""
    return event.start.toordinal(), event.end.toordinal() + 1


@dataclass
class Lane:
    key: int
    title: str
    events: list[TimelineEvent] = field(default_factory=list)  # short ones, sorted by start
    starts: list[int] = field(default_factory=list)
    long_events: list[TimelineEvent] = field(default_factory=list)

    def add(self, event: TimelineEvent) -> None:
        first, after = span_of(event)
        if after - first > LONG_DAYS:
            self.long_events.append(event)
        else:
            self.events.append(event)

    def finish(self) -> None:
        self.events.sort(key=lambda e: (e.start, e.end, e.body_start))
        self.starts = [e.start.toordinal() for e in self.events]

    def count_between(self, lo: float, hi: float) -> int:
        """Roughly how many short events a frame from lo to hi would show."""
        return (bisect.bisect_right(self.starts, hi)
                - bisect.bisect_left(self.starts, lo - LONG_DAYS))

    def visible(self, lo: float, hi: float) -> list[TimelineEvent]:
        """Events that overlap [lo, hi) in ordinals."""
        i0 = bisect.bisect_left(self.starts, lo - LONG_DAYS)
        i1 = bisect.bisect_right(self.starts, hi)
        shown = [e for e in self.events[i0:i1] if e.end.toordinal() + 1 > lo]
        shown += [e for e in self.long_events
                  if e.start.toordinal() <= hi and e.end.toordinal() + 1 > lo]
        return shown

    def __len__(self) -> int:
        return len(self.events) + len(self.long_events)


def build_lanes(events: list[TimelineEvent], one_per_article: bool) -> list[Lane]:
    """Lanes in the order their articles first appear in `events` (the caller's order)."""
    lanes: dict[int, Lane] = {}
    for event in events:
        key = event.article_id if one_per_article else 0
        lane = lanes.get(key)
        if lane is None:
            lane = lanes[key] = Lane(key, event.lane)
        lane.add(event)
    for lane in lanes.values():
        lane.finish()
    return list(lanes.values())


def date_range(events: list[TimelineEvent]) -> tuple[int, int] | None:
    """[first day, day after the last) over all events, as ordinals."""
    if not events:
        return None
    return (min(e.start for e in events).toordinal(),
            max(e.end for e in events).toordinal() + 1)
