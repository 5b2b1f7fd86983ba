"""ipywidgets views: thin layers over the plain-Python exercise models."""

from __future__ import annotations

import ipywidgets as widgets

from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import Journal
from goingfirst.specs import get_spec
from goingfirst.widgets.builder import BuilderView
from goingfirst.widgets.checklist import ChecklistView
from goingfirst.widgets.frame import ExerciseView
from goingfirst.widgets.log import LogView
from goingfirst.widgets.quiz import QuizView
from goingfirst.widgets.reflection import ReflectionView
from goingfirst.widgets.scale import ScaleView

VIEWS: dict[str, type[ExerciseView]] = {
    "reflection": ReflectionView,
    "scale": ScaleView,
    "checklist": ChecklistView,
    "quiz": QuizView,
    "builder": BuilderView,
    "log": LogView,
}


def make_view(session: ExerciseSession) -> ExerciseView:
    return VIEWS[session.spec.kind](session)


def exercise_view(exercise_id: str, journal: Journal) -> widgets.Widget:
    """The widget for one exercise, with its saved answer loaded."""
    return make_view(ExerciseSession(get_spec(exercise_id), journal)).widget
