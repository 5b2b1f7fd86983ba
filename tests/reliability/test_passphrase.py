"""With a passphrase, are answers unreadable without it, and is nothing lost or stored that should not be?"""

from __future__ import annotations

import base64
import json
import logging
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import importlib

import ipywidgets as widgets
import pytest

from goingfirst import crypto
from goingfirst import journal as journal_module
from goingfirst.cli import main
from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import FILE_NAME, LOCK_KEY, Journal
from goingfirst.widgets import exercise_view, make_view
from goingfirst.widgets.unlock import UnlockPanel
from tests.helpers import make_spec
from tests.reliability.helpers import find_texts

show = importlib.import_module("goingfirst.show")  # the package exports a function of the same name

PASSPHRASE = "purple kettle under the stairs"
OTHER = "a different sentence entirely"
MARKERS = [f"LOCKED-SECRET-{n}-ü" for n in range(30)]


def _fill(home: Path) -> None:
    journal = Journal(home)
    for number, marker in enumerate(MARKERS):
        journal.save(f"q{number % 10}", f"{marker} " + "more words " * number)
    journal.close()


def _rows(home: Path) -> list[tuple]:
    connection = sqlite3.connect(home / FILE_NAME)
    try:
        return connection.execute("SELECT * FROM answers ORDER BY exercise_id, version").fetchall()
    finally:
        connection.close()


def _answers_by_id(journal: Journal) -> dict:
    return {f"q{n}": journal.load(f"q{n}") for n in range(10)}


def _typing(monkeypatch: pytest.MonkeyPatch, *replies: str) -> list[str]:
    asked: list[str] = []
    queue = list(replies)

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    return asked


def test_does_lock_encrypt_everything_and_store_no_passphrase(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, capsys, caplog, figures
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(journal_module, "COALESCE_SECONDS", 0.0)
    _fill(private_home)
    plain = _answers_by_id(Journal(private_home))
    assert find_texts(private_home, MARKERS)[0]
    asked = _typing(monkeypatch, PASSPHRASE, PASSPHRASE)
    assert main(["journal", "lock"]) == 0
    out, err = capsys.readouterr()
    assert asked == ["New passphrase: ", "Type it again: "]
    assert "cannot be\nrecovered by anyone" in out and "locked with your passphrase" in out

    hits, files, size = find_texts(private_home, MARKERS + [PASSPHRASE])
    assert hits == [], hits
    assert PASSPHRASE not in out + err + caplog.text
    assert not any(PASSPHRASE in value for value in os.environ.values())

    rows = _rows(private_home)
    assert rows and all(row[4].startswith(crypto.PREFIX) for row in rows)
    connection = sqlite3.connect(private_home / FILE_NAME)
    record = json.loads(connection.execute("SELECT value FROM meta WHERE key = ?", (LOCK_KEY,)).fetchone()[0])
    connection.close()
    assert record["cipher"] == "AES-256-GCM" and record["kdf"] == "scrypt"
    assert record["n"] >= 2**15 and record["r"] == 8 and record["p"] == 1
    assert len(base64.b64decode(record["salt"])) == 16
    assert PASSPHRASE not in json.dumps(record)

    locked = Journal(private_home)
    assert locked.locked and not locked.saving and "passphrase" in locked.problem
    assert _answers_by_id(locked) == {f"q{n}": None for n in range(10)}
    opened = Journal(private_home, passphrase=PASSPHRASE)
    assert _answers_by_id(opened) == plain
    assert [v.value.split()[0] for v in opened.history("q3")] == [MARKERS[n] for n in (3, 13, 23)]
    figures(
        f"passphrase: {len(MARKERS)} answer versions re-encrypted by `journal lock`; 0 plaintext hits and "
        f"0 passphrase hits in {files} files/{size} bytes; not in env, output or logs; scrypt n=2**{record['n'].bit_length() - 1} "
        f"r={record['r']} p={record['p']}, 16-byte salt, AES-256-GCM"
    )


def test_does_a_locked_journal_overwrite_nothing(private_home: Path) -> None:
    _fill(private_home)
    Journal(private_home, passphrase=PASSPHRASE).close()
    before = _rows(private_home)
    locked = Journal(private_home)
    result = locked.save("q1", "typed while locked")
    assert not result.saved and "Type your passphrase" in result.message
    assert locked.load("q1") == "typed while locked", "kept on screen for now"
    assert not locked.forget("q2") and locked.restore_previous("q3") is None
    assert not locked.unlock(OTHER).saved
    wrong = Journal(private_home, passphrase=OTHER)
    assert wrong.locked and "does not open this journal" in wrong.problem
    assert not wrong.save("q4", "also typed").saved
    assert _rows(private_home) == before
    assert locked.unlock(PASSPHRASE).saved and locked.saving
    assert locked.load("q2").startswith(MARKERS[22])


def test_is_a_wrong_passphrase_told_plainly(private_home: Path) -> None:
    Journal(private_home, passphrase=PASSPHRASE).close()
    journal = Journal(private_home)
    result = journal.unlock("purple kettle under the stair")
    assert not result.saved
    assert result.message.startswith("That passphrase does not open this journal. Nothing was changed.")


def test_is_encrypted_text_bound_to_its_exercise(private_home: Path) -> None:
    journal = Journal(private_home, passphrase=PASSPHRASE)
    journal.save("a", "answer for a")
    journal.save("b", "answer for b")
    connection = journal._connection
    (a,), (b,) = connection.execute("SELECT value FROM answers ORDER BY exercise_id").fetchall()
    connection.execute("UPDATE answers SET value = ? WHERE exercise_id = 'a'", (b,))
    assert journal.load("a", "unreadable") == "unreadable"
    assert any("damaged" in notice for notice in journal.notices)
    assert journal.load("b") == "answer for b"


def test_is_a_failed_lock_all_or_nothing(private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(private_home)
    before = _rows(private_home)
    journal = Journal(private_home)
    calls = []

    def failing_seal(self, context, text):
        calls.append(context)
        if len(calls) > 4:
            raise RuntimeError("power cut")
        return "gf1:half-done"

    monkeypatch.setattr(crypto.Sealer, "seal", failing_seal)
    with pytest.raises(RuntimeError):
        journal.set_passphrase(PASSPHRASE)
    journal.close()
    assert _rows(private_home) == before
    assert not Journal(private_home).encrypted


def _lock_in_child(home: Path) -> None:
    try:
        Journal(home).set_passphrase(PASSPHRASE)
    finally:
        os._exit(0)


@pytest.mark.slow
def test_does_killing_lock_midway_leave_all_plain_or_all_locked(private_home: Path, figures) -> None:
    rng = random.Random(11)
    _fill(private_home)
    expected = _answers_by_id(Journal(private_home))
    outcomes = {"plain": 0, "locked": 0}
    for _ in range(30):
        pid = os.fork()
        if pid == 0:
            _lock_in_child(private_home)
        time.sleep(rng.uniform(0.0, 0.35))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        journal = Journal(private_home)
        assert journal.notices == []
        sealed = {row[4].startswith(crypto.PREFIX) for row in _rows(private_home)}
        assert len(sealed) == 1, "every version encrypted, or none"
        if journal.encrypted:
            assert sealed == {True}
            outcomes["locked"] += 1
            assert journal.unlock(PASSPHRASE).saved
            assert _answers_by_id(journal) == expected
            assert journal.set_passphrase(None).saved
        else:
            assert sealed == {False}
            outcomes["plain"] += 1
            assert _answers_by_id(journal) == expected
        journal.close()
    assert outcomes["plain"] and outcomes["locked"]
    figures(f"passphrase: `lock` killed 30 times at random points: {outcomes['plain']} left all plain, {outcomes['locked']} all locked, 0 mixed, 0 lost")


def test_does_the_unlock_box_open_every_waiting_exercise(private_home: Path) -> None:
    Journal(private_home, passphrase=PASSPHRASE).close()
    journal = Journal(private_home)
    spec = make_spec("reflection")
    panels = [UnlockPanel(journal, lambda: make_view(ExerciseSession(spec, journal)).widget) for _ in range(2)]
    assert "Your journal is locked. Type your passphrase to open it." in panels[0].widget.children[1].value
    assert "cannot be recovered" in panels[0].widget.children[1].value
    panels[0].passphrase.value = OTHER
    panels[0].submit()
    assert "does not open this journal" in panels[0].status.value
    assert panels[0].passphrase.value == "" and journal.locked
    panels[1].passphrase.value = PASSPHRASE
    panels[1].button.click()
    assert panels[1].passphrase.value == "" and not journal.locked
    for panel in panels:
        (opened,) = panel.widget.children
        assert "gf-exercise" in opened._dom_classes
    view = make_view(ExerciseSession(spec, journal))
    view.area.value = "UNLOCKED-AND-TYPED"
    assert "Saved on this computer" in view.status.value
    assert find_texts(private_home, ["UNLOCKED-AND-TYPED"])[0] == []
    assert Journal(private_home, passphrase=PASSPHRASE).load(spec.id) == "UNLOCKED-AND-TYPED"


def test_does_show_ask_for_the_passphrase_then_keep_the_journal_open(private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Journal(private_home, passphrase=PASSPHRASE).close()
    shown: list = []
    monkeypatch.setattr(show, "display", shown.append)
    show.default_journal.cache_clear()
    try:
        show.show("start-why-here")
        (panel,) = shown
        assert "gf-unlock" in panel._dom_classes
        row = next(child for child in panel.children if isinstance(child, widgets.HBox))
        password, button = row.children
        password.value = PASSPHRASE
        button.click()
        assert not show.default_journal().locked
        assert "gf-exercise" in panel.children[0]._dom_classes
        show.show("in-their-shoes")
        assert "gf-exercise" in shown[-1]._dom_classes
    finally:
        show.default_journal().close()
        show.default_journal.cache_clear()


def test_does_locking_from_the_command_stop_an_open_notebook_writing_plain_text(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notebook = Journal(private_home)
    assert notebook.save("q", "before the lock").saved
    _typing(monkeypatch, PASSPHRASE, PASSPHRASE)
    assert main(["journal", "lock"]) == 0
    result = notebook.save("q", "PLAIN-AFTER-LOCK")
    assert not result.saved and "passphrase" in result.message
    assert find_texts(private_home, ["PLAIN-AFTER-LOCK", "before the lock"])[0] == []
    assert notebook.unlock(PASSPHRASE).saved
    assert notebook.save("q", "PLAIN-AFTER-LOCK").saved
    assert find_texts(private_home, ["PLAIN-AFTER-LOCK"])[0] == []


def test_does_the_lock_command_refuse_plainly(private_home: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _fill(private_home)
    _typing(monkeypatch, PASSPHRASE, PASSPHRASE + "!")
    assert main(["journal", "lock"]) == 1
    assert "did not match. Nothing was changed." in capsys.readouterr().err
    _typing(monkeypatch, "short", "short")
    assert main(["journal", "lock"]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert not Journal(private_home).encrypted

    _typing(monkeypatch, PASSPHRASE, PASSPHRASE)
    assert main(["journal", "lock"]) == 0
    _typing(monkeypatch, OTHER)
    assert main(["journal", "lock"]) == 1
    assert "does not open this journal" in capsys.readouterr().err
    _typing(monkeypatch, PASSPHRASE, OTHER, OTHER)
    assert main(["journal", "lock"]) == 0
    assert not Journal(private_home).unlock(PASSPHRASE).saved
    assert Journal(private_home, passphrase=OTHER).load("q1").startswith(MARKERS[21])

    _typing(monkeypatch, OTHER)
    assert main(["journal", "lock", "--remove"]) == 0
    unlocked = Journal(private_home)
    assert not unlocked.encrypted and unlocked.load("q1").startswith(MARKERS[21])
    unlocked.close()


def test_does_a_forgotten_passphrase_reset_erase_the_locked_answers(private_home: Path, monkeypatch, capsys) -> None:
    _fill(private_home)
    Journal(private_home, passphrase=PASSPHRASE).close()
    assert "journal lock --forgot" in Journal(private_home).problem
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    assert main(["journal", "lock", "--forgot"]) == 1
    assert Journal(private_home).encrypted
    assert main(["journal", "lock", "--forgot", "--yes"]) == 0
    fresh = Journal(private_home)
    assert not fresh.encrypted and fresh.answered() == set() and fresh.saving
    assert fresh.save("q", "a new start").saved


def test_does_a_refused_passphrase_stop_saving_in_the_clear(private_home: Path) -> None:
    journal = Journal(private_home, passphrase="short")
    result = journal.save("q", "SHOULD-NOT-BE-PLAIN")
    assert not result.saved and "at least 8 characters" in result.message
    assert find_texts(private_home, ["SHOULD-NOT-BE-PLAIN"])[0] == []
    assert journal.set_passphrase(PASSPHRASE).saved and journal.save("q", "now locked").saved


@pytest.mark.parametrize(
    "change", [{"n": 2**30}, {"r": 4096}, {"salt": "c2hvcnQ="}, {"cipher": "ROT13"}, {"check": "gf1:AAAA"}], ids=str
)
def test_is_a_tampered_lock_record_refused_plainly(private_home: Path, change: dict) -> None:
    Journal(private_home, passphrase=PASSPHRASE).close()
    connection = sqlite3.connect(private_home / FILE_NAME)
    record = json.loads(connection.execute("SELECT value FROM meta WHERE key = ?", (LOCK_KEY,)).fetchone()[0])
    record.update(change)
    connection.execute("UPDATE meta SET value = ? WHERE key = ?", (json.dumps(record), LOCK_KEY))
    connection.commit()
    connection.close()
    before = _rows(private_home)
    started = time.monotonic()
    result = Journal(private_home).unlock(PASSPHRASE)
    assert not result.saved and "Traceback" not in result.message
    assert time.monotonic() - started < 5
    assert _rows(private_home) == before
