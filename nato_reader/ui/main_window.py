"""The reader's window: library (left), article (centre), entities and annotations (right),
timeline (bottom). Wires the widgets to each other and to the session; holds no data of
its own beyond what is on screen.

Built in two stages so the article is on screen as soon as possible: the constructor
makes the reader, the menus and empty docks (their saved places restore at once, so
nothing moves later); `build_panels()` fills the docks with the library list, entity
panel, annotations and timeline. The app calls it right after the first paint; reading
any panel attribute before that builds them on the spot, so callers never see a half
window. The panels' modules are imported there too: importing them and creating their
Qt enums cost about as much as a bare window's whole start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QWidget,
)

from nato_reader.core.model import Analysis
from nato_reader.ui import palette, window_actions
from nato_reader.ui.reader_view import ReaderView
from nato_reader.ui.settings import Settings

DEFAULT_SIZE = (1500, 950)


class _Panel:
    """A dock's panel as a window attribute: reading any of them builds them all (see
    MainWindow.build_panels), so code never meets a dock that is not filled yet."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, window, owner=None):
        if window is None:
            return self
        window.build_panels()  # once; nothing to do afterwards
        return window._panels[self.name]


class MainWindow(QMainWindow):
    article_shown = Signal(int)  # the article and whatever analysis exists are on screen
    panels_built = Signal()
    library_view = _Panel()
    entity_panel = _Panel()
    timeline = _Panel()
    annotations_panel = _Panel()

    def __init__(self, session, settings: Settings, parent: QWidget | None = None,
                 interactive: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.interactive = interactive  # False for --screenshot: never block on a dialog
        self.current_id: int | None = None
        self.analysis_error = ""
        self.dark = False
        self._panels: dict[str, QWidget] = {}
        self.setWindowTitle("NATO Reader")
        self.setAcceptDrops(True)
        self.resize(*DEFAULT_SIZE)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)

        self.reader = ReaderView(self)
        self.reader.browser.setAcceptDrops(False)  # dropped files go to the window: import
        self.setCentralWidget(self.reader)
        self.library_dock = self._dock("Library", "library_dock",
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.entity_dock = self._dock("Entities", "entity_dock",
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.timeline_dock = self._dock("Timeline", "timeline_dock",
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.annotations_dock = self._dock("Annotations", "annotations_dock",
                                           Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.entity_dock, self.annotations_dock)
        self.entity_dock.raise_()
        self.resizeDocks([self.library_dock, self.entity_dock], [310, 300],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.timeline_dock], [210], Qt.Orientation.Vertical)

        self._timeline_timer = QTimer(self, singleShot=True, interval=400)
        self._timeline_timer.timeout.connect(lambda: self.timeline.refresh())
        self._build_status_bar()
        self._build_actions()
        self._connect()
        self.set_theme(settings.theme())
        self.reader.set_point_size(settings.point_size())
        for label in settings.hidden_types():
            self.reader.set_type_visible(label, False)
        self.set_entities_visible(settings.entities_visible())
        self._rebuild_type_actions(None)
        self._library_changed(select=False)  # an empty library says how to fill it

    # -- construction --------------------------------------------------------------------------

    def _dock(self, title: str, name: str, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(QWidget(dock))  # until build_panels()
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def has_panels(self) -> bool:
        """Whether the panel widgets exist: true from the middle of build_panels() on,
        where showing the open article in them must already reach them."""
        return bool(self._panels)

    def build_panels(self) -> None:
        """Fill the docks (once) and show the open article in them."""
        if self._panels:
            return
        from nato_reader.ui.annotation_actions import AnnotationActions, install_annotation_actions
        from nato_reader.ui.annotations_panel import AnnotationsPanel
        from nato_reader.ui.entity_panel import EntityPanel
        from nato_reader.ui.library_view import LibraryView
        from nato_reader.ui.timeline_dock import TimelineDock

        session = self.session
        panels = self._panels
        panels["library_view"] = LibraryView(session, self)
        panels["entity_panel"] = EntityPanel(session, self)
        panels["timeline"] = TimelineDock(session, self)
        panels["annotations_panel"] = AnnotationsPanel(session, self.reader, self)
        for dock, name in ((self.library_dock, "library_view"),
                           (self.entity_dock, "entity_panel"),
                           (self.timeline_dock, "timeline"),
                           (self.annotations_dock, "annotations_panel")):
            placeholder = dock.widget()
            dock.setWidget(panels[name])
            placeholder.deleteLater()
        self._connect_panels()
        self.annotation_actions = install_annotation_actions(self, session, self.reader)
        # A new highlight or note becomes the panel's current row, ready to tag or edit.
        self.findChild(AnnotationActions).highlighted.connect(
            self.annotations_panel.select_annotation)
        if self.annotation_actions:
            self.menuBar().addMenu("A&nnotate").addActions(self.annotation_actions)
        self.entity_panel.set_dark(self.dark)
        if self.current_id is not None:
            self.library_view.select_article(self.current_id, emit=False)
            self.annotations_panel.set_article(self.current_id)
            self._show_analysis(self.reader.analysis)
        else:
            self._library_changed(select=False)
        if self.timeline_library_action.isChecked():
            self._timeline_mode_toggled(True)
        self.panels_built.emit()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Background task progress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel background task")
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _build_actions(self) -> None:
        window_actions.build_actions(self)

    def _connect(self) -> None:
        s = self.session
        self.reader.entity_clicked.connect(self._entity_clicked)
        self.reader.date_clicked.connect(self._date_clicked)
        s.articles_changed.connect(self._library_changed)
        s.analysis_ready.connect(self._analysis_ready)
        s.corrections_changed.connect(self._corrections_changed)
        s.annotations_changed.connect(self._annotations_changed)
        s.colours_changed.connect(self._show_annotations)
        s.article_updated.connect(self._article_updated)
        s.task_started.connect(self._task_started)
        s.task_progress.connect(self._task_progress)
        s.task_finished.connect(self._task_finished)
        s.task_failed.connect(self._task_failed)
        s.analysis_failed.connect(self._analysis_failed)
        s.exported.connect(self._exported)
        s.imported.connect(self._imported)
        self.cancel_button.clicked.connect(s.cancel_tasks)
        hints = QApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_scheme_changed)

    def _connect_panels(self) -> None:
        self.library_view.article_selected.connect(self.open_article)
        self.library_view.filter_changed.connect(self._library_filter_changed)
        self.entity_panel.entity_selected.connect(self._entity_selected)
        self.entity_panel.step_requested.connect(self.step_mention)
        self.entity_panel.show_articles_requested.connect(self.show_articles_mentioning)
        self.timeline.event_activated.connect(self.go_to_event)
        self.reader.annotation_clicked.connect(self._annotation_clicked)

    def _annotation_clicked(self, annotation_id: int) -> None:
        """A highlight clicked in the text: its row in the panel, in front of Entities. The
        text keeps the keyboard focus (nothing here takes it), so reading goes on."""
        if self.annotations_panel.select_annotation(annotation_id, reveal=True):
            self.annotations_dock.show()
            self.annotations_dock.raise_()

    # -- the article ---------------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        try:
            article = self.session.article(article_id)
        except Exception as exc:
            self.status_label.setText(str(exc))
            return
        self.current_id = article_id
        analysis = self.session.analysis(article_id)
        with self.reader.batched():  # text, analysis and annotations: highlights once
            self.reader.set_article(article, analysis)
            self._show_annotations()
            self._show_analysis(analysis)
        if self.has_panels():
            self.annotations_panel.set_article(article_id)
        self.setWindowTitle(f"{article.title} — NATO Reader")
        self.settings.set_last_article(str(self.session.library.path), article_id)
        if analysis is None and not self.analysis_error:
            self.session.request_analysis([article_id])
        self.article_shown.emit(article_id)

    def _library_changed(self, select: bool = True) -> None:
        """With nothing open: say how to fill an empty library, or open the first article."""
        if self.current_id is None:
            if self.session.library.articles.count() == 0:
                self.reader.show_placeholder("Your library is empty.\nDrop article files here, "
                                             "or use File → Import Files… (Ctrl+O).")
            elif select:
                self.library_view.select_first()

    def _show_analysis(self, analysis: Analysis | None) -> None:
        self.reader.set_analysis(analysis)
        message = ""
        if analysis is None:
            if self.analysis_error:
                message = "Highlights unavailable: " + self.analysis_error.split("\n")[0]
                self.reader.set_banner(message, "error")
            else:
                self.reader.set_banner("Analysing this article — highlights will appear "
                                       "in a moment.")
        else:
            self.reader.set_banner("")
        self._rebuild_type_actions(analysis)
        if self.has_panels():
            self.entity_panel.set_analysis(analysis, message)
            self.timeline.show_analysis(self.current_id, analysis)

    def analysis_shown(self) -> bool:
        """True once the current article is on screen with its analysis (or its failure)."""
        return self.current_id is not None and (
            self.reader.analysis is not None or bool(self.analysis_error))

    def _analysis_ready(self, article_id: int) -> None:
        if article_id == self.current_id:
            self._show_analysis(self.session.analysis(article_id))
            self.article_shown.emit(article_id)
        if (self.has_panels() and self.timeline.library_mode
                and article_id in self.timeline.article_ids):
            self._timeline_timer.start()  # many arrive together: refresh once for them

    def _corrections_changed(self) -> None:
        if self.current_id is not None and not self.has_panels():
            self._show_analysis(self.session.analysis(self.current_id))
        elif self.current_id is not None:
            keep = self.entity_panel.selected_canonical()
            self._show_analysis(self.session.analysis(self.current_id))
            if keep and not self.entity_panel.selected_canonical():
                # Renamed or merged: follow the entity to its new name.
                latest = (self.session.corrections() or [None])[-1]
                if latest and latest.canonical == keep and latest.kind in ("rename", "merge"):
                    self.entity_panel.select(latest.value)

    def _article_updated(self, article_id: int) -> None:
        if article_id == self.current_id:
            scroll = self.reader.browser.verticalScrollBar().value()
            with self.reader.batched():
                self.reader.set_article(self.session.article(article_id),
                                        self.reader.analysis)
                self._show_annotations()
            self.reader.browser.verticalScrollBar().setValue(scroll)

    def _annotations_changed(self, article_id: int) -> None:
        if article_id == self.current_id or article_id == -1:
            self._show_annotations()

    def _show_annotations(self) -> None:
        if self.current_id is None:
            return
        try:
            annotations = self.session.annotations(self.current_id)
            colours = self.session.colours()
        except Exception:  # the annotation store may not be there yet
            annotations, colours = [], []
        self.reader.set_annotations(annotations, colours)

    def _reader_menu(self, pos) -> None:
        """The standard copy/select menu, with the annotation actions first."""
        menu = self.reader.browser.createStandardContextMenu(pos)
        first = menu.actions()[0] if menu.actions() else None
        if self.annotation_actions:
            menu.insertActions(first, self.annotation_actions)
            menu.insertSeparator(first)
        menu.addSeparator()
        menu.addAction("Find in Article…", self.reader.open_find)
        menu.exec(self.reader.browser.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def reanalyse(self) -> None:
        if self.current_id is not None:
            self.analysis_error = ""
            self.session.request_analysis([self.current_id], force=True)

    def analyse_library(self) -> None:
        self.analysis_error = ""
        self.session.request_analysis(
            [s.id for s in self.session.library.articles.summaries()])

    # -- entities ------------------------------------------------------------------------------

    def _entity_selected(self, canonical: str) -> None:
        spans = self.reader.select_entity(canonical or None)
        self.entity_panel.set_position(0, len(spans))
        self.timeline.set_entity(canonical, self.reader.analysis)

    def _entity_clicked(self, canonical: str) -> None:
        self.entity_dock.show()
        self.entity_dock.raise_()
        self.entity_panel.filter_edit.clear()
        self.entity_panel.select(canonical)

    def step_mention(self, step: int) -> None:
        if self.reader.step_mention(step) is not None:
            self.entity_panel.set_position(*self.reader.mention_position())

    def show_articles_mentioning(self, canonical: str) -> None:
        ids, unanalysed = self.session.articles_mentioning(canonical)
        self.library_view.set_entity_filter(canonical, ids, unanalysed)
        self.library_dock.raise_()

    def _rebuild_type_actions(self, analysis: Analysis | None) -> None:
        window_actions.rebuild_type_actions(self, analysis)

    def set_entities_visible(self, visible: bool) -> None:
        """Plain reading: no entity colours (a selected entity still shows its mentions)."""
        self.reader.set_entities_visible(visible)
        self.settings.set_entities_visible(visible)
        self.types_toolbar.setEnabled(visible)
        if self.entities_action.isChecked() != visible:
            self.entities_action.setChecked(visible)

    def set_type_visible(self, label: str, visible: bool) -> None:
        self.reader.set_type_visible(label, visible)
        self.settings.set_hidden_types(self.reader.hidden_types)
        action = self.type_actions.get(label)
        if action is not None and action.isChecked() != visible:
            action.setChecked(visible)

    # -- timeline ------------------------------------------------------------------------------

    def go_to_event(self, article_id: int, start: int, end: int) -> None:
        if article_id != self.current_id and not self.library_view.select_article(article_id):
            self.open_article(article_id)
        self.reader.scroll_to(start, end, flash=True)

    def _date_clicked(self, body_start: int) -> None:
        """A date in the article: select its event on the timeline (when it has one)."""
        if self.current_id is not None and self.timeline.select_expression(
                self.current_id, body_start):
            self.timeline_dock.show()
            self.timeline_dock.raise_()

    def _timeline_mode_toggled(self, on: bool) -> None:
        self.settings.set_timeline_library_mode(on)
        ids = self.library_view.visible_article_ids()
        self.timeline.set_library_mode(on, ids)
        if on:
            self.session.request_analysis(ids)  # lanes fill in as analyses arrive

    def _library_filter_changed(self) -> None:
        if self.timeline.library_mode:
            self._timeline_mode_toggled(True)

    # -- theme and text size -------------------------------------------------------------------

    def _system_scheme_changed(self, *_args) -> None:
        """A bound slot (not a lambda): Qt disconnects it when the window goes."""
        if self.settings.theme() == "system":
            self.set_theme("system")

    def choose_theme(self, theme: str) -> None:
        self.settings.set_theme(theme)
        self.set_theme(theme)

    def set_theme(self, theme: str) -> None:
        self.dark = palette.apply_theme(theme)
        if theme in self.theme_actions:
            self.theme_actions[theme].setChecked(True)
        self.reader.set_dark(self.dark)
        if self.has_panels():
            self.entity_panel.set_dark(self.dark)
        self._rebuild_type_actions(self.reader.analysis)

    def _zoom(self, step: int) -> None:
        self.reader.set_point_size(self.reader.point_size + step)
        self.settings.set_point_size(self.reader.point_size)

    def _focus_search(self) -> None:
        self.library_dock.show()
        self.library_view.search.setFocus()
        self.library_view.search.selectAll()

    # -- background tasks ----------------------------------------------------------------------

    def _task_started(self, label: str) -> None:
        self.status_label.setText(label + "…")
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.cancel_button.show()

    def _task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")

    def _task_finished(self, message: str) -> None:
        self.status_label.setText(message)
        self._hide_progress_if_idle()

    def _task_failed(self, message: str) -> None:
        self._hide_progress_if_idle()
        first_line = message.split("\n")[0]
        self.status_label.setText(first_line)
        if self.interactive:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Warning, "NATO Reader", first_line,
                              QMessageBox.StandardButton.Ok, self)
            if message == self.analysis_error:
                box.setInformativeText("The article can still be read; entity highlights and "
                                       "the timeline need the analysis.")
            if "\n" in message:
                box.setDetailedText(message)
            box.open()

    def _analysis_failed(self, message: str) -> None:
        """Keep reading without highlights, and say why (in the banner and a dialog)."""
        self.analysis_error = message
        if self.current_id is not None and self.reader.analysis is None:
            self._show_analysis(None)
            self.article_shown.emit(self.current_id)

    def _hide_progress_if_idle(self) -> None:
        if not self.session.busy():
            self.progress.hide()
            self.cancel_button.hide()

    # -- import and export ---------------------------------------------------------------------

    def import_files(self) -> None:
        paths = _transfer().ask_import_files(self)
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        paths = _transfer().ask_import_folder(self)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> None:
        self.analysis_error = ""
        self.session.import_paths(paths)

    def _imported(self, report) -> None:
        """A re-imported file may have changed the open article: show its new text."""
        if self.current_id is not None and self.current_id in report.article_ids:
            scroll = self.reader.browser.verticalScrollBar().value()
            self.open_article(self.current_id)
            self.reader.browser.verticalScrollBar().setValue(scroll)
        if report.errors and self.interactive:
            _transfer().show_import_errors(self, report)

    def export(self) -> None:
        chosen = _transfer().ask_export(self, self.library_view.selected_article_ids(),
                                     self.session.library.articles.count())
        if chosen is not None:
            self.session.export(*chosen)

    def _exported(self, report) -> None:
        """Say what was written, where, what was written beside a file the user edited,
        and whether it was cancelled."""
        message = _transfer().export_message(report)
        self.status_label.setText(message.status)
        if self.interactive:
            _transfer().show_export_report(self, message)

    # -- drag and drop, closing ----------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def restore_state(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        self.session.wait_for_tasks(10000)
        super().closeEvent(event)


def _transfer():
    """The import and export dialogs, imported when first used (see the module doc)."""
    from nato_reader.ui import transfer

    return transfer
