"""Structured builder: labelled fields that compose a sentence or plan."""

from __future__ import annotations

from typing import Any

from goingfirst.models.base import ExerciseModel, InvalidAnswer, as_dict, labelled, text_or_empty

BLANK = "______"


class BuilderModel(ExerciseModel):
    kind = "builder"

    def empty(self) -> dict:
        return {"fields": {}}

    def clean(self, value: Any) -> dict:
        if not isinstance(value, dict):
            return self.empty()
        fields = {
            key: field
            for key, field in as_dict(value.get("fields")).items()
            if self._fits(key, field)
        }
        return {"fields": fields}

    def set_field(self, field_id: str, value: str | int | None) -> None:
        """Set a text field, or a 0-10 number for a ``type = "scale"`` field."""
        item = self.spec.item(field_id)
        fields = dict(self.value["fields"])
        if value is None or (item.type == "text" and not isinstance(value, str)):
            value = "" if item.type == "text" else None
        if value is None:
            fields.pop(field_id, None)
        elif self._fits(field_id, value):
            fields[field_id] = value
        else:
            raise InvalidAnswer("Please choose a whole number from 0 to 10.")
        self.value = {"fields": fields}

    def field(self, field_id: str) -> str:
        value = self.value["fields"].get(field_id, "")
        return value if isinstance(value, str) else ""

    def number(self, field_id: str) -> int | None:
        value = self.value["fields"].get(field_id)
        return value if isinstance(value, int) else None

    def composed(self) -> str:
        """The fields put into the spec's sentence, with blanks still to fill."""
        if not self.spec.template:
            return ""
        parts = {item.id: self._phrase(item.id) for item in self.spec.items if item.type == "text"}
        return self.spec.template.format(**parts)

    def _phrase(self, field_id: str) -> str:
        text = " ".join(self.field(field_id).split())
        return text.rstrip(".") if text else BLANK

    def is_answered(self) -> bool:
        return any(
            not isinstance(field, str) or field.strip() for field in self.value["fields"].values()
        )

    def summary(self) -> list[str]:
        if not self.is_answered():
            return []
        wrote = any(self.field(item.id).strip() for item in self.spec.items if item.type == "text")
        # A sentence of blanks says nothing, so a template needs some words first.
        lines = ([self.composed()] if wrote else []) if self.spec.template else [
            labelled(item.label, self.field(item.id).strip())
            for item in self.spec.items
            if item.type == "text" and self.field(item.id).strip()
        ]
        lines += [
            labelled(item.label, f"{self.number(item.id)} out of 10")
            for item in self.spec.items
            if item.type == "scale" and self.number(item.id) is not None
        ]
        return lines
