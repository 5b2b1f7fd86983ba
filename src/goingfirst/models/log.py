"""Multi-entry log: dated entries added over weeks."""

from __future__ import annotations

from datetime import date
from typing import Any

from goingfirst.models.base import ExerciseModel, InvalidAnswer, as_dict, as_list


class LogModel(ExerciseModel):
    kind = "log"

    def empty(self) -> dict:
        return {"entries": []}

    def clean(self, value: Any) -> dict:
        if not isinstance(value, dict):
            return self.empty()
        entries = []
        for entry in as_list(value.get("entries")):
            if not isinstance(entry, dict) or not _is_date(entry.get("date")):
                continue
            fields = {
                key: field
                for key, field in as_dict(entry.get("fields")).items()
                if self._fits(key, field)
            }
            entries.append({"date": entry["date"], "fields": fields})
        return {"entries": entries}

    def add_entry(self, fields: dict[str, str], on: date | None = None) -> None:
        """Add a dated entry; at least one field must have words in it."""
        clean = {
            key: field
            for key, field in fields.items()
            if not (isinstance(field, str) and not field.strip()) and field is not None
        }
        for key, field in clean.items():
            if not self._fits(key, field):
                raise InvalidAnswer(f"The box {key!r} cannot take that answer.")
        if not clean:
            raise InvalidAnswer("Write something in at least one box, then add the entry.")
        entry = {"date": (on or date.today()).isoformat(), "fields": clean}
        entries = [*self.value["entries"], entry]
        entries.sort(key=lambda item: item["date"])
        self.value = {"entries": entries}

    def remove_entry(self, index: int) -> None:
        entries = list(self.value["entries"])
        if not 0 <= index < len(entries):
            raise InvalidAnswer("That entry is no longer there.")
        del entries[index]
        self.value = {"entries": entries}

    def is_answered(self) -> bool:
        return bool(self.value["entries"])

    def summary(self) -> list[str]:
        lines = []
        for entry in self.value["entries"]:
            words = "; ".join(
                f"{item.label} {str(entry['fields'][item.id]).strip()}"
                for item in self.spec.items
                if str(entry["fields"].get(item.id, "")).strip()
            )
            lines.append(f"{entry['date']}: {words}")
        return lines


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True
