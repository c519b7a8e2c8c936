"""Verification of any EU DCC (`HC1:` string) step by step, with one verdict a nurse can read.

Scanned codes are hostile input: the text, the inflated data and the CBOR nesting are bounded,
and nothing raised while checking ever escapes `verify()`.
"""

from __future__ import annotations

import logging
import math
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from app.certificates import base45, cbor
from app.certificates.cose import ALG_ES256, ALG_PS256, Sign1, parse_sign1, verify_signature
from app.certificates.dcc import CLAIM_EXP, CLAIM_HCERT, CLAIM_IAT, CLAIM_ISS, PREFIX
from app.certificates.errors import CertificateError, DecodeError
from app.certificates.revocation import RevocationHashes, RevocationList, hashes_for
from app.certificates.schema import schema_errors
from app.certificates.trust import TrustedSigner, TrustList

logger = logging.getLogger(__name__)

STEPS = ("unprefix", "base45", "zlib", "cose", "cbor", "signature", "schema", "expiry", "key_usage")
MAX_INPUT_CHARS = 10_000
MAX_INFLATED_BYTES = 64 * 1024
_TYPES = ("v", "t", "r")
_TYPE_NAMES = {"v": "vaccination", "t": "test", "r": "recovery"}


@dataclass(frozen=True)
class VerificationResult:
    """Each step is True (passed), False (failed) or None (not reached)."""

    unprefix: bool | None = None
    base45: bool | None = None
    zlib: bool | None = None
    cose: bool | None = None
    cbor: bool | None = None
    signature: bool | None = None
    schema: bool | None = None
    expiry: bool | None = None
    key_usage: bool | None = None
    error: str | None = None  # the first failure in English (the CLI's words)
    # What kind of failure that was, where a step can fail for different reasons the holder acts on
    # differently: "too_long", "signer_unknown", "method_unsupported" (the UI words it by this).
    error_kind: str | None = None
    payload: dict[str, Any] | None = None
    issued_at: datetime | None = None
    expires_at: datetime | None = None
    revoked: bool = False  # on a revocation list given to verify(), or known revoked by the station
    trust_warnings: tuple[str, ...] = ()  # trust list entries that could not be used

    @property
    def valid(self) -> bool:
        return not self.revoked and all(getattr(self, step) is True for step in STEPS)

    @property
    def steps(self) -> dict[str, bool | None]:
        return {step: getattr(self, step) for step in STEPS}

    def to_json(self) -> dict[str, Any]:
        out = {"valid": self.valid, "steps": self.steps, "error": self.error, "payload": self.payload,
               "revoked": self.revoked}
        if self.trust_warnings:
            out["trust_warnings"] = list(self.trust_warnings)
        return out


@dataclass(frozen=True)
class SignedCode:
    """What an `HC1:` code carries, read without judging it: to print exactly what was signed and to
    register it (revocation hashes). Only for codes this station or its server signed."""

    payload: dict[str, Any]
    issuer_country: str | None
    issued_at: datetime | None
    expires_at: datetime | None
    kid: bytes | None
    hashes: RevocationHashes

    @property
    def uvci(self) -> str:
        return entry_uvci(self.payload)


def entry_uvci(payload: dict[str, Any]) -> str:
    """`ci` of the certificate's one entry (vaccination, test or recovery); "" when there is none."""
    for key in _TYPES:
        entries = payload.get(key)
        if isinstance(entries, list) and entries and isinstance(entries[0], dict):
            return str(entries[0].get("ci", ""))
    return ""


class _Failed(Exception):
    """Stops the pipeline at a step the later ones depend on."""


class _Run:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def passed(self, step: str) -> None:
        self.values[step] = True

    def failed(self, step: str, message: str, *, kind: str | None = None) -> None:
        self.values[step] = False
        # The first failure is the one to tell: later ones are usually its consequences.
        if "error" not in self.values:
            self.values["error"] = message
            self.values["error_kind"] = kind

    def stop(self, step: str, message: str, *, kind: str | None = None) -> _Failed:
        self.failed(step, message, kind=kind)
        return _Failed()

    def result(self) -> VerificationResult:
        names = {f.name for f in fields(VerificationResult)}
        return VerificationResult(**{k: v for k, v in self.values.items() if k in names})


def read_signed(hc1: object) -> SignedCode:
    """The contents of a code; DecodeError when it cannot be read (nothing is verified here)."""
    run = _Run()
    try:
        message = _unpack(run, hc1)
        claims, payload = _decode_claims(run, message)
    except _Failed:
        raise DecodeError(code="cert_code_unreadable", params={"detail": run.values.get("error", "")}) from None
    iat, exp = _numeric_date(claims.get(CLAIM_IAT)), _numeric_date(claims.get(CLAIM_EXP))
    country = _issuer_country(claims)
    return SignedCode(
        payload=payload, issuer_country=country,
        issued_at=datetime.fromtimestamp(iat, UTC) if iat is not None else None,
        expires_at=datetime.fromtimestamp(exp, UTC) if exp is not None else None,
        kid=message.kid,
        hashes=hashes_for(uci=entry_uvci(payload), country=country, signature=message.signature,
                          alg=message.alg))


def _issuer_country(claims: dict[object, object]) -> str | None:
    iss = claims.get(CLAIM_ISS)
    return iss if isinstance(iss, str) and iss else None


def verify(
    hc1: object,
    trust: TrustList | Iterable[bytes] = (),
    *,
    at: datetime | None = None,
    revocations: RevocationList | None = None,
) -> VerificationResult:
    """Check an `HC1:` string against signer certificates (TrustList, or PEM/DER bytes) and, when
    given, a revocation list."""
    run = _Run()
    try:
        trust_list = trust if isinstance(trust, TrustList) else TrustList.from_certificates(trust)
        if trust_list.skipped:
            run.values["trust_warnings"] = tuple(trust_list.skipped)
        _verify(run, hc1, trust_list, _as_utc(at) if at else datetime.now(UTC), revocations)
    except _Failed:
        pass
    except CertificateError as exc:
        run.values.setdefault("error", str(exc))
    except Exception:
        # Last line of defence for hostile input: a bug must not crash the scanner page.
        logger.exception("Unexpected error while verifying a certificate")
        run.values.setdefault("error", "The certificate could not be checked because of an internal error.")
    return run.result()


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _verify(run: _Run, hc1: object, trust: TrustList, at: datetime, revocations: RevocationList | None) -> None:
    message = _unpack(run, hc1)
    claims, payload = _decode_claims(run, message)
    run.values["payload"] = payload
    if revocations is not None and len(revocations):
        hashes = hashes_for(uci=entry_uvci(payload), country=_issuer_country(claims),
                            signature=message.signature, alg=message.alg)
        if revocations.revoked(hashes):
            run.values["revoked"] = True
            run.values.setdefault("error", "This certificate was revoked by its issuer.")

    signer = _check_signature(run, message, trust)
    problems = schema_errors(payload)
    if problems:
        run.failed("schema", "The certificate content does not follow the EU format (" + problems[0] + ").")
    else:
        run.passed("schema")
    _check_expiry(run, claims, signer, at)
    if signer is not None:
        _check_key_usage(run, payload, signer)


def _unpack(run: _Run, hc1: object) -> Sign1:
    if not isinstance(hc1, str):
        raise run.stop("unprefix", "No certificate text was given.")
    if len(hc1) > MAX_INPUT_CHARS:
        raise run.stop("unprefix", "This code is far too long to be an EU Digital COVID Certificate.", kind="too_long")
    text = hc1.strip()
    if not text.startswith(PREFIX):
        raise run.stop(
            "unprefix", "This is not an EU Digital COVID Certificate (the code does not start with HC1:)."
        )
    run.passed("unprefix")
    try:
        compressed = base45.decode(text[len(PREFIX) :])
    except DecodeError:
        raise run.stop(
            "base45", "The certificate code is damaged and cannot be read (invalid characters)."
        ) from None
    run.passed("base45")
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(compressed, MAX_INFLATED_BYTES)
    except zlib.error:
        raise run.stop("zlib", "The certificate code is damaged and cannot be unpacked.") from None
    if inflater.unconsumed_tail:
        raise run.stop("zlib", "The certificate code unpacks to far more data than a certificate holds.")
    if not inflater.eof or inflater.unused_data:
        raise run.stop("zlib", "The certificate code is damaged and cannot be unpacked.")
    run.passed("zlib")
    try:
        message = parse_sign1(raw)
    except DecodeError:
        raise run.stop("cose", "The code does not contain a signed certificate.") from None
    run.passed("cose")
    return message


def _decode_claims(run: _Run, message: Sign1) -> tuple[dict[object, object], dict[str, Any]]:
    damaged = "The certificate content is damaged and cannot be read."
    try:
        claims = cbor.loads(message.payload)
        hcert = claims.get(CLAIM_HCERT) if isinstance(claims, dict) else None
        dcc = hcert.get(1) if isinstance(hcert, dict) else None
        if not isinstance(claims, dict) or not isinstance(dcc, dict):
            raise run.stop("cbor", damaged)
        payload = _to_json(dcc)
        for claim in (CLAIM_IAT, CLAIM_EXP):
            if claim in claims and _numeric_date(claims[claim]) is None:
                raise run.stop("cbor", damaged)
        if not isinstance(claims.get(CLAIM_ISS, ""), str):
            raise run.stop("cbor", damaged)
    except (DecodeError, ValueError):
        raise run.stop("cbor", damaged) from None
    assert isinstance(payload, dict)
    run.passed("cbor")
    return claims, payload


def _to_json(value: object) -> Any:
    """CBOR → JSON values. Dates may come as tag 0 (text) or tag 1 (epoch) and become text."""
    if isinstance(value, cbor.Tag):
        if value.tag == 0 and isinstance(value.value, str):
            return value.value
        if value.tag == 1 and (moment := _numeric_date(value.value)) is not None:
            return datetime.fromtimestamp(moment, UTC).isoformat().replace("+00:00", "Z")
        return _to_json(value.value)
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise ValueError("non-text key")
        return {k: _to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("non-finite number")
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError("binary data in the certificate")


def _numeric_date(value: object) -> float | None:
    if isinstance(value, cbor.Tag) and value.tag == 1:
        value = value.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or abs(value) > 253402300799:  # year 9999
        return None
    return float(value)


def _check_signature(run: _Run, message: Sign1, trust: TrustList) -> TrustedSigner | None:
    kid = message.kid
    if kid is None:
        run.failed("signature", "The certificate does not name its signer, so its signature cannot be checked.",
                   kind="signer_unknown")
        return None
    candidates = trust.candidates(kid)
    if not candidates:
        run.failed("signature", "The certificate was signed by an authority that is not in the trust list.",
                   kind="signer_unknown")
        return None
    if message.alg not in (ALG_ES256, ALG_PS256):
        run.failed("signature", "The certificate uses a signature method that is not supported.",
                   kind="method_unsupported")
        return candidates[0]
    for candidate in candidates:
        if verify_signature(message, candidate.public_key):
            run.passed("signature")
            return candidate
    run.failed("signature", "The certificate's signature is not valid: it may be forged or altered.")
    # Still the signer the certificate claims: later steps report against it.
    return candidates[0]


def _check_expiry(
    run: _Run, claims: dict[object, object], signer: TrustedSigner | None, at: datetime
) -> None:
    iat, exp = _numeric_date(claims.get(CLAIM_IAT)), _numeric_date(claims.get(CLAIM_EXP))
    if iat is None or exp is None:
        run.failed("expiry", "The certificate has no validity dates.")
        return
    issued, expires = datetime.fromtimestamp(iat, UTC), datetime.fromtimestamp(exp, UTC)
    run.values |= {"issued_at": issued, "expires_at": expires}
    if at < issued:
        run.failed("expiry", f"The certificate is not valid yet (issued {issued:%Y-%m-%d %H:%M} UTC).")
    elif at > expires:
        run.failed("expiry", f"The certificate expired on {expires:%Y-%m-%d}.")
    elif signer is not None and issued < signer.not_before:
        run.failed("expiry", "The certificate was issued before its signer's certificate became valid.")
    elif signer is not None and expires > signer.not_after:
        run.failed("expiry", "The certificate claims to be valid longer than its signer's certificate.")
    else:
        run.passed("expiry")


def _check_key_usage(run: _Run, payload: dict[str, Any], signer: TrustedSigner) -> None:
    allowed = signer.allowed_types
    present = {t for t in _TYPES if payload.get(t)}
    if allowed and not present <= allowed:
        kinds = ", ".join(_TYPE_NAMES[t] for t in sorted(present - allowed))
        run.failed("key_usage", f"The signing authority is not allowed to issue {kinds} certificates.")
    else:
        run.passed("key_usage")
