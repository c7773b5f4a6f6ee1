"""`nato-reader import PATH...`: add or update articles from files and folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nato_reader.commands.common import open_library


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import", parents=[parent], help="import text or Markdown files and folders",
        description="Import plain-text and Markdown files (folders are searched recursively). "
        "A changed file from the same path updates its article; identical text adds nothing.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from nato_reader.store.importer import import_paths

    with open_library(args) as library:
        report = import_paths(library, args.paths)
    for line in report.warnings:
        print(f"nato-reader: warning: {line}", file=sys.stderr)
    for line in report.errors:
        print(f"nato-reader: error: {line}", file=sys.stderr)
    print(
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.errors)} failed"
    )
    return 1 if report.errors else 0
