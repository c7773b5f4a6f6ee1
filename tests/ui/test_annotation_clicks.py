"""A plain click on a highlight in the article selects its row in the annotations panel,
brings the Annotations dock in front of Entities, and leaves the keyboard focus in the
text. Real mouse clicks on the reader's viewport, real session and window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar


def highlight(window, text, colour, nth=0):
    body = window.reader.article.body
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return window.session.add_annotation(window.current_id, start, start + len(text), colour)


def click(qtbot, window, offset):
    """Click in the middle of the character at body `offset`, as a reader would."""
    reader = window.reader
    reader.scroll_to(offset, offset + 1, flash=False)
    caret = reader.cursor_for(offset + 1, offset + 1)  # just after the character
    rect = reader.browser.cursorRect(caret)
    point = rect.center()
    point.setX(rect.x() - 2)  # a little to the left of the caret: on the character
    qtbot.mouseClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def front_dock(window) -> str:
    """The title of the right-hand dock in front (a dock behind a tab still says
    isVisible(), so ask the tab bar)."""
    bar = next(b for b in window.findChildren(QTabBar)
               if {"Entities", "Annotations"} <= {b.tabText(i) for i in range(b.count())})
    return bar.tabText(bar.currentIndex())


def focus_text(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.reader.browser.setFocus()
    qtbot.waitUntil(window.reader.browser.hasFocus)


def test_clicking_a_highlight_selects_its_row_and_keeps_the_focus(qtbot, window):
    first = highlight(window, "security crisis", "claim")
    second = highlight(window, "security crisis", "question", nth=1)
    panel = window.annotations_panel
    focus_text(qtbot, window)
    assert front_dock(window) == "Entities"
    click(qtbot, window, second.start + 3)
    assert panel.current_annotation().id == second.id
    assert front_dock(window) == "Annotations"
    assert QApplication.focusWidget() is window.reader.browser
    click(qtbot, window, first.end - 1)  # the last character still counts
    assert panel.current_annotation().id == first.id
    assert QApplication.focusWidget() is window.reader.browser


def test_a_highlight_over_a_mention_selects_both(qtbot, window):
    mention = next(m for m in window.reader.analysis.mentions if m.canonical == "Brussels")
    made = window.session.add_annotation(window.current_id, mention.start, mention.end,
                                         "evidence")
    click(qtbot, window, mention.start + 2)
    # The annotation's dock is the one in front; the entity is selected behind it.
    assert window.annotations_panel.current_annotation().id == made.id
    assert front_dock(window) == "Annotations"
    assert window.entity_panel.selected_canonical() == "Brussels"
    assert window.reader.selected_entity == "Brussels"


def test_clicks_off_the_highlights_leave_the_panel_alone(qtbot, window):
    made = highlight(window, "security crisis", "claim")
    panel = window.annotations_panel
    click(qtbot, window, made.start + 1)
    mention = next(m for m in window.reader.analysis.mentions
                   if m.canonical == "NATO" and not made.start <= m.start < made.end)
    with qtbot.assertNotEmitted(window.reader.annotation_clicked):
        click(qtbot, window, mention.start + 1)
    # A mention without a highlight selects its entity and brings Entities back in front.
    assert front_dock(window) == "Entities"
    assert panel.current_annotation().id == made.id  # unchanged
    body = window.reader.article.body
    plain = body.index("the ", made.end)
    with qtbot.assertNotEmitted(window.reader.annotation_clicked):
        click(qtbot, window, plain + 1)


def test_a_filtered_out_highlight_clears_the_filters(qtbot, window):
    made = highlight(window, "security crisis", "claim")
    panel = window.annotations_panel
    panel.set_filters(colour="question")
    assert panel.placed.rowCount() == 0
    click(qtbot, window, made.start + 1)
    assert panel.current_annotation().id == made.id
    assert panel.colour_filter.currentData() is None


def test_dragging_over_a_highlight_selects_text_not_the_row(qtbot, window):
    made = highlight(window, "security crisis", "claim")
    reader = window.reader
    reader.scroll_to(made.start, made.end, flash=False)
    viewport = reader.browser.viewport()
    # Both ends inside the highlight: the release is on one of its characters.
    start = reader.browser.cursorRect(reader.cursor_for(made.start + 2, made.start + 2))
    end = reader.browser.cursorRect(reader.cursor_for(made.end - 2, made.end - 2))
    start, end = start.center(), end.center()
    with qtbot.assertNotEmitted(reader.annotation_clicked):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(viewport, end)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert reader.selection_range() == (made.start + 2, made.end - 2)


def test_a_new_highlight_becomes_the_current_row(qtbot, window):
    older = highlight(window, "security crisis", "claim")
    body = window.reader.article.body
    start = body.index("security crisis", older.end)
    window.reader.browser.setTextCursor(window.reader.cursor_for(start, start + 8))
    window.annotation_actions[0].trigger()  # Highlight (Ctrl+H)
    current = window.annotations_panel.current_annotation()
    assert (current.start, current.end) == (start, start + 8)
    assert current.id != older.id
