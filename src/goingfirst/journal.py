"""The learner's journal: answers kept in SQLite on their own machine.

Every save is its own short transaction in WAL mode, so two notebooks open at
once (two kernels) can both save. Earlier versions are kept, so an accidental
clear can be undone. When the store cannot be used, the journal keeps answers
in memory and says plainly why they are not being saved.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from goingfirst import store_files
from goingfirst.paths import journal_home

FILE_NAME = "journal.sqlite3"
SCHEMA_VERSION = 1
# Keystrokes within this window refine one version instead of adding many.
COALESCE_SECONDS = 20.0
# A change that drops more than a third of an answer always starts a new
# version, so an accidental clear can be undone.
SHRINK_KEEPS_VERSION = 0.67
VERSIONS_KEPT = 50
MAX_ANSWER_CHARS = 4_000_000
LOCK_RETRY_SECONDS = 15.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answers (
    exercise_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    writer TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (exercise_id, version)
);
"""


@dataclass(frozen=True)
class SaveResult:
    """What happened to one save, in words a learner understands."""

    saved: bool
    message: str


@dataclass(frozen=True)
class Version:
    number: int
    saved_at: str
    value: Any


class AnswerNotSaved(Exception):
    """A save that could not be written; the message is for the learner."""


def encode(value: Any) -> str:
    """JSON text for a value. ASCII escapes keep lone surrogates and NUL exact."""
    try:
        return json.dumps(value, ensure_ascii=True, sort_keys=True)
    except (TypeError, ValueError) as error:
        raise AnswerNotSaved(
            "This answer could not be saved because it holds something that is not text."
        ) from error


def decode(text: str) -> Any:
    return json.loads(text)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _local_time(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")


class Journal:
    """Answers by exercise id, saved as they change, with earlier versions kept."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = Path(home) if home is not None else journal_home()
        self.path = self.home / FILE_NAME
        self.writer = uuid.uuid4().hex
        self.problem: str | None = None
        self.notices: list[str] = []
        self._unsaved: dict[str, Any] = {}
        self._last_write: dict[str, float] = {}
        self._connection: sqlite3.Connection | None = None
        self._connect()

    # -- opening -----------------------------------------------------------

    def _connect(self) -> None:
        try:
            store_files.make_private_folder(self.home)
            if self.path.exists() and not store_files.is_readable_database(self.path):
                moved = store_files.move_aside(self.path)
                self.notices.append(
                    "Your journal file could not be read, so it was moved aside to "
                    f"{moved.name} in {self.home} and a new, empty journal was started. "
                    "Nothing was deleted."
                )
            store_files.create_private_file(self.path)
            connection = sqlite3.connect(self.path, timeout=LOCK_RETRY_SECONDS, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA secure_delete=ON")
            connection.executescript(SCHEMA)
            connection.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        except (OSError, sqlite3.Error) as error:
            self._connection = None
            self.problem = (
                "Your answers are not being saved: Going First cannot use the folder "
                f"{self.home} ({store_files.describe(error)}). You can keep working, but "
                "answers will be lost when this notebook closes. Copy anything you want to keep."
            )
            return
        self._connection = connection
        self.problem = None

    @property
    def saving(self) -> bool:
        """Whether answers are reaching the file right now."""
        return self._connection is not None and self.problem is None

    def status(self) -> str:
        """One sentence on where answers are kept, for the exercise footer."""
        if self.problem:
            return self.problem
        return f"Answers are saved only on this computer, in {self.home}."

    # -- reading -----------------------------------------------------------

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self._connection is None:
            return []
        try:
            return self._connection.execute(sql, params).fetchall()
        except sqlite3.Error:
            return []

    def load(self, exercise_id: str, default: Any = None) -> Any:
        """The newest answer, including one that could not be written yet."""
        if exercise_id in self._unsaved:
            return self._unsaved[exercise_id]
        rows = self._rows(
            "SELECT value FROM answers WHERE exercise_id = ? ORDER BY version DESC LIMIT 1",
            (exercise_id,),
        )
        return decode(rows[0][0]) if rows else default

    def history(self, exercise_id: str) -> list[Version]:
        """Saved versions, oldest first."""
        rows = self._rows(
            "SELECT version, saved_at, value FROM answers WHERE exercise_id = ? ORDER BY version",
            (exercise_id,),
        )
        return [Version(number, saved_at, decode(value)) for number, saved_at, value in rows]

    def answered(self) -> set[str]:
        """Ids of every exercise with an answer, saved or held in memory."""
        ids = {row[0] for row in self._rows("SELECT DISTINCT exercise_id FROM answers")}
        return ids | set(self._unsaved)

    def export(self) -> dict[str, dict[str, Any]]:
        """Every newest answer with when it was saved, as plain data."""
        result: dict[str, dict[str, Any]] = {}
        for exercise_id in sorted(self.answered()):
            versions = self.history(exercise_id)
            entry: dict[str, Any] = {"value": self.load(exercise_id), "versions": len(versions)}
            entry["saved_at"] = versions[-1].saved_at if versions else None
            if exercise_id in self._unsaved:
                entry["saved_at"] = None
            result[exercise_id] = entry
        return result

    # -- writing -----------------------------------------------------------

    def save(self, exercise_id: str, value: Any) -> SaveResult:
        """Save an answer now. Never raises: the result says what happened."""
        self._unsaved[exercise_id] = value
        try:
            text = encode(value)
            if len(text) > MAX_ANSWER_CHARS:
                raise AnswerNotSaved(
                    "This answer is too long to save (it is over "
                    f"{MAX_ANSWER_CHARS // 1_000_000} million characters). It is kept here "
                    "for now; please shorten it so it can be saved."
                )
            if self._connection is None:
                self._connect()
            if self._connection is None:
                raise AnswerNotSaved(self.problem or "Answers are not being saved.")
            saved_at = self._write(self._connection, exercise_id, text)
        except AnswerNotSaved as refusal:
            return SaveResult(False, str(refusal))
        except sqlite3.Error as error:
            return SaveResult(
                False,
                f"This answer was not saved: {store_files.describe(error)}. It is kept here "
                "for now and will be saved with your next change once that is fixed.",
            )
        del self._unsaved[exercise_id]
        return SaveResult(True, f"Saved on this computer at {_local_time(saved_at)}.")

    def _write(self, connection: sqlite3.Connection, exercise_id: str, text: str) -> str:
        saved_at = _now()
        deadline = time.monotonic() + LOCK_RETRY_SECONDS
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        try:
            latest = connection.execute(
                "SELECT version, writer, value FROM answers WHERE exercise_id = ? "
                "ORDER BY version DESC LIMIT 1",
                (exercise_id,),
            ).fetchone()
            if latest and latest[2] == text:
                connection.execute("COMMIT")
                return saved_at
            if latest and self._refines(exercise_id, latest[1], latest[2], text):
                connection.execute(
                    "UPDATE answers SET value = ?, saved_at = ? WHERE exercise_id = ? AND version = ?",
                    (text, saved_at, exercise_id, latest[0]),
                )
            else:
                number = latest[0] + 1 if latest else 1
                connection.execute(
                    "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
                    (exercise_id, number, saved_at, self.writer, text),
                )
                connection.execute(
                    "DELETE FROM answers WHERE exercise_id = ? AND version <= ?",
                    (exercise_id, number - VERSIONS_KEPT),
                )
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        self._last_write[exercise_id] = time.monotonic()
        return saved_at

    def _refines(self, exercise_id: str, writer: str, old: str, new: str) -> bool:
        """Whether a change only continues the current version (typing on)."""
        recent = time.monotonic() - self._last_write.get(exercise_id, -1e9) < COALESCE_SECONDS
        return writer == self.writer and recent and len(new) >= SHRINK_KEEPS_VERSION * len(old)

    def restore_previous(self, exercise_id: str) -> Any:
        """Bring back the version before the newest one, as a new version."""
        versions = self.history(exercise_id)
        if len(versions) < 2:
            return None
        value = versions[-2].value
        self._last_write.pop(exercise_id, None)
        self.save(exercise_id, value)
        return value

    def forget(self, exercise_id: str) -> None:
        """Remove every version of one answer (for example a private one)."""
        self._unsaved.pop(exercise_id, None)
        if self._connection is not None:
            self._connection.execute("DELETE FROM answers WHERE exercise_id = ?", (exercise_id,))
            self._checkpoint()

    def erase(self) -> list[Path]:
        """Remove every answer so its text cannot be read back from the files.

        Returns the moved-aside journal files that were also overwritten and removed.
        """
        self._unsaved.clear()
        if self._connection is not None:
            self._connection.execute("DELETE FROM answers")
            self._checkpoint()
            self._connection.execute("VACUUM")
            self._checkpoint()
        return store_files.shred_moved_aside(self.home, FILE_NAME)

    def _checkpoint(self) -> None:
        # Folding the WAL back and truncating it leaves no old pages behind.
        if self._connection is not None:
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
