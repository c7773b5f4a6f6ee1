"""`nato-reader check`: verify the library file's integrity."""

from __future__ import annotations

import argparse

from nato_reader.commands.common import db_path


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("check", parents=[parent], help="check the library's integrity")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from nato_reader.store.check import check_library
    from nato_reader.store.library import Library

    with Library(db_path(args)) as library:
        problems = check_library(library)
        articles = library.articles.count()
    for problem in problems:
        print(f"nato-reader: problem: {problem}")
    if problems:
        return 1
    print(f"ok: {library.path} ({articles} articles)")
    return 0
