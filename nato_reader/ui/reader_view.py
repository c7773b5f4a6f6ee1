"""The article: typeset for reading, with entity and annotation highlights and a find bar.

Highlights, so both stay visible where they overlap:
- an entity mention is a light tint of its type's colour (displaCy's palette) with an
  underline in a deeper shade of the same colour;
- an annotation (the user's highlighter) paints its colour as the background, over the
  entity tint, and the entity's underline still shows beneath it;
- the mentions of the entity selected in the panel get the full-strength colour;
- transient marks (find matches, the current mention, the flash after a jump) are
  extra selections, drawn over the document without changing it.

All offsets in and out are body offsets (`Article.body`), mapped to document positions
here: the header blocks come first, and each blank-line paragraph break is one block
separator in the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QLabel,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from nato_reader.core.articles import headline_is_title
from nato_reader.core.model import Analysis, Annotation, Article
from nato_reader.ui import palette
from nato_reader.ui.article_browser import MEASURE_CHARS, ArticleBrowser, reading_font, ui_font
from nato_reader.ui.find_bar import FindBar, FindInArticle

PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
LABEL_PROPERTY = QTextFormat.Property.UserProperty + 1
CANONICAL_PROPERTY = QTextFormat.Property.UserProperty + 2
ANNOTATION_PROPERTY = QTextFormat.Property.UserProperty + 3
TIMEX_PROPERTY = QTextFormat.Property.UserProperty + 4  # body start of a date, or -1


class ReaderView(FindInArticle, QWidget):
    selection_changed = Signal()
    entity_clicked = Signal(str)  # canonical name of a highlighted mention clicked on
    date_clicked = Signal(int)  # body start of a highlighted date clicked on
    annotation_clicked = Signal(int)  # id of the user's highlight clicked on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Article")
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # messages may hold "<"
        self.banner.setContentsMargins(12, 6, 12, 6)
        self.banner.setAccessibleName("Article status")
        self.banner.hide()
        self.browser = ArticleBrowser(self)
        self.browser.setAccessibleName("Article text")
        self.browser.document().setUndoRedoEnabled(False)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)

        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.annotations: list[Annotation] = []
        self.colours: dict[str, str] = {}
        self.hidden_types: set[str] = set()
        self.entities_visible = True  # all entity highlights at once, for plain reading
        self.selected_entity: str | None = None
        self.dark = False
        self.point_size = 13.0
        self._para_body: list[int] = []  # body offset where each paragraph starts
        self._para_doc: list[int] = []  # document position of the same
        self._body_doc_start = 0
        self._find: list[QTextCursor] = []
        self._find_index = -1
        self._mentions: list[tuple[int, int]] = []  # of the selected entity
        self._mention_index = -1
        self._flash: tuple[int, int] | None = None
        self._flash_alpha = 0
        self._deferring = 0  # inside batched(): highlights are applied once, on exit
        self._highlights_dirty = False
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(1600)
        self._animation.setStartValue(190)
        self._animation.setEndValue(0)
        self._animation.setEasingCurve(QEasingCurve.Type.InQuad)
        self._animation.valueChanged.connect(self._flash_step)

        self.browser.selectionChanged.connect(self.selection_changed)
        self.browser.viewport().installEventFilter(self)
        self.find_bar.search_changed.connect(self._search)
        self.find_bar.next_requested.connect(lambda: self.find_step(1))
        self.find_bar.previous_requested.connect(lambda: self.find_step(-1))
        self.find_bar.closed.connect(self._find_closed)
        # Esc closes the find bar from the text as well as from the search field.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.show_placeholder("Choose an article in the library.")

    def _palette(self) -> QPalette:
        """The application's palette: a theme switch reaches widgets only later, by event."""
        from PySide6.QtWidgets import QApplication

        return QApplication.palette()

    # -- content -----------------------------------------------------------------------

    @contextmanager
    def batched(self) -> Iterator[None]:
        """Apply highlights once for several changes (opening an article sets the text,
        the analysis and the annotations: three passes over every mention otherwise)."""
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
            if not self._deferring and self._highlights_dirty:
                self.apply_highlights()

    def show_placeholder(self, text: str) -> None:
        self.article = None
        self.analysis = None
        doc = self.browser.document()
        doc.clear()
        cursor = QTextCursor(doc)
        fmt = QTextCharFormat()
        fmt.setFont(ui_font(12))
        fmt.setForeground(self._palette().color(QPalette.ColorRole.PlaceholderText))
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignCenter)
        block.setTopMargin(120)
        cursor.setBlockFormat(block)
        cursor.insertText(text, fmt)

    def set_article(self, article: Article, analysis: Analysis | None = None) -> None:
        self.article = article
        self.analysis = analysis
        self.annotations = []
        self.selected_entity = None
        self._mentions, self._mention_index = [], -1
        self._flash = None
        self._render()
        self.browser.verticalScrollBar().setValue(0)

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        if self.selected_entity and analysis is not None:
            self._mentions = self.entity_spans(self.selected_entity)
        self.apply_highlights()

    def set_annotations(self, annotations: Iterable[Annotation], colours=()) -> None:
        """Paint annotation backgrounds; colours: Colour objects or a name -> hex mapping."""
        self.annotations = [a for a in annotations if not getattr(a, "orphan", False)]
        if isinstance(colours, dict):
            self.colours = dict(colours)
        else:
            self.colours = {c.name: c.hex for c in colours}
        self.apply_highlights()

    def set_entities_visible(self, visible: bool) -> None:
        self.entities_visible = visible
        self.apply_highlights()

    def set_type_visible(self, label: str, visible: bool) -> None:
        (self.hidden_types.discard if visible else self.hidden_types.add)(label)
        self.apply_highlights()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        if self.article is not None:
            self._render(keep_scroll=True)

    def set_point_size(self, size: float) -> None:
        self.point_size = max(8.0, min(28.0, size))
        if self.article is not None:
            self._render(keep_scroll=True)

    def set_banner(self, text: str, kind: str = "info") -> None:
        if not text:
            self.banner.hide()
            return
        colours = {"info": ("#e8f0fe", "#174ea6"), "error": ("#fce8e6", "#a50e0e")}
        if self.dark:
            colours = {"info": ("#263247", "#c6dafc"), "error": ("#4a2624", "#f6aea9")}
        bg, fg = colours.get(kind, colours["info"])
        self.banner.setStyleSheet(f"background:{bg}; color:{fg};")
        self.banner.setText(text)
        self.banner.show()

    def eventFilter(self, watched, event) -> bool:
        """A plain click on a highlight says what it hit: an entity mention or a date, and
        the user's annotation. Where an annotation covers a mention both are reported,
        annotation last: the user made it, so its panel is the one raised, and the entity
        is still selected (its mentions strong in the text, its row in the Entities tab).
        Where annotations overlap, the one painted on top (the last) is reported."""
        if (event.type() == event.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
                and not self.browser.textCursor().hasSelection()):
            point = event.position().toPoint()
            cursor = self.browser.cursorForPosition(point)
            offset = self.body_offset(cursor.position())
            # The caret falls between two characters: take the one under the pointer.
            if offset is not None and point.x() < self.browser.cursorRect(cursor).x():
                offset -= 1
            if offset is not None and offset >= 0:
                fmt = self.char_format_at(offset)
                canonical = fmt.property(CANONICAL_PROPERTY)
                timex = fmt.property(TIMEX_PROPERTY)
                annotation = fmt.property(ANNOTATION_PROPERTY)
                if isinstance(canonical, str) and canonical:
                    self.entity_clicked.emit(canonical)
                elif isinstance(timex, int) and timex >= 0:
                    self.date_clicked.emit(timex)
                if isinstance(annotation, int) and annotation > 0:  # 0: cleared, none
                    self.annotation_clicked.emit(annotation)
        return super().eventFilter(watched, event)

    # -- selection, jumps, the selected entity -------------------------------------------

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.browser.textCursor()
        if not cursor.hasSelection() or self.article is None:
            return None
        start = self.body_offset(cursor.selectionStart())
        end = self.body_offset(cursor.selectionEnd())
        return (start, end) if start is not None and end is not None and end > start else None

    def scroll_to(self, start: int, end: int, flash: bool = True) -> None:
        if self.article is None:
            return
        here = QTextCursor(self.browser.document())
        here.setPosition(self.doc_position(start))
        bar = self.browser.verticalScrollBar()
        top = bar.value() + self.browser.cursorRect(here).top()
        bar.setValue(int(max(0, top - self.browser.viewport().height() / 3)))
        if flash:
            self._flash = (start, end)
            self._flash_alpha = self._animation.startValue()
            self._animation.stop()
            self._animation.start()
        self._update_extra()

    def select_entity(self, canonical: str | None) -> list[tuple[int, int]]:
        """Highlight every mention of `canonical` strongly; returns their spans."""
        self.selected_entity = canonical
        self._mentions = self.entity_spans(canonical) if canonical else []
        self._mention_index = -1
        self.apply_highlights()
        return self._mentions

    def step_mention(self, step: int) -> tuple[int, int] | None:
        if not self._mentions:
            return None
        self._mention_index = (self._mention_index + step) % len(self._mentions)
        start, end = self._mentions[self._mention_index]
        self.scroll_to(start, end, flash=False)
        return start, end

    def mention_position(self) -> tuple[int, int]:
        return self._mention_index + 1, len(self._mentions)

    def entity_spans(self, canonical: str) -> list[tuple[int, int]]:
        if self.analysis is None:
            return []
        return [(m.start, m.end) for m in self.analysis.mentions if m.canonical == canonical]

    # -- offsets ---------------------------------------------------------------------------

    def doc_position(self, offset: int) -> int:
        i = max(0, bisect.bisect_right(self._para_body, offset) - 1)
        return self._para_doc[i] + (offset - self._para_body[i]) if self._para_doc else 0

    def body_offset(self, position: int) -> int | None:
        if not self._para_doc or position < self._para_doc[0]:
            return None
        i = bisect.bisect_right(self._para_doc, position) - 1
        return self._para_body[i] + (position - self._para_doc[i])

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def label_at(self, offset: int) -> str | None:
        """The entity type highlighted at body `offset`, or None."""
        value = self.char_format_at(offset).property(LABEL_PROPERTY)
        return value if isinstance(value, str) and value else None

    def char_format_at(self, offset: int) -> QTextCharFormat:
        """The format of the character at body `offset` (for tests and tooltips)."""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self.doc_position(offset) + 1)
        return cursor.charFormat()

    # -- rendering -------------------------------------------------------------------------

    def _render(self, keep_scroll: bool = False) -> None:
        scroll = self.browser.verticalScrollBar().value()
        doc = self.browser.document()
        # The scroll bar stays while the text is replaced: the empty document between the
        # two would hide it, and each toggle resizes the viewport (new margins, a layout).
        policy = self.browser.verticalScrollBarPolicy()
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        doc.clear()
        edit = QTextCursor(doc)
        edit.beginEditBlock()  # lay the document out once, when the text is all in
        try:
            self._typeset(doc)
            self.browser.update_margins()  # clear() reset them; inside the block: one layout
        finally:
            edit.endEditBlock()
            self.browser.setVerticalScrollBarPolicy(policy)
        self.browser.setTextCursor(QTextCursor(doc))  # the caret at the top, not the end
        self._find, self._find_index = [], -1  # cursors into the old text
        self.apply_highlights()
        if self.find_bar.isVisible():
            self._search()
        if keep_scroll:
            self.browser.verticalScrollBar().setValue(scroll)

    def _typeset(self, doc) -> None:
        article = self.article
        text_colour = self._palette().color(QPalette.ColorRole.Text)
        muted = self._palette().color(QPalette.ColorRole.PlaceholderText)
        body_font = reading_font(self.point_size)
        self.browser.measure_px = (QFontMetricsF(body_font).horizontalAdvance(
            "abcdefghijklmnopqrstuvwxyz") / 26 * MEASURE_CHARS)
        doc.setDefaultFont(body_font)
        cursor = QTextCursor(doc)

        title_block = QTextBlockFormat()
        title_block.setLineHeight(118, PROPORTIONAL)
        title_block.setBottomMargin(8)
        title_fmt = QTextCharFormat()
        title_fmt.setFont(reading_font(self.point_size * 1.5))
        title_fmt.setFontWeight(QFont.Weight.Bold)
        title_fmt.setForeground(text_colour)
        title_block.setHeadingLevel(1)
        cursor.setBlockFormat(title_block)
        meta_block = QTextBlockFormat()
        meta_block.setBottomMargin(26)
        meta_fmt = QTextCharFormat()
        meta_fmt.setFont(ui_font(self.point_size * 0.72))
        meta_fmt.setForeground(muted)
        paragraphs = article.body.split("\n\n")
        headings = {h.start for h in article.headings}
        # A file's headline is the title and the body's first heading: shown once, as the
        # title, but still part of the text (highlights and offsets reach it).
        headline = headline_is_title(article.title, article.body, article.headings)
        if not headline:
            cursor.insertText(article.title, title_fmt)
            cursor.insertBlock(meta_block, meta_fmt)
            cursor.insertText(self._meta_line(article), meta_fmt)

        para_block = QTextBlockFormat()
        para_block.setLineHeight(152, PROPORTIONAL)
        para_block.setBottomMargin(self.point_size * 0.95)
        heading_block = QTextBlockFormat()
        heading_block.setHeadingLevel(2)
        heading_block.setTopMargin(self.point_size * 1.6)
        heading_block.setBottomMargin(self.point_size * 0.45)
        heading_block.setLineHeight(125, PROPORTIONAL)
        body_fmt = QTextCharFormat()
        body_fmt.setFont(body_font)
        body_fmt.setForeground(text_colour)
        heading_fmt = QTextCharFormat()
        heading_fmt.setFont(ui_font(self.point_size * 1.08))
        heading_fmt.setFontWeight(QFont.Weight.Bold)
        heading_fmt.setForeground(text_colour)

        self._para_body, self._para_doc = [], []
        offset = 0
        for paragraph in paragraphs:
            heading = offset in headings
            if headline and offset == 0:  # the title block, then the meta line
                self._para_body.append(0)
                self._para_doc.append(cursor.position())
                cursor.insertText(paragraph, title_fmt)
                cursor.insertBlock(meta_block, meta_fmt)
                cursor.insertText(self._meta_line(article), meta_fmt)
                offset += len(paragraph) + 2
                continue
            block = heading_block if heading else para_block
            cursor.insertBlock(block, heading_fmt if heading else body_fmt)
            self._para_body.append(offset)
            self._para_doc.append(cursor.position())
            cursor.insertText(paragraph, heading_fmt if heading else body_fmt)
            offset += len(paragraph) + 2

    def _meta_line(self, article: Article) -> str:
        parts = []
        if article.published:
            d = article.published
            parts.append(f"{d.day} {d.strftime('%B %Y')}")
        else:
            parts.append("Undated")
        parts.append(article.source.rsplit("/", 1)[-1])
        words = len(article.body.split())
        parts.append(f"{words:,} words · {max(1, round(words / 230))} min read")
        if article.tags:
            parts.append(" ".join(f"#{t}" for t in article.tags))
        # Wrap between the parts, never inside one.
        return "   ·   ".join(part.replace(" ", "\u00a0") for part in parts)

    def apply_highlights(self) -> None:
        """Re-apply every highlight from the current state (cheap for an article)."""
        if self._deferring:
            self._highlights_dirty = True
            return
        self._highlights_dirty = False
        if self.article is None or not self._para_doc:
            return
        doc = self.browser.document()
        # One edit block: the document lays out and signals once, not once per mention.
        block = QTextCursor(doc)
        block.beginEditBlock()
        try:
            self._paint_highlights(doc)
        finally:
            block.endEditBlock()
        self._update_extra()

    def _paint_highlights(self, doc) -> None:
        whole = QTextCursor(doc)
        whole.setPosition(self._para_doc[0])
        whole.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        clear = QTextCharFormat()
        clear.setBackground(QBrush(Qt.BrushStyle.NoBrush))
        clear.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        clear.setProperty(LABEL_PROPERTY, "")
        clear.setProperty(CANONICAL_PROPERTY, "")
        clear.setProperty(ANNOTATION_PROPERTY, 0)
        clear.setProperty(TIMEX_PROPERTY, -1)
        clear.setToolTip("")
        whole.mergeCharFormat(clear)
        if self.analysis is not None:
            self._paint_dates()  # first: an entity that overlaps a date keeps its colour
            for mention in self.analysis.mentions:
                strong = mention.canonical == self.selected_entity
                if mention.label in self.hidden_types or not (self.entities_visible or strong):
                    continue
                fmt = QTextCharFormat()
                fmt.setBackground(palette.entity_background(mention.label, self.dark, strong))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(palette.entity_underline(mention.label, self.dark))
                fmt.setProperty(LABEL_PROPERTY, mention.label)
                fmt.setProperty(CANONICAL_PROPERTY, mention.canonical)
                fmt.setToolTip(f"{mention.canonical} — {palette.label_name(mention.label)}"
                               f" ({mention.label})")
                self.cursor_for(mention.start, mention.end).mergeCharFormat(fmt)
        for annotation in self.annotations:
            fmt = QTextCharFormat()
            hex_colour = self.colours.get(annotation.colour, annotation.colour)
            if not QColor.isValidColorName(hex_colour):
                hex_colour = "#f7e463"
            fmt.setBackground(palette.annotation_background(hex_colour, self.dark))
            fmt.setProperty(ANNOTATION_PROPERTY, annotation.id)
            if annotation.note:
                fmt.setToolTip(annotation.note)
            self.cursor_for(annotation.start, annotation.end).mergeCharFormat(fmt)

    def _paint_dates(self) -> None:
        """The temporal expressions as one more type, "DATE", toggled like the others;
        the tooltip gives the normalised TIMEX3 value."""
        if not self.entities_visible or palette.DATES in self.hidden_types:
            return
        fmt = QTextCharFormat()
        fmt.setBackground(palette.entity_background(palette.DATES, self.dark))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(palette.entity_underline(palette.DATES, self.dark))
        fmt.setProperty(LABEL_PROPERTY, palette.DATES)
        for timex in self.analysis.timexes:
            fmt.setProperty(TIMEX_PROPERTY, timex.start)
            fmt.setToolTip(f"{timex.value or 'unresolved'} ({timex.type})")
            self.cursor_for(timex.start, timex.end).mergeCharFormat(fmt)

    def _flash_step(self, alpha) -> None:
        self._flash_alpha = int(alpha)
        if self._flash_alpha <= 0:
            self._flash = None
        self._update_extra()

    def _update_extra(self) -> None:
        selections = []
        accent = self._palette().color(QPalette.ColorRole.Highlight)
        find_bg = QColor("#ffd54f") if not self.dark else QColor("#8a6d00")
        for i, cursor in enumerate(self._find):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            current = i == self._find_index
            fmt.setBackground(QColor("#ff9800") if current else find_bg)
            if current:
                fmt.setForeground(QColor("#000000"))
            sel.format = fmt
            selections.append(sel)
        if 0 <= self._mention_index < len(self._mentions):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(*self._mentions[self._mention_index])
            fmt = QTextCharFormat()
            fmt.setBackground(accent)
            fmt.setForeground(self._palette().color(QPalette.ColorRole.HighlightedText))
            sel.format = fmt
            selections.append(sel)
        if self._flash and self._flash_alpha > 0:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(*self._flash)
            colour = QColor(accent)
            colour.setAlpha(self._flash_alpha)
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            sel.format = fmt
            selections.append(sel)
        self.browser.setExtraSelections(selections)
