"""What one frame of the timeline shows, and where: markers, bars, labels and bubbles.

The level of detail is decided per lane. When a lane has few events in view they are
packed into rows (core.timeline.pack_rows), with labels when there is room; those that
still do not fit become count bubbles. When a lane has more events in view than
pixels can show, it is aggregated into fixed-width bins counted by bisection, so a
frame costs the same for a hundred events or a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF

from nato_reader.core.timeline import (
    DURATION,
    INTERVAL,
    Cluster,
    TimelineEvent,
    bin_counts,
    bubble_rect,
    pack_rows,
    room_to_the_right,
)
from nato_reader.ui.timeline.lanes import Lane, span_of

MARKER = 10.0  # diameter of a day marker, px
MIN_BAR = 6.0  # a period never shrinks below this
LABEL_GAP = 6.0
BIN_PX = 36.0  # width of an aggregation bin
DENSE_PX = 7.0  # more than one event per DENSE_PX of width in view: aggregate


@dataclass
class Frame:
    """The geometry and view of one frame: axis maths from ordinals to pixels."""

    plot: QRectF  # where events are drawn (right of the gutter, below the axis)
    t0: float  # ordinal at plot.left()
    dpp: float  # days per pixel
    row_h: float
    rows: int  # event rows per lane, the last doubling as the bubble row
    lane_h: float
    scroll_y: float = 0.0

    def x(self, ordinal: float) -> float:
        return self.plot.left() + (ordinal - self.t0) / self.dpp

    def t(self, x: float) -> float:
        return self.t0 + (x - self.plot.left()) * self.dpp

    def lane_top(self, index: int) -> float:
        return self.plot.top() + index * self.lane_h - self.scroll_y

    def visible_lanes(self, count: int) -> range:
        first = max(0, int(self.scroll_y // self.lane_h))
        last = min(count, int((self.scroll_y + self.plot.height()) // self.lane_h) + 1)
        return range(first, last)


@dataclass
class Item:
    """One thing drawn: an event (marker or bar, maybe labelled) or a count bubble."""

    rect: QRectF
    lane: int
    event: TimelineEvent | None = None
    label: str = ""
    label_rect: QRectF | None = None
    count: int = 0
    span: tuple[float, float] = (0.0, 0.0)  # ordinals a bubble covers
    members: tuple[TimelineEvent, ...] = field(default=())

    @property
    def is_cluster(self) -> bool:
        return self.event is None


def layout(frame: Frame, lanes: list[Lane], text_width: Callable[[str], float],
           bubble_text: Callable[[int], str]) -> list[Item]:
    items: list[Item] = []
    lo, hi = frame.t(frame.plot.left()), frame.t(frame.plot.right())
    dense = frame.plot.width() / DENSE_PX
    for index in frame.visible_lanes(len(lanes)):
        lane = lanes[index]
        if lane.count_between(lo, hi) > dense:
            items += _aggregate(frame, index, lane, lo, hi, text_width, bubble_text)
        else:
            items += _detail(frame, index, lane.visible(lo, hi), text_width, bubble_text)
    return items


def _row_rect(frame: Frame, lane: int, row: float, x0: float, x1: float, h: float) -> QRectF:
    top = frame.lane_top(lane) + 4 + row * frame.row_h + (frame.row_h - h) / 2
    return QRectF(x0, top, x1 - x0, h)


def _shape(frame: Frame, event: TimelineEvent) -> tuple[float, float]:
    """Left and right pixel edges of an event's marker or bar."""
    first, after = span_of(event)
    if event.kind == INTERVAL:
        x0, x1 = frame.x(first), frame.x(after)
        if x1 - x0 < MIN_BAR:
            centre = (x0 + x1) / 2
            x0, x1 = centre - MIN_BAR / 2, centre + MIN_BAR / 2
        return x0, x1
    centre = frame.x(first + 0.5)
    half = MARKER / 2 + (3 if event.kind == DURATION else 0)
    return centre - half, centre + half


def _detail(frame: Frame, lane: int, events: list[TimelineEvent],
            text_width: Callable[[str], float], bubble_text: Callable[[int], str]) -> list[Item]:
    shapes = [_shape(frame, e) for e in events]
    widths = [text_width(e.label) for e in events]

    labelled = []
    for (x0, x1), w in zip(shapes, widths, strict=True):
        inside = x1 - x0 >= w + 2 * LABEL_GAP
        labelled.append((x0, x1 if inside else x1 + LABEL_GAP + w))
    # Shapes with their labels while rows last, shapes alone after; labels then go
    # wherever the room to the right of a shape allows.
    rows, clusters = pack_rows(shapes, frame.rows, gap=3.0, cluster_width=_bubble_w(),
                               wide=labelled)
    room = room_to_the_right(shapes, rows, gap=2.0)
    items = []
    for event, (x0, x1), w, row, free in zip(events, shapes, widths, rows, room, strict=True):
        if row < 0:
            continue
        height = MARKER + (2 if event.kind == INTERVAL else 0)
        item = Item(_row_rect(frame, lane, row, x0, x1, height), lane, event)
        # A bar running in from the left keeps its label in view.
        seen = max(x0, frame.plot.left())
        inside = x1 - seen >= w + 2 * LABEL_GAP
        if inside or w + LABEL_GAP <= free:
            lx = seen + LABEL_GAP if inside else x1 + LABEL_GAP
            item.label = event.label
            item.label_rect = _row_rect(frame, lane, row, lx, lx + w, frame.row_h)
        items.append(item)
    for cluster in clusters:
        if len(cluster.members) == 1:  # a lone leftover fits inside its own bubble's room
            event = events[cluster.members[0]]
            x0, x1 = shapes[cluster.members[0]]
            height = MARKER + (2 if event.kind == INTERVAL else 0)
            items.append(Item(_row_rect(frame, lane, frame.rows - 1, x0, x1, height), lane, event))
        else:
            items.append(_bubble(frame, lane, cluster, events, bubble_text))
    return items


def _bubble_w() -> float:
    return 26.0


def _bubble(frame: Frame, lane: int, cluster: Cluster, events: list[TimelineEvent],
            bubble_text: Callable[[int], str]) -> Item:
    members = tuple(events[i] for i in cluster.members)
    x0, x1 = bubble_rect(cluster, _bubble_w())
    if x1 - x0 > _bubble_w():  # keep a long bubble's count in view
        x0 = max(x0, frame.plot.left())
        x1 = max(min(x1, frame.plot.right()), x0 + _bubble_w())
    rect = _row_rect(frame, lane, frame.rows - 1, x0, x1, frame.row_h - 4)
    first = min(span_of(e)[0] for e in members)
    after = max(span_of(e)[1] for e in members)
    return Item(rect, lane, None, bubble_text(len(members)), None, len(members),
                (first, after), members)


def _aggregate(frame: Frame, lane_index: int, lane: Lane, lo: float, hi: float,
               text_width: Callable[[str], float],
               bubble_text: Callable[[int], str]) -> list[Item]:
    """Count bubbles per bin, vertically centred in the lane."""
    bins = max(1, int(frame.plot.width() // BIN_PX))
    counts = bin_counts(lane.starts, lo, hi, bins)
    step = (hi - lo) / bins
    for event in lane.long_events:  # few by construction: count them where they start
        first, after = span_of(event)
        if first < hi and after > lo:
            counts[min(bins - 1, max(0, int((max(first, lo) - lo) / step)))] += 1
    row = (frame.rows - 1) / 2
    items = []
    for k, count in enumerate(counts):
        if not count:
            continue
        text = bubble_text(count)
        width = min(BIN_PX - 4, max(_bubble_w(), text_width(text) + 10))
        centre = frame.plot.left() + (k + 0.5) * BIN_PX * (frame.plot.width() / bins / BIN_PX)
        rect = _row_rect(frame, lane_index, row, centre - width / 2, centre + width / 2,
                         frame.row_h - 4)
        items.append(Item(rect, lane_index, None, text, None, count,
                          (lo + k * step, lo + (k + 1) * step)))
    return items
