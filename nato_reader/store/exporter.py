"""Exporting articles to files: one Markdown (or JSON) file per article.

Re-export never destroys a user's edits. The `export_hashes` table keeps the sha256 of
what we last wrote to each path. Before writing over a file we compare:

- no file: write it;
- the file is what we last wrote: overwrite it, or leave it alone ("unchanged") when the
  new export differs only in its `exported` time stamp;
- anything else (the user edited it, or it is not ours): keep it, and write the new
  export beside it as `<name>.new.md` (then `<name>.new-2.md`, ... if that one too was
  edited). A beside file we wrote and nobody touched is reused on the next export.

File names come from titles (core/export.py `file_stem`). Articles whose names would
collide get their id appended, except the lowest id, which keeps the plain name: the
decision looks at the whole library, so a file's name does not depend on which
articles were selected for one export.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from nato_reader.core.analysis import analyse
from nato_reader.core.corrections import apply_corrections
from nato_reader.core.export import article_json, article_markdown, file_stem
from nato_reader.core.model import Analysis, Article
from nato_reader.core.pipeline_version import PIPELINE_VERSION
from nato_reader.errors import AnalysisUnavailable, NatoReaderError
from nato_reader.store.database import transaction
from nato_reader.store.library import Library

FORMATS = {"md": ".md", "json": ".json"}
BESIDE_MARK = ".new"
MAX_BESIDE = 99
# The line that changes on every export; two exports that differ only there are the same.
_STAMP = re.compile(rb'^(exported: |  "exported": ).*$', re.MULTILINE)

Progress = Callable[[int, int], None]


@dataclass
class ExportReport:
    """What one export did, file by file."""

    written: list[Path] = field(default_factory=list)
    # (the user's edited file, kept as it was; the new export written beside it)
    written_beside: list[tuple[Path, Path]] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    analysis_unavailable: bool = False  # files were written without entities and timeline

    @property
    def skipped(self) -> list[Path]:
        """Files left as they were: unchanged ones, and the ones the user edited."""
        return [*self.unchanged, *(kept for kept, _ in self.written_beside)]

    def summary(self) -> str:
        parts = [f"{len(self.written)} written"]
        if self.written_beside:
            parts.append(f"{len(self.written_beside)} written beside a file you edited")
        parts.append(f"{len(self.unchanged)} unchanged")
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return ", ".join(parts)


def export_articles(
    library: Library,
    article_ids: Sequence[int] | None,
    out_dir: Path,
    fmt: str = "md",
    progress: Progress | None = None,
    *,
    is_cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
) -> ExportReport:
    """Export the given articles (None: the whole library) into `out_dir`.
    `is_cancelled` is asked between articles; files already written stay."""
    if fmt not in FORMATS:
        raise NatoReaderError(f"unknown export format '{fmt}' (expected md or json)")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NatoReaderError(f"{out_dir}: cannot create the export folder ({exc})") from exc
    exported_at = (now or datetime.now(UTC)).replace(microsecond=0)
    names = file_names(library, FORMATS[fmt])
    reserved = {name.casefold() for name in names.values()}
    ids = list(article_ids) if article_ids is not None else sorted(names)
    report = ExportReport()
    for done, article_id in enumerate(ids, 1):
        if is_cancelled and is_cancelled():
            report.warnings.append(f"export cancelled after {done - 1} of {len(ids)} articles")
            break
        _export_one(library, article_id, out_dir / names.get(article_id, ""), fmt,
                    exported_at, report, reserved)
        if progress:
            progress(done, len(ids))
    return report


def _export_one(library: Library, article_id: int, path: Path, fmt: str,
                exported_at: datetime, report: ExportReport, reserved: set[str]) -> None:
    try:
        article = library.articles.get(article_id)
    except NatoReaderError as exc:
        report.errors.append(str(exc))
        return
    analysis = None
    if not report.analysis_unavailable:  # missing once: do not retry per article
        try:
            analysis = _analysis(library, article)
        except AnalysisUnavailable as exc:
            report.analysis_unavailable = True
            report.warnings.append(f"exported without entities and timeline: {exc}")
    try:
        content = render(library, article, analysis, fmt, exported_at)
        write_keeping_edits(library, path, content, report, reserved)
    except OSError as exc:
        report.errors.append(f"{article.title}: {exc}")


def render(library: Library, article: Article, analysis: Analysis | None, fmt: str,
           exported_at: datetime) -> bytes:
    mentions, timexes = (), ()
    if analysis is not None:
        mentions = apply_corrections(analysis.mentions, library.corrections.all())
        timexes = analysis.timexes
    args = (article, mentions, timexes, library.annotations.for_article(article.id),
            library.colours.all(), exported_at)
    if fmt == "json":
        text = json.dumps(article_json(*args), ensure_ascii=False, indent=2) + "\n"
    else:
        text = article_markdown(*args)
    return text.encode("utf-8")


def file_names(library: Library, suffix: str) -> dict[int, str]:
    """article id -> file name, unique in one folder (compared without case, as macOS
    and Windows do)."""
    summaries = sorted(library.articles.summaries(), key=lambda s: s.id)
    taken: set[str] = set()
    names: dict[int, str] = {}
    for summary in summaries:
        stem = file_stem(summary.title)
        if stem.casefold() in taken:
            stem = f"{stem} ({summary.id})"
        taken.add(stem.casefold())
        names[summary.id] = stem + suffix
    return names


def write_keeping_edits(library: Library, path: Path, content: bytes,
                        report: ExportReport, reserved: set[str] = frozenset()) -> None:
    """Write `content` to `path` unless the file there is not what we last wrote; then
    write beside it, never under a name in `reserved` (another article's file, say one
    titled "X.new"). Records the hash of whatever it writes."""
    outcome = _try_write(library, path, content)
    if outcome != "kept":
        (report.written if outcome == "written" else report.unchanged).append(path)
        return
    for number in range(1, MAX_BESIDE + 1):
        mark = BESIDE_MARK if number == 1 else f"{BESIDE_MARK}-{number}"
        beside = path.with_name(f"{path.stem}{mark}{path.suffix}")
        if beside.name.casefold() in reserved:
            continue
        outcome = _try_write(library, beside, content)
        if outcome == "written":
            report.written_beside.append((path, beside))
            return
        if outcome == "unchanged":
            report.unchanged.append(beside)
            return
    report.errors.append(f"{path}: edited, and so are {MAX_BESIDE} files beside it; "
                         "nothing written")


def _try_write(library: Library, path: Path, content: bytes) -> str:
    """"written", "unchanged" or "kept" (a file we did not write, or one edited since)."""
    key = str(path.resolve())
    if path.exists():
        on_disk = path.read_bytes()
        on_disk_hash, recorded = _sha256(on_disk), _recorded(library, key)
        if _same_apart_from_stamp(on_disk, content):
            if on_disk_hash != recorded:  # a commit per file is what costs time
                _record(library, key, on_disk)
            return "unchanged"
        if on_disk_hash != recorded:
            return "kept"
    _atomic_write(path, content)
    _record(library, key, content)
    return "written"


def _same_apart_from_stamp(a: bytes, b: bytes) -> bool:
    return _STAMP.sub(rb"\1", a, count=1) == _STAMP.sub(rb"\1", b, count=1)


def _atomic_write(path: Path, content: bytes) -> None:
    """Readers (Obsidian, a sync client) never see half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(content)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _recorded(library: Library, key: str) -> str | None:
    row = library.db.execute("SELECT sha256 FROM export_hashes WHERE path = ?",
                             [key]).fetchone()
    return row[0] if row else None


def _record(library: Library, key: str, content: bytes) -> None:
    with transaction(library.db):
        library.db.execute(
            "INSERT OR REPLACE INTO export_hashes (path, sha256, exported_at) VALUES (?, ?, ?)",
            [key, _sha256(content), datetime.now(UTC).isoformat(timespec="seconds")],
        )


def _analysis(library: Library, article: Article) -> Analysis:
    """The cached analysis of the article's text, computed and cached when missing."""
    cached = library.analyses.get(article.content_hash, PIPELINE_VERSION)
    if cached is None:
        cached = analyse(article.body, article.published)
        library.analyses.put(article.content_hash, cached)
    return cached
