"""The readiness chart: an SVG of both rulers over time, and a note on the latest change."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from goingfirst.feedback import readiness_chart, respond
from goingfirst.models import make_model
from goingfirst.specs import parse_spec

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def spec():
    return parse_spec(
        {
            "id": "readiness-rulers",
            "kind": "log",
            "title": "Readiness rulers",
            "why": "Why.",
            "prompt": "Rate both.",
            "feedback": "readiness_chart",
            "items": [
                {"id": "importance", "label": "How important?", "type": "scale"},
                {"id": "confidence", "label": "How confident?", "type": "scale"},
                {"id": "note", "label": "Note"},
            ],
        },
        "07",
    )


def entry(day: str, importance=None, confidence=None, note=None) -> dict:
    fields = {"importance": importance, "confidence": confidence, "note": note}
    return {"date": day, "fields": {key: value for key, value in fields.items() if value is not None}}


def notes_for(spec, *entries):
    return readiness_chart.respond(make_model(spec, {"entries": list(entries)}), lambda _: None)


def test_no_entries_gives_a_note_and_no_chart(spec):
    """With no entries, is there a note that the chart comes later, and no SVG?"""
    notes = notes_for(spec)
    assert len(notes) == 1
    assert "after your first entry" in notes[0].text
    assert notes[0].svg == ""


def test_entries_with_only_notes_draw_no_chart(spec):
    """If no entry has a number yet, is the chart held back?"""
    notes = notes_for(spec, entry("2026-01-05", note="Just thinking"))
    assert len(notes) == 1
    assert notes[0].svg == ""


def test_one_entry_draws_points_but_no_lines(spec):
    """With one entry, are there two markers and no line?"""
    svg = notes_for(spec, entry("2026-01-05", 8, 3))[0].svg
    root = ET.fromstring(svg)
    assert root.findall(f".//{SVG}polyline") == []
    assert len(root.findall(f".//{SVG}circle")) == 2  # one data point, one legend marker
    assert len(root.findall(f".//{SVG}rect")) == 1 + 2  # background, data point, legend marker


def test_two_lines_differ_by_dash_and_marker_shape(spec):
    """Can the two lines be told apart without colour: one dashed with squares, one solid with circles?"""
    svg = notes_for(spec, entry("2026-01-05", 8, 3), entry("2026-01-19", 9, 5), entry("2026-02-02", 9, 6))[0].svg
    root = ET.fromstring(svg)
    lines = root.findall(f".//{SVG}polyline")
    assert len(lines) == 2
    assert [line.get("stroke-dasharray") is not None for line in lines] == [False, True]
    assert len(root.findall(f".//{SVG}circle")) == 3 + 1
    assert len(root.findall(f".//{SVG}rect")) == 1 + 3 + 1


def test_chart_is_accessible_and_self_contained(spec):
    """Does the SVG carry role, title, desc, legend and axis labels, and nothing external?"""
    svg = notes_for(spec, entry("2026-01-05", 8, 3), entry("2026-01-19", 9, 5))[0].svg
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Readiness rulers over time"
    assert "Importance went from 8 to 9" in root.find(f"{SVG}desc").text
    words = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    for label in ("Importance", "Confidence", "Your entries, by date", "Rating, 0 to 10", "5 Jan 2026"):
        assert label in words
    lowered = svg.lower()
    assert "<script" not in lowered and "href" not in lowered and "url(" not in lowered
    assert {element.get("font-family") for element in root.iter() if element.get("font-family")} == {"sans-serif"}


def test_learner_notes_never_reach_the_svg(spec):
    """Is the learner's free text kept out of the chart markup?"""
    svg = notes_for(spec, entry("2026-01-05", 5, 5, note="<script>alert('x')</script> secret"))[0].svg
    assert "secret" not in svg and "<script" not in svg
    ET.fromstring(svg)  # still well-formed XML


def test_entries_are_drawn_in_date_order(spec):
    """Are entries saved out of order drawn from the earliest date to the latest?"""
    notes = notes_for(spec, entry("2026-03-01", 9, 7), entry("2026-01-01", 2, 1))
    assert notes[0].text.startswith("2 entries, from 1 Jan 2026 to 1 Mar 2026.")
    assert "Importance went from 2 to 9" in notes[0].text


def test_a_missing_rating_leaves_a_gap_in_that_line_only(spec):
    """Does an entry without a confidence number still add an importance point?"""
    svg = notes_for(spec, entry("2026-01-05", 4, 3), entry("2026-01-12", 5), entry("2026-01-19", 6, 4))[0].svg
    root = ET.fromstring(svg)
    importance, confidence = root.findall(f".//{SVG}polyline")
    assert len(importance.get("points").split()) == 3
    assert len(confidence.get("points").split()) == 2


def test_high_importance_low_confidence_asks_about_one_point(spec):
    """When importance is high but confidence low, is the MI question about one point more?"""
    note = notes_for(spec, entry("2026-01-05", 8, 3))[1]
    assert note.tone == "info"
    assert "What would raise your confidence by one point?" in note.text
    assert note.points == ("Importance: 8 out of 10", "Confidence: 3 out of 10")


def test_a_drop_in_confidence_is_noticed(spec):
    """When confidence falls, does the note name the change and the earlier number?"""
    note = notes_for(spec, entry("2026-01-05", 8, 6), entry("2026-01-19", 8, 4))[1]
    assert "went down from 6 to 4" in note.text
    assert "Confidence: 4 out of 10 (last time 6)" in note.points


def test_low_importance_is_respected(spec):
    """When importance is low, does the note accept it and ask why it is not lower?"""
    note = notes_for(spec, entry("2026-01-05", 3, 6))[1]
    assert "that is allowed" in note.text
    assert "Why is it a 3 and not a 0?" in note.text


def test_both_high_asks_for_a_next_step(spec):
    """When both numbers are high, does the note turn to a next step?"""
    note = notes_for(spec, entry("2026-01-05", 9, 8))[1]
    assert "smallest next step" in note.text


def test_the_spec_names_this_module(spec):
    """Does the shared respond() reach this module through the spec's feedback name?"""
    notes = respond(make_model(spec, {"entries": [entry("2026-01-05", 8, 3)]}), lambda _: None)
    assert notes[0].svg.startswith("<svg")
