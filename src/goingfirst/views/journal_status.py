"""Where the learner's answers are kept, and how to see or erase them."""

from __future__ import annotations

from goingfirst.journal import Journal
from goingfirst.render import ENVIRONMENT


def journal_status_html(journal: Journal) -> str:
    return ENVIRONMENT.get_template("journal_status.html.j2").render(journal=journal)
