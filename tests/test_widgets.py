"""Widgets, used headless as a learner would: change a value, it is saved, a new view shows it."""

from __future__ import annotations

from pathlib import Path

from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import Journal
from goingfirst.widgets import make_view
from tests.helpers import QUIZ, make_spec


def reopen(spec, home: Path):
    """A view in a fresh journal: what the learner sees after a kernel restart."""
    return make_view(ExerciseSession(spec, Journal(home)))


def test_does_typed_reflection_save_and_come_back(journal: Journal, private_home: Path) -> None:
    spec = make_spec("reflection")
    view = make_view(ExerciseSession(spec, journal))
    view.area.value = "I miss how we used to talk."
    assert "Saved on this computer" in view.status.value
    assert reopen(spec, private_home).area.value == "I miss how we used to talk."


def test_is_learner_text_escaped_in_the_status_and_feedback(journal: Journal) -> None:
    spec = make_spec("builder", template="When {when}.", items=[{"id": "when", "label": "When"}])
    view = make_view(ExerciseSession(spec, journal))
    view.inputs["when"].value = "<img src=x onerror=alert(1)>"
    assert "<img" not in view.composed.value and "&lt;img" in view.composed.value


def test_do_scale_ratings_show_advice_and_come_back(journal: Journal, private_home: Path) -> None:
    spec = make_spec("scale", items=[{"id": "cost", "label": "Cost", "advice": "Try a low-cost clinic."}])
    view = make_view(ExerciseSession(spec, journal))
    assert "low-cost" not in view.feedback.value
    view.ratings["cost"].value = 8
    assert "Try a low-cost clinic." in view.feedback.value
    assert reopen(spec, private_home).ratings["cost"].value == 8


def test_does_a_quiz_show_feedback_under_each_item_and_retry(journal: Journal, private_home: Path) -> None:
    spec = make_spec("quiz", **QUIZ)
    view = make_view(ExerciseSession(spec, journal))
    view.pickers["one"].value = "boundary"
    view.pickers["two"].value = "boundary"
    view.check_button.click()
    assert "gf-note-good" in view.item_notes["one"].value
    assert "Have another look" in view.item_notes["two"].value
    assert "I need us to get help." in view.item_notes["two"].value
    view.retry_button.click()
    assert view.pickers["two"].value is None and view.pickers["one"].value == "boundary"
    assert reopen(spec, private_home).pickers["one"].value == "boundary"


def test_does_a_log_entry_save_and_the_form_clear(journal: Journal, private_home: Path) -> None:
    spec = make_spec("log", items=[{"id": "tried", "label": "What I tried"}, {"id": "mood", "label": "Mood", "type": "scale"}])
    view = make_view(ExerciseSession(spec, journal))
    view.add_button.click()
    assert "Write something" in view.status.value
    view.inputs["tried"].value = "Asked about their day"
    view.inputs["mood"].value = 7
    view.add_button.click()
    assert view.inputs["tried"].value == "" and "Asked about their day" in view.entries.value
    again = reopen(spec, private_home)
    assert "Asked about their day" in again.entries.value
    again.remove_choice.value = 0
    again.remove_button.click()
    assert "No entries yet" in again.entries.value


def test_is_a_private_exercise_saved_only_after_opting_in(journal: Journal, private_home: Path) -> None:
    spec = make_spec("checklist", private=True, items=[{"id": "afraid", "label": "I am afraid"}])
    view = make_view(ExerciseSession(spec, journal))
    view.boxes["afraid"].value = True
    assert "not saved anywhere" in view.status.value
    assert journal.load(spec.id) is None
    assert not reopen(spec, private_home).boxes["afraid"].value
    view.session.set_keep_private(True)
    assert journal.load(spec.id) == {"checked": ["afraid"], "other": ""}
    assert reopen(spec, private_home).boxes["afraid"].value
    view.session.set_keep_private(False)
    assert journal.load(spec.id) is None


def test_does_undo_bring_back_a_cleared_answer(journal: Journal) -> None:
    spec = make_spec("reflection")
    view = make_view(ExerciseSession(spec, journal))
    view.area.value = "A careful paragraph about us."
    view.area.value = ""
    assert not view.undo_button.disabled
    view.undo_button.click()
    assert view.area.value == "A careful paragraph about us."
    assert "earlier version is back" in view.status.value


def test_does_an_exercise_say_plainly_when_answers_are_not_saved(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    view = make_view(ExerciseSession(make_spec("reflection"), Journal(blocker)))
    assert "not being saved" in view.status.value
    view.area.value = "typing still works"
    assert view.session.model.value == "typing still works"
    assert "not being saved" in view.status.value


def test_do_quiz_radios_and_text_boxes_carry_accessible_labels(journal: Journal) -> None:
    view = make_view(ExerciseSession(make_spec("quiz", **QUIZ), journal))
    assert all(picker.description for picker in view.pickers.values())
    assert make_view(ExerciseSession(make_spec("reflection"), journal)).area.description == "Your answer"


def test_does_an_unrated_scale_say_not_rated_yet_and_can_be_cleared(journal: Journal) -> None:
    spec = make_spec("scale", items=[{"id": "cost", "label": "Cost"}])
    view = make_view(ExerciseSession(spec, journal))
    dropdown = view.ratings["cost"]
    assert dropdown.label == "Not rated yet"
    dropdown.value = 4
    assert journal.load(spec.id)["ratings"] == {"cost": 4}
    dropdown.index = 0
    assert journal.load(spec.id)["ratings"] == {}


def test_does_a_failing_exercise_show_a_calm_message_not_a_traceback(journal: Journal, capsys) -> None:
    import importlib
    from unittest.mock import patch

    show_module = importlib.import_module("goingfirst.show")

    shown = []
    with patch.object(show_module, "display", side_effect=shown.append):
        show_module.show("no-such-exercise", journal)
    html = shown[0].data
    assert "could not be shown" in html and "Your saved answers are safe" in html
    assert "Traceback" not in html and "no-such-exercise" in html
