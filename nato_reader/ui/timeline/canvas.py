"""Painting the whole widget: header, lanes, axis, date lines, events and edge markers.

A mixin of TimelineWidget (see geometry.py for why); the shapes themselves are drawn by
the functions in paint.py and edges.py.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from nato_reader.ui.timeline.edges import paint_edge_markers
from nato_reader.ui.timeline.paint import (
    Colours,
    legend_width,
    paint_axis,
    paint_items,
    paint_lanes,
    paint_legend,
    paint_marker_line,
)


class CanvasMixin:
    """Needs from the widget: the geometry mixin, _all, _shown, _lanes, _reference,
    _selected, _hovered, _hovered_edge, _buttons and summary()."""

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
        paint_edge_markers(p, self.edge_markers(), c, self._marker_font(), self._hovered_edge)
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
