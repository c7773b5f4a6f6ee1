"""`nato-reader list [--json]`: the articles in the library."""

from __future__ import annotations

import argparse

from nato_reader.commands.common import open_library, print_json


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("list", parents=[parent], help="list the articles")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        summaries = library.articles.summaries()
    if args.json:
        print_json([s.to_json() for s in summaries])
        return 0
    for s in summaries:
        published = s.published.isoformat() if s.published else "—"
        tags = f"  [{', '.join(s.tags)}]" if s.tags else ""
        print(f"{s.id:>5}  {published:<10}  {s.title}{tags}")
    return 0
