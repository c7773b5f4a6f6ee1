"""Edge markers: "◀ 2" on the plot's left border, "3 ▶" on its right, for the events
out of view on that side (the outliers a fit leaves out, or what a zoom hides).

They sit at mid-height of the plot, where a fit leaves room for them (edge_room), so in
a fitted view they cover no event; a click brings their events into view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from nato_reader.ui.timeline.paint import Colours, mix
from nato_reader.ui.timeline.text import bubble_text, format_day

LEFT, RIGHT = -1, 1
INSET = 3.0  # px between a marker and the plot's border


@dataclass(frozen=True)
class EdgeMarker:
    side: int  # LEFT or RIGHT
    count: int  # events wholly beyond that border
    rect: QRectF

    @property
    def text(self) -> str:
        return marker_text(self.side, self.count)


def marker_text(side: int, count: int) -> str:
    return f"◀ {bubble_text(count)}" if side == LEFT else f"{bubble_text(count)} ▶"


def _size(fm: QFontMetricsF, text: str) -> tuple[float, float]:
    return fm.horizontalAdvance(text) + 14, fm.height() + 6


def edge_room(fm: QFontMetricsF, count: int) -> float:
    """Pixels a fit keeps free at a border whose marker shows `count`."""
    return _size(fm, marker_text(LEFT, count))[0] + 2 * INSET if count else 0.0


def place_markers(plot: QRectF, counts: tuple[int, int], fm: QFontMetricsF
                 ) -> list[EdgeMarker]:
    """A marker for each side with events beyond it, in widget coordinates."""
    markers = []
    for side, count in zip((LEFT, RIGHT), counts, strict=True):
        if not count:
            continue
        width, height = _size(fm, marker_text(side, count))
        x = plot.left() + INSET if side == LEFT else plot.right() - INSET - width
        markers.append(EdgeMarker(side, count, QRectF(x, plot.center().y() - height / 2,
                                                      width, height)))
    return markers


def marker_at(markers: list[EdgeMarker], pos: QPointF) -> EdgeMarker | None:
    return next((m for m in markers if m.rect.adjusted(-2, -2, 2, 2).contains(pos)), None)


def paint_edge_markers(p: QPainter, markers: list[EdgeMarker], c: Colours, font: QFont,
                       hovered: int) -> None:
    """Pills in the accent's outline, opaque so they read over grid lines and bars."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    for marker in markers:
        lit = marker.side == hovered
        p.setPen(QPen(c.accent, 1.5 if lit else 1.2))
        p.setBrush(mix(c.base, c.accent, 0.3 if lit else 0.12))
        radius = marker.rect.height() / 2
        p.drawRoundedRect(marker.rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        p.setPen(c.text)
        p.drawText(marker.rect, Qt.AlignmentFlag.AlignCenter, marker.text)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def marker_tooltip(marker: EdgeMarker, furthest: date) -> str:
    """`furthest`: the first day of the earliest event (left) or the last of the latest."""
    n = marker.count
    where = "before" if marker.side == LEFT else "after"
    reach = "from" if marker.side == LEFT else "until"
    return (f"<b>{n} date{'s' if n != 1 else ''}</b> {where} this view "
            f"({reach} {format_day(furthest)})<br><i>Click to show "
            f"{'them' if n != 1 else 'it'}; F twice fits every date</i>")
