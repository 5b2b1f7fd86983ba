"""Turn each exercise cell into its printed worksheet: blank, or filled with saved answers."""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, Instance, default

from goingfirst import cells
from goingfirst.feedback import respond
from goingfirst.handouts import CellError, headings, placement
from goingfirst.journal import Journal
from goingfirst.models import Feedback, make_model
from goingfirst.render import render_exercise
from goingfirst.specs import Spec, all_specs

# Feedback that still makes sense on a blank page: the loop drawing has boxes to write in.
BLANK_FEEDBACK = ("pattern_cycle",)


def _no_answers(exercise_id: str) -> None:
    """Blank worksheets never read the journal, not even for another exercise."""
    return None


class WorksheetPreprocessor(Preprocessor):
    """Replace every exercise cell with a static worksheet from ``render.render_exercise``."""

    with_answers = Bool(
        False,
        help="Fill each worksheet with the learner's saved answer from their journal. "
        "A private exercise is filled only if the learner chose to keep its answer.",
    ).tag(config=True)

    journal = Instance(Journal, allow_none=True, help="Where saved answers are read from.")

    @default("journal")
    def _open_journal(self) -> Journal:
        # Opened only when answers are wanted: a blank handout never touches the journal.
        return Journal()

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        self._specs = all_specs()
        self._level = 1
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        if cell.cell_type == "markdown":
            self._level = headings.last_level(cell.source, self._level)
            return cell, resources
        exercise_id = cells.exercise_id(cell)
        if cell.cell_type != "code" or exercise_id is None:
            return cell, resources
        spec = self._specs.get(exercise_id)
        if spec is None:
            raise CellError(
                placement.number_of(cell, index),
                f"there is no exercise called {exercise_id!r}. Check the id in this cell "
                "against exercises/specs/.",
            )
        value = self._answer(spec)
        html = render_exercise(
            spec, value, feedback=self._feedback(spec, value), heading=headings.below(self._level)
        )
        return placement.html_cell(html, cells.marker(cell)), resources

    def _answer(self, spec: Spec) -> Any:
        # A private answer is in the journal only if the learner ticked "keep my answer".
        return self.journal.load(spec.id) if self.with_answers else None

    def _feedback(self, spec: Spec, value: Any) -> list[Feedback]:
        if not spec.feedback:
            return []
        if value is not None:
            return respond(make_model(spec, value), self.journal.load)
        if spec.feedback in BLANK_FEEDBACK:
            return respond(make_model(spec, None), _no_answers)
        return []
