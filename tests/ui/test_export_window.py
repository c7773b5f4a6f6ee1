"""File → Export… from the window: what is said afterwards, and Cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool

from nato_reader.ui import transfer
from nato_reader.ui.main_window import MainWindow
from nato_reader.ui.settings import Settings

pytest.importorskip("nato_reader.store.exporter")


@pytest.fixture
def window(qtbot, session, settings):
    win = MainWindow(session, Settings(settings), interactive=False)
    qtbot.addWidget(win)
    win.show()
    return win


def export(qtbot, session, out, ids=None):
    with qtbot.waitSignal(session.exported, timeout=20000) as blocker:
        session.export(ids, out)
    return blocker.args[0]


def test_the_message_names_files_written_beside_edited_ones(qtbot, window, session,
                                                            tmp_path):
    out = tmp_path / "out"
    first = export(qtbot, session, out)
    edited = first.written[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMy own note.\n",
                      encoding="utf-8")
    report = export(qtbot, session, out)
    assert [old for old, _ in report.written_beside] == [edited]
    new = report.written_beside[0][1]
    assert new.name.endswith(".new.md") and new.exists()

    assert window.status_label.text() == f"Export: {report.summary()}."
    message = transfer.export_message(report)
    assert message.text == f"Export: {report.summary()}."
    assert f"In {out}" in message.informative
    assert (f"{new.name} written beside your edited {edited.name}, kept as it was"
            in message.informative)
    assert str(new) in message.details and f"{edited.name} was kept" in message.details
    assert not message.warning
    box = transfer.show_export_report(window, message)
    assert box.informativeText() == message.informative
    box.close()


def test_cancel_in_the_status_bar_stops_an_export(qtbot, window, session, tmp_path):
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    release = threading.Event()
    pool.setMaxThreadCount(1)
    try:
        pool.start(lambda: release.wait(10))  # the export waits behind this
        with qtbot.waitSignal(session.exported, timeout=20000) as blocker:
            session.export(None, tmp_path / "out")
            assert window.cancel_button.isVisible()
            window.cancel_button.click()
            release.set()
    finally:
        release.set()
        pool.waitForDone(10000)
        pool.setMaxThreadCount(threads)
    report = blocker.args[0]
    assert report.written == []
    assert any("cancelled" in w for w in report.warnings)
    assert window.status_label.text().startswith("Export cancelled: 0 written")
    message = transfer.export_message(report)
    assert message.warning and "Export cancelled after 0 of 2" in message.informative
    assert not window.progress.isVisible()
