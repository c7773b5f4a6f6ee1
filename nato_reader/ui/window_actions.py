"""The window's menus, shortcuts and entity-type toolbar, built onto a MainWindow.

Functions of the window rather than methods, so main_window.py keeps to the wiring; they
set the same attributes (`type_actions`, `types_toolbar`, `edit_menu`, ...) as before.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QLabel, QToolBar

from nato_reader.core.model import Analysis
from nato_reader.ui import palette


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


def add(window, menu, text: str, slot, shortcut=None, checkable=False) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_actions(window) -> None:
    """The menus, the entity-type toolbar and the reader's context menu."""
    menus = window.menuBar()
    act = partial(add, window)
    file_menu = menus.addMenu("&File")
    act(
        file_menu,
        "&Import Files…",
        window.import_files,
        QKeySequence(QKeySequence.StandardKey.Open),
    )
    act(file_menu, "Import &Folder…", window.import_folder, QKeySequence("Ctrl+Shift+O"))
    act(file_menu, "&Export…", window.export, QKeySequence("Ctrl+E"))
    file_menu.addSeparator()
    act(file_menu, "&Quit", window.close, QKeySequence("Ctrl+Q"))

    edit_menu = menus.addMenu("&Edit")
    undo = window.session.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = window.session.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    act(
        edit_menu,
        "&Find in Article…",
        window.reader.open_find,
        QKeySequence(QKeySequence.StandardKey.Find),
    )
    act(edit_menu, "Find &Next", lambda: window.reader.find_step(1), QKeySequence(Qt.Key.Key_F3))
    act(edit_menu, "Find &Previous", lambda: window.reader.find_step(-1), QKeySequence("Shift+F3"))
    act(edit_menu, "Search &Library", window._focus_search, QKeySequence("Ctrl+L"))
    window.edit_menu = edit_menu

    view_menu = menus.addMenu("&View")
    theme_menu = view_menu.addMenu("&Theme")
    window.theme_group = QActionGroup(window)
    window.theme_actions = {}
    for key, text in (("system", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
        action = act(
            theme_menu, text, lambda _=False, k=key: window.choose_theme(k), checkable=True
        )
        window.theme_group.addAction(action)
        window.theme_actions[key] = action
    window.entities_action = act(
        view_menu,
        "Entity &Highlights",
        window.set_entities_visible,
        QKeySequence("Ctrl+Shift+E"),
        checkable=True,
    )
    window.entities_action.setChecked(window.settings.entities_visible())
    window.types_menu = view_menu.addMenu("Entity &Types")
    act(
        view_menu,
        "&Larger Text",
        lambda: window._zoom(1),
        [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")],
    )
    act(
        view_menu,
        "&Smaller Text",
        lambda: window._zoom(-1),
        QKeySequence(QKeySequence.StandardKey.ZoomOut),
    )
    view_menu.addSeparator()
    for dock in (
        window.library_dock,
        window.entity_dock,
        window.annotations_dock,
        window.timeline_dock,
    ):
        if dock is not None:
            view_menu.addAction(dock.toggleViewAction())
    window.timeline_library_action = act(
        view_menu, "Timeline of &All Listed Articles", window._timeline_mode_toggled, checkable=True
    )
    window.timeline_library_action.setChecked(window.settings.timeline_library_mode())
    # (Lambdas: the panels are built after the first paint, see main_window.py.)
    act(view_menu, "&Fit Timeline (again: every date)", lambda: window.timeline.cycle_fit(),
        QKeySequence("Ctrl+0"))

    entity_menu = menus.addMenu("E&ntities")
    act(entity_menu, "&Next Mention", lambda: window.step_mention(1), QKeySequence(Qt.Key.Key_F4))
    act(entity_menu, "&Previous Mention", lambda: window.step_mention(-1), QKeySequence("Shift+F4"))
    act(entity_menu, "&Clear Selection", lambda: window.entity_panel.tree.clearSelection())
    analysis_menu = menus.addMenu("&Analysis")
    act(analysis_menu, "&Re-analyse Article", window.reanalyse, QKeySequence(Qt.Key.Key_F5))
    act(analysis_menu, "&Analyse Whole Library", window.analyse_library)
    act(analysis_menu, "&Cancel", window.session.cancel_tasks)

    window.types_toolbar = QToolBar("Entity types", window)
    window.types_toolbar.setObjectName("types_toolbar")
    window.types_toolbar.setAccessibleName("Entity type toggles")
    window.types_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    # On: a raised chip; off: flat and dimmed, so the state reads at a glance.
    window.types_toolbar.setStyleSheet(
        "QToolButton { border: 1px solid transparent; border-radius: 4px;"
        " padding: 2px 7px; margin: 1px 2px; color: palette(mid); }"
        "QToolButton:checked { border-color: palette(mid); background: palette(base);"
        " color: palette(text); }"
        "QToolButton:hover { border-color: palette(highlight); }"
    )
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, window.types_toolbar)
    window.type_actions: dict[str, QAction] = {}
    view_menu.addAction(window.types_toolbar.toggleViewAction())
    window.annotation_actions: list[QAction] = []  # filled with the panels
    window.reader.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    window.reader.browser.customContextMenuRequested.connect(window._reader_menu)

def rebuild_type_actions(window, analysis: Analysis | None) -> None:
    """One toggle per highlighted type in the article, with its count."""
    counts: dict[str, int] = {}
    for mention in analysis.mentions if analysis else ():
        counts[mention.label] = counts.get(mention.label, 0) + 1
    if analysis and analysis.timexes:
        counts[palette.DATES] = len(analysis.timexes)
    window.types_toolbar.clear()
    window.types_menu.clear()
    window.type_actions = {}
    title = QLabel("  Highlight:  ", window)
    window.types_toolbar.addWidget(title)
    for label in sorted(counts, key=palette.label_sort_key):
        action = QAction(
            swatch(palette.entity_background(label, window.dark, True)),
            f"{palette.label_name(label)} {counts[label]}",
            window,
        )
        action.setCheckable(True)
        action.setChecked(label not in window.reader.hidden_types)
        name = palette.label_name(label).lower()
        tip = f"Show or hide {name} ({label})"
        if label == palette.DATES:  # not an entity type: every TIMEX3 expression
            tip = "Show or hide dates, times and durations (click one: the timeline)"
        action.setToolTip(tip)
        action.toggled.connect(lambda on, lab=label: window.set_type_visible(lab, on))
        window.types_toolbar.addAction(action)
        window.types_menu.addAction(action)
        window.type_actions[label] = action
    if not counts:
        window.types_menu.addAction("(no entities in this article)").setEnabled(False)
