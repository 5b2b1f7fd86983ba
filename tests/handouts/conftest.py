"""Shared pieces for the handout tests: the fixture course, exports, and parsed pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from goingfirst.cli import main
from goingfirst.journal import Journal
from goingfirst.paths import COURSE_ENV, HOME_ENV
from goingfirst.specs import all_specs
from tests.handouts.answers import answer_for

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
FIXTURE_COURSE = FIXTURES / "course"
GOLDEN = HERE / "golden"
ROOT = HERE.parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DATA_URI = re.compile(r"data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+")
PLAUSIBLE = "I asked again, gently, on a calm evening. We talked for ten minutes."


@pytest.fixture
def fixture_course(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small course in fixtures/course, in place of the real one."""
    monkeypatch.setenv(COURSE_ENV, str(FIXTURE_COURSE))
    return FIXTURE_COURSE


def export(*argv: str) -> int:
    """``goingfirst handouts ...`` in this process; returns the exit status."""
    return main(["handouts", *argv])


def handouts_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def without_images(html: str) -> str:
    return DATA_URI.sub("data:", html)


def save_answers(home: Path, text: str) -> None:
    """A journal in ``home`` with ``text`` in every exercise of the current course."""
    journal = Journal(home)
    for spec in all_specs().values():
        result = journal.save(spec.id, answer_for(spec, text))
        assert result.saved, result.message
    journal.close()


@dataclass
class Export:
    blank: Path
    filled: Path

    def all(self) -> list[Path]:
        return handouts_in(self.blank) + handouts_in(self.filled)


@pytest.fixture(scope="session")
def real_course(tmp_path_factory: pytest.TempPathFactory) -> Export:
    """The real course exported once blank and once filled, each with its own journal."""
    base = tmp_path_factory.mktemp("real-course")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(COURSE_ENV, raising=False)
        patch.setenv(HOME_ENV, str(base / "home"))
        save_answers(base / "home", PLAUSIBLE)
        assert export("--out", str(base / "blank")) == 0
        assert export("--with-answers", "--out", str(base / "filled")) == 0
    return Export(base / "blank", base / "filled")


class Outline(HTMLParser):
    """Headings and landmarks of a page, in document order."""

    LANDMARKS = ("header", "main", "footer", "nav")

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.landmarks: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.lang = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in self.LANDMARKS:
            self.landmarks.append(tag)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def notebook_with(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = list(cells)
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"
    return notebook
