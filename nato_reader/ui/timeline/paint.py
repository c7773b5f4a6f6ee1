"""Painting a laid-out frame with the widget's palette (legible in light and dark themes).

Colours are derived from QPalette roles only: Base for the page, AlternateBase for
every other lane, Highlight for events, Text for labels and the axis; the
publication-date and today markers are amber, as light or dark as the theme needs.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from nato_reader.core.timeline import DURATION, INTERVAL, TimelineEvent, ticks
from nato_reader.ui.timeline.lanes import Lane
from nato_reader.ui.timeline.layout import Frame, Item
from nato_reader.ui.timeline.viewport import MAX_DAY, MIN_DAY


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a*(1-t) + b*t."""
    return QColor.fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                           a.greenF() * (1 - t) + b.greenF() * t,
                           a.blueF() * (1 - t) + b.blueF() * t)


class Colours:
    """The few colours a frame needs, computed once per palette."""

    def __init__(self, palette: QPalette) -> None:
        self.base = palette.color(QPalette.ColorRole.Base)
        self.alt = mix(self.base, palette.color(QPalette.ColorRole.AlternateBase), 0.7)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.dim_text = mix(self.text, self.base, 0.4)
        self.accent = palette.color(QPalette.ColorRole.Highlight)
        self.accent_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.bar = mix(self.accent, self.base, 0.55)
        self.grid = mix(self.text, self.base, 0.88)
        self.grid_major = mix(self.text, self.base, 0.7)
        self.bubble = mix(self.text, self.base, 0.78)
        # An amber that reads on either page: its lightness follows the theme.
        dark = self.base.lightness() < 128
        self.marker = QColor.fromHsl(30, 200, 175 if dark else 105)
        self.header = mix(self.base, self.text, 0.05)


def paint_axis(p: QPainter, frame: Frame, axis: QRectF, c: Colours, font: QFont) -> None:
    """Ticks from core.timeline.ticks, with grid lines down through the lanes."""
    lo = max(MIN_DAY, int(frame.t(frame.plot.left())))
    hi = min(MAX_DAY - 1, int(frame.t(frame.plot.right())) + 1)
    if hi <= lo:
        return
    marks = ticks(date.fromordinal(lo), date.fromordinal(hi), int(frame.plot.width()))
    bold = QFont(font)
    bold.setBold(True)
    fm = QFontMetricsF(font)
    bottom = frame.plot.bottom()
    last_right = -1e9
    p.setPen(QPen(c.grid_major, 1))
    y = axis.bottom() - 0.5
    p.drawLine(QPointF(axis.left(), y), QPointF(axis.right(), y))
    for day, label, major in marks:
        x = round(frame.x(day.toordinal())) + 0.5
        if x < frame.plot.left() - 1 or x > frame.plot.right():
            continue
        p.setPen(QPen(c.grid_major if major else c.grid, 1))
        p.drawLine(QPointF(x, axis.bottom() - (10 if major else 5)), QPointF(x, bottom))
        p.setFont(bold if major else font)
        width = QFontMetricsF(p.font()).horizontalAdvance(label)
        if x + 3 <= last_right or x + 3 + width > axis.right():
            continue
        p.setPen(c.text if major else c.dim_text)
        p.drawText(QRectF(x + 3, axis.top(), width + 2, axis.height() - 4),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, label)
        last_right = x + 3 + width + fm.averageCharWidth()
    p.setFont(font)


def paint_lanes(p: QPainter, frame: Frame, lanes: list[Lane], gutter: QRectF | None,
                c: Colours, font: QFont) -> None:
    """Alternating lane backgrounds; lane titles in the gutter (library mode)."""
    fm = QFontMetricsF(font)
    for index in frame.visible_lanes(len(lanes)):
        top = frame.lane_top(index)
        if index % 2:
            left = gutter.left() if gutter is not None else frame.plot.left()
            p.fillRect(QRectF(left, top, frame.plot.right() - left, frame.lane_h), c.alt)
        if gutter is not None:
            lines = wrap(lanes[index].title, fm, gutter.width() - 16,
                         max(1, int((frame.lane_h - 6) // fm.lineSpacing())))
            p.setPen(c.text)
            p.drawText(QRectF(gutter.left() + 8, top + 3, gutter.width() - 16, frame.lane_h - 6),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       "\n".join(lines))
    if gutter is not None:
        p.setPen(QPen(c.grid_major, 1))
        x = gutter.right() - 0.5
        p.drawLine(QPointF(x, gutter.top()), QPointF(x, gutter.bottom()))


def wrap(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Word-wrap text into at most max_lines lines, the last one elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words or (lines and fm.horizontalAdvance(lines[-1]) > width):
        rest = " ".join([lines[-1], *words])
        lines[-1] = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


def paint_marker_line(p: QPainter, frame: Frame, day: date, text: str, c: Colours,
                      axis: QRectF, dotted: bool) -> None:
    """A vertical line for the publication date or today, labelled in the axis."""
    x = frame.x(day.toordinal() + 0.5)
    if not frame.plot.left() <= x <= frame.plot.right():
        return
    pen = QPen(c.marker, 1.5, Qt.PenStyle.DotLine if dotted else Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.drawLine(QPointF(x, axis.bottom() - 4), QPointF(x, frame.plot.bottom() + 3))
    fm = QFontMetricsF(p.font())
    width = fm.horizontalAdvance(text) + 8
    # The tag sits in the footer strip under the lanes, where it hides no event.
    box = QRectF(x - width / 2, frame.plot.bottom() + 3, width, fm.height() + 2)
    box.moveLeft(min(max(box.left(), frame.plot.left()), frame.plot.right() - width))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(c.marker)
    p.drawRoundedRect(box, 3, 3)
    p.setPen(c.base)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def paint_items(p: QPainter, items: list[Item], c: Colours, font: QFont, small: QFont,
                selected: TimelineEvent | None, hovered: Item | None) -> None:
    """Bars, markers, hollow durations, labels and count bubbles."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    italic = QFont(font)
    italic.setItalic(True)
    densest = max((item.count for item in items if item.is_cluster), default=1)
    for item in items:
        if item.is_cluster:
            _paint_bubble(p, item, c, small, hovered, item.count / densest)
            continue
        event = item.event
        is_selected = event == selected
        is_hovered = hovered is not None and hovered.event == event
        outline = QPen(c.text if is_selected else c.accent, 2.0 if is_selected else 1.2)
        rect = item.rect
        if event.kind == INTERVAL:
            p.setPen(outline)
            p.setBrush(mix(c.bar, c.accent, 0.35) if is_hovered else c.bar)
            p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        elif event.kind == DURATION:
            outline.setStyle(Qt.PenStyle.DashLine if not is_selected else Qt.PenStyle.SolidLine)
            p.setPen(outline)
            p.setBrush(c.bar if is_hovered else c.base)
            p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), rect.height() / 2, rect.height() / 2)
        else:
            p.setPen(QPen(c.text, 2.0) if is_selected else QPen(c.base, 1.0))
            p.setBrush(mix(c.accent, c.text, 0.3) if is_hovered else c.accent)
            p.drawEllipse(rect)
        if is_hovered:  # a halo: the shape under the pointer is the one a click opens
            p.setPen(QPen(c.accent, 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            radius = rect.height() / 2 + 3
            p.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), radius, radius)
        if item.label and item.label_rect is not None:
            p.setFont(italic if event.kind == DURATION else font)
            p.setPen(c.dim_text if event.kind == DURATION else c.text)
            p.drawText(item.label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       item.label)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _paint_bubble(p: QPainter, item: Item, c: Colours, small: QFont, hovered: Item | None,
                  density: float) -> None:
    """A count bubble, tinted towards the accent as it holds more events."""
    p.setPen(QPen(c.grid_major, 1))
    is_hovered = (hovered is not None and hovered.is_cluster and hovered.lane == item.lane
                  and hovered.span == item.span)
    tint = 0.6 if is_hovered else 0.08 + 0.4 * density
    p.setBrush(mix(c.bubble, c.accent, tint))
    r = item.rect.height() / 2
    p.drawRoundedRect(item.rect, r, r)
    p.setFont(small)
    p.setPen(c.text)
    p.drawText(item.rect, Qt.AlignmentFlag.AlignCenter, item.label)


LEGEND = (("point", "day"), ("interval", "period"), ("duration", "duration, at publication"))


def legend_width(fm: QFontMetricsF) -> float:
    return sum(24 + fm.horizontalAdvance(text) + 14 for _, text in LEGEND)


def paint_legend(p: QPainter, right: float, centre_y: float, c: Colours, font: QFont) -> None:
    """What the shapes mean, right-aligned in the header before the buttons."""
    fm = QFontMetricsF(font)
    x = right - legend_width(fm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(font)
    for kind, text in LEGEND:
        glyph = QRectF(x, centre_y - 5, 20, 10)
        if kind == "point":
            p.setPen(QPen(c.base, 1))
            p.setBrush(c.accent)
            p.drawEllipse(QRectF(glyph.center().x() - 5, glyph.top(), 10, 10))
        elif kind == "interval":
            p.setPen(QPen(c.accent, 1.2))
            p.setBrush(c.bar)
            p.drawRoundedRect(glyph.adjusted(0.5, -0.5, -0.5, 0.5), 3, 3)
        else:
            p.setPen(QPen(c.accent, 1.2, Qt.PenStyle.DashLine))
            p.setBrush(c.base)
            p.drawRoundedRect(glyph.adjusted(3, 0, -3, 0), 5, 5)
        p.setPen(c.dim_text)
        p.drawText(QRectF(x + 24, centre_y - fm.height() / 2, fm.horizontalAdvance(text) + 2,
                          fm.height()), Qt.AlignmentFlag.AlignVCenter, text)
        x += 24 + fm.horizontalAdvance(text) + 14
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
