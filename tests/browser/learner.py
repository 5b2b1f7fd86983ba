"""A learner's hands: answer an exercise in the browser and check what comes back.

The same plain-Python model the widget uses says what the learner should
see (feedback, the "Put together" sentence, log rows) and what the journal
should hold, so the browser is checked against the package, not against a copy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from playwright.sync_api import Locator, expect

from goingfirst.exercise_session import PRIVATE_NOT_SAVED
from goingfirst.feedback import respond
from goingfirst.models import Feedback, make_model
from goingfirst.models.base import ExerciseModel
from goingfirst.specs import Spec

KEEP_BOX = "Keep my answer on this computer"
SAVED = "Saved on this computer"
BACK = "Your saved answer is back."
RATING = 7
WORDS = ("I asked again and we both went quiet", "they changed the subject", "alone", "tried once more")


@dataclass
class Attempt:
    """What the learner did to one exercise, and what the course should show and keep."""

    spec: Spec
    model: ExerciseModel
    notes: list[Feedback]

    @property
    def value(self) -> Any:
        return self.model.value


def exercise_box(scope: Locator, exercise_id: str) -> Locator:
    """The exercise's widget, found by its heading."""
    return scope.locator(".gf-exercise").filter(has=scope.page.locator(f"[id='exercise-{exercise_id}']"))


def answer(box: Locator, spec: Spec, answers: Callable[[str], Any]) -> Attempt:
    """Answer ``spec`` as a learner would and check the feedback on screen."""
    box.scroll_into_view_if_needed()
    model = make_model(spec)
    if spec.private:
        keep = box.get_by_label(KEEP_BOX)
        expect(keep).not_to_be_checked()
        expect(box.locator(".gf-status")).to_contain_text(PRIVATE_NOT_SAVED)
        keep.check()
    ANSWERS[spec.kind](box, model)
    notes = respond(model, answers)
    attempt = Attempt(spec, model, notes)
    expect(box.locator(".gf-status")).to_contain_text(SAVED)
    _expect_shown(box, attempt)
    return attempt


def assert_came_back(box: Locator, attempt: Attempt) -> None:
    """After a restart or reload: the same answer and feedback, and the status says so."""
    box.scroll_into_view_if_needed()
    expect(box.locator(".gf-status")).to_contain_text(BACK)
    if attempt.spec.private:
        expect(box.get_by_label(KEEP_BOX)).to_be_checked()
    SHOWN[attempt.spec.kind](box, attempt.model)
    _expect_shown(box, attempt)


def wait_for_saved(read: Callable[[str], Any], attempt: Attempt, seconds: float = 15) -> None:
    """The journal holds exactly what the model says (saving is asynchronous over the comm)."""
    deadline = time.monotonic() + seconds
    while (saved := read(attempt.spec.id)) != attempt.value and time.monotonic() < deadline:
        time.sleep(0.2)
    assert saved == attempt.value, f"{attempt.spec.id}: journal has {saved!r}, expected {attempt.value!r}"


def _expect_shown(box: Locator, attempt: Attempt) -> None:
    titles = [note.title for note in attempt.notes]
    expect(box.locator(".gf-note-title")).to_have_count(len(titles))
    if titles:
        expect(box.locator(".gf-note-title")).to_contain_text(titles)
    for note in attempt.notes[:3]:
        if note.text:
            expect(box).to_contain_text(note.text)


# -- one pair of functions per kind: answer it, then see it again --------------


def _reflect(box: Locator, model: ExerciseModel) -> None:
    box.get_by_label("Your answer").fill(WORDS[0])
    model.set_text(WORDS[0])


def _reflection_shown(box: Locator, model: ExerciseModel) -> None:
    expect(box.get_by_label("Your answer")).to_have_value(model.value)


def _rate(box: Locator, model: ExerciseModel) -> None:
    item = model.spec.items[0]
    box.get_by_label(item.label, exact=True).select_option(label=str(RATING))
    model.rate(item.id, RATING)


def _rating_shown(box: Locator, model: ExerciseModel) -> None:
    item = model.spec.items[0]
    expect(box.get_by_label(item.label, exact=True).locator("option:checked")).to_have_text(str(RATING))


def _tick(box: Locator, model: ExerciseModel) -> None:
    item = model.spec.items[0]
    box.get_by_label(item.label, exact=True).check()
    model.set_checked(item.id, True)


def _tick_shown(box: Locator, model: ExerciseModel) -> None:
    expect(box.get_by_label(model.spec.items[0].label, exact=True)).to_be_checked()


def _quiz_picks(model: ExerciseModel) -> list[tuple[int, str]]:
    """Statement 1 answered rightly, statement 2 wrongly: both kinds of feedback show."""
    spec = model.spec
    first, second = spec.items[0], spec.items[1]
    wrong = next(choice.id for choice in spec.choices if choice.id != second.answer)
    return [(0, first.answer), (1, wrong)]


def _quiz_radio(box: Locator, model: ExerciseModel, index: int, choice_id: str) -> Locator:
    group = box.locator(".widget-radio").nth(index)
    return group.get_by_role("radio", name=model.spec.choice_label(choice_id), exact=True)


def _quiz(box: Locator, model: ExerciseModel) -> None:
    for index, choice_id in _quiz_picks(model):
        _quiz_radio(box, model, index, choice_id).check()
        model.choose(model.spec.items[index].id, choice_id)
    box.get_by_role("button", name="Check my answers").click()
    model.check()
    waiting = len(model.unanswered())
    expect(box).to_contain_text(f"{waiting} statement{'s' if waiting != 1 else ''} still to answer.")


def _quiz_shown(box: Locator, model: ExerciseModel) -> None:
    for index, choice_id in _quiz_picks(model):
        expect(_quiz_radio(box, model, index, choice_id)).to_be_checked()


def _text_fields(model: ExerciseModel):
    return [item for item in model.spec.items if item.type == "text"]


def _build(box: Locator, model: ExerciseModel) -> None:
    for item, words in zip(_text_fields(model), WORDS * 3):
        box.get_by_label(item.label, exact=True).fill(words)
        model.set_field(item.id, words)
    _sentence_shown(box, model)


def _built_shown(box: Locator, model: ExerciseModel) -> None:
    for item in _text_fields(model):
        expect(box.get_by_label(item.label, exact=True)).to_have_value(model.field(item.id))
    _sentence_shown(box, model)


def _sentence_shown(box: Locator, model: ExerciseModel) -> None:
    sentence = model.composed()
    if sentence:
        expect(box).to_contain_text(f"Put together: {sentence}")
    else:
        expect(box).not_to_contain_text("Put together:")


def _log(box: Locator, model: ExerciseModel) -> None:
    item = _text_fields(model)[0]
    box.get_by_label(item.label, exact=True).fill(WORDS[0])
    box.get_by_role("button", name="Add this entry").click()
    model.add_entry({item.id: WORDS[0]}, on=date.today())
    _entry_shown(box, model)
    # The form empties, ready for the next entry.
    expect(box.get_by_label(item.label, exact=True)).to_have_value("")


def _entry_shown(box: Locator, model: ExerciseModel) -> None:
    row = box.locator("table.gf-log tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(date.today().isoformat())
    expect(row).to_contain_text(WORDS[0])


ANSWERS: dict[str, Callable[[Locator, ExerciseModel], None]] = {
    "reflection": _reflect,
    "scale": _rate,
    "checklist": _tick,
    "quiz": _quiz,
    "builder": _build,
    "log": _log,
}
SHOWN: dict[str, Callable[[Locator, ExerciseModel], None]] = {
    "reflection": _reflection_shown,
    "scale": _rating_shown,
    "checklist": _tick_shown,
    "quiz": _quiz_shown,
    "builder": _built_shown,
    "log": _entry_shown,
}
