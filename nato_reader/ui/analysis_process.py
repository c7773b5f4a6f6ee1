"""The library's background analysis in a child process, so spaCy never holds the GUI
process's GIL.

In a worker thread, spaCy and the timex rules hold the GIL for long stretches and every
Qt call of the GUI thread that releases it waits to get it back: opening an article took
up to a second while the library was being analysed. Here the worker thread only waits
on a pipe (without the GIL) while one child process, started with the "spawn" method
(no copy of the Qt state), reads the texts through its own connection and analyses them.
No Qt in this module: the child imports only the core and the store.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import traceback
from pathlib import Path

from nato_reader.errors import NatoReaderError

POLL_S = 0.05  # how often a waiting worker looks at its cancel flag
PIPELINE = "nato_reader.core.analysis:analyse_many"


def analyse_items(items, analyse_many, progress=None, is_cancelled=None):
    """Worker body: items are (article_id, content_hash, body, published); returns
    [(article_id, content_hash, Analysis)] for those done (all unless cancelled)."""
    analyses = analyse_many([(body, published) for _, _, body, published in items],
                            progress=progress, is_cancelled=is_cancelled)
    return [(article_id, digest, analysis)
            for (article_id, digest, _, _), analysis in zip(items, analyses, strict=False)]


def analyse_stored(db_path: Path, pairs, analyse_many, progress=None, is_cancelled=None):
    """Worker body: reads the texts of (article_id, content_hash) pairs through its own
    connection (never the GUI thread's), then analyses them. An article deleted or
    changed since it was queued is skipped."""
    from nato_reader.store.library import Library

    items = []
    with Library(db_path) as library:
        for article_id, digest in pairs:
            try:
                article = library.articles.get(article_id)
            except NatoReaderError:
                continue
            if article.content_hash == digest:
                items.append((article_id, digest, article.body, article.published))
    return analyse_items(items, analyse_many, progress, is_cancelled)


def _serve(conn, pipeline: str) -> None:
    """The child's loop: (db path, pairs) in, ("ok", results) or an error out; None ends.
    `pipeline` names the analyse_many function as "module:function"."""
    try:
        module, name = pipeline.split(":")
        analyse_many = getattr(importlib.import_module(module), name)
    except Exception as exc:  # answered to every job, so the GUI can say why
        analyse_many, unavailable = None, f"the analysis pipeline cannot be loaded: {exc}"
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        db_path, pairs = job
        if analyse_many is None:
            conn.send(("nato_error", unavailable))
            continue
        try:
            conn.send(("ok", analyse_stored(Path(db_path), pairs, analyse_many)))
        except NatoReaderError as exc:
            conn.send(("nato_error", str(exc)))
        except Exception as exc:  # reported to the GUI as the run's failure
            detail = traceback.format_exc(limit=4)
            conn.send(("error", f"{type(exc).__name__}: {exc}\n\n{detail}"))


class AnalysisProcess:
    """One analysis child process, started on first use and reused; `run` is a worker
    body (blocking, called from a worker thread). Cancelling a run ends the child (a
    chunk cannot be interrupted otherwise); the next run starts a new one."""

    def __init__(self, pipeline: str = PIPELINE) -> None:
        self._pipeline = pipeline
        self._lock = threading.Lock()  # one job at a time on the one pipe
        self._process = None
        self._conn = None

    def run(self, db_path: Path, pairs, progress=None, is_cancelled=None):
        with self._lock:
            if progress:
                progress(0, len(pairs))
            if is_cancelled and is_cancelled():
                return []
            conn = self._start()
            conn.send((str(db_path), list(pairs)))
            while not conn.poll(POLL_S):
                if is_cancelled and is_cancelled():
                    self._stop()
                    return []
                if not self._process.is_alive():
                    code = self._process.exitcode
                    self._stop()
                    raise NatoReaderError(f"the analysis process ended unexpectedly ({code})")
            try:
                status, payload = conn.recv()
            except EOFError:
                self._stop()
                raise NatoReaderError("the analysis process ended unexpectedly") from None
        if status == "nato_error":
            raise NatoReaderError(payload)
        if status != "ok":
            raise RuntimeError(payload)
        if progress:
            progress(len(payload), len(pairs))
        return payload

    def close(self) -> None:
        """End the child (waits for no running job: a cancelled run has stopped it)."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
            self._stop(grace_s=2.0)

    def _start(self):
        if self._process is None or not self._process.is_alive():
            self._stop()
            import multiprocessing  # here: 10 ms that the window's start need not pay

            context = multiprocessing.get_context("spawn")
            parent_end, child_end = context.Pipe()
            self._process = context.Process(target=_serve, args=(child_end, self._pipeline),
                                            name="nato-reader-analysis", daemon=True)
            self._process.start()
            child_end.close()
            self._conn = parent_end
        return self._conn

    def _stop(self, grace_s: float = 0.0) -> None:
        if self._process is not None:
            self._process.join(grace_s)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(5)
            self._process.close()
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None
