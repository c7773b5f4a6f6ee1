"""`nato-reader search QUERY [--json]`: ranked full-text search with snippets."""

from __future__ import annotations

import argparse

from nato_reader.commands.common import open_library, print_json


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "search", parents=[parent], help="full-text search",
        description='Every word must occur; put a phrase in quotes ("secretary general"). '
        "Word forms match (porter stemming).",
    )
    parser.add_argument("query", nargs="+")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        hits = library.search(" ".join(args.query), args.limit)
    if args.json:
        print_json([
            {"id": h.article_id, "title": h.title, "snippet": h.snippet, "rank": round(h.rank, 4)}
            for h in hits
        ])
        return 0
    for h in hits:
        print(f"{h.article_id:>5}  {h.title}\n       {h.snippet}")
    if not hits:
        print("no matches")
    return 0
