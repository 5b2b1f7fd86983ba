"""The frame every exercise view shares: heading, prompt, saving status, undo, feedback."""

from __future__ import annotations

import html

import ipywidgets as widgets

from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import SaveResult
from goingfirst.models import InvalidAnswer
from goingfirst.render import render_feedback
from goingfirst.widgets.style import style_widget

FULL_WIDTH = widgets.Layout(width="100%")


class ExerciseView:
    """A thin view: widgets change the model, then the session saves it."""

    def __init__(self, session: ExerciseSession) -> None:
        self.session = session
        self._loading = False
        self.status = widgets.HTML(layout=FULL_WIDTH)
        self.feedback = widgets.HTML(layout=FULL_WIDTH)
        self.undo_button = widgets.Button(
            description="Undo last change",
            tooltip="Bring back the version saved before your last change",
            icon="undo",
        )
        self.undo_button.on_click(lambda _: self._undo())
        spec = session.spec
        heading = widgets.HTML(
            f"<h3 id='exercise-{html.escape(spec.id)}'>{html.escape(spec.title)}</h3>"
            f"<p><em>{html.escape(spec.why)}</em></p><p>{html.escape(spec.prompt)}</p>"
        )
        parts: list[widgets.Widget] = [style_widget(), heading, self.build()]
        if spec.private:
            parts.append(self._private_box())
        parts += [self.feedback, widgets.HBox([self.undo_button]), self.status]
        self.widget = widgets.VBox(parts, layout=FULL_WIDTH)
        self.widget.add_class("gf-exercise")
        self.widget.add_class(f"gf-kind-{spec.kind}")
        self._loading = True
        self.load()
        self._loading = False
        self.show_status(SaveResult(session.journal.saving and session.saves, session.opening_status()))
        self.refresh()

    # Subclasses build their inputs and copy the model's value into them.
    def build(self) -> widgets.Widget:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def extra_refresh(self) -> None:
        """Update anything drawn from the model besides feedback."""

    def change(self, mutate) -> None:
        """Apply a change to the model, save it, and show what happened."""
        if self._loading:
            return
        try:
            mutate(self.session.model)
        except InvalidAnswer as problem:
            self.show_status(SaveResult(False, str(problem)))
            return
        self.show_status(self.session.commit())
        self.refresh()

    def refresh(self) -> None:
        self.feedback.value = render_feedback(self.session.feedback())
        self.undo_button.disabled = not self.session.can_undo()
        self.extra_refresh()

    def show_status(self, result: SaveResult) -> None:
        css = "gf-status" if result.saved or not self.session.saves else "gf-status gf-status-problem"
        notices = "".join(f"<p class='gf-status-problem'>{html.escape(n)}</p>" for n in self.session.journal.notices)
        self.status.value = f"{notices}<p class='{css}' role='status'>{html.escape(result.message)}</p>"

    def optional_text(self, label: str, setter: str) -> widgets.Textarea | None:
        """The spec's extra free-text box ("Something else?"), wired to a model setter."""
        if not label:
            return None
        area = labelled_area(label, rows=3)
        area.observe(
            lambda change: self.change(lambda model: getattr(model, setter)(change["new"])),
            names="value",
        )
        return area

    def _undo(self) -> None:
        result = self.session.undo()
        self._loading = True
        self.load()
        self._loading = False
        self.show_status(result)
        self.refresh()

    def _private_box(self) -> widgets.Widget:
        box = widgets.Checkbox(
            value=self.session.keep_private,
            description="Keep my answer on this computer (anyone who uses this computer could read it)",
            indent=False,
            layout=FULL_WIDTH,
        )

        def toggled(change: dict) -> None:
            self.show_status(self.session.set_keep_private(bool(change["new"])))
            self.refresh()

        box.observe(toggled, names="value")
        return box

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def labelled_area(label: str, placeholder: str = "", rows: int = 4) -> widgets.Textarea:
    """A text box whose visible label is tied to it for screen readers."""
    area = widgets.Textarea(
        description=label,
        placeholder=placeholder,
        rows=rows,
        continuous_update=True,
        layout=FULL_WIDTH,
        style={"description_width": "initial"},
    )
    return area


# ipywidgets shows a None value as an empty box, so "not rated" gets a stand-in.
NOT_RATED = -1


def rating_dropdown(label: str) -> widgets.Dropdown:
    options = [("Not rated yet", NOT_RATED)] + [(str(point), point) for point in range(11)]
    return widgets.Dropdown(
        options=options, value=NOT_RATED, description=label, style={"description_width": "initial"}
    )


def rating_from(value: int) -> int | None:
    """The model's rating for a dropdown value."""
    return None if value == NOT_RATED else value


def rating_to(rating: int | None) -> int:
    """The dropdown value for a model's rating."""
    return NOT_RATED if rating is None else rating
