"""What the commands share: the --db option, opening the library, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nato_reader.paths import DB_ENV_VAR, default_db_path

if TYPE_CHECKING:  # the store (sqlite-utils, the analysis code) is imported when used:
    from nato_reader.store.library import Library  # `--help` and the window start faster


def db_parent_parser() -> argparse.ArgumentParser:
    """--db is accepted before or after the command name."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db", metavar="PATH", type=Path, default=argparse.SUPPRESS,
        help=f"the library file (default: ${DB_ENV_VAR}, else {default_db_path()})",
    )
    return parent


def db_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or default_db_path()


def open_library(args: argparse.Namespace) -> Library:
    """Open the library, importing the bundled articles on its first start."""
    from nato_reader.store.importer import ensure_seeded
    from nato_reader.store.library import Library

    library = Library(db_path(args))
    report = ensure_seeded(library)
    if report:
        # On stderr, so that --json output stays clean.
        print(f"nato-reader: new library {library.path} with {len(report.added)} bundled "
              "articles", file=sys.stderr)
        for error in report.errors:
            print(f"nato-reader: warning: bundled article: {error}", file=sys.stderr)
    return library


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_json_line(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
