"""The reader's window: library (left), article (centre), entities and annotations (right),
timeline (bottom). Wires the widgets to each other and to the session; holds no data of
its own beyond what is on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nato_reader.core.model import Analysis
from nato_reader.core.timeline import events_from_analysis
from nato_reader.ui import palette
from nato_reader.ui.entity_panel import EntityPanel
from nato_reader.ui.library_view import LibraryView
from nato_reader.ui.reader_view import ReaderView
from nato_reader.ui.settings import Settings

try:  # written in parallel; the window works without them
    from nato_reader.ui.timeline import TimelineWidget
except ImportError:  # pragma: no cover
    TimelineWidget = None
try:  # written in parallel (issue 5); the window works without it
    from nato_reader.ui.annotations_panel import AnnotationsPanel
except ImportError:  # pragma: no cover
    AnnotationsPanel = None
try:
    from nato_reader.ui.annotation_actions import install_annotation_actions
except ImportError:  # pragma: no cover
    install_annotation_actions = None

DEFAULT_SIZE = (1500, 950)


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class MainWindow(QMainWindow):
    article_shown = Signal(int)  # the article and whatever analysis exists are on screen

    def __init__(self, session, settings: Settings, parent: QWidget | None = None,
                 interactive: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.interactive = interactive  # False for --screenshot: never block on a dialog
        self.current_id: int | None = None
        self.analysis_error = ""
        self.dark = False
        self.setWindowTitle("NATO Reader")
        self.setAcceptDrops(True)
        self.resize(*DEFAULT_SIZE)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)

        self.reader = ReaderView(self)
        self.reader.browser.setAcceptDrops(False)  # dropped files go to the window: import
        self.setCentralWidget(self.reader)
        self.library_view = LibraryView(session, self)
        self.entity_panel = EntityPanel(session, self)
        self.timeline = TimelineDock(session, self)
        self.library_dock = self._dock("Library", "library_dock", self.library_view,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.entity_dock = self._dock("Entities", "entity_dock", self.entity_panel,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.timeline_dock = self._dock("Timeline", "timeline_dock", self.timeline,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.annotations_panel = None
        self.annotations_dock = None
        if AnnotationsPanel is not None and hasattr(session.library, "annotations"):
            self.annotations_panel = AnnotationsPanel(session, self.reader, self)
            self.annotations_dock = self._dock("Annotations", "annotations_dock",
                                               self.annotations_panel,
                                               Qt.DockWidgetArea.RightDockWidgetArea)
            self.tabifyDockWidget(self.entity_dock, self.annotations_dock)
            self.entity_dock.raise_()
        self.resizeDocks([self.library_dock, self.entity_dock], [310, 300],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.timeline_dock], [210], Qt.Orientation.Vertical)

        self._timeline_timer = QTimer(self, singleShot=True, interval=400)
        self._timeline_timer.timeout.connect(self.timeline.refresh)
        self._build_status_bar()
        self._build_actions()
        self._connect()
        self.set_theme(settings.theme())
        self.reader.set_point_size(settings.point_size())
        for label in settings.hidden_types():
            self.reader.set_type_visible(label, False)
        self.set_entities_visible(settings.entities_visible())
        self._rebuild_type_actions(None)
        self._library_changed(select=False)
        if self.timeline_library_action.isChecked():
            self._timeline_mode_toggled(True)

    # -- construction --------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

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

    def _action(self, menu, text: str, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        self._action(file_menu, "&Import Files…", self.import_files,
                     QKeySequence(QKeySequence.StandardKey.Open))
        self._action(file_menu, "Import &Folder…", self.import_folder, QKeySequence("Ctrl+Shift+O"))
        self._action(file_menu, "&Export…", self.export, QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence("Ctrl+Q"))

        edit_menu = menus.addMenu("&Edit")
        undo = self.session.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = self.session.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find in Article…", self.reader.open_find,
                     QKeySequence(QKeySequence.StandardKey.Find))
        self._action(edit_menu, "Find &Next", lambda: self.reader.find_step(1),
                     QKeySequence(Qt.Key.Key_F3))
        self._action(edit_menu, "Find &Previous", lambda: self.reader.find_step(-1),
                     QKeySequence("Shift+F3"))
        self._action(edit_menu, "Search &Library", self._focus_search, QKeySequence("Ctrl+L"))
        self.edit_menu = edit_menu

        view_menu = menus.addMenu("&View")
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for key, text in (("system", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
            action = self._action(theme_menu, text, lambda _=False, k=key: self.choose_theme(k),
                                  checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[key] = action
        self.entities_action = self._action(
            view_menu, "Entity &Highlights", self.set_entities_visible,
            QKeySequence("Ctrl+Shift+E"), checkable=True)
        self.entities_action.setChecked(self.settings.entities_visible())
        self.types_menu = view_menu.addMenu("Entity &Types")
        self._action(view_menu, "&Larger Text", lambda: self._zoom(1),
                     [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self._action(view_menu, "&Smaller Text", lambda: self._zoom(-1),
                     QKeySequence(QKeySequence.StandardKey.ZoomOut))
        view_menu.addSeparator()
        for dock in (self.library_dock, self.entity_dock, self.annotations_dock,
                     self.timeline_dock):
            if dock is not None:
                view_menu.addAction(dock.toggleViewAction())
        self.timeline_library_action = self._action(
            view_menu, "Timeline of &All Listed Articles", self._timeline_mode_toggled,
            checkable=True)
        self.timeline_library_action.setChecked(self.settings.timeline_library_mode())
        self._action(view_menu, "&Fit Timeline", self.timeline.fit_all, QKeySequence("Ctrl+0"))

        entity_menu = menus.addMenu("E&ntities")
        self._action(entity_menu, "&Next Mention", lambda: self.step_mention(1),
                     QKeySequence(Qt.Key.Key_F4))
        self._action(entity_menu, "&Previous Mention", lambda: self.step_mention(-1),
                     QKeySequence("Shift+F4"))
        self._action(entity_menu, "&Clear Selection", self.entity_panel.tree.clearSelection)
        analysis_menu = menus.addMenu("&Analysis")
        self._action(analysis_menu, "&Re-analyse Article", self.reanalyse,
                     QKeySequence(Qt.Key.Key_F5))
        self._action(analysis_menu, "&Analyse Whole Library", self.analyse_library)
        self._action(analysis_menu, "&Cancel", self.session.cancel_tasks)

        self.types_toolbar = QToolBar("Entity types", self)
        self.types_toolbar.setObjectName("types_toolbar")
        self.types_toolbar.setAccessibleName("Entity type toggles")
        self.types_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # On: a raised chip; off: flat and dimmed, so the state reads at a glance.
        self.types_toolbar.setStyleSheet(
            "QToolButton { border: 1px solid transparent; border-radius: 4px;"
            " padding: 2px 7px; margin: 1px 2px; color: palette(mid); }"
            "QToolButton:checked { border-color: palette(mid); background: palette(base);"
            " color: palette(text); }"
            "QToolButton:hover { border-color: palette(highlight); }")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.types_toolbar)
        self.type_actions: dict[str, QAction] = {}
        view_menu.addAction(self.types_toolbar.toggleViewAction())
        self.annotation_actions: list[QAction] = []
        self.reader.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.browser.customContextMenuRequested.connect(self._reader_menu)

        if install_annotation_actions is not None and hasattr(self.session.library,
                                                                "annotations"):
            self.annotation_actions = install_annotation_actions(self, self.session, self.reader)
            if self.annotation_actions:
                menu = menus.addMenu("A&nnotate")
                menu.addActions(self.annotation_actions)

    def _connect(self) -> None:
        s = self.session
        self.library_view.article_selected.connect(self.open_article)
        self.library_view.filter_changed.connect(self._library_filter_changed)
        self.entity_panel.entity_selected.connect(self._entity_selected)
        self.reader.entity_clicked.connect(self._entity_clicked)
        self.entity_panel.step_requested.connect(self.step_mention)
        self.entity_panel.show_articles_requested.connect(self.show_articles_mentioning)
        self.timeline.event_activated.connect(self.go_to_event)
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

    # -- the article ---------------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        try:
            article = self.session.article(article_id)
        except Exception as exc:
            self.status_label.setText(str(exc))
            return
        self.current_id = article_id
        analysis = self.session.analysis(article_id)
        self.reader.set_article(article, analysis)
        self._show_annotations()
        self._show_analysis(analysis)
        if self.annotations_panel is not None:
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
        self.entity_panel.set_analysis(analysis, message)
        self._rebuild_type_actions(analysis)
        self.timeline.show_analysis(self.current_id, analysis)

    def analysis_shown(self) -> bool:
        """True once the current article is on screen with its analysis (or its failure)."""
        return self.current_id is not None and (
            self.reader.analysis is not None or bool(self.analysis_error))

    def _analysis_ready(self, article_id: int) -> None:
        if article_id == self.current_id:
            self._show_analysis(self.session.analysis(article_id))
            self.article_shown.emit(article_id)
        if self.timeline.library_mode and article_id in self.timeline.article_ids:
            self._timeline_timer.start()  # many arrive together: refresh once for them

    def _corrections_changed(self) -> None:
        if self.current_id is not None:
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
            self.reader.set_article(self.session.article(article_id), self.reader.analysis)
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
        ids, unanalysed = set(), 0
        for summary in self.session.library.articles.summaries():
            analysis = self.session.analysis(summary.id)
            if analysis is None:
                unanalysed += 1
            elif any(m.canonical == canonical for m in analysis.mentions):
                ids.add(summary.id)
        self.library_view.set_entity_filter(canonical, ids, unanalysed)
        self.library_dock.raise_()

    def _rebuild_type_actions(self, analysis: Analysis | None) -> None:
        counts: dict[str, int] = {}
        for mention in analysis.mentions if analysis else ():
            counts[mention.label] = counts.get(mention.label, 0) + 1
        self.types_toolbar.clear()
        self.types_menu.clear()
        self.type_actions = {}
        title = QLabel("  Highlight:  ", self)
        self.types_toolbar.addWidget(title)
        for label in sorted(counts, key=palette.label_sort_key):
            action = QAction(swatch(palette.entity_background(label, self.dark, True)),
                             f"{palette.label_name(label)} {counts[label]}", self)
            action.setCheckable(True)
            action.setChecked(label not in self.reader.hidden_types)
            action.setToolTip(f"Show or hide {palette.label_name(label).lower()} ({label})")
            action.toggled.connect(lambda on, lab=label: self.set_type_visible(lab, on))
            self.types_toolbar.addAction(action)
            self.types_menu.addAction(action)
            self.type_actions[label] = action
        if not counts:
            self.types_menu.addAction("(no entities in this article)").setEnabled(False)

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
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", str(Path.home()),
            "Articles (*.txt *.md *.markdown *.text);;All files (*)")
        if files:
            self.import_paths([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles",
                                                  str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

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
            box = QMessageBox(QMessageBox.Icon.Warning, "Import",
                              f"{len(report.errors)} file(s) could not be imported.",
                              QMessageBox.StandardButton.Ok, self)
            box.setDetailedText("\n".join(report.errors))
            box.open()

    def export(self) -> None:
        selected = self.library_view.selected_article_ids()
        total = self.session.library.articles.count()
        ids = None
        if selected and len(selected) < total:
            box = QMessageBox(QMessageBox.Icon.Question, "Export",
                              "Export which articles as Markdown?", parent=self)
            some = box.addButton(f"Selected ({len(selected)})", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(f"All ({total})", QMessageBox.ButtonRole.YesRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is None or box.buttonRole(box.clickedButton()) == \
                    QMessageBox.ButtonRole.RejectRole:
                return
            ids = selected if box.clickedButton() is some else None
        folder = QFileDialog.getExistingDirectory(self, "Export to folder", str(Path.home()))
        if folder:
            self.session.export(ids, Path(folder))

    def _exported(self, report) -> None:
        """Say what was written, where, and what was kept because the user edited it."""
        written = [str(p) for p in report.written]
        beside = [f"{new}  (your edited {Path(old).name} was kept)"
                  for old, new in report.written_beside]
        text = f"Export: {report.summary()}."
        if report.analysis_unavailable:
            text += " The analysis was unavailable: files have no entities or timeline."
        self.status_label.setText(text)
        if self.interactive:
            icon = QMessageBox.Icon.Warning if report.errors else QMessageBox.Icon.Information
            box = QMessageBox(icon, "Export", text, QMessageBox.StandardButton.Ok, self)
            folder = Path(written[0]).parent if written else None
            if folder is not None:
                box.setInformativeText(f"In {folder}")
            details = written + beside + [str(p) + "  (unchanged)" for p in report.unchanged]
            details += report.errors + report.warnings
            if details:
                box.setDetailedText("\n".join(details))
            box.open()

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


class TimelineDock(QWidget):
    """Feeds the timeline widget: the current article's events, or in library mode every
    listed article's, one lane each; selecting an entity keeps the events whose sentence
    mentions it."""

    event_activated = Signal(int, int, int)  # article id, sentence start, sentence end

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.library_mode = False
        self.article_ids: list[int] = []
        self.current_id: int | None = None
        self.analysis: Analysis | None = None
        self.entity = ""
        self.events: list = []  # all events fed to the widget
        self.shown: list = []  # those that pass the entity filter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if TimelineWidget is not None:
            self.widget = TimelineWidget(self)
            self.widget.event_activated.connect(self._activated)
        else:  # pragma: no cover - before ui/timeline exists
            self.widget = QLabel("The timeline is not available in this build.", self)
            self.widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.widget)

    def show_analysis(self, article_id: int | None, analysis: Analysis | None) -> None:
        self.current_id, self.analysis = article_id, analysis
        if not self.library_mode:
            self.refresh()

    def set_entity(self, canonical: str, analysis: Analysis | None) -> None:
        self.entity = canonical
        self._apply_filter()

    def set_library_mode(self, on: bool, article_ids: list[int]) -> None:
        self.library_mode, self.article_ids = on, list(article_ids)
        if hasattr(self.widget, "set_library_mode"):
            self.widget.set_library_mode(on)
        self.refresh()

    def fit_all(self) -> None:
        if hasattr(self.widget, "fit_all"):
            self.widget.fit_all()

    def refresh(self) -> None:
        ids = self.article_ids if self.library_mode else [self.current_id]
        self.events = []
        for article_id in ids:
            if article_id is None:
                continue
            analysis = (self.analysis if article_id == self.current_id and self.analysis
                        else self.session.analysis(article_id))
            if analysis is not None:
                self.events += events_from_analysis(self.session.article(article_id), analysis)
        if hasattr(self.widget, "set_events"):
            self.widget.set_events(self.events)
            published = None
            if not self.library_mode and self.current_id is not None:
                published = self.session.article(self.current_id).published
            self.widget.set_reference_date(published)
        self._apply_filter()

    def _apply_filter(self) -> None:
        if not self.entity:
            self.shown = list(self.events)
            if hasattr(self.widget, "clear_filter"):
                self.widget.clear_filter()
            return
        keep = set()
        for article_id in {e.article_id for e in self.events}:
            analysis = self._analysis_of(article_id)
            spans = [m.start for m in analysis.mentions if m.canonical == self.entity]
            for timex in analysis.timexes:
                if any(timex.sentence.start <= s < timex.sentence.end for s in spans):
                    keep.add((article_id, timex.start))
        self.shown = [e for e in self.events if (e.article_id, e.body_start) in keep]
        if hasattr(self.widget, "set_filter"):
            self.widget.set_filter(keep)

    def _analysis_of(self, article_id: int) -> Analysis:
        if article_id == self.current_id and self.analysis is not None:
            return self.analysis
        return self.session.analysis(article_id)

    def _activated(self, article_id: int, start: int, end: int) -> None:
        """The widget gives the expression's offsets; the reader shows its sentence."""
        analysis = self._analysis_of(article_id)
        timex = next((t for t in analysis.timexes if t.start == start), None) if analysis else None
        if timex is not None:
            start, end = timex.sentence.start, timex.sentence.end
        self.event_activated.emit(article_id, start, end)
