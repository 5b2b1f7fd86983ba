"""Classify-and-explain quiz: feedback on each item, retry, no score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from goingfirst.models.base import ExerciseModel, Feedback, as_dict
from goingfirst.specs import Item


@dataclass(frozen=True)
class ItemResult:
    item: Item
    chosen: str | None
    correct: bool


class QuizModel(ExerciseModel):
    kind = "quiz"

    def empty(self) -> dict:
        return {"choices": {}, "checked": False}

    def clean(self, value: Any) -> dict:
        if not isinstance(value, dict):
            return self.empty()
        items = {item.id for item in self.spec.items}
        choice_ids = {choice.id for choice in self.spec.choices}
        choices = {
            key: choice
            for key, choice in as_dict(value.get("choices")).items()
            if key in items and isinstance(choice, str) and choice in choice_ids
        }
        return {"choices": choices, "checked": bool(value.get("checked"))}

    def choose(self, item_id: str, choice_id: str | None) -> None:
        self.spec.item(item_id)
        choices = dict(self.value["choices"])
        if choice_id is None:
            choices.pop(item_id, None)
        else:
            choices[item_id] = choice_id
        self.value = self.clean({"choices": choices, "checked": False})

    def check(self) -> list[ItemResult]:
        """Mark the quiz as checked and return a result for every item."""
        self.value = {**self.value, "checked": True}
        return self.results()

    def results(self) -> list[ItemResult]:
        chosen = self.value["choices"]
        return [
            ItemResult(item, chosen.get(item.id), chosen.get(item.id) == item.answer)
            for item in self.spec.items
        ]

    def retry(self) -> None:
        """Clear only the items to look at again, keeping the ones already matched."""
        kept = {result.item.id: result.chosen for result in self.results() if result.correct}
        self.value = {"choices": kept, "checked": False}

    def unanswered(self) -> list[Item]:
        return [item for item in self.spec.items if item.id not in self.value["choices"]]

    def is_answered(self) -> bool:
        return bool(self.value["choices"])

    def feedback(self) -> list[Feedback]:
        if not self.value["checked"]:
            return []
        notes = []
        for result in self.results():
            answer = self.spec.choice_label(result.item.answer)
            points = (f"A gentler way to say it: {result.item.rewrite}",) if result.item.rewrite else ()
            if result.chosen is None:
                notes.append(Feedback("info", result.item.label, f"Not answered yet. {result.item.explanation}", points))
            elif result.correct:
                notes.append(Feedback("good", result.item.label, f"Yes, {answer.lower()}. {result.item.explanation}", points))
            else:
                notes.append(
                    Feedback("try", result.item.label, f"Have another look. This one is {answer.lower()}. {result.item.explanation}", points)
                )
        return notes

    def summary(self) -> list[str]:
        return [
            f"{item.label}: {self.spec.choice_label(self.value['choices'][item.id])}"
            for item in self.spec.items
            if item.id in self.value["choices"]
        ]
