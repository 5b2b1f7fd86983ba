"""The handout exporter on notebooks built in memory: what prints, and what never does."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbconvert.exporters import get_exporter

from goingfirst import cells
from goingfirst.handouts import CellError
from goingfirst.handouts.command import export_notebook, make_exporter
from goingfirst.handouts.exporter import HandoutExporter
from goingfirst.journal import Journal
from goingfirst.notebook_sync import NOT_THERAPY
from tests.handouts.conftest import notebook_with, outline

pytestmark = pytest.mark.usefixtures("fixture_course")


def handout(notebook: nbformat.NotebookNode, folder: Path | None = None, **options) -> str:
    return export_notebook(make_exporter(**options), notebook, folder or Path("."), "test")


def markdown(source: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(source)


def test_does_nbconvert_find_the_exporter_by_name() -> None:
    """Is ``--to handout`` registered through the nbconvert.exporters entry point?"""
    assert get_exporter("handout") is HandoutExporter


def test_does_an_exercise_cell_print_as_a_worksheet_and_no_code_prints() -> None:
    """Does every code cell vanish (source and outputs) while exercises become worksheets?"""
    plain = nbformat.v4.new_code_cell("print('internal detail')")
    plain.outputs = [nbformat.v4.new_output("stream", text="internal output")]
    raw = nbformat.v4.new_raw_cell("<b>author raw</b>")
    page = handout(notebook_with(markdown("# Title"), cells.exercise_cell("fx-scale"), plain, raw))
    assert 'class="gf-exercise gf-kind-scale"' in page
    for never in ("goingfirst import", "internal detail", "internal output", "author raw", "<pre", "<code"):
        assert never not in page


def test_does_the_page_have_one_h1_and_landmarks_and_say_it_is_english() -> None:
    """Does a notebook without the generated header still get exactly one h1 and every landmark?"""
    page = outline(handout(notebook_with(cells.exercise_cell("fx-reflection"))))
    assert page.lang == "en"
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    assert {"header", "main", "footer"} <= set(page.landmarks)


@pytest.mark.parametrize(
    ("before", "expected"),
    [([], 2), (["## A section"], 3), (["## A section", "### A part"], 4)],
)
def test_does_a_worksheet_heading_sit_one_level_under_the_text_before_it(before, expected) -> None:
    """Does an exercise after the h1 get an h2 (never an h3), and one under an h2 get an h3?"""
    notebook = notebook_with(markdown("# Title"), *map(markdown, before), cells.exercise_cell("fx-checklist"))
    page = handout(notebook)
    assert re.search(rf'<h{expected} id="exercise-fx-checklist-title">', page)
    levels = outline(page).headings
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:]))


def test_do_links_between_notebooks_point_to_handouts_and_web_links_stay() -> None:
    """Does ``x.ipynb#part`` become ``x.html#part`` while https links are untouched?"""
    page = handout(notebook_with(markdown(
        "[next](../lessons/02-b.ipynb#top) [same](03-c.ipynb) [web](https://example.org/a.ipynb)"
    )))
    assert 'href="../lessons/02-b.html#top"' in page
    assert 'href="03-c.html"' in page
    assert 'href="https://example.org/a.ipynb"' in page


def test_is_an_image_from_assets_put_in_the_page(fixture_course: Path) -> None:
    """Does a markdown image from assets/ become a data: URI, so the page needs no other file?"""
    page = handout(notebook_with(markdown("![A diagram](../assets/diagram.png)")), fixture_course / "lessons")
    assert re.search(r'<img alt="A diagram" src="data:image/png;base64,[A-Za-z0-9+/=]+"', page)


def test_is_an_image_from_the_web_left_out_but_described() -> None:
    """Does an image on the web print as its description, with no request made for it?"""
    page = handout(notebook_with(markdown('![A chart](https://example.org/chart.png) <img src="//cdn.example/x.png" alt="Logo">')))
    assert "example.org/chart.png" not in page and "cdn.example" not in page
    assert "A chart (not included: it is on the web)" in page
    assert "Logo (not included: it is on the web)" in page


def test_does_a_missing_image_name_its_cell(fixture_course: Path) -> None:
    """Is a broken image reported with the number of the cell that holds it?"""
    notebook = notebook_with(markdown("# Title"), markdown("text"), markdown("![Gone](../assets/gone.png)"))
    with pytest.raises(CellError, match=r"cell 3: the image '../assets/gone.png' was not found"):
        handout(notebook, fixture_course / "lessons")


def test_does_an_unknown_exercise_name_its_cell_as_the_author_counts() -> None:
    """Is the cell numbered as in the notebook, even though the header is split in two?"""
    header = cells.generated_cell("header", "[Back](a.ipynb)\n\n# Title")
    notebook = notebook_with(header, markdown("text"), cells.exercise_cell("no-such-id"))
    with pytest.raises(CellError, match=r"^cell 3: there is no exercise called 'no-such-id'"):
        handout(notebook)


def test_does_every_handout_end_with_the_note_and_contacts_for_the_chosen_region() -> None:
    """Is the footer the not-therapy note, then the chosen region's contacts, and only once?"""
    notebook = notebook_with(markdown("# Title"), markdown("Body text."))
    page = handout(notebook, region="UK")
    footer = page[page.index("<footer"):]
    assert "This course is education, not therapy." in footer
    assert footer.index("not therapy") < footer.index("Help now: Second Testland")
    assert "Other Test Line" in footer and "Test Helpline" not in page
    assert page.count("This course is education, not therapy.") == 1
    assert NOT_THERAPY.startswith("**This course is education, not therapy.**")


def test_is_the_generated_footer_not_printed_twice() -> None:
    """Do the notebook's own footer note and crisis cell give way to the handout's footer?"""
    notebook = notebook_with(
        markdown("# Title"),
        cells.generated_cell("footer", "---\n\n" + NOT_THERAPY),
        cells.view_cell("crisis-contacts"),
        cells.generated_cell("footer-navigation", "---\n\n[Next](b.ipynb)"),
    )
    page = handout(notebook)
    assert page.count("Help now: Testland") == 1
    assert page.count("education, not therapy") == 1
    assert '<nav aria-label="More lessons" class="gf-nav"><p><a href="b.html">Next</a>' in page


def test_is_there_an_answer_key_only_when_the_notebook_has_a_quiz() -> None:
    """Does the key list each quiz answer with its explanation, and stay out otherwise?"""
    with_quiz = handout(notebook_with(markdown("# T"), cells.exercise_cell("fx-quiz")))
    without = handout(notebook_with(markdown("# T"), cells.exercise_cell("fx-scale")))
    key = with_quiz[with_quiz.index("Answer key"):]
    assert "It is a demand under threat." in key and "A gentler way to say it" in key
    assert with_quiz.index("Answer key") < with_quiz.index("<footer")
    assert "Answer key" not in without


def test_is_a_private_answer_printed_only_if_the_learner_kept_it(journal: Journal) -> None:
    """Does a private exercise print blank unless its answer is in the journal, and only with answers?"""
    notebook = notebook_with(markdown("# T"), cells.exercise_cell("fx-private"))
    assert "Only for me" not in handout(notebook, with_answers=True)
    journal.save("fx-private", "Only for me")
    assert "Only for me" in handout(notebook, with_answers=True)
    assert "Only for me" not in handout(notebook, with_answers=False)


def test_does_a_blank_worksheet_show_feedback_only_for_the_pattern_loop(journal: Journal) -> None:
    """Does the loop drawing print blank, while other feedback waits for a filled handout?"""
    notebook = notebook_with(markdown("# T"), cells.exercise_cell("fx-pattern"), cells.exercise_cell("fx-gate"))
    blank = handout(notebook)
    assert "<svg" in blank and "Your pattern as a loop" in blank
    assert "Safety can change" not in blank and "Lesson 5, Safety first" not in blank
    journal.save("fx-gate", {"checked": ["afraid"], "other": ""})
    filled = handout(notebook, with_answers=True)
    assert "Please read Lesson 5, Safety first" in filled


def test_are_saved_answers_printed_as_text(journal: Journal) -> None:
    """Is learner text escaped, never markup, in every kind of worksheet?"""
    journal.save("fx-reflection", "<b>bold?</b> & <i>")
    page = handout(notebook_with(markdown("# T"), cells.exercise_cell("fx-reflection")), with_answers=True)
    assert "&lt;b&gt;bold?&lt;/b&gt; &amp; &lt;i&gt;" in page
    assert "<b>bold?</b>" not in page


def test_is_the_organisation_name_printed_as_text() -> None:
    """Is --org escaped, and printed in the banner and at the end?"""
    page = handout(notebook_with(markdown("# T")), org="Clinic <script>x</script> & Co")
    assert page.count("Clinic &lt;script&gt;x&lt;/script&gt; &amp; Co") == 2
    assert "<script" not in page


def test_do_the_views_print_a_table_a_note_and_contacts() -> None:
    """Is the course map a table of links, the journal status a neutral note (no folder path)?"""
    notebook = notebook_with(
        markdown("# T"), markdown("## Map"), cells.view_cell("course-map"),
        cells.view_cell("journal-status"), cells.view_cell("crisis-contacts"),
    )
    notebook.metadata[cells.KEY] = {"lesson": "01", "kind": "lesson"}
    page = handout(notebook)
    assert '<a href="../lessons/01-every-kind.html">Lesson 1: Every kind of exercise</a>' in page
    assert "A lesson not written yet <span class=\"gf-soon\">(coming soon)</span>" in page
    assert "kept only on that computer" in page and "goingfirst-home" not in page
    assert '<h3 id="contacts-us">Help now: Testland</h3>' in page


def test_does_the_page_forbid_every_request_and_script() -> None:
    """Does the page carry a policy that blocks scripts and anything fetched, as a second guard?"""
    page = handout(notebook_with(markdown("# T")))
    assert "default-src 'none'; img-src data:; style-src 'unsafe-inline'" in page
    assert "<script" not in page and "<link" not in page


def test_is_a_pasted_image_attachment_put_in_the_page() -> None:
    """Does an image pasted into a cell (an attachment) print from the page itself?"""
    cell = markdown("![Pasted](attachment:pasted.png)")
    cell.attachments = {"pasted.png": {"image/png": "iVBORw0KGgo="}}
    page = handout(notebook_with(markdown("# T"), cell))
    assert '<img alt="Pasted" src="data:image/png;base64,iVBORw0KGgo="' in page


def test_does_a_blank_handout_never_open_the_journal(private_home: Path) -> None:
    """Is the learner's journal left untouched (not even created) when no answers are wanted?"""
    handout(notebook_with(markdown("# T"), cells.exercise_cell("fx-reflection"), cells.exercise_cell("fx-pattern")))
    assert not private_home.exists()
