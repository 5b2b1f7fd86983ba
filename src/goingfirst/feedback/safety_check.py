"""Safety first's safety check: send the learner to help that fits what they ticked."""

from __future__ import annotations

from goingfirst import safety_routing
from goingfirst.feedback import Answers
from goingfirst.models.base import ExerciseModel, Feedback


def _feedback(message: safety_routing.Message) -> Feedback:
    return Feedback(message.tone, message.title, message.text, message.points)


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    # The rules come from the exercise's own spec, so a spec and its routing never drift.
    rules = safety_routing.rules_from(model.spec)
    route = safety_routing.route(model.value["checked"], rules)
    notes = [_feedback(safety_routing.message(route))]
    if route == safety_routing.NONE and model.value.get("other", "").strip():
        notes.append(_feedback(safety_routing.SOMETHING_ELSE))
    return notes
