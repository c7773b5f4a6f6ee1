"""Undo commands for every user edit: annotations, article metadata, entity corrections.

Each command keeps ids and values only (never widgets) and calls the session in
`redo`/`undo`; the session writes one transaction and emits its signal, so views refresh
themselves. A store error in `redo` or `undo` marks the command obsolete (Qt then drops it
from the stack instead of leaving a step that did not happen) and is re-raised.

Push with `push(stack, command)` or `stack.push(command)`: Qt calls `redo()` at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand

from nato_reader.core.model import Annotation, EntityCorrection

QUOTE_CHARS = 40


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line, at most `limit` characters, for menu texts and list previews."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    return f"“{shorten(text, limit)}”"


def push(stack, command: QUndoCommand) -> QUndoCommand:
    """Push and return the command (its first redo has run; errors propagate)."""
    stack.push(command)
    return command


class SessionCommand(QUndoCommand):
    """Runs `_redo`/`_undo`; on failure the command leaves the stack and the error rises."""

    def __init__(self, session, text: str = "") -> None:
        super().__init__(text)
        self.session = session

    def redo(self) -> None:
        try:
            self._redo()
        except Exception:
            self.setObsolete(True)
            raise

    def undo(self) -> None:
        try:
            self._undo()
        except Exception:
            self.setObsolete(True)
            raise

    def _redo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _undo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


# -- annotations ----------------------------------------------------------------------


class AddAnnotationCommand(SessionCommand):
    """Highlight a range. Undo deletes it; redo restores the same row (same id)."""

    def __init__(self, session, article_id: int, start: int, end: int, colour: str,
                 note: str = "", tags: Iterable[str] = ()) -> None:
        super().__init__(session)
        self.article_id = article_id
        self.start, self.end = start, end
        self.colour = colour
        self.note = note
        self.tags = tuple(tags)
        self.annotation: Annotation | None = None  # as last stored
        body = _article_body(session, article_id)
        quote = body[start:end] if body else ""
        verb = "Add note to" if note else "Highlight"
        self.setText(f"{verb} {quoted(quote)} as {colour}" if quote else f"{verb} as {colour}")

    @property
    def annotation_id(self) -> int | None:
        return self.annotation.id if self.annotation else None

    def _redo(self) -> None:
        if self.annotation is None:
            self.annotation = self.session.add_annotation(
                self.article_id, self.start, self.end, self.colour, note=self.note,
                tags=self.tags)
        else:
            self.annotation = self.session.restore_annotation(self.annotation)

    def _undo(self) -> None:
        self.annotation = self.session.delete_annotation(self.annotation.id)


class EditAnnotationCommand(SessionCommand):
    """Change an annotation's note, tags and/or colour (None = leave as is)."""

    def __init__(self, session, annotation_id: int, note: str | None = None,
                 tags: Iterable[str] | None = None, colour: str | None = None) -> None:
        super().__init__(session, "Edit annotation")
        self.annotation_id = annotation_id
        self.note = note
        self.tags = tuple(tags) if tags is not None else None
        self.colour = colour
        self.previous: Annotation | None = None

    def _redo(self) -> None:
        self.previous = self.session.update_annotation(
            self.annotation_id, note=self.note, tags=self.tags, colour=self.colour)
        self.setText(self._describe(self.previous))

    def _undo(self) -> None:
        before = self.previous
        self.session.update_annotation(
            self.annotation_id,
            note=before.note if self.note is not None else None,
            tags=before.tags if self.tags is not None else None,
            colour=before.colour if self.colour is not None else None)

    def _describe(self, before: Annotation) -> str:
        quote = quoted(before.exact)
        changed = [name for name, value, old in (
            ("note", self.note, before.note), ("tags", self.tags, before.tags),
            ("colour", self.colour, before.colour)) if value is not None and value != old]
        if changed == ["colour"]:
            return f"Recolour {quote} as {self.colour}"
        if changed == ["note"]:
            return f"Edit note on {quote}" if before.note else f"Add note to {quote}"
        if changed == ["tags"]:
            return f"Tag {quote}"
        return f"Edit annotation {quote}"


class DeleteAnnotationCommand(SessionCommand):
    """Delete an annotation; undo restores it with its id, note, tags and colour."""

    def __init__(self, session, annotation_id: int) -> None:
        super().__init__(session, "Delete annotation")
        self.annotation_id = annotation_id
        self.deleted: Annotation | None = None

    def _redo(self) -> None:
        self.deleted = self.session.delete_annotation(self.annotation_id)
        self.setText(f"Delete annotation {quoted(self.deleted.exact)}")

    def _undo(self) -> None:
        self.session.restore_annotation(self.deleted)


# -- article metadata -------------------------------------------------------------------


class _ArticleFieldCommand(SessionCommand):
    """Set one article field through a session setter that returns the old value."""

    setter = ""

    def __init__(self, session, article_id: int, value, text: str) -> None:
        super().__init__(session, text)
        self.article_id = article_id
        self.value = value
        self.old = None

    def _redo(self) -> None:
        self.old = getattr(self.session, self.setter)(self.article_id, self.value)

    def _undo(self) -> None:
        getattr(self.session, self.setter)(self.article_id, self.old)


class SetArticleTagsCommand(_ArticleFieldCommand):
    setter = "set_article_tags"

    def __init__(self, session, article_id: int, tags: Iterable[str]) -> None:
        tags = tuple(tags)
        text = f"Tag article: {', '.join(tags)}" if tags else "Remove article tags"
        super().__init__(session, article_id, tags, shorten(text, 60))


class SetArticleNoteCommand(_ArticleFieldCommand):
    setter = "set_article_note"

    def __init__(self, session, article_id: int, note: str) -> None:
        super().__init__(session, article_id, note,
                         "Edit article note" if note else "Clear article note")


class SetArticleTitleCommand(_ArticleFieldCommand):
    setter = "set_article_title"

    def __init__(self, session, article_id: int, title: str) -> None:
        super().__init__(session, article_id, title, f"Rename article to {quoted(title)}")


# -- entity corrections ------------------------------------------------------------------


def describe_correction(kind: str, canonical: str, value: str = "") -> str:
    name = quoted(canonical)
    if kind == "rename":
        return f"Rename entity {name} to {quoted(value)}"
    if kind == "retype":
        return f"Mark entity {name} as {value}"
    if kind == "merge":
        return f"Merge entity {name} into {quoted(value)}"
    if kind == "hide":
        return f"Hide entity {name}"
    return f"Correct entity {name}"


class AddCorrectionCommand(SessionCommand):
    """Add an entity correction; undo removes that correction, redo adds it again."""

    def __init__(self, session, kind: str, canonical: str, value: str = "") -> None:
        super().__init__(session, describe_correction(kind, canonical, value))
        self.kind, self.canonical, self.value = kind, canonical, value
        self.correction: EntityCorrection | None = None

    def _redo(self) -> None:
        self.correction = self.session.add_correction(self.kind, self.canonical, self.value)

    def _undo(self) -> None:
        self.session.remove_correction(self.correction.id)


class RemoveCorrectionCommand(SessionCommand):
    """Remove a correction (e.g. "show hidden entity again"); undo adds it back."""

    def __init__(self, session, correction: EntityCorrection) -> None:
        super().__init__(session, "Undo correction: " + describe_correction(
            correction.kind, correction.canonical, correction.value))
        self.correction = correction

    def _redo(self) -> None:
        self.session.remove_correction(self.correction.id)

    def _undo(self) -> None:
        self.correction = self.session.add_correction(
            self.correction.kind, self.correction.canonical, self.correction.value)


# -- the named palette ---------------------------------------------------------------------


class AddColourCommand(SessionCommand):
    def __init__(self, session, name: str, hex_: str) -> None:
        super().__init__(session, f"Add colour {quoted(name)}")
        self.name, self.hex = name, hex_

    def _redo(self) -> None:
        self.session.add_colour(self.name, self.hex)

    def _undo(self) -> None:
        self.session.remove_colour(self.name)


class RenameColourCommand(SessionCommand):
    """Rename a palette colour; its highlights follow (the store renames them too)."""

    def __init__(self, session, old: str, new: str) -> None:
        super().__init__(session, f"Rename colour {quoted(old)} to {quoted(new)}")
        self.old, self.new = old, new

    def _redo(self) -> None:
        self.session.rename_colour(self.old, self.new)

    def _undo(self) -> None:
        self.session.rename_colour(self.new, self.old)


class RecolourCommand(SessionCommand):
    def __init__(self, session, name: str, hex_: str) -> None:
        super().__init__(session, f"Change colour of {quoted(name)}")
        self.name, self.hex = name, hex_
        self.old_hex: str | None = None

    def _redo(self) -> None:
        self.old_hex = self.session.set_colour_hex(self.name, self.hex)

    def _undo(self) -> None:
        self.session.set_colour_hex(self.name, self.old_hex)


def _article_body(session, article_id: int) -> str:
    try:
        return session.library.articles.get(article_id).body
    except Exception:  # a missing article fails later, in redo, where it is reported
        return ""
