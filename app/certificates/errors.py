"""Exceptions of the certificate package, each with a message a nurse or admin can act on."""

from __future__ import annotations

from app.errors import ValidationError, VaxDeskError


class CertificateError(VaxDeskError):
    """A certificate cannot be issued or rendered (missing signer, broken key file, ...)."""

    # Not 1: `vaxdesk cert verify` exits 1 for NOT VALID, and an unreadable file is not a verdict.
    exit_code = 9


class CertificateDataError(ValidationError):
    """The data for a certificate is not acceptable (bad date of birth, empty name, ...)."""


class DecodeError(ValidationError):
    """Scanned or pasted certificate data cannot be decoded (base45, CBOR)."""


class CorsignError(ValidationError):
    """A corsign code cannot be opened. Deliberately never says why."""
