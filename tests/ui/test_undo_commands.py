"""Undo commands against the real session and a seeded tmp_path library: every command's
undo puts the store back as it was, and redo after undo gives the same rows back."""

from __future__ import annotations

import dataclasses

import pytest

from nato_reader.ui.undo_commands import (
    AddAnnotationCommand,
    AddColourCommand,
    AddCorrectionCommand,
    DeleteAnnotationCommand,
    EditAnnotationCommand,
    RecolourCommand,
    RemoveCorrectionCommand,
    RenameColourCommand,
    SetArticleNoteCommand,
    SetArticleTagsCommand,
    SetArticleTitleCommand,
    push,
)


def stored(session, article_id):
    return {a.id: a for a in session.library.annotations.for_article(article_id)}


def span_of(article, text):
    start = article.body.index(text)
    return start, start + len(text)


def test_add_undo_redo_keeps_id_and_content(qtbot, session, article):
    stack = session.undo_stack
    start, end = span_of(article, "Stoltenberg")
    with qtbot.waitSignal(session.annotations_changed) as blocker:
        command = push(stack, AddAnnotationCommand(session, article.id, start, end, "claim",
                                                   note="check *this*", tags=("nato",)))
    assert blocker.args == [article.id]
    assert command.text() == "Add note to “Stoltenberg” as claim"
    first = stored(session, article.id)[command.annotation_id]
    assert (first.exact, first.colour, first.note, first.tags) == (
        "Stoltenberg", "claim", "check *this*", ("nato",))

    # A later row, so that SQLite would not hand the freed id out again by chance.
    later = session.add_annotation(article.id, 0, 3, "yellow")
    stack.undo()
    assert set(stored(session, article.id)) == {later.id}
    stack.redo()
    assert command.annotation_id == first.id
    again = stored(session, article.id)[first.id]
    assert dataclasses.replace(again, updated_at="") == dataclasses.replace(first, updated_at="")


def test_plain_highlight_text(session, article):
    start, end = span_of(article, "NATO")
    command = push(session.undo_stack,
                   AddAnnotationCommand(session, article.id, start, end, "evidence"))
    assert command.text() == "Highlight “NATO” as evidence"


def test_edit_undo_restores_note_tags_and_colour(session, article):
    stack = session.undo_stack
    start, end = span_of(article, "NATO")
    added = push(stack, AddAnnotationCommand(session, article.id, start, end, "yellow",
                                             note="old", tags=("a",)))
    edit = push(stack, EditAnnotationCommand(session, added.annotation_id, note="new",
                                             tags=("b", "c"), colour="question"))
    now = stored(session, article.id)[added.annotation_id]
    assert (now.note, set(now.tags), now.colour) == ("new", {"b", "c"}, "question")
    assert edit.text() == "Edit annotation “NATO”"
    stack.undo()
    back = stored(session, article.id)[added.annotation_id]
    assert (back.note, back.tags, back.colour) == ("old", ("a",), "yellow")
    stack.redo()
    assert stored(session, article.id)[added.annotation_id].colour == "question"


def test_edit_of_one_field_leaves_the_others(session, article):
    stack = session.undo_stack
    start, end = span_of(article, "NATO")
    added = push(stack, AddAnnotationCommand(session, article.id, start, end, "yellow",
                                             note="keep", tags=("t",)))
    recolour = push(stack, EditAnnotationCommand(session, added.annotation_id, colour="claim"))
    assert recolour.text() == "Recolour “NATO” as claim"
    # Someone else changes the note meanwhile: undoing the recolour must not touch it.
    session.update_annotation(added.annotation_id, note="changed elsewhere")
    stack.undo()
    now = stored(session, article.id)[added.annotation_id]
    assert (now.colour, now.note, now.tags) == ("yellow", "changed elsewhere", ("t",))


def test_delete_undo_restores_everything(session, article):
    stack = session.undo_stack
    start, end = span_of(article, "Stoltenberg")
    added = push(stack, AddAnnotationCommand(session, article.id, start, end, "claim",
                                             note="n", tags=("x", "y")))
    before = stored(session, article.id)[added.annotation_id]
    later = session.add_annotation(article.id, 0, 3, "yellow")  # the freed id is not max
    delete = push(stack, DeleteAnnotationCommand(session, added.annotation_id))
    assert delete.text() == "Delete annotation “Stoltenberg”"
    assert added.annotation_id not in stored(session, article.id)
    stack.undo()
    after = stored(session, article.id)[added.annotation_id]
    assert (after.start, after.end, after.note, set(after.tags), after.colour) == (
        before.start, before.end, "n", {"x", "y"}, "claim")
    # Undo the add too, then redo both: still the same id.
    stack.undo()
    assert set(stored(session, article.id)) == {later.id}
    stack.redo()
    stack.redo()
    assert set(stored(session, article.id)) == {later.id}
    stack.undo()
    assert set(stored(session, article.id)) == {added.annotation_id, later.id}


def test_failed_command_leaves_the_stack(session, article):
    stack = session.undo_stack
    with pytest.raises(Exception, match="empty"):
        push(stack, SetArticleTitleCommand(session, article.id, "   "))
    assert stack.count() == 0
    assert session.library.articles.get(article.id).title == article.title


def test_article_tags_note_title_round_trip(session, article):
    stack = session.undo_stack
    push(stack, SetArticleTagsCommand(session, article.id, ["nato", "leaders"]))
    push(stack, SetArticleNoteCommand(session, article.id, "# Summary\nA race."))
    title = push(stack, SetArticleTitleCommand(session, article.id, "Who follows?"))
    assert title.text() == "Rename article to “Who follows?”"
    got = session.library.articles.get(article.id)
    assert (set(got.tags), got.note, got.title) == (
        {"nato", "leaders"}, "# Summary\nA race.", "Who follows?")
    for _ in range(3):
        stack.undo()
    got = session.library.articles.get(article.id)
    assert (got.tags, got.note, got.title) == (article.tags, article.note, article.title)
    for _ in range(3):
        stack.redo()
    assert session.library.articles.get(article.id).title == "Who follows?"


def test_correction_undo_redo_changes_library(qtbot, session):
    stack = session.undo_stack
    corrections = session.library.corrections
    command = AddCorrectionCommand(session, "rename", "Stoltenberg", "Jens Stoltenberg")
    assert command.text() == "Rename entity “Stoltenberg” to “Jens Stoltenberg”"
    with qtbot.waitSignal(session.corrections_changed):
        push(stack, command)
    assert [(c.kind, c.canonical, c.value) for c in corrections.all()] == [
        ("rename", "Stoltenberg", "Jens Stoltenberg")]
    with qtbot.waitSignal(session.corrections_changed):
        stack.undo()
    assert corrections.all() == []
    stack.redo()
    assert [(c.kind, c.value) for c in corrections.all()] == [("rename", "Jens Stoltenberg")]
    # Removing (e.g. "show a hidden entity again") is undoable too.
    push(stack, RemoveCorrectionCommand(session, corrections.all()[0]))
    assert corrections.all() == []
    stack.undo()
    assert [c.canonical for c in corrections.all()] == ["Stoltenberg"]


@pytest.mark.parametrize(("kind", "value", "text"), [
    ("retype", "ORG", "Mark entity “NATO” as ORG"),
    ("merge", "North Atlantic Treaty Organization",
     "Merge entity “NATO” into “North Atlantic Treaty Organization”"),
    ("hide", "", "Hide entity “NATO”"),
])
def test_correction_texts(session, kind, value, text):
    assert AddCorrectionCommand(session, kind, "NATO", value).text() == text


def test_palette_commands_round_trip(qtbot, session):
    stack = session.undo_stack
    colours = session.library.colours

    def palette():
        return {c.name: c.hex for c in colours.all()}

    before = palette()
    with qtbot.waitSignal(session.colours_changed):
        push(stack, AddColourCommand(session, "context", "#cccccc"))
    assert palette()["context"] == "#cccccc"
    push(stack, RenameColourCommand(session, "context", "background"))
    assert "background" in palette() and "context" not in palette()
    push(stack, RecolourCommand(session, "background", "#123456"))
    assert palette()["background"] == "#123456"
    for _ in range(3):
        stack.undo()
    assert palette() == before
