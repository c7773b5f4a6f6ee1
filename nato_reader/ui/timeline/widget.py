"""The timeline: dated events of one article, or of many in lanes, on a zoomable axis.

Custom painting rather than QGraphicsView: a frame lays out only what is in view
(layout.py), aggregated into count bubbles when it is dense, so 100,000 events cost
about as much per frame as a hundred. This module holds the state and the public API;
geometry.py places the parts, canvas.py paints them, interaction.py handles input.

Fit shows the dense core of the events (fit.py), not the span stretched by an outlying
date; edge markers ("◀ 2", "3 ▶") count the events beyond each border and bring them
into view when clicked. fit_all(include_outliers=True) shows every event; the Fit
button, F and Home do the core fit and, pressed again while it is showing and leaves
events out, the fit of everything (cycle_fit), so a keyboard user reaches both.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QScrollBar, QToolButton, QWidget

from nato_reader.core.timeline import TimelineEvent
from nato_reader.ui.timeline.canvas import CanvasMixin
from nato_reader.ui.timeline.edges import LEFT, edge_room
from nato_reader.ui.timeline.fit import OffView, core_range, full_range
from nato_reader.ui.timeline.geometry import GeometryMixin
from nato_reader.ui.timeline.interaction import ZOOM_STEP, InteractionMixin, event_key
from nato_reader.ui.timeline.lanes import Lane, build_lanes, span_of
from nato_reader.ui.timeline.layout import Item
from nato_reader.ui.timeline.viewport import Viewport

FIT_MARGIN = 24.0  # px left free beside the fitted range


class TimelineWidget(InteractionMixin, CanvasMixin, GeometryMixin, QWidget):
    """See the module docstring. Signals: event_activated(article_id, body_start,
    body_end) on click, Enter or keyboard step; event_hovered(TimelineEvent | None)."""

    event_activated = Signal(int, int, int)
    event_hovered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._all: list[TimelineEvent] = []
        self._shown: list[TimelineEvent] = []
        self._order: dict[tuple[int, int], int] = {}  # (article_id, body_start) -> index
        self._sorted: list[TimelineEvent] = []
        self._starts: list[int] = []  # first day of each sorted event, for bisection
        self._lanes: list[Lane] = []
        self._off_view = OffView([])
        self._core: tuple[int, int] | None = None  # what a fit shows, outliers left out
        self._everything: tuple[int, int] | None = None
        self._fit_everything = False  # the last fit included the outliers
        self._keep: Callable[[TimelineEvent], bool] | None = None
        self._library = False
        self._reference: tuple[date, str] | None = None
        self._selected: TimelineEvent | None = None
        self._hovered: Item | None = None
        self._hovered_edge = 0  # the side of the edge marker under the pointer, or 0
        self._view = Viewport()
        self._scroll_y = 0.0
        self._press: tuple[QPointF, float, float] | None = None
        self._dragging = False
        self._cache: tuple[tuple, list[Item]] | None = None
        self._version = 0
        self._widths: dict[str, float] = {}
        self._buttons = [
            self._button("−", "Zoom out (-)", lambda: self.zoom(ZOOM_STEP ** 2)),
            self._button("+", "Zoom in (+)", lambda: self.zoom(ZOOM_STEP ** -2)),
            self._button("Fit", "Fit the dates (F, Home); again: every date, outliers too",
                         self.cycle_fit)]
        self._vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._vbar.setAccessibleName("Scroll timeline lanes")
        self._vbar.valueChanged.connect(self._on_scrolled)
        self._vbar.hide()

    # --- public API ------------------------------------------------------------------

    def set_events(self, events: Iterable[TimelineEvent]) -> None:
        self._all = list(events)
        self._rebuild()
        self.fit_all()

    def set_filter(self, keep: Callable[[TimelineEvent], bool] | set | frozenset) -> None:
        """Show only some events: a predicate, or a set of (article_id, body_start)."""
        if callable(keep):
            self._keep = keep
        else:
            wanted = set(keep)
            self._keep = lambda e: (e.article_id, e.body_start) in wanted
        self._rebuild()
        self.fit_all()

    def clear_filter(self) -> None:
        self._keep = None
        self._rebuild()
        self.fit_all()

    def set_library_mode(self, on: bool) -> None:
        """One lane per article, titled in a gutter (True), or one unlabelled lane."""
        if on != self._library:
            self._library = on
            self._scroll_y = 0.0
            self._rebuild()

    def library_mode(self) -> bool:
        return self._library

    def set_reference_date(self, day: date | None, text: str = "published") -> None:
        """Mark a date on the axis (the article's publication date)."""
        self._reference = (day, text) if day is not None else None
        self.update()

    def selected_event(self) -> TimelineEvent | None:
        return self._selected

    def select_event(self, event: TimelineEvent | None) -> None:
        """Select (and bring into view) an event without emitting event_activated."""
        self._selected = self._shown_equal(event)
        if self._selected is not None:
            self._ensure_visible(self._selected)
        self.update()

    def shown_events(self) -> list[TimelineEvent]:
        """The events that pass the filter, in time order."""
        return list(self._sorted)

    def fit_all(self, include_outliers: bool = False) -> None:
        """Zoom and pan to the shown events (lanes scroll in library mode): their dense
        core, or with include_outliers every one of them. Always the same view for the
        same events, so callers may compare it with the current one."""
        span = self._everything if include_outliers else self._core
        if span is None:
            today = date.today().toordinal()
            span = (today - 180, today + 180)
        self._fit_range(*span)
        self._view.fitted = True
        self._fit_everything = include_outliers
        self._changed()

    def has_outliers(self) -> bool:
        """Whether the plain fit leaves some shown events out of view."""
        return self._core != self._everything

    def cycle_fit(self) -> None:
        """The Fit button, F and Home: fit the core; when that fit is already showing and
        leaves events out, fit everything; when everything is showing, the core again."""
        again = self._view.fitted and not self._fit_everything
        self.fit_all(include_outliers=again and self.has_outliers())

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Multiply the days per pixel by factor, keeping the date under anchor_x still."""
        plot = self._plot_rect()
        x = plot.center().x() if anchor_x is None else anchor_x
        self._view.zoom(factor, x - plot.left(), plot.width())
        self._changed()

    def pan_days(self, days: float) -> None:
        self._view.pan(days, self._plot_rect().width())
        self._changed()

    def visible_range(self) -> tuple[date, date]:
        """The first and last day in view."""
        return self._view.visible_range(self._plot_rect().width())

    def event_rect(self, event: TimelineEvent) -> QRectF:
        """Where an event is drawn, in widget coordinates; null when it is not drawn on
        its own (filtered out, out of view, or inside a count bubble)."""
        for item in self.visible_items():
            if item.event == event:
                return QRectF(item.rect)
        return QRectF()

    def summary(self) -> str:
        """One line on what is shown, for the header and the accessible description."""
        total, shown = len(self._all), len(self._shown)
        text = f"{shown} date{'s' if shown != 1 else ''}"
        if shown != total:
            text = f"{shown} of {total} dates (filtered)"
        if self._library and self._lanes:
            n = len(self._lanes)
            text += f" in {n} article{'s' if n != 1 else ''}"
        elif self._shown:
            text += f" · {self._shown[0].lane}"
        return text

    # --- fitting ---------------------------------------------------------------------

    def _fit_range(self, lo: float, hi: float) -> None:
        """Show [lo, hi) with room on each side for an edge marker and on the right for
        the labels of the last events."""
        width = self._plot_rect().width()
        fm = QFontMetricsF(self._marker_font())
        left_out, right_out = self._off_view.counts(lo, hi)
        end = bisect.bisect_left(self._starts, hi)
        label_w = max((self._text_width(e.label) for e in self._sorted[max(0, end - 8):end]),
                      default=0.0)
        self._view.fit(lo, hi, width, FIT_MARGIN + edge_room(fm, left_out),
                       min(label_w + FIT_MARGIN, width * 0.3) + edge_room(fm, right_out))

    def _show_beyond(self, side: int) -> None:
        """An edge marker's click: widen the view to the events beyond that border,
        keeping the events in view, with room for their labels and the other marker."""
        width = self._plot_rect().width()
        t0, t1 = self._view.t0, self._view.t0 + width * self._view.dpp
        if side == LEFT:
            shown = self._sorted[:bisect.bisect_left(self._starts, t1)]
            hi = min(t1, max((span_of(e)[1] for e in shown), default=t1))
            self._fit_range(self._off_view.first() or t0, hi)
        else:
            # Sorted by start: the first event still ending in view starts the range.
            lo = max(t0, next((span_of(e)[0] for e in self._sorted if span_of(e)[1] > t0),
                              t0))
            self._fit_range(lo, self._off_view.after() or t1)
        self._view.fitted = False  # the user's view now: a resize keeps it
        self._changed()

    # --- model -----------------------------------------------------------------------

    def _rebuild(self) -> None:
        keep = self._keep
        self._shown = [e for e in self._all if keep(e)] if keep else list(self._all)
        self._lanes = build_lanes(self._shown, self._library)
        lane_rank = {lane.key: i for i, lane in enumerate(self._lanes)}
        self._sorted = sorted(self._shown, key=lambda e: (
            e.start, e.end, lane_rank.get(e.article_id if self._library else 0, 0),
            e.article_id, e.body_start))
        self._starts = [e.start.toordinal() for e in self._sorted]
        self._order = {event_key(e): i for i, e in enumerate(self._sorted)}
        spans = [span_of(e) for e in self._sorted]
        self._off_view = OffView(spans)
        self._core, self._everything = core_range(spans), full_range(spans)
        self._selected = self._shown_equal(self._selected)
        self._hovered = None
        self.setAccessibleDescription(self.summary())
        self._update_scrollbar()
        self._changed()

    def _shown_equal(self, event: TimelineEvent | None) -> TimelineEvent | None:
        """The shown event equal to `event`, or None when it is filtered out or unknown."""
        index = self._order.get(event_key(event)) if event is not None else None
        found = self._sorted[index] if index is not None else None
        return found if found == event else None

    def _changed(self) -> None:
        self._version += 1
        self._cache = None
        self.update()

    def _on_scrolled(self, value: int) -> None:
        self._scroll_y = float(value)
        self._changed()

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button


__all__ = ["TimelineWidget"]
