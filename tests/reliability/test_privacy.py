"""After erase or opting out, can any answer text still be found in the journal's files?"""

from __future__ import annotations

import stat
from pathlib import Path

import ipywidgets as widgets
import pytest

from goingfirst import journal as journal_module
from goingfirst.cli import main
from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import FILE_NAME, Journal
from goingfirst.store_files import MOVED_ASIDE_MARK
from goingfirst.widgets import make_view
from tests.helpers import make_spec
from tests.reliability.helpers import byte_forms, files_under, find_texts

EXERCISES = 60
VERSIONS = 8
FILLER = "Some ordinary words about an ordinary week. "


def _marker(exercise: int, version: int) -> str:
    return f"SECRET-{exercise:02d}-v{version}-çà✓"


def _value(exercise: int, version: int):
    marker = _marker(exercise, version)
    if exercise % 3 == 0:  # long enough to spill onto overflow pages
        return f"{marker} {FILLER * (40 * version + exercise)} {marker}"
    if exercise % 3 == 1:
        return {"fields": {"when": marker, "other": FILLER}}
    return marker


def _assert_private_modes(home: Path) -> list[str]:
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    names = []
    for path in files_under(home):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        names.append(path.name)
    return names


@pytest.mark.slow
def test_does_erase_leave_no_answer_text_in_any_file(private_home: Path, monkeypatch: pytest.MonkeyPatch, capsys, figures) -> None:
    monkeypatch.setattr(journal_module, "COALESCE_SECONDS", 0.0)  # every save is a new version
    journal = Journal(private_home)
    for version in range(VERSIONS):
        for exercise in range(EXERCISES):
            assert journal.save(f"exercise-{exercise}", _value(exercise, version)).saved
    markers = [_marker(e, v) for e in range(EXERCISES) for v in range(VERSIONS)]
    names = _assert_private_modes(private_home)
    assert {FILE_NAME, f"{FILE_NAME}-wal", f"{FILE_NAME}-shm"} <= set(names)
    (private_home / f"{FILE_NAME}{MOVED_ASIDE_MARK}20260101T000000").write_text(" ".join(markers[:20]))
    before, _, _ = find_texts(private_home, markers)
    assert before, "the scan must find the text before erasing"
    other_kernel = Journal(private_home)  # a notebook left open during the erase
    assert other_kernel.load("exercise-0") is not None
    journal.close()

    assert main(["journal", "erase", "--yes"]) == 0
    assert "Erased 60 saved answers" in capsys.readouterr().out
    hits_open, files_open, bytes_open = find_texts(private_home, markers)
    _assert_private_modes(private_home)
    other_kernel.close()
    hits, files, size = find_texts(private_home, markers)
    assert hits_open == [] and hits == []
    assert Journal(private_home).answered() == set()
    figures(
        f"privacy (erase): {len(markers)} distinct markers ({EXERCISES} answers x {VERSIONS} versions), "
        f"{len(byte_forms(markers[0]))} byte forms each (UTF-8, UTF-16 LE/BE, JSON \\u escapes); "
        f"before erase {len(before)} hits; after erase 0 hits in {files_open} files/{bytes_open} bytes "
        f"with another kernel open and 0 in {files} files/{size} bytes after it closed; modes 0700/0600 "
        f"({', '.join(sorted(names))})"
    )


def _keep_box(view) -> widgets.Checkbox:
    boxes = [child for child in view.widget.children if isinstance(child, widgets.Checkbox)]
    assert len(boxes) == 1
    return boxes[0]


def test_is_a_private_answer_written_only_while_opted_in(private_home: Path, monkeypatch: pytest.MonkeyPatch, figures) -> None:
    monkeypatch.setattr(journal_module, "COALESCE_SECONDS", 0.0)
    journal = Journal(private_home)
    journal.save("ordinary", "An ordinary answer, kept.")
    other_kernel = Journal(private_home)
    view = make_view(ExerciseSession(make_spec("reflection", private=True), journal))
    typed = [f"PRIVATE-MARK-{n}-ñ {FILLER * (n * 30)}" for n in range(6)]
    markers = [text.split(" ")[0] for text in typed]

    for text in typed[:3]:
        view.area.value = text
    assert "not saved anywhere" in view.status.value
    before_opt_in, _, _ = find_texts(private_home, markers)

    _keep_box(view).value = True
    for text in typed[3:]:
        view.area.value = text
    assert "Saved on this computer" in view.status.value
    opted_in, _, _ = find_texts(private_home, markers)
    versions = len(journal.history(view.session.spec.id))

    _keep_box(view).value = False
    assert "Removed from this computer" in view.status.value
    assert view.area.value == typed[-1], "the answer stays on screen"
    after_opt_out, files, size = find_texts(private_home, markers)
    other_kernel.close()
    journal.close()
    after_close, _, _ = find_texts(private_home, markers)

    assert before_opt_in == []
    assert any("PRIVATE-MARK-5" in hit for hit in opted_in)
    assert after_opt_out == [] and after_close == []
    assert Journal(private_home).load("ordinary") == "An ordinary answer, kept."
    figures(
        f"privacy (private exercise): {len(typed)} typed versions; before opt-in 0 hits; opted in "
        f"{len(opted_in)} hits ({versions} versions); after opting out 0 hits in {files} files/{size} bytes "
        "(another kernel open) and 0 after closing; other answers kept"
    )
