"""Where a cell goes on the handout page, and where it stood in the notebook.

The page has a banner (``header``), navigation before and after, the main
text and a footer. Preprocessors place cells; the template reads the places.
The handout's own marks live under the course's metadata key, in memory only.
"""

from __future__ import annotations

import nbformat
from nbformat import NotebookNode

from goingfirst import cells

REGION = "handout-region"
NUMBER = "handout-cell-number"

TOP_NAV = "top-nav"
HEADER = "header"
MAIN = "main"
FOOTER = "footer"
BOTTOM_NAV = "bottom-nav"
REGIONS = (TOP_NAV, HEADER, MAIN, FOOTER, BOTTOM_NAV)


def _marks(cell: NotebookNode) -> dict:
    return cell.setdefault("metadata", {}).setdefault(cells.KEY, {})


def place(cell: NotebookNode, region: str) -> NotebookNode:
    if region not in REGIONS:
        raise ValueError(f"Unknown place on the page: {region!r}")
    _marks(cell)[REGION] = region
    return cell


def region_of(cell: NotebookNode) -> str:
    """The cell's place on the page; cells nobody placed are main text."""
    return cells.marker(cell).get(REGION, MAIN)


def stamp_number(cell: NotebookNode, index: int) -> None:
    """Remember the cell's position (from 1) before cells are added or removed."""
    _marks(cell).setdefault(NUMBER, index + 1)


def number_of(cell: NotebookNode, index: int) -> int:
    return cells.marker(cell).get(NUMBER, index + 1)


def html_cell(html: str, marker: dict | None = None, region: str = MAIN) -> NotebookNode:
    """A raw HTML cell made by a handout step, keeping the course marker of the cell it replaces."""
    cell = nbformat.v4.new_raw_cell(html)
    cell.metadata = {"raw_mimetype": "text/html", cells.KEY: dict(marker or {})}
    return place(cell, region)


def is_handout_html(cell: NotebookNode) -> bool:
    """A raw cell a handout step made (authors' own raw cells never print)."""
    return cell.cell_type == "raw" and REGION in cells.marker(cell)
