"""The safety check: routing rules over ticked item ids, and the feedback each route gives."""

from __future__ import annotations

import pytest

from goingfirst import safety_routing
from goingfirst.feedback import respond, safety_check
from goingfirst.models import make_model
from goingfirst.paths import course_root
from goingfirst.specs import load_file


def _spec():
    specs = load_file(course_root() / "exercises/specs/05-safety-first.toml")
    return next(spec for spec in specs if spec.id == safety_routing.SAFETY_CHECK)


SPEC = _spec()
RULES = safety_routing.rules_from(SPEC)
HIGH_RISK = sorted(RULES.high_risk)
CONTROL = sorted(RULES.control)


def feedback_for(checked, other=""):
    model = make_model(SPEC, {"checked": list(checked), "other": other})
    return safety_check.respond(model, lambda exercise_id: None)


def test_does_every_item_belong_to_exactly_one_rule():
    """Is every safety-check item either a high-risk sign or a sign of control, never both?"""
    item_ids = {item.id for item in SPEC.items}
    assert RULES.high_risk | RULES.control == item_ids
    assert not RULES.high_risk & RULES.control


def test_does_the_spec_list_the_signs_the_lesson_names():
    """Are there eight high-risk signs and nine signs of control, as the lesson describes?"""
    assert len(RULES.high_risk) == 8
    assert len(RULES.control) == 9


@pytest.mark.parametrize("item_id", HIGH_RISK)
def test_does_each_high_risk_item_alone_route_high_risk(item_id):
    """Does ticking any one high-risk sign, with nothing else, route to high risk?"""
    assert safety_routing.route({item_id}, RULES) == safety_routing.HIGH_RISK


@pytest.mark.parametrize("item_id", CONTROL)
def test_does_each_control_item_alone_route_control(item_id):
    """Does ticking any one sign of control, with nothing else, route to control?"""
    assert safety_routing.route({item_id}, RULES) == safety_routing.CONTROL


@pytest.mark.parametrize("high, control", [(HIGH_RISK[0], CONTROL[0]), (HIGH_RISK[-1], CONTROL[-1])])
def test_does_a_mix_route_high_risk(high, control):
    """Does a high-risk sign win when it is ticked together with signs of control?"""
    assert safety_routing.route({control, high}, RULES) == safety_routing.HIGH_RISK
    assert safety_routing.route(CONTROL + [high], RULES) == safety_routing.HIGH_RISK


def test_does_nothing_ticked_route_none():
    """Does an empty answer route to none?"""
    assert safety_routing.route(set(), RULES) == safety_routing.NONE


def test_are_unknown_ids_ignored():
    """Are ids the rules do not know ignored, alone and alongside known ones?"""
    assert safety_routing.route({"no-such-item"}, RULES) == safety_routing.NONE
    assert safety_routing.route({"no-such-item", CONTROL[0]}, RULES) == safety_routing.CONTROL


def test_does_route_read_the_course_spec_by_default():
    """Without rules passed in, does route use the course's own safety-check spec?"""
    assert safety_routing.route({HIGH_RISK[0]}) == safety_routing.HIGH_RISK
    assert safety_routing.route({CONTROL[0]}) == safety_routing.CONTROL
    assert safety_routing.route([]) == safety_routing.NONE


def test_is_high_risk_feedback_urgent_and_complete():
    """Does high risk give urgent advice: an advocate now, no couples therapy or pressure, safe devices?"""
    notes = feedback_for([HIGH_RISK[0], CONTROL[0]])
    assert [note.tone for note in notes] == ["urgent"]
    words = (notes[0].text + " ".join(notes[0].points)).lower()
    assert "advocate" in words and "contacts are at the end of this lesson" in words
    assert "couples therapy is not recommended" in words
    assert "ultimatums" in words and "boundaries" in words
    assert "never had access" in words


def test_is_control_feedback_a_warning_about_coercive_control():
    """Does control alone give a warning that names coercive control and points to an advocate?"""
    notes = feedback_for([CONTROL[0]])
    assert [note.tone for note in notes] == ["warning"]
    assert "coercive control" in notes[0].title.lower() + notes[0].text.lower()
    assert "advocate" in notes[0].text


def test_does_nothing_ticked_give_a_gentle_note():
    """With nothing ticked, is the note informational and an invitation to come back?"""
    notes = feedback_for([])
    assert [note.tone for note in notes] == ["info"]
    assert "come back" in notes[0].text


def test_is_something_else_acknowledged_when_nothing_is_ticked():
    """If nothing is ticked but the learner wrote something, is it acknowledged?"""
    notes = feedback_for([], other="They read my diary.")
    assert [note.title for note in notes] == [
        safety_routing.message(safety_routing.NONE).title,
        safety_routing.SOMETHING_ELSE.title,
    ]


def test_does_the_course_respond_route_through_this_module():
    """Does goingfirst.feedback.respond reach safety_check through the spec's feedback name?"""
    model = make_model(SPEC, {"checked": [HIGH_RISK[0]], "other": ""})
    assert [note.tone for note in respond(model, lambda exercise_id: None)] == ["urgent"]


def test_does_an_unknown_saved_id_not_break_the_check():
    """Does a saved answer with an id that no longer exists fall back calmly?"""
    model = make_model(SPEC, {"checked": ["retired-item"], "other": ""})
    assert [note.tone for note in safety_check.respond(model, lambda exercise_id: None)] == ["info"]
