"""Log view: a small form that adds dated entries, and the entries so far."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from goingfirst.render import ENVIRONMENT
from goingfirst.widgets.frame import FULL_WIDTH, ExerciseView, labelled_area, rating_dropdown, rating_from, rating_to


class LogView(ExerciseView):
    def build(self) -> widgets.Widget:
        spec = self.session.spec
        self.day = widgets.DatePicker(description="Date", value=date.today())
        self.inputs: dict[str, widgets.Widget] = {}
        for item in spec.items:
            self.inputs[item.id] = (
                rating_dropdown(item.label) if item.type == "scale" else labelled_area(item.label, item.hint, rows=2)
            )
        self.add_button = widgets.Button(description="Add this entry", button_style="primary")
        self.add_button.on_click(lambda _: self._add())
        self.entries = widgets.HTML(layout=FULL_WIDTH)
        self.remove_choice = widgets.Dropdown(description="Remove an entry", options=[], style={"description_width": "initial"})
        self.remove_button = widgets.Button(description="Remove it")
        self.remove_button.on_click(lambda _: self._remove())
        form = widgets.VBox([self.day, *self.inputs.values(), self.add_button], layout=FULL_WIDTH)
        remover = widgets.HBox([self.remove_choice, self.remove_button])
        return widgets.VBox([form, self.entries, remover], layout=FULL_WIDTH)

    def _add(self) -> None:
        fields = {
            item_id: rating_from(field.value) if isinstance(field, widgets.Dropdown) else field.value
            for item_id, field in self.inputs.items()
        }
        before = len(self.session.model.value["entries"])
        self.change(lambda model: model.add_entry(fields, on=self.day.value or date.today()))
        if len(self.session.model.value["entries"]) > before:
            for field in self.inputs.values():
                field.value = rating_to(None) if isinstance(field, widgets.Dropdown) else ""

    def _remove(self) -> None:
        if self.remove_choice.value is not None:
            self.change(lambda model: model.remove_entry(self.remove_choice.value))

    def load(self) -> None:
        """Entries are drawn in ``extra_refresh``; the form starts empty."""

    def extra_refresh(self) -> None:
        model = self.session.model
        self.entries.value = ENVIRONMENT.get_template("exercise/log.html.j2").render(
            spec=model.spec, model=model, filled=True, points=(), blank_rows=range(0)
        ) if model.value["entries"] else "<p>No entries yet.</p>"
        self.remove_choice.options = [
            (f"{entry['date']} (entry {index + 1})", index) for index, entry in enumerate(model.value["entries"])
        ]
        self.remove_button.disabled = not model.value["entries"]
