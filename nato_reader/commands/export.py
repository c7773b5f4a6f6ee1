"""`nato-reader export [--article ID ...] --out DIR [--format md|json]`: one file per
article, annotated Markdown for Obsidian and other Markdown tools, or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nato_reader.commands.common import open_library

# The formats of store.exporter.FORMATS (which checks them again), named here so that the
# exporter and the analysis code it needs are imported only when exporting.
FORMAT_NAMES = ("json", "md")


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export", parents=[parent], help="export articles with their annotations to files",
        description="Write one file per article into DIR. A file you edited since the last "
        "export is kept, and the new export is written beside it as NAME.new.md.",
    )
    parser.add_argument("--article", metavar="ID", type=int, action="append", dest="ids",
                        help="an article to export (repeatable; default: the whole library)")
    parser.add_argument("--out", metavar="DIR", type=Path, required=True,
                        help="the folder to write into (created if needed)")
    parser.add_argument("--format", choices=FORMAT_NAMES, default="md",
                        help="md: annotated Markdown (default); json: article, entities, "
                        "timeline and W3C Web Annotations")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from nato_reader.store.exporter import export_articles

    with open_library(args) as library:
        if args.ids:
            for article_id in args.ids:
                library.articles.get(article_id)  # an unknown id fails before any file
        report = export_articles(library, args.ids, args.out, fmt=args.format)
    for path in report.written:
        print(f"wrote {path}")
    for kept, beside in report.written_beside:
        print(f"kept {kept} (edited since the last export); wrote {beside}")
    for path in report.unchanged:
        print(f"unchanged {path}")
    for warning in report.warnings:
        print(f"nato-reader: warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"nato-reader: error: {error}", file=sys.stderr)
    print(report.summary())
    return 1 if report.errors else 0
