"""corsign: a signed JWT with vaccination or test data, encrypted under the person's own data.

Token: "CS2:" salt "." nonce "." ciphertext, each base64url without padding. The key is
argon2id(normalised surname, given name, date of birth; salt) with 64 MiB of memory; AES-256-GCM
seals the zlib-packed ES256 JWT, with "CS2:salt.nonce" as associated data. Whoever knows the person's
data can open it and check the signature; no database holds anything. Threat model: docs/corsign.md.

Version 1 tokens ("CS1:", scrypt N=2^14, umlauts only as ÄE/ÖE/ÜE) from slips already handed out
still open; new ones are always version 2.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import zlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.certificates.errors import CertificateDataError, CorsignError
from app.certificates.icao import transliterate

PREFIX = "CS2:"
PREFIX_V1 = "CS1:"
# argon2id for version 2: 64 MiB and two passes, about 150 ms on a station PC. With the name printed on
# the slip only the date of birth is secret (~2.6e4 guesses for 70 years), so each guess must be costly
# in memory, not only in time: 64 MiB per guess starves GPUs of parallel lanes.
ARGON2_MEMORY_KIB, ARGON2_TIME, ARGON2_LANES = 64 * 1024, 2, 1
# scrypt cost of version 1 tokens (about 50 ms and 16 MiB), still accepted when opening.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
# Version 2 spelling: what a person types without umlauts ("Muller") meets what ICAO writes ("MUELLER").
_FOLDS = (("AE", "A"), ("OE", "O"), ("UE", "U"), ("SS", "S"))
_SALT_BYTES, _NONCE_BYTES = 16, 12
MAX_TOKEN_CHARS = 4096
_MAX_JWT_BYTES = 16 * 1024
_CANNOT_OPEN = (
    "This code cannot be opened. Check the names and the date of birth, or the code is not genuine."
)
_DOB_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DOB_ISO = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def normalise_identity(family: str, given: str, dob: str, *, version: int = 2) -> bytes:
    """The secret the key comes from: ICAO forms of the names without fillers, ISO date of birth.

    Case, diacritics, spaces and hyphens do not matter, so "Müller-Lüdenscheidt" and
    "MUELLER LUEDENSCHEIDT" open the same code; from version 2 also "Muller Ludenscheidt" (ä/ae/a,
    ö/oe/o, ü/ue/u and ß/ss/s are one letter each).
    """
    names = [transliterate(part).replace("<", "") for part in (family, given)]
    if not names[0]:
        raise CertificateDataError(code="corsign_family_name_missing", field="family_name")
    if version >= 2:
        for pair, single in _FOLDS:
            names = [name.replace(pair, single) for name in names]
    return "\x1f".join([*names, _normalise_dob(dob)]).encode("ascii")


def _normalise_dob(dob: str) -> str:
    text = dob.strip()
    german = _DOB_GERMAN.match(text)
    if german:
        return f"{german[3]}-{int(german[2]):02d}-{int(german[1]):02d}"
    if _DOB_ISO.match(text):
        return text
    raise CertificateDataError(code="corsign_dob_format", field="dob")


def _derive_key(identity: bytes, salt: bytes, *, version: int = 2) -> bytes:
    if version == 1:
        return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P).derive(identity)
    return bytes(hash_secret_raw(identity, salt, time_cost=ARGON2_TIME, memory_cost=ARGON2_MEMORY_KIB,
                                 parallelism=ARGON2_LANES, hash_len=32, type=Type.ID))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def create_corsign(
    claims: Mapping[str, Any],
    *,
    family: str,
    given: str,
    dob: str,
    signing_key: ec.EllipticCurvePrivateKey,
    kid: str | None = None,
    issued_at: datetime | None = None,
    valid_for: timedelta | None = None,
) -> str:
    """Sign `claims` (e.g. {"typ": "test", "t": {...}}) as an ES256 JWT and seal it for the person."""
    issued_at = issued_at or datetime.now(UTC)
    body: dict[str, Any] = {**claims, "iat": int(issued_at.timestamp())}
    if valid_for is not None:
        body["exp"] = int((issued_at + valid_for).timestamp())
    token = jwt.encode(body, signing_key, algorithm="ES256", headers={"kid": kid} if kid else None)
    salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
    header = f"{PREFIX}{_b64(salt)}.{_b64(nonce)}"
    key = _derive_key(normalise_identity(family, given, dob), salt)
    sealed = AESGCM(key).encrypt(nonce, zlib.compress(token.encode("ascii"), 9), header.encode("ascii"))
    return f"{header}.{_b64(sealed)}"


def open_corsign(
    token: str,
    family: str,
    given: str,
    dob: str,
    trusted_public_keys: Iterable[ec.EllipticCurvePublicKey],
) -> dict[str, Any]:
    """The claims, if the person's data opens the code and a trusted key signed it.

    Every failure (wrong person, tampered code, unknown signer, expired) raises the same
    CorsignError: telling which part failed would help someone guessing a person's data.
    """
    try:
        token = token.strip()
        version = 2 if token.startswith(PREFIX) else 1 if token.startswith(PREFIX_V1) else 0
        if len(token) > MAX_TOKEN_CHARS or not version:
            raise CorsignError(_CANNOT_OPEN)
        header, _, sealed_text = token.rpartition(".")
        salt_text, _, nonce_text = header[len(PREFIX) :].partition(".")
        salt, nonce, sealed = _unb64(salt_text), _unb64(nonce_text), _unb64(sealed_text)
        if len(salt) != _SALT_BYTES or len(nonce) != _NONCE_BYTES:
            raise CorsignError(_CANNOT_OPEN)
        key = _derive_key(normalise_identity(family, given, dob, version=version), salt, version=version)
        packed = AESGCM(key).decrypt(nonce, sealed, header.encode("ascii"))
        inflater = zlib.decompressobj()
        signed = inflater.decompress(packed, _MAX_JWT_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise CorsignError(_CANNOT_OPEN)
        return _verified_claims(signed.decode("ascii"), trusted_public_keys)
    except (CertificateDataError, InvalidTag, ValueError, binascii.Error, zlib.error, UnicodeError):
        raise CorsignError(_CANNOT_OPEN) from None


def _verified_claims(signed: str, trusted_public_keys: Iterable[ec.EllipticCurvePublicKey]) -> dict[str, Any]:
    for public_key in trusted_public_keys:
        try:
            claims: dict[str, Any] = jwt.decode(
                signed, public_key, algorithms=["ES256"], options={"require": ["iat"]}
            )
        except jwt.InvalidTokenError:
            continue
        return claims
    raise CorsignError(_CANNOT_OPEN)
