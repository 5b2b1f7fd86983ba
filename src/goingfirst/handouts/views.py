"""Print the built-in views: the course map as a table, crisis contacts, a neutral journal note."""

from __future__ import annotations

from dataclasses import dataclass

import nbformat
from nbformat import NotebookNode
from traitlets import Unicode

from goingfirst import cells
from goingfirst.handouts import CellError, headings, placement
from goingfirst.handouts.base import HandoutPreprocessor
from goingfirst.manifest import Lesson, load_course
from goingfirst.paths import course_root
from goingfirst.render import ENVIRONMENT, render_contacts

# Where the answers are is private (a folder on one computer), so paper says only this.
JOURNAL_NOTE = (
    "When you do this course on a computer, your answers are kept only on that computer. "
    "Nothing is sent anywhere."
)
# Course notebooks sit one folder down (lessons/, exercises/); their handouts do too.
NOTEBOOK_KINDS = ("lesson", "exercises")


@dataclass(frozen=True)
class Row:
    lesson: Lesson
    lesson_href: str
    exercises_href: str


def _href(prefix: str, notebook_path: str) -> str:
    """A link to the handout of a course notebook, or "" while the notebook is not written yet."""
    if not (course_root() / notebook_path).is_file():
        return ""
    return prefix + notebook_path.removesuffix(".ipynb") + ".html"


class ViewPreprocessor(HandoutPreprocessor):
    """Replace each view cell (course map, crisis contacts, journal status) with what prints."""

    link_prefix = Unicode(
        None,
        allow_none=True,
        help="Prefix for links from the course map to other handouts. By default '../' "
        "for lesson and exercise notebooks and '' for the contents page.",
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        self._level = 1
        kind = nb.metadata.get(cells.KEY, {}).get("kind")
        self._prefix = self.link_prefix if self.link_prefix is not None else (
            "../" if kind in NOTEBOOK_KINDS else ""
        )
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        if cell.cell_type == "markdown":
            self._level = headings.last_level(cell.source, self._level)
            return cell, resources
        view = cells.view_name(cell)
        if cell.cell_type != "code" or view is None:
            return cell, resources
        marker = cells.marker(cell)
        if view == "course-map":
            return placement.html_cell(self._course_map(), marker), resources
        if view == "crisis-contacts":
            html = render_contacts(self.contacts_region(), heading=headings.below(self._level))
            return placement.html_cell(html, marker), resources
        if view == "journal-status":
            note = nbformat.v4.new_markdown_cell(JOURNAL_NOTE)
            note.metadata = {cells.KEY: dict(marker)}
            return note, resources
        raise CellError(
            placement.number_of(cell, index),
            f"there is no view called {view!r}. Views are: {', '.join(cells.VIEWS)}.",
        )

    def _course_map(self) -> str:
        course = load_course()
        rows = [
            Row(
                lesson,
                _href(self._prefix, lesson.lesson_path),
                _href(self._prefix, lesson.exercises_path),
            )
            for lesson in course.lessons
        ]
        return ENVIRONMENT.get_template("handout/course_map.html.j2").render(course=course, rows=rows)
