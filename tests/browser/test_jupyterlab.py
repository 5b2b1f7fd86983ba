"""The course in JupyterLab, as a learner meets it: open, Run All, answer, restart, answers back."""

from __future__ import annotations

import pytest

from goingfirst.specs import KINDS
from tests.browser.course import learner_exercises, notebooks
from tests.browser.learner import answer, assert_came_back, exercise_box, wait_for_saved

NOTEBOOKS = notebooks()
TRIED = learner_exercises()


@pytest.mark.browser
def test_does_jupyterlab_open_without_reaching_the_internet(lab) -> None:
    session, _ = lab
    assert session.network.attempts == []
    assert session.network.refused == []


@pytest.mark.browser
@pytest.mark.parametrize("path", NOTEBOOKS)
def test_does_the_notebook_run_cleanly_in_jupyterlab(lab, path: str) -> None:
    session, ui = lab
    ui.smoke_test(session.network, path, "jupyterlab")


@pytest.mark.browser
@pytest.mark.parametrize("path", list(TRIED), ids=[f"{path}:{','.join(s.id for s in specs)}" for path, specs in TRIED.items()])
def test_do_answers_save_and_come_back_after_a_kernel_restart(lab, path: str) -> None:
    session, ui = lab
    server = session.server
    ui.open(path)
    try:
        ui.run_all()
        attempts = []
        for spec in TRIED[path]:
            attempt = answer(exercise_box(ui.panel, spec.id), spec, server.saved_answer)
            wait_for_saved(server.saved_answer, attempt)
            attempts.append(attempt)
        ui.restart_and_run_all()
        assert ui.problems() == []
        for attempt in attempts:
            assert_came_back(exercise_box(ui.panel, attempt.spec.id), attempt)
    finally:
        ui.close()


@pytest.mark.browser
def test_did_jupyterlab_reach_nothing_on_the_internet_all_along(lab) -> None:
    session, _ = lab
    assert (session.network.attempts, session.network.refused) == ([], [])


def test_does_the_course_try_every_kind_of_exercise() -> None:
    """Is every widget type used in the browser at least once (they all exist in the course)?"""
    tried = {spec.kind for specs in TRIED.values() for spec in specs}
    assert tried == set(KINDS), f"no notebook yet holds a {sorted(set(KINDS) - tried)} exercise"
