"""Lay out the page: banner, navigation, main text; and give the handout its title."""

from __future__ import annotations

import re

import nbformat
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

from goingfirst import cells
from goingfirst.handouts import placement
from goingfirst.manifest import load_course

TITLE = re.compile(r"^ {0,3}#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*\n")
FALLBACK_COURSE = "Going First"


def _course_title() -> str:
    try:
        return load_course().title
    except (OSError, KeyError, ValueError):
        return FALLBACK_COURSE


def _split_header(cell: NotebookNode) -> list[NotebookNode]:
    """The generated header as navigation (the lines before the title) and the banner."""
    found = TITLE.search(cell.source)
    if not found or not cell.source[: found.start()].strip():
        return [placement.place(cell, placement.HEADER)]
    links = nbformat.v4.new_markdown_cell(cell.source[: found.start()].strip())
    links.metadata = {cells.KEY: dict(cells.marker(cell))}
    cell.source = cell.source[found.start() :]
    return [placement.place(links, placement.TOP_NAV), placement.place(cell, placement.HEADER)]


class PagePreprocessor(Preprocessor):
    """Put the generated header in the banner and the footer links in the closing navigation.

    Runs first: it also stamps each cell with its position, so later steps name
    the cell an author sees even after cells are split, added or removed.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        handout = resources.setdefault("handout", {})
        handout.setdefault("course", _course_title())
        laid_out: list[NotebookNode] = []
        for index, cell in enumerate(nb.cells):
            placement.stamp_number(cell, index)
            part = cells.generated_part(cell)
            if part == "header":
                laid_out += _split_header(cell)
            elif part == "footer-navigation":
                cell.source = RULE.sub("", cell.source, count=1).strip()
                laid_out.append(placement.place(cell, placement.BOTTOM_NAV))
            else:
                laid_out.append(cell)
        title = self._title(laid_out, nb, resources)
        if not any(placement.region_of(cell) == placement.HEADER for cell in laid_out):
            # Every page needs exactly one h1; a notebook without the generated header gets one.
            banner = nbformat.v4.new_markdown_cell("# " + title)
            laid_out.insert(0, placement.place(banner, placement.HEADER))
        handout["title"] = title
        nb.cells = laid_out
        return nb, resources

    @staticmethod
    def _title(laid_out: list[NotebookNode], nb: NotebookNode, resources: dict) -> str:
        for cell in laid_out:
            if placement.region_of(cell) == placement.HEADER:
                found = TITLE.search(cell.source)
                if found:
                    return found.group(1)
        named = nb.metadata.get("title") or resources.get("metadata", {}).get("name")
        return str(named or "Handout")
