"""Keep every notebook's generated cells in step with the course manifest.

Each lesson and exercise notebook starts with a generated header (title, time,
objectives, navigation) and ends with a generated footer (the not-therapy note,
the crisis contacts and navigation). Authors write only what lies between.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

from goingfirst import cells
from goingfirst.manifest import Course, Lesson, load_course
from goingfirst.paths import course_root

NOT_THERAPY = (
    "**This course is education, not therapy.** It cannot assess your situation "
    "or keep you safe in a crisis. If you are in danger now, call your local "
    "emergency number. The contacts below are free and confidential."
)


def _link(from_folder: str, target: str, text: str) -> str:
    prefix = "" if target.startswith(from_folder + "/") else "../"
    relative = target.split("/", 1)[1] if not prefix else target
    return f"[{text}]({prefix}{relative})"


def navigation(course: Course, lesson: Lesson, kind: str) -> str:
    """One line of links: previous lesson, this lesson's pair, next lesson."""
    folder = "lessons" if kind == "lesson" else "exercises"
    before, after = course.neighbours(lesson.number)
    parts = []
    if before:
        parts.append(_link(folder, before.lesson_path, f"← {before.label}"))
    if kind == "lesson":
        parts.append(_link(folder, lesson.exercises_path, "Exercises for this lesson"))
    else:
        parts.append(_link(folder, lesson.lesson_path, "Back to the lesson"))
    if after:
        parts.append(_link(folder, after.lesson_path, f"{after.label} →"))
    parts.append(_link(folder, course.lessons[0].lesson_path, "Course map"))
    return " | ".join(parts)


def header(course: Course, lesson: Lesson, kind: str) -> str:
    if kind == "lesson":
        title = f"# {lesson.label}"
        time = f"**Time:** about {lesson.minutes} minutes to read."
    else:
        title = f"# Exercises: {lesson.title}"
        time = f"**Time:** about {lesson.exercise_minutes} minutes."
    goals = "\n".join(f"- {objective}" for objective in lesson.objectives)
    nav = navigation(course, lesson, kind)
    intro = "In this lesson you will:" if kind == "lesson" else "In these exercises you will:"
    return f"{nav}\n\n{title}\n\n{time}\n\n**{intro}**\n\n{goals}"


def footer(course: Course, lesson: Lesson, kind: str) -> str:
    return f"---\n\n{NOT_THERAPY}"


def footer_navigation(course: Course, lesson: Lesson, kind: str) -> str:
    return f"---\n\n{navigation(course, lesson, kind)}"


def synced(notebook: NotebookNode, course: Course, lesson: Lesson, kind: str) -> NotebookNode:
    """The notebook with its generated cells rebuilt and authored cells kept."""
    authored = [
        cells.rebuilt(cell) if cells.exercise_id(cell) or cells.view_name(cell) else cell
        for cell in notebook.cells
        if cells.generated_part(cell) is None and cells.view_name(cell) != "crisis-contacts"
    ]
    crisis = cells.view_cell("crisis-contacts")
    crisis.id = "gf-crisis-contacts"
    notebook.cells = [
        cells.generated_cell("header", header(course, lesson, kind)),
        *authored,
        cells.generated_cell("footer", footer(course, lesson, kind)),
        crisis,
        cells.generated_cell("footer-navigation", footer_navigation(course, lesson, kind)),
    ]
    notebook.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    notebook.metadata[cells.KEY] = {"lesson": lesson.number, "kind": kind}
    return notebook


def notebook_paths(root: Path, course: Course) -> list[tuple[Lesson, str, Path]]:
    found = []
    for lesson in course.lessons:
        found.append((lesson, "lesson", root / lesson.lesson_path))
        found.append((lesson, "exercises", root / lesson.exercises_path))
    return found


def sync_all(
    root: Path | None = None, check: bool = False, only: list[str] | None = None
) -> list[Path]:
    """Rebuild generated cells; with ``check``, only report drift.

    ``only`` limits the work to some lesson numbers, such as ``["03"]``.
    """
    root = root or course_root()
    course = load_course(root)
    changed = []
    for lesson, kind, path in notebook_paths(root, course):
        if not path.exists() or (only and lesson.number not in only):
            continue
        before = path.read_text(encoding="utf-8")
        notebook = synced(nbformat.reads(before, as_version=4), course, lesson, kind)
        after = nbformat.writes(notebook) + "\n"
        if after != before:
            changed.append(path)
            if not check:
                path.write_text(after, encoding="utf-8")
    return changed
