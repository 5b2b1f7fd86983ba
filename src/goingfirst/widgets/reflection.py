"""Free-text reflection view."""

from __future__ import annotations

import ipywidgets as widgets

from goingfirst.widgets.frame import ExerciseView, labelled_area


class ReflectionView(ExerciseView):
    def build(self) -> widgets.Widget:
        spec = self.session.spec
        self.area = labelled_area("Your answer", spec.placeholder, rows=max(3, min(spec.lines, 10)))
        self.area.observe(
            lambda change: self.change(lambda model: model.set_text(change["new"])), names="value"
        )
        return self.area

    def load(self) -> None:
        self.area.value = self.session.model.value
