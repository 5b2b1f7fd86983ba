"""Printable, self-contained HTML handouts of the course notebooks.

``HandoutExporter`` (an nbconvert exporter) turns one notebook into one page:
each step is a preprocessor in its own module, the page is the small template
in ``goingfirst/templates/handout``, and ``command.run`` exports the course.
"""

from __future__ import annotations


class HandoutError(Exception):
    """A notebook that cannot become a handout; the message says why, in plain words."""


class CellError(HandoutError):
    """A problem in one cell, named by its number as a learner or author counts (from 1)."""

    def __init__(self, number: int, message: str) -> None:
        super().__init__(f"cell {number}: {message}")
        self.number = number
