"""Encryption at rest for the tenant API: AES-256-GCM under a per-tenant data key, the data key
wrapped by the server's master key, and an HMAC index so booking codes are found without plaintext."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import VaxDeskError

log = logging.getLogger(__name__)

MASTER_KEY_ENV = "VAXDESK_MASTER_KEY"
MASTER_KEY_FILE = "master.key"
NONCE = 12


class MasterKeyError(VaxDeskError):
    """The master key is missing, malformed or does not open a tenant's data key (a reason code)."""

    exit_code = 6


def load_master_key(data_dir: Path, *, create: bool = True) -> bytes:
    """From VAXDESK_MASTER_KEY (base64 of 32 bytes), else the key file in the data dir. A missing file is
    created only when `create` is true: the registry passes false once tenants exist, because a new key
    would open none of their data keys."""
    text = os.environ.get(MASTER_KEY_ENV)
    if text:
        return _decode_key(text.strip().encode(), MASTER_KEY_ENV)
    path = data_dir / MASTER_KEY_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = None
    except OSError as exc:
        raise MasterKeyError(code="master_key_unreadable", params={"path": str(path), "error": exc.strerror}) from None
    if data is not None:
        return _decode_key(data.strip(), f"The master key file {path}")
    if not create:
        raise MasterKeyError(code="master_key_missing", params={"env": MASTER_KEY_ENV, "path": str(path)})
    data_dir.mkdir(parents=True, exist_ok=True)
    key = os.urandom(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(base64.b64encode(key) + b"\n")
    log.warning(
        "created a master key file in the data folder; for production give the key in %s "
        "and keep it away from the databases", MASTER_KEY_ENV,
    )
    return key


def _decode_key(data: bytes, source: str) -> bytes:
    try:
        key = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise MasterKeyError(code="master_key_not_base64", params={"source": source}) from None
    if len(key) != 32:
        raise MasterKeyError(code="master_key_length", params={"source": source, "count": len(key)})
    return key


def wrap_data_key(master: bytes, data_key: bytes, tenant: str) -> str:
    nonce = os.urandom(NONCE)
    sealed = AESGCM(master).encrypt(nonce, data_key, b"vaxdesk-tenant-key:" + tenant.encode())
    return base64.b64encode(nonce + sealed).decode()


def unwrap_data_key(master: bytes, wrapped: str, tenant: str) -> bytes:
    try:
        blob = base64.b64decode(wrapped)
        return AESGCM(master).decrypt(blob[:NONCE], blob[NONCE:], b"vaxdesk-tenant-key:" + tenant.encode())
    except (InvalidTag, binascii.Error, ValueError):
        raise MasterKeyError(code="master_key_wrong", params={"tenant": tenant}) from None


class TenantCipher:
    """Seals and opens one tenant's records. The associated data binds a ciphertext to its row."""

    def __init__(self, data_key: bytes) -> None:
        self._aead = AESGCM(data_key)
        self._data_key = data_key
        self._index_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"vaxdesk booking-code index"
        ).derive(data_key)

    def subkey(self, purpose: str) -> bytes:
        """A key for one purpose (e.g. signing robot-check challenges), the same on every instance."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"vaxdesk " + purpose.encode()).derive(self._data_key)

    def seal(self, data: bytes, aad: str) -> bytes:
        nonce = os.urandom(NONCE)
        return nonce + self._aead.encrypt(nonce, data, aad.encode())

    def open(self, blob: bytes, aad: str) -> bytes:
        return self._aead.decrypt(blob[:NONCE], blob[NONCE:], aad.encode())

    def seal_json(self, value: Any, aad: str) -> bytes:
        return self.seal(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode(), aad)

    def open_json(self, blob: bytes, aad: str) -> Any:
        return json.loads(self.open(bytes(blob), aad))

    def index(self, value: str) -> str:
        """Keyed hash for equality lookups (booking codes): no plaintext needed, none stored."""
        return hmac.new(self._index_key, value.strip().upper().encode(), hashlib.sha256).hexdigest()


def secret_hash(secret: str) -> str:
    """Tokens and enrollment codes are random with >= 128 bits, so a plain SHA-256 is enough."""
    return hashlib.sha256(secret.encode()).hexdigest()
