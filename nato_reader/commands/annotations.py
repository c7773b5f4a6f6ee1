"""`nato-reader annotations list|export|import`: annotations on the command line, and
W3C Web Annotation JSON in and out (see core/webanno.py for the representation)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nato_reader.commands.common import open_library, print_json
from nato_reader.errors import LibraryError, NatoReaderError

if TYPE_CHECKING:  # imported where used: every command module loads with the CLI
    from nato_reader.core.model import Annotation
    from nato_reader.core.webanno import WebAnnotation
    from nato_reader.store.library import Library

NEW_COLOUR_HEX = "#f7e463"  # for a colour name the palette does not know yet


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "annotations", parents=[parent], help="list, export and import annotations",
        description="Annotations as a list, or as W3C Web Annotation JSON (also read from "
        "the Hypothesis client and API).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[parent], help="list the annotations")
    listing.add_argument("--article", type=int, metavar="ID", help="only this article's")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)
    export = actions.add_parser("export", parents=[parent],
                                help="write W3C Web Annotation JSON")
    export.add_argument("--article", type=int, metavar="ID", help="only this article's")
    export.add_argument("--output", "-o", type=Path, metavar="FILE.json",
                        help="write to this file instead of the standard output")
    export.set_defaults(func=run_export)
    imports = actions.add_parser(
        "import", parents=[parent], help="read W3C Web Annotation JSON",
        description="Each annotation is placed by its quote in the current text of the "
        "article whose uri is its target source; importing the same file again adds nothing.",
    )
    imports.add_argument("file", type=Path, metavar="FILE.json")
    imports.set_defaults(func=run_import)


# -- list and export --------------------------------------------------------------------


def annotation_json(a: Annotation) -> dict:
    return {"id": a.id, "article": a.article_id, "quote": a.exact, "start": a.start,
            "end": a.end, "note": a.note, "tags": list(a.tags), "colour": a.colour,
            "orphan": a.orphan}


def run_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        annotations = _selected(library, args.article)
    if args.json:
        print_json([annotation_json(a) for a in annotations])
        return 0
    for a in annotations:
        quote = " ".join(a.exact.split())
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        place = "orphan" if a.orphan else f"{a.start}-{a.end}"
        tags = "".join(f" #{t}" for t in a.tags)
        print(f"{a.id:>5}  article {a.article_id}  {place}  [{a.colour}]  “{quote}”{tags}")
        if a.note:
            print("       " + " ".join(a.note.split())[:100])
    if not annotations:
        print("no annotations")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from nato_reader.core.webanno import to_collection, to_web_annotation

    with open_library(args) as library:
        annotations = _selected(library, args.article)
        uris = {s.id: s.uri for s in library.articles.summaries()}
    items = [to_web_annotation(a, uris[a.article_id]) for a in annotations]
    label = f"NATO Reader annotations{f' on article {args.article}' if args.article else ''}"
    document = to_collection(items, label)
    if args.output is None:
        print_json(document)
        return 0
    try:
        args.output.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n",
                               encoding="utf-8")
    except OSError as exc:
        raise NatoReaderError(f"{args.output}: cannot write ({exc.strerror or exc})") from exc
    print(f"{len(items)} annotations written to {args.output}")
    return 0


def _selected(library: Library, article_id: int | None) -> list[Annotation]:
    if article_id is not None:
        library.articles.get(article_id)  # a clear error for an unknown id
    return library.annotations.all(article_id)


# -- import -----------------------------------------------------------------------------


@dataclass
class WebImportReport:
    added: int = 0
    orphans: int = 0  # added, but their quote is not in the article's text
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_web_annotations(library: Library, data) -> WebImportReport:
    """Add the annotations of a Web Annotation document: one transaction for the file,
    one savepoint per annotation so a bad one is reported and the rest go in."""
    from nato_reader.core.webanno import ItemError, read_document
    from nato_reader.store.database import transaction

    report = WebImportReport()
    with transaction(library.db):
        for item in read_document(data):
            if isinstance(item, ItemError):
                report.errors.append(f"{item.label}: {item.message}")
                continue
            library.db.execute("SAVEPOINT web_annotation")
            try:
                _import_one(library, item, report)
            except LibraryError as exc:
                library.db.execute("ROLLBACK TO web_annotation")
                report.errors.append(f"{item.source}: “{_short(item.quote.exact)}”: {exc}")
            library.db.execute("RELEASE web_annotation")
    return report


def _import_one(library: Library, item: WebAnnotation, report: WebImportReport) -> None:
    from nato_reader.core.anchoring import anchor

    article = library.articles.find_by_uri(item.source)
    if article is None:
        raise LibraryError("no article with this uri in the library (see `list --json`)")
    colour = _colour(library, item.colour, report)
    found = anchor(article.body, item.quote, item.position)
    existing = library.annotations.for_article(article.id)
    if found is not None:
        exact = article.body[found.start:found.end]
        if any((e.start, e.end, e.exact, e.note) == (found.start, found.end, exact, item.note)
               for e in existing):
            report.duplicates += 1
            return
        library.annotations.add(article.id, found.start, found.end, colour, item.note,
                                item.tags)
    else:
        if any(e.orphan and (e.exact, e.note) == (item.quote.exact, item.note)
               for e in existing):
            report.duplicates += 1
            return
        library.annotations.add_quoted(article.id, item.quote, item.position, colour,
                                       item.note, item.tags)
        report.orphans += 1
    report.added += 1


def _colour(library: Library, name: str | None, report: WebImportReport) -> str:
    palette = library.colours.all()
    if not name or not name.strip():
        return palette[0].name if palette else library.colours.add("yellow", NEW_COLOUR_HEX).name
    known = library.colours.get(name)
    if known is not None:
        return known.name
    added = library.colours.add(name, NEW_COLOUR_HEX)
    report.warnings.append(f"new colour {added.name!r} added to the palette ({added.hex})")
    return added.name


def run_import(args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise NatoReaderError(f"{args.file}: cannot read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NatoReaderError(f"{args.file}: not a JSON file ({exc})") from exc
    from nato_reader.core.webanno import WebAnnotationError

    with open_library(args) as library:
        try:
            report = import_web_annotations(library, data)
        except WebAnnotationError as exc:
            raise NatoReaderError(f"{args.file}: {exc}") from exc
    for line in report.warnings:
        print(f"nato-reader: warning: {line}", file=sys.stderr)
    for line in report.errors:
        print(f"nato-reader: error: {line}", file=sys.stderr)
    orphans = f" ({report.orphans} as orphans: quote not found)" if report.orphans else ""
    print(f"{report.added} added{orphans}, {report.duplicates} already there, "
          f"{len(report.errors)} failed")
    return 1 if report.errors else 0


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
