"""How long a learner waits, from opening lesson 00, until its first exercise can be used.

"Usable" means the exercise's first text box or checkbox is on screen and
enabled. In JupyterLab the time includes choosing Run > Run All Cells (as the
lesson asks); in app mode Voila runs the notebook itself. Each run uses a new
browser context (nothing cached) and a fresh journal folder; the median of a
few runs is printed. This prints figures; it is not a test.

    .venv/bin/python benchmarks/first_exercise.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the browser-test helpers start the servers the same way

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from goingfirst.manifest import load_course  # noqa: E402
from tests.browser.jupyter_ui import NotebookUI  # noqa: E402
from tests.browser.servers import Server, start_app, start_jupyter  # noqa: E402
from tests.chromium import INSTALL_COMMAND, QUIET_FLAGS, chromium_path  # noqa: E402

FIRST_INPUT = ".gf-exercise textarea, .gf-exercise input[type=checkbox]"
LESSON = load_course().lessons[0].lesson_path


def usable(page: Page) -> None:
    """Wait until the first exercise's first box can be typed in or ticked."""
    first = page.locator(FIRST_INPUT).first
    first.wait_for(state="attached", timeout=120_000)
    first.scroll_into_view_if_needed()
    expect(first).to_be_visible(timeout=120_000)
    expect(first).to_be_enabled(timeout=120_000)


def in_jupyterlab(browser: Browser, server: Server) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        ui = NotebookUI(page, server, "lab")
        ui.path = LESSON
        started = time.perf_counter()
        page.goto(server.url(f"lab/tree/{LESSON}", reset=""))
        expect(ui.panel).to_have_count(1, timeout=120_000)
        ui.wait_for_kernel()
        ui.menu("Run", "Run All Cells")
        usable(page)
        return time.perf_counter() - started
    finally:
        context.close()
        server.shut_down_kernels()


def in_app(browser: Browser, server: Server) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(server.url(f"voila/render/{LESSON}"))
        usable(page)
        return time.perf_counter() - started
    finally:
        context.close()


def measure(name: str, start, run, browser: Browser, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix=f"goingfirst-bench-{name}-") as folder:
        server = start(Path(folder))
        try:
            run(browser, server)  # warm-up: the first start of Python and the server caches
            return [run(browser, server) for _ in range(runs)]
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="measured runs per front end (default: 3)")
    options = parser.parse_args(argv)
    executable = chromium_path()
    if executable is None:
        print(f"Chromium is not installed. Install it with: {INSTALL_COMMAND}", file=sys.stderr)
        return 1
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=QUIET_FLAGS)
        try:
            results = {
                "JupyterLab (open, Run All)": measure("lab", lambda f: start_jupyter("lab", f), in_jupyterlab, browser, options.runs),
                "App mode (Voila)": measure("app", start_app, in_app, browser, options.runs),
            }
        finally:
            browser.close()
    print(f"Time from opening {LESSON} until its first exercise is usable (median of {options.runs} runs):")
    for name, seconds in results.items():
        runs = ", ".join(f"{value:.1f}" for value in seconds)
        print(f"  {name:<28} {statistics.median(seconds):5.1f} s   (runs: {runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
