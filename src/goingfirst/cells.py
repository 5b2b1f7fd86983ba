"""One vocabulary for notebook cells: metadata keys, tags and cell factories.

Every cell Going First writes or reads carries ``metadata["goingfirst"]``:
``{"exercise": id}`` for an exercise, ``{"view": name}`` for a built-in view
(course map, crisis contacts, journal status), or ``{"generated": part}`` for
a markdown cell rebuilt from the manifest by ``goingfirst sync-notebooks``.
"""

from __future__ import annotations

import json

import nbformat
from nbformat import NotebookNode

KEY = "goingfirst"
EXERCISE = "exercise"
VIEW = "view"
GENERATED = "generated"

VIEWS = {
    "course-map": "show_course_map",
    "crisis-contacts": "show_crisis_contacts",
    "journal-status": "show_journal_status",
}
GENERATED_PARTS = ("header", "footer", "footer-navigation")


# JupyterLab shows the first line of a collapsed cell, so it speaks to the learner.
FIRST_LINE = "# Shows the {what} below. Nothing to change here."


def _hidden_code(source: str, marker: dict, what: str) -> NotebookNode:
    cell = nbformat.v4.new_code_cell(FIRST_LINE.format(what=what) + "\n" + source)
    # Collapsed source: the learner sees the exercise, not Python.
    cell.metadata = {KEY: marker, "jupyter": {"source_hidden": True}, "tags": ["hide-input"]}
    return cell


def exercise_cell(exercise_id: str) -> NotebookNode:
    return _hidden_code(
        f"from goingfirst import show; show({json.dumps(exercise_id)})", {EXERCISE: exercise_id}, "exercise"
    )


def view_cell(view: str) -> NotebookNode:
    function = VIEWS[view]
    return _hidden_code(
        f"from goingfirst import {function}; {function}()", {VIEW: view}, view.replace("-", " ")
    )


def generated_cell(part: str, source: str) -> NotebookNode:
    cell = nbformat.v4.new_markdown_cell(source)
    # A fixed id keeps regenerated notebooks byte-identical when nothing changed.
    cell.id = f"gf-{part}"
    cell.metadata = {KEY: {GENERATED: part}}
    return cell


def rebuilt(cell: NotebookNode) -> NotebookNode:
    """A marked code cell made afresh from its marker, keeping its id."""
    fresh = exercise_cell(exercise_id(cell)) if exercise_id(cell) else view_cell(view_name(cell))
    fresh.id = cell.get("id", fresh.id)
    return fresh


def marker(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get(KEY, {})


def exercise_id(cell: NotebookNode) -> str | None:
    return marker(cell).get(EXERCISE)


def view_name(cell: NotebookNode) -> str | None:
    return marker(cell).get(VIEW)


def generated_part(cell: NotebookNode) -> str | None:
    return marker(cell).get(GENERATED)


def is_authored_prose(cell: NotebookNode) -> bool:
    """A markdown cell written by a course author, not generated."""
    return cell.cell_type == "markdown" and generated_part(cell) is None
