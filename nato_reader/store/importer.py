"""Importing article files into the library.

An article is identified by its source: a changed file from the same path updates its
article, identical content (from anywhere) adds nothing. Bad files are reported by name
and the rest of the import goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nato_reader.core.articles import content_hash, parse_article
from nato_reader.core.model import ImportReport
from nato_reader.core.textfile import iter_article_files, read_article_file
from nato_reader.errors import ArticleFileError
from nato_reader.paths import seeds_dir
from nato_reader.store.database import transaction
from nato_reader.store.library import Library

SEED_URI_PREFIX = "nato-reader:seeds/"
SEEDED_KEY = "seeded"

Progress = Callable[[int, int], None]


def import_paths(
    library: Library,
    paths: list[Path],
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    files, errors = iter_article_files([Path(p) for p in paths])
    report = ImportReport(errors=errors)
    for done, path in enumerate(files):
        if is_cancelled and is_cancelled():
            report.warnings.append(f"import cancelled after {done} of {len(files)} files")
            break
        resolved = path.resolve()
        import_file(library, path, uri=resolved.as_uri(), source=str(resolved), report=report)
        if progress:
            progress(done + 1, len(files))
    return report


def import_file(library: Library, path: Path, *, uri: str, source: str,
                report: ImportReport) -> None:
    try:
        parsed = parse_article(read_article_file(path), path.name)
    except ArticleFileError as exc:
        report.errors.append(str(exc))
        return
    report.warnings.extend(parsed.warnings)
    digest = content_hash(parsed)
    existing = library.articles.find_by_uri(uri)
    if existing is not None:
        if existing.content_hash == digest:
            report.unchanged.append(source)
        else:
            # New text and re-placed annotations together, or neither.
            with transaction(library.db):
                library.articles.replace_content(existing.id, parsed, digest)
                placed = library.annotations.reanchor_article(existing.id, existing.body,
                                                              parsed.body)
            report.updated.append(source)
            if placed.orphaned:
                report.warnings.append(
                    f"{source}: {placed.orphaned} annotation"
                    f"{'s' if placed.orphaned != 1 else ''} no longer found in the changed "
                    "text; kept as orphans with their quote and note"
                )
        report.article_ids.append(existing.id)
        return
    duplicate = library.articles.find_by_hash(digest)
    if duplicate is not None:
        report.unchanged.append(f"{source} (same text as article {duplicate})")
        report.article_ids.append(duplicate)
        return
    report.article_ids.append(library.articles.add(parsed, uri=uri, source=source,
                                                   content_hash=digest))
    report.added.append(source)


def ensure_seeded(library: Library) -> ImportReport | None:
    """On a library's first start, import the bundled articles (once, ever)."""
    if library.get_meta(SEEDED_KEY):
        return None
    report = ImportReport()
    folder = seeds_dir()
    files, report.errors = iter_article_files([folder])
    for path in files:
        name = path.relative_to(folder).as_posix()
        import_file(library, path, uri=SEED_URI_PREFIX + name, source=f"seeds/{name}",
                    report=report)
    library.set_meta(SEEDED_KEY, "1")
    return report
