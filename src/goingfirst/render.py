"""Static HTML for exercises, feedback and contacts, from autoescaped Jinja templates.

The same markup serves the feedback area of a live exercise and the printed
worksheet in a handout: blank when there is no answer, filled when there is.
"""

from __future__ import annotations

from typing import Any, Iterable

import jinja2

from goingfirst.crisis import Region
from goingfirst.models import Feedback, make_model
from goingfirst.specs import Spec

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("goingfirst", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
SCALE_POINTS = tuple(range(0, 11))
BLANK_LOG_ROWS = 4


def render_feedback(notes: Iterable[Feedback]) -> str:
    return ENVIRONMENT.get_template("feedback.html.j2").render(notes=list(notes))


def render_exercise(
    spec: Spec, value: Any = None, feedback: Iterable[Feedback] = (), heading: int = 3
) -> str:
    """A worksheet for one exercise: blank if ``value`` is None, else filled in."""
    model = make_model(spec, value)
    template = ENVIRONMENT.get_template(f"exercise/{spec.kind}.html.j2")
    body = template.render(
        spec=spec,
        model=model,
        filled=value is not None,
        points=SCALE_POINTS,
        blank_rows=range(BLANK_LOG_ROWS),
    )
    return ENVIRONMENT.get_template("exercise/frame.html.j2").render(
        spec=spec, body=body, feedback=render_feedback(feedback), heading=heading
    )


def render_answer_key(specs: Iterable[Spec]) -> str:
    """Answers and explanations for every quiz among ``specs``."""
    quizzes = [spec for spec in specs if spec.kind == "quiz"]
    return ENVIRONMENT.get_template("answer_key.html.j2").render(quizzes=quizzes)


def render_contacts(region: Region, heading: int = 2) -> str:
    return ENVIRONMENT.get_template("crisis_contacts.html.j2").render(region=region, heading=heading)
