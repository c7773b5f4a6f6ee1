"""`nato-reader extract FILE... [--date YYYY-MM-DD] [--json]`: analyse files without a
library. With --json, one JSON object per file and per line (JSON Lines), in the order
given; otherwise a readable summary. A file that cannot be read is reported on stderr,
the others are still analysed, and the exit status is non-zero at the end."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from nato_reader.commands.common import print_json_line
from nato_reader.core.articles import parse_article, parse_date
from nato_reader.core.model import Analysis, ParsedArticle
from nato_reader.core.textfile import read_article_file
from nato_reader.errors import NatoReaderError

EXIT_SOME_FAILED = 1


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "extract", parents=[parent], help="print the entities and timeline of article files",
        description="Analyse article files (no library needed). A leading 'date YYYY-MM-DD' "
        "line in a file is its publication date; --date overrides it.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the publication date, for relative dates such as 'Thursday'")
    parser.add_argument("--json", action="store_true", help="one JSON object per file and line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    override = _date_option(args.date)
    from nato_reader.core.analysis import analyse  # imports spaCy lazily, on first use

    failed = False
    for path in args.files:
        try:
            article = parse_article(read_article_file(path), path.name)
        except NatoReaderError as exc:
            print(f"nato-reader: error: {exc}", file=sys.stderr)
            failed = True
            continue
        published = override if args.date else article.published
        for warning in article.warnings:
            if not args.date:
                print(f"nato-reader: warning: {warning}", file=sys.stderr)
        analysis = analyse(article.body, published)
        if args.json:
            print_json_line(to_json(article, published, analysis))
        else:
            _print_summary(path, article, published, analysis)
        sys.stdout.flush()
    return EXIT_SOME_FAILED if failed else 0


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise NatoReaderError(f"--date: {exc}") from None


def to_json(article: ParsedArticle, published: date | None, analysis: Analysis) -> dict:
    """The `extract --json` object (ARCHITECTURE.md): offsets refer to `text`."""
    return {
        "title": article.title,
        "published": published.isoformat() if published else None,
        "text": article.body,
        "entities": [m.to_json() for m in analysis.mentions],
        "timeline": [t.to_json() for t in analysis.timexes],
    }


def _print_summary(path: Path, article: ParsedArticle, published: date | None,
                   analysis: Analysis) -> None:
    from nato_reader.core.entities import entity_rows

    print(f"{path}: {article.title}")
    print(f"  published: {published.isoformat() if published else 'unknown'}")
    rows = entity_rows(analysis.mentions)
    print(f"  entities ({len(rows)}):")
    for row in rows:
        print(f"    {row.label:<8} {row.canonical}  ×{row.count}")
    print(f"  timeline ({len(analysis.timexes)}):")
    for t in analysis.timexes:
        print(f"    {t.type:<8} {t.value or '(unresolved)':<14} {t.text}")
    print()
