"""What every exercise model shares: plain data in, plain data out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from goingfirst.specs import Spec

TONES = ("good", "try", "info", "warning", "urgent")


@dataclass(frozen=True)
class Feedback:
    """One piece of feedback, rendered by the views.

    ``svg`` is markup built only by Going First's own code (never from learner
    text without escaping), so views may insert it as it is.
    """

    tone: str
    title: str
    text: str = ""
    points: tuple[str, ...] = ()
    svg: str = ""


class InvalidAnswer(ValueError):
    """An answer a model cannot take; the message is for the learner."""


class ExerciseModel:
    """An exercise's answer as plain JSON-ready data, with its rules."""

    kind: ClassVar[str] = ""

    def __init__(self, spec: Spec, value: Any = None) -> None:
        self.spec = spec
        self.value = self.clean(value)

    def empty(self) -> Any:
        raise NotImplementedError

    def clean(self, value: Any) -> Any:
        """Accept a saved value, falling back to empty for anything unexpected."""
        raise NotImplementedError

    def is_answered(self) -> bool:
        raise NotImplementedError

    def feedback(self) -> list[Feedback]:
        """Feedback that follows from the spec's own data (advice, answers)."""
        return []

    def summary(self) -> list[str]:
        """The answer as short lines of plain text, for summaries and exports."""
        raise NotImplementedError

    def _fits(self, field_id: str, field: Any) -> bool:
        """Whether a value suits a field: text for text fields, 0-10 for scale fields."""
        types = {item.id: item.type for item in self.spec.items}
        if types.get(field_id) == "scale":
            return is_rating(field)
        return types.get(field_id) == "text" and isinstance(field, str)


def text_or_empty(value: Any) -> str:
    return value if isinstance(value, str) else ""


def as_dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def is_rating(value: Any) -> bool:
    """A whole number from 0 to 10 (and not True or False, which Python counts as ints)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


def labelled(label: str, answer: str) -> str:
    """'Label: answer', without a colon after a label that ends in its own punctuation."""
    label = label.strip()
    return f"{label} {answer}" if label[-1:] in "?:.!" else f"{label}: {answer}"
