"""Which dates "Fit" shows: the dense core of the events, not their outliers.

An article of 2022 that once mentions 2010 (or a stray "1949") should not be fitted to
twelve years, with its own events crushed into a few pixels. The core is found in two
steps, on day ordinals (no Qt):

1. Quantile: the shortest run of events, in time order, that holds at least
   1 - OUTLIER_SHARE of them (the "shorth"). Outliers are a small minority by definition,
   so a fit never leaves out more than 15% of the events (an article of twenty dates
   may mention three far-off years), and with fewer than MIN_EVENTS it leaves out none:
   then one date is an eighth or more of the story, and few labels crowd no view.
2. Gap: the events left out are let back in, nearest first, while the range stays
   within STRETCH times the core's own span. Only an event beyond a gap so wide that
   showing it would squeeze the core into less than a third of the plot stays out;
   evenly spread events all come back, so their fit is the plain fit of everything.

Events outside the fitted view are not lost: OffView counts them on each side for the
edge markers, and fit_all(include_outliers=True) shows everything.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

OUTLIER_SHARE = 0.15  # at most this share of the events may be left out of a fit
MIN_EVENTS = 8  # fewer events are all fitted
STRETCH = 3.0  # an outlier must widen the core's range more than this factor
MIN_SPAN = 14  # days: the fit never shows less (Viewport.fit), so spans below it are equal

Span = tuple[int, int]  # [first day, day after the last) as ordinals


def full_range(spans: Sequence[Span]) -> Span | None:
    if not spans:
        return None
    return min(first for first, _ in spans), max(after for _, after in spans)


def core_range(spans: Sequence[Span]) -> Span | None:
    """The range a fit shows: every event but isolated outliers (see the module)."""
    budget = int(len(spans) * OUTLIER_SHARE) if len(spans) >= MIN_EVENTS else 0
    if budget == 0:
        return full_range(spans)
    ordered = sorted(spans, key=lambda s: s[0] + s[1])  # by centre
    centres = [first + after for first, after in ordered]  # doubled: integers
    keep = len(ordered) - budget
    start = min(range(budget + 1), key=lambda i: centres[i + keep - 1] - centres[i])
    lo, hi = full_range(ordered[start:start + keep])
    limit = STRETCH * max(hi - lo, MIN_SPAN)
    i, j = start - 1, start + keep  # the next outside event on each side, nearest first
    while i >= 0 or j < len(ordered):
        options = [(max(hi, ordered[k][1]) - min(lo, ordered[k][0]), k)
                   for k in (i, j) if 0 <= k < len(ordered)]
        width, k = min(options)
        if width > limit:
            break
        lo, hi = min(lo, ordered[k][0]), max(hi, ordered[k][1])
        i, j = (i - 1, j) if k == i else (i, j + 1)
    return lo, hi


class OffView:
    """How many events lie wholly left or right of a range, by bisection: the edge
    markers ask on every frame, and a library may hold 100,000 events."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self._firsts = sorted(first for first, _ in spans)
        self._afters = sorted(after for _, after in spans)

    def counts(self, lo: float, hi: float) -> tuple[int, int]:
        """(events ending at or before lo, events starting at or after hi)."""
        return (bisect.bisect_right(self._afters, lo),
                len(self._firsts) - bisect.bisect_left(self._firsts, hi))

    def first(self) -> int | None:
        return self._firsts[0] if self._firsts else None

    def after(self) -> int | None:
        return self._afters[-1] if self._afters else None
