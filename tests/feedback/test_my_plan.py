"""My plan: a summary of the learner's earlier answers, section by section."""

from __future__ import annotations

import pytest

from goingfirst.feedback import my_plan
from goingfirst.models import make_model
from goingfirst.specs import parse_spec

SPECS = {
    spec.id: spec
    for spec in (
        parse_spec(
            {
                "id": "behind-the-no",
                "kind": "scale",
                "title": "Behind the no",
                "why": "Why.",
                "prompt": "Rate each reason.",
                "items": [
                    {"id": "blame", "label": "Fear of being blamed"},
                    {"id": "cost", "label": "Cost"},
                    {"id": "pride", "label": "Pride"},
                    {"id": "time", "label": "No time"},
                    {"id": "doubt", "label": "Doubt that talking helps"},
                ],
            },
            "01",
        ),
        parse_spec(
            {
                "id": "boundary-builder",
                "kind": "builder",
                "title": "Boundary builder",
                "why": "Why.",
                "prompt": "Build it.",
                "template": "When {when}, I will {action}.",
                "items": [{"id": "when", "label": "When"}, {"id": "action", "label": "I will"}],
            },
            "04",
        ),
        parse_spec(
            {
                "id": "invitation-coach",
                "kind": "reflection",
                "title": "Invitation coach",
                "why": "Why.",
                "prompt": "Draft it.",
                "private": True,
            },
            "03",
        ),
        parse_spec(
            {
                "id": "experiments-log",
                "kind": "log",
                "title": "Experiments",
                "why": "Why.",
                "prompt": "Log it.",
                "items": [
                    {"id": "tried", "label": "What I tried"},
                    {"id": "happened", "label": "What happened"},
                    {"id": "learned", "label": "What I learned"},
                ],
            },
            "06",
        ),
        parse_spec(
            {
                "id": "readiness-rulers",
                "kind": "log",
                "title": "Rulers",
                "why": "Why.",
                "prompt": "Rate.",
                "items": [
                    {"id": "importance", "label": "How important is a change?", "type": "scale"},
                    {"id": "confidence", "label": "How confident am I?", "type": "scale"},
                    {"id": "note", "label": "Note"},
                ],
            },
            "07",
        ),
    )
}

PLAN = parse_spec(
    {
        "id": "my-plan",
        "kind": "builder",
        "title": "My plan",
        "why": "Why.",
        "prompt": "Plan.",
        "feedback": "my_plan",
        "items": [{"id": "step", "label": "My next step"}],
    },
    "07",
)

ANSWERS = {
    "behind-the-no": {"ratings": {"cost": 3, "blame": 8, "pride": 9, "time": 0, "doubt": 8}, "own": "A bad therapist once."},
    "pattern-mapper": {"fields": {"my-move": "I push to talk", "their-move": "They go quiet", "blank": "  "}},
    "invitation-coach": "  I miss us.\nWould you try one session with me?  ",
    "if-they-say-no": {"fields": {"reply": "Thank you for telling me."}},
    "boundary-builder": {"fields": {"when": "we start shouting", "action": "take an hour's break"}},
    "self-care-plan": {"checked": ["sleep", "friend"], "other": "Choir on Tuesdays"},
    "experiments-log": {
        "entries": [
            {"date": "2026-02-01", "fields": {"tried": "Evening check-in", "learned": "Keep it short"}},
            {"date": "2026-01-02", "fields": {"tried": "Shared coffee"}},
        ]
    },
    "readiness-rulers": {"entries": [{"date": "2026-02-01", "fields": {"importance": 8, "confidence": 4}}]},
    "decision-balance": {"fields": {"pause-draws": "Less tension"}},
    "safety-check": {"checked": ["afraid"], "other": "PRIVATE-SAFETY-TEXT"},
    "safe-people-places": {"fields": {"person": "PRIVATE-PLACE-TEXT"}},
}


def fake_get_spec(exercise_id: str):
    if exercise_id not in SPECS:
        raise KeyError(exercise_id)
    return SPECS[exercise_id]


@pytest.fixture(autouse=True)
def specs_from_the_test(monkeypatch):
    """Specs come from this file, never from other lessons' spec files."""
    monkeypatch.setattr(my_plan, "get_spec", fake_get_spec)


def summary(answers: dict) -> dict[str, tuple[str, ...]]:
    notes = my_plan.respond(make_model(PLAN), answers.get)
    assert all(note.tone == "info" for note in notes)
    return {note.title: note.points for note in notes}


def test_sections_follow_the_course_order():
    """Does every answered exercise get a section, in course order?"""
    assert list(summary(ANSWERS)) == [
        "What may sit behind their no",
        "The pattern between you",
        "Your invitation, in your words",
        "If they say no",
        "Your boundary",
        "How you will care for yourself",
        "Your latest experiment",
        "Your latest readiness rulers",
        "How you weigh the paths",
    ]


def test_unanswered_exercises_have_no_section():
    """Is a section left out when its exercise has no answer, or an empty one?"""
    titles = summary({"invitation-coach": "   ", "decision-balance": {"fields": {"pause-draws": "Rest"}}})
    assert list(titles) == ["How you weigh the paths"]


def test_private_safety_exercises_are_never_read():
    """Are safety-check and safe-people-places never even asked for?"""
    asked = []

    def answers(exercise_id):
        asked.append(exercise_id)
        return ANSWERS.get(exercise_id)

    notes = my_plan.respond(make_model(PLAN), answers)
    assert "safety-check" not in asked and "safe-people-places" not in asked
    everything = " ".join(" ".join(note.points) + note.text for note in notes)
    assert "PRIVATE" not in everything


def test_top_reasons_use_spec_labels_highest_first():
    """Are the three highest-rated reasons shown with their labels, ties in the exercise's order?"""
    points = summary(ANSWERS)["What may sit behind their no"]
    assert points == (
        "Pride (9 out of 10)",
        "Fear of being blamed (8 out of 10)",
        "Doubt that talking helps (8 out of 10)",
        "In your own words: A bad therapist once.",
    )


def test_reasons_fall_back_to_readable_ids_without_a_spec(monkeypatch):
    """Without the behind-the-no spec, are ids shown in plain words instead?"""
    def no_spec(exercise_id):
        raise KeyError(exercise_id)

    monkeypatch.setattr(my_plan, "get_spec", no_spec)
    points = summary({"behind-the-no": {"ratings": {"fear-of-blame": 7, "cost": 0}}})["What may sit behind their no"]
    assert points == ("Fear of blame (7 out of 10)",)


def test_builders_show_the_learners_words():
    """Are builder fields shown as label and words, blank fields left out?"""
    assert summary(ANSWERS)["The pattern between you"] == ("My move: I push to talk", "Their move: They go quiet")


def test_a_builder_with_a_template_shows_the_sentence():
    """Does a builder with a template show the sentence the learner built?"""
    assert summary(ANSWERS)["Your boundary"] == ("When we start shouting, I will take an hour's break.",)


def test_the_invitation_draft_is_tidied():
    """Is the invitation draft shown once, with its spacing tidied?"""
    assert summary(ANSWERS)["Your invitation, in your words"] == ("I miss us. Would you try one session with me?",)


def test_self_care_shows_ticks_and_own_words():
    """Are ticked self-care items and the learner's own line shown?"""
    assert summary(ANSWERS)["How you will care for yourself"] == ("Sleep", "Friend", "Choir on Tuesdays")


def test_only_the_latest_experiment_is_shown():
    """Is the most recent experiment shown, even when saved out of order?"""
    assert summary(ANSWERS)["Your latest experiment"] == (
        "Entry from 2026-02-01",
        "What I tried: Evening check-in",
        "What I learned: Keep it short",
    )


def test_readiness_numbers_read_as_sentences():
    """Do question labels read without a stray colon, with the number out of 10?"""
    assert summary(ANSWERS)["Your latest readiness rulers"] == (
        "Entry from 2026-02-01",
        "How important is a change? 8 out of 10",
        "How confident am I? 4 out of 10",
    )


def test_malformed_answers_are_skipped_not_fatal():
    """Do answers of the wrong shape leave their section out instead of failing?"""
    odd = {"behind-the-no": ["x"], "pattern-mapper": "text", "experiments-log": {"entries": "no"}, "self-care-plan": 4}
    assert my_plan.respond(make_model(PLAN), odd.get)[0].title == "Your course so far"


def test_nothing_answered_gives_a_gentle_note():
    """With no earlier answers, is there one note saying the summary will grow?"""
    notes = my_plan.respond(make_model(PLAN), {}.get)
    assert len(notes) == 1
    assert "summary of your own words" in notes[0].text


def test_a_kept_private_answer_is_marked_private():
    """Does a private exercise's section say it is shown because the learner chose to keep it?"""
    notes = {note.title: note for note in my_plan.respond(make_model(PLAN), ANSWERS.get)}
    assert "private" in notes["Your invitation, in your words"].text
    assert notes["Your boundary"].text == ""


def test_a_template_builder_with_only_a_number_shows_no_empty_sentence():
    """With only the scale field filled, is the sentence of blanks left out?"""
    spec = parse_spec(
        {
            "id": "boundary-builder",
            "kind": "builder",
            "title": "B",
            "why": "Why.",
            "prompt": "P.",
            "template": "When {when}, I will {action}.",
            "items": [
                {"id": "when", "label": "When"},
                {"id": "action", "label": "I will"},
                {"id": "ready", "label": "How ready am I?", "type": "scale"},
            ],
        },
        "04",
    )
    assert my_plan.fields({"fields": {"ready": 7}}, spec) == ["How ready am I? 7 out of 10"]
