"""The course in Notebook 7: every notebook opens, runs all, and draws its exercises."""

from __future__ import annotations

import pytest

from tests.browser.course import notebooks

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", notebooks())
def test_does_the_notebook_run_cleanly_in_notebook7(notebook7, path: str) -> None:
    session, ui = notebook7
    ui.smoke_test(session.network, path, "notebook7")
