"""Which dates the timeline shows: the left edge and the scale, kept inside the calendar.

No Qt: positions are pixels from the plot's left edge, dates are day ordinals, so the
zoom and pan arithmetic is plain and the widget only forwards its plot width.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MIN_DAY = 1  # date.min
MAX_DAY = date.max.toordinal() + 1  # the day after date.max
MIN_DPP = 1 / 240  # most zoomed in: a day is 240 px


@dataclass
class Viewport:
    t0: float = float(date.today().toordinal() - 365)  # ordinal at the plot's left edge
    dpp: float = 2.0  # days per pixel
    fitted: bool = True  # still as fit_all left it: a resize fits again

    def clamp(self, width: float) -> None:
        """Keep the scale and the range within date.min .. date.max."""
        width = max(width, 1.0)
        self.dpp = min(max(self.dpp, MIN_DPP), (MAX_DAY - MIN_DAY) / width)
        self.t0 = min(max(self.t0, MIN_DAY), MAX_DAY - width * self.dpp)

    def date_at(self, x: float) -> float:
        return self.t0 + x * self.dpp

    def fit(self, lo: float, hi: float, width: float, margin_left: float,
            margin_right: float) -> None:
        """Show [lo, hi) with some pixels to spare on each side."""
        if hi - lo < 14:  # a single day: show the fortnight around it
            mid = (lo + hi) / 2
            lo, hi = mid - 7, mid + 7
        usable = max(width - margin_left - margin_right, 40.0)
        self.dpp = (hi - lo) / usable
        self.t0 = lo - margin_left * self.dpp
        self.clamp(width)
        self.fitted = True

    def zoom(self, factor: float, anchor: float, width: float) -> None:
        """Scale days per pixel by factor, keeping the date at pixel `anchor` still."""
        t = self.date_at(anchor)
        self.dpp *= factor
        self.clamp(width)
        self.t0 = t - anchor * self.dpp
        self.clamp(width)
        self.fitted = False

    def pan(self, days: float, width: float) -> None:
        self.t0 += days
        self.clamp(width)
        self.fitted = False

    def show(self, first: float, after: float, width: float, padding: float = 0.15) -> None:
        """Zoom to [first, after) with `padding` of its length on each side."""
        span = max(after - first, 1.0)
        pad = span * padding + 1
        self.dpp = (span + 2 * pad) / max(width, 1.0)
        self.t0 = first - pad
        self.clamp(width)
        self.fitted = False

    def centre_on(self, ordinal: float, width: float) -> None:
        self.t0 = ordinal - width / 2 * self.dpp
        self.clamp(width)
        self.fitted = False

    def contains(self, ordinal: float, width: float) -> bool:
        return self.t0 <= ordinal <= self.t0 + width * self.dpp

    def visible_range(self, width: float) -> tuple[date, date]:
        """The first and last day in view."""
        first = int(max(MIN_DAY, min(self.t0, MAX_DAY - 1)))
        last = int(max(MIN_DAY, min(self.t0 + width * self.dpp, MAX_DAY - 1)))
        return date.fromordinal(first), date.fromordinal(last)
