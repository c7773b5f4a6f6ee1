"""Input for the timeline: hit testing, mouse, wheel, keys, hover and tooltips.

A mixin of TimelineWidget (see geometry.py for why). Wheel zooms around the cursor,
dragging pans, F/Home fit (pressed again: every date, see cycle_fit), Left/Right step
through events, a click activates an event, zooms into a bubble or, on an edge marker,
brings the events beyond that border into view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from nato_reader.core.timeline import TimelineEvent
from nato_reader.ui.timeline.edges import LEFT, EdgeMarker, marker_at, marker_tooltip
from nato_reader.ui.timeline.lanes import span_of
from nato_reader.ui.timeline.layout import Item
from nato_reader.ui.timeline.text import cluster_tooltip, event_tooltip
from nato_reader.ui.timeline.viewport import MAX_DAY, MIN_DAY, MIN_DPP

ZOOM_STEP = 1.25


def event_key(event: TimelineEvent) -> tuple[int, int]:
    return event.article_id, event.body_start


class InteractionMixin:
    """Needs from the widget: the geometry mixin, its public API (zoom, pan_days,
    fit_all, cycle_fit, event_rect), _view, _vbar, _press, _dragging, _hovered,
    _hovered_edge, _selected, _sorted, _order, _lanes, _library, _scroll_y, _off_view,
    _show_beyond() and the event_activated and event_hovered signals."""

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

    def _edge_at(self, pos: QPointF) -> EdgeMarker | None:
        return marker_at(self.edge_markers(), pos)

    # --- Qt event handlers -----------------------------------------------------------

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
            self.fit_all(self._fit_everything)
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
        marker = self._edge_at(pos)
        self._set_hovered_edge(marker.side if marker is not None else 0)
        self._set_hovered(None if marker is not None else self.item_at(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        was_drag, self._press, self._dragging = self._dragging, None, False
        self.unsetCursor()
        if was_drag:
            return
        marker = self._edge_at(event.position())
        if marker is not None:
            self._show_beyond(marker.side)
            self._set_hovered_edge(0)
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
        self._set_hovered_edge(0)
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = QPointF(event.pos())
            marker = self._edge_at(pos)
            item = self.item_at(pos) if marker is None else None
            if marker is not None:
                QToolTip.showText(event.globalPos(), self._marker_tooltip(marker), self,
                                  marker.rect.toAlignedRect())
            elif item is not None:
                QToolTip.showText(event.globalPos(), self._tooltip(item), self,
                                  item.rect.toAlignedRect())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_F, Qt.Key.Key_Home):
            self.cycle_fit()
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

    # --- what the handlers do --------------------------------------------------------

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

    def _set_hovered_edge(self, side: int) -> None:
        if side != self._hovered_edge:
            self._hovered_edge = side
            if side:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()
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
            index = self._order[event_key(self._selected)] + direction
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

    def _marker_tooltip(self, marker: EdgeMarker) -> str:
        day = self._off_view.first() if marker.side == LEFT else self._off_view.after() - 1
        return marker_tooltip(marker, date.fromordinal(day))
