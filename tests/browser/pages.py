"""Browser helpers shared by every front end: a blocked network, screenshots, accessibility checks."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, Request, WebSocket

from tests.browser.course import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Matched inside the browser driver, so requests to this computer are not slowed down.
NOT_LOCAL = re.compile(r"^(?!(?:https?|wss?)://(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?(?:/|$))")
MAX_SCREENSHOT_HEIGHT = 16_000  # Chromium's limit for one capture


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


class Network:
    """Every request a page tries beyond this computer: aborted before it leaves, and listed.

    ``attempts`` are requests that reached the network layer (and were stopped
    here); ``refused`` are requests the page's own Content-Security-Policy
    stopped before they were even tried.
    """

    def __init__(self, context: BrowserContext) -> None:
        self.attempts: list[str] = []
        self.refused: list[str] = []
        context.route(NOT_LOCAL, self._abort)

    def _abort(self, route) -> None:
        self.attempts.append(route.request.url)
        route.abort("blockedbyclient")

    def watch(self, page: Page) -> Page:
        page.on("requestfailed", self._failed)
        page.on("websocket", self._websocket)
        return page

    def _failed(self, request: Request) -> None:
        if request.failure == "csp" and not is_local(request.url):
            self.refused.append(request.url)

    def _websocket(self, socket: WebSocket) -> None:
        if not is_local(socket.url):
            self.attempts.append(socket.url)

    def mark(self) -> tuple[int, int]:
        return len(self.attempts), len(self.refused)

    def since(self, mark: tuple[int, int]) -> tuple[list[str], list[str]]:
        return self.attempts[mark[0]:], self.refused[mark[1]:]


def artifact(front_end: str, notebook: str) -> Path:
    """Where the screenshot of one notebook in one front end goes."""
    target = ARTIFACTS / front_end / (notebook.replace("/", "__").removesuffix(".ipynb") + ".png")
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def full_screenshot(page: Page, scroller: Locator, target: Path) -> None:
    """The whole notebook, though JupyterLab and Voila scroll inside a panel, not the page."""
    size = page.viewport_size
    inner = scroller.evaluate("element => [element.scrollHeight, element.clientHeight]")
    height = min(size["height"] + inner[0] - inner[1], MAX_SCREENSHOT_HEIGHT)
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    try:
        page.wait_for_timeout(300)  # one layout pass for the cells that just came into view
        page.screenshot(path=target, full_page=True)
    finally:
        page.set_viewport_size(size)


def axe_path() -> Path:
    """axe-core from npm; missing it fails in CI and skips loudly elsewhere."""
    if AXE.is_file():
        return AXE
    message = f"axe-core is not installed ({AXE} is missing), so accessibility is not checked. Run: npm ci"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def serious_accessibility_problems(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_path()))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({id: v.id, impact: v.impact, help: v.help,
                          targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
                          html: v.nodes.slice(0, 2).map(n => n.html.slice(0, 200))}));
        }"""
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {v['targets']} e.g. {v['html']}" for v in violations
    ]
