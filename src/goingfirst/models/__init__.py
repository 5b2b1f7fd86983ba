"""Exercise models: one plain-Python class per exercise kind."""

from __future__ import annotations

from typing import Any

from goingfirst.models.base import ExerciseModel, Feedback, InvalidAnswer
from goingfirst.models.builder import BuilderModel
from goingfirst.models.checklist import ChecklistModel
from goingfirst.models.log import LogModel
from goingfirst.models.quiz import QuizModel
from goingfirst.models.reflection import ReflectionModel
from goingfirst.models.scale import ScaleModel
from goingfirst.specs import Spec

MODELS: dict[str, type[ExerciseModel]] = {
    model.kind: model
    for model in (ReflectionModel, ScaleModel, ChecklistModel, QuizModel, BuilderModel, LogModel)
}


def make_model(spec: Spec, value: Any = None) -> ExerciseModel:
    return MODELS[spec.kind](spec, value)


__all__ = ["ExerciseModel", "Feedback", "InvalidAnswer", "MODELS", "make_model"]
