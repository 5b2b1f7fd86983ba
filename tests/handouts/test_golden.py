"""The fixture course's handouts against committed golden files.

Regenerate after an intended change with:
    GOINGFIRST_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/handouts/test_golden.py
then read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.handouts.conftest import GOLDEN, export

UPDATE_ENV = "GOINGFIRST_UPDATE_GOLDEN"
GENERATED_ON = re.compile(r'<time datetime="[^"]*">[^<]*</time>')


def normalise(html: str) -> str:
    """The page without what changes from run to run: the date it was made."""
    return GENERATED_ON.sub('<time datetime="DATE">DATE</time>', html)


@pytest.fixture
def fixture_handouts(fixture_course: Path, tmp_path: Path) -> Path:
    out = tmp_path / "handouts"
    assert export("--out", str(out), "--org", "Riverside Counselling") == 0
    return out


@pytest.mark.parametrize("name", ["lessons/01-every-kind.html", "exercises/01-every-kind.html", "index.html"])
def test_does_the_fixture_handout_match_its_golden_file(fixture_handouts: Path, name: str) -> None:
    """Is the handout the same as the reviewed golden copy (apart from its date)?"""
    made = normalise((fixture_handouts / name).read_text(encoding="utf-8"))
    golden = GOLDEN / name.replace("/", "--")
    if os.environ.get(UPDATE_ENV):
        golden.write_text(made, encoding="utf-8")
    assert golden.exists(), f"No golden file yet: run with {UPDATE_ENV}=1 and review it."
    assert made == golden.read_text(encoding="utf-8"), (
        f"{name} differs from {golden.name}. If the change is intended, run with {UPDATE_ENV}=1."
    )
