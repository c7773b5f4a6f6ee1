"""The timeline: dated events of one article, or of many in lanes, on a zoomable axis.

Custom painting rather than QGraphicsView: a frame lays out only what is in view
(layout.py), aggregated into count bubbles when it is dense, so 100,000 events cost
about as much per frame as a hundred. Wheel zooms around the cursor, dragging pans,
F/Home fits all, Left/Right step through events, a click activates an event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QScrollBar, QToolButton, QToolTip, QWidget

from nato_reader.core.timeline import TimelineEvent
from nato_reader.ui.timeline.lanes import Lane, build_lanes, date_range, span_of
from nato_reader.ui.timeline.layout import Frame, Item, layout
from nato_reader.ui.timeline.paint import (
    Colours,
    legend_width,
    paint_axis,
    paint_items,
    paint_lanes,
    paint_legend,
    paint_marker_line,
)
from nato_reader.ui.timeline.text import bubble_text, cluster_tooltip, event_tooltip
from nato_reader.ui.timeline.viewport import MAX_DAY, MIN_DAY, MIN_DPP, Viewport

LIBRARY_ROWS = 3
MAX_LIBRARY_ROWS = 8
ZOOM_STEP = 1.25


class TimelineWidget(QWidget):
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
        self._lanes: list[Lane] = []
        self._keep: Callable[[TimelineEvent], bool] | None = None
        self._library = False
        self._reference: tuple[date, str] | None = None
        self._selected: TimelineEvent | None = None
        self._hovered: Item | None = None
        self._view = Viewport()
        self._scroll_y = 0.0
        self._press: tuple[QPointF, float, float] | None = None
        self._dragging = False
        self._cache: tuple[tuple, list[Item]] | None = None
        self._version = 0
        self._widths: dict[str, float] = {}
        self._buttons = [self._button("−", "Zoom out (-)", lambda: self.zoom(ZOOM_STEP ** 2)),
                         self._button("+", "Zoom in (+)", lambda: self.zoom(ZOOM_STEP ** -2)),
                         self._button("Fit", "Fit all (F, Home)", self.fit_all)]
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

    def fit_all(self) -> None:
        """Zoom and pan so every shown event is in view (lanes scroll in library mode)."""
        span = date_range(self._shown)
        if span is None:
            today = date.today().toordinal()
            span = (today - 180, today + 180)
        lo, hi = span
        width = self._plot_rect().width()
        # Room on the right for the labels of the last events.
        label_w = max((self._text_width(e.label) for e in self._sorted[-8:]), default=0.0)
        self._view.fit(lo, hi, width, 24.0, min(label_w + 24.0, width * 0.3))
        self._changed()

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

    def item_at(self, pos: QPointF) -> Item | None:
        """The event or bubble under a point (with a few pixels of slack)."""
        if not self._plot_rect().contains(pos):
            return None
        best, best_distance = None, 7.0
        for item in self.visible_items():
            rect = item.rect.adjusted(-3, -3, 3, 3)
            if rect.contains(pos):
                return item
            dx = max(rect.left() - pos.x(), 0, pos.x() - rect.right())
            dy = max(rect.top() - pos.y(), 0, pos.y() - rect.bottom())
            if dx + dy < best_distance:
                best, best_distance = item, dx + dy
        return best

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    # --- model -----------------------------------------------------------------------

    def _rebuild(self) -> None:
        keep = self._keep
        self._shown = [e for e in self._all if keep(e)] if keep else list(self._all)
        self._lanes = build_lanes(self._shown, self._library)
        lane_rank = {lane.key: i for i, lane in enumerate(self._lanes)}
        self._sorted = sorted(self._shown, key=lambda e: (
            e.start, e.end, lane_rank.get(e.article_id if self._library else 0, 0),
            e.article_id, e.body_start))
        self._order = {_key(e): i for i, e in enumerate(self._sorted)}
        self._selected = self._shown_equal(self._selected)
        self._hovered = None
        self.setAccessibleDescription(self.summary())
        self._update_scrollbar()
        self._changed()

    def _shown_equal(self, event: TimelineEvent | None) -> TimelineEvent | None:
        """The shown event equal to `event`, or None when it is filtered out or unknown."""
        index = self._order.get(_key(event)) if event is not None else None
        found = self._sorted[index] if index is not None else None
        return found if found == event else None

    def _changed(self) -> None:
        self._version += 1
        self._cache = None
        self.update()

    # --- geometry --------------------------------------------------------------------

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.font())

    def _header_h(self) -> float:
        return max(28.0, self._metrics().height() + 12)

    def _axis_h(self) -> float:
        return self._metrics().height() + 14

    def _gutter_rect(self) -> QRectF | None:
        if not self._library:
            return None
        top = self._header_h() + self._axis_h()
        width = min(220.0, max(110.0, self.width() * 0.2))
        return QRectF(0, top, width, self.height() - top)

    def _plot_rect(self) -> QRectF:
        top = self._header_h() + self._axis_h()
        gutter = self._gutter_rect()
        left = (gutter.right() if gutter is not None else 0) + 8
        right = self.width() - 8 - (self._vbar.width() if not self._vbar.isHidden() else 0)
        bottom = self.height() - self._footer_h()
        return QRectF(left, top, max(right - left, 10.0), max(bottom - top, 10.0))

    def _footer_h(self) -> float:
        """A strip under the lanes for the publication-date and today tags."""
        return self._metrics().height() + 8

    def _row_h(self) -> float:
        return max(20.0, round(self._metrics().height() + 6))

    def _frame(self) -> Frame:
        plot = self._plot_rect()
        row_h = self._row_h()
        if self._library:
            # Few lanes share the height; many get LIBRARY_ROWS each and scroll.
            share = plot.height() / max(len(self._lanes), 1) - 8
            rows = int(min(max(share // row_h, LIBRARY_ROWS), MAX_LIBRARY_ROWS))
            lane_h = rows * row_h + 8
        else:
            rows, lane_h = max(2, int((plot.height() - 8) // row_h)), plot.height()
        return Frame(plot, self._view.t0, self._view.dpp, row_h, rows, lane_h, self._scroll_y)

    def _content_h(self) -> float:
        return len(self._lanes) * self._frame().lane_h if self._library else 0.0

    def _update_scrollbar(self) -> None:
        plot_h = self.height() - self._header_h() - self._axis_h() - self._footer_h()
        overflow = max(0, int(self._content_h() - plot_h))
        self._vbar.setVisible(overflow > 0)
        self._vbar.setRange(0, overflow)
        self._vbar.setPageStep(max(1, int(plot_h)))
        self._vbar.setSingleStep(int(self._row_h()))
        self._scroll_y = float(min(self._scroll_y, overflow))
        top = int(self._header_h() + self._axis_h())
        self._vbar.setGeometry(self.width() - self._vbar.sizeHint().width(), top,
                               self._vbar.sizeHint().width(), int(plot_h))

    def _on_scrolled(self, value: int) -> None:
        self._scroll_y = float(value)
        self._changed()

    def visible_items(self) -> list[Item]:
        """What the current frame draws (events and count bubbles), laid out on demand."""
        key = (self._version, self.width(), self.height())
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, layout(self._frame(), self._lanes, self._text_width,
                                       bubble_text))
        return self._cache[1]

    def _text_width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._metrics().horizontalAdvance(text)
        return width

    # --- painting --------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        c = Colours(self.palette())
        font, small = self.font(), self._small_font()
        p.fillRect(self.rect(), c.base)
        frame = self._frame()
        header = QRectF(0, 0, self.width(), self._header_h())
        axis = QRectF(frame.plot.left(), header.bottom(), frame.plot.width(), self._axis_h())
        p.fillRect(header, c.header)
        p.fillRect(QRectF(0, frame.plot.bottom(), self.width(), self._footer_h()), c.header)
        self._paint_header(p, header, c)
        p.save()
        p.setClipRect(QRectF(0, frame.plot.top(), self.width(), frame.plot.height()))
        paint_lanes(p, frame, self._lanes, self._gutter_rect(), c, font)
        p.restore()
        p.save()
        p.setClipRect(QRectF(frame.plot.left(), axis.top(), frame.plot.width(),
                             self.height() - axis.top()))
        paint_axis(p, frame, axis, c, font)
        today = date.today()
        if self._reference is not None:
            paint_marker_line(p, frame, self._reference[0], self._reference[1], c, axis, False)
        if self._reference is None or self._reference[0] != today:
            paint_marker_line(p, frame, today, "today", c, axis, True)
        p.setClipRect(frame.plot)
        paint_items(p, self.visible_items(), c, font, small, self._selected, self._hovered)
        p.restore()
        if self.hasFocus():
            p.setPen(QPen(c.accent, 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        if not self._shown:
            p.setPen(c.dim_text)
            p.drawText(frame.plot, Qt.AlignmentFlag.AlignCenter,
                       "No dates match the filter" if self._all else "No dates to show")
        p.end()

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        return small

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

    def _paint_header(self, p: QPainter, header: QRectF, c: Colours) -> None:
        text = self.summary()
        buttons_left = min((b.x() for b in self._buttons), default=self.width()) - 12
        small = self._small_font()
        if buttons_left - legend_width(QFontMetricsF(small)) > 300:
            paint_legend(p, buttons_left, header.center().y(), c, small)
            buttons_left -= legend_width(QFontMetricsF(small)) + 12
        p.setPen(c.text)
        p.setFont(self.font())
        box = header.adjusted(10, 0, -(self.width() - buttons_left), 0)
        p.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   self._metrics().elidedText(text, Qt.TextElideMode.ElideRight, box.width()))

    # --- interaction -----------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        x, h = self.width() - 6, int(self._header_h()) - 6
        for button in reversed(self._buttons):
            width = max(h, button.sizeHint().width())
            x -= width
            button.setGeometry(x, 3, width, h)
            x -= 2
        self._update_scrollbar()
        if self._view.fitted:
            self.fit_all()
        else:
            self._view.clamp(self._plot_rect().width())
            self._changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._widths.clear()
            self._update_scrollbar()
            self._changed()
        super().changeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if delta.x():
            self.pan_days(-delta.x() / 120 * 60 * self._view.dpp)
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier and not self._vbar.isHidden():
            self._vbar.setValue(self._vbar.value() - int(delta.y() / 120 * self._row_h() * 3))
        elif delta.y():
            self.zoom(ZOOM_STEP ** (-delta.y() / 120), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = (event.position(), self._view.t0, self._scroll_y)
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, t0, scroll = self._press
            moved = pos - start
            if (not self._dragging and moved.manhattanLength()
                    >= QApplication.startDragDistance()):
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self._view.pan(t0 - moved.x() * self._view.dpp - self._view.t0,
                               self._plot_rect().width())
                if not self._vbar.isHidden():
                    self._vbar.setValue(int(scroll - moved.y()))
                self._changed()
            return
        self._set_hovered(self.item_at(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        was_drag, self._press, self._dragging = self._dragging, None, False
        self.unsetCursor()
        if was_drag:
            return
        item = self.item_at(event.position())
        if item is None:
            return
        if item.is_cluster:
            self._zoom_to(*item.span)
        else:
            self._activate(item.event)

    def leaveEvent(self, event) -> None:
        self._set_hovered(None)
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            item = self.item_at(QPointF(event.pos()))
            if item is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(item), self,
                                  item.rect.toAlignedRect())
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_F, Qt.Key.Key_Home):
            self.fit_all()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self._step(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self._activate(self._selected)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(ZOOM_STEP)
        else:
            super().keyPressEvent(event)

    def _set_hovered(self, item: Item | None) -> None:
        old = self._hovered
        same = (old is item or (old is not None and item is not None and old.event == item.event
                                and old.span == item.span and old.lane == item.lane))
        if same:
            return
        self._hovered = item
        if (old.event if old else None) != (item.event if item else None):
            self.event_hovered.emit(item.event if item is not None else None)
        self.update()

    def _activate(self, event: TimelineEvent) -> None:
        self._selected = event
        self.update()
        self.event_activated.emit(event.article_id, event.body_start, event.body_end)

    def _step(self, direction: int) -> None:
        if not self._sorted:
            return
        if self._selected is None:
            index = 0 if direction > 0 else len(self._sorted) - 1
        else:
            index = self._order[_key(self._selected)] + direction
            if not 0 <= index < len(self._sorted):
                return
        event = self._sorted[index]
        self._ensure_visible(event)
        self._activate(event)

    def _ensure_visible(self, event: TimelineEvent) -> None:
        """Pan (and zoom in while it is hidden in a bubble) until the event shows."""
        plot = self._plot_rect()
        first, after = span_of(event)
        centre = (first + after) / 2
        if not self._view.contains(centre, plot.width()):
            self._view.centre_on(centre, plot.width())
        if self._library:
            lane = next(i for i, ln in enumerate(self._lanes) if ln.key == event.article_id)
            frame = self._frame()
            top = lane * frame.lane_h
            if not self._scroll_y <= top <= self._scroll_y + plot.height() - frame.lane_h:
                self._vbar.setValue(int(top))
        self._changed()
        for _ in range(40):
            if not self.event_rect(event).isNull() or self._view.dpp <= MIN_DPP:
                break
            self._view.dpp /= 1.6
            self._view.centre_on(centre, plot.width())
            self._changed()

    def _zoom_to(self, first: float, after: float) -> None:
        self._view.show(first, after, self._plot_rect().width())
        self._changed()

    def _tooltip(self, item: Item) -> str:
        if not item.is_cluster:
            return event_tooltip(item.event, with_lane=self._library)
        first = date.fromordinal(int(max(MIN_DAY, item.span[0])))
        last = date.fromordinal(int(min(MAX_DAY - 1, max(item.span[1] - 1, MIN_DAY))))
        return cluster_tooltip(item.count, first, last)


def _key(event: TimelineEvent) -> tuple[int, int]:
    return event.article_id, event.body_start


__all__ = ["TimelineWidget"]
