"""Passphrase encryption for the journal: scrypt for the key, AES-256-GCM for answers.

Only reviewed building blocks from the ``cryptography`` package are used. The
passphrase itself is never kept: it is turned into a key and dropped. What the
journal stores is a *lock record* (the scrypt settings, a random salt and an
encrypted check token, so a wrong passphrase is told apart from a right one)
and, for every answer, ``gf1:`` followed by the base64 of nonce and ciphertext.
Each answer is bound to its exercise id as associated data, so encrypted text
cannot be moved from one exercise to another unnoticed.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

PREFIX = "gf1:"
CIPHER = "AES-256-GCM"
KDF = "scrypt"
# scrypt cost: 2**15 with r=8 uses 32 MiB and about a tenth of a second.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
# A tampered record must not make opening the journal take minutes or gigabytes.
SCRYPT_MEMORY_MAX = 256 * 2**20
SALT_BYTES = 16
NONCE_BYTES = 12
KEY_BYTES = 32
CHECK_TOKEN = b"goingfirst passphrase check"
CHECK_CONTEXT = "passphrase-check"
MIN_PASSPHRASE_CHARS = 8


class WrongPassphrase(Exception):
    """The passphrase does not open this journal; the message is for the learner."""


class UnreadableLock(Exception):
    """The lock record is damaged or from a newer version of Going First."""


@dataclass(frozen=True)
class LockRecord:
    """What the journal stores about its passphrase: never the passphrase itself."""

    salt: bytes
    check: str
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_text(self) -> str:
        return json.dumps(
            {
                "version": 1,
                "cipher": CIPHER,
                "kdf": KDF,
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "salt": base64.b64encode(self.salt).decode("ascii"),
                "check": self.check,
            },
            sort_keys=True,
        )

    @classmethod
    def from_text(cls, text: str) -> "LockRecord":
        try:
            data = json.loads(text)
            if data["version"] != 1 or data["cipher"] != CIPHER or data["kdf"] != KDF:
                raise ValueError("unknown scheme")
            record = cls(
                salt=base64.b64decode(data["salt"], validate=True),
                check=str(data["check"]),
                n=int(data["n"]),
                r=int(data["r"]),
                p=int(data["p"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise UnreadableLock(
                "The passphrase lock of this journal is damaged or was made by a newer "
                "version of Going First, so it cannot be opened here."
            ) from error
        n_is_power_of_two = record.n > 1 and record.n & (record.n - 1) == 0
        memory = 128 * record.r * record.n
        if not (n_is_power_of_two and 1 <= record.r and 1 <= record.p <= 4 and memory <= SCRYPT_MEMORY_MAX):
            raise UnreadableLock("The passphrase lock of this journal has settings Going First does not accept.")
        if len(record.salt) < SALT_BYTES:
            raise UnreadableLock("The passphrase lock of this journal is damaged (its salt is too short).")
        return record


def _associated_data(exercise_id: str) -> bytes:
    # surrogatepass: exercise ids come from specs, but a hostile one must not crash.
    return f"goingfirst/1/{exercise_id}".encode("utf-8", "surrogatepass")


def is_sealed(stored: str) -> bool:
    """Whether a stored value is encrypted (plain values are JSON, which never starts so)."""
    return stored.startswith(PREFIX)


class Sealer:
    """Encrypts and decrypts answer text with one derived key."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, context: str, text: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        data = self._aead.encrypt(nonce, text.encode("utf-8", "surrogatepass"), _associated_data(context))
        return PREFIX + base64.b64encode(nonce + data).decode("ascii")

    def open(self, context: str, stored: str) -> str:
        """The text inside ``stored``; raises WrongPassphrase if this key does not fit."""
        try:
            raw = base64.b64decode(stored[len(PREFIX):], validate=True)
            data = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _associated_data(context))
        except (InvalidTag, ValueError) as error:
            raise WrongPassphrase("This answer cannot be opened with the passphrase given.") from error
        return data.decode("utf-8", "surrogatepass")


def _derive(passphrase: str, record_salt: bytes, n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=record_salt, length=KEY_BYTES, n=n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8", "surrogatepass"))


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect anything, with a plain reason."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise WrongPassphrase(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters. "
            "A few words you can remember work well."
        )


def new_lock(passphrase: str) -> tuple[LockRecord, Sealer]:
    """A fresh salt and check token for ``passphrase``, and the sealer it opens."""
    check_new_passphrase(passphrase)
    salt = os.urandom(SALT_BYTES)
    sealer = Sealer(_derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    check = sealer.seal(CHECK_CONTEXT, CHECK_TOKEN.decode("ascii"))
    return LockRecord(salt=salt, check=check), sealer


def open_lock(record: LockRecord, passphrase: str) -> Sealer:
    """The sealer for ``record`` if ``passphrase`` is right; raises WrongPassphrase if not."""
    sealer = Sealer(_derive(passphrase, record.salt, record.n, record.r, record.p))
    try:
        token = sealer.open(CHECK_CONTEXT, record.check)
    except WrongPassphrase:
        token = None
    if token != CHECK_TOKEN.decode("ascii"):
        raise WrongPassphrase(
            "That passphrase does not open this journal. Nothing was changed. "
            "Check Caps Lock and try again."
        )
    return sealer
