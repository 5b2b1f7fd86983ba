"""0-10 scales view: one dropdown per statement, plus an optional text box."""

from __future__ import annotations

import html

import ipywidgets as widgets

from goingfirst.widgets.frame import FULL_WIDTH, ExerciseView, rating_dropdown, rating_from, rating_to


class ScaleView(ExerciseView):
    def build(self) -> widgets.Widget:
        spec = self.session.spec
        legend = widgets.HTML(f"<p>0 = {html.escape(spec.low)}, 10 = {html.escape(spec.high)}</p>")
        self.ratings: dict[str, widgets.Dropdown] = {}
        rows: list[widgets.Widget] = [legend]
        for item in spec.items:
            dropdown = rating_dropdown(item.label)
            dropdown.observe(self._rated(item.id), names="value")
            self.ratings[item.id] = dropdown
            rows.append(dropdown)
        self.own = self.optional_text(spec.other, "set_own")
        if self.own is not None:
            rows.append(self.own)
        return widgets.VBox(rows, layout=FULL_WIDTH)

    def _rated(self, item_id: str):
        return lambda change: self.change(lambda model: model.rate(item_id, rating_from(change["new"])))

    def load(self) -> None:
        for item_id, dropdown in self.ratings.items():
            dropdown.value = rating_to(self.session.model.rating(item_id))
        if self.own is not None:
            self.own.value = self.session.model.value["own"]
