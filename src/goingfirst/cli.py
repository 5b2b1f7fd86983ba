"""The ``goingfirst`` command: start the course, manage your journal, make handouts."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from goingfirst.journal import Journal
from goingfirst.paths import HOME_ENV, journal_home


def _lab(options: argparse.Namespace) -> int:
    from goingfirst import lab

    return lab.run("lab", port=options.port, browser=not options.no_browser)


def _notebook(options: argparse.Namespace) -> int:
    from goingfirst import lab

    return lab.run("notebook", port=options.port, browser=not options.no_browser)


def _journal_show(options: argparse.Namespace) -> int:
    from goingfirst.models import make_model
    from goingfirst.specs import all_specs

    journal = Journal()
    print(journal.status())
    specs = all_specs()
    answers = journal.export()
    if not answers:
        print("No answers saved yet.")
    for exercise_id, entry in answers.items():
        spec = specs.get(exercise_id)
        title = spec.title if spec else exercise_id
        print(f"\n== {title} (saved {entry['saved_at'] or 'not yet'}) ==")
        lines = make_model(spec, entry["value"]).summary() if spec else [json.dumps(entry["value"])]
        for line in lines:
            print(f"  {line}")
    return 0


def _journal_export(options: argparse.Namespace) -> int:
    text = json.dumps(Journal().export(), indent=2, ensure_ascii=False)
    if options.out is None:
        print(text)
        return 0
    target = Path(options.out)
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as error:
        print(f"Could not write {target}: {error.strerror}.", file=sys.stderr)
        return 1
    print(f"Your answers were written to {target} (readable only by you). Keep it somewhere safe.")
    return 0


def _journal_erase(options: argparse.Namespace) -> int:
    journal = Journal()
    if journal.problem:
        print(journal.problem, file=sys.stderr)
        return 1
    if not options.yes:
        if not sys.stdin.isatty():
            print("Add --yes to erase without being asked.", file=sys.stderr)
            return 1
        reply = input(f"Erase every answer saved in {journal.home}? This cannot be undone. Type yes: ")
        if reply.strip().lower() != "yes":
            print("Nothing was erased.")
            return 0
    count = len(journal.answered())
    shredded = journal.erase()
    journal.close()
    print(f"Erased {count} saved answer{'s' if count != 1 else ''} and every earlier version.")
    if shredded:
        print(f"Also overwrote and removed {len(shredded)} unreadable old journal file(s).")
    return 0


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

    journal = commands.add_parser("journal", help="See, save a copy of, or erase your answers.", description="See, save a copy of, or erase the answers you have saved.")
    actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="Print your saved answers.", description="Print your saved answers.")
    show.set_defaults(handler=_journal_show)
    export = actions.add_parser("export", help="Write your answers as JSON.", description="Write every saved answer as JSON, to the screen or a file.")
    export.add_argument("--out", metavar="FILE", help="file to write (readable only by you); default: print")
    export.set_defaults(handler=_journal_export)
    erase = actions.add_parser("erase", help="Erase every saved answer for good.", description="Erase every saved answer and every earlier version, so the text cannot be read back from the files.")
    erase.add_argument("--yes", action="store_true", help="do not ask to confirm")
    erase.set_defaults(handler=_journal_erase)

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
