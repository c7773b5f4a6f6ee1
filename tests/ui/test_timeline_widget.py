"""The timeline widget: clicks, hover, zoom, fit, filter, lanes and a very large library."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from nato_reader.core.timeline import TimelineEvent, value_to_range
from nato_reader.ui.timeline import TimelineWidget


def make_event(article_id: int, value: str, offset: int, label: str | None = None,
               kind: str | None = None, lane: str | None = None) -> TimelineEvent:
    start, end, found_kind = value_to_range(value)
    return TimelineEvent(
        article_id=article_id, lane=lane or f"Article {article_id}", start=start, end=end,
        label=label or value, value=value, sentence_text=f"Sentence about {value} (#{offset}).",
        body_start=offset, body_end=offset + len(label or value), kind=kind or found_kind)


EVENTS = [
    make_event(1, "2014-10", 10, "October 2014"),
    make_event(1, "2022-02-24", 40, "24 February"),
    make_event(1, "2022-03-24", 80, "Thursday"),
    make_event(1, "2023-09-30", 120, "30 September 2023"),
    make_event(1, "2022-FA", 160, "this autumn"),
    make_event(2, "2023-SU", 15, "this summer", lane="The race"),
    make_event(2, "2023-03-30", 55, "Thursday", lane="The race"),
]


def shown_timeline(qtbot, events: list[TimelineEvent], height: int = 320) -> TimelineWidget:
    """A timeline 1000 px wide, on screen, holding `events`."""
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(1000, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_events(events)
    return widget


@pytest.fixture
def timeline(qtbot) -> TimelineWidget:
    return shown_timeline(qtbot, EVENTS)


def visible(widget: TimelineWidget, event: TimelineEvent) -> bool:
    rect = widget.event_rect(event)
    return not rect.isNull() and widget.rect().toRectF().contains(rect)


def wheel(widget: TimelineWidget, pos: QPointF, delta_y: int) -> None:
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, delta_y),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_accessible_name(timeline):
    assert timeline.accessibleName() == "Timeline"


def test_clicking_an_event_emits_its_ids(timeline, qtbot):
    target = EVENTS[3]
    rect = timeline.event_rect(target)
    assert not rect.isNull()
    with qtbot.waitSignal(timeline.event_activated) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == [1, 120, 120 + len("30 September 2023")]
    assert timeline.selected_event() == target


def test_clicking_a_bar_emits_its_ids(timeline, qtbot):
    target = EVENTS[5]  # a season: drawn as a bar
    rect = timeline.event_rect(target)
    assert rect.width() > 10  # a bar spanning its three months
    with qtbot.waitSignal(timeline.event_activated) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == [2, 15, 15 + len("this summer")]


def test_a_day_is_a_point_and_a_month_a_bar(timeline):
    day, month = timeline.event_rect(EVENTS[1]), timeline.event_rect(EVENTS[0])
    assert day.width() == pytest.approx(day.height())  # a round marker
    timeline.zoom(0.05)  # zoom in around the centre until a month is wide
    timeline.select_event(EVENTS[0])
    month = timeline.event_rect(EVENTS[0])
    assert month.width() > 3 * day.width()


def test_fit_all_shows_all_events(timeline):
    timeline.zoom(0.001)
    assert not all(visible(timeline, e) for e in EVENTS)
    timeline.fit_all()
    assert all(visible(timeline, e) for e in EVENTS)
    first, last = timeline.visible_range()
    assert first <= date(2014, 10, 1) and last >= date(2023, 9, 30)


def test_resizing_refits_until_the_user_zooms(timeline):
    timeline.resize(500, 320)
    assert all(visible(timeline, e) for e in EVENTS)
    timeline.zoom(0.5)
    zoomed = timeline.visible_range()
    timeline.resize(520, 320)
    first, last = timeline.visible_range()
    assert first == zoomed[0] and last > zoomed[1]  # same scale, a little more room


def test_accessible_description_follows_the_filter(timeline):
    assert timeline.accessibleDescription().startswith("7 dates")
    timeline.set_filter({(1, 40)})
    assert timeline.accessibleDescription().startswith("1 of 7 dates")


def test_fit_key_and_home_key(timeline, qtbot):
    timeline.zoom(0.001)
    qtbot.keyClick(timeline, Qt.Key.Key_F)
    assert all(visible(timeline, e) for e in EVENTS)
    timeline.zoom(0.001)
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert all(visible(timeline, e) for e in EVENTS)


def test_wheel_zooms_around_the_cursor(timeline):
    before = timeline.visible_range()
    pos = QPointF(timeline.width() * 0.7, timeline.height() / 2)
    plot_left = timeline.event_rect(EVENTS[0]).left()  # any fixed reference works
    assert plot_left > 0

    def date_under(x: float) -> float:
        first, last = timeline.visible_range()
        return first.toordinal() + (last - first).days * x

    anchor = date_under(0.7)
    wheel(timeline, pos, 120)
    after = timeline.visible_range()
    assert (after[1] - after[0]) < (before[1] - before[0])
    assert abs(date_under(0.7) - anchor) < (after[1] - after[0]).days * 0.05
    wheel(timeline, pos, -240)
    assert (timeline.visible_range()[1] - timeline.visible_range()[0]) > (after[1] - after[0])


def test_drag_pans(timeline, qtbot):
    before = timeline.visible_range()
    start = QPoint(500, timeline.height() - 20)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(timeline, QPoint(520, start.y()))
    qtbot.mouseMove(timeline, QPoint(700, start.y()))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(700, start.y()))
    after = timeline.visible_range()
    assert after[0] < before[0]  # dragging right shows earlier dates
    assert (after[1] - after[0]).days == pytest.approx((before[1] - before[0]).days, abs=1)


def test_filter_hides_events(timeline):
    keep = {(1, 40), (2, 55)}
    timeline.set_filter(keep)
    shown = {(e.article_id, e.body_start) for e in timeline.shown_events()}
    assert shown == keep
    for event in EVENTS:
        assert visible(timeline, event) == ((event.article_id, event.body_start) in keep)
    timeline.set_filter(lambda e: e.kind == "interval")
    assert {e.label for e in timeline.shown_events()} == {
        "October 2014", "this autumn", "this summer"}
    assert timeline.event_rect(EVENTS[1]).isNull()
    timeline.clear_filter()
    assert all(visible(timeline, e) for e in EVENTS)


def test_hover_shows_the_sentence(timeline, qtbot):
    target = EVENTS[1]
    pos = timeline.event_rect(target).center().toPoint()
    with qtbot.waitSignal(timeline.event_hovered) as blocker:
        qtbot.mouseMove(timeline, pos)
    assert blocker.args == [target]
    help_event = QHelpEvent(QEvent.Type.ToolTip, pos, timeline.mapToGlobal(pos))
    QApplication.sendEvent(timeline, help_event)
    assert target.sentence_text in QToolTip.text().replace("&#x27;", "'")
    assert "24 Feb 2022" in QToolTip.text()


def test_keyboard_steps_through_events_in_time_order(timeline, qtbot):
    seen = []
    timeline.event_activated.connect(lambda a, s, e: seen.append((a, s)))
    for _ in range(3):
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    ordered = sorted(EVENTS, key=lambda e: (e.start, e.end))
    expected = [(e.article_id, e.body_start) for e in ordered[:3]]
    assert seen == [*expected, expected[1]]
    assert timeline.selected_event() == ordered[1]


def test_library_mode_puts_each_article_in_its_lane(timeline):
    timeline.set_library_mode(True)
    timeline.fit_all()
    lane1 = [timeline.event_rect(e) for e in EVENTS if e.article_id == 1]
    lane2 = [timeline.event_rect(e) for e in EVENTS if e.article_id == 2]
    assert all(not r.isNull() for r in lane1 + lane2)
    assert max(r.bottom() for r in lane1) < min(r.top() for r in lane2)
    # Both lanes start left of the single-lane plot: a gutter holds the lane titles.
    timeline.set_library_mode(False)
    assert timeline.event_rect(EVENTS[0]).left() < lane1[0].left()


def test_same_day_events_stack_then_cluster(timeline, qtbot):
    crowd = [make_event(1, "2022-03-24", 1000 + i, f"Thursday {i}") for i in range(40)]
    timeline.set_events(crowd)
    items = timeline.visible_items()
    drawn = [item.rect for item in items if not item.is_cluster]
    bubbles = [item for item in items if item.is_cluster]
    assert drawn and bubbles
    assert len(drawn) + sum(b.count for b in bubbles) == len(crowd)
    for i, a in enumerate(drawn):  # never drawn on top of each other
        assert not any(a.intersects(b) for b in drawn[i + 1:])
    before = timeline.visible_range()
    bubble = bubbles[0].rect.center().toPoint()
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=bubble)
    after = timeline.visible_range()
    assert (after[1] - after[0]) <= (before[1] - before[0])


def test_a_hundred_thousand_events(qtbot):
    rng = random.Random(4)
    values = []
    for _ in range(100_000):
        day = date(1990, 1, 1) + timedelta(days=rng.randrange(12_000))
        values.append(rng.choice([day.isoformat(), f"{day:%Y-%m}", str(day.year)]))
    events = [make_event(i % 500, value, i) for i, value in enumerate(values)]
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(1200, 400)
    widget.set_events(events)
    for library in (False, True):
        widget.set_library_mode(library)
        widget.fit_all()
        image = widget.grab().toImage()
        assert not image.isNull()
        items = widget.visible_items()
        assert items and len(items) < 2000  # aggregated, not 100,000 shapes
        widget.zoom(0.01)
        assert not widget.grab().toImage().isNull()


def test_zoom_and_pan_stop_at_the_ends_of_the_calendar(timeline):
    timeline.zoom(1e12)
    assert timeline.visible_range() == (date.min, date(9999, 12, 31))
    assert not timeline.grab().toImage().isNull()  # ticks over ten millennia paint
    timeline.fit_all()
    timeline.pan_days(1e9)
    assert timeline.visible_range()[1] == date(9999, 12, 31)
    timeline.pan_days(-1e10)
    assert timeline.visible_range()[0] == date.min
    timeline.zoom(1e-12)  # a day is at most a few hundred pixels wide
    first, last = timeline.visible_range()
    assert 1 <= (last - first).days <= 10
    assert not timeline.grab().toImage().isNull()


def test_tooltip_text_is_escaped_and_names_the_expression():
    from nato_reader.ui.timeline.text import bubble_text, emphasise

    assert emphasise("Talks <ended> on 3 May & 4 May.", "3 May") == (
        "Talks &lt;ended&gt; on <b>3 May</b> &amp; 4 May.")
    assert emphasise("No date here.", "3 May") == "No date here."
    assert [bubble_text(n) for n in (7, 999, 1234, 34567)] == ["7", "999", "1.2k", "34k"]
