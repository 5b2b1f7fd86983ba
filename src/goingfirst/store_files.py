"""File handling for the journal: private permissions, moving bad files aside."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm", "-journal")
MOVED_ASIDE_MARK = ".unreadable-"


def make_private_folder(folder: Path) -> None:
    """Create the folder readable only by this user (mode 0700)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)


def create_private_file(path: Path) -> None:
    """Create the file with mode 0600 before SQLite opens it.

    SQLite gives its -wal and -shm files the same mode as the database file.
    """
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(descriptor)
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


def is_readable_database(path: Path) -> bool:
    """Whether ``path`` is an SQLite database that passes a quick check."""
    if path.stat().st_size == 0:
        return True
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=15)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        # A busy database is a healthy one in use by another notebook.
        return "locked" in str(error)


def move_aside(path: Path) -> Path:
    """Rename an unreadable journal (and its side files) with a timestamp."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}{MOVED_ASIDE_MARK}{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}{MOVED_ASIDE_MARK}{stamp}-{counter}")
    path.rename(target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def shred_moved_aside(folder: Path, file_name: str) -> list[Path]:
    """Overwrite with zeros, then remove, every moved-aside journal file."""
    removed = []
    for path in sorted(folder.glob(f"{file_name}{MOVED_ASIDE_MARK}*")):
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
        removed.append(path)
    return removed


def describe(error: BaseException) -> str:
    """A short plain-words reason for a file or database error."""
    text = str(error).lower()
    number = getattr(error, "errno", None)
    if number == errno.ENOSPC or "disk is full" in text or "disk full" in text:
        return "the disk is full"
    if number == errno.EFBIG or "too big" in text:
        return "the file has reached its size limit"
    if number in (errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        return "this folder is read-only or you do not have permission to write there"
    if number == errno.EROFS:
        return "this drive is read-only"
    if "unable to open" in text:
        return "the journal file could not be opened there"
    if "locked" in text:
        return "another program kept the journal busy for too long"
    return "an unexpected problem with the file"
