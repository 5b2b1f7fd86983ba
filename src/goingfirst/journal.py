"""The learner's journal: answers kept in SQLite on their own machine.

Every save is its own short transaction in WAL mode, so two notebooks open at
once (two kernels) can both save. Earlier versions are kept, so an accidental
clear can be undone. When the store cannot be used, the journal keeps answers
in memory and says plainly why they are not being saved. With a passphrase,
answers are encrypted at rest (see ``goingfirst.crypto``).
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from goingfirst import crypto, store_files
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
# The meta key of the passphrase lock record (salt, scrypt settings, check token).
LOCK_KEY = "passphrase_lock"

LOCKED_MESSAGE = (
    "Your journal is locked with a passphrase. Type your passphrase to open it; until "
    "then your answers are not saved. If you have forgotten it, your saved answers cannot "
    "be recovered: `goingfirst journal lock --forgot` erases them and starts a new journal."
)

DAMAGED_ANSWER = (
    "Part of your journal file is damaged, so a saved answer could not be read. Your other "
    "answers are fine. Close and reopen this notebook so Going First can check the file."
)

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
    except RecursionError as error:
        raise AnswerNotSaved("This answer could not be saved because it is nested too deeply.") from error


def decode(text: str) -> Any:
    return json.loads(text)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _local_time(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")


class Journal:
    """Answers by exercise id, saved as they change, with earlier versions kept.

    Parameters
    ----------
    home:
        The journal folder (default: ``paths.journal_home()``).
    passphrase:
        Opens a journal locked with a passphrase. Given for a journal that has
        none yet, it locks the journal with it (existing answers are encrypted).
        The passphrase is turned into a key and never kept.
    """

    def __init__(self, home: Path | None = None, passphrase: str | None = None) -> None:
        self.home = Path(home) if home is not None else journal_home()
        self.path = self.home / FILE_NAME
        self.writer = uuid.uuid4().hex
        self.notices: list[str] = []
        self._store_problem: str | None = None
        self._lock_problem: str | None = None
        self._refused_passphrase: str | None = None
        self._unsaved: dict[str, Any] = {}
        self._last_write: dict[str, float] = {}
        self._connection: sqlite3.Connection | None = None
        self._read_only = False
        self._lock_text: str | None = None
        self._sealer: crypto.Sealer | None = None
        self._unlock_listeners: list[Callable[[], None]] = []
        self._connect()
        if passphrase is not None and self._connection is not None and not self._read_only:
            if self._lock_text:
                opened = self.unlock(passphrase)
                self._lock_problem = None if opened.saved else opened.message
            else:
                locked = self.set_passphrase(passphrase)
                # Never fall back to saving in the clear when a passphrase was asked for.
                self._refused_passphrase = None if locked.saved else locked.message

    # -- opening -----------------------------------------------------------

    def _connect(self) -> None:
        self.close()
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
            self._connection = self._open_writable()
        except (OSError, sqlite3.Error) as error:
            # Earlier answers can often still be read, and shown, from a read-only folder.
            self._connection = store_files.open_read_only(self.path)
            self._read_only = self._connection is not None
            self._store_problem = (
                "Your answers are not being saved: Going First cannot use the folder "
                f"{self.home} ({store_files.describe(error)}). You can keep working, but "
                "answers will be lost when this notebook closes. Copy anything you want to keep."
            )
        else:
            self._read_only = False
            self._store_problem = None
        self._adopt_lock(self._stored_lock())

    def _open_writable(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=LOCK_RETRY_SECONDS, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA secure_delete=ON")
            connection.executescript(SCHEMA)
            connection.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        except BaseException:
            connection.close()
            raise
        return connection

    @property
    def problem(self) -> str | None:
        """Why answers are not being saved right now, in plain words (None if they are)."""
        if self._store_problem:
            return self._store_problem
        if self._refused_passphrase:
            return self._refused_passphrase
        if self.locked:
            return self._lock_problem or LOCKED_MESSAGE
        return None

    @property
    def saving(self) -> bool:
        """Whether answers are reaching the file right now."""
        return self._connection is not None and self.problem is None

    @property
    def encrypted(self) -> bool:
        """Whether this journal has a passphrase (its answers are encrypted at rest)."""
        return self._lock_text is not None

    @property
    def locked(self) -> bool:
        """Whether the journal has a passphrase that has not been given yet."""
        return self._lock_text is not None and self._sealer is None

    def status(self) -> str:
        """One sentence on where answers are kept, for the exercise footer."""
        if self.problem:
            return self.problem
        if self.encrypted:
            return f"Answers are saved only on this computer, in {self.home}, locked with your passphrase."
        return f"Answers are saved only on this computer, in {self.home}."

    # -- the passphrase ----------------------------------------------------

    def _stored_lock(self) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (LOCK_KEY,))
        return rows[0][0] if rows else None

    def _adopt_lock(self, text: str | None) -> None:
        """Follow the store's lock (another notebook or the command may have changed it)."""
        if text != self._lock_text:
            self._lock_text, self._sealer, self._lock_problem = text, None, None

    def on_unlock(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the passphrase has been given (exercises waiting to open)."""
        self._unlock_listeners.append(callback)

    def unlock(self, passphrase: str) -> SaveResult:
        """Open a locked journal. A wrong passphrase changes nothing."""
        self._adopt_lock(self._stored_lock())
        if self._lock_text is None:
            return SaveResult(True, "This journal has no passphrase, so it is already open.")
        try:
            record = crypto.LockRecord.from_text(self._lock_text)
            self._sealer = crypto.open_lock(record, passphrase)
        except (crypto.WrongPassphrase, crypto.UnreadableLock) as refusal:
            return SaveResult(False, str(refusal))
        self._lock_problem = None
        listeners, self._unlock_listeners = self._unlock_listeners, []
        for callback in listeners:
            callback()
        return SaveResult(True, "Your journal is open.")

    def set_passphrase(self, passphrase: str | None) -> SaveResult:
        """Lock the journal with a new passphrase (None removes it).

        Every saved version is re-encrypted in one transaction; then the file is
        rebuilt (VACUUM) and the WAL emptied so no copy in the old form remains.
        A locked journal must be unlocked first.
        """
        if self._connection is None or self._read_only or self._store_problem or self.locked:
            return SaveResult(False, self.problem or "The journal cannot be changed right now.")
        try:
            record, sealer = crypto.new_lock(passphrase) if passphrase is not None else (None, None)
        except crypto.WrongPassphrase as refusal:
            return SaveResult(False, str(refusal))
        lock_text = record.to_text() if record else None
        connection = self._connection
        try:
            self._begin(connection)
            try:
                self._follow_lock(connection)
                rows = connection.execute("SELECT exercise_id, version, value FROM answers").fetchall()
                for exercise_id, number, stored in rows:
                    plain = self._reveal(exercise_id, stored)
                    connection.execute(
                        "UPDATE answers SET value = ? WHERE exercise_id = ? AND version = ?",
                        (sealer.seal(exercise_id, plain) if sealer else plain, exercise_id, number),
                    )
                if lock_text:
                    connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (LOCK_KEY, lock_text))
                else:
                    connection.execute("DELETE FROM meta WHERE key = ?", (LOCK_KEY,))
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except AnswerNotSaved as refusal:
            return SaveResult(False, str(refusal))
        except (sqlite3.Error, crypto.WrongPassphrase) as error:
            return SaveResult(False, f"Nothing was changed: {store_files.describe(error)}.")
        self._lock_text, self._sealer = lock_text, sealer
        self._lock_problem = self._refused_passphrase = None
        versions = len(rows)
        done = "locked with your passphrase" if lock_text else "no longer locked"
        message = f"Your journal is {done} ({versions} saved version{'s' if versions != 1 else ''})."
        if not self._scrub():
            message += (
                " Another notebook is using the journal, so old copies could not all be cleared "
                "from the file yet: close your other notebooks and run this again."
            )
        return SaveResult(True, message)

    def _follow_lock(self, connection: sqlite3.Connection) -> None:
        """Inside a write: refuse when the store is locked and this journal has no key."""
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (LOCK_KEY,)).fetchone()
        self._adopt_lock(row[0] if row else None)
        if self.locked:
            raise AnswerNotSaved(self.problem)

    def _reveal(self, exercise_id: str, stored: str) -> str:
        """The JSON text of a stored value, decrypting it if it is encrypted."""
        if not crypto.is_sealed(stored):
            return stored
        if self._sealer is None:
            raise crypto.WrongPassphrase(self.problem or LOCKED_MESSAGE)
        return self._sealer.open(exercise_id, stored)

    def _conceal(self, exercise_id: str, text: str) -> str:
        return self._sealer.seal(exercise_id, text) if self._sealer is not None else text

    def _readable(self, read: Callable[[], Any], fallback: Any) -> Any:
        try:
            return read()
        except crypto.WrongPassphrase:
            # The passphrase may have been changed from another notebook; if not,
            # the encrypted text itself was damaged (its tag no longer matches).
            self._adopt_lock(self._stored_lock())
            if self._sealer is not None:
                self._note_damage()
            return fallback
        except ValueError:
            # JSON that does not parse: the file was damaged after it was opened.
            self._note_damage()
            return fallback

    def _note_damage(self) -> None:
        if DAMAGED_ANSWER not in self.notices:
            self.notices.append(DAMAGED_ANSWER)

    # -- reading -----------------------------------------------------------

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self._connection is None:
            return []
        try:
            return self._connection.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            if store_files.is_damage_error(error):
                self._note_damage()
            return []

    def load(self, exercise_id: str, default: Any = None) -> Any:
        """The newest answer, including one that could not be written yet."""
        if exercise_id in self._unsaved:
            return self._unsaved[exercise_id]
        rows = self._rows(
            "SELECT value FROM answers WHERE exercise_id = ? ORDER BY version DESC LIMIT 1",
            (exercise_id,),
        )
        if not rows:
            return default
        return self._readable(lambda: decode(self._reveal(exercise_id, rows[0][0])), default)

    def history(self, exercise_id: str) -> list[Version]:
        """Saved versions, oldest first."""
        rows = self._rows(
            "SELECT version, saved_at, value FROM answers WHERE exercise_id = ? ORDER BY version",
            (exercise_id,),
        )
        return self._readable(
            lambda: [Version(n, at, decode(self._reveal(exercise_id, value))) for n, at, value in rows], []
        )

    def answered(self) -> set[str]:
        """Ids of every exercise with an answer, saved or held in memory."""
        ids = {row[0] for row in self._rows("SELECT DISTINCT exercise_id FROM answers")}
        return ids | set(self._unsaved)

    def export(self) -> dict[str, dict[str, Any]]:
        """Every newest answer with when it was saved, as plain data (none while locked)."""
        result: dict[str, dict[str, Any]] = {}
        for exercise_id in sorted(set(self._unsaved) if self.locked else self.answered()):
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
            if self._connection is None or self._read_only:
                self._connect()
            if self.locked:  # the lock may have been removed from another notebook
                self._adopt_lock(self._stored_lock())
            if not self.saving:
                raise AnswerNotSaved(self.problem or "Answers are not being saved.")
            saved_at = self._write(self._connection, exercise_id, text)
        except AnswerNotSaved as refusal:
            return SaveResult(False, str(refusal))
        except (sqlite3.Error, crypto.WrongPassphrase) as error:
            return SaveResult(
                False,
                f"This answer was not saved: {store_files.describe(error)}. It is kept here "
                "for now and will be saved with your next change once that is fixed.",
            )
        del self._unsaved[exercise_id]
        return SaveResult(True, f"Saved on this computer at {_local_time(saved_at)}.")

    @staticmethod
    def _begin(connection: sqlite3.Connection) -> None:
        deadline = time.monotonic() + LOCK_RETRY_SECONDS
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _write(self, connection: sqlite3.Connection, exercise_id: str, text: str) -> str:
        saved_at = _now()
        self._begin(connection)
        try:
            self._follow_lock(connection)
            latest = connection.execute(
                "SELECT version, writer, value FROM answers WHERE exercise_id = ? "
                "ORDER BY version DESC LIMIT 1",
                (exercise_id,),
            ).fetchone()
            old = self._reveal(exercise_id, latest[2]) if latest else None
            if old == text:
                connection.execute("COMMIT")
                return saved_at
            stored = self._conceal(exercise_id, text)
            if latest and self._refines(exercise_id, latest[1], old, text):
                connection.execute(
                    "UPDATE answers SET value = ?, saved_at = ? WHERE exercise_id = ? AND version = ?",
                    (stored, saved_at, exercise_id, latest[0]),
                )
            else:
                number = latest[0] + 1 if latest else 1
                connection.execute(
                    "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
                    (exercise_id, number, saved_at, self.writer, stored),
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

    def forget(self, exercise_id: str) -> bool:
        """Remove every version of one answer (for example a private one).

        Returns whether the removal reached the file with no old copy left in the WAL.
        """
        self._unsaved.pop(exercise_id, None)
        self._last_write.pop(exercise_id, None)
        # While locked the learner cannot see the saved answer, so it is not removed unseen.
        if self._connection is None or self._read_only or self.locked:
            return False
        try:
            self._connection.execute("DELETE FROM answers WHERE exercise_id = ?", (exercise_id,))
        except sqlite3.Error:
            return False
        return self._checkpoint()

    def erase(self, forget_passphrase: bool = False) -> list[Path]:
        """Remove every answer so its text cannot be read back from the files.

        The passphrase lock stays unless ``forget_passphrase`` (for a forgotten
        passphrase: the locked answers go, and the journal starts again unlocked).
        Returns the moved-aside journal files that were also overwritten and removed.
        """
        self._unsaved.clear()
        self._last_write.clear()
        if self._connection is not None and not self._read_only:
            self._connection.execute("DELETE FROM answers")
            if forget_passphrase:
                self._connection.execute("DELETE FROM meta WHERE key = ?", (LOCK_KEY,))
                self._adopt_lock(None)
            self._scrub()
        return store_files.shred_moved_aside(self.home, FILE_NAME)

    def _scrub(self) -> bool:
        """Rebuild the file and empty the WAL, so freed pages keep no old text."""
        try:
            self._checkpoint()
            self._connection.execute("VACUUM")
        except sqlite3.Error:
            return False
        return self._checkpoint()

    def _checkpoint(self) -> bool:
        # Folding the WAL back and truncating it leaves no old pages behind. It
        # cannot finish while another notebook is reading; that is reported.
        if self._connection is None:
            return False
        try:
            busy, _, _ = self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            return False
        return busy == 0

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
