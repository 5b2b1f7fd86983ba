"""The ``goingfirst`` command: start the course, make handouts; journal commands live in journal_commands."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from goingfirst import journal_commands
from goingfirst.paths import HOME_ENV, journal_home


def _lab(options: argparse.Namespace) -> int:
    from goingfirst import lab

    return lab.run("lab", port=options.port, browser=not options.no_browser)


def _notebook(options: argparse.Namespace) -> int:
    from goingfirst import lab

    return lab.run("notebook", port=options.port, browser=not options.no_browser)


def _handouts(options: argparse.Namespace) -> int:
    from goingfirst.handouts.command import run

    return run(options)


def _app(options: argparse.Namespace) -> int:
    from goingfirst.app import run

    return run(options)


def _sync(options: argparse.Namespace) -> int:
    from goingfirst.notebook_sync import sync_all

    changed = sync_all(check=options.check)
    for path in changed:
        print(("Out of date: " if options.check else "Updated: ") + str(path))
    return 1 if options.check and changed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="goingfirst",
        description="Going First: a course for when your partner says no to couples therapy.",
        epilog=f"Your answers are kept only on this computer, in {journal_home()} "
        f"(set {HOME_ENV} to use another folder).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for name, handler, text in (
        ("lab", _lab, "Open the course in JupyterLab at the first lesson."),
        ("notebook", _notebook, "Open the course in Jupyter Notebook 7 instead."),
    ):
        command = commands.add_parser(name, help=text, description=text + " The server listens on this computer only (127.0.0.1) and needs its token.")
        command.add_argument("--port", type=int, help="port to listen on (default: the first free one from 8888)")
        command.add_argument("--no-browser", action="store_true", help="do not open a browser window")
        command.set_defaults(handler=handler)

    journal_commands.add_parser(commands)

    handouts = commands.add_parser(
        "handouts",
        help="Make printable HTML handouts of the lessons.",
        description="Make one self-contained HTML handout per lesson and exercise notebook, "
        "plus index.html. Handouts work offline and print on A4 or US Letter.",
    )
    handouts.add_argument("notebooks", nargs="*", metavar="NOTEBOOK", help="notebooks to export (default: the whole course)")
    handouts.add_argument("--out", default="handouts", metavar="DIR", help="folder to write to (default: handouts)")
    handouts.add_argument("--with-answers", action="store_true", help="fill in your saved answers (private ones only if you chose to keep them)")
    handouts.add_argument("--region", metavar="CODE", help="crisis contacts to print: US, UK, CA, AU or OTHER (default: US)")
    handouts.add_argument("--org", metavar="NAME", help="a clinic or organisation name to print on each handout")
    handouts.set_defaults(handler=_handouts)

    app = commands.add_parser(
        "app",
        help="Open the course as a simple app, with no code shown.",
        description="Serve the course through Voila on this computer only: a contents page, "
        "lessons with next and previous links, and exercises that save to your journal.",
    )
    app.add_argument("--port", type=int, help="port to listen on (default: 8866)")
    app.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    app.set_defaults(handler=_app)

    sync = commands.add_parser("sync-notebooks", help="For course authors: rebuild generated cells.", description="Rebuild every notebook's generated header, footer and navigation from course.toml.")
    sync.add_argument("--check", action="store_true", help="only report notebooks that are out of date")
    sync.set_defaults(handler=_sync)
    return parser


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    return options.handler(options)
