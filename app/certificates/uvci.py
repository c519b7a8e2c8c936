"""Unique vaccination certificate identifiers (UVCI) and their Luhn mod N check character."""

from __future__ import annotations

import re
import secrets

from app.certificates.errors import CertificateDataError

# The EU UVCI guideline (eHealth Network, annex 2) numbers the check alphabet letters first:
# A-Z = 0..25, 0-9 = 26..35, "/" = 36, ":" = 37. The check runs over the whole string
# before "#", "URN:UVCI:" prefix included; published vectors (AT, DK, FR, HU, LT) agree.
CHECK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:"
_CODE = {ch: i for i, ch in enumerate(CHECK_ALPHABET)}
PREFIX = "URN:UVCI:01:"
_ISSUER_PART = re.compile(r"^[A-Z0-9]+(/[A-Z0-9]+)*$")


def check_character(text: str) -> str:
    """Luhn mod N over CHECK_ALPHABET (N = 38)."""
    n = len(CHECK_ALPHABET)
    total = 0
    factor = 2
    for ch in reversed(text):
        try:
            addend = factor * _CODE[ch]
        except KeyError:
            raise CertificateDataError(code="cert_uvci_character", params={"character": ch}) from None
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return CHECK_ALPHABET[(n - total % n) % n]


def make_uvci(*, country: str, issuer: str, unique: str | None = None) -> str:
    """`URN:UVCI:01:DE:<issuer>/<unique>#<check>`; `unique` defaults to 20 random characters."""
    country = country.upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise CertificateDataError(code="cert_country_invalid", field="country")
    unique = unique if unique is not None else "".join(secrets.choice(CHECK_ALPHABET[:36]) for _ in range(20))
    issuer_part = f"{issuer.upper()}/{unique.upper()}"
    if not _ISSUER_PART.fullmatch(issuer_part):
        raise CertificateDataError(code="cert_uvci_issuer_characters")
    body = f"{PREFIX}{country}:{issuer_part}"
    return f"{body}#{check_character(body)}"


def has_valid_check(uvci: str) -> bool | None:
    """True/False for a UVCI with a check character, None when it has none.

    Only for identifiers we issue: the check character is optional in the guideline and
    foreign identifiers in the wild differ (lower case, other prefixes), so verification of
    a scanned certificate never rejects one for it.
    """
    if "#" not in uvci:
        return None
    body, _, check = uvci.rpartition("#")
    try:
        return len(check) == 1 and check_character(body) == check
    except CertificateDataError:
        return False
