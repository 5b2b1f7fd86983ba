"""What the browser tests open: the course's notebooks and the exercises a learner tries."""

from __future__ import annotations

from functools import lru_cache

import nbformat

from goingfirst import cells
from goingfirst.manifest import load_course
from goingfirst.paths import course_root
from goingfirst.specs import Spec, all_specs

ROOT = course_root()


def notebooks() -> list[str]:
    """Every lesson and exercise notebook listed in course.toml that exists, in course order."""
    return [path for _, path in load_course().notebooks() if (ROOT / path).exists()]


@lru_cache(maxsize=None)
def exercise_ids(path: str) -> tuple[str, ...]:
    """The exercise cells of one notebook file, in order."""
    notebook = nbformat.read(ROOT / path, as_version=4)
    return tuple(filter(None, (cells.exercise_id(cell) for cell in notebook.cells)))


def view_count(path: str, view: str) -> int:
    notebook = nbformat.read(ROOT / path, as_version=4)
    return sum(cells.view_name(cell) == view for cell in notebook.cells)


def learner_exercises() -> dict[str, list[Spec]]:
    """The exercises a learner tries in the browser, by notebook.

    The first exercise of each kind, once saved only if the learner opts in
    (private) and once saved as they go, in course order: every widget type,
    both ways of saving, with the fewest notebooks to reopen.
    """
    specs = all_specs()
    chosen: dict[tuple[str, bool], tuple[str, Spec]] = {}
    for path in notebooks():
        for exercise_id in exercise_ids(path):
            spec = specs[exercise_id]
            chosen.setdefault((spec.kind, spec.private), (path, spec))
    by_notebook: dict[str, list[Spec]] = {}
    for path, spec in chosen.values():
        by_notebook.setdefault(path, []).append(spec)
    return by_notebook


def kinds_tried() -> set[str]:
    return {spec.kind for specs in learner_exercises().values() for spec in specs}
