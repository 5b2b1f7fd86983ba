"""Start JupyterLab (or Notebook 7) for the course: on this machine only, nothing phoned home."""

from __future__ import annotations

import os
import sys
from importlib.resources import files
from pathlib import Path

from goingfirst.manifest import load_course
from goingfirst.paths import course_root

PRIVATE_SERVER = [
    "--ServerApp.ip=127.0.0.1",
    # JupyterLab would otherwise fetch news, check for updates and list extensions online.
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
    # Settings overrides answer JupyterLab's "get news?" question with no, up front.
    f"--LabApp.app_settings_dir={files('goingfirst') / 'lab_settings'}",
]


def server_arguments(
    front_end: str = "lab", root: Path | None = None, port: int | None = None, browser: bool = True
) -> list[str]:
    """The command line that starts the course's Jupyter server."""
    root = root or course_root()
    first = load_course(root).lessons[0].lesson_path
    url = f"/lab/tree/{first}" if front_end == "lab" else f"/notebooks/{first}"
    arguments = [
        sys.executable, "-m", "jupyterlab" if front_end == "lab" else "notebook",
        *PRIVATE_SERVER,
        f"--ServerApp.root_dir={root}",
        # The front end's own default_url wins over ServerApp's, so set that one.
        f"--{'LabApp' if front_end == 'lab' else 'JupyterNotebookApp'}.default_url={url}",
    ]
    if front_end != "lab":
        arguments = [a for a in arguments if not a.startswith("--LabApp.")]
    if port:
        arguments.append(f"--ServerApp.port={port}")
    if not browser:
        arguments.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        arguments.append("--allow-root")
    return arguments


def run(front_end: str = "lab", port: int | None = None, browser: bool = True) -> int:
    arguments = server_arguments(front_end, port=port, browser=browser)
    os.execv(arguments[0], arguments)
    return 0  # not reached: execv replaces this process
