"""One or more 0-10 scales, with advice for the items rated high."""

from __future__ import annotations

from typing import Any

from goingfirst.models.base import ExerciseModel, Feedback, InvalidAnswer, as_dict, is_rating, text_or_empty

LOWEST, HIGHEST = 0, 10


class ScaleModel(ExerciseModel):
    kind = "scale"

    def empty(self) -> dict:
        return {"ratings": {}, "own": ""}

    def clean(self, value: Any) -> dict:
        if not isinstance(value, dict):
            return self.empty()
        known = {item.id for item in self.spec.items}
        ratings = {
            key: rating
            for key, rating in as_dict(value.get("ratings")).items()
            if key in known and is_rating(rating)
        }
        return {"ratings": ratings, "own": text_or_empty(value.get("own"))}

    def rate(self, item_id: str, rating: int | None) -> None:
        self.spec.item(item_id)
        ratings = dict(self.value["ratings"])
        if rating is None:
            ratings.pop(item_id, None)
        elif is_rating(rating):
            ratings[item_id] = rating
        else:
            raise InvalidAnswer(f"Please choose a whole number from {LOWEST} to {HIGHEST}.")
        self.value = {**self.value, "ratings": ratings}

    def set_own(self, text: str) -> None:
        self.value = {**self.value, "own": text_or_empty(text)}

    def rating(self, item_id: str) -> int | None:
        return self.value["ratings"].get(item_id)

    def is_answered(self) -> bool:
        return bool(self.value["ratings"]) or bool(self.value["own"].strip())

    def feedback(self) -> list[Feedback]:
        rated = [
            (self.value["ratings"][item.id], item)
            for item in self.spec.items
            if item.advice and self.value["ratings"].get(item.id, -1) >= self.spec.advice_at
        ]
        rated.sort(key=lambda pair: -pair[0])
        return [Feedback("info", item.label, item.advice) for _, item in rated]

    def summary(self) -> list[str]:
        lines = [
            f"{item.label}: {self.value['ratings'][item.id]} out of {HIGHEST}"
            for item in self.spec.items
            if item.id in self.value["ratings"]
        ]
        if self.value["own"].strip():
            lines.append(self.value["own"].strip())
        return lines
