"""Where the timeline's parts go: header, axis, gutter, plot, footer, lanes and scrollbar.

A mixin of TimelineWidget (widget.py), like the painting and input ones: Qt calls the
overridden event handlers on the widget's own class, so the parts share its state
rather than forwarding every call to helper objects.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from nato_reader.ui.timeline.edges import EdgeMarker, place_markers
from nato_reader.ui.timeline.layout import Frame, Item, layout
from nato_reader.ui.timeline.text import bubble_text

LIBRARY_ROWS = 3
MAX_LIBRARY_ROWS = 8


class GeometryMixin:
    """Needs from the widget: _library, _lanes, _view, _scroll_y, _vbar, _version,
    _cache, _widths and _off_view."""

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

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        return small

    def _marker_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def off_view_counts(self) -> tuple[int, int]:
        """How many shown events lie wholly left and right of the view (the numbers the
        edge markers show)."""
        width = self._plot_rect().width()
        return self._off_view.counts(self._view.t0, self._view.t0 + width * self._view.dpp)

    def edge_markers(self) -> list[EdgeMarker]:
        """The markers for events wholly left or right of the view, where they are drawn."""
        return place_markers(self._plot_rect(), self.off_view_counts(),
                             QFontMetricsF(self._marker_font()))
