"""The boundary builder's feedback: whose action it is, readiness, and the safety pointer."""

from __future__ import annotations

import pytest

from goingfirst.feedback import boundary_check, respond
from goingfirst.models import make_model
from goingfirst.paths import course_root
from goingfirst.specs import load_file


def _spec():
    specs = load_file(course_root() / "exercises/specs/04-boundaries-not-ultimatums.toml")
    return next(spec for spec in specs if spec.id == "boundary-builder")


SPEC = _spec()
CALM = {"when": "we start raising our voices", "need": "to stay calm enough to listen"}


def notes_for(action="take a break and come back in an hour", ready=9, **fields):
    answer = {**CALM, "action": action, **fields}
    if ready is not None:
        answer["ready"] = ready
    model = make_model(SPEC, {"fields": {key: value for key, value in answer.items() if value != ""}})
    return boundary_check.respond(model, lambda exercise_id: None)


def titles(notes):
    return [note.title for note in notes]


@pytest.mark.parametrize(
    "action",
    [
        "you will stop shouting at me",
        "You'll come to therapy with me",
        "you must apologise",
        "you have to listen",
        "you need to book a counsellor",
        "make you go to counselling",
        "they will stop drinking",
        "he will come home on time",
        "she'll stop checking my phone",
        "my partner will change",
        "tell them they have to come or else",
        "you\u2019ll stop",  # a curly apostrophe, as phones type it
    ],
)
def test_is_a_demand_on_the_partner_flagged(action):
    """Does an action that puts the change on the partner get a 'try' note explaining boundaries?"""
    notes = notes_for(action)
    demand = [note for note in notes if note.title == "This part asks your partner to change"]
    assert len(demand) == 1
    assert demand[0].tone == "try"
    assert "what you will do" in demand[0].text
    assert "This step is yours" not in titles(notes)


@pytest.mark.parametrize(
    "action",
    ["take a break and come back in an hour", "go for a walk", "make you a cup of tea and go to bed"],
)
def test_is_an_action_the_learner_controls_praised(action):
    """Does an action the learner controls get a positive note and no demand note?"""
    notes = notes_for(action)
    assert "This step is yours" in titles(notes)
    assert "This part asks your partner to change" not in titles(notes)


def test_does_a_leading_i_will_get_a_tip():
    """If the action repeats 'I will', is the learner told the sentence already says it?"""
    yours = next(note for note in notes_for("I'll go for a walk") if note.title == "This step is yours")
    assert yours.tone == "good" and "already says" in yours.points[0]


def test_does_an_empty_action_ask_for_one():
    """With no action written, does the learner get a nudge to add one?"""
    assert "Add what you will do" in titles(notes_for(action=""))


@pytest.mark.parametrize(
    "ready, tone, words",
    [
        (0, "try", "turn into a threat"),
        (4, "try", "smaller step"),
        (5, "info", "easier to follow through"),
        (7, "info", "easier to follow through"),
        (8, "good", "calm moment"),
        (10, "good", "calm moment"),
    ],
)
def test_does_readiness_get_the_note_for_its_band(ready, tone, words):
    """Do 0-4, 5-7 and 8-10 each get their own note, with the edges in the right band?"""
    last = notes_for(ready=ready)[-1]
    assert last.tone == tone
    assert words in last.text


def test_does_missing_readiness_ask_for_a_number():
    """With no readiness number, is the learner asked to choose one?"""
    assert notes_for(ready=None)[-1].title == "How ready are you to follow through?"


@pytest.mark.parametrize(
    "fields",
    [
        {"action": "leave and stay with my brother"},
        {"action": "move out for a while"},
        {"when": "you hit the wall"},
        {"when": "I feel scared of you"},
        {"when": "you threaten me"},
        {"when": "I feel hurt and afraid"},
        {"action": "start thinking about separating"},
    ],
)
def test_is_the_safety_line_added_for_leaving_fear_or_harm(fields):
    """Do words about leaving, fear or harm in 'when' or 'action' add the Lesson 5 pointer first?"""
    notes = notes_for(**fields)
    assert notes[0] is boundary_check.SAFETY_NOTE
    assert notes[0].tone == "warning" and "Lesson 5" in notes[0].text


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"action": "leave the room and come back in an hour"},
        {"need": "to not feel scared"},  # the need box is not scanned, only when and action
    ],
)
def test_is_the_safety_line_left_out_when_nothing_calls_for_it(fields):
    """Is the safety note absent for a calm boundary, including leaving the room for a while?"""
    assert boundary_check.SAFETY_NOTE not in notes_for(**fields)


def test_is_the_safety_line_added_even_with_a_demand():
    """Does the safety pointer come even when the action is also a demand?"""
    notes = notes_for("you will stop or I am leaving")
    assert notes[0] is boundary_check.SAFETY_NOTE
    assert "This part asks your partner to change" in titles(notes)


def test_is_a_need_about_the_partner_gently_reframed():
    """Is 'I need you to ...' met with a note to look for the need underneath?"""
    assert "Look for the need underneath" in titles(notes_for(need="you to respect me"))
    assert "Look for the need underneath" not in titles(notes_for(need="respect and rest"))


def test_does_an_empty_builder_give_no_feedback():
    """Before anything is written, is there nothing to say?"""
    model = make_model(SPEC, None)
    assert boundary_check.respond(model, lambda exercise_id: None) == []


def test_does_the_course_respond_reach_boundary_check():
    """Does goingfirst.feedback.respond find this module through the spec's feedback name?"""
    model = make_model(SPEC, {"fields": {**CALM, "action": "you will stop", "ready": 2}})
    notes = respond(model, lambda exercise_id: None)
    assert "This part asks your partner to change" in titles(notes)
    assert notes[-1].tone == "try"


def test_is_the_composed_sentence_read_naturally():
    """Does the builder's template turn the three boxes into one boundary sentence?"""
    model = make_model(SPEC, {"fields": {**CALM, "action": "take a break."}})
    assert model.composed() == (
        "When we start raising our voices, I will take a break, because I need to stay calm "
        "enough to listen."
    )
