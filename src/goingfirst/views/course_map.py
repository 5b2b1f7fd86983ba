"""The course map: every lesson in order, with time and progress."""

from __future__ import annotations

from goingfirst.journal import Journal
from goingfirst.manifest import load_course
from goingfirst.progress import course_progress
from goingfirst.render import ENVIRONMENT
from goingfirst.specs import all_specs


def course_map_html(journal: Journal, link_prefix: str = "../") -> str:
    course = load_course()
    rows = course_progress(course, all_specs(), journal)
    return ENVIRONMENT.get_template("course_map.html.j2").render(
        course=course, rows=rows, prefix=link_prefix
    )
