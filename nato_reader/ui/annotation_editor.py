"""Editors for notes, tags and colours: small widgets plus the annotation dialog.

The dialogs only collect values; the functions at the bottom turn them into undo
commands (one per accepted dialog, carrying only the fields that changed).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nato_reader.store.articles import normalise_tag
from nato_reader.ui.undo_commands import (
    AddAnnotationCommand,
    EditAnnotationCommand,
    SetArticleNoteCommand,
    push,
    shorten,
)


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, normalised as the store does, duplicates dropped."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = normalise_tag(part)
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def format_tags(tags: Iterable[str]) -> str:
    return ", ".join(tags)


def same_tags(a: Iterable[str], b: Iterable[str]) -> bool:
    return sorted(t.casefold() for t in a) == sorted(t.casefold() for t in b)


def tag_names(session) -> list[str]:
    """Every tag in the library (articles and annotations share one tag table)."""
    library = session.library
    store = getattr(library, "annotations", None)
    names = set(getattr(store, "all_tag_names", lambda: [])())
    names.update(library.articles.all_tag_names())
    return sorted(names, key=str.casefold)


def colour_icon(hex_: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(hex_))
    return QIcon(pixmap)


class TagsLineEdit(QLineEdit):
    """Comma-separated tags; the completer offers existing tags for the word being typed."""

    tags_edited = Signal(tuple)  # on editingFinished, when the tags differ from the last set

    def __init__(self, names: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("tags, comma separated")
        self._names = QStringListModel(list(names), self)
        self._completer = QCompleter(self._names, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._insert_completion)
        self.textEdited.connect(self._update_completion)
        self.editingFinished.connect(self._finished)
        self._last: tuple[str, ...] = ()

    def set_names(self, names: Iterable[str]) -> None:
        self._names.setStringList(list(names))

    def set_tags(self, tags: Iterable[str]) -> None:
        self._last = tuple(tags)
        self.setText(format_tags(self._last))

    def tags(self) -> tuple[str, ...]:
        return parse_tags(self.text())

    def completer_popup_visible(self) -> bool:
        return self._completer.popup().isVisible()

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _update_completion(self) -> None:
        word = self._current_word()
        if not word:
            self._completer.popup().hide()
            return
        taken = {t.casefold() for t in self.tags()} - {word.casefold()}
        self._completer.setCompletionPrefix(word)
        # Hide the popup when the only candidates are already in the list.
        candidates = [n for n in self._names.stringList()
                      if n.casefold().startswith(word.casefold()) and n.casefold() not in taken]
        if candidates and candidates != [word]:
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, name: str) -> None:
        """Replace the word under the cursor (between commas) with `name`."""
        text, pos = self.text(), self.cursorPosition()
        start = text.rfind(",", 0, pos) + 1
        end = text.find(",", pos)
        end = len(text) if end < 0 else end
        head = text[:start] + (" " if start else "") + name
        tail = text[end:] or ", "  # the last word: ready for the next tag
        self._completer.popup().hide()
        self.setText(head + tail)
        self.setCursorPosition(len(head) + (2 if tail == ", " else 0))

    def _finished(self) -> None:
        if self.completer_popup_visible():
            return
        tags = self.tags()
        self.setModified(False)
        if not same_tags(tags, self._last):
            self._last = tags
            self.tags_edited.emit(tags)


class ColourCombo(QComboBox):
    """The named palette, each entry with its swatch; itemData is the colour name."""

    def __init__(self, colours=(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_colours(colours)

    def set_colours(self, colours, current: str | None = None) -> None:
        current = current or self.current_name()
        self.clear()
        for colour in colours:
            self.addItem(colour_icon(colour.hex), colour.name, colour.name)
        if current:
            self.set_current_name(current)

    def current_name(self) -> str | None:
        return self.currentData()

    def set_current_name(self, name: str) -> None:
        row = next((i for i in range(self.count())
                    if self.itemData(i).casefold() == name.casefold()), -1)
        if row < 0:  # a colour since removed from the palette: keep it selectable
            self.addItem(colour_icon("#c8c8c8"), f"{name} (not in palette)", name)
            row = self.count() - 1
        self.setCurrentIndex(row)


class MarkdownEditor(QWidget):
    """Plain-text Markdown on top, its rendering below, updated as one types."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText("Note (Markdown: **bold**, *italic*, - lists, [links](…))")
        self.edit.setAccessibleName("Note")
        self.preview = QTextBrowser(self)
        self.preview.setOpenExternalLinks(True)
        self.preview.setAccessibleName("Note preview")
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 4, 0, 0)
        preview_layout.setSpacing(2)
        caption = QLabel("Preview", preview_box)
        caption.setStyleSheet("color: palette(placeholder-text);")
        preview_layout.addWidget(caption)
        preview_layout.addWidget(self.preview)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.edit)
        splitter.addWidget(preview_box)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.edit.textChanged.connect(self._render)
        self.set_text(text)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)
        self._render()

    def _render(self) -> None:
        text = self.text()
        if text.strip():
            self.preview.setMarkdown(text)
        else:
            self.preview.setHtml("<p style='color: gray'>Nothing written yet.</p>")


class AnnotationEditor(QDialog):
    """Colour, tags and note of one highlight (new or existing)."""

    def __init__(self, quote: str, colours, tag_names_: Iterable[str] = (), *, colour: str = "",
                 note: str = "", tags: Iterable[str] = (), orphan: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Annotation")
        self.quote = QLabel(f"“{shorten(quote, 400)}”", self)
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setStyleSheet("font-style: italic;")
        self.colour = ColourCombo(colours, self)
        if colour:
            self.colour.set_current_name(colour)
        self.tags = TagsLineEdit(tag_names_, self)
        self.tags.set_tags(tags)
        self.note = MarkdownEditor(note, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Colour", self.colour)
        form.addRow("Tags", self.tags)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        if orphan:
            warning = QLabel("This text is no longer in the article (orphaned).", self)
            warning.setStyleSheet("color: #a50e0e;")
            layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.note, 1)
        layout.addWidget(buttons)
        self.resize(460, 420)
        self.note.edit.setFocus()

    def values(self) -> tuple[str, tuple[str, ...], str]:
        """(note, tags, colour name)."""
        return self.note.text(), self.tags.tags(), self.colour.current_name() or ""


class NoteDialog(QDialog):
    """The article-level note, in Markdown with a live preview."""

    def __init__(self, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Note on “{shorten(title, 50)}”")
        self.editor = MarkdownEditor(note, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(520, 440)

    def text(self) -> str:
        return self.editor.text()


# -- dialog -> undo command ----------------------------------------------------------------


def edit_command_for(session, annotation, note: str, tags, colour: str):
    """An EditAnnotationCommand carrying only what changed, or None."""
    new_note = note if note != annotation.note else None
    new_tags = tuple(tags) if not same_tags(tags, annotation.tags) else None
    new_colour = colour if colour and colour != annotation.colour else None
    if new_note is None and new_tags is None and new_colour is None:
        return None
    return EditAnnotationCommand(session, annotation.id, note=new_note, tags=new_tags,
                                 colour=new_colour)


def edit_annotation(parent, session, annotation, exec_dialog=None):
    """Open the editor on `annotation`; push one edit command if anything changed.

    `exec_dialog(dialog) -> bool` replaces the modal exec (tests fill the dialog in it).
    """
    dialog = AnnotationEditor(annotation.exact, session.library.colours.all(),
                              tag_names(session), colour=annotation.colour,
                              note=annotation.note, tags=annotation.tags,
                              orphan=annotation.orphan, parent=parent)
    accepted = exec_dialog(dialog) if exec_dialog else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    command = edit_command_for(session, annotation, *dialog.values())
    return push(session.undo_stack, command) if command else None


def add_annotation_with_note(parent, session, article_id: int, start: int, end: int,
                             colour: str, exec_dialog=None):
    """Highlight + note in one undo step: the editor opens first, cancel creates nothing."""
    body = session.library.articles.get(article_id).body
    dialog = AnnotationEditor(body[start:end], session.library.colours.all(),
                              tag_names(session), colour=colour, parent=parent)
    accepted = exec_dialog(dialog) if exec_dialog else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    note, tags, colour = dialog.values()
    return push(session.undo_stack, AddAnnotationCommand(
        session, article_id, start, end, colour or "yellow", note=note, tags=tags))


def edit_article_note(parent, session, article_id: int, exec_dialog=None):
    article = session.library.articles.get(article_id)
    dialog = NoteDialog(article.title, article.note, parent)
    accepted = exec_dialog(dialog) if exec_dialog else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted or dialog.text() == article.note:
        return None
    return push(session.undo_stack, SetArticleNoteCommand(session, article_id, dialog.text()))
