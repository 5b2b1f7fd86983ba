"""Feedback modules: each responds to one kind of answer with plain data.

A spec names its module in ``feedback = "name"``; the module defines
``respond(model, answers) -> list[Feedback]``.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from goingfirst.models.base import ExerciseModel, Feedback

Answers = Callable[[str], Any]


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    """The model's own feedback followed by its spec's feedback module, if any."""
    notes = list(model.feedback())
    if model.spec.feedback:
        module = importlib.import_module(f"goingfirst.feedback.{model.spec.feedback.replace('-', '_')}")
        notes += module.respond(model, answers)
    return notes
