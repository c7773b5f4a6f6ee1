"""The one object in the UI that writes to the library.

Every method is one store call (one transaction), followed by a past-tense signal, so
views never need to know who changed what. Long work (analysis, import, export) runs in
worker threads (the spaCy analysis itself in a child process the worker waits on, see
analysis_process.py); results come back by signal and are written here, on the GUI
thread, through the GUI thread's connection.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoStack

from nato_reader.core.corrections import apply_corrections, family, names_that_may_become
from nato_reader.core.model import Analysis, Annotation, Article, EntityCorrection
from nato_reader.core.pipeline_version import PIPELINE_VERSION
from nato_reader.store.database import transaction
from nato_reader.store.library import Library
from nato_reader.ui.analysis_process import AnalysisProcess, analyse_stored
from nato_reader.ui.workers import Worker

ANALYSIS_CACHE_SIZE = 64
ANALYSIS_CHUNK = 8  # articles per worker job: results are stored chunk by chunk


def pipeline_version() -> str:
    return PIPELINE_VERSION


def _default_analyse_many(texts, progress=None, is_cancelled=None):
    # Imported on first use: the rule modules cost more to import than the window's start.
    from nato_reader.core.analysis import analyse_many

    return analyse_many(texts, progress, is_cancelled)


def one_by_one(analyse: Callable) -> Callable:
    """An analyse_many over a function of one text (tests inject such functions)."""

    def analyse_many(texts, progress=None, is_cancelled=None):
        results = []
        if progress:
            progress(0, len(texts))
        for text, published in texts:
            if is_cancelled and is_cancelled():
                break
            results.append(analyse(text, published))
            if progress:
                progress(len(results), len(texts))
        return results

    return analyse_many


class Session(QObject):
    """Wraps the Library for the UI. Each write method is one store call (one
    transaction) and then a signal; read through `session.library` or the helpers here.
    `analyse` (a function of text and date) replaces the spaCy pipeline in tests."""

    articles_changed = Signal()
    article_updated = Signal(int)  # article id: title, tags or note changed
    annotations_changed = Signal(int)  # article id
    tags_changed = Signal()
    corrections_changed = Signal()
    colours_changed = Signal()
    colour_renamed = Signal(str, str)  # old name, new name; before colours_changed
    analysis_ready = Signal(int)
    analysis_failed = Signal(str)  # a background analysis run failed (also task_failed)

    # Background work, for the status bar: one label per task kind.
    task_started = Signal(str)
    task_progress = Signal(int, int)
    task_finished = Signal(str)
    task_failed = Signal(str)
    imported = Signal(object)  # ImportReport
    exported = Signal(object)  # ExportReport

    def __init__(self, library: Library, parent: QObject | None = None, *,
                 analyse: Callable | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)
        self._analyse_many = one_by_one(analyse) if analyse else _default_analyse_many
        # The real pipeline runs in a child process (see analysis_process.py: in a thread
        # it starves the GUI thread of the GIL); an injected function runs in the thread.
        self._process = AnalysisProcess() if analyse is None else None
        # One analysis at a time: the spaCy pipeline is big and the machine may be small.
        self._analysis_pool = QThreadPool(self)
        self._analysis_pool.setMaxThreadCount(1)
        self._workers: list[Worker] = []
        self._retired: list[Worker] = []
        self._pending: set[int] = set()
        # One analysis run = the chunks queued since the pool was last idle.
        self._run_workers: list[Worker] = []
        self._run_total = 0
        self._run_done = 0
        self._run_cancelled = 0
        self._run_error = ""
        # Corrected analyses of recently shown articles (bounded: library mode reads all).
        self._cache: OrderedDict[int, tuple[str, Analysis | None]] = OrderedDict()
        self.corrections_changed.connect(self._cache.clear)

    # -- articles ------------------------------------------------------------------

    def article(self, article_id: int) -> Article:
        return self.library.articles.get(article_id)

    def set_article_title(self, article_id: int, title: str) -> str:
        old = self.library.articles.set_title(article_id, title)
        self.article_updated.emit(article_id)
        self.articles_changed.emit()
        return old

    def set_article_tags(self, article_id: int, tags) -> tuple[str, ...]:
        old = self.library.articles.set_tags(article_id, list(tags))
        self.article_updated.emit(article_id)
        self.tags_changed.emit()
        self.articles_changed.emit()
        return old

    def set_article_note(self, article_id: int, note: str) -> str:
        old = self.library.articles.set_note(article_id, note)
        self.article_updated.emit(article_id)
        return old

    # -- annotations (store/annotations.py) -------------------------------------------

    def add_annotation(self, article_id: int, start: int, end: int, colour: str,
                       note: str = "", tags=()) -> Annotation:
        annotation = self.library.annotations.add(article_id, start, end, colour,
                                                  note=note, tags=tuple(tags))
        self._annotation_changed(annotation.article_id, tags)
        return annotation

    def update_annotation(self, annotation_id: int, note: str | None = None, tags=None,
                          colour: str | None = None) -> Annotation:
        previous = self.library.annotations.update(annotation_id, note=note, tags=tags,
                                                   colour=colour)
        self._annotation_changed(previous.article_id, tags)
        return previous

    def delete_annotation(self, annotation_id: int) -> Annotation:
        deleted = self.library.annotations.delete(annotation_id)
        self._annotation_changed(deleted.article_id, deleted.tags)
        return deleted

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        restored = self.library.annotations.restore(annotation)
        self._annotation_changed(restored.article_id, restored.tags)
        return restored

    def annotations(self, article_id: int) -> list[Annotation]:
        store = getattr(self.library, "annotations", None)
        return list(store.for_article(article_id)) if store is not None else []

    def colours(self) -> list:
        store = getattr(self.library, "colours", None)
        return list(store.all()) if store is not None else []

    # -- the named colour palette ---------------------------------------------------------

    def add_colour(self, name: str, hex_: str):
        colour = self.library.colours.add(name, hex_)
        self.colours_changed.emit()
        return colour

    def remove_colour(self, name: str):
        colour = self.library.colours.remove(name)
        self.colours_changed.emit()
        return colour

    def rename_colour(self, old: str, new: str) -> None:
        """Renames the annotations' colour too: views re-read annotations on the signal."""
        self.library.colours.rename(old, new)
        self.colour_renamed.emit(old, new)
        self.colours_changed.emit()

    def set_colour_hex(self, name: str, hex_: str) -> str:
        old = self.library.colours.set_hex(name, hex_)
        self.colours_changed.emit()
        return old

    def _annotation_changed(self, article_id: int, tags) -> None:
        self.annotations_changed.emit(article_id)
        if tags:
            self.tags_changed.emit()

    # -- entity corrections ------------------------------------------------------------

    def add_correction(self, kind: str, canonical: str, value: str = "") -> EntityCorrection:
        correction = self.library.corrections.add(kind, canonical, value)
        self.corrections_changed.emit()
        return correction

    def remove_correction(self, correction_id: int) -> EntityCorrection | None:
        removed = self.library.corrections.remove(correction_id)
        self.corrections_changed.emit()
        return removed

    def corrections(self) -> list[EntityCorrection]:
        return self.library.corrections.all()

    # -- analysis ----------------------------------------------------------------------

    def raw_analysis(self, article_id: int) -> Analysis | None:
        """The cached analysis as the pipeline made it (no corrections)."""
        article = self.library.articles.get(article_id)
        return self.library.analyses.get(article.content_hash, pipeline_version())

    def analysis(self, article_id: int) -> Analysis | None:
        """The cached analysis with the user's corrections applied, or None."""
        article = self.library.articles.get(article_id)
        cached = self._cache.get(article_id)
        if cached and cached[0] == article.content_hash:
            self._cache.move_to_end(article_id)
            return cached[1]
        raw = self.library.analyses.get(article.content_hash, pipeline_version())
        result = raw
        if raw is not None:
            mentions = apply_corrections(list(raw.mentions), self.corrections())
            result = Analysis(mentions=tuple(mentions), timexes=raw.timexes,
                              sentences=raw.sentences, pipeline_version=raw.pipeline_version)
        if result is not None:
            self._cache[article_id] = (article.content_hash, result)
            if len(self._cache) > ANALYSIS_CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def articles_mentioning(self, canonical: str) -> tuple[set[int], int]:
        """Ids of the analysed articles that mention the entity `canonical` names under
        any of its names ("Zelenskiy" in one article, "Zelensky" in another; corrections
        applied), and how many articles are not analysed yet."""
        corrections = self.corrections()
        version = pipeline_version()
        unanalysed = self.library.analyses.count_missing(version)
        names = family(canonical)
        sources = names_that_may_become(canonical, corrections)
        if sources == names and all(c.canonical not in names for c in corrections
                                    if c.kind != "retype"):
            # No correction touches these names: the stored names are the answer.
            return set(self.library.analyses.ids_mentioning(sources, version)), unanalysed
        ids = {article_id for article_id, raw in self.library.analyses.mentioning(sources, version)
               if any(m.canonical in names
                      for m in apply_corrections(raw.mentions, corrections))}
        return ids, unanalysed

    def is_analysing(self, article_id: int) -> bool:
        return article_id in self._pending

    def request_analysis(self, article_ids: Iterable[int], force: bool = False) -> Worker | None:
        """Analyse the articles not yet cached (all of them with `force`) in the background,
        in chunks so results are stored (and `analysis_ready(id)` emitted) as they come."""
        wanted = [i for i in dict.fromkeys(article_ids) if i not in self._pending]
        if force:
            items = [(i, self.library.articles.get(i).content_hash) for i in wanted]
        else:  # one query for the whole library; bodies are read in the worker
            missing = dict(self.library.analyses.missing(pipeline_version()))
            items = [(i, missing[i]) for i in wanted if i in missing]
        if not items:
            return None
        if not self._run_workers:
            self._run_total = self._run_done = self._run_cancelled = 0
            self._run_error = ""
        self._run_total += len(items)
        first = None
        for i in range(0, len(items), ANALYSIS_CHUNK):
            chunk = items[i:i + ANALYSIS_CHUNK]
            ids = {item[0] for item in chunk}
            self._pending |= ids
            if self._process is not None:
                worker = Worker(self._process.run, self.library.path, chunk)
            else:
                worker = Worker(analyse_stored, self.library.path, chunk, self._analyse_many)
            worker.signals.progress.connect(
                lambda done, _total: self.task_progress.emit(self._run_done + done,
                                                             self._run_total))
            worker.signals.finished.connect(
                lambda results, w=worker, ids=ids: self._store_analyses(w, ids, results))
            worker.signals.failed.connect(
                lambda message, w=worker, ids=ids: self._analysis_failed(w, ids, message))
            self._run_workers.append(worker)
            self._workers.append(worker)
            self._analysis_pool.start(worker)
            first = first or worker
        # (Again when a run grows: the status bar shows the whole run.)
        self.task_started.emit(f"Analysing {_articles(self._run_total)}")
        return first

    def _store_analyses(self, worker: Worker, ids: set[int], results) -> None:
        done_ids = []
        # One commit for the chunk, not one per article (each commit is a sync to disk,
        # 11-14 ms on the GUI thread); analyses.put joins this outer transaction.
        if results:  # (none when cancelled: the library may be closed by then)
            with transaction(self.library.db):
                for article_id, digest, analysis in results:
                    self.library.analyses.put(digest, analysis)
                    self._cache.pop(article_id, None)
                    done_ids.append(article_id)
        self._pending -= ids
        self._run_done += len(done_ids)
        self._run_cancelled += len(ids) - len(done_ids)
        for article_id in done_ids:
            self.analysis_ready.emit(article_id)
        self._chunk_done(worker)

    def _analysis_failed(self, worker: Worker, ids: set[int], message: str) -> None:
        self._pending -= ids
        if not self._run_error:  # one report per run, not one per chunk
            self._run_error = message
            for other in self._run_workers:
                other.cancel()
        self._chunk_done(worker)

    def _chunk_done(self, worker: Worker) -> None:
        self._forget(worker)
        if worker in self._run_workers:
            self._run_workers.remove(worker)
        if self._run_workers:
            return
        if self._run_error:
            self.analysis_failed.emit(self._run_error)
            self.task_failed.emit(self._run_error)
            return
        message = f"Analysed {_articles(self._run_done)}"
        if self._run_cancelled:
            message += f"; cancelled before {self._run_cancelled} more"
        self.task_finished.emit(message)

    # -- import and export (own connection in the worker) -------------------------------

    def import_paths(self, paths: list[Path]) -> Worker:
        worker = Worker(_import_job, self.library.path, [Path(p) for p in paths])
        worker.signals.progress.connect(self.task_progress)
        worker.signals.finished.connect(lambda report: self._imported(worker, report))
        worker.signals.failed.connect(lambda message: self._failed(worker, message))
        self._run(worker, "Importing", QThreadPool.globalInstance())
        return worker

    def _imported(self, worker: Worker, report) -> None:
        self._forget(worker)
        self._cache.clear()
        self.articles_changed.emit()
        self.tags_changed.emit()
        self.imported.emit(report)
        self.task_finished.emit(
            f"Imported: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.errors)} errors")
        if report.article_ids:
            self.request_analysis(report.article_ids)

    def export(self, article_ids: list[int] | None, out_dir: Path, fmt: str = "md") -> Worker:
        worker = Worker(_export_job, self.library.path, article_ids, Path(out_dir), fmt)
        worker.signals.progress.connect(self.task_progress)
        worker.signals.finished.connect(lambda report: self._exported(worker, report))
        worker.signals.failed.connect(lambda message: self._failed(worker, message))
        self._run(worker, "Exporting", QThreadPool.globalInstance())
        return worker

    def _exported(self, worker: Worker, report) -> None:
        self._forget(worker)
        summary = report.summary() if hasattr(report, "summary") else "done"
        warnings = getattr(report, "warnings", [])
        # Finished first, then the report: the window's fuller message is the last word.
        self.task_finished.emit("; ".join([f"Export: {summary}", *warnings]))
        self.exported.emit(report)

    # -- task bookkeeping ---------------------------------------------------------------

    def busy(self) -> bool:
        return bool(self._workers)

    def cancel_tasks(self) -> None:
        for worker in self._workers:
            worker.cancel()

    def wait_for_tasks(self, msecs: int = 30000) -> None:
        """For shutdown: ask workers to stop, then wait for them."""
        self.cancel_tasks()
        self._analysis_pool.waitForDone(msecs)
        QThreadPool.globalInstance().waitForDone(msecs)
        if self._process is not None:
            self._process.close()

    def _run(self, worker: Worker, label: str, pool: QThreadPool) -> None:
        self._workers.append(worker)
        self.task_started.emit(label)
        pool.start(worker)

    def _failed(self, worker: Worker, message: str) -> None:
        self._forget(worker)
        self.task_failed.emit(message)

    def _forget(self, worker: Worker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        # Its signal arrives while its thread may still be leaving run(): keep the object
        # alive until then, so Python never frees a runnable that is still running.
        self._retired = [w for w in self._retired if not w.done.is_set()]
        if not worker.done.is_set():
            self._retired.append(worker)


def _articles(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''}"


def _import_job(db_path: Path, paths: list[Path], progress=None, is_cancelled=None):
    from nato_reader.store.importer import import_paths

    with Library(db_path) as library:
        return import_paths(library, paths, progress, is_cancelled)


def _export_job(db_path: Path, article_ids, out_dir: Path, fmt: str, progress=None,
                is_cancelled=None):
    from nato_reader.store.exporter import export_articles

    with Library(db_path) as library:
        return export_articles(library, article_ids, out_dir, fmt=fmt, progress=progress,
                               is_cancelled=is_cancelled)
