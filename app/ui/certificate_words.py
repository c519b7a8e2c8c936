"""Plain words for certificates: where a dose's certificate stands, and why a scanned certificate is
or is not valid, told by the step that failed (never the core's English message as such).

lupdate sees only literal calls, hence `QCoreApplication.translate("CertificateWords", …)` spelled out
(or `QT_TRANSLATE_NOOP` in the tables of words by code).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.certificates import valuesets
from app.certificates.verify import STEPS, VerificationResult
from app.ui.translate import QT_TRANSLATE_NOOP, Words

status_words = Words("CertificateWords", {
    "none": QT_TRANSLATE_NOOP("CertificateWords", "To issue"),
    "issued": QT_TRANSLATE_NOOP("CertificateWords", "Issued"),
    "voucher": QT_TRANSLATE_NOOP("CertificateWords", "Voucher (signed after sync)"),
    "revoked": QT_TRANSLATE_NOOP("CertificateWords", "Revoked"),
})


_STEP_WORDS = {
    "unprefix": QT_TRANSLATE_NOOP("CertificateWords", "It is an EU certificate code (HC1:)"),
    "base45": QT_TRANSLATE_NOOP("CertificateWords", "The code can be read"),
    "zlib": QT_TRANSLATE_NOOP("CertificateWords", "The code unpacks completely"),
    "cose": QT_TRANSLATE_NOOP("CertificateWords", "It contains a signed certificate"),
    "cbor": QT_TRANSLATE_NOOP("CertificateWords", "The certificate data can be read"),
    "signature": QT_TRANSLATE_NOOP("CertificateWords", "Signed by a trusted issuer"),
    "schema": QT_TRANSLATE_NOOP("CertificateWords", "The content follows the EU format"),
    "expiry": QT_TRANSLATE_NOOP("CertificateWords", "Valid today"),
    "key_usage": QT_TRANSLATE_NOOP("CertificateWords", "The issuer may issue this type"),
}


def step_words(step: str) -> str:
    """What each verification step checks, as a nurse would say it."""
    return QCoreApplication.translate("CertificateWords", _STEP_WORDS[step])


def first_failed_step(result: VerificationResult) -> str | None:
    return next((step for step in STEPS if getattr(result, step) is False), None)


def reason_words(result: VerificationResult, *, now: datetime | None = None) -> str:
    """Why the certificate is not valid, in one sentence (empty when it is valid)."""
    if result.valid:
        return ""
    now = now or datetime.now(UTC)
    step = first_failed_step(result)
    if step == "unprefix":
        if result.error_kind == "too_long":
            return QCoreApplication.translate(
                "CertificateWords", "This is not a certificate: the scanned text is far too long for one.")
        return QCoreApplication.translate(
            "CertificateWords", "This is not an EU Digital COVID Certificate. Scan the certificate's QR code.")
    if step in ("base45", "zlib", "cose", "cbor"):
        return QCoreApplication.translate(
            "CertificateWords",
            "The certificate is damaged or incomplete and cannot be read. Scan it again; if that fails, it cannot be checked here.")
    if step == "signature":
        if result.error_kind == "signer_unknown":
            return QCoreApplication.translate(
                "CertificateWords",
                "The signature is not from a trusted issuer. The certificate may be genuine but from an issuer this station does not know: load the trust list and check again.")
        if result.error_kind == "method_unsupported":
            return QCoreApplication.translate(
                "CertificateWords", "The certificate is signed with a method this station cannot check.")
        return QCoreApplication.translate(
            "CertificateWords", "The signature does not match: the certificate was altered or forged.")
    if step == "schema":
        return QCoreApplication.translate(
            "CertificateWords", "The certificate's content does not follow the EU format.")
    if step == "expiry":
        if result.issued_at is not None and now < result.issued_at:
            return QCoreApplication.translate(
                "CertificateWords", "The certificate is not valid yet (issued {when}). Check the station's clock.").format(
                when=f"{result.issued_at:%Y-%m-%d %H:%M} UTC")
        if result.expires_at is not None and now > result.expires_at:
            return QCoreApplication.translate("CertificateWords", "The certificate expired on {day}.").format(
                day=f"{result.expires_at:%Y-%m-%d}")
        if result.issued_at is None:
            return QCoreApplication.translate("CertificateWords", "The certificate carries no validity dates.")
        return QCoreApplication.translate(
            "CertificateWords", "The certificate's dates lie outside the validity of its issuer's key.")
    if step == "key_usage":
        return QCoreApplication.translate(
            "CertificateWords", "Wrong type for the signer: this issuer may not issue this kind of certificate.")
    return QCoreApplication.translate(
        "CertificateWords", "The certificate could not be checked. Scan it again.")


def _display(valueset: str, code: object) -> str:
    return valuesets.display(valueset, code) if isinstance(code, str) else ""


def holder_words(payload: dict[str, Any] | None) -> tuple[str, str]:
    """(name, date of birth) of the certificate's holder, as written in it."""
    if not isinstance(payload, dict):
        return "", ""
    found = payload.get("nam")
    nam: dict[str, Any] = found if isinstance(found, dict) else {}
    family = str(nam.get("fn") or nam.get("fnt") or "")
    given = str(nam.get("gn") or nam.get("gnt") or "")
    name = ", ".join(part for part in (family, given) if part)
    dob = payload.get("dob")
    return name, dob if isinstance(dob, str) else ""


def content_words(payload: dict[str, Any] | None) -> str:
    """What the certificate states: the vaccination (product, dose n/m, date, country), or its kind."""
    if not isinstance(payload, dict):
        return ""
    entries = payload.get("v")
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        v = entries[0]
        return QCoreApplication.translate(
            "CertificateWords", "Vaccination: {product}, dose {dose} of {doses}, on {date} in {country}").format(
            product=_display(valuesets.PRODUCT, v.get("mp")) or "?", dose=v.get("dn", "?"), doses=v.get("sd", "?"),
            date=v.get("dt", "?"), country=_display(valuesets.COUNTRY, v.get("co")) or "?")
    if payload.get("t"):
        return QCoreApplication.translate("CertificateWords", "Test certificate (not a vaccination)")
    if payload.get("r"):
        return QCoreApplication.translate("CertificateWords", "Recovery certificate (not a vaccination)")
    return ""


def country_name(code: str) -> str:
    return valuesets.display(valuesets.COUNTRY, code)
