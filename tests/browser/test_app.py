"""App mode (`goingfirst app`): the course through Voila, with no code, nothing from the internet,
every page accessible, and answers kept in the same journal."""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.error
from urllib.parse import urljoin, urlsplit

import nbformat
import pytest
from playwright.sync_api import Page, expect

from goingfirst import app as app_mode
from goingfirst.manifest import load_course
from tests.browser.course import ROOT, exercise_ids, learner_exercises, notebooks, view_count
from tests.browser.learner import answer, assert_came_back, exercise_box, wait_for_saved
from tests.browser.pages import artifact, full_screenshot, serious_accessibility_problems

NOTEBOOKS = notebooks()
TRIED = learner_exercises()
# Voila's own "lab" template links Font Awesome from a CDN. The app's
# Content-Security-Policy stops the browser before it asks; nothing else may be refused.
VOILA_TEMPLATE_LINKS = ("https://cdn.jsdelivr.net/npm/@fortawesome/",)
ERROR_TEXT = "There was an error when executing cell"


def open_page(page: Page, server, path: str) -> None:
    """Open one notebook in app mode and wait until Voila has run it and drawn its widgets."""
    page.goto(server.url(f"voila/render/{path}"))
    wait_rendered(page, path)


def wait_rendered(page: Page, path: str) -> None:
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=90_000)
    expect(page.locator(".gf-contacts-widget")).to_have_count(view_count(path, "crisis-contacts"))
    expect(page.locator(".gf-exercise")).to_have_count(len(exercise_ids(path)))


def problems(page: Page) -> list[str]:
    shown = page.locator(".goingfirst-problem, .jp-OutputArea-output[data-mime-type*='stderr']").all_inner_texts()
    return shown + ([ERROR_TEXT] if ERROR_TEXT in page.locator("#rendered_cells").inner_text() else [])


def assert_nothing_fetched_from_elsewhere(network, mark) -> None:
    attempts, refused = network.since(mark)
    assert attempts == []
    assert [url for url in refused if not url.startswith(VOILA_TEMPLATE_LINKS)] == []


@pytest.mark.browser
@pytest.mark.parametrize("path", NOTEBOOKS)
def test_does_every_notebook_render_as_an_accessible_page_in_the_app(app, path: str) -> None:
    page, mark = app.page, app.network.mark()
    open_page(page, app.server, path)
    assert problems(page) == []
    # No code: Voila strips every input, so not even the one-line calls show.
    expect(page.locator(".jp-CodeCell .jp-InputArea")).to_have_count(0)
    expect(page.get_by_text("from goingfirst import")).to_have_count(0)
    assert serious_accessibility_problems(page) == []
    full_screenshot(page, page.locator("#rendered_cells"), artifact("app", path))
    assert_nothing_fetched_from_elsewhere(app.network, mark)


@pytest.mark.browser
def test_does_the_app_start_at_the_contents_page(app) -> None:
    page = app.page
    page.goto(app.server.url(""))
    course = load_course()
    assert urlsplit(page.url).path == f"/voila/render/{course.lessons[0].lesson_path}"
    contents = page.locator(".gf-course-map")
    for lesson in course.lessons:
        expect(contents.get_by_role("link", name=lesson.label, exact=True)).to_have_attribute(
            "href", f"../{lesson.lesson_path}"
        )


@pytest.mark.browser
def test_do_next_and_previous_links_move_between_lessons(app) -> None:
    course = load_course()
    first, second = course.lessons[0], course.lessons[1]
    page = app.page
    open_page(page, app.server, first.lesson_path)
    page.get_by_role("link", name=f"{second.label} →").first.click()
    page.wait_for_url(f"**/voila/render/{second.lesson_path}")
    wait_rendered(page, second.lesson_path)
    page.get_by_role("link", name=f"← {first.label}").first.click()
    page.wait_for_url(f"**/voila/render/{first.lesson_path}")
    wait_rendered(page, first.lesson_path)


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_does_every_link_between_notebooks_lead_to_an_app_page(path: str) -> None:
    """Do the relative .ipynb links (navigation, course map) resolve to /voila/render/<a course notebook>?

    Voila needs no rewriting: every course notebook that exists is rendered by
    the test above, so a link that resolves to one of them works in the app.
    """
    listed = {notebook for _, notebook in load_course().notebooks()}
    page = f"http://127.0.0.1:8866/voila/render/{path}"
    links = notebook_links(path)
    assert links, "every notebook has generated navigation"
    for href in links:
        target = urlsplit(urljoin(page, href)).path
        assert target.removeprefix("/voila/render/") in listed, f"{href} leads to {target}"


def notebook_links(path: str) -> list[str]:
    """Links to notebooks in the markdown of one notebook."""
    text = "\n".join(cell.source for cell in nbformat.read(ROOT / path, as_version=4).cells if cell.cell_type == "markdown")
    return sorted(set(re.findall(r"\]\(([^)#\s]+\.ipynb)\)", text)))


def status(server, path: str, token: bool = True, host: str | None = None) -> tuple[int, str]:
    """Status and Location of one request, without following redirects or rendering anything."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    headers = {"Host": host} if host else {}
    try:
        connection.request("GET", f"{path}?token={server.token}" if token else path, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", list(TRIED), ids=[f"{path}:{','.join(s.id for s in specs)}" for path, specs in TRIED.items()])
def test_are_answers_given_in_the_app_saved_and_back_after_reload(app, path: str) -> None:
    page, server = app.page, app.server
    open_page(page, server, path)
    body = page.locator("#rendered_cells")
    attempts = []
    for spec in TRIED[path]:
        attempt = answer(exercise_box(body, spec.id), spec, server.saved_answer)
        # The same journal as JupyterLab: GOINGFIRST_HOME, read as `goingfirst journal` would.
        wait_for_saved(server.saved_answer, attempt)
        attempts.append(attempt)
    page.reload()
    wait_rendered(page, path)
    for attempt in attempts:
        assert_came_back(exercise_box(body, attempt.spec.id), attempt)


@pytest.mark.browser
def test_does_leaving_a_page_stop_its_kernel(app) -> None:
    page = app.page
    first, second = NOTEBOOKS[0], NOTEBOOKS[1]
    open_page(page, app.server, first)
    kernel = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
    open_page(page, app.server, second)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            app.server.api("GET", f"api/kernels/{kernel}")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            return
        time.sleep(0.5)
    pytest.fail(f"The kernel of {first} was still running 20 s after the learner left the page.")


@pytest.mark.browser
def test_does_the_app_answer_only_this_computer_with_its_token(app_server) -> None:
    start = f"/voila/render/{app_mode.start_page()}"
    assert status(app_server, "/") == (302, f"{start}?token={app_server.token}")
    # Without the token: the login page, not the course.
    code, location = status(app_server, start, token=False)
    assert code == 302 and location.startswith("/login")
    # A web page on another site whose name is made to point at 127.0.0.1 is refused.
    assert status(app_server, start, host=f"attacker.example:{app_server.port}")[0] == 403


def test_does_the_app_command_line_keep_the_course_private_and_code_free() -> None:
    arguments = app_mode.voila_arguments(port=9999, token="secret", browser=False)
    for expected in (
        "--Voila.ip=127.0.0.1",
        "--Voila.port=9999",
        "--Voila.token=secret",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.template=lab",
        "--VoilaConfiguration.theme=light",
        "--no-browser",
    ):
        assert expected in arguments
    assert arguments[0] == str(ROOT)


def test_does_every_app_start_get_a_new_token() -> None:
    first, second = (app_mode.voila_arguments(browser=False) for _ in range(2))
    tokens = [next(a for a in arguments if a.startswith("--Voila.token=")) for arguments in (first, second)]
    assert tokens[0] != tokens[1] and len(tokens[0]) > 30
