"""Fit ignores outlying dates; edge markers count and reach the events left outside."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolButton, QToolTip

from nato_reader.ui.timeline import TimelineWidget
from nato_reader.ui.timeline.edges import LEFT, RIGHT
from nato_reader.ui.timeline.fit import MIN_EVENTS, core_range, full_range
from tests.ui.test_timeline_widget import make_event, shown_timeline, visible

OUTLIER = make_event(1, "2010-05-03", 5, "May 2010")
YEAR_2022 = [make_event(1, (date(2022, 1, 10) + timedelta(days=17 * i)).isoformat(),
                        100 + 10 * i) for i in range(20)]


@pytest.fixture
def widget(qtbot) -> TimelineWidget:
    return shown_timeline(qtbot, [], height=300)


def spans(days: list[tuple[int, int]]) -> list[tuple[int, int]]:
    base = date(2022, 1, 1).toordinal()
    return [(base + first, base + after) for first, after in days]


# --- the rule, without Qt ----------------------------------------------------------------

def test_evenly_spread_events_fit_whole():
    even = spans([(i * 30, i * 30 + 1) for i in range(40)])
    assert core_range(even) == full_range(even)


def test_an_isolated_date_is_left_out_on_either_side():
    core = [(i * 10, i * 10 + 1) for i in range(20)]
    early, late = spans([(-4000, -3999), *core]), spans([*core, (9000, 9001)])
    assert core_range(early) == full_range(spans(core))
    assert core_range(late) == full_range(spans(core))


def test_two_big_clusters_are_both_kept():
    two = spans([(i, i + 1) for i in range(10)] + [(4000 + i, 4001 + i) for i in range(10)])
    assert core_range(two) == full_range(two)


def test_a_nearby_date_is_let_back_in():
    """A date a little past the dense week widens the fit; one twelve years off does not."""
    week = [(i % 7, i % 7 + 1) for i in range(18)]
    events = spans([*week, (35, 36), (-4400, -4399)])
    assert core_range(events) == full_range(spans([*week, (35, 36)]))


def test_few_events_are_all_fitted():
    few = spans([(-4000, -3999)] + [(i, i + 1) for i in range(MIN_EVENTS - 2)])
    assert core_range(few) == full_range(few)


# --- the widget -----------------------------------------------------------------------

def test_fit_all_leaves_the_outlier_out(widget):
    widget.set_events([OUTLIER, *YEAR_2022])
    first, last = widget.visible_range()
    assert all(visible(widget, e) for e in YEAR_2022)
    assert first <= YEAR_2022[0].start and last >= YEAR_2022[-1].end
    assert (last - first).days < 2 * 365
    assert not visible(widget, OUTLIER)
    assert widget.off_view_counts() == (1, 0)
    [marker] = widget.edge_markers()
    assert (marker.side, marker.count, marker.text) == (LEFT, 1, "◀ 1")
    assert widget.has_outliers()


def test_the_markers_cover_no_fitted_event(widget):
    widget.set_events([OUTLIER, *YEAR_2022, make_event(1, "2035", 900, "by 2035")])
    assert [m.side for m in widget.edge_markers()] == [LEFT, RIGHT]
    rects = [widget.event_rect(e) for e in YEAR_2022]
    for marker in widget.edge_markers():
        assert not any(marker.rect.intersects(rect) for rect in rects)


def test_clicking_the_marker_brings_the_outlier_into_view(widget, qtbot):
    widget.set_events([OUTLIER, *YEAR_2022])
    [marker] = widget.edge_markers()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=marker.rect.center().toPoint())
    first, last = widget.visible_range()
    assert first <= OUTLIER.start and visible(widget, OUTLIER)
    assert all(visible(widget, e) for e in YEAR_2022)  # what was in view stays in view
    assert last < date(2025, 1, 1)  # with room for labels, not a leap to the right
    assert widget.off_view_counts() == (0, 0) and widget.edge_markers() == []


def test_clicking_the_right_marker(widget, qtbot):
    late = make_event(1, "2031-06-01", 900, "2031")
    widget.set_events([*YEAR_2022, late])
    [marker] = widget.edge_markers()
    assert (marker.side, marker.text) == (RIGHT, "1 ▶")
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=marker.rect.center().toPoint())
    assert visible(widget, late) and visible(widget, YEAR_2022[0])


def test_include_outliers_fits_everything(widget):
    widget.set_events([OUTLIER, *YEAR_2022])
    widget.fit_all(include_outliers=True)
    first, last = widget.visible_range()
    assert first <= date(2010, 5, 3) and last >= YEAR_2022[-1].end
    assert all(visible(widget, e) for e in [OUTLIER, *YEAR_2022])
    assert widget.edge_markers() == []
    widget.resize(800, 300)  # a resize keeps the kind of fit
    assert visible(widget, OUTLIER)


def test_fit_all_is_the_same_view_each_time(widget):
    """The dock compares fit_all's view with the current one: no toggling there."""
    widget.set_events([OUTLIER, *YEAR_2022])
    fitted = widget.visible_range()
    widget.fit_all()
    assert widget.visible_range() == fitted


def test_f_cycles_between_the_core_and_everything(widget, qtbot):
    widget.set_events([OUTLIER, *YEAR_2022])
    core = widget.visible_range()
    widget.zoom(0.1)
    qtbot.keyClick(widget, Qt.Key.Key_F)  # after a zoom: the core fit
    assert widget.visible_range() == core
    qtbot.keyClick(widget, Qt.Key.Key_F)  # again: every date
    assert visible(widget, OUTLIER) and widget.visible_range()[0] <= OUTLIER.start
    qtbot.keyClick(widget, Qt.Key.Key_Home)  # and back
    assert widget.visible_range() == core


def test_the_fit_button_cycles_too(widget, qtbot):
    widget.set_events([OUTLIER, *YEAR_2022])
    button = next(b for b in widget.findChildren(QToolButton) if b.text() == "Fit")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert visible(widget, OUTLIER)


def test_without_outliers_f_always_fits_the_same(widget, qtbot):
    widget.set_events(YEAR_2022)
    fitted = widget.visible_range()
    assert not widget.has_outliers() and widget.edge_markers() == []
    qtbot.keyClick(widget, Qt.Key.Key_F)
    assert widget.visible_range() == fitted


def test_markers_count_what_a_zoom_hides(widget):
    widget.set_events(YEAR_2022)
    widget.zoom(0.2)
    left, right = widget.off_view_counts()
    drawn = sum(not widget.event_rect(e).isNull() for e in YEAR_2022)
    assert left > 0 and right > 0
    assert left + drawn + right == len(YEAR_2022)
    assert [(m.side, m.count) for m in widget.edge_markers()] == [(LEFT, left), (RIGHT, right)]


def test_marker_tooltip_and_hover(widget, qtbot):
    widget.set_events([OUTLIER, *YEAR_2022])
    [marker] = widget.edge_markers()
    pos = marker.rect.center().toPoint()
    qtbot.mouseMove(widget, pos)
    assert widget.cursor().shape() == Qt.CursorShape.PointingHandCursor
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos,
                                              widget.mapToGlobal(pos)))
    assert "1 date</b> before this view (from 3 May 2010)" in QToolTip.text()
    qtbot.mouseMove(widget, widget.event_rect(YEAR_2022[5]).center().toPoint())
    assert widget.cursor().shape() != Qt.CursorShape.PointingHandCursor


def test_library_mode_fits_the_core_too(widget):
    other = [make_event(2, f"2022-0{m}-15", 10 + m, lane="Second") for m in range(1, 9)]
    widget.set_events([OUTLIER, *YEAR_2022, *other])
    widget.set_library_mode(True)
    widget.fit_all()
    assert all(visible(widget, e) for e in [*YEAR_2022, *other])
    assert widget.off_view_counts() == (1, 0)
    assert widget.item_at(QPointF(widget.edge_markers()[0].rect.center())) is None
