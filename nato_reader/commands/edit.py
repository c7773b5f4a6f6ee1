"""`nato-reader edit ID [--title T] [--date D] [--tags a,b] [--note N]`: change what an
article says about itself; the same edits the window makes, for scripts."""

from __future__ import annotations

import argparse

from nato_reader.commands.common import open_library
from nato_reader.core.articles import parse_date
from nato_reader.errors import NatoReaderError


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "edit", parents=[parent], help="edit an article's title, date, tags or note",
    )
    parser.add_argument("id", type=int, help="the article id (see `list`)")
    parser.add_argument("--title")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the publication date; an empty string clears it")
    parser.add_argument("--tags", metavar="TAG,TAG", help="replace the tags (comma-separated)")
    parser.add_argument("--note", help="replace the article-level note (Markdown)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    published = None
    if args.date:
        try:
            published = parse_date(args.date)
        except ValueError as exc:
            raise NatoReaderError(str(exc)) from None
    with open_library(args) as library:
        library.articles.get(args.id)  # a clear error for an unknown id, before any change
        if args.title is not None:
            library.articles.set_title(args.id, args.title)
        if args.date is not None:
            library.articles.set_published(args.id, published)
        if args.tags is not None:
            library.articles.set_tags(args.id, [t for t in args.tags.split(",") if t.strip()])
        if args.note is not None:
            library.articles.set_note(args.id, args.note)
        summary = next(s for s in library.articles.summaries() if s.id == args.id)
    published_text = summary.published.isoformat() if summary.published else "undated"
    print(f"{summary.id}: {summary.title} ({published_text}) {list(summary.tags)}")
    return 0
