"""When the disk is full or the folder read-only, is the learner told plainly, and is nothing lost?

Disk full: a child process gets a file-size limit (RLIMIT_FSIZE, with SIGXFSZ
ignored so writes fail with EFBIG instead of killing it), which SQLite reports
as a full disk. Read-only: the journal folder and file are given to the
``nobody`` user (65534) with no write bits, and a child that has dropped to
that user opens them; as root, permission bits alone would not stop a write.
Not root: the same folder is simply made read-only. A drive that turns
read-only while a notebook is open is simulated with SQLite's ``query_only``.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import tempfile
from pathlib import Path

import pytest

from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import FILE_NAME, Journal
from goingfirst.widgets import make_view
from tests.helpers import make_spec
from tests.reliability.helpers import run_in_child

EARLIER = {f"earlier-{n}": f"An earlier answer number {n}, written with care." for n in range(25)}
NOBODY = 65534


def _journal_with_earlier_answers(home: Path) -> None:
    journal = Journal(home)
    for exercise_id, value in EARLIER.items():
        assert journal.save(exercise_id, value).saved
    journal.close()


def _assert_earlier_answers_intact(home: Path) -> None:
    journal = Journal(home)
    try:
        assert journal.saving and journal.notices == []
        assert {i: journal.load(i) for i in EARLIER} == EARLIER
    finally:
        journal.close()


def _type_into_exercise(home: Path, text: str) -> dict:
    """What a learner sees after typing into a reflection exercise (run in the child)."""
    view = make_view(ExerciseSession(make_spec("reflection"), Journal(home)))
    opening = view.status.value
    view.area.value = text
    first = view.status.value
    view.area.value = text + " And I kept typing."
    return {
        "opening": opening,
        "status": first,
        "status_after_more": view.status.value,
        "model_kept": view.session.model.value == text + " And I kept typing.",
        "earlier_visible": {i: view.session.journal.load(i) for i in EARLIER} == EARLIER,
    }


def _assert_plain(message: str) -> None:
    assert "Traceback" not in message and "Error" not in message and "sqlite" not in message.lower()


def test_does_a_full_disk_get_a_plain_message_and_lose_nothing(private_home: Path, figures) -> None:
    _journal_with_earlier_answers(private_home)
    limit = (private_home / FILE_NAME).stat().st_size + 64 * 1024
    typed = "I finally said it out loud, and it felt true. " * 23_000  # about 1 MB

    def in_child() -> dict:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
        return _type_into_exercise(private_home, typed)

    seen = run_in_child(in_child)
    assert "not saved" in seen["status"] and "disk" in seen["status"] and "full" in seen["status"], seen["status"]
    assert "not saved" in seen["status_after_more"]
    _assert_plain(seen["status"])
    assert seen["model_kept"] and seen["earlier_visible"]
    _assert_earlier_answers_intact(private_home)
    assert Journal(private_home).load("test-reflection") is None
    figures(
        f"disk full: file-size limit {limit // 1024} KB, {len(typed) // 1000} kB typed; status said "
        f"'{seen['status'].split('>')[1].split('. It')[0]}'; typed text kept; {len(EARLIER)} earlier answers intact"
    )


def _give_to_nobody_read_only(home: Path) -> None:
    for path in [home, *home.iterdir()]:
        if os.geteuid() == 0:
            os.chown(path, NOBODY, NOBODY)
        path.chmod(0o500 if path.is_dir() else 0o400)


def test_does_a_read_only_folder_get_a_plain_message_and_lose_nothing(tmp_path: Path, figures) -> None:
    # Not under pytest's tmp_path: its 0700 parents would stop the nobody user.
    # The child cannot read modules under /root once it is nobody: import them all now.
    _type_into_exercise(tmp_path / "warm-up", "warm up")
    outer = Path(tempfile.mkdtemp(prefix="goingfirst-readonly-"))
    outer.chmod(0o711)
    home = outer / "home"
    try:
        _journal_with_earlier_answers(home)
        before = (home / FILE_NAME).read_bytes()
        _give_to_nobody_read_only(home)
        dropped = os.geteuid() == 0

        def in_child() -> dict:
            if dropped:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            seen = _type_into_exercise(home, "Typed while the folder is read-only.")
            seen["euid"] = os.geteuid()
            return seen

        seen = run_in_child(in_child)
        assert seen["euid"] == (NOBODY if dropped else os.geteuid())
        assert "not being saved" in seen["opening"] and "read-only" in seen["opening"], seen["opening"]
        assert "not being saved" in seen["status"]
        _assert_plain(seen["status"])
        assert seen["model_kept"]
        assert seen["earlier_visible"], "earlier answers are still shown from a read-only folder"
        for path in [home, *home.iterdir()]:
            path.chmod(0o700 if path.is_dir() else 0o600)
        assert (home / FILE_NAME).read_bytes() == before
        _assert_earlier_answers_intact(home)
    finally:
        shutil.rmtree(outer, ignore_errors=True)
    how = "as user nobody (65534) after setuid, folder 0500 and file 0400" if dropped else "folder 0500, file 0400"
    figures(f"read-only folder ({how}): plain message shown, earlier {len(EARLIER)} answers shown and intact, typing kept")


def test_does_a_drive_turning_read_only_mid_session_lose_nothing(private_home: Path, figures) -> None:
    _journal_with_earlier_answers(private_home)
    journal = Journal(private_home)
    view = make_view(ExerciseSession(make_spec("reflection"), journal))
    view.area.value = "Saved before the drive turned read-only."
    assert "Saved on this computer" in view.status.value
    journal._connection.execute("PRAGMA query_only=ON")  # SQLite now refuses every write
    view.area.value = "Typed after the drive turned read-only: a much longer thought."
    assert "not saved" in view.status.value and "read-only" in view.status.value, view.status.value
    _assert_plain(view.status.value)
    assert view.session.model.value == "Typed after the drive turned read-only: a much longer thought."
    journal.close()
    _assert_earlier_answers_intact(private_home)
    assert Journal(private_home).load("test-reflection") == "Saved before the drive turned read-only."
    figures("read-only mid-session (SQLite query_only): plain message, typing kept, earlier answers intact")

