"""Shared tools for the reliability tests: forked children and byte scans."""

from __future__ import annotations

import json
import os
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path


def run_in_child(work: Callable[[], object], timeout: float = 120.0) -> object:
    """Run ``work`` in a forked child and return what it returned (as JSON).

    The child never returns into pytest: it always ends with ``os._exit``.
    """
    import select
    import signal
    import time

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        code = 0
        try:
            payload = {"ok": True, "value": work()}
        except BaseException:  # noqa: BLE001 - report everything to the parent
            payload = {"ok": False, "error": traceback.format_exc()}
            code = 1
        data = json.dumps(payload).encode()
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view):]
        os._exit(code)
    os.close(write_end)
    chunks = []
    deadline = time.monotonic() + timeout
    while True:
        ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read_end)
            raise TimeoutError("the child process did not finish in time")
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    payload = json.loads(b"".join(chunks) or b'{"ok": false, "error": "no answer from the child"}')
    if not payload["ok"]:
        raise AssertionError("child process failed:\n" + payload["error"])
    return payload["value"]


def byte_forms(text: str) -> list[bytes]:
    """Every way ``text`` could sit in a file: UTF-8, UTF-16 both ways, JSON escapes."""
    escaped = json.dumps(text, ensure_ascii=True)[1:-1]
    forms = {
        text.encode("utf-8", "surrogatepass"),
        text.encode("utf-16-le", "surrogatepass"),
        text.encode("utf-16-be", "surrogatepass"),
        escaped.encode("ascii"),
        escaped.encode("utf-16-le"),
    }
    return sorted(forms)


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def find_texts(folder: Path, texts: Iterable[str]) -> tuple[list[str], int, int]:
    """Which of ``texts`` appear in any file under ``folder``, in any byte form.

    Returns (hits as "text in file", files scanned, bytes scanned).
    """
    contents = {path: path.read_bytes() for path in files_under(folder)}
    hits = []
    for text in texts:
        for form in byte_forms(text):
            hits += [f"{text!r} in {path.name}" for path, data in contents.items() if form in data]
    return sorted(set(hits)), len(contents), sum(len(data) for data in contents.values())
