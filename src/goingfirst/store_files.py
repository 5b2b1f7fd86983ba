"""File handling for the journal: private permissions, moving bad files aside."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm", "-journal")
MOVED_ASIDE_MARK = ".unreadable-"
SQLITE_MAGIC = b"SQLite format 3\0"
# SQLite result codes that mean the file itself is damaged.
DAMAGE_ERRORS = ("SQLITE_NOTADB", "SQLITE_CORRUPT")
# SQLite result codes for a write the operating system refused.
WRITE_ERRORS = ("SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_SHMSIZE")


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
    """Whether ``path`` is an SQLite database that passes a quick check.

    Only a file SQLite itself calls damaged counts as unreadable. A file that
    cannot be opened right now (busy, read-only folder, no permission) is left
    alone: moving it aside would hide a learner's answers for no reason.
    """
    if path.stat().st_size == 0:
        return True
    if is_truncated(path):
        return False
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=15)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return not is_damage_error(error)


def is_truncated(path: Path) -> bool:
    """Whether the file is shorter than its own header says (SQLite would read zeros).

    While a WAL file exists, a checkpoint may have been cut short after writing
    the header; SQLite finishes it from the WAL, so only the page size is checked.
    """
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return False  # SQLite itself will call it "not a database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    size = path.stat().st_size
    if page_size < 512 or size % page_size:
        return True
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    return header_size_valid and size < pages * page_size


def is_damage_error(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged (not merely busy or unwritable)."""
    name = getattr(error, "sqlite_errorname", "")
    text = str(error).lower()
    return name in DAMAGE_ERRORS or "not a database" in text or "malformed" in text


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """A connection that can only read ``path``, or None if even that fails.

    ``immutable`` is the last resort for a folder where SQLite cannot create
    its lock files; it reads the main file only.
    """
    if not path.is_file():
        return None
    for option in ("mode=ro", "immutable=1"):
        try:
            connection = sqlite3.connect(f"{path.absolute().as_uri()}?{option}", uri=True, timeout=15)
        except sqlite3.Error:
            continue
        try:
            connection.execute("SELECT count(*) FROM answers").fetchone()
            return connection
        except sqlite3.Error:
            connection.close()
    return None


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
    name = getattr(error, "sqlite_errorname", "")
    if number == errno.ENOSPC or name == "SQLITE_FULL" or "disk is full" in text or "disk full" in text:
        return "the disk is full"
    if name in WRITE_ERRORS or "disk i/o error" in text:
        # SQLite does not pass the reason on; a full disk or a size limit is the usual one.
        return "the computer could not write to the disk (it may be full)"
    if number == errno.EFBIG or "too big" in text:
        return "the file has reached its size limit"
    if number in (errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        return "this folder is read-only or you do not have permission to write there"
    if number == errno.EROFS:
        return "this drive is read-only"
    if "malformed" in text or "not a database" in text:
        return (
            "the journal file is damaged (close and reopen this notebook: Going First will "
            "set the damaged file aside, keeping it, and start a new journal)"
        )
    if "unable to open" in text:
        return "the journal file could not be opened there"
    if "locked" in text:
        return "another program kept the journal busy for too long"
    return "an unexpected problem with the file"
