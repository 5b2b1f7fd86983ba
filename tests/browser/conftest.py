"""One Chromium and one server per front end for the whole session; each server is always stopped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.jupyter_ui import NotebookUI
from tests.browser.pages import ARTIFACTS, Network
from tests.browser.servers import Server, start_app, start_jupyter

VIEWPORT = {"width": 1280, "height": 900}
# Kernels start and widgets render on a small, busy machine: be patient, but not forever.
expect.set_options(timeout=20_000)


def _serve(start, folder: Path) -> Iterator[Server]:
    server = start(folder)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def lab_server(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _serve(lambda folder: start_jupyter("lab", folder), tmp_path_factory.mktemp("lab"))


@pytest.fixture(scope="session")
def notebook_server(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _serve(lambda folder: start_jupyter("notebook", folder), tmp_path_factory.mktemp("notebook"))


@pytest.fixture(scope="session")
def app_server(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from _serve(start_app, tmp_path_factory.mktemp("app"))


class Session:
    """One page on one server, with its blocked network."""

    open: ClassVar[list[Session]] = []

    def __init__(self, browser: Browser, server: Server) -> None:
        self.server = server
        self.context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        self.network = Network(self.context)
        self.page: Page = self.network.watch(self.context.new_page())
        Session.open.append(self)

    def close(self) -> None:
        Session.open.remove(self)
        self.context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On a failure, keep a picture of what the learner would have seen."""
    report = yield
    if report.when == "call" and report.failed:
        for number, session in enumerate(Session.open):
            target = ARTIFACTS.parent / "failures" / f"{item.name.replace('/', '__')}-{number}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                session.page.screenshot(path=target)
            except Exception as error:  # noqa: BLE001 - a missing picture must not hide the failure
                report.sections.append(("screenshot", f"No screenshot: {error}"))
            else:
                report.sections.append(("screenshot", str(target)))
    return report


def _session(browser: Browser, server: Server, front_end: str) -> Iterator[tuple[Session, NotebookUI]]:
    session = Session(browser, server)
    ui = NotebookUI(session.page, server, front_end)
    try:
        ui.start()
        yield session, ui
    finally:
        session.close()


@pytest.fixture(scope="module")
def lab(browser: Browser, lab_server: Server) -> Iterator[tuple[Session, NotebookUI]]:
    yield from _session(browser, lab_server, "lab")


@pytest.fixture(scope="module")
def notebook7(browser: Browser, notebook_server: Server) -> Iterator[tuple[Session, NotebookUI]]:
    yield from _session(browser, notebook_server, "notebook")


@pytest.fixture(scope="module")
def app(browser: Browser, app_server: Server) -> Iterator[Session]:
    session = Session(browser, app_server)
    try:
        yield session
    finally:
        session.close()
