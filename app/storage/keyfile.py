"""The station key file: the random data key of the database, wrapped by the station passphrase.

The database is encrypted with a random 256-bit key (`PRAGMA key = "x'…'"`, no KDF per open).
That key is stored beside the database, encrypted with AES-256-GCM under a key derived from the
passphrase with scrypt. Changing the passphrase re-wraps only this file; `rekey` keeps the old and
the new key here while the database is re-encrypted, so a crash in between never locks anyone out.

It also holds what the audit chain is anchored to, outside the database: the audit key (random, wrapped
under the same passphrase-derived key as the data key) and the chain's head, sealed with that key, so
removing entries from the database, or rewriting them, no longer goes unnoticed (`app/storage/audit.py`).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import NotAVaxDeskDatabase, WrongPassphrase
from app.storage import failures

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
    """A data key (and the audit key, from VaxDesk with anchored audit chains on) under one scrypt key."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    audit_nonce: bytes | None = None
    audit_ciphertext: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        doc = {
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }
        if self.audit_nonce is not None and self.audit_ciphertext is not None:
            doc["audit_nonce"] = _b64(self.audit_nonce)
            doc["audit_ciphertext"] = _b64(self.audit_ciphertext)
        return doc

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WrappedKey:
        if data.get("kdf") != "scrypt":
            raise ValueError("unknown kdf")
        audit = data.get("audit_nonce"), data.get("audit_ciphertext")
        return cls(
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            ciphertext=_unb64(data["ciphertext"]),
            n=int(data["n"]),
            r=int(data["r"]),
            p=int(data["p"]),
            audit_nonce=_unb64(audit[0]) if audit[0] is not None else None,
            audit_ciphertext=_unb64(audit[1]) if audit[1] is not None else None,
        )


@dataclass(frozen=True)
class AuditHead:
    """One point of the audit chain: an entry's sequence number and its hash (seq 0: the empty log)."""

    seq: int
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}

    @classmethod
    def from_json(cls, data: Any) -> AuditHead | None:
        if data is None:
            return None
        seq, digest = int(data["seq"]), str(data["hash"])
        if seq < 0 or len(digest) != 64:
            raise ValueError("audit head")
        return cls(seq, digest)


@dataclass(frozen=True)
class AuditAnchor:
    """What the key file remembers of the audit chain, sealed (`mac`) under the audit key.

    `committed` is the tip a write found when it began (certainly committed) and `pending` the tip it
    left; the database's tip must be one of the two (the second only missing when that write never
    committed). `trimmed` is the first time a write found the database's tip anywhere else: kept for good,
    so a trimmed log stays reported even after new entries. `server` is the last head the tenant API
    acknowledged. `legacy_rows`: entries written before the chain was keyed (plain SHA-256).
    """

    legacy_rows: int = 0
    committed: AuditHead | None = None
    pending: AuditHead | None = None
    server: AuditHead | None = None
    trimmed: dict[str, Any] | None = None
    mac: str = ""

    def body(self) -> dict[str, Any]:
        return {
            "legacy_rows": self.legacy_rows,
            "committed": self.committed.to_json() if self.committed else None,
            "pending": self.pending.to_json() if self.pending else None,
            "server": self.server.to_json() if self.server else None,
            "trimmed": self.trimmed,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.body(), "mac": self.mac}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuditAnchor:
        trimmed = data.get("trimmed")
        if trimmed is not None and not isinstance(trimmed, dict):
            raise ValueError("trimmed")
        return cls(
            legacy_rows=int(data.get("legacy_rows", 0)),
            committed=AuditHead.from_json(data.get("committed")),
            pending=AuditHead.from_json(data.get("pending")),
            server=AuditHead.from_json(data.get("server")),
            trimmed=trimmed,
            mac=str(data.get("mac", "")),
        )

    def sealed(self, audit_key: bytes, database_id: str) -> AuditAnchor:
        return replace(self, mac=self._mac(audit_key, database_id))

    def seal_holds(self, audit_key: bytes, database_id: str) -> bool:
        return hmac.compare_digest(self.mac, self._mac(audit_key, database_id))

    def _mac(self, audit_key: bytes, database_id: str) -> str:
        canonical = json.dumps({"database_id": database_id, **self.body()}, sort_keys=True, separators=(",", ":"))
        return hmac.new(audit_key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class KeyFile:
    """What is stored beside the database. `database_id` ties the key to one database file."""

    database_id: str
    tenant: str
    keys: tuple[WrappedKey, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    audit: AuditAnchor | None = None

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "database_id": self.database_id,
            "tenant": self.tenant,
            "keys": [k.to_json() for k in self.keys],
        }
        if self.audit is not None:
            doc["audit"] = self.audit.to_json()
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
            audit = AuditAnchor.from_json(doc["audit"]) if doc.get("audit") is not None else None
            return cls(database_id=str(doc["database_id"]), tenant=str(doc["tenant"]), keys=keys, audit=audit)
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise NotAVaxDeskDatabase(code="keyfile_damaged") from exc


def _derive(passphrase: str, salt: bytes, *, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _aad(database_id: str) -> bytes:
    return f"{FORMAT}/{VERSION}/{database_id}".encode()


def _audit_aad(database_id: str) -> bytes:
    return f"{FORMAT}/{VERSION}/{database_id}/audit".encode()


def wrap(data_key: bytes, passphrase: str, database_id: str, *, audit_key: bytes | None = None) -> WrappedKey:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _derive(passphrase, salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    wrapped = WrappedKey(salt=salt, nonce=nonce, ciphertext=AESGCM(kek).encrypt(nonce, data_key, _aad(database_id)))
    if audit_key is None:
        return wrapped
    audit_nonce = secrets.token_bytes(12)
    return replace(wrapped, audit_nonce=audit_nonce,
                   audit_ciphertext=AESGCM(kek).encrypt(audit_nonce, audit_key, _audit_aad(database_id)))


@dataclass(frozen=True)
class Secrets:
    """What the passphrase opens: the data keys (two while a rekey is in flight) and the audit key
    (None in a key file written before audit chains were keyed)."""

    data_keys: tuple[bytes, ...]
    audit_key: bytes | None


def unlock(keyfile: KeyFile, passphrase: str) -> Secrets:
    """The keys the passphrase opens. Every part of the file is sealed under the passphrase: when one
    part opens and another does not, the passphrase is right and the file is damaged (one bit is
    enough), which must not be told as a wrong passphrase (the admin would try others for ever)."""
    data_keys: list[bytes] = []
    audit_keys: list[bytes] = []
    opened = failed = 0
    for wrapped in keyfile.keys:
        kek = _derive(passphrase, wrapped.salt, n=wrapped.n, r=wrapped.r, p=wrapped.p)
        parts = [(data_keys, wrapped.nonce, wrapped.ciphertext, _aad(keyfile.database_id))]
        if wrapped.audit_nonce is not None and wrapped.audit_ciphertext is not None:
            parts.append((audit_keys, wrapped.audit_nonce, wrapped.audit_ciphertext, _audit_aad(keyfile.database_id)))
        for found, nonce, ciphertext, aad in parts:
            try:
                found.append(AESGCM(kek).decrypt(nonce, ciphertext, aad))
                opened += 1
            except InvalidTag:
                failed += 1
    if opened and failed:
        raise NotAVaxDeskDatabase(code="keyfile_damaged")
    if failed:
        raise WrongPassphrase(code="passphrase_wrong")
    audit_key = audit_keys[0] if audit_keys else None
    return Secrets(tuple(data_keys), audit_key)


def unwrap_all(keyfile: KeyFile, passphrase: str) -> list[bytes]:
    """All data keys in the file (normally one; two while a rekey is in flight)."""
    return list(unlock(keyfile, passphrase).data_keys)


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def read_keyfile(path: Path) -> KeyFile:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotAVaxDeskDatabase(code="keyfile_missing", params={"name": path.name}) from None
    except OSError as exc:
        raise failures.from_oserror(exc, path) from None
    if len(raw) > 64 * 1024:
        raise NotAVaxDeskDatabase(code="keyfile_not_ours")
    return KeyFile.from_bytes(raw)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (the directory entry, not only the file's bytes)."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_keyfile_atomically(path: Path, keyfile: KeyFile, *, durable_rename: bool = True) -> None:
    """Write, fsync and rename, so the old file stays intact until the new one is complete. Without
    `durable_rename` the folder is not fsynced: after a power cut either file may be there, both whole."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, keyfile.to_bytes())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if durable_rename:
            fsync_folder(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise failures.from_oserror(exc, path.parent) from None
