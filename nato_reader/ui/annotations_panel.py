"""The annotations dock: the article's tags and note, then its highlights (filterable by
colour and tag), then the orphans that re-anchoring could not place.

Every change goes through the session's undo stack; the panel refreshes itself from the
session's signals, so an undo from the Edit menu shows here at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from nato_reader.ui.annotation_editor import (
    TagsLineEdit,
    colour_icon,
    edit_annotation,
    edit_article_note,
    tag_names,
)
from nato_reader.ui.annotations_model import (
    AnnotationFilterProxy,
    AnnotationRole,
    AnnotationsModel,
    note_preview,
)
from nato_reader.ui.undo_commands import DeleteAnnotationCommand, SetArticleTagsCommand, push

PAD = 6
SWATCH = 5
QUOTE_LINES = 3
NOTE_LINES = 2


class AnnotationDelegate(QStyledItemDelegate):
    """Colour bar, the quote in italics, the note's first lines, then colour and tags."""

    def _fonts(self, option):
        quote = QFont(option.font)
        quote.setItalic(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        return quote, option.font, small

    def _parts(self, option, annotation, width):
        """[(font, text, flags, height, colour role or QColor)] laid out top to bottom."""
        quote_font, note_font, small = self._fonts(option)
        parts = []
        wrap = Qt.TextFlag.TextWordWrap
        quote = " ".join(annotation.exact.split())
        for font, text, lines in ((quote_font, f"“{quote}”", QUOTE_LINES),
                                  (note_font, note_preview(annotation.note, 240), NOTE_LINES)):
            if not text:
                continue
            metrics = QFontMetrics(font)
            height = metrics.boundingRect(QRect(0, 0, width, 10000), wrap, text).height()
            height = min(height, lines * metrics.lineSpacing())
            parts.append((font, text, wrap, height, None))
        meta = annotation.colour + "".join(f"  #{t}" for t in annotation.tags)
        if annotation.orphan:
            meta = "Orphaned · " + meta
        parts.append((small, meta, Qt.TextFlag.TextSingleLine, QFontMetrics(small).height(),
                      QColor("#a50e0e") if annotation.orphan else "meta"))
        return parts

    def _text_width(self, option) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        return max(80, (width or option.rect.width()) - SWATCH - 3 * PAD)

    def sizeHint(self, option, index) -> QSize:
        annotation = index.data(AnnotationRole)
        if annotation is None:
            return super().sizeHint(option, index)
        width = self._text_width(option)
        parts = self._parts(option, annotation, width)
        height = sum(p[3] for p in parts) + (len(parts) - 1) * 2 + 2 * PAD
        return QSize(width + SWATCH + 3 * PAD, height)

    def paint(self, painter, option, index) -> None:
        annotation = index.data(AnnotationRole)
        if annotation is None:
            return super().paint(painter, option, index)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        meta_colour = text_colour if selected else palette.color(
            QPalette.ColorRole.PlaceholderText)
        rect = option.rect
        swatch = QRect(rect.left() + PAD, rect.top() + PAD, SWATCH, rect.height() - 2 * PAD)
        painter.fillRect(swatch, index.data(Qt.ItemDataRole.DecorationRole))
        x = swatch.right() + PAD + 1
        y = rect.top() + PAD
        width = rect.right() - x - PAD
        for font, text, flags, height, colour in self._parts(option, annotation, width):
            painter.setFont(font)
            if isinstance(colour, QColor) and not selected:
                painter.setPen(colour)
            else:
                painter.setPen(meta_colour if colour == "meta" else text_colour)
            box = QRect(x, y, width, height)
            if flags == Qt.TextFlag.TextSingleLine:
                text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(box, int(flags), text)
            y += height + 2
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + PAD, rect.bottom(), rect.right() - PAD, rect.bottom())
        painter.restore()


class ArticleNotes(QWidget):
    """The article's own tags (completed from existing ones) and its Markdown note."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self.exec_dialog = None  # tests replace the modal exec
        self.tags = TagsLineEdit(tag_names(session), self)
        self.tags.setPlaceholderText("article tags, comma separated")
        self.tags.setAccessibleName("Article tags")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.MarkdownText)
        self.note.setOpenExternalLinks(True)
        self.note.setAccessibleName("Article note")
        self.edit_note = QPushButton("Edit note…", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<b>Article</b>", self)
        tags_row = QHBoxLayout()
        tags_row.setSpacing(8)
        tags_label = QLabel("&Tags", self)
        tags_label.setBuddy(self.tags)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags, 1)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.edit_note, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(heading)
        layout.addLayout(tags_row)
        layout.addLayout(row)
        self.tags.tags_edited.connect(self._tags_edited)
        self.edit_note.clicked.connect(self._edit_note)
        session.article_updated.connect(self._article_updated)
        session.tags_changed.connect(lambda: self.tags.set_names(tag_names(session)))
        self.set_article(None)

    def set_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.setEnabled(article_id is not None)
        if article_id is None:
            self.tags.set_tags(())
            self.note.setText("")
            return
        article = self.session.library.articles.get(article_id)
        if not self.tags.isModified():  # never overwrite what the user is typing
            self.tags.set_tags(article.tags)
        self.note.setText(article.note or "*No note on this article.*")
        self.edit_note.setText("Edit note…" if article.note else "Add note…")

    def _article_updated(self, article_id: int) -> None:
        if article_id == self.article_id:
            self.set_article(article_id)

    def _tags_edited(self, tags) -> None:
        if self.article_id is not None:
            command = SetArticleTagsCommand(self.session, self.article_id, tags)
            push(self.session.undo_stack, command)

    def _edit_note(self) -> None:
        if self.article_id is not None:
            edit_article_note(self, self.session, self.article_id, self.exec_dialog)


class AnnotationsPanel(QWidget):
    """`AnnotationsPanel(session, reader)`: put it in a dock; call `set_article(id)`."""

    def __init__(self, session, reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reader = reader
        self.exec_dialog = None  # tests replace the modal exec of the editor
        self.model = AnnotationsModel(session, self)
        self.placed = AnnotationFilterProxy(self, orphans=False)
        self.placed.setSourceModel(self.model)
        self.orphaned = AnnotationFilterProxy(self, orphans=True)
        self.orphaned.setSourceModel(self.model)

        self.article_notes = ArticleNotes(session, self)
        self.colour_filter = QComboBox(self)
        self.colour_filter.setAccessibleName("Filter by colour")
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName("Filter by tag")
        self.summary = QLabel(self)
        self.list = self._make_view("Highlights", self.placed)
        self.orphans_label = QLabel(
            "<b>Orphaned</b> — the text changed and these could not be placed again", self)
        self.orphans_label.setWordWrap(True)
        self.orphan_list = self._make_view("Orphaned annotations", self.orphaned)

        filters = QHBoxLayout()
        filters.addWidget(self.colour_filter, 1)
        filters.addWidget(self.tag_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.article_notes)
        layout.addSpacing(6)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.orphans_label)
        layout.addWidget(self.orphan_list, 1)

        self.colour_filter.currentIndexChanged.connect(self._filter_changed)
        self.tag_filter.currentIndexChanged.connect(self._filter_changed)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged):
            signal.connect(self._contents_changed)
        session.colours_changed.connect(self._fill_colour_filter)
        self._fill_colour_filter()
        self.set_article(None)

    # -- public ----------------------------------------------------------------------------

    def set_article(self, article_id: int | None) -> None:
        self.model.set_article(article_id)
        self.article_notes.set_article(article_id)

    def current_annotation(self):
        view = self.orphan_list if self.orphan_list.hasFocus() else self.list
        index = view.currentIndex()
        return index.data(AnnotationRole) if index.isValid() else None

    def select_annotation(self, annotation_id: int, reveal: bool = False) -> bool:
        """Make `annotation_id` current in its list (e.g. just after highlighting). With
        `reveal`, a highlight hidden by the colour or tag filter clears the filters: the
        user asked for that one (a click on it in the text). Never takes the focus."""
        row = self.model.row_of(annotation_id)
        if row < 0:
            return False
        source = self.model.index(row, 0)
        for proxy, view in ((self.placed, self.list), (self.orphaned, self.orphan_list)):
            index = proxy.mapFromSource(source)
            if index.isValid():
                view.setCurrentIndex(index)
                view.scrollTo(index)
                return True
        if reveal and (self.placed.colour or self.placed.tag):
            self.set_filters(None, None)
            return self.select_annotation(annotation_id)
        return False  # filtered out

    def jump_to(self, index: QModelIndex) -> None:
        annotation = index.data(AnnotationRole)
        if annotation is not None and not annotation.orphan:
            self.reader.scroll_to(annotation.start, annotation.end)

    def edit(self, index: QModelIndex) -> None:
        annotation = index.data(AnnotationRole)
        if annotation is not None:
            edit_annotation(self, self.session, annotation, self.exec_dialog)

    def delete(self, index: QModelIndex) -> None:
        annotation = index.data(AnnotationRole)
        if annotation is not None:
            push(self.session.undo_stack, DeleteAnnotationCommand(self.session, annotation.id))

    # -- views -----------------------------------------------------------------------------

    def _make_view(self, name: str, model) -> QListView:
        view = QListView(self)
        view.setAccessibleName(name)
        view.setModel(model)
        view.setItemDelegate(AnnotationDelegate(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.clicked.connect(self.jump_to)
        view.doubleClicked.connect(self.edit)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
        view.installEventFilter(self)
        return view

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in (self.list, self.orphan_list):
            index = watched.currentIndex()
            key = event.key()
            if index.isValid() and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.jump_to(index)
                return True
            if index.isValid() and key == Qt.Key.Key_F2:
                self.edit(index)
                return True
            if index.isValid() and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete(index)
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, view: QListView, pos) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        go = menu.addAction("Go to Highlight", lambda: self.jump_to(index))
        go.setEnabled(not index.data(AnnotationRole).orphan)
        edit = QAction("Edit…", menu)
        edit.setShortcut(QKeySequence(Qt.Key.Key_F2))
        edit.triggered.connect(lambda: self.edit(index))
        menu.addAction(edit)
        delete = QAction("Delete", menu)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.triggered.connect(lambda: self.delete(index))
        menu.addAction(delete)
        menu.exec(view.viewport().mapToGlobal(pos))

    # -- filters and summary ---------------------------------------------------------------

    def _fill_colour_filter(self) -> None:
        current = self.colour_filter.currentData()
        self.colour_filter.blockSignals(True)
        self.colour_filter.clear()
        self.colour_filter.addItem("All colours", None)
        for colour in self.session.library.colours.all():
            self.colour_filter.addItem(colour_icon(colour.hex), colour.name, colour.name)
        row = self.colour_filter.findData(current) if current else 0
        self.colour_filter.setCurrentIndex(max(row, 0))
        self.colour_filter.blockSignals(False)
        self._filter_changed()

    def _fill_tag_filter(self) -> None:
        current = self.tag_filter.currentData()
        tags = sorted({t for a in self.model.annotations() for t in a.tags}, key=str.casefold)
        if current and current not in tags:
            tags.append(current)  # keep the chosen filter until the user changes it
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for tag in tags:
            self.tag_filter.addItem(f"#{tag}", tag)
        row = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(row, 0))
        self.tag_filter.blockSignals(False)

    def set_filters(self, colour: str | None = None, tag: str | None = None) -> None:
        """Choose the colour and tag filters by name (None: all)."""
        self._fill_tag_filter()
        if tag and self.tag_filter.findData(tag) < 0:
            self.tag_filter.addItem(f"#{tag}", tag)
        self.colour_filter.setCurrentIndex(max(0, self.colour_filter.findData(colour)))
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(tag)))
        self._filter_changed()

    def _filter_changed(self) -> None:
        for proxy in (self.placed, self.orphaned):
            proxy.set_colour(self.colour_filter.currentData())
            proxy.set_tag(self.tag_filter.currentData())
        self._update_summary()

    def _contents_changed(self, *args) -> None:
        self._fill_tag_filter()
        self._filter_changed()

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        shown = self.placed.rowCount() + self.orphaned.rowCount()
        orphans = self.orphaned.rowCount()
        self.orphans_label.setVisible(orphans > 0)
        self.orphan_list.setVisible(orphans > 0)
        if self.model.article_id is None:
            text = "No article open."
        elif total == 0:
            text = "No highlights yet. Select text and press Ctrl+H."
        else:
            text = f"{total} highlight{'s' if total != 1 else ''}"
            if shown != total:
                text += f", {shown} shown"
        self.summary.setText(text)
