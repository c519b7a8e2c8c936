"""Opening a result on the citizen's page: the corsign token from the mail's link, opened in memory with
the name and date of birth the person types, checked against the tenant's signers. Nothing is stored,
nothing is logged but the tenant and the outcome; every failure is the same refusal, so a guess at a
person's data learns nothing (not even which part was wrong).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from app.certificates import corsign
from app.certificates.errors import CertificateError, CorsignError
from app.certificates.result_token import ResultClaims, ResultClaimsError
from app.certificates.signer import load_certificate
from app.certificates.verify import entry_uvci, verify
from app.errors import VaxDeskError
from sync.server import tenants as t
from sync.server.certificates import register
from sync.server.tenants import Tenant

KEYS_CACHE_S = 30.0
# Each opening derives a key with argon2id over 64 MiB (corsign version 2). The threadpool would run dozens
# at once and a pod has 768 MiB (packaging/kubernetes): openings beyond these wait their turn instead.
KDF_AT_ONCE = 2
_TOKEN_IN_TEXT = re.compile(re.escape(corsign.PREFIX) + r"[A-Za-z0-9_.\-]+")


class ResultRefused(VaxDeskError):
    """The one answer to every failure to open a result."""

    def __init__(self) -> None:
        super().__init__(code="result_cannot_open")


def open_token(token: str, *, family: str, given: str, dob: str,
               keys: Iterable[ec.EllipticCurvePublicKey]) -> dict[str, Any]:
    """The only call to corsign (version 2 tokens: argon2id, 64 MiB per opening): when its key derivation
    changes again, this is the line to change."""
    return corsign.open_corsign(token, family, given, dob, keys)


def token_from(text: str) -> str | None:
    """The token in what the person brought: the token itself, or the whole link from the mail pasted.
    Only the current version (CS2:): result tokens were never made with the older one."""
    if len(text) > corsign.MAX_TOKEN_CHARS + 2000:
        return None
    found = _TOKEN_IN_TEXT.search(text)
    return found[0] if found else None


@dataclass(frozen=True)
class OpenedResult:
    claims: ResultClaims
    certificate: dict[str, Any] | None = None  # the EU DCC payload of a certificate
    certificate_valid: bool = False  # its signature checked against the tenant's signers, unexpired, not revoked
    certificate_revoked: bool = False  # revoked in the tenant's certificate register (never printed then)
    issued_at: datetime | None = None  # of the token


class ResultOpener:
    """Opens tokens for the tenants of this instance; remembers only their signers' public keys."""

    def __init__(self) -> None:
        self._keys: dict[str, tuple[float, tuple[ec.EllipticCurvePublicKey, ...], tuple[bytes, ...]]] = {}
        self._guard = threading.Lock()
        self._kdf = threading.BoundedSemaphore(KDF_AT_ONCE)

    def signers(self, tenant: Tenant) -> tuple[tuple[ec.EllipticCurvePublicKey, ...], tuple[bytes, ...]]:
        """The public keys that may sign a result token (every document signer the tenant ever installed:
        a token outlives the key's rotation) and their certificates, for the DCC inside."""
        entry = self._keys.get(tenant.name)
        if entry is not None and time.monotonic() - entry[0] <= KEYS_CACHE_S:
            return entry[1], entry[2]
        with tenant.read() as conn:
            certificates = tuple(bytes(c) for c in conn.execute(select(t.signer.c.certificate)).scalars())
        keys = tuple(k for k in (load_certificate(c).public_key() for c in certificates)
                     if isinstance(k, ec.EllipticCurvePublicKey))
        with self._guard:
            self._keys[tenant.name] = (time.monotonic(), keys, certificates)
        return keys, certificates

    def open(self, tenant: Tenant, token: str, *, family: str, given: str, dob: str) -> OpenedResult:
        keys, certificates = self.signers(tenant)
        try:
            with self._kdf:
                claims = open_token(token, family=family, given=given, dob=dob, keys=keys)
            result = ResultClaims.parse(claims)
        except (CorsignError, ResultClaimsError, CertificateError):
            raise ResultRefused() from None
        issued = claims.get("iat")
        issued_at = datetime.fromtimestamp(issued, UTC) if isinstance(issued, int) else None
        if result.hc1 is None:
            return OpenedResult(claims=result, issued_at=issued_at)
        checked = verify(result.hc1, certificates)
        if checked.payload is None:
            raise ResultRefused()  # signed by us, yet not a certificate anyone could read: show nothing
        revoked = self.revoked(tenant, entry_uvci(checked.payload))
        return OpenedResult(claims=result, certificate=checked.payload,
                            certificate_valid=checked.valid and not revoked, certificate_revoked=revoked,
                            issued_at=issued_at)

    @staticmethod
    def revoked(tenant: Tenant, uvci: str) -> bool:
        """Whether the tenant's register (sync/server/certificates.py) has this certificate revoked: a
        token mailed before a correction or revocation still opens, but says so."""
        if not uvci:
            return False
        with tenant.read() as conn:
            revoked_at = conn.execute(select(register.c.revoked_at).where(register.c.uvci == uvci)).scalar()
        return revoked_at is not None
