"""End every handout the same way: the quiz answer key, the not-therapy note, crisis contacts."""

from __future__ import annotations

from datetime import date

import nbformat
from nbformat import NotebookNode
from traitlets import Unicode

from goingfirst import cells
from goingfirst.handouts import placement
from goingfirst.handouts.base import HandoutPreprocessor
from goingfirst.notebook_sync import NOT_THERAPY
from goingfirst.render import render_answer_key, render_contacts
from goingfirst.specs import all_specs

# Fixed month names: strftime would follow the computer's locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class EndMatterPreprocessor(HandoutPreprocessor):
    """Append the answer key for the notebook's quizzes, then the footer every handout shares."""

    org = Unicode(
        "",
        help="Name of the clinic or organisation handing these out, printed on every handout.",
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        specs = all_specs()
        here = [specs[exercise_id] for exercise_id in self._exercise_ids(nb) if exercise_id in specs]
        if any(spec.kind == "quiz" for spec in here):
            nb.cells.append(placement.html_cell(render_answer_key(here)))
        note = placement.place(nbformat.v4.new_markdown_cell(NOT_THERAPY), placement.FOOTER)
        contacts = render_contacts(self.contacts_region(), heading=2)
        nb.cells += [note, placement.html_cell(contacts, region=placement.FOOTER)]
        today = date.today()
        resources.setdefault("handout", {}).update(
            org=self.org.strip(), made=long_date(today), made_iso=today.isoformat()
        )
        return nb, resources

    @staticmethod
    def _exercise_ids(nb: NotebookNode) -> list[str]:
        found = (cells.exercise_id(cell) for cell in nb.cells)
        return list(dict.fromkeys(exercise_id for exercise_id in found if exercise_id))
