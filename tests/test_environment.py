"""pyproject.toml, environment.yml and constraints.txt describe the same environment."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_names() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_name(item) for item in listed}


def _environment_names() -> set[str]:
    names = set()
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        match = re.match(r"^\s+- (?!pip:)(.+)$", line)
        if match and not match.group(1).startswith("-e"):
            names.add(_name(match.group(1)))
    return names - {"python", "pip"}


def test_do_pyproject_and_environment_yml_name_the_same_packages() -> None:
    assert _pyproject_names() == _environment_names()


def test_is_every_dependency_pinned_in_constraints() -> None:
    pinned = {
        _name(line) for line in (ROOT / "constraints.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert _pyproject_names() <= pinned
