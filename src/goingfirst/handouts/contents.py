"""The contents page (index.html), built as a notebook so it goes through the same exporter."""

from __future__ import annotations

import nbformat
from nbformat import NotebookNode

from goingfirst import cells
from goingfirst.manifest import Course

INTRO = (
    "These handouts are printable copies of the course: each lesson, and a worksheet "
    "for its exercises. They work without the internet. Print them on A4 or US Letter paper."
)


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    return f"{hours} hour{'s' if hours != 1 else ''}" + (f" {rest} minutes" if rest else "")


def contents_notebook(course: Course) -> NotebookNode:
    total = sum(lesson.minutes + lesson.exercise_minutes for lesson in course.lessons)
    header = cells.generated_cell(
        "header",
        f"# {course.title}\n\n{course.subtitle}.\n\n"
        f"**Time:** about {_hours(total)} in all, in {len(course.lessons)} parts. "
        "Take them one at a time.",
    )
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        header,
        nbformat.v4.new_markdown_cell("## Contents\n\n" + INTRO, id="contents"),
        cells.view_cell("course-map"),
    ]
    notebook.cells[-1].id = "course-map"
    notebook.metadata[cells.KEY] = {"kind": "contents"}
    return notebook
