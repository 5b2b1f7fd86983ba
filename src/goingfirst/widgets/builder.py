"""Builder view: labelled fields that compose a sentence or plan."""

from __future__ import annotations

import html

import ipywidgets as widgets

from goingfirst.widgets.frame import (
    FULL_WIDTH,
    ExerciseView,
    labelled_area,
    rating_dropdown,
    rating_from,
    rating_to,
)


class BuilderView(ExerciseView):
    def build(self) -> widgets.Widget:
        spec = self.session.spec
        self.inputs: dict[str, widgets.Widget] = {}
        rows: list[widgets.Widget] = []
        for item in spec.items:
            if item.type == "scale":
                field = rating_dropdown(item.label)
            else:
                field = labelled_area(item.label, item.hint, rows=2)
            field.observe(self._typed(item.id), names="value")
            self.inputs[item.id] = field
            rows.append(field)
        self.composed = widgets.HTML(layout=FULL_WIDTH)
        rows.append(self.composed)
        return widgets.VBox(rows, layout=FULL_WIDTH)

    def _typed(self, field_id: str):
        scale = self.session.spec.item(field_id).type == "scale"
        return lambda change: self.change(
            lambda model: model.set_field(field_id, rating_from(change["new"]) if scale else change["new"])
        )

    def load(self) -> None:
        model = self.session.model
        for item in model.spec.items:
            field = self.inputs[item.id]
            field.value = rating_to(model.number(item.id)) if item.type == "scale" else model.field(item.id)

    def extra_refresh(self) -> None:
        sentence = self.session.model.composed()
        self.composed.value = (
            f"<p><strong>Put together:</strong> {html.escape(sentence)}</p>" if sentence else ""
        )
