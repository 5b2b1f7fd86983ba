"""The ``goingfirst journal`` commands: see, copy, lock or erase your answers."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from goingfirst.journal import FILE_NAME, Journal
from goingfirst.store_files import MOVED_ASIDE_MARK


def open_journal() -> Journal | None:
    """The journal, asking for the passphrase at the terminal if it is locked."""
    journal = Journal()
    if not journal.locked:
        return journal
    if not sys.stdin.isatty():
        print("Your journal is locked with a passphrase. Run this command in a terminal to type it.", file=sys.stderr)
        return None
    opened = journal.unlock(getpass.getpass("Passphrase: "))
    if not opened.saved:
        print(opened.message, file=sys.stderr)
        return None
    return journal


def _journal_show(options: argparse.Namespace) -> int:
    from goingfirst.models import make_model
    from goingfirst.specs import all_specs

    journal = open_journal()
    if journal is None:
        return 1
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
    journal = open_journal()
    if journal is None:
        return 1
    text = json.dumps(journal.export(), indent=2, ensure_ascii=False)
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
    # Erasing needs no passphrase: anyone who can delete the file could do as much.
    if journal.problem and not journal.locked:
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
    shredded = journal.erase(forget_passphrase=journal.locked)
    journal.close()
    print(f"Erased {count} saved answer{'s' if count != 1 else ''} and every earlier version.")
    if shredded:
        print(f"Also overwrote and removed {len(shredded)} unreadable old journal file(s).")
    return 0


LOCK_WARNING = """\
A passphrase locks your journal: your answers are stored encrypted, and every
notebook asks for the passphrase before it shows or saves them.

Write it down somewhere safe. If you forget it, your answers cannot be
recovered by anyone: not by you, not by whoever gave you the course.
It protects the file when someone else uses this computer or copies the file.
It does not protect you from someone who watches you type it, or from
spying software on this computer."""


def _journal_lock(options: argparse.Namespace) -> int:
    journal = Journal()
    try:
        return _reset_forgotten(journal, options) if options.forgot else _change_lock(journal, options)
    finally:
        journal.close()


def _reset_forgotten(journal: Journal, options: argparse.Namespace) -> int:
    if not journal.encrypted:
        print("Your journal has no passphrase, so there is nothing to reset.")
        return 0
    if not options.yes:
        if not sys.stdin.isatty():
            print("Add --yes to erase the locked answers without being asked.", file=sys.stderr)
            return 1
        reply = input("This erases every locked answer for good and removes the passphrase. Type yes: ")
        if reply.strip().lower() != "yes":
            print("Nothing was changed.")
            return 0
    journal.erase(forget_passphrase=True)
    print("The locked answers were erased and the passphrase removed. Your journal starts again, empty.")
    return 0


def _change_lock(journal: Journal, options: argparse.Namespace) -> int:
    if journal.problem and not journal.locked:
        print(journal.problem, file=sys.stderr)
        return 1
    if options.remove and not journal.encrypted:
        print("Your journal has no passphrase, so there is nothing to remove.")
        return 0
    if journal.encrypted:
        opened = journal.unlock(getpass.getpass("Current passphrase: "))
        if not opened.saved:
            print(opened.message, file=sys.stderr)
            return 1
    if options.remove:
        result = journal.set_passphrase(None)
    else:
        print(LOCK_WARNING + "\n")
        first = getpass.getpass("New passphrase: ")
        if first != getpass.getpass("Type it again: "):
            print("The two passphrases did not match. Nothing was changed.", file=sys.stderr)
            return 1
        result = journal.set_passphrase(first)
    print(result.message, file=sys.stdout if result.saved else sys.stderr)
    set_aside = sorted(journal.home.glob(f"{FILE_NAME}{MOVED_ASIDE_MARK}*"))
    if result.saved and set_aside:
        print(
            f"Note: {len(set_aside)} old journal file(s) that were set aside as damaged are not locked "
            f"(in {journal.home}). Delete them if you do not need them."
        )
    return 0 if result.saved else 1


def add_parser(commands: argparse._SubParsersAction) -> None:
    journal = commands.add_parser("journal", help="See, copy, lock or erase your answers.", description="See, copy, lock with a passphrase, or erase the answers you have saved.")
    actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="Print your saved answers.", description="Print your saved answers.")
    show.set_defaults(handler=_journal_show)
    export = actions.add_parser("export", help="Write your answers as JSON.", description="Write every saved answer as JSON, to the screen or a file.")
    export.add_argument("--out", metavar="FILE", help="file to write (readable only by you); default: print")
    export.set_defaults(handler=_journal_export)
    erase = actions.add_parser("erase", help="Erase every saved answer for good.", description="Erase every saved answer and every earlier version, so the text cannot be read back from the files.")
    erase.add_argument("--yes", action="store_true", help="do not ask to confirm")
    erase.set_defaults(handler=_journal_erase)
    lock = actions.add_parser(
        "lock",
        help="Lock your answers with a passphrase (or change or remove it).",
        description="Encrypt your saved answers with a passphrase, so that someone else who uses "
        "this computer cannot read them. If you forget the passphrase, your answers cannot be recovered.",
    )
    lock_options = lock.add_mutually_exclusive_group()
    lock_options.add_argument("--remove", action="store_true", help="remove the passphrase (asks for it first)")
    lock_options.add_argument("--forgot", action="store_true", help="erase the locked answers and remove a forgotten passphrase")
    lock.add_argument("--yes", action="store_true", help="with --forgot: do not ask to confirm")
    lock.set_defaults(handler=_journal_lock)
