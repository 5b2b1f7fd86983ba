"""What a notebook cell calls: one short call per exercise or view.

These functions are the edge between a notebook and the package. They never
let a traceback reach the learner: any failure becomes a calm message.
"""

from __future__ import annotations

import html
from functools import lru_cache

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


def show(exercise_id: str, journal: Journal | None = None) -> None:
    """Show one exercise, with any saved answer filled in."""
    try:
        from goingfirst.widgets import exercise_view

        journal = journal or default_journal()
        if journal.locked:
            from goingfirst.widgets.unlock import unlock_panel

            display(unlock_panel(journal, lambda: exercise_view(exercise_id, journal)))
        else:
            display(exercise_view(exercise_id, journal))
    except Exception as error:  # noqa: BLE001 - the learner must never see a traceback
        _calm_failure("This exercise", error)


def show_course_map(journal: Journal | None = None) -> None:
    """The lessons in order, with links and progress read from the journal."""
    try:
        from goingfirst.views.course_map import course_map_html

        display(HTML(course_map_html(journal or default_journal())))
    except Exception as error:  # noqa: BLE001
        _calm_failure("The course map", error)


def show_crisis_contacts() -> None:
    """Crisis contacts, with a choice of region."""
    try:
        from goingfirst.widgets.crisis import crisis_contacts_widget

        display(crisis_contacts_widget())
    except Exception as error:  # noqa: BLE001
        _calm_failure("The crisis contacts", error)


def show_journal_status(journal: Journal | None = None) -> None:
    """Where answers are kept, whether saving works, and how to erase them."""
    try:
        from goingfirst.views.journal_status import journal_status_html

        display(HTML(journal_status_html(journal or default_journal())))
    except Exception as error:  # noqa: BLE001
        _calm_failure("The journal status", error)
