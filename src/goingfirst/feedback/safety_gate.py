"""Start here's safety question: anyone who is afraid goes to Safety first."""

from __future__ import annotations

from goingfirst.feedback import Answers
from goingfirst.models.base import ExerciseModel, Feedback

GO_TO_SAFETY = Feedback(
    "urgent",
    "Please read Lesson 5, Safety first, before the other lessons",
    "Thank you for answering. What you ticked can be a sign that asking, pushing or "
    "setting limits could make things less safe for you. Lesson 5 explains why, and how "
    "to get support. You can talk it over in confidence with a domestic abuse helpline; "
    "the contacts are at the end of this lesson. If you are in danger now, call your "
    "local emergency number.",
    (
        "Open Lesson 5 from the course map below, or the file lessons/05-safety-first.ipynb.",
        "If someone may check this computer, think about keeping this answer unsaved "
        "(leave the box below unticked).",
    ),
)

NOTHING_TICKED = Feedback(
    "info",
    "Safety can change",
    "If you ever feel afraid of your partner, Lesson 5, Safety first, is there for you, "
    "and so are the contacts at the end of every lesson.",
)


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    return [GO_TO_SAFETY] if model.value["checked"] else [NOTHING_TICKED]
