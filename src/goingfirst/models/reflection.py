"""Free-text reflection."""

from __future__ import annotations

from typing import Any

from goingfirst.models.base import ExerciseModel, text_or_empty


class ReflectionModel(ExerciseModel):
    kind = "reflection"

    def empty(self) -> str:
        return ""

    def clean(self, value: Any) -> str:
        return text_or_empty(value)

    def set_text(self, text: str) -> None:
        self.value = text_or_empty(text)

    def is_answered(self) -> bool:
        return bool(self.value.strip())

    def summary(self) -> list[str]:
        return [self.value.strip()] if self.is_answered() else []
