"""Shared fixtures. Every test gets its own GOINGFIRST_HOME: the suite never touches a real journal."""

from __future__ import annotations

from pathlib import Path

import pytest

from goingfirst.journal import Journal
from goingfirst.paths import HOME_ENV, course_root

ROOT = course_root()


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "goingfirst-home"
    monkeypatch.setenv(HOME_ENV, str(home))
    return home


@pytest.fixture
def journal(private_home: Path) -> Journal:
    opened = Journal(private_home)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test in the run.

    Playwright's sync API allows one instance per thread, so the browser suite and
    the handout tests share this one rather than each starting their own.
    """
    from playwright.sync_api import sync_playwright

    from tests.chromium import QUIET_FLAGS, require_chromium

    executable = require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=QUIET_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Say loudly, at the end of `make test`, when browser tests could not run."""
    from tests.chromium import INSTALL_COMMAND, chromium_path

    if chromium_path() is None:
        terminalreporter.write_sep("!", "CHROMIUM IS MISSING", red=True, bold=True)
        terminalreporter.write_line(
            "The browser tests could not run because Chromium is not installed. "
            f"Install it with:  {INSTALL_COMMAND}",
            red=True,
            bold=True,
        )
