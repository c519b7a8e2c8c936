"""The station key file: the random data key of the database, wrapped by the station passphrase.

The database is encrypted with a random 256-bit key (`PRAGMA key = "x'…'"`, no KDF per open).
That key is stored beside the database, encrypted with AES-256-GCM under a key derived from the
passphrase with scrypt. Changing the passphrase re-wraps only this file; `rekey` keeps the old and
the new key here while the database is re-encrypted, so a crash in between never locks anyone out.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import CannotWrite, NotAVaxDeskDatabase, WrongPassphrase

FORMAT = "vaxdesk-keyfile"
VERSION = 1
# scrypt cost: ~0.1 s and 32 MiB on a desk PC; stored per file so it can be raised later.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE_LENGTH = 8


def key_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class WrappedKey:
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WrappedKey:
        if data.get("kdf") != "scrypt":
            raise ValueError("unknown kdf")
        return cls(
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            ciphertext=_unb64(data["ciphertext"]),
            n=int(data["n"]),
            r=int(data["r"]),
            p=int(data["p"]),
        )


@dataclass(frozen=True)
class KeyFile:
    """What is stored beside the database. `database_id` ties the key to one database file."""

    database_id: str
    tenant: str
    keys: tuple[WrappedKey, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "database_id": self.database_id,
            "tenant": self.tenant,
            "keys": [k.to_json() for k in self.keys],
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT or doc.get("version") != VERSION:
                raise ValueError("format")
            keys = tuple(WrappedKey.from_json(k) for k in doc["keys"])
            if not keys:
                raise ValueError("no keys")
            return cls(database_id=str(doc["database_id"]), tenant=str(doc["tenant"]), keys=keys)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise NotAVaxDeskDatabase(
                "The key file beside the database is not a VaxDesk key file or is damaged."
            ) from exc


def _derive(passphrase: str, salt: bytes, *, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _aad(database_id: str) -> bytes:
    return f"{FORMAT}/{VERSION}/{database_id}".encode()


def wrap(data_key: bytes, passphrase: str, database_id: str) -> WrappedKey:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _derive(passphrase, salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return WrappedKey(salt=salt, nonce=nonce, ciphertext=AESGCM(kek).encrypt(nonce, data_key, _aad(database_id)))


def unwrap_all(keyfile: KeyFile, passphrase: str) -> list[bytes]:
    """All data keys in the file (normally one; two while a rekey is in flight)."""
    out = []
    for wrapped in keyfile.keys:
        kek = _derive(passphrase, wrapped.salt, n=wrapped.n, r=wrapped.r, p=wrapped.p)
        try:
            out.append(AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, _aad(keyfile.database_id)))
        except InvalidTag:
            raise WrongPassphrase("Wrong passphrase for this station database.") from None
    return out


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def read_keyfile(path: Path) -> KeyFile:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotAVaxDeskDatabase(
            f"No key file '{path.name}' beside the database: this is not a VaxDesk station database, "
            "or its key file was moved."
        ) from None
    except OSError as exc:
        raise CannotWrite(f"Cannot read the key file '{path}': {exc.strerror}.") from None
    if len(raw) > 64 * 1024:
        raise NotAVaxDeskDatabase("The key file beside the database is not a VaxDesk key file.")
    return KeyFile.from_bytes(raw)


def write_keyfile_atomically(path: Path, keyfile: KeyFile) -> None:
    """Write, fsync and rename, so the old file stays intact until the new one is complete."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, keyfile.to_bytes())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        raise CannotWrite(f"Cannot write the key file in '{path.parent}': {exc.strerror}.") from None
