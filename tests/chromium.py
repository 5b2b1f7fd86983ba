"""Finding Debian's Chromium for browser tests, and saying loudly when it is missing."""

from __future__ import annotations

import os
import shutil

import pytest

INSTALL_COMMAND = "sudo apt-get install -y chromium"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Flags that keep Chromium from reaching the network on its own.
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def chromium_path() -> str | None:
    override = os.environ.get("GOINGFIRST_CHROMIUM")
    if override:
        return override if os.path.isfile(override) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The Chromium path; in CI a missing browser fails, elsewhere it skips loudly."""
    path = chromium_path()
    if path:
        return path
    message = f"Chromium is not installed, so the browser tests cannot run. Install it with: {INSTALL_COMMAND}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
