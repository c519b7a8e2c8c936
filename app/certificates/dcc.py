"""EU DCC issuance: the JSON payload (schema 1.3.0) from vaccination facts, and the signed `HC1:` string."""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import cbor2

from app.certificates import base45, uvci
from app.certificates.cose import sign_es256
from app.certificates.errors import CertificateDataError, CertificateError
from app.certificates.icao import transliterate
from app.certificates.schema import CURRENT_VERSION, schema_errors
from app.certificates.signer import Signer

PREFIX = "HC1:"
DISEASE_COVID19 = "840539006"
CLAIM_ISS, CLAIM_EXP, CLAIM_IAT, CLAIM_HCERT = 1, 4, 6, -260
DEFAULT_VALIDITY = timedelta(days=365)

_DOB = re.compile(r"^((19|20)\d\d)(-(\d\d))?(-(\d\d))?$")
_MAX_TEXT = 80


@dataclass(frozen=True)
class VaccinationFacts:
    """What a nurse confirms on the review screen, in the DCC's own codes."""

    family_name: str
    given_name: str
    dob: str  # "1964-08-12", "1964-08" or "1964": the precision the person's documents give
    product: str  # mp, e.g. "EU/1/20/1528"
    manufacturer: str  # ma, e.g. "ORG-100030215"
    prophylaxis: str  # vp, e.g. "J07BN01"
    dose_number: int  # dn
    total_doses: int  # sd
    date: date | str  # dt
    country: str  # co, e.g. "DE"
    issuer: str  # is
    uvci: str  # ci
    disease: str = DISEASE_COVID19  # tg


def standardised_name(facts: VaccinationFacts) -> tuple[str, str]:
    """(fnt, gnt) as the review screen shows them before issuing."""
    return transliterate(facts.family_name), transliterate(facts.given_name)


def build_payload(facts: VaccinationFacts) -> dict[str, Any]:
    """The DCC JSON for one vaccination; raises CertificateDataError with what to fix."""
    family, given = facts.family_name.strip(), facts.given_name.strip()
    if not family:
        raise CertificateDataError(
            "The family name is missing. A person with a single name has it entered as family name."
        )
    fnt, gnt = standardised_name(facts)
    if not fnt:
        raise CertificateDataError("The family name has no letters that can be written in the certificate.")
    for label, value in (("family name", family), ("given name", given), ("issuer", facts.issuer)):
        if len(value) > _MAX_TEXT:
            raise CertificateDataError(f"The {label} is longer than {_MAX_TEXT} characters.")
    if not re.fullmatch(r"[A-Z]{2}", facts.country.upper()):
        raise CertificateDataError("The country must be a two-letter code such as DE.")
    _check_dob(facts.dob)
    if not 1 <= facts.dose_number <= 9 or not 1 <= facts.total_doses <= 9:
        raise CertificateDataError("Dose number and number of doses must be between 1 and 9.")
    vaccination_date = _iso_date(facts.date)
    if uvci.has_valid_check(facts.uvci) is False:
        raise CertificateDataError("The certificate identifier has a wrong check character.")
    name: dict[str, str] = {"fn": family, "fnt": fnt}
    if given:
        name |= {"gn": given, "gnt": gnt}
    payload: dict[str, Any] = {
        "ver": CURRENT_VERSION,
        "nam": name,
        "dob": facts.dob,
        "v": [
            {
                "tg": facts.disease,
                "vp": facts.prophylaxis,
                "mp": facts.product,
                "ma": facts.manufacturer,
                "dn": facts.dose_number,
                "sd": facts.total_doses,
                "dt": vaccination_date,
                "co": facts.country.upper(),
                "is": facts.issuer.strip(),
                "ci": facts.uvci,
            }
        ],
    }
    check_payload(payload)
    return payload


def check_payload(payload: Mapping[str, Any]) -> None:
    errors = schema_errors(payload)
    if errors:
        raise CertificateDataError(
            "The certificate data does not match the EU format: " + "; ".join(errors[:3])
        )


def _check_dob(dob: str) -> None:
    match = _DOB.match(dob)
    if dob and not match:
        raise CertificateDataError("The date of birth must look like 1964-08-12, 1964-08 or 1964.")
    if match and match[4]:
        try:
            date(int(match[1]), int(match[4]), int(match[6] or 1))
        except ValueError:
            raise CertificateDataError(f"The date of birth {dob} does not exist.") from None


def _iso_date(value: date | str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise CertificateDataError(f"The vaccination date {value!r} is not a date like 2021-06-11.") from None


def issue_hc1(
    payload: Mapping[str, Any],
    signer: Signer,
    *,
    issued_at: datetime | None = None,
    valid_for: timedelta = DEFAULT_VALIDITY,
) -> str:
    """Sign a DCC payload: CWT → COSE_Sign1 (ES256) → zlib → base45 → "HC1:"."""
    check_payload(payload)
    issued_at = issued_at or datetime.now(UTC)
    iat = int(issued_at.timestamp())
    # The certificate must not outlive its signer: verifiers reject exp after notAfter.
    exp = int(min(issued_at + valid_for, signer.not_after).timestamp())
    if issued_at < signer.certificate.not_valid_before_utc or exp <= iat:
        raise CertificateError("The signer certificate is not valid now; a new one is needed.")
    claims: dict[int, Any] = {CLAIM_IAT: iat, CLAIM_EXP: exp, CLAIM_HCERT: {1: dict(payload)}}
    country = _issuing_country(payload)
    if country:
        claims = {CLAIM_ISS: country, **claims}
    cose = sign_es256(bytes(cbor2.dumps(claims)), signer.private_key, signer.kid)
    return PREFIX + base45.encode(zlib.compress(cose, 9))


def _issuing_country(payload: Mapping[str, Any]) -> str | None:
    for key in ("v", "t", "r"):
        entries = payload.get(key)
        if isinstance(entries, list) and entries and isinstance(entries[0], Mapping):
            country = entries[0].get("co")
            return country if isinstance(country, str) else None
    return None
