"""``goingfirst handouts``: the whole course, bad notebooks, bad options, privacy and size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from goingfirst.handouts import exporter as exporter_module
from goingfirst.journal import Journal
from goingfirst.paths import COURSE_ENV
from tests.handouts.conftest import FIXTURES, ROOT, Export, export, handouts_in, without_images

SIZE_LIMIT = 60 * 1024


def run_cli(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "goingfirst", "handouts", *argv],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=ROOT,
    )


def test_does_the_whole_course_export_in_order_with_an_index(fixture_course: Path, tmp_path: Path, capsys) -> None:
    """Are the written notebooks exported, the missing ones skipped by name, and the index in order?"""
    out = tmp_path / "handouts"
    assert export("--out", str(out)) == 0
    names = [path.relative_to(out).as_posix() for path in handouts_in(out)]
    assert names == ["exercises/01-every-kind.html", "index.html", "lessons/01-every-kind.html"]
    err = capsys.readouterr().err
    assert "Skipped lessons/02-not-written-yet.ipynb: it is not written yet." in err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>Going First</h1>" in index
    assert index.index("Lesson 1: Every kind of exercise") < index.index("Lesson 2: A lesson not written yet")
    assert '<a href="lessons/01-every-kind.html">' in index and '<a href="exercises/01-every-kind.html">' in index
    assert "<td>10 min</td>" in index and "15 min" in index and "about 1 hour 5 minutes in all" in index


def test_does_one_exporter_serve_the_whole_course(fixture_course: Path, tmp_path: Path, monkeypatch) -> None:
    """Is the exporter built once per run, not once per notebook?"""
    made = []
    original = exporter_module.HandoutExporter.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(exporter_module.HandoutExporter, "__init__", counting)
    assert export("--out", str(tmp_path / "out")) == 0
    assert len(made) == 1


def test_does_a_bad_notebook_get_named_with_its_cell_while_the_others_are_written(
    fixture_course: Path, tmp_path: Path, capsys
) -> None:
    """Are broken notebooks named (with the cell), the good one written, and the status non-zero?"""
    out = tmp_path / "out"
    good = fixture_course / "lessons" / "01-every-kind.ipynb"
    status = export(
        "--out", str(out), str(FIXTURES / "unknown-exercise-id.ipynb"),
        str(FIXTURES / "unreadable-json.ipynb"), str(good),
    )
    err = capsys.readouterr().err
    assert status == 1
    assert "unknown-exercise-id.ipynb: cell 3: there is no exercise called 'no-such-exercise'" in err
    assert "unreadable-json.ipynb: it is not readable notebook JSON" in err
    assert "in cell 5)" in err
    assert (out / "lessons" / "01-every-kind.html").is_file()
    assert not (out / "unknown-exercise-id.html").exists()
    assert "Traceback" not in err


def test_does_an_unwritable_output_folder_stop_with_one_line(fixture_course: Path, tmp_path: Path) -> None:
    """Is an output folder that cannot be made a one-line error with status 2, no traceback?"""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for out in (blocker, blocker / "handouts"):
        done = run_cli("--out", str(out), env={COURSE_ENV: str(fixture_course)})
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("goingfirst handouts: ")
        assert str(blocker) in lines[0]


def test_does_an_unknown_region_stop_with_one_line(fixture_course: Path, tmp_path: Path) -> None:
    """Is an unknown --region a one-line error naming the choices, with status 2?"""
    done = run_cli("--region", "XX", "--out", str(tmp_path / "out"), env={COURSE_ENV: str(fixture_course)})
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "goingfirst handouts: There are no crisis contacts for region 'XX'. Choose one of: US, UK."
    )
    assert not (tmp_path / "out").exists()


def test_are_handouts_with_answers_readable_only_by_the_learner(
    fixture_course: Path, tmp_path: Path, journal: Journal
) -> None:
    """Do filled handouts get owner-only permissions, and blank ones stay shareable?"""
    journal.save("fx-reflection", "Something personal")
    assert export("--with-answers", "--out", str(tmp_path / "filled")) == 0
    assert export("--out", str(tmp_path / "blank")) == 0
    filled = tmp_path / "filled" / "exercises" / "01-every-kind.html"
    assert "Something personal" in filled.read_text(encoding="utf-8")
    assert filled.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "blank" / "exercises" / "01-every-kind.html").stat().st_mode & 0o077 != 0


def test_does_with_answers_say_when_there_is_nothing_saved(fixture_course: Path, tmp_path: Path, capsys) -> None:
    """Does a learner asking for their answers hear plainly that none were found?"""
    assert export("--with-answers", "--out", str(tmp_path / "out")) == 0
    assert "No saved answers were found" in capsys.readouterr().err


def test_is_every_real_handout_at_most_60_kb(real_course: Export) -> None:
    """Does every handout of the real course, blank and filled, stay within 60 KB (images aside)?"""
    sizes = {path: len(without_images(path.read_text(encoding="utf-8")).encode()) for path in real_course.all()}
    assert len(sizes) >= 2
    too_big = {str(path): size for path, size in sizes.items() if size > SIZE_LIMIT}
    assert not too_big


def test_does_no_real_handout_hold_code_script_or_outside_references(real_course: Export) -> None:
    """Is there no code, script, stylesheet link, frame or remote source in any real handout?"""
    for path in real_course.all():
        page = path.read_text(encoding="utf-8")
        for never in ("<script", "<link", "<iframe", "@import", "url(http", 'src="http', "src='http", "goingfirst import", "<pre"):
            assert never not in page, f"{never} in {path.name}"


def test_does_make_handouts_call_the_command() -> None:
    """Does ``make handouts`` run ``goingfirst handouts``?"""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "handouts: $(STAMP)\n\t$(BIN)/goingfirst handouts" in makefile


def test_does_jupyter_nbconvert_make_a_handout(fixture_course: Path, tmp_path: Path) -> None:
    """Does ``jupyter nbconvert --to handout`` find the exporter and write one page?"""
    notebook = fixture_course / "exercises" / "01-every-kind.ipynb"
    done = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "handout", str(notebook), "--output-dir", str(tmp_path)],
        capture_output=True, text=True, env={**os.environ, COURSE_ENV: str(fixture_course)},
    )
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "01-every-kind.html").read_text(encoding="utf-8")
    assert "Help now: Testland" in page and "<script" not in page


@pytest.mark.parametrize("flag", ["--help"])
def test_does_the_command_explain_itself(flag: str, capsys) -> None:
    """Does ``goingfirst handouts --help`` describe every option?"""
    with pytest.raises(SystemExit):
        export(flag)
    text = capsys.readouterr().out
    for option in ("--out", "--with-answers", "--region", "--org", "NOTEBOOK"):
        assert option in text
