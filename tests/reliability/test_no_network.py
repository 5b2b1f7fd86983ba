"""Does the whole course run with outbound network blocked, and does the server phone nothing home?"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from goingfirst.lab import server_arguments
from goingfirst.manifest import load_course
from tests.conftest import ROOT

NOTEBOOKS = [ROOT / path for _, path in load_course().notebooks() if (ROOT / path).exists()]
GUARD = Path(__file__).with_name("network_guard.py")

SELF_CHECK = """
import socket
refused = 0
for attempt in (lambda: socket.create_connection(("203.0.113.7", 80), timeout=2),
                lambda: socket.getaddrinfo("example.com", 443),
                lambda: socket.socket().connect(("198.51.100.1", 443))):
    try:
        attempt()
    except OSError:
        refused += 1
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen()
client = socket.create_connection(server.getsockname(), timeout=2)
print(refused, "loopback ok")
"""


def _guarded_env(folder: Path, log: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(GUARD, folder / "sitecustomize.py")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    env["GOINGFIRST_NET_LOG"] = str(log)
    return env


def test_does_the_guard_block_and_record_outbound_connections(tmp_path: Path) -> None:
    log = tmp_path / "attempts.log"
    done = subprocess.run(
        [sys.executable, "-c", SELF_CHECK], env=_guarded_env(tmp_path / "guard", log), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "loopback", "ok"]
    assert len(log.read_text().splitlines()) == 3


def _problems(notebook) -> list[str]:
    problems = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            text = json.dumps(output)
            if output.get("output_type") == "error" or "goingfirst-problem" in text:
                problems.append(text[:300])
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(text[:300])
    return problems


@pytest.mark.slow
def test_does_every_notebook_run_with_the_network_blocked(tmp_path: Path, figures) -> None:
    log = tmp_path / "attempts.log"
    env = _guarded_env(tmp_path / "guard", log)
    failures: dict[str, list[str]] = {}
    cells = 0
    for number, path in enumerate(NOTEBOOKS):
        env["GOINGFIRST_HOME"] = str(tmp_path / f"home-{number}")
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        )
        try:
            client.execute(env=env)
        except CellExecutionError as error:
            failures[path.name] = [str(error)[:500]]
            continue
        cells += sum(cell.cell_type == "code" for cell in notebook.cells)
        if problems := _problems(notebook):
            failures[path.name] = problems
    kernels = (tmp_path / "attempts.log.loaded").read_text().split()
    attempts = log.read_text().splitlines() if log.exists() else []
    assert failures == {}
    assert len(kernels) >= len(NOTEBOOKS), "every kernel loaded the network guard"
    assert attempts == [], attempts[:5]
    figures(
        f"no network: {len(NOTEBOOKS)} notebooks ({cells} code cells) ran in fresh kernels with outbound "
        f"sockets blocked ({len(kernels)} guarded processes); 0 connection attempts recorded, 0 errors"
    )


def test_does_the_server_turn_off_news_update_checks_and_the_extension_manager() -> None:
    from jupyterlab.labapp import LabApp

    arguments = server_arguments("lab", browser=False)
    settings = dict(a[2:].split("=", 1) for a in arguments if a.startswith("--LabApp."))
    assert {
        "LabApp.news_url": "None",
        "LabApp.check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
        "LabApp.extension_manager": "readonly",
    }.items() <= settings.items()
    traits = LabApp.class_traits()
    assert {"news_url", "check_for_updates_class", "extension_manager"} <= set(traits)
    assert "readonly" in {e.name for e in entry_points(group="jupyterlab.extension_manager_v1")}
    import jupyterlab

    assert hasattr(jupyterlab, "NeverCheckForUpdate")
