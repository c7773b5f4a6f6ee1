"""Composition root: builds the library, the session and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QSplitter, QTextBrowser

from nato_reader.store.importer import ensure_seeded
from nato_reader.store.library import Library


def run_gui(db_path: Path, open_id: int | None = None, screenshot: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("NATO Reader")
    library = Library(db_path)
    ensure_seeded(library)
    window = QMainWindow()
    window.setWindowTitle("NATO Reader")
    splitter = QSplitter()
    articles = QListWidget()
    reader = QTextBrowser()
    summaries = library.articles.summaries()
    for s in summaries:
        articles.addItem(s.title)
    articles.currentRowChanged.connect(
        lambda row: reader.setPlainText(library.articles.get(summaries[row].id).body)
    )
    splitter.addWidget(articles)
    splitter.addWidget(reader)
    window.setCentralWidget(splitter)
    window.resize(1200, 800)
    window.show()
    if summaries:
        ids = [s.id for s in summaries]
        articles.setCurrentRow(ids.index(open_id) if open_id in ids else 0)
    if screenshot is not None:
        QTimer.singleShot(200, lambda: (window.grab().save(str(screenshot)), app.quit()))
    return app.exec()
