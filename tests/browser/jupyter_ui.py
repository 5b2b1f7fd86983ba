"""Driving JupyterLab and Notebook 7 the way a learner does: menus, dialogs, the notebook panel."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.course import exercise_ids, view_count
from tests.browser.pages import artifact, full_screenshot
from tests.browser.servers import Server

RUN_SECONDS = 120
NEWS_QUESTION_SECONDS = 4
# Every code cell in the course displays something, so a cell is done when its
# output area holds an output that was not there before this run.
ALL_CELLS_RAN = """panel => {
    const cells = [...panel.querySelectorAll('.jp-CodeCell')];
    return cells.length > 0 && cells.every(cell => cell.querySelector('.jp-OutputArea-child:not([data-gf-stale])'));
}"""
# The execution indicator says "idle" before a kernel even exists ("No Kernel"),
# and Run All then runs nothing: wait for a named kernel that is idle.
KERNEL_READY = """panel => {
    const name = panel.querySelector('.jp-Toolbar-kernelName');
    const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
    return !!name && !!status && !/No Kernel/i.test(name.textContent) && status.dataset.status === 'idle';
}"""
MARK_STALE = "panel => panel.querySelectorAll('.jp-OutputArea-child').forEach(c => c.setAttribute('data-gf-stale', ''))"
PROBLEMS = """panel => [
    ...panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'),
    ...panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'),
    ...panel.querySelectorAll('.goingfirst-problem'),
].map(e => e.innerText.slice(0, 500)).concat(
    panel.innerText.includes('Error displaying widget') ? ['A widget could not be displayed'] : [])"""


class NotebookUI:
    """One browser page on the course's JupyterLab ("lab") or Notebook 7 ("notebook")."""

    def __init__(self, page: Page, server: Server, front_end: str) -> None:
        self.page = page
        self.server = server
        self.front_end = front_end
        self.path = ""

    @property
    def panel(self) -> Locator:
        return self.page.locator("#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden)" if self.front_end == "lab" else ".jp-NotebookPanel")

    def start(self) -> None:
        """Open the front end once, with a fresh workspace."""
        if self.front_end == "lab":
            self.page.goto(self.server.url("lab", reset=""))
            expect(self.page.locator(".jp-Launcher")).to_be_visible()
            # Once restored, JupyterLab may ask whether to fetch news; a careful learner says No.
            news = self.page.locator(".jp-toast-button").filter(has_text=re.compile("^No$"))
            try:
                news.click(timeout=NEWS_QUESTION_SECONDS * 1000)
            except PlaywrightTimeout:
                pass

    def open(self, path: str) -> None:
        self.path = path
        if self.front_end == "lab":
            self.menu("File", "Open from Path…")
            self.page.get_by_placeholder("/path/relative/to/jlab/root").fill(path)
            self.page.keyboard.press("Enter")
        else:
            self.page.goto(self.server.url(f"notebooks/{path}"))
        expect(self.panel).to_have_count(1)
        self.wait_for_kernel()

    def wait_for_kernel(self) -> None:
        self.page.wait_for_function(KERNEL_READY, arg=self.panel.element_handle(), timeout=RUN_SECONDS * 1000)

    def menu(self, top: str, item: str) -> None:
        """Choose ``top`` > ``item`` in the menu bar (an item's name may end with its shortcut)."""
        self.page.get_by_role("menuitem", name=top, exact=True).click()
        self.page.get_by_role("menuitem", name=re.compile("^" + re.escape(item))).click()

    def run_all(self) -> None:
        self.panel.evaluate(MARK_STALE)
        self.menu("Run", "Run All Cells")
        self.wait_until_ran()

    def restart_and_run_all(self) -> None:
        self.panel.evaluate(MARK_STALE)
        self.menu("Kernel", "Restart Kernel and Run All Cells…")
        self.page.locator(".jp-Dialog .jp-mod-accept").click()
        self.wait_until_ran()

    def wait_until_ran(self) -> None:
        self.page.wait_for_function(ALL_CELLS_RAN, arg=self.panel.element_handle(), timeout=RUN_SECONDS * 1000)
        expect(self.panel.locator(".gf-exercise")).to_have_count(len(exercise_ids(self.path)), timeout=30_000)
        expect(self.panel.locator(".gf-contacts-widget")).to_have_count(view_count(self.path, "crisis-contacts"))

    def problems(self) -> list[str]:
        return self.panel.evaluate(PROBLEMS)

    def screenshot(self, target: Path) -> None:
        full_screenshot(self.page, self.panel.locator(".jp-WindowedPanel-outer"), target)

    def close(self) -> None:
        """Close the notebook and stop its kernel, without saving outputs into the course."""
        if self.front_end == "lab" and self.panel.count():
            self.menu("File", "Close and Shut Down Notebook…")
            # JupyterLab asks "Shut down the notebook?" and then closes without saving.
            self.page.locator(".jp-Dialog .jp-mod-accept").click()
            expect(self.panel).to_have_count(0)
        self.server.shut_down_kernels()

    def smoke_test(self, network, path: str, front_end: str) -> None:
        """Open, Run All, no problems, a screenshot kept, and nothing sent beyond this machine."""
        mark = network.mark()
        self.open(path)
        try:
            self.run_all()  # also waits until every exercise widget is drawn
            assert self.problems() == []
            self.screenshot(artifact(front_end, path))
        finally:
            self.close()
        assert network.since(mark) == ([], [])
