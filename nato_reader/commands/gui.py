"""`nato-reader [--open ID] [--screenshot FILE.png]`: the window (the default command)."""

from __future__ import annotations

import argparse
from pathlib import Path

from nato_reader.commands.common import db_path
from nato_reader.errors import NatoReaderError


def add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--open", type=int, metavar="ID", default=argparse.SUPPRESS,
                        help="open the article with this id")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", default=argparse.SUPPRESS,
                        help="render the window once the article and its analysis are shown, "
                        "save it as PNG and exit")


def register(subparsers, parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("gui", parents=[parent], help="open the window (the default)")
    add_window_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from nato_reader.ui.platform_check import platform_problem

    screenshot = getattr(args, "screenshot", None)
    problem = platform_problem(headless=screenshot is not None)
    if problem:
        raise NatoReaderError(problem)
    # Imported here: the command line's other commands never load Qt.
    from nato_reader.app import run_gui

    return run_gui(db_path(args), open_id=getattr(args, "open", None), screenshot=screenshot)

