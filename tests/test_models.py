"""Exercise models hold plain data and follow their rules without any front end."""

from __future__ import annotations

from datetime import date

import pytest

from goingfirst.models import InvalidAnswer, make_model
from tests.helpers import QUIZ, make_spec

SCALE = make_spec(
    "scale",
    other="Other reasons",
    items=[
        {"id": "cost", "label": "Cost", "advice": "Look for low-cost options."},
        {"id": "blame", "label": "Fear of blame", "advice": "Offer that they choose the therapist."},
        {"id": "time", "label": "Time"},
    ],
)


def test_does_a_scale_give_advice_only_for_items_rated_high_highest_first() -> None:
    model = make_model(SCALE)
    model.rate("cost", 6)
    model.rate("blame", 9)
    model.rate("time", 10)
    assert [note.title for note in model.feedback()] == ["Fear of blame", "Cost"]
    model.rate("cost", 2)
    assert [note.title for note in model.feedback()] == ["Fear of blame"]


@pytest.mark.parametrize("bad", [-1, 11, 3.5, "7", True])
def test_is_an_out_of_range_rating_refused_with_a_plain_message(bad) -> None:
    model = make_model(SCALE)
    if bad is True:
        model.rate("cost", 5)
        model.value["ratings"]["cost"] = True
        assert make_model(SCALE, model.value).rating("cost") is None
        return
    with pytest.raises(InvalidAnswer, match="whole number from 0 to 10"):
        model.rate("cost", bad)


def test_does_a_model_survive_a_saved_value_of_the_wrong_shape() -> None:
    for kind, spec in [("scale", SCALE), ("quiz", make_spec("quiz", **QUIZ))]:
        for junk in (None, "text", 5, [], {"ratings": "x", "choices": {"one": "nope"}}):
            model = make_model(spec, junk)
            assert not model.is_answered(), (kind, junk)


def test_does_a_checklist_keep_its_items_in_spec_order() -> None:
    spec = make_spec("checklist", items=[{"id": "a", "label": "A"}, {"id": "b", "label": "B", "advice": "About B"}])
    model = make_model(spec)
    model.set_checked("b", True)
    model.set_checked("a", True)
    assert model.value["checked"] == ["a", "b"]
    assert [note.text for note in model.feedback()] == ["About B"]
    model.set_checked("b", False)
    assert model.value["checked"] == ["a"] and model.feedback() == []


def test_does_a_quiz_give_feedback_per_item_and_keep_right_answers_on_retry() -> None:
    model = make_model(make_spec("quiz", **QUIZ))
    model.choose("one", "boundary")
    model.choose("two", "boundary")
    results = model.check()
    assert [r.correct for r in results] == [True, False]
    tones = [note.tone for note in model.feedback()]
    assert tones == ["good", "try"]
    assert "I need us to get help." in model.feedback()[1].points[0]
    model.retry()
    assert model.value == {"choices": {"one": "boundary"}, "checked": False}
    assert model.feedback() == []


def test_does_a_quiz_never_show_a_score() -> None:
    model = make_model(make_spec("quiz", **QUIZ))
    model.choose("one", "ultimatum")
    model.check()
    text = " ".join(note.title + note.text for note in model.feedback())
    assert "score" not in text.lower() and "/2" not in text and "wrong" not in text.lower()


def test_does_a_builder_compose_its_sentence_with_blanks() -> None:
    spec = make_spec(
        "builder",
        template="When {when}, I will {action}.",
        items=[{"id": "when", "label": "When"}, {"id": "action", "label": "I will"}, {"id": "ready", "label": "Ready", "type": "scale"}],
    )
    model = make_model(spec)
    model.set_field("when", "  we start shouting. ")
    assert model.composed() == "When we start shouting, I will ______."
    model.set_field("ready", 4)
    assert model.number("ready") == 4
    with pytest.raises(InvalidAnswer):
        model.set_field("ready", 12)


def test_does_a_log_keep_dated_entries_in_date_order() -> None:
    spec = make_spec("log", items=[{"id": "tried", "label": "What I tried"}, {"id": "mood", "label": "Mood", "type": "scale"}])
    model = make_model(spec)
    model.add_entry({"tried": "A walk together", "mood": 6}, on=date(2026, 3, 2))
    model.add_entry({"tried": "A check-in"}, on=date(2026, 3, 1))
    assert [entry["date"] for entry in model.value["entries"]] == ["2026-03-01", "2026-03-02"]
    with pytest.raises(InvalidAnswer, match="Write something"):
        model.add_entry({"tried": "   "})
    model.remove_entry(0)
    assert model.summary() == ["2026-03-02: What I tried A walk together; Mood 6"]


def test_does_a_builder_summary_skip_a_sentence_of_blanks() -> None:
    """With only the 0-10 field filled, is the summary the number alone?"""
    spec = make_spec(
        "builder",
        template="When {when}, I will {action}.",
        items=[{"id": "when", "label": "When"}, {"id": "action", "label": "I will"}, {"id": "ready", "label": "How ready am I?", "type": "scale"}],
    )
    model = make_model(spec, {"fields": {"ready": 7}})
    assert model.summary() == ["How ready am I? 7 out of 10"]
    model.set_field("when", "we shout")
    assert model.summary()[0] == "When we shout, I will ______."
