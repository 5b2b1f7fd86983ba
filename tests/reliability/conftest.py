"""Reliability tests print what they tried; the figures are repeated at the end of the run."""

from __future__ import annotations

from collections.abc import Callable

import pytest

FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Print a one-line summary now and keep it for the end-of-run summary."""
    kept = request.config.stash.setdefault(FIGURES, [])

    def report(line: str) -> None:
        text = f"[{request.node.name}] {line}"
        print(text)
        kept.append(text)

    return report


def pytest_terminal_summary(terminalreporter, config) -> None:
    lines = config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.write_sep("=", "reliability figures")
        for line in lines:
            terminalreporter.write_line(line)
