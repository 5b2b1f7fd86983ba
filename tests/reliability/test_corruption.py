"""Is a damaged journal file moved aside whole, the learner told, and a new journal started?"""

from __future__ import annotations

import random
import re
from pathlib import Path

from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import FILE_NAME, Journal
from goingfirst.store_files import MOVED_ASIDE_MARK
from goingfirst.widgets import make_view
from tests.helpers import make_spec

SEED = 7
STAMPED = re.compile(re.escape(FILE_NAME + MOVED_ASIDE_MARK) + r"\d{8}T\d{6}(-\d+)?$")
ANSWERS = {f"q{n}": f"answer {n}: " + "what I noticed today. " * (n % 120) for n in range(200)}


def _healthy_bytes(folder: Path) -> bytes:
    journal = Journal(folder)
    for exercise_id, value in ANSWERS.items():
        journal.save(exercise_id, value)
    journal.close()
    return (folder / FILE_NAME).read_bytes()


def _damaged_versions(healthy: bytes) -> dict[str, bytes]:
    rng = random.Random(SEED)
    cases = {f"truncated to {share:.1%}": healthy[: int(len(healthy) * share)] for share in (0.0003, 0.02, 0.33, 0.5, 0.9, 0.999)}
    cases["garbage"] = rng.randbytes(len(healthy))
    cases["garbage header"] = rng.randbytes(100) + healthy[100:]
    cases["text file"] = b"These are not the answers you are looking for.\n" * 50
    cases["zeroed first page"] = bytes(4096) + healthy[4096:]
    return cases


def test_is_every_damaged_journal_moved_aside_whole(tmp_path: Path, figures) -> None:
    healthy = _healthy_bytes(tmp_path / "healthy")
    cases = _damaged_versions(healthy)
    spec = make_spec("reflection")
    for number, (name, damaged) in enumerate(cases.items()):
        home = tmp_path / f"case{number}"
        home.mkdir(mode=0o700)
        (home / FILE_NAME).write_bytes(damaged)
        (home / f"{FILE_NAME}-wal").write_bytes(b"left over from a crash " * 10)
        view = make_view(ExerciseSession(spec, Journal(home)))
        moved = sorted(p for p in home.iterdir() if MOVED_ASIDE_MARK in p.name)
        main = [p for p in moved if STAMPED.match(p.name)]
        assert len(main) == 1, (name, [p.name for p in moved])
        assert main[0].read_bytes() == damaged, f"{name}: moved-aside bytes differ"
        assert (home / (main[0].name + "-wal")).read_bytes() == b"left over from a crash " * 10
        assert "moved aside" in view.status.value and main[0].name in view.status.value, name
        assert "Nothing was deleted" in view.status.value
        view.area.value = f"A fresh start after {name}."
        assert "Saved on this computer" in view.status.value
        view.session.journal.close()
        again = Journal(home)
        assert again.load(spec.id) == f"A fresh start after {name}." and again.notices == []
        again.close()
    figures(
        f"corruption: {len(cases)} damaged journals ({', '.join(cases)}) each moved aside with a "
        "timestamp, bytes identical (file and -wal), notice shown in the exercise, new journal saving"
    )


def test_is_a_damaged_answer_found_later_reported_not_raised(private_home: Path) -> None:
    journal = Journal(private_home)
    journal.save("q", "fine")
    journal._connection.execute("UPDATE answers SET value = ? WHERE exercise_id = 'q'", ('{"broken',))
    assert journal.load("q", "default") == "default"
    assert journal.history("q") == []
    assert any("damaged" in notice for notice in journal.notices)


def test_is_a_checkpoint_cut_short_by_a_crash_not_mistaken_for_damage(tmp_path: Path) -> None:
    """Killed mid-checkpoint: the file is shorter than its header says, but the WAL holds every page."""
    source = tmp_path / "source"
    journal = Journal(source)
    journal._connection.execute("PRAGMA wal_autocheckpoint=0")
    for exercise_id, value in ANSWERS.items():
        journal.save(exercise_id, value)
    wal = (source / f"{FILE_NAME}-wal").read_bytes()
    journal._connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    full = (source / FILE_NAME).read_bytes()
    journal.close()
    crashed = tmp_path / "crashed"
    crashed.mkdir(mode=0o700)
    page = int.from_bytes(full[16:18], "big")
    (crashed / FILE_NAME).write_bytes(full[: page * (len(full) // page // 2)])
    (crashed / f"{FILE_NAME}-wal").write_bytes(wal)
    reopened = Journal(crashed)
    assert reopened.notices == [] and reopened.saving
    assert {i: reopened.load(i) for i in ANSWERS} == ANSWERS
    reopened.close()
