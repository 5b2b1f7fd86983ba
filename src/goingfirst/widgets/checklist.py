"""Checklist view: one checkbox per item, plus an optional text box."""

from __future__ import annotations

import ipywidgets as widgets

from goingfirst.widgets.frame import FULL_WIDTH, ExerciseView


class ChecklistView(ExerciseView):
    def build(self) -> widgets.Widget:
        spec = self.session.spec
        self.boxes: dict[str, widgets.Checkbox] = {}
        rows: list[widgets.Widget] = []
        for item in spec.items:
            box = widgets.Checkbox(value=False, description=item.label, indent=False, layout=FULL_WIDTH)
            box.observe(self._ticked(item.id), names="value")
            self.boxes[item.id] = box
            rows.append(box)
        self.other = self.optional_text(spec.other, "set_other")
        if self.other is not None:
            rows.append(self.other)
        return widgets.VBox(rows, layout=FULL_WIDTH)

    def _ticked(self, item_id: str):
        return lambda change: self.change(lambda model: model.set_checked(item_id, change["new"]))

    def load(self) -> None:
        for item_id, box in self.boxes.items():
            box.value = self.session.model.is_checked(item_id)
        if self.other is not None:
            self.other.value = self.session.model.value["other"]
