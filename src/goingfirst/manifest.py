"""The course manifest: lessons in order, read from ``course.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from goingfirst.paths import MANIFEST_NAME, course_root


@dataclass(frozen=True)
class Lesson:
    number: str
    slug: str
    title: str
    minutes: int
    exercise_minutes: int
    objectives: tuple[str, ...]

    @property
    def stem(self) -> str:
        return f"{self.number}-{self.slug}"

    @property
    def lesson_path(self) -> str:
        """Path of the lesson notebook, relative to the course root."""
        return f"lessons/{self.stem}.ipynb"

    @property
    def exercises_path(self) -> str:
        """Path of the paired exercise notebook, relative to the course root."""
        return f"exercises/{self.stem}.ipynb"

    @property
    def label(self) -> str:
        return f"Lesson {int(self.number)}: {self.title}" if self.number != "00" else self.title


@dataclass(frozen=True)
class Course:
    title: str
    subtitle: str
    lessons: tuple[Lesson, ...]

    def lesson(self, number: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.number == number:
                return lesson
        raise KeyError(f"No lesson numbered {number!r} in the course manifest.")

    def neighbours(self, number: str) -> tuple[Lesson | None, Lesson | None]:
        """The lessons before and after ``number`` (None at either end)."""
        numbers = [lesson.number for lesson in self.lessons]
        index = numbers.index(number)
        before = self.lessons[index - 1] if index > 0 else None
        after = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return before, after

    def notebooks(self) -> list[tuple[Lesson, str]]:
        """Every notebook in course order, each with its lesson."""
        pairs: list[tuple[Lesson, str]] = []
        for lesson in self.lessons:
            pairs += [(lesson, lesson.lesson_path), (lesson, lesson.exercises_path)]
        return pairs

    def lesson_for_path(self, path: str | Path) -> Lesson:
        """The lesson a notebook belongs to, by its file name."""
        name = Path(path).name
        for lesson in self.lessons:
            if name == f"{lesson.stem}.ipynb":
                return lesson
        raise KeyError(f"{name} is not listed in {MANIFEST_NAME}.")


def parse_course(data: dict) -> Course:
    lessons = tuple(
        Lesson(
            number=item["number"],
            slug=item["slug"],
            title=item["title"],
            minutes=int(item["minutes"]),
            exercise_minutes=int(item["exercise_minutes"]),
            objectives=tuple(item["objectives"]),
        )
        for item in data["lesson"]
    )
    return Course(title=data["title"], subtitle=data["subtitle"], lessons=lessons)


@lru_cache(maxsize=4)
def _load(path: Path) -> Course:
    with path.open("rb") as handle:
        return parse_course(tomllib.load(handle))


def load_course(root: Path | None = None) -> Course:
    return _load((root or course_root()) / MANIFEST_NAME)
