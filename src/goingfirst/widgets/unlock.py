"""The passphrase box shown in place of an exercise while the journal is locked."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from goingfirst.journal import Journal
from goingfirst.widgets.style import style_widget

FULL_WIDTH = widgets.Layout(width="100%")
ASK = "Your journal is locked. Type your passphrase to open it."
FORGOTTEN = (
    "If you have forgotten your passphrase, your saved answers cannot be recovered by "
    "anyone. You can still read the lesson."
)


class UnlockPanel:
    """Asks for the passphrase once; every panel of the same journal then opens."""

    def __init__(self, journal: Journal, opened: Callable[[], widgets.Widget]) -> None:
        self.journal = journal
        self._opened = opened
        self.passphrase = widgets.Password(
            description="Passphrase",
            placeholder="Your journal passphrase",
            style={"description_width": "initial"},
        )
        self.button = widgets.Button(description="Open my journal", icon="unlock", button_style="primary")
        self.button.on_click(lambda _: self.submit())
        self.status = widgets.HTML(layout=FULL_WIDTH)
        intro = widgets.HTML(f"<p><strong>{html.escape(ASK)}</strong></p><p>{html.escape(FORGOTTEN)}</p>")
        self.widget = widgets.VBox(
            [style_widget(), intro, widgets.HBox([self.passphrase, self.button]), self.status],
            layout=FULL_WIDTH,
        )
        self.widget.add_class("gf-unlock")
        journal.on_unlock(self.open)

    def submit(self) -> None:
        """Try the typed passphrase, then clear it from the box (and the widget state)."""
        typed, self.passphrase.value = self.passphrase.value, ""
        if not typed:
            self._say("Type your passphrase first.")
            return
        result = self.journal.unlock(typed)
        del typed
        if not result.saved:
            self._say(result.message)

    def open(self) -> None:
        """Replace the passphrase box with the exercise itself."""
        self.passphrase.close()
        try:
            self.widget.children = (self._opened(),)
        except Exception:  # noqa: BLE001 - the learner must never see a traceback
            self.widget.children = (self.status,)
            self._say("Your journal is open, but this exercise could not be shown. Run this cell again.")

    def _say(self, message: str) -> None:
        self.status.value = f"<p class='gf-status gf-status-problem' role='alert'>{html.escape(message)}</p>"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def unlock_panel(journal: Journal, opened: Callable[[], widgets.Widget]) -> widgets.Widget:
    """A passphrase box that turns into ``opened()`` once the journal is unlocked."""
    return UnlockPanel(journal, opened).widget
