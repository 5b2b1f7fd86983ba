"""Drop every cell that must not print: code, authors' raw cells, and the generated footer."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

from goingfirst import cells
from goingfirst.handouts import placement


class DropCodePreprocessor(Preprocessor):
    """Remove all code left after the worksheets and views are drawn.

    The generated footer (the not-therapy note) and the crisis contacts cell
    just after it go too: every handout ends with its own copy of both.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        kept = []
        after_footer = False
        for cell in nb.cells:
            if cells.generated_part(cell) == "footer":
                after_footer = True
                continue
            if after_footer and cells.view_name(cell) == "crisis-contacts":
                after_footer = False
                continue
            after_footer = False
            if cell.cell_type == "markdown" or placement.is_handout_html(cell):
                kept.append(cell)
        nb.cells = kept
        return nb, resources
