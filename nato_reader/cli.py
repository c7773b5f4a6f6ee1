"""The command line: `nato-reader [COMMAND] ...`. Each command is a thin shell over
core/ and store/, in its own module under commands/. Errors reach the user as one line
on stderr and a non-zero exit status."""

from __future__ import annotations

import argparse
import sys

from nato_reader import __version__
from nato_reader.commands import (
    annotations,
    check,
    edit,
    export,
    extract,
    gui,
    import_,
    list_,
    search,
)
from nato_reader.commands.common import db_parent_parser
from nato_reader.errors import NatoReaderError

COMMANDS = [gui, import_, list_, search, edit, annotations, export, extract, check]

EXIT_ERROR = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parent = db_parent_parser()
    parser = argparse.ArgumentParser(
        prog="nato-reader",
        description="A reader for news articles: entities, a timeline and annotations. "
        "Without a command, opens the window on the library.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    gui.add_window_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers, parent)
    parser.set_defaults(func=gui.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except NatoReaderError as exc:
        print(f"nato-reader: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("nato-reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def gui_main() -> int:
    """Entry point of the `nato-reader-gui` launcher (no console on Windows)."""
    return main(sys.argv[1:] or [])


if __name__ == "__main__":
    raise SystemExit(main())
