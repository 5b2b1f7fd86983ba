"""The pattern mapper's loop drawing and its note on where the loop can change."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from goingfirst.feedback import pattern_cycle, respond
from goingfirst.models import make_model
from goingfirst.paths import course_root
from goingfirst.specs import load_file

SVG = "{http://www.w3.org/2000/svg}"


def _spec():
    specs = load_file(course_root() / "exercises/specs/02-the-pattern-between-you.toml")
    return next(spec for spec in specs if spec.id == "pattern-mapper")


SPEC = _spec()
FULL = {
    "my-move": "bring up therapy again",
    "their-move": "sighs and turns away",
    "i-feel": "alone and not important",
    "i-do-next": "push harder and raise my voice",
}


def notes_for(**fields):
    model = make_model(SPEC, {"fields": fields})
    return pattern_cycle.respond(model, lambda exercise_id: None)


def drawing_for(**fields) -> str:
    return notes_for(**fields)[0].svg


def texts(svg: str) -> list[str]:
    return [node.text or "" for node in ET.fromstring(svg).iter(f"{SVG}text")]


def test_does_the_exercise_use_this_module_with_four_text_fields() -> None:
    """Does the real spec name this module and give it the four steps it draws?"""
    assert SPEC.feedback == "pattern_cycle"
    assert [item.id for item in SPEC.items if item.type == "text"] == [
        "my-move", "their-move", "i-feel", "i-do-next",
    ]


def test_does_it_answer_with_a_drawing_and_a_note() -> None:
    """Does the learner get one drawing and one plain-text note, both as info?"""
    notes = notes_for(**FULL)
    assert [note.tone for note in notes] == ["info", "info"]
    assert notes[0].svg.startswith("<svg") and notes[1].svg == ""


def test_are_the_four_steps_drawn_in_order_with_their_labels() -> None:
    """Do the four labelled boxes appear in loop order, each with the learner's words?"""
    svg = drawing_for(**FULL)
    root = ET.fromstring(svg)
    assert len(list(root.iter(f"{SVG}rect"))) == 4
    assert len([path for path in root.iter(f"{SVG}path") if path.get("marker-end")]) == 4
    shown = texts(svg)
    order = [shown.index(f"{n}. {item.label}") for n, item in enumerate(SPEC.items, 1)]
    assert order == sorted(order)
    for words in FULL.values():
        assert words in " ".join(shown)


def test_is_every_learner_string_escaped() -> None:
    """Does markup typed by the learner stay text, in the boxes and in the description?"""
    svg = drawing_for(**{**FULL, "their-move": '<script>alert("x")</script> & <b>'})
    assert "<script" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "&amp;" in svg
    root = ET.fromstring(svg)  # still well-formed XML
    assert "<script>" in root.find(f"{SVG}desc").text


def test_does_an_empty_step_show_a_blank_line_to_write_on() -> None:
    """Does a missing answer become the blank '______' with writing lines under it?"""
    svg = drawing_for(**{**FULL, "i-feel": "   "})
    assert texts(svg).count(pattern_cycle.BLANK) == 1
    assert len(list(ET.fromstring(svg).iter(f"{SVG}line"))) >= 2


def test_does_an_unanswered_exercise_give_a_blank_worksheet() -> None:
    """With nothing filled in, are all four steps blank, ready to print?"""
    svg = drawing_for()
    assert texts(svg).count(pattern_cycle.BLANK) == 4


def test_is_long_text_wrapped_and_cut_to_fit_its_box() -> None:
    """Does a long answer wrap to short lines and end with an ellipsis when cut?"""
    svg = drawing_for(**{**FULL, "my-move": "ask again " * 40})
    lines = [line for line in texts(svg) if "ask again" in line]
    assert 1 < len(lines) <= pattern_cycle.MAX_LINES
    assert all(len(line) <= pattern_cycle.WRAP for line in lines)
    assert lines[-1].endswith("…")


@pytest.mark.parametrize("awful", ['<&>"' * 300, "&" * 2000, "& " * 1000, "W" * 2000])
def test_does_the_drawing_stay_small_even_with_long_awkward_text(awful: str) -> None:
    """Is the SVG under 6 KB when every field is long and full of characters to escape?"""
    svg = drawing_for(**{key: awful for key in FULL})
    assert len(svg.encode("utf-8")) < 6 * 1024


def test_is_the_drawing_accessible_and_self_contained() -> None:
    """Does it carry role, title, desc and a viewBox, with no scripts or outside links?"""
    svg = drawing_for(**FULL)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("viewBox")
    assert root.get("width") == "100%" and "max-width:560px" in root.get("style")
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    assert "script" not in svg.lower().replace("&lt;script", "")
    assert "href" not in svg and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert {node.get("font-family") for node in root.iter() if node.get("font-family")} == {"sans-serif"}


def test_does_the_note_name_the_learners_own_next_step() -> None:
    """When step 4 is filled in, does the note offer to swap that very move?"""
    note = notes_for(**FULL)[1]
    assert any("push harder and raise my voice" in point for point in note.points)
    assert any("alone and not important" in point for point in note.points)


def test_does_the_note_still_help_when_steps_are_empty() -> None:
    """With steps 3 and 4 blank, does the note still point to the learner's own step?"""
    note = notes_for(**{"my-move": "ask again"})[1]
    assert "your partner's step" in note.text
    assert note.points and not any('""' in point for point in note.points)


def test_does_the_drawing_refuse_the_wrong_number_of_steps() -> None:
    """Does asking for a loop of three steps raise a clear error?"""
    with pytest.raises(ValueError, match="exactly 4"):
        pattern_cycle.cycle_svg([("One", ""), ("Two", ""), ("Three", "")])


def test_does_the_shared_respond_reach_this_module() -> None:
    """Does goingfirst.feedback.respond find the module from the spec's name?"""
    model = make_model(SPEC, {"fields": FULL})
    notes = respond(model, lambda exercise_id: None)
    assert notes[0].title == "Your pattern as a loop"
