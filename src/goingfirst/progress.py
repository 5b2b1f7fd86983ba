"""Progress through the course, read from the manifest, the specs and the journal."""

from __future__ import annotations

from dataclasses import dataclass

from goingfirst.journal import Journal
from goingfirst.manifest import Course, Lesson
from goingfirst.specs import Spec


@dataclass(frozen=True)
class LessonProgress:
    lesson: Lesson
    answered: int
    total: int

    @property
    def words(self) -> str:
        if self.total == 0:
            return "Reading only"
        if self.answered == 0:
            return "Not started"
        if self.answered >= self.total:
            return "All exercises answered"
        return f"{self.answered} of {self.total} exercises answered"


def course_progress(course: Course, specs: dict[str, Spec], journal: Journal) -> list[LessonProgress]:
    # Private exercises are left out, so progress never hints at a safety answer.
    answered = journal.answered()
    rows = []
    for lesson in course.lessons:
        ids = [spec.id for spec in specs.values() if spec.lesson == lesson.number and not spec.private]
        rows.append(LessonProgress(lesson, sum(1 for i in ids if i in answered), len(ids)))
    return rows
