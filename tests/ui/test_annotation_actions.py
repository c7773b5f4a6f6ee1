"""Highlight / Highlight as / Add Note / Manage Colours, driven through the real reader
view's selection, the real session and a seeded tmp_path library."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from nato_reader.ui.annotation_actions import AnnotationActions, install_annotation_actions
from nato_reader.ui.annotation_editor import AnnotationEditor
from nato_reader.ui.annotations_model import AnnotationsModel
from nato_reader.ui.colour_dialog import ColourDialog
from nato_reader.ui.reader_view import ReaderView


@pytest.fixture
def window(qtbot, session, article):
    win = QMainWindow()
    win.reader = ReaderView(win)
    win.setCentralWidget(win.reader)
    qtbot.addWidget(win)
    win.reader.set_article(article)
    win.actions_list = install_annotation_actions(win, session, win.reader)
    win.controller = win.findChild(AnnotationActions)
    return win


def select(window, article, text):
    start = article.body.index(text)
    reader = window.reader
    reader.browser.setTextCursor(reader.cursor_for(start, start + len(text)))
    return start, start + len(text)


def stored(session, article):
    return session.library.annotations.for_article(article.id)


def test_returns_the_four_actions(window):
    texts = [a.text() for a in window.actions_list]
    assert texts == ["&Highlight", "Highlight &as", "Add &Note…", "Manage &Colours…"]
    highlight, highlight_as, add_note, _ = window.actions_list
    assert highlight.shortcut() == QKeySequence("Ctrl+H")
    assert add_note.shortcut() == QKeySequence("Ctrl+Shift+N")
    assert highlight_as.menu() is window.controller.colour_menu


def test_disabled_without_selection(window, article):
    highlight, highlight_as, add_note, manage = window.actions_list
    assert not highlight.isEnabled() and not add_note.isEnabled()
    assert not highlight_as.isEnabled()
    assert manage.isEnabled()
    select(window, article, "Stoltenberg")
    assert highlight.isEnabled() and add_note.isEnabled() and highlight_as.isEnabled()
    cursor = window.reader.browser.textCursor()
    cursor.clearSelection()
    window.reader.browser.setTextCursor(cursor)
    assert not highlight.isEnabled()
    assert window.controller.highlight_selection("claim") is None


def test_highlight_uses_selection_and_last_colour(window, session, article):
    highlight = window.actions_list[0]
    start, end = select(window, article, "Secretary General")
    first_colour = session.library.colours.all()[0].name
    highlight.trigger()
    (made,) = stored(session, article)
    assert (made.start, made.end, made.exact, made.colour) == (
        start, end, "Secretary General", first_colour)
    assert session.undo_stack.undoText() == f"Highlight “Secretary General” as {first_colour}"
    session.undo_stack.undo()
    assert stored(session, article) == []


def test_highlight_as_colour_then_remembered(window, session, article):
    controller = window.controller
    names = [c.name for c in session.library.colours.all()]
    assert [a.data() for a in controller.colour_actions] == names
    assert [a.shortcut().toString() for a in controller.colour_actions] == [
        f"Ctrl+{n}" for n in range(1, len(names) + 1)]
    evidence = next(a for a in controller.colour_actions if a.data() == "evidence")
    select(window, article, "Stoltenberg")
    evidence.trigger()
    select(window, article, "NATO")
    window.actions_list[0].trigger()  # plain Highlight: the last colour used
    assert sorted((a.exact, a.colour) for a in stored(session, article)) == [
        ("NATO", "evidence"), ("Stoltenberg", "evidence")]
    assert controller.last_colour == "evidence"


def test_colour_menu_follows_the_palette(window, session):
    controller = window.controller
    dialog = ColourDialog(session, window)
    dialog.warn = pytest.fail
    assert dialog.add_colour("background", "#dddddd")
    assert controller.colour_actions[-1].data() == "background"
    assert controller.colour_actions[-1] in window.actions()  # the shortcut is live
    assert dialog.rename_colour("background", "context")
    assert controller.colour_actions[-1].data() == "context"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert "background" not in [a.data() for a in controller.colour_actions]


def test_add_note_is_one_undo_step(window, session, article):
    controller = window.controller

    def write(dialog):
        assert isinstance(dialog, AnnotationEditor)
        assert "Jens Stoltenberg" in dialog.quote.text()
        dialog.note.set_text("Named in *every* report")
        dialog.tags.setText("leaders")
        dialog.colour.set_current_name("question")
        return True

    controller.exec_dialog = write
    select(window, article, "Jens Stoltenberg")
    count = session.undo_stack.count()
    window.actions_list[2].trigger()
    (made,) = stored(session, article)
    assert (made.exact, made.note, made.tags, made.colour) == (
        "Jens Stoltenberg", "Named in *every* report", ("leaders",), "question")
    assert session.undo_stack.count() == count + 1
    session.undo_stack.undo()
    assert stored(session, article) == []
    controller.exec_dialog = lambda dialog: False  # cancel creates nothing
    window.actions_list[2].trigger()
    assert stored(session, article) == []


def test_colour_dialog_validates_and_undoes(qtbot, session, article):
    made = session.add_annotation(article.id, 0, 10, "claim")
    model = AnnotationsModel(session)
    model.set_article(article.id)
    dialog = ColourDialog(session)
    qtbot.addWidget(dialog)
    warnings = []
    dialog.warn = warnings.append
    assert not dialog.add_colour("Claim", "#000000")  # names are case-insensitive
    assert not dialog.add_colour("new", "red")
    assert not dialog.rename_colour("claim", "evidence")
    assert len(warnings) == 3
    assert dialog.rename_colour("claim", "assertion")
    # The store renames the highlights with the colour, and views follow.
    assert model.annotation(model.row_of(made.id)).colour == "assertion"
    assert dialog.current_name() == "assertion"
    assert dialog.recolour("assertion", "#112233")
    assert model.colour_hex("assertion") == "#112233"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert model.annotation(model.row_of(made.id)).colour == "claim"
    assert session.library.colours.get("claim").hex == "#ffb3a7"
    assert [dialog.list.item(r).data(256) for r in range(dialog.list.count())] == [
        c.name for c in session.library.colours.all()]


def test_custom_current_article(qtbot, session, article):
    other = session.library.articles.summaries()[1].id
    win = QMainWindow()
    qtbot.addWidget(win)
    reader = ReaderView(win)
    reader.set_article(article)
    controller = AnnotationActions(win, session, reader, current_article_id=lambda: other)
    start = article.body.index("NATO")
    reader.browser.setTextCursor(reader.cursor_for(start, start + 4))
    assert controller.target() == (other, start, start + 4)


def main_window(qtbot, session, qsettings):
    """The real main window over `qsettings`, its panels and actions built."""
    from nato_reader.ui.main_window import MainWindow
    from nato_reader.ui.settings import Settings

    win = MainWindow(session, Settings(qsettings), interactive=False)
    qtbot.addWidget(win)
    win.show()
    win.build_panels()
    win.library_view.select_article(session.library.articles.summaries()[0].id)
    return win


def restarted(qtbot, session, settings):
    """A second window over a second QSettings on the same file, as after a restart."""
    from PySide6.QtCore import QSettings

    return main_window(qtbot, session, QSettings(settings.fileName(), settings.format()))


def test_last_colour_is_remembered_between_runs(qtbot, session, settings, article):
    first = main_window(qtbot, session, settings)
    controller = first.findChild(AnnotationActions)
    assert controller.last_colour == "yellow"  # nothing remembered yet: the first colour
    select(first, article, "Stoltenberg")
    next(a for a in controller.colour_actions if a.data() == "evidence").trigger()
    first.close()  # saves and syncs the settings, as on quitting

    second = restarted(qtbot, session, settings)
    again = second.findChild(AnnotationActions)
    assert again.last_colour == "evidence"
    assert second.annotation_actions[0].toolTip() == "Highlight as evidence (Ctrl+H)"
    select(second, article, "NATO")
    second.annotation_actions[0].trigger()  # Ctrl+H
    assert ("NATO", "evidence") in [(a.exact, a.colour) for a in stored(session, article)]


def test_a_remembered_colour_since_removed_falls_back_to_the_first(qtbot, session, settings):
    from nato_reader.ui.settings import Settings

    Settings(settings).set_last_highlight_colour("Question")  # names are case-insensitive
    win = restarted(qtbot, session, settings)
    controller = win.findChild(AnnotationActions)
    assert controller.last_colour == "question"  # in the palette's spelling
    session.remove_colour("question")
    assert controller.last_colour == "yellow"
    assert win.annotation_actions[0].toolTip() == "Highlight as yellow (Ctrl+H)"


def test_a_window_without_settings_remembers_only_while_open(window, session, article):
    select(window, article, "NATO")
    window.controller.highlight_selection("claim")
    assert window.controller.settings is None
    assert window.controller.last_colour == "claim"


def test_renaming_the_remembered_colour_keeps_it_and_undo_follows(qtbot, session, settings):
    from nato_reader.ui.settings import Settings
    from nato_reader.ui.undo_commands import RenameColourCommand, push

    Settings(settings).set_last_highlight_colour("evidence")
    win = restarted(qtbot, session, settings)
    controller = win.findChild(AnnotationActions)
    push(session.undo_stack, RenameColourCommand(session, "evidence", "Proof"))
    assert controller.last_colour == "Proof"
    assert win.annotation_actions[0].toolTip() == "Highlight as Proof (Ctrl+H)"
    assert win.settings.last_highlight_colour() == "Proof"  # remembered for the next run
    session.undo_stack.undo()
    assert controller.last_colour == "evidence"
    session.rename_colour("claim", "assertion")  # another colour: the remembered one stays
    assert controller.last_colour == "evidence"
