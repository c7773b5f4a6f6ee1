"""Item model over one article's annotations, and the proxy that filters it.

The model is an adapter over `Annotation` dataclasses read through the session's library;
it never writes. On refresh it diffs by annotation id (removals, insertions, changed
rows) so a view keeps its selection and scroll position across undo and redo.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QTextDocument

from nato_reader.core.model import Annotation
from nato_reader.ui.undo_commands import shorten

FALLBACK_HEX = "#c8c8c8"  # a colour name no longer in the palette

AnnotationRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
ColourNameRole = Qt.ItemDataRole.UserRole + 3
TagsRole = Qt.ItemDataRole.UserRole + 4
NoteRole = Qt.ItemDataRole.UserRole + 5
OrphanRole = Qt.ItemDataRole.UserRole + 6
RangeRole = Qt.ItemDataRole.UserRole + 7
QuoteRole = Qt.ItemDataRole.UserRole + 8


def sort_key(annotation: Annotation) -> tuple:
    return (annotation.orphan, annotation.start, annotation.end, annotation.id)


@lru_cache(maxsize=512)
def note_preview(note: str, limit: int = 120) -> str:
    """The note's first words as plain text: the Markdown rendered, then flattened."""
    if not note.strip():
        return ""
    document = QTextDocument()
    document.setMarkdown(note)
    return shorten(document.toPlainText(), limit)


class AnnotationsModel(QAbstractListModel):
    """One row per annotation of the current article, ordered by position (orphans last)."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self._rows: list[Annotation] = []
        self._hex: dict[str, str] = {}
        self._load_colours()
        session.annotations_changed.connect(self._annotations_changed)
        session.colours_changed.connect(self._colours_changed)

    # -- public --------------------------------------------------------------------------

    def set_article(self, article_id: int | None) -> None:
        """Show `article_id`'s annotations; the same article again only refreshes (views
        keep their selection), so callers may call this on every "article shown"."""
        if article_id is not None and article_id == self.article_id:
            self.refresh()
            return
        self.beginResetModel()
        self.article_id = article_id
        self._rows = self._fetch()
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the article's annotations, telling views only what changed."""
        new = self._fetch()
        old_ids = [a.id for a in self._rows]
        new_ids = [a.id for a in new]
        kept = [i for i in old_ids if i in set(new_ids)]
        if kept != [i for i in new_ids if i in set(old_ids)]:  # the order changed
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        # Removals, from the bottom so row numbers stay valid.
        new_set = set(new_ids)
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].id not in new_set:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        # Insertions, top down: after this loop self._rows has new's ids in new's order.
        for row, annotation in enumerate(new):
            if row >= len(self._rows) or self._rows[row].id != annotation.id:
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, annotation)
                self.endInsertRows()
            elif self._rows[row] != annotation:
                self._rows[row] = annotation
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int:
        return next((r for r, a in enumerate(self._rows) if a.id == annotation_id), -1)

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def colour_hex(self, name: str) -> str:
        return self._hex.get(name.casefold(), FALLBACK_HEX)

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shorten(a.exact, 200)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"“{shorten(a.exact, 300)}”", f"Colour: {a.colour}"]
            if a.tags:
                lines.append("Tags: " + ", ".join(a.tags))
            if a.note:
                lines.append("")
                lines.append(shorten(a.note, 500))
            if a.orphan:
                lines.append("")
                lines.append("Orphaned: this text is no longer in the article.")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(self.colour_hex(a.colour))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{a.colour} highlight: {a.exact}"
            return text + (f". Note: {a.note}" if a.note else "")
        if role == AnnotationRole:
            return a
        if role == IdRole:
            return a.id
        if role == ColourNameRole:
            return a.colour
        if role == TagsRole:
            return list(a.tags)
        if role == NoteRole:
            return a.note
        if role == OrphanRole:
            return a.orphan
        if role == RangeRole:
            return (a.start, a.end)
        if role == QuoteRole:
            return a.exact
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren

    def roleNames(self):
        names = super().roleNames()
        names.update({AnnotationRole: b"annotation", IdRole: b"annotationId",
                      ColourNameRole: b"colourName", TagsRole: b"tags", NoteRole: b"note",
                      OrphanRole: b"orphan", RangeRole: b"range", QuoteRole: b"quote"})
        return names

    # -- internals -----------------------------------------------------------------------

    def _fetch(self) -> list[Annotation]:
        if self.article_id is None:
            return []
        store = getattr(self.session.library, "annotations", None)
        if store is None:
            return []
        return sorted(store.for_article(self.article_id), key=sort_key)

    def _load_colours(self) -> None:
        store = getattr(self.session.library, "colours", None)
        colours = store.all() if store is not None else []
        self._hex = {c.name.casefold(): c.hex for c in colours}

    def _annotations_changed(self, article_id: int) -> None:
        if article_id == self.article_id:
            self.refresh()

    def _colours_changed(self) -> None:
        self._load_colours()
        # A rename in the palette may have renamed the annotations' colour too.
        self.refresh()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))


class AnnotationFilterProxy(QSortFilterProxyModel):
    """Filters by colour name, by tag, and by placed/orphaned (None = any)."""

    def __init__(self, parent=None, *, orphans: bool | None = None) -> None:
        super().__init__(parent)
        self._colour: str | None = None
        self._tag: str | None = None
        self._orphans = orphans

    @property
    def colour(self) -> str | None:
        return self._colour

    @property
    def tag(self) -> str | None:
        return self._tag

    def set_colour(self, colour: str | None) -> None:
        self.beginFilterChange()
        self._colour = colour.casefold() if colour else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tag(self, tag: str | None) -> None:
        self.beginFilterChange()
        self._tag = tag.casefold() if tag else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._orphans is not None and bool(index.data(OrphanRole)) != self._orphans:
            return False
        if self._colour and (index.data(ColourNameRole) or "").casefold() != self._colour:
            return False
        tags = {t.casefold() for t in index.data(TagsRole) or []}
        return not self._tag or self._tag in tags
