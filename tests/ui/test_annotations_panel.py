"""The annotations panel: model checks, filters, jumping, editing and deleting through
the undo stack, orphans listed apart, and the article's own tags and note."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from nato_reader.ui.annotation_editor import AnnotationEditor, NoteDialog
from nato_reader.ui.annotations_model import AnnotationFilterProxy, AnnotationsModel
from nato_reader.ui.annotations_panel import AnnotationsPanel
from nato_reader.ui.reader_view import ReaderView


class RecordingReader(ReaderView):
    """The real reader view, noting where it was asked to scroll."""

    def __init__(self, article=None) -> None:
        super().__init__()
        self.jumps = []
        if article is not None:
            self.set_article(article)

    def scroll_to(self, start, end, flash=True):
        self.jumps.append((start, end))
        super().scroll_to(start, end, flash)


def annotate(session, article, text, colour, note="", tags=(), nth=0):
    start = -1
    for _ in range(nth + 1):
        start = article.body.index(text, start + 1)
    return session.add_annotation(article.id, start, start + len(text), colour, note=note,
                                  tags=tags)


@pytest.fixture
def annotated(session, article):
    """Four highlights in body order, one of them then orphaned."""
    made = [
        annotate(session, article, "Stoltenberg", "claim", "Is this *settled*?", ("leaders",)),
        annotate(session, article, "NATO", "evidence", "", ("nato", "leaders")),
        annotate(session, article, "Secretary General", "question", "Who decides?"),
        annotate(session, article, "the", "claim", "lost in a re-import", ("nato",), nth=3),
    ]
    # An orphan, as re-anchoring leaves one: same row, flagged.
    deleted = session.delete_annotation(made[3].id)
    made[3] = session.restore_annotation(dataclasses.replace(deleted, orphan=True))
    return made


@pytest.fixture
def panel(qtbot, session, article, annotated):
    reader = RecordingReader(article)
    widget = AnnotationsPanel(session, reader)
    qtbot.addWidget(reader)
    qtbot.addWidget(widget)
    widget.resize(360, 640)
    widget.show()
    widget.set_article(article.id)
    return widget


def ids(proxy):
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())]


def test_model_passes_modeltester(qtmodeltester, session, article, annotated):
    model = AnnotationsModel(session)
    model.set_article(article.id)
    qtmodeltester.check(model, force_py=True)
    proxy = AnnotationFilterProxy(orphans=False)
    proxy.setSourceModel(model)
    proxy.set_colour("claim")
    qtmodeltester.check(proxy, force_py=True)


def test_model_follows_changes_without_reset(qtbot, session, article, annotated):
    model = AnnotationsModel(session)
    model.set_article(article.id)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.rowsRemoved):
        session.delete_annotation(annotated[1].id)
    assert [a.id for a in model.annotations()] == [annotated[0].id, annotated[2].id,
                                                   annotated[3].id]
    with qtbot.waitSignal(model.rowsInserted):
        session.restore_annotation(annotated[1])
    with qtbot.waitSignal(model.dataChanged):
        session.update_annotation(annotated[2].id, note="edited")
    assert model.annotation(model.row_of(annotated[2].id)).note == "edited"
    assert resets == []
    # Another article's changes are not ours.
    other = session.library.articles.summaries()[1].id
    with qtbot.assertNotEmitted(model.rowsInserted):
        session.add_annotation(other, 0, 5, "claim")


def test_same_article_again_keeps_the_selection(panel, annotated):
    panel.select_annotation(annotated[2].id)
    panel.set_article(annotated[2].article_id)
    assert panel.current_annotation().id == annotated[2].id


def test_lists_placed_in_body_order_and_orphans_apart(panel, annotated):
    assert ids(panel.placed) == [a.id for a in sorted(annotated[:3], key=lambda a: a.start)]
    assert ids(panel.orphaned) == [annotated[3].id]
    assert panel.orphan_list.isVisible() and panel.orphans_label.isVisible()
    assert panel.summary.text() == "4 highlights"


def test_filter_by_colour_and_tag(panel, annotated):
    panel.set_filters(colour="claim")
    assert ids(panel.placed) == [annotated[0].id]
    assert ids(panel.orphaned) == [annotated[3].id]
    panel.set_filters(tag="leaders")
    assert set(ids(panel.placed)) == {annotated[0].id, annotated[1].id}
    assert ids(panel.orphaned) == []
    assert not panel.orphan_list.isVisible()
    panel.set_filters(colour="evidence", tag="leaders")
    assert ids(panel.placed) == [annotated[1].id]
    assert panel.summary.text() == "4 highlights, 1 shown"
    # The combos offer the palette and the article's tags.
    assert [panel.colour_filter.itemData(i) for i in range(panel.colour_filter.count())][:3] == [
        None, *[c.name for c in panel.session.library.colours.all()][:2]]
    tags = [panel.tag_filter.itemData(i) for i in range(panel.tag_filter.count())]
    assert tags == [None, "leaders", "nato"]
    panel.set_filters()
    assert len(ids(panel.placed)) == 3


def test_click_and_enter_jump_to_the_range(qtbot, panel, annotated):
    view = panel.list
    row = ids(panel.placed).index(annotated[2].id)
    rect = view.visualRect(panel.placed.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.reader.jumps == [(annotated[2].start, annotated[2].end)]
    view.setCurrentIndex(panel.placed.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    first = min(annotated[:3], key=lambda a: a.start)
    assert panel.reader.jumps[-1] == (first.start, first.end)
    # An orphan has nowhere to go.
    panel.jump_to(panel.orphaned.index(0, 0))
    assert len(panel.reader.jumps) == 2


def test_select_annotation(panel, annotated):
    assert panel.select_annotation(annotated[2].id)
    assert panel.current_annotation().id == annotated[2].id
    panel.set_filters(colour="claim")
    assert not panel.select_annotation(annotated[2].id)  # filtered out
    assert panel.select_annotation(annotated[3].id)
    assert panel.orphan_list.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == annotated[3].id


def test_select_annotation_can_reveal_a_filtered_out_one(panel, annotated):
    panel.set_filters(colour="claim", tag="nato")
    assert panel.placed.rowCount() == 0
    assert panel.select_annotation(annotated[2].id, reveal=True)
    assert panel.current_annotation().id == annotated[2].id
    assert (panel.colour_filter.currentData(), panel.tag_filter.currentData()) == (None, None)
    assert not panel.select_annotation(-1, reveal=True)  # not this article's


def test_delete_key_deletes_through_undo(qtbot, panel, annotated):
    session = panel.session
    view = panel.list
    row = ids(panel.placed).index(annotated[1].id)
    view.setCurrentIndex(panel.placed.index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert annotated[1].id not in {a.id for a in session.library.annotations.for_article(
        annotated[1].article_id)}
    assert annotated[1].id not in ids(panel.placed)
    assert session.undo_stack.undoText() == "Delete annotation “NATO”"
    session.undo_stack.undo()
    assert annotated[1].id in ids(panel.placed)


def test_f2_opens_editor_and_pushes_one_edit(qtbot, panel, annotated):
    seen = []

    def fill(dialog):
        assert isinstance(dialog, AnnotationEditor)
        seen.append(dialog.values())
        dialog.note.set_text("**Rewritten** note")
        dialog.tags.setText("leaders, checked")
        dialog.colour.set_current_name("evidence")
        return True

    panel.exec_dialog = fill
    view = panel.list
    view.setCurrentIndex(panel.placed.index(ids(panel.placed).index(annotated[0].id), 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert seen == [("Is this *settled*?", ("leaders",), "claim")]
    now = panel.model.annotation(panel.model.row_of(annotated[0].id))
    assert (now.note, set(now.tags), now.colour) == (
        "**Rewritten** note", {"leaders", "checked"}, "evidence")
    panel.session.undo_stack.undo()
    now = panel.model.annotation(panel.model.row_of(annotated[0].id))
    assert (now.note, now.tags, now.colour) == ("Is this *settled*?", ("leaders",), "claim")


def test_editor_cancel_or_no_change_pushes_nothing(panel, annotated):
    stack = panel.session.undo_stack
    before = stack.count()
    index = panel.placed.index(0, 0)
    panel.exec_dialog = lambda dialog: False
    panel.edit(index)
    panel.exec_dialog = lambda dialog: True
    panel.edit(index)
    assert stack.count() == before


def test_editor_renders_markdown_preview(qtbot, session):
    dialog = AnnotationEditor("quote", session.library.colours.all(), ["nato"],
                              note="# Heading\n\n*soft*")
    qtbot.addWidget(dialog)
    html = dialog.note.preview.toHtml()
    assert "Heading" in html and "font-style:italic" in html
    assert "# Heading" not in dialog.note.preview.toPlainText()


def test_article_tags_and_note_through_undo(qtbot, panel, article):
    session, notes = panel.session, panel.article_notes
    notes.tags.setText("nato, Leaders Summit")
    notes.tags.editingFinished.emit()
    assert set(session.library.articles.get(article.id).tags) == {"nato", "Leaders-Summit"}
    assert session.undo_stack.undoText().startswith("Tag article")

    def write(dialog):
        assert isinstance(dialog, NoteDialog)
        dialog.editor.set_text("Read with **care**.")
        return True

    notes.exec_dialog = write
    notes.edit_note.click()
    assert session.library.articles.get(article.id).note == "Read with **care**."
    assert "care" in notes.note.text()
    session.undo_stack.undo()
    assert session.library.articles.get(article.id).note == ""
    session.undo_stack.undo()
    assert session.library.articles.get(article.id).tags == ()
    assert notes.tags.text() == ""


def test_tag_completion_offers_existing_tags(qtbot, panel):
    edit = panel.article_notes.tags
    edit.setFocus()
    qtbot.keyClicks(edit, "nato, lea")
    completer = edit._completer
    assert completer.completionPrefix() == "lea"
    assert completer.currentCompletion() == "leaders"
    edit._insert_completion("leaders")
    assert edit.text() == "nato, leaders, "
    assert edit.tags() == ("nato", "leaders")
    edit.editingFinished.emit()  # Return or leaving the field commits
    article_id = panel.article_notes.article_id
    assert set(panel.session.library.articles.get(article_id).tags) == {"nato", "leaders"}


def test_no_article(qtbot, session):
    reader = RecordingReader()
    widget = AnnotationsPanel(session, reader)
    qtbot.addWidget(reader)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0
    assert widget.summary.text() == "No article open."
    assert not widget.article_notes.isEnabled()


def test_exec_dialog_default_is_modal_exec(monkeypatch, panel, annotated):
    calls = []
    monkeypatch.setattr(AnnotationEditor, "exec",
                        lambda self: calls.append(self) or QDialog.DialogCode.Rejected)
    panel.edit(panel.placed.index(0, 0))
    assert len(calls) == 1
