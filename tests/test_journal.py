"""The journal keeps every answer, on this machine only, and never loses one."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from goingfirst import journal as journal_module
from goingfirst.journal import FILE_NAME, Journal


def test_does_an_answer_come_back_in_a_new_journal(private_home: Path) -> None:
    first = Journal(private_home)
    assert first.save("q", "I feel stuck").saved
    first.close()
    assert Journal(private_home).load("q") == "I feel stuck"


def test_are_folder_and_files_private(journal: Journal) -> None:
    journal.save("q", "text")
    assert stat.S_IMODE(journal.home.stat().st_mode) == 0o700
    for path in journal.home.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_does_an_existing_open_folder_get_closed_up(private_home: Path) -> None:
    private_home.mkdir(mode=0o755)
    os.chmod(private_home, 0o755)
    Journal(private_home)
    assert stat.S_IMODE(private_home.stat().st_mode) == 0o700


def test_can_an_accidental_clear_be_undone(journal: Journal) -> None:
    journal.save("q", "A long and careful answer")
    journal.save("q", "")
    assert journal.load("q") == ""
    assert journal.restore_previous("q") == "A long and careful answer"
    assert journal.load("q") == "A long and careful answer"


def test_does_typing_on_refine_one_version_instead_of_many(journal: Journal) -> None:
    for length in range(1, 30):
        journal.save("q", "x" * length)
    assert len(journal.history("q")) == 1
    assert journal.load("q") == "x" * 29


def test_does_a_new_version_start_after_a_pause(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    journal.save("q", "first")
    monkeypatch.setattr(journal_module, "COALESCE_SECONDS", 0.0)
    journal.save("q", "first and more")
    assert [v.value for v in journal.history("q")] == ["first", "first and more"]


def test_are_old_versions_pruned_but_the_newest_kept(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal_module, "COALESCE_SECONDS", 0.0)
    for number in range(journal_module.VERSIONS_KEPT + 10):
        journal.save("q", f"answer {number}")
    history = journal.history("q")
    assert len(history) == journal_module.VERSIONS_KEPT
    assert history[-1].value == f"answer {journal_module.VERSIONS_KEPT + 9}"


@pytest.mark.parametrize(
    "value",
    [
        "x" * 1_000_000,
        "emoji 😀👩🏽‍🤝‍👩🏻 and right-to-left: שלום עליכם مرحبا",
        "combining e\u0301 and a\u0308 and zero width\u200d joiner",
        "NUL \x00 and control \x01\x07\x1b[31m characters",
        "lone surrogate \ud800 and \udfff",
        {"fields": {"when": "nested\nlines\ttabs"}},
    ],
    ids=["1MB", "emoji-rtl", "combining", "control", "surrogates", "nested"],
)
def test_is_hostile_input_stored_and_read_back_exactly(private_home: Path, value) -> None:
    first = Journal(private_home)
    assert first.save("q", value).saved
    first.close()
    assert Journal(private_home).load("q") == value


def test_is_a_value_that_is_not_text_refused_clearly(journal: Journal) -> None:
    result = journal.save("q", object())
    assert not result.saved
    assert "could not be saved" in result.message
    assert "Traceback" not in result.message


def test_is_an_over_long_answer_refused_but_kept_in_memory(journal: Journal) -> None:
    huge = "y" * (journal_module.MAX_ANSWER_CHARS + 1)
    result = journal.save("q", huge)
    assert not result.saved and "too long" in result.message
    assert journal.load("q") == huge


def test_does_a_home_that_is_a_file_say_answers_are_not_saved(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("not a folder")
    journal = Journal(blocker)
    assert not journal.saving
    assert "not being saved" in journal.problem and str(blocker) in journal.problem
    assert journal.save("q", "kept").message.startswith("Your answers are not being saved")
    assert journal.load("q") == "kept"


def test_is_a_corrupt_file_moved_aside_and_never_deleted(private_home: Path) -> None:
    private_home.mkdir(mode=0o700)
    garbage = b"this is not a database" * 100
    (private_home / FILE_NAME).write_bytes(garbage)
    journal = Journal(private_home)
    moved = [p for p in private_home.iterdir() if ".unreadable-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes() == garbage
    assert journal.notices and "moved aside" in journal.notices[0]
    assert journal.save("q", "fresh start").saved
    assert journal.load("q") == "fresh start"


def test_is_a_truncated_file_moved_aside(private_home: Path) -> None:
    first = Journal(private_home)
    for number in range(200):
        first.save(f"q{number}", "words " * 50)
    first.close()
    path = private_home / FILE_NAME
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    journal = Journal(private_home)
    assert journal.saving
    assert any(".unreadable-" in p.name for p in private_home.iterdir())


def _save_many(home: str, writer: int, count: int) -> None:
    journal = Journal(Path(home))
    for number in range(count):
        result = journal.save(f"writer{writer}-{number}", f"answer {number}")
        if not result.saved:
            raise SystemExit(f"save failed: {result.message}")


def test_do_two_kernels_saving_at_once_lose_nothing(private_home: Path) -> None:
    Journal(private_home).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_save_many, args=(str(private_home), n, 150)) for n in (1, 2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    answered = Journal(private_home).answered()
    assert len(answered) == 300


def test_does_erase_leave_no_answer_text_in_any_file(private_home: Path) -> None:
    journal = Journal(private_home)
    secret = "MY-SECRET-REFLECTION-" * 20
    journal.save("q", secret)
    journal.save("q", secret + " and more")
    (private_home / f"{FILE_NAME}.unreadable-20260101T000000").write_text(secret)
    shredded = journal.erase()
    assert len(shredded) == 1
    assert journal.answered() == set()
    for path in private_home.rglob("*"):
        if path.is_file():
            assert b"MY-SECRET" not in path.read_bytes(), path
            assert "MY-SECRET".encode("utf-16-le") not in path.read_bytes(), path


def test_does_forget_remove_one_answer_only(journal: Journal) -> None:
    journal.save("keep", "stay")
    journal.save("private", "go")
    journal.forget("private")
    assert journal.load("private") is None and journal.load("keep") == "stay"


def test_does_export_list_every_answer_with_its_time(journal: Journal) -> None:
    journal.save("a", "one")
    journal.save("b", {"checked": ["x"], "other": ""})
    exported = journal.export()
    assert set(exported) == {"a", "b"}
    assert exported["a"]["value"] == "one" and exported["a"]["saved_at"]


def test_is_the_store_real_sqlite_in_wal_mode(journal: Journal) -> None:
    journal.save("q", "text")
    connection = sqlite3.connect(journal.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("SELECT count(*) FROM answers").fetchone()[0] == 1


def test_does_a_journal_in_a_relative_folder_open_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = Journal(Path("relative-home"))
    assert first.save("q", "kept").saved
    first.close()
    again = Journal(Path("relative-home"))
    assert again.saving and again.notices == [] and again.load("q") == "kept"


def test_is_a_passphrase_journal_unreadable_without_it(private_home: Path) -> None:
    locked = Journal(private_home, passphrase="a long passphrase")
    assert locked.save("q", "private words").saved
    locked.close()
    assert b"private words" not in (private_home / FILE_NAME).read_bytes()
    without = Journal(private_home)
    assert without.locked and without.load("q") is None and not without.save("q", "x").saved
    assert Journal(private_home, passphrase="a long passphrase").load("q") == "private words"
