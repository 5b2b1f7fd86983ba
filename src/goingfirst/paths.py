"""Where the course files and the learner's journal live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_ENV = "GOINGFIRST_HOME"
COURSE_ENV = "GOINGFIRST_COURSE"
MANIFEST_NAME = "course.toml"


def journal_home() -> Path:
    """The folder that holds the learner's answers (never inside the course)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("goingfirst", appauthor=False))


def course_root() -> Path:
    """The folder with ``course.toml``, ``lessons/`` and ``exercises/``."""
    override = os.environ.get(COURSE_ENV)
    if override:
        return Path(override).expanduser().resolve()
    # An editable install keeps the package inside the course checkout.
    candidates = [Path(__file__).resolve().parents[2], *Path.cwd().resolve().parents]
    candidates.insert(1, Path.cwd().resolve())
    for folder in candidates:
        if (folder / MANIFEST_NAME).is_file():
            return folder
    raise FileNotFoundError(
        f"Could not find the course folder (the one holding {MANIFEST_NAME}). "
        f"Open the course from its own folder, or set {COURSE_ENV}."
    )


def assets_dir() -> Path:
    return course_root() / "assets"
