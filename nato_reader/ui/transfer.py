"""Import and export from the window: the file dialogs, the "which articles" question,
and what is said afterwards. The work itself runs in the session's workers (the export
passes the worker's `is_cancelled` to store.exporter.export_articles, so Cancel in the
status bar stops it between articles)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

ARTICLE_FILES = "Articles (*.txt *.md *.markdown *.text);;All files (*)"
MAX_LISTED = 8  # files named in the message itself; the rest are in the details


def ask_import_files(parent: QWidget) -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Import articles", str(Path.home()),
                                            ARTICLE_FILES)
    return [Path(f) for f in files]


def ask_import_folder(parent: QWidget) -> list[Path]:
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder of articles",
                                              str(Path.home()))
    return [Path(folder)] if folder else []


def show_import_errors(parent: QWidget, report) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Import",
                      f"{len(report.errors)} file(s) could not be imported.",
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText("\n".join(report.errors))
    box.open()


def ask_export(parent: QWidget, selected: list[int], total: int):
    """(article ids or None for all, folder), or None when the user cancels."""
    ids = None
    if selected and len(selected) < total:
        box = QMessageBox(QMessageBox.Icon.Question, "Export",
                          "Export which articles as Markdown?", parent=parent)
        some = box.addButton(f"Selected ({len(selected)})", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(f"All ({total})", QMessageBox.ButtonRole.YesRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is None or box.buttonRole(box.clickedButton()) == \
                QMessageBox.ButtonRole.RejectRole:
            return None
        ids = selected if box.clickedButton() is some else None
    folder = QFileDialog.getExistingDirectory(parent, "Export to folder", str(Path.home()))
    return (ids, Path(folder)) if folder else None


@dataclass(frozen=True)
class ExportMessage:
    status: str  # one line, for the status bar
    text: str  # the message box's main text
    informative: str  # where, what was written beside an edited file, warnings
    details: str  # every file
    warning: bool


def export_message(report) -> ExportMessage:
    """What to say after an export: report.summary(), the folder, each file written
    beside one the user edited (NAME.new.md), and the warnings (a cancelled export)."""
    summary = report.summary()
    cancelled = any("cancel" in w for w in report.warnings)
    status = f"Export{' cancelled' if cancelled else ''}: {summary}."
    if report.analysis_unavailable:
        status += " The analysis was unavailable: files have no entities or timeline."
    paths = [*report.written, *(new for _, new in report.written_beside), *report.unchanged]
    lines = [f"In {Path(paths[0]).parent}"] if paths else []
    beside = [f"{Path(new).name} written beside your edited {Path(old).name}, kept as it was"
              for old, new in report.written_beside]
    lines += beside[:MAX_LISTED]
    if len(beside) > MAX_LISTED:
        lines.append(f"… and {len(beside) - MAX_LISTED} more (see the details)")
    lines += [w[:1].upper() + w[1:] for w in report.warnings]
    if report.analysis_unavailable:
        lines.append("The analysis was unavailable: files have no entities or timeline.")
    details = [str(p) for p in report.written]
    details += [f"{new}  (your edited {Path(old).name} was kept)"
                for old, new in report.written_beside]
    details += [f"{p}  (unchanged)" for p in report.unchanged]
    details += report.errors + report.warnings
    return ExportMessage(status=status, text=f"Export{' cancelled' if cancelled else ''}: "
                         f"{summary}.", informative="\n".join(lines),
                         details="\n".join(details),
                         warning=bool(report.errors or report.warnings))


def show_export_report(parent: QWidget, message: ExportMessage) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if message.warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, "Export", message.text, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(message.informative)
    if message.details:
        box.setDetailedText(message.details)
    box.open()
    return box
