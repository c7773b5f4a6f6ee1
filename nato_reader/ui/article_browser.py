"""The text view under the article: a read-only browser that keeps a readable measure,
and the reading and interface fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTextBrowser, QWidget

SERIF = ["Charter", "Source Serif 4", "Literata", "Georgia", "Noto Serif", "DejaVu Serif",
         "serif"]
SANS = ["Inter", "Source Sans 3", "Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans",
        "sans-serif"]
MEASURE_CHARS = 68  # a comfortable line length


def reading_font(point_size: float = 13.0) -> QFont:
    font = QFont()
    font.setFamilies(SERIF)
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return font


def ui_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(SANS)
    font.setPointSizeF(point_size)
    return font


class ArticleBrowser(QTextBrowser):
    """A read-only text view that keeps its text column to a readable measure, centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.measure_px = 600.0

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.update_margins()

    def update_margins(self) -> None:
        width = self.viewport().width()
        side = max(28.0, (width - self.measure_px) / 2)
        frame = self.document().rootFrame().frameFormat()
        if abs(frame.leftMargin() - side) > 0.5:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            frame.setTopMargin(36)
            frame.setBottomMargin(48)
            self.document().rootFrame().setFrameFormat(frame)
