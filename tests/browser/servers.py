"""Start the course's real servers (JupyterLab, Notebook 7, app mode) in isolation, and stop them.

Each server gets its own GOINGFIRST_HOME and its own Jupyter config, data,
runtime, settings and workspace folders, so no learner state leaks in and no
test state leaks out. Autosave is off and checkpoints go to the temporary
folder, so running the course's notebooks never writes to the course files.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from goingfirst import app, lab
from goingfirst.journal import Journal
from goingfirst.paths import HOME_ENV, course_root

STARTUP_SECONDS = 90
STOP_SECONDS = 20
# What a learner who answered "No" to JupyterLab's news question would have,
# plus autosave off: the tests run every notebook and must never save outputs into the course.
USER_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """One running server, with what a test needs to reach it."""

    name: str
    port: int
    token: str
    home: Path
    log: Path
    process: subprocess.Popen = field(repr=False)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, **query: str) -> str:
        """An address on this server, with the token."""
        return f"{self.base}/{path.lstrip('/')}?{urlencode({**query, 'token': self.token})}"

    def api(self, method: str, path: str) -> object:
        """Call the Jupyter REST API; returns decoded JSON (or None)."""
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        """Stop every notebook session, so kernels do not pile up on a small machine."""
        for session in self.api("GET", "api/sessions") or []:
            self.api("DELETE", f"api/sessions/{session['id']}")

    def saved_answer(self, exercise_id: str) -> object:
        """The answer the course saved in this server's journal, read as `goingfirst journal` would."""
        journal = Journal(self.home)
        try:
            return journal.load(exercise_id)
        finally:
            journal.close()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGINT twice would ask; SIGTERM makes Jupyter and Voila stop their kernels and exit.
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(STOP_SECONDS)


def isolated_environment(folder: Path) -> dict[str, str]:
    """Environment variables that give a server only temporary state."""
    places = {
        HOME_ENV: folder / "goingfirst-home",
        "JUPYTER_CONFIG_DIR": folder / "config",
        "JUPYTER_DATA_DIR": folder / "data",
        "JUPYTER_RUNTIME_DIR": folder / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": folder / "user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": folder / "workspaces",
        "IPYTHONDIR": folder / "ipython",
    }
    for place in places.values():
        place.mkdir(parents=True, exist_ok=True)
    for name, value in USER_SETTINGS.items():
        target = places["JUPYTERLAB_SETTINGS_DIR"] / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(value), encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("JUPYTER")}
    environment.update({name: str(place) for name, place in places.items()})
    environment["PYTHONUNBUFFERED"] = "1"
    return environment


def _checkpoint_arguments(folder: Path) -> list[str]:
    """Keep Jupyter's checkpoint copies out of the course folders."""
    checkpoints = folder / "checkpoints"
    for sub in ("", "lessons", "exercises"):
        (checkpoints / sub).mkdir(parents=True, exist_ok=True)
    return [f"--FileCheckpoints.root_dir={checkpoints}"]


def _wait_until_ready(server: Server, path: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"The {server.name} server stopped while starting:\n{server.log_tail()}")
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        try:
            connection.request("GET", f"/{path}?token={server.token}")
            if connection.getresponse().status < 500:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(f"The {server.name} server did not answer within {STARTUP_SECONDS}s:\n{server.log_tail()}")


def _launch(name: str, arguments: list[str], folder: Path, port: int, token: str, ready_path: str) -> Server:
    log = folder / f"{name}.log"
    with log.open("w", encoding="utf-8") as handle:
        process = subprocess.Popen(
            arguments,
            env=isolated_environment(folder),
            cwd=folder,
            stdout=handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # so a stuck server and its kernels can be stopped together
        )
    server = Server(name, port, token, folder / "goingfirst-home", log, process)
    _wait_until_ready(server, ready_path)
    return server


def start_jupyter(front_end: str, folder: Path) -> Server:
    """The course's JupyterLab ("lab") or Notebook 7 ("notebook"), started as `goingfirst lab` does."""
    port, token = free_port(), secrets.token_hex(16)
    arguments = [
        *lab.server_arguments(front_end, port=port, browser=False),
        f"--IdentityProvider.token={token}",
        *_checkpoint_arguments(folder),
    ]
    return _launch(front_end, arguments, folder, port, token, "api/status")


def start_app(folder: Path) -> Server:
    """App mode (`goingfirst app`), as the learner gets it."""
    port, token = free_port(), secrets.token_hex(16)
    arguments = [
        sys.executable, "-m", "goingfirst.app",
        *app.voila_arguments(course_root(), port=port, token=token, browser=False),
        "--Voila.port_retries=0",
    ]
    # "/" only redirects to the first lesson, so asking for it starts no kernel.
    return _launch("app", arguments, folder, port, token, "")
