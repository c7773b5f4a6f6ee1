"""Dates in the article: the temporal expressions are highlighted as one more type,
toggled and remembered like the entity types, and a click selects their timeline event."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nato_reader.ui import palette
from nato_reader.ui.main_window import MainWindow
from nato_reader.ui.reader_view import LABEL_PROPERTY, TIMEX_PROPERTY
from nato_reader.ui.settings import Settings


@pytest.fixture
def reader(reader):
    assert reader.analysis.timexes  # the fixed analysis finds dates in this seed
    return reader


def test_every_date_is_painted_with_its_value_in_the_tooltip(reader):
    background = palette.entity_background(palette.DATES, reader.dark)
    for timex in reader.analysis.timexes:
        for offset in (timex.start, timex.end - 1):
            fmt = reader.char_format_at(offset)
            assert fmt.property(LABEL_PROPERTY) == "DATE"
            assert fmt.property(TIMEX_PROPERTY) == timex.start
            assert fmt.background().color() == background
            assert fmt.toolTip() == f"{timex.value} ({timex.type})"
        after = reader.char_format_at(timex.end)  # the highlight stops at the end
        assert after.property(TIMEX_PROPERTY) != timex.start


def test_dates_are_distinct_from_every_entity_colour_in_both_themes():
    for dark in (False, True):
        date = palette.entity_background(palette.DATES, dark)
        others = {palette.entity_background(label, dark).name()
                  for label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")}
        assert date.name() not in others


def test_toggling_dates_removes_only_the_dates(reader):
    timex = reader.analysis.timexes[0]
    mention = reader.analysis.mentions[0]
    reader.set_type_visible("DATE", False)
    assert reader.label_at(timex.start) is None
    assert reader.char_format_at(timex.start).property(TIMEX_PROPERTY) == -1
    assert reader.char_format_at(timex.start).toolTip() == ""
    assert reader.label_at(mention.start) == mention.label
    reader.set_type_visible("DATE", True)
    assert reader.label_at(timex.start) == "DATE"


def test_plain_reading_hides_the_dates_too(reader):
    timex = reader.analysis.timexes[0]
    reader.set_entities_visible(False)
    assert reader.label_at(timex.start) is None
    reader.set_entities_visible(True)
    assert reader.label_at(timex.start) == "DATE"


def test_dates_toggle_in_the_toolbar_counts_and_is_remembered(qtbot, window, session,
                                                              settings):
    timexes = window.reader.analysis.timexes
    action = window.type_actions["DATE"]
    assert action.text() == f"Dates {len(timexes)}"
    assert action.isChecked()
    action.trigger()
    assert window.reader.label_at(timexes[0].start) is None
    assert Settings(settings).hidden_types() == {"DATE"}

    again = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(again)
    again.library_view.select_article(window.current_id)
    assert not again.type_actions["DATE"].isChecked()
    assert again.reader.label_at(timexes[0].start) is None
    again.type_actions["DATE"].trigger()
    assert again.reader.label_at(timexes[0].start) == "DATE"
    assert Settings(settings).hidden_types() == set()


def test_clicking_a_date_selects_its_timeline_event(qtbot, window):
    widget = window.timeline.widget
    if not hasattr(widget, "select_event"):
        pytest.skip("the timeline widget is not in this build")
    timex = next(t for t in window.reader.analysis.timexes
                 if t.start in {e.body_start for e in window.timeline.shown})
    assert widget.selected_event() is None
    browser = window.reader.browser
    window.reader.scroll_to(timex.start, timex.end, flash=False)
    cursor = window.reader.cursor_for(timex.start + 2, timex.start + 2)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                     pos=browser.cursorRect(cursor).center())
    selected = widget.selected_event()
    assert selected is not None
    assert (selected.article_id, selected.body_start) == (window.current_id, timex.start)
