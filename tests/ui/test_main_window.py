"""The whole window: wiring between library, article, entity panel, timeline, settings."""

from __future__ import annotations

import itertools
import time

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from nato_reader.ui import palette
from nato_reader.ui.main_window import MainWindow
from nato_reader.ui.session import Session
from nato_reader.ui.settings import Settings


def test_opening_an_article_shows_it_with_its_analysis(window, session):
    article_id = session.library.articles.summaries()[-1].id
    assert window.current_id == article_id
    assert window.reader.article.id == article_id
    assert window.analysis_shown()
    assert window.entity_panel.model.groups
    analysis = window.reader.analysis
    assert set(window.type_actions) == {m.label for m in analysis.mentions} | {"DATE"}


def test_selecting_an_entity_in_the_panel_highlights_its_mentions(qtbot, window):
    assert window.entity_panel.select("Jens Stoltenberg")
    mentions = [m for m in window.reader.analysis.mentions if m.canonical == "Jens Stoltenberg"]
    strong = palette.entity_background("PERSON", window.dark, strong=True)
    for m in mentions:
        assert window.reader.char_format_at(m.start).background().color() == strong
    assert window.entity_panel.position.text() == f"{len(mentions)} mentions"
    window.step_mention(1)
    window.step_mention(1)
    assert window.entity_panel.position.text() == f"2 / {len(mentions)}"


def test_type_toggle_action_removes_highlights_and_is_remembered(window, settings):
    person = next(m for m in window.reader.analysis.mentions if m.label == "PERSON")
    window.type_actions["PERSON"].trigger()
    assert window.reader.label_at(person.start) is None
    assert Settings(settings).hidden_types() == {"PERSON"}
    window.type_actions["PERSON"].trigger()
    assert window.reader.label_at(person.start) == "PERSON"


def test_timeline_event_moves_the_article_to_its_sentence(qtbot, window):
    analysis = window.reader.analysis
    timex = max(analysis.timexes, key=lambda t: t.start)
    bar = window.reader.browser.verticalScrollBar()
    bar.setValue(0)
    if hasattr(window.timeline.widget, "event_activated"):  # as the widget reports a click
        window.timeline.widget.event_activated.emit(window.current_id, timex.start, timex.end)
    else:
        window.timeline.event_activated.emit(window.current_id, timex.sentence.start,
                                             timex.sentence.end)
    assert bar.value() > 0
    selection = window.reader.browser.extraSelections()[-1]
    flash = selection.cursor
    assert window.reader.body_offset(flash.selectionStart()) == timex.sentence.start
    assert window.reader.body_offset(flash.selectionEnd()) == timex.sentence.end
    here = window.reader.browser.cursorForPosition(
        window.reader.browser.viewport().rect().center())
    assert abs(window.reader.body_offset(here.position()) - timex.start) < 1500
    assert window.reader.browser.extraSelections()  # the sentence flashes


def test_timeline_follows_the_selected_entity(window):
    if not hasattr(window.timeline.widget, "set_events"):
        pytest.skip("the timeline widget is not in this build")
    everything = list(window.timeline.widget.shown_events())
    assert everything
    window.entity_panel.select("Brussels")
    filtered = window.timeline.widget.shown_events()
    assert len(filtered) < len(everything)
    mentions = [m for m in window.reader.analysis.mentions if m.canonical == "Brussels"]
    for event in filtered:
        timex = next(t for t in window.reader.analysis.timexes if t.start == event.body_start)
        assert any(timex.sentence.start <= m.start < timex.sentence.end for m in mentions)


def test_undo_and_redo_actions_drive_the_session_stack(window, session):
    from nato_reader.ui.undo_commands import AddCorrectionCommand

    session.undo_stack.push(AddCorrectionCommand(session, "hide", "Brussels"))
    assert [c.canonical for c in session.corrections()] == ["Brussels"]
    undo, redo = window.edit_menu.actions()[:2]
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in redo.shortcuts()]
    undo.trigger()
    assert session.corrections() == []
    redo.trigger()
    assert len(session.corrections()) == 1


def test_state_and_preferences_survive_a_restart(qtbot, session, settings):
    first = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(first)
    first.show()
    newest = session.library.articles.summaries()[0].id
    first.library_view.select_article(newest)
    first.theme_actions["dark"].trigger()
    assert first.dark
    text = first.reader.char_format_at(1).foreground().color()
    assert text.lightness() > 160  # light text on the dark page
    first.close()

    again = Settings(settings)
    assert again.theme() == "dark"
    assert again.last_article(str(session.library.path)) == newest
    assert again.geometry() is not None and again.window_state() is not None
    first.choose_theme("light")  # leave the application palette as the other tests expect


def test_analysis_failure_leaves_a_readable_article(qtbot, seeded_library, settings):
    def broken(text, published):
        raise RuntimeError("no model here")

    session = Session(seeded_library, analyse=broken)
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(session.task_failed, timeout=10000):
        win.library_view.select_first()
    assert win.analysis_shown() and "no model here" in win.analysis_error
    assert win.reader.banner.isVisibleTo(win) and "no model here" in win.reader.banner.text()
    assert win.reader.article is not None
    assert win.reader.article.body[:40] in win.reader.browser.toPlainText()
    session.wait_for_tasks()


def test_dropping_files_imports_them(qtbot, window, session, tmp_path):
    new = tmp_path / "dropped.txt"
    new.write_text("date 2024-07-10\n\nLeaders met in Washington for the 75th summit.\n",
                   encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(new))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(session.imported, timeout=10000):
        window.dropEvent(event)
    assert session.library.articles.count() == 3
    assert window.library_view.model.rowCount() == 3
    session.wait_for_tasks()


@pytest.mark.slow
def test_real_analysis_runs_through_the_worker(qtbot, seeded_library, settings):
    pytest.importorskip("nato_reader.core.analysis")
    session = Session(seeded_library)  # the real spaCy pipeline
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    oldest = seeded_library.articles.summaries()[-1].id
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    with qtbot.waitSignal(session.analysis_ready, timeout=180000):
        win.library_view.select_article(oldest)
    elapsed = time.monotonic() - started
    timer.stop()
    # The event loop kept turning while spaCy loaded and ran in the worker.
    assert len(ticks) >= elapsed / 0.02 / 8  # generous: the machine is shared
    print(f"analysis {elapsed:.2f}s, {len(ticks)} ticks, "
          f"longest gap {max(b - a for a, b in itertools.pairwise(ticks)):.3f}s")
    names = {r.canonical for g in win.entity_panel.model.groups for r in g.rows}
    assert "NATO" in names
    assert any("Stoltenberg" in n for n in names)
    assert win.reader.label_at(0) == "ORG"  # the body opens with "NATO"
    session.wait_for_tasks()


def test_default_size_is_roomy(window):
    assert window.width() >= 1200 and window.height() >= 800


def test_new_annotation_is_painted_and_listed(window, session):
    if not hasattr(session.library, "annotations"):
        pytest.skip("the annotation store is not in this build")
    from nato_reader.ui.reader_view import ANNOTATION_PROPERTY

    mention = window.reader.analysis.mentions[2]
    annotation = session.add_annotation(window.current_id, mention.start - 3, mention.end,
                                        "claim", note="check this")
    fmt = window.reader.char_format_at(mention.start)
    assert fmt.property(ANNOTATION_PROPERTY) == annotation.id
    assert window.reader.label_at(mention.start) == mention.label  # entity still marked
    if window.annotations_panel is not None:
        assert window.annotations_panel.model.rowCount() == 1
    session.delete_annotation(annotation.id)
    assert not window.reader.char_format_at(mention.start).property(ANNOTATION_PROPERTY)


def test_empty_library_says_how_to_add_articles(qtbot, library, settings, analyse_fixed,
                                                 seeds_dir):
    session = Session(library, analyse=analyse_fixed)
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    assert "library is empty" in win.reader.browser.toPlainText()
    with qtbot.waitSignal(session.imported, timeout=10000):
        win.import_paths([seeds_dir])
    assert win.current_id is not None  # the first imported article opens
    qtbot.waitUntil(win.analysis_shown, timeout=10000)
    session.wait_for_tasks()


def test_timeline_library_mode_shows_every_listed_article(window, session, settings):
    if not hasattr(window.timeline.widget, "set_events"):
        pytest.skip("the timeline widget is not in this build")
    single = {e.article_id for e in window.timeline.events}
    assert single == {window.current_id}
    window.timeline_library_action.trigger()
    assert window.timeline.widget.library_mode()
    ids = {s.id for s in session.library.articles.summaries()}
    assert {e.article_id for e in window.timeline.events} == ids
    assert Settings(settings).timeline_library_mode()
    # the library's filter narrows the lanes
    window.library_view.set_entity_filter("X", {window.current_id})
    assert {e.article_id for e in window.timeline.events} == {window.current_id}
    window.timeline_library_action.trigger()
    assert not window.timeline.widget.library_mode()


def test_timeline_library_mode_is_restored(qtbot, session, settings):
    Settings(settings).set_timeline_library_mode(True)
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    assert win.timeline_library_action.isChecked()
    assert win.timeline.library_mode


def test_show_articles_mentioning_filters_the_library(window, session):
    ids = [s.id for s in session.library.articles.summaries()]
    names = {i: {m.canonical for m in session.analysis(i).mentions} for i in ids}
    only_in_one = next(n for n in names[ids[0]] ^ names[ids[1]])
    holder = next(i for i in ids if only_in_one in names[i])
    window.show_articles_mentioning(only_in_one)
    assert window.library_view.visible_article_ids() == [holder]
    assert only_in_one in window.library_view.entity_chip.text()
    window.library_view.entity_clear.click()
    assert sorted(window.library_view.visible_article_ids()) == sorted(ids)


def test_clicking_a_mention_selects_its_entity(qtbot, window):
    mention = next(m for m in window.reader.analysis.mentions if m.canonical == "Brussels")
    browser = window.reader.browser
    cursor = window.reader.cursor_for(mention.start + 2, mention.start + 2)
    point = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.entity_panel.selected_canonical() == "Brussels"
    strong = palette.entity_background(mention.label, window.dark, strong=True)
    assert window.reader.char_format_at(mention.start).background().color() == strong


def test_selection_follows_a_renamed_entity(window, session):
    window.entity_panel.select("Brussels")
    window.entity_panel.correct("rename", "Brussels", "City of Brussels")
    assert window.entity_panel.selected_canonical() == "City of Brussels"
    assert window.reader.selected_entity == "City of Brussels"


def test_plain_reading_hides_every_entity_but_the_selected_one(window, settings):
    mentions = window.reader.analysis.mentions
    window.entities_action.trigger()  # off
    assert all(window.reader.label_at(m.start) is None for m in mentions)
    assert not Settings(settings).entities_visible()
    window.entity_panel.select("NATO")
    nato = [m for m in mentions if m.canonical == "NATO"]
    assert all(window.reader.label_at(m.start) == "ORG" for m in nato)
    others = [m for m in mentions if m.canonical != "NATO"]
    assert all(window.reader.label_at(m.start) is None for m in others)
    window.entities_action.trigger()  # on again
    assert all(window.reader.label_at(m.start) == m.label for m in mentions)


def test_standard_shortcuts(window):
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString()
                 for menu in window.menuBar().findChildren(type(window.edit_menu))
                 for a in menu.actions()}
    assert shortcuts["Import Files…"] == "Ctrl+O"
    assert shortcuts["Export…"] == "Ctrl+E"
    assert shortcuts["Quit"] == "Ctrl+Q"
    assert shortcuts["Find in Article…"] == "Ctrl+F"
    assert shortcuts["Find Next"] == "F3"
    assert shortcuts["Re-analyse Article"] == "F5"
    assert shortcuts["Next Mention"] == "F4"


def test_library_mode_lanes_fill_in_as_analyses_arrive(qtbot, seeded_library, settings,
                                                       analyse_fixed):
    session = Session(seeded_library, analyse=analyse_fixed)  # nothing analysed yet
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    win.timeline_library_action.trigger()
    ids = {s.id for s in seeded_library.articles.summaries()}
    qtbot.waitUntil(lambda: {e.article_id for e in win.timeline.events} == ids, timeout=10000)
    session.wait_for_tasks()


def test_reimported_file_updates_the_open_article(qtbot, library, settings, analyse_fixed,
                                                   tmp_path):
    source = tmp_path / "piece.txt"
    source.write_text("date 2024-01-02\n\nFirst version of the text about NATO.\n",
                      encoding="utf-8")
    session = Session(library, analyse=analyse_fixed)
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(session.imported, timeout=10000):
        win.import_paths([source])
    assert "First version" in win.reader.browser.toPlainText()
    source.write_text("date 2024-01-02\n\nSecond version of the text about NATO.\n",
                      encoding="utf-8")
    with qtbot.waitSignal(session.imported, timeout=10000):
        win.import_paths([source])
    assert "Second version" in win.reader.browser.toPlainText()
    qtbot.waitUntil(win.analysis_shown, timeout=10000)
    assert win.reader.label_at(win.reader.article.body.index("NATO")) == "ORG"
    session.wait_for_tasks()


def test_status_bar_shows_progress_and_cancels(qtbot, seeded_library, settings,
                                               analyse_fixed):
    def slow(text, published):
        time.sleep(0.4)
        return analyse_fixed(text, published)

    session = Session(seeded_library, analyse=slow)
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(session.task_finished, timeout=10000) as blocker:
        session.request_analysis([s.id for s in seeded_library.articles.summaries()])
        assert win.progress.isVisible() and win.cancel_button.isVisible()
        assert win.status_label.text().startswith("Analysing 2 articles")
        win.cancel_button.click()
    assert "cancelled" in blocker.args[0]
    assert not win.progress.isVisible() and not win.cancel_button.isVisible()
    session.wait_for_tasks()


def test_clicking_an_event_on_the_timeline_shows_its_sentence(qtbot, window):
    widget = window.timeline.widget
    window.timeline_dock.show()
    widget.resize(1200, 220)
    widget.fit_all()
    drawn = [(e, widget.event_rect(e)) for e in widget.shown_events()]
    event, rect = next((e, r) for e, r in drawn if not r.isNull())
    timex = next(t for t in window.reader.analysis.timexes if t.start == event.body_start)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    selection = window.reader.browser.extraSelections()[-1]
    flash = selection.cursor
    assert window.reader.body_offset(flash.selectionStart()) == timex.sentence.start
    assert window.reader.body_offset(flash.selectionEnd()) == timex.sentence.end


@pytest.fixture
def started(qtbot, session, settings, monkeypatch):
    """build_window, as the app starts; the library's analysis run (queued 300 ms after
    the first paint, which could fire after this test's library is closed) is recorded."""
    from nato_reader import app

    requested = []
    monkeypatch.setattr(Session, "request_analysis",
                        lambda self, ids, force=False: requested.append(list(ids)))

    def start(prefs=None):
        window = app.build_window(session.library, prefs or Settings(settings),
                                  restore=False, interactive=False)
        qtbot.addWidget(window)
        window.requested = requested
        return window

    return start


def test_the_article_paints_before_the_panels_are_built(qtbot, session, started):
    """Cold start: the reader (with highlights) first; the docks fill right after the
    first paint, showing the same article, and the library list selects it."""
    newest = session.library.articles.summaries()[0].id
    window = started()
    assert window.current_id == newest  # no last article saved: the newest
    assert not window.has_panels()
    assert window.reader.analysis is not None and window.reader.label_at(
        window.reader.analysis.mentions[0].start) == window.reader.analysis.mentions[0].label
    window.show()
    qtbot.waitUntil(window.has_panels, timeout=3000)
    assert window.library_view.current_article_id() == newest
    names = {r.canonical for g in window.entity_panel.model.groups for r in g.rows}
    assert "NATO" in names
    assert window.timeline.widget.shown_events()  # the article's dates
    assert window.annotations_dock.widget() is window.annotations_panel
    qtbot.waitUntil(lambda: window.requested == [[s.id for s in
                                                  session.library.articles.summaries()]])


def test_a_panel_read_before_the_first_paint_is_built_on_the_spot(started):
    window = started()
    assert window.library_view.current_article_id() == window.current_id
    assert window.has_panels() and window.library_dock.widget() is window.library_view


def test_a_missing_last_article_falls_back_to_the_newest(session, settings, started):
    prefs = Settings(settings)
    prefs.set_last_article(str(session.library.path), 9999)
    window = started(prefs)
    assert window.current_id == session.library.articles.summaries()[0].id


def test_fit_timeline_action_shows_the_core_then_every_date(window):
    from tests.ui.test_timeline_fit import OUTLIER, YEAR_2022

    action = next(a for a in window.findChildren(type(window.entities_action))
                  if a.text().startswith("&Fit Timeline"))
    assert action.shortcut().toString() == "Ctrl+0"
    window.timeline_dock.show()
    window.timeline.widget.set_events([OUTLIER, *YEAR_2022])  # fitted to the core

    def core_only() -> bool:
        first, last = window.timeline.widget.visible_range()
        return first.year >= 2021 and last.year <= 2023

    assert core_only()
    action.trigger()  # the core is showing: every date
    assert window.timeline.widget.visible_range()[0] <= OUTLIER.start
    action.trigger()
    assert core_only()
