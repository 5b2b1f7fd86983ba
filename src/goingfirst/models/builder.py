"""Structured builder: labelled fields that compose a sentence or plan."""

from __future__ import annotations

from typing import Any

from goingfirst.models.base import ExerciseModel, text_or_empty

BLANK = "…"


class BuilderModel(ExerciseModel):
    kind = "builder"

    def empty(self) -> dict:
        return {"fields": {}}

    def clean(self, value: Any) -> dict:
        if not isinstance(value, dict):
            return self.empty()
        known = {item.id for item in self.spec.items}
        fields = {
            key: text
            for key, text in (value.get("fields") or {}).items()
            if key in known and isinstance(text, str)
        }
        return {"fields": fields}

    def set_field(self, field_id: str, text: str) -> None:
        self.spec.item(field_id)
        self.value = {"fields": {**self.value["fields"], field_id: text_or_empty(text)}}

    def field(self, field_id: str) -> str:
        return self.value["fields"].get(field_id, "")

    def composed(self) -> str:
        """The fields put into the spec's sentence, with blanks still to fill."""
        if not self.spec.template:
            return ""
        parts = {item.id: self._phrase(item.id) for item in self.spec.items}
        return self.spec.template.format(**parts)

    def _phrase(self, field_id: str) -> str:
        text = " ".join(self.field(field_id).split())
        return text.rstrip(".") if text else BLANK

    def is_answered(self) -> bool:
        return any(text.strip() for text in self.value["fields"].values())

    def summary(self) -> list[str]:
        if not self.is_answered():
            return []
        if self.spec.template:
            return [self.composed()]
        return [
            f"{item.label}: {self.field(item.id).strip()}"
            for item in self.spec.items
            if self.field(item.id).strip()
        ]
