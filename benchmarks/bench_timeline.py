"""Timeline frame time for 1k / 10k / 100k events, beside painting as many plain rectangles.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_timeline.py [--frames 20]

For each size, events are spread over 1990-2022 (days, months, years and a few
durations) across 1 article (single mode) or one lane per 200 events (library mode).
A frame is one interactive step, a wheel zoom or a pan, then a full repaint into a
QImage of the widget's size: layout (culling, packing, aggregation) and painting;
measured at fit-all, at a year and at a month in view.
The reference, in the same run, paints the same number of plain rectangles naively
with QPainter.drawRect into an image of the same size. Target: a frame under 50 ms
at 100k events. Prints one JSON object with medians in ms and ratio = ours / naive.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from nato_reader.core.timeline import TimelineEvent, value_to_range
from nato_reader.ui.timeline import TimelineWidget

WIDTH, HEIGHT = 1200, 360
TARGET_MS = 50.0
ZOOMS = {"all": None, "year": 365, "month": 31}  # what is in view: fit-all, a year, a month


def make_events(count: int, per_lane: int, seed: int = 4) -> list[TimelineEvent]:
    rng = random.Random(seed)
    events = []
    for i in range(count):
        day = date(1990, 1, 1) + timedelta(days=rng.randrange(12_000))
        roll = rng.random()
        value = (day.isoformat() if roll < 0.6 else f"{day:%Y-%m}" if roll < 0.85
                 else str(day.year) if roll < 0.95 else "P1Y")
        found = value_to_range(value)
        start, end, kind = found if found else (day, day, "duration")
        article = i // per_lane
        events.append(TimelineEvent(article, f"Article {article}", start, end, value, value,
                                    f"Sentence {i}.", i * 10, i * 10 + 5, kind))
    return events


def time_frames(widget: TimelineWidget, frames: int) -> list[float]:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for k in range(frames):
        start = time.perf_counter()
        if k % 2:
            widget.zoom(0.9 if k % 4 == 1 else 1 / 0.9)
        else:
            widget.pan_days(15 * (1 if k % 4 == 0 else -1))
        widget.render(image)
        times.append((time.perf_counter() - start) * 1000)
    return times


def naive_rectangles(count: int, frames: int) -> list[float]:
    rng = random.Random(5)
    rects = [QRectF(rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT), 8, 8) for _ in range(count)]
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    colour = QColor("#3d8ee0")
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        p = QPainter(image)
        p.fillRect(image.rect(), QColor("white"))
        p.setBrush(colour)
        for rect in rects:
            p.drawRect(rect)
        p.end()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    widget = TimelineWidget()
    widget.resize(WIDTH, HEIGHT)
    results = []
    for count in (1_000, 10_000, 100_000):
        events = make_events(count, per_lane=200)
        start = time.perf_counter()
        widget.set_events(events)
        set_ms = (time.perf_counter() - start) * 1000
        row = {"events": count, "set_events_ms": round(set_ms, 1)}
        naive = statistics.median(naive_rectangles(count, max(3, args.frames // 4)))
        row["naive_rects_frame_ms"] = round(naive, 2)
        worst = 0.0
        for mode in ("single", "library"):
            widget.set_library_mode(mode == "library")
            for zoom, days in ZOOMS.items():
                widget.fit_all()
                if days:  # zoom in around the middle of the range to `days` in view
                    first, last = widget.visible_range()
                    widget.zoom(days / max((last - first).days, 1))
                ours = statistics.median(time_frames(widget, args.frames))
                worst = max(worst, ours)
                row[f"{mode}_{zoom}_frame_ms"] = round(ours, 2)
                row[f"{mode}_{zoom}_ratio"] = round(ours / naive, 3)
        row["worst_frame_ms"] = round(worst, 2)
        row["under_target"] = worst < TARGET_MS
        results.append(row)
    app.processEvents()
    print(json.dumps({"benchmark": "timeline_frame", "size_px": [WIDTH, HEIGHT],
                      "target_ms": TARGET_MS,
                      "results": results}, indent=2))


if __name__ == "__main__":
    main()
