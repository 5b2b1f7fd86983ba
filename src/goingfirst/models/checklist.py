"""A checklist, with advice for the items ticked."""

from __future__ import annotations

from typing import Any

from goingfirst.models.base import ExerciseModel, Feedback, as_list, text_or_empty


class ChecklistModel(ExerciseModel):
    kind = "checklist"

    def empty(self) -> dict:
        return {"checked": [], "other": ""}

    def clean(self, value: Any) -> dict:
        if not isinstance(value, dict):
            return self.empty()
        order = [item.id for item in self.spec.items]
        checked = as_list(value.get("checked"))
        return {
            "checked": [item_id for item_id in order if item_id in checked],
            "other": text_or_empty(value.get("other")),
        }

    def set_checked(self, item_id: str, checked: bool) -> None:
        self.spec.item(item_id)
        ticked = set(self.value["checked"]) | {item_id} if checked else set(self.value["checked"]) - {item_id}
        self.value = self.clean({**self.value, "checked": list(ticked)})

    def set_other(self, text: str) -> None:
        self.value = {**self.value, "other": text_or_empty(text)}

    def is_checked(self, item_id: str) -> bool:
        return item_id in self.value["checked"]

    def is_answered(self) -> bool:
        return bool(self.value["checked"]) or bool(self.value["other"].strip())

    def feedback(self) -> list[Feedback]:
        return [
            Feedback("info", item.label, item.advice)
            for item in self.spec.items
            if item.advice and item.id in self.value["checked"]
        ]

    def summary(self) -> list[str]:
        lines = [self.spec.item(item_id).label for item_id in self.value["checked"]]
        if self.value["other"].strip():
            lines.append(self.value["other"].strip())
        return lines
