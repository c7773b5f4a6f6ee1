"""Composition root: builds the library, the session and the main window.

`--screenshot FILE.png` waits until the article and its analysis are on screen (the
analysis cached or computed, highlights painted, timeline filled), grabs the window to
a PNG and quits: the README's images are made with it. Exit status 0; 1 when the
analysis failed (the PNG is still written, showing the article without highlights, and
the reason goes to stderr). The window is 1500x950 and ignores the saved geometry, so
images are reproducible; the theme and text size follow the user's settings.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nato_reader.errors import NatoReaderError
from nato_reader.paths import resource
from nato_reader.store.importer import ensure_seeded
from nato_reader.store.library import Library
from nato_reader.ui.main_window import MainWindow
from nato_reader.ui.session import Session
from nato_reader.ui.settings import APPLICATION, ORGANISATION, Settings

SCREENSHOT_TIMEOUT_MS = 180_000
SETTLE_MS = 400  # after the analysis is painted: let layouts and the timeline settle
LIBRARY_ANALYSIS_DELAY_MS = 300  # after the panels are built: let the window settle
FIRST_PAINT_TIMEOUT_MS = 5000  # a window that never paints still gets its analysis


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("NATO Reader")
    app.setStyle("Fusion")
    icon = resource("icons/nato-reader.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def build_window(library: Library, settings: Settings, open_id: int | None = None,
                 interactive: bool = True, restore: bool = True) -> MainWindow:
    """The session and window over an open library; opens `open_id`, the last article
    read, or the newest. The docks fill in and the background analysis of the library
    starts after the first paint (see MainWindow.build_panels)."""
    if open_id is not None:
        library.articles.get(open_id)  # raises "no article with id N" before any window
    session = Session(library)
    window = MainWindow(session, settings, interactive=interactive)
    session.setParent(window)
    if restore:
        window.restore_state()
    article_id = first_article(library, [open_id, settings.last_article(str(library.path))])
    if article_id is not None:
        window.open_article(article_id)

    def after_paint() -> None:
        window.build_panels()
        # The worker imports spaCy and holds the GIL for long stretches: let the window
        # settle first. (The open article, if not cached, was queued when it opened.)
        QTimer.singleShot(LIBRARY_ANALYSIS_DELAY_MS, window, lambda: session.request_analysis(
            window.library_view.model.all_ids()))

    after_first_paint(window.reader.browser.viewport(), after_paint)
    return window


def first_article(library: Library, wanted: list[int | None]) -> int | None:
    """The first of `wanted` still in the library, else the newest article."""
    for article_id in wanted:
        if article_id is not None and library.articles.exists(article_id):
            return article_id
    return library.articles.newest_id()


class _FirstPaint(QObject):
    """Calls `callback` once, just after `widget` first paints (or after
    FIRST_PAINT_TIMEOUT_MS if it never does, e.g. a window never shown)."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._fired = False
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, self, self._fire)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._fired:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # behind the paint, not inside it
        return False

    def _fire(self) -> None:
        if not self._fired:
            self._fired = True
            self._callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    _FirstPaint(widget, callback)


def run_gui(db_path: Path, open_id: int | None = None, screenshot: Path | None = None) -> int:
    app = make_application()
    settings = Settings()
    try:
        library = Library(db_path)
        ensure_seeded(library)
    except NatoReaderError as exc:
        if screenshot is None:
            QMessageBox.critical(None, "NATO Reader", str(exc))
        raise
    window = build_window(library, settings, open_id, interactive=screenshot is None,
                          restore=screenshot is None)
    if screenshot is not None:
        return _screenshot(app, window, Path(screenshot))
    window.show()
    code = app.exec()
    library.close()
    return code


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    """Show the window, wait for the analysis to be painted, write the PNG, quit."""
    window.show()
    result = {"code": 1}

    def grab() -> None:
        pixmap = window.grab()
        if pixmap.save(str(path), "PNG"):
            result["code"] = 1 if window.analysis_error else 0
            if window.analysis_error:
                print(f"nato-reader: {window.analysis_error.splitlines()[0]}", file=sys.stderr)
        else:
            print(f"nato-reader: cannot write {path}", file=sys.stderr)
        app.quit()

    def poll() -> None:
        if window.has_panels() and (window.current_id is None or window.analysis_shown()):
            poller.stop()
            timeout.stop()
            window.timeline.fit_all()
            QTimer.singleShot(SETTLE_MS, grab)

    def give_up() -> None:
        poller.stop()
        print("nato-reader: the analysis did not finish in time; screenshot taken without it",
              file=sys.stderr)
        grab()

    poller = QTimer(window, interval=100)
    poller.timeout.connect(poll)
    timeout = QTimer(window, singleShot=True, interval=SCREENSHOT_TIMEOUT_MS)
    timeout.timeout.connect(give_up)
    poller.start()
    timeout.start()
    app.exec()
    window.session.wait_for_tasks(10000)
    window.session.library.close()
    return result["code"]
