"""Handouts in headless Chromium: nothing runs, nothing is fetched, axe finds nothing to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from goingfirst.journal import Journal
from goingfirst.specs import all_specs
from tests.handouts.answers import answer_for
from tests.handouts.conftest import AXE, Export, export, handouts_in

pytestmark = pytest.mark.browser

HOSTILE = (
    '<script>window.__gfPwned = 1; alert("script")</script>'
    '<img src="x" onerror="window.__gfPwned = 1; alert(\'img\')">'
    '<a href="javascript:window.__gfPwned = 1">click me</a>'
    '<svg onload="window.__gfPwned = 1"></svg>'
    '"><b onmouseover="window.__gfPwned = 1">break out</b>'
    "</div></section><iframe src=\"javascript:alert('frame')\"></iframe>"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
LIVE_MARKUP = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith("on")) found.push(element.tagName + " " + attribute.name);
      if (/^\\s*javascript:/i.test(attribute.value)) found.push(element.tagName + " " + attribute.name);
    }
  }
  for (const tag of ["script", "iframe", "object", "embed"]) {
    if (document.querySelector(tag)) found.push(tag);
  }
  return found;
}"""


def test_does_no_hostile_answer_run_or_become_markup(
    browser, fixture_course: Path, tmp_path: Path, journal: Journal
) -> None:
    """With the page's own script policy switched off, do hostile answers stay inert text?"""
    for spec in all_specs().values():
        assert journal.save(spec.id, answer_for(spec, HOSTILE)).saved
    assert export("--with-answers", "--out", str(tmp_path / "out")) == 0
    # bypass_csp: only escaping may protect the learner here, not the Content-Security-Policy.
    context = browser.new_context(bypass_csp=True, java_script_enabled=True)
    page = context.new_page()
    dialogs, requests = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    for handout in handouts_in(tmp_path / "out"):
        requests.clear()
        page.goto(handout.as_uri(), wait_until="load")
        page.mouse.move(200, 200)
        assert page.evaluate("() => window.__gfPwned") is None, handout.name
        assert page.evaluate(LIVE_MARKUP) == [], handout.name
        assert requests == [handout.as_uri()], handout.name
        if handout.parent.name == "exercises":
            assert '<script>window.__gfPwned = 1; alert("script")</script>' in page.inner_text("main")
    assert dialogs == []
    context.close()


def test_does_every_real_handout_load_with_the_network_blocked(browser, real_course: Export) -> None:
    """Does each real handout load completely offline, without even trying to fetch anything?"""
    context = browser.new_context()
    attempted = []

    def only_files(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    for handout in real_course.all():
        response = page.goto(handout.as_uri(), wait_until="load")
        assert response is not None and response.ok, handout
        assert page.evaluate("() => document.readyState") == "complete"
        assert page.title().endswith("Going First"), handout
    assert attempted == [] and failed == []
    context.close()


def test_does_axe_find_no_accessibility_violations_in_any_real_handout(browser, real_course: Export) -> None:
    """Does axe-core report zero WCAG 2.2 AA and best-practice violations, blank and filled?"""
    assert AXE.is_file(), "axe-core is missing: run npm ci"
    # The handouts forbid scripts; axe is the test's own script, so the policy is bypassed here.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    problems = {}
    for handout in real_course.all():
        page.goto(handout.as_uri(), wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found = [(rule["id"], len(rule["nodes"]), rule["help"]) for rule in result["violations"]]
        if found:
            problems[str(handout.relative_to(handout.parents[1]))] = found
    context.close()
    assert problems == {}


def test_does_the_print_stylesheet_keep_worksheets_whole_and_lines_visible(browser, real_course: Export) -> None:
    """In print, are navigation links hidden, writing lines ruled, headings kept with what follows?"""
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto((real_course.blank / "exercises" / "00-start-here.html").as_uri())
    style = page.evaluate(
        """() => {
          const get = (selector) => getComputedStyle(document.querySelector(selector));
          const line = get(".gf-line");
          return {
            nav: get(".gf-nav").display,
            lineBorder: line.borderBottomStyle, lineColor: line.borderBottomColor,
            lineHeight: parseFloat(line.height) / parseFloat(line.fontSize),
            heading: get("h2").breakAfter, item: get(".gf-item").breakInside,
          };
        }"""
    )
    assert style["nav"] == "none"
    assert style["lineBorder"] == "solid" and style["lineColor"] == "rgb(0, 0, 0)"
    assert 1.8 <= style["lineHeight"] <= 2.2
    assert style["heading"] == "avoid" and style["item"] == "avoid"
    for paper in ("A4", "Letter"):
        assert page.pdf(format=paper)[:4] == b"%PDF"
    page.close()
