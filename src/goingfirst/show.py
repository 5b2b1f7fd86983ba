"""What a notebook cell calls: one short call per exercise or view.

These functions are the edge between a notebook and the package. They never
let a traceback reach the learner: any failure becomes a calm message.
"""

from __future__ import annotations

import functools
import html
from functools import lru_cache
from typing import Any, Callable

from IPython.display import HTML, display

from goingfirst.journal import Journal


@lru_cache(maxsize=1)
def default_journal() -> Journal:
    """One journal per kernel, so every exercise in a notebook shares it.

    It is opened without a passphrase: a locked journal is opened by the
    learner through the passphrase box that ``show`` puts in its place, and
    then stays open for this kernel.
    """
    return Journal()


def _calm_failure(what: str, error: Exception) -> None:
    message = (
        f"<div class='goingfirst-problem' role='alert'><p><strong>{html.escape(what)} "
        "could not be shown.</strong> Your saved answers are safe. You can keep reading "
        "the lesson. If this keeps happening, please tell whoever gave you the course.</p>"
        f"<p>Details: {html.escape(str(error) or type(error).__name__)}</p></div>"
    )
    display(HTML(message))


def _shown_calmly(what: str) -> Callable:
    """Display what the function builds; any failure becomes a calm message."""

    def decorate(build: Callable[..., Any]) -> Callable[..., None]:
        @functools.wraps(build)
        def shown(*args: Any, **kwargs: Any) -> None:
            try:
                display(build(*args, **kwargs))
            except Exception as error:  # noqa: BLE001 - the learner must never see a traceback
                _calm_failure(what, error)

        return shown

    return decorate


@_shown_calmly("This exercise")
def show(exercise_id: str, journal: Journal | None = None):
    """Show one exercise, with any saved answer filled in."""
    from goingfirst.widgets import exercise_view

    journal = journal or default_journal()
    if journal.locked:
        from goingfirst.widgets.unlock import unlock_panel

        return unlock_panel(journal, lambda: exercise_view(exercise_id, journal))
    return exercise_view(exercise_id, journal)


@_shown_calmly("The course map")
def show_course_map(journal: Journal | None = None):
    """The lessons in order, with links and progress read from the journal."""
    from goingfirst.views.course_map import course_map_html

    return HTML(course_map_html(journal or default_journal()))


@_shown_calmly("The crisis contacts")
def show_crisis_contacts():
    """Crisis contacts, with a choice of region."""
    from goingfirst.widgets.crisis import crisis_contacts_widget

    return crisis_contacts_widget()


@_shown_calmly("The journal status")
def show_journal_status(journal: Journal | None = None):
    """Where answers are kept, whether saving works, and how to erase them."""
    from goingfirst.views.journal_status import journal_status_html

    return HTML(journal_status_html(journal or default_journal()))
