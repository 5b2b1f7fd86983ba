"""The lessons meet the content standard: reading level, length, sections, exercises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import textstat

from goingfirst import cells
from goingfirst.manifest import load_course
from goingfirst.prose import authored_markdown, lesson_prose, word_count
from goingfirst.specs import all_specs
from tests.conftest import ROOT

COURSE = load_course()
TEACHING = [lesson for lesson in COURSE.lessons if lesson.number != "00"]
REQUIRED_SECTIONS = ("## Try this week", "## Key points", "## Sources")
PHONE = re.compile(r"\b\d{3}[- ]\d{3}[- ]\d{4}\b|\b0\d{3} ?\d{3} ?\d{3,4}\b|\b1800 ?\d{3} ?\d{3}\b")


def _existing(paths):
    return [path for path in paths if path.exists()]


LESSON_PATHS = _existing([ROOT / lesson.lesson_path for lesson in COURSE.lessons])
TEACHING_PATHS = _existing([ROOT / lesson.lesson_path for lesson in TEACHING])
EXERCISE_PATHS = _existing([ROOT / lesson.exercises_path for lesson in TEACHING])


@pytest.mark.parametrize("path", LESSON_PATHS, ids=lambda p: p.name)
def test_is_the_lesson_at_grade_eight_or_lower(path: Path) -> None:
    grade = textstat.flesch_kincaid_grade(lesson_prose(path))
    assert grade <= 8.0, f"{path.name}: Flesch-Kincaid grade {grade}"


@pytest.mark.parametrize("path", TEACHING_PATHS, ids=lambda p: p.name)
def test_is_the_lesson_between_1500_and_3000_words(path: Path) -> None:
    words = word_count(lesson_prose(path))
    assert 1500 <= words <= 3000, f"{path.name}: {words} words"


@pytest.mark.parametrize("path", TEACHING_PATHS, ids=lambda p: p.name)
def test_does_the_lesson_have_its_closing_sections(path: Path) -> None:
    text = "\n".join(authored_markdown(path))
    positions = [text.find(section) for section in REQUIRED_SECTIONS]
    assert -1 not in positions, f"{path.name} lacks one of {REQUIRED_SECTIONS}"
    assert positions == sorted(positions), "Try this week, then Key points, then Sources"


@pytest.mark.parametrize("path", LESSON_PATHS, ids=lambda p: p.name)
def test_does_the_prose_hold_no_phone_numbers(path: Path) -> None:
    # Numbers live only in assets/crisis-contacts.toml, with a source and a date.
    text = "\n".join(authored_markdown(path))
    assert PHONE.findall(text) == []


@pytest.mark.parametrize("path", EXERCISE_PATHS, ids=lambda p: p.name)
def test_does_the_exercise_notebook_have_an_intro_and_three_exercises(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    authored = [cell for cell in notebook["cells"] if cells.generated_part(cell) is None]
    assert authored[0]["cell_type"] == "markdown", "starts with a short intro"
    ids = [cells.exercise_id(cell) for cell in authored if cells.exercise_id(cell)]
    assert len(ids) >= 3
    specs = all_specs()
    assert all(specs[i].why for i in ids)


@pytest.mark.parametrize("lesson", TEACHING, ids=lambda lesson: lesson.number)
def test_does_each_lesson_have_an_exercise_that_answers_back(lesson) -> None:
    specs = [spec for spec in all_specs().values() if spec.lesson == lesson.number]
    if not specs:
        pytest.fail(f"Lesson {lesson.number} has no exercises yet")
    answering = [
        spec for spec in specs
        if spec.feedback or spec.kind == "quiz" or any(item.advice for item in spec.items)
    ]
    assert answering, f"Lesson {lesson.number} needs an exercise with feedback"


def test_are_lessons_free_of_assumed_gender_for_the_partner() -> None:
    pattern = re.compile(r"\b(your|their) (husband|wife|boyfriend|girlfriend)\b", re.I)
    for path in LESSON_PATHS:
        text = "\n".join(authored_markdown(path))
        assert not pattern.findall(text), path.name


def test_does_the_measure_join_wrapped_lines_into_one_sentence() -> None:
    """Hard-wrapped paragraphs must not count as many short sentences."""
    from goingfirst.prose import _plain

    text = _plain("## A heading\n\nOne sentence that\nwraps over lines. Then another.\n\n- a list item\n  that wraps\n- second")
    assert text.splitlines() == [
        "A heading.",
        "One sentence that wraps over lines. Then another.",
        "a list item that wraps.",
        "second.",
    ]
