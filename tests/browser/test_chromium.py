"""Without Chromium the browser tests must never pass quietly: loud skip on a laptop, failure in CI."""

from __future__ import annotations

import pytest

from tests import chromium, conftest


@pytest.fixture
def no_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chromium, "chromium_path", lambda: None)


def test_does_a_missing_chromium_fail_in_ci(no_chromium, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failure:
        chromium.require_chromium()
    assert chromium.INSTALL_COMMAND in str(failure.value)


def test_does_a_missing_chromium_skip_with_the_install_command_elsewhere(no_chromium, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        chromium.require_chromium()
    assert chromium.INSTALL_COMMAND in str(skipped.value)


def test_is_an_installed_chromium_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(chromium, "chromium_path", lambda: "/usr/bin/chromium")
    assert chromium.require_chromium() == "/usr/bin/chromium"


def test_does_make_test_end_with_a_loud_notice_naming_the_command(no_chromium) -> None:
    class Reporter:
        def __init__(self) -> None:
            self.lines: list[str] = []

        def write_sep(self, sep: str, title: str, **markup: bool) -> None:
            self.lines.append(title)

        def write_line(self, line: str, **markup: bool) -> None:
            self.lines.append(line)

    reporter = Reporter()
    conftest.pytest_terminal_summary(reporter)
    assert "CHROMIUM IS MISSING" in reporter.lines
    assert any(chromium.INSTALL_COMMAND in line for line in reporter.lines)
