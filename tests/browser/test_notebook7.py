"""The course in Notebook 7: every notebook opens, runs all, and draws its exercises."""

from __future__ import annotations

import pytest

from tests.browser.course import notebooks
from tests.browser.pages import artifact

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", notebooks())
def test_does_the_notebook_run_cleanly_in_notebook7(notebook7, path: str) -> None:
    session, ui = notebook7
    mark = session.network.mark()
    ui.open(path)
    try:
        ui.run_all()  # also waits until every exercise widget is drawn
        assert ui.problems() == []
        ui.screenshot(artifact("notebook7", path))
    finally:
        ui.close()
    assert session.network.since(mark) == ([], [])
