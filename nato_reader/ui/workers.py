"""Long work off the GUI thread: a QRunnable that runs one plain function in the
QThreadPool and reports back by signal.

The function gets `progress(done, total)` and `is_cancelled()` keyword arguments, as the
core's long functions accept. Every exception is caught and reported as `failed`, so a
worker can never take the window down. Workers never touch the GUI thread's SQLite
connection: callers pass texts in and take results out (or open their own connection
inside the function, as import does).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from nato_reader.errors import NatoReaderError


class WorkerSignals(QObject):
    """Signals live on a QObject (a QRunnable cannot have them); they are queued to
    the receivers' thread, so slots run on the GUI thread."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it alive until `done`
        self.signals = WorkerSignals()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._cancelled = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = self._fn(*self._args, progress=self._progress,
                              is_cancelled=self.is_cancelled, **self._kwargs)
        except NatoReaderError as exc:
            self._emit("failed", str(exc))
        except Exception as exc:  # a worker must never kill the program
            detail = traceback.format_exc(limit=4)
            self._emit("failed", f"{type(exc).__name__}: {exc}\n\n{detail}")
        else:
            self._emit("finished", result)
        finally:
            self.done.set()

    def _progress(self, done: int, total: int) -> None:
        self._emit("progress", int(done), int(total))

    def _emit(self, name: str, *args) -> None:
        """Emit, unless the receiving side is gone (the program is shutting down without
        waiting): then there is nobody to tell, so stop the work instead of failing."""
        try:
            getattr(self.signals, name).emit(*args)
        except RuntimeError:
            self._cancelled.set()


def start(worker: Worker, pool: QThreadPool | None = None) -> Worker:
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
