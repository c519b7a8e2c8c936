"""EU DCC revocation: the three hash types of the revocation list (eHealth Network, DCC revocation
technical specification) and a list read from the gateway's batch format.

UCI: SHA-256 of the certificate identifier (UTF-8); COUNTRYCODEUCI: of the issuing country (`iss`
claim) followed by the identifier; SIGNATURE: of the COSE signature, only its first half (r) for
ES256. Each entry is the first 128 bits of the hash, base64 in the batch JSON:
`{"country", "expires", "kid", "hashType", "entries": [{"hash"}]}`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.certificates.cose import ALG_ES256
from app.certificates.errors import CertificateError

HASH_TYPES = ("UCI", "COUNTRYCODEUCI", "SIGNATURE")
HASH_BYTES = 16
MAX_LIST_BYTES = 64 * 1024 * 1024
BATCH_ENTRIES = 1000  # the gateway's limit per batch


def _h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()[:HASH_BYTES]


def uci_hash(uci: str) -> bytes:
    return _h(uci.encode("utf-8"))


def country_uci_hash(country: str, uci: str) -> bytes:
    return _h((country + uci).encode("utf-8"))


def signature_hash(signature: bytes, alg: int | None) -> bytes:
    # ES256 signatures are r||s; s can be replaced by n - s without breaking the signature, so only r
    # identifies the certificate.
    return _h(signature[: len(signature) // 2] if alg == ALG_ES256 else signature)


@dataclass(frozen=True)
class RevocationHashes:
    uci: bytes
    country_uci: bytes | None  # None when the code carries no `iss` claim
    signature: bytes

    def by_type(self) -> dict[str, bytes]:
        out = {"UCI": self.uci, "SIGNATURE": self.signature}
        if self.country_uci is not None:
            out["COUNTRYCODEUCI"] = self.country_uci
        return out

    def to_json(self) -> dict[str, str]:
        return {kind: base64.b64encode(value).decode("ascii") for kind, value in self.by_type().items()}


def hashes_for(*, uci: str, country: str | None, signature: bytes, alg: int | None) -> RevocationHashes:
    return RevocationHashes(uci_hash(uci), country_uci_hash(country, uci) if country else None,
                            signature_hash(signature, alg))


@dataclass
class RevocationList:
    """Revoked hashes by type (and optionally by the signer's kid, as the batches are grouped)."""

    entries: dict[str, set[bytes]] = field(default_factory=lambda: {kind: set() for kind in HASH_TYPES})

    def add(self, hash_type: str, value: bytes) -> None:
        if hash_type not in self.entries or len(value) != HASH_BYTES:
            raise CertificateError(code="revocation_list_invalid")
        self.entries[hash_type].add(value)

    def __len__(self) -> int:
        return sum(len(values) for values in self.entries.values())

    def revoked(self, hashes: RevocationHashes) -> bool:
        return any(value in self.entries[kind] for kind, value in hashes.by_type().items())

    @classmethod
    def from_json(cls, document: object) -> RevocationList:
        """A batch object, a list of batches, or `{"batches": [...]}` as `/v1/revocations` serves it."""
        if isinstance(document, Mapping) and "batches" in document:
            document = document["batches"]
        batches = document if isinstance(document, list) else [document]
        out = cls()
        for batch in batches:
            if not isinstance(batch, Mapping) or batch.get("hashType") not in HASH_TYPES:
                raise CertificateError(code="revocation_list_invalid")
            entries = batch.get("entries")
            if not isinstance(entries, list):
                raise CertificateError(code="revocation_list_invalid")
            for entry in entries:
                text = entry.get("hash") if isinstance(entry, Mapping) else None
                if not isinstance(text, str) or len(text) != 24:
                    raise CertificateError(code="revocation_list_invalid")
                try:
                    out.add(str(batch["hashType"]), base64.b64decode(text, validate=True))
                except binascii.Error:
                    raise CertificateError(code="revocation_list_invalid") from None
        return out

    @classmethod
    def from_bytes(cls, data: bytes) -> RevocationList:
        if len(data) > MAX_LIST_BYTES:
            raise CertificateError(code="revocation_list_invalid")
        try:
            return cls.from_json(json.loads(data))
        except (ValueError, RecursionError):
            raise CertificateError(code="revocation_list_invalid") from None


def batches(*, country: str, kid: str, revoked: Iterable[tuple[RevocationHashes, datetime]]
            ) -> list[dict[str, Any]]:
    """Gateway batches (one per hash type, at most 1000 entries each) for one signer's revoked codes;
    `expires` is when the last of them would have expired anyway."""
    by_type: dict[str, list[tuple[bytes, datetime]]] = {kind: [] for kind in HASH_TYPES}
    for hashes, expires in revoked:
        for kind, value in hashes.by_type().items():
            by_type[kind].append((value, expires))
    out = []
    for kind, values in by_type.items():
        values.sort()
        for i in range(0, len(values), BATCH_ENTRIES):
            part = values[i:i + BATCH_ENTRIES]
            out.append({"country": country, "expires": max(e for _, e in part).isoformat(), "kid": kid,
                        "hashType": kind,
                        "entries": [{"hash": base64.b64encode(v).decode("ascii")} for v, _ in part]})
    return out
