"""Quiz view: choose for each statement, check, see feedback per item, try again."""

from __future__ import annotations

import html

import ipywidgets as widgets

from goingfirst.render import render_feedback

from goingfirst.widgets.frame import FULL_WIDTH, ExerciseView


class QuizView(ExerciseView):
    def build(self) -> widgets.Widget:
        spec = self.session.spec
        self.pickers: dict[str, widgets.RadioButtons] = {}
        self.item_notes: dict[str, widgets.HTML] = {}
        rows: list[widgets.Widget] = []
        options = [(choice.label, choice.id) for choice in spec.choices]
        for number, item in enumerate(spec.items, start=1):
            statement = widgets.HTML(f"<p><strong>{number}.</strong> {html.escape(item.label)}</p>")
            picker = widgets.RadioButtons(
                options=options, value=None, description=f"Statement {number}", layout=FULL_WIDTH
            )
            picker.observe(self._picked(item.id), names="value")
            note = widgets.HTML(layout=FULL_WIDTH)
            self.pickers[item.id], self.item_notes[item.id] = picker, note
            rows += [statement, picker, note]
        self.check_button = widgets.Button(description="Check my answers", button_style="primary")
        self.retry_button = widgets.Button(description="Try the others again")
        self.check_button.on_click(lambda _: self.change(lambda model: model.check()))
        self.retry_button.on_click(lambda _: self._retry())
        rows.append(widgets.HBox([self.check_button, self.retry_button]))
        return widgets.VBox(rows, layout=FULL_WIDTH)

    def _picked(self, item_id: str):
        return lambda change: self.change(lambda model: model.choose(item_id, change["new"]))

    def _retry(self) -> None:
        self.change(lambda model: model.retry())
        self._loading = True
        self.load()
        self._loading = False

    def load(self) -> None:
        for item_id, picker in self.pickers.items():
            picker.value = self.session.model.value["choices"].get(item_id)

    def refresh(self) -> None:
        # Quiz feedback sits under each statement, not in one block.
        model = self.session.model
        notes = {note.title: note for note in self.session.feedback()}
        for item in model.spec.items:
            note = notes.get(item.label)
            self.item_notes[item.id].value = self._note_html(note) if note else ""
        waiting = len(model.unanswered())
        self.feedback.value = (
            f"<p>{waiting} statement{'s' if waiting != 1 else ''} still to answer.</p>"
            if model.value["checked"] and waiting
            else ""
        )
        self.retry_button.disabled = not model.value["checked"]
        self.undo_button.disabled = not self.session.can_undo()

    @staticmethod
    def _note_html(note) -> str:
        return render_feedback([note])
