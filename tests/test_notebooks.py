"""Every notebook runs top to bottom in a fresh kernel, and is committed clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goingfirst import cells
from goingfirst.manifest import load_course
from goingfirst.notebook_sync import sync_all
from goingfirst.paths import HOME_ENV
from goingfirst.specs import all_specs
from tests.conftest import ROOT

COURSE = load_course()
NOTEBOOKS = [ROOT / path for _, path in COURSE.notebooks() if (ROOT / path).exists()]
IDS = [path.relative_to(ROOT).as_posix() for path in NOTEBOOKS]


def test_does_every_manifest_notebook_exist() -> None:
    missing = [path for _, path in COURSE.notebooks() if not (ROOT / path).exists()]
    assert missing == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_does_the_notebook_run_in_a_fresh_kernel(path: Path, nb_regression, private_home: Path) -> None:
    # Notebooks are stored without outputs: compare nothing, require clean execution.
    nb_regression.diff_ignore = ("/cells/*/outputs", "/cells/*/execution_count", "/metadata")
    nb_regression.exec_env = {HOME_ENV: str(private_home)}
    nb_regression.exec_timeout = 120
    result = nb_regression.check(str(path))
    problems = []
    for cell in result.nb_final.cells:
        for output in cell.get("outputs", []):
            text = json.dumps(output)
            if output.get("output_type") == "error" or "goingfirst-problem" in text:
                problems.append(text[:400])
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(text[:400])
    assert problems == []
    exercise_cells = [cell for cell in result.nb_final.cells if cells.exercise_id(cell)]
    for cell in exercise_cells:
        kinds = [set(output.get("data", {})) for output in cell.outputs]
        assert {"application/vnd.jupyter.widget-view+json"} <= set().union(*kinds), cells.exercise_id(cell)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_is_the_committed_notebook_free_of_outputs_and_widget_state(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in notebook["metadata"]
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_is_every_code_cell_one_short_hidden_call(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            comment, call = "".join(cell["source"]).split("\n")
            assert comment.startswith("# ") and "import" not in comment, "a plain-words first line"
            assert len(call) < 100 and call.count(";") == 1, call
            assert cell["metadata"]["jupyter"]["source_hidden"] is True
            assert cell["metadata"][cells.KEY], "every code cell is an exercise or a view"


def test_are_generated_headers_and_navigation_up_to_date() -> None:
    assert sync_all(check=True) == []


def test_does_every_exercise_appear_in_exactly_one_notebook() -> None:
    seen: dict[str, str] = {}
    for path in NOTEBOOKS:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            exercise = cell.get("metadata", {}).get(cells.KEY, {}).get(cells.EXERCISE)
            if exercise:
                assert exercise not in seen, f"{exercise} in {seen.get(exercise)} and {path.name}"
                seen[exercise] = path.name
    assert set(seen) == set(all_specs())


def test_do_navigation_links_point_at_real_notebooks() -> None:
    import re

    for path in NOTEBOOKS:
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+\.ipynb)\)", text):
            assert (path.parent / target).resolve().exists(), f"{path.name} links to missing {target}"
