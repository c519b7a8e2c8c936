"""EU DCC issuance: the JSON payload (schema 1.3.0) from vaccination, test or recovery facts, and the signed
`HC1:` string."""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypedDict, Unpack

import cbor2
from cryptography.x509.oid import NameOID

from app.certificates import base45, uvci
from app.certificates.cose import sign_es256
from app.certificates.errors import CertificateDataError, CertificateError
from app.certificates.icao import missing_letters, transliterate
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
    # (fnt, gnt) from the travel document's MRZ; None: computed by ICAO transliteration
    standardised: tuple[str, str] | None = None


@dataclass(frozen=True)
class RecoveryFacts:
    """A recovery certificate (`r` entry) from the first positive NAAT result (EU rules: valid from
    11 days after it, for at most 180 days)."""

    family_name: str
    given_name: str
    dob: str
    first_positive: date  # fr
    valid_from: date  # df
    valid_until: date  # du
    country: str  # co: where the test was done
    issuer: str
    uvci: str
    disease: str = DISEASE_COVID19
    # (fnt, gnt) from the travel document's MRZ; None: computed by ICAO transliteration
    standardised: tuple[str, str] | None = None


@dataclass(frozen=True)
class TestFacts:
    """A test certificate (`t` entry): a rapid antigen test names its device (`ma`, the EU list), a NAAT
    may name the test (`nm`); the sample time (`sc`), result (`tr`) and testing centre (`tc`)."""

    __test__ = False  # not a pytest class

    family_name: str
    given_name: str
    dob: str
    test_type: str  # tt: TEST_RAPID or TEST_NAAT
    sampled_at: datetime  # sc
    result: str  # tr: RESULT_NOT_DETECTED or RESULT_DETECTED
    centre: str  # tc
    country: str
    issuer: str
    uvci: str
    device: str | None = None  # ma, for a rapid test
    test_name: str | None = None  # nm, for a NAAT
    disease: str = DISEASE_COVID19
    standardised: tuple[str, str] | None = None


TEST_RAPID, TEST_NAAT = "LP217198-3", "LP6464-4"  # value set covid-19-lab-test-type
RESULT_NOT_DETECTED, RESULT_DETECTED = "260415000", "260373001"  # value set covid-19-lab-result

RECOVERY_VALID_AFTER = timedelta(days=11)
RECOVERY_VALID_FOR = timedelta(days=180)

Facts = VaccinationFacts | RecoveryFacts | TestFacts


def standardised_name(facts: Facts) -> tuple[str, str]:
    """(fnt, gnt) as the review screen shows them before issuing: from the MRZ when one was given."""
    given = getattr(facts, "standardised", None)
    if given is not None:
        return given[0], given[1]
    return transliterate(facts.family_name), transliterate(facts.given_name)


def untransliterable(facts: Facts) -> str:
    """Letters of the names that ICAO transliteration cannot write (Georgian, Arabic, ...): those names
    need the MRZ of the travel document instead of an empty or shortened standardised form."""
    if getattr(facts, "standardised", None) is not None:
        return ""
    return missing_letters(facts.family_name) + missing_letters(facts.given_name)


def _person_part(facts: Facts) -> dict[str, Any]:
    family, given = facts.family_name.strip(), facts.given_name.strip()
    if not family:
        raise CertificateDataError(code="cert_family_name_missing", field="family_name")
    missing = untransliterable(facts)
    if missing:
        raise CertificateDataError(code="cert_name_needs_mrz", params={"letters": missing[:10]}, field="mrz")
    fnt, gnt = standardised_name(facts)
    if not fnt:
        raise CertificateDataError(code="cert_family_name_unwritable", field="family_name")
    for label, value in (("family_name", family), ("given_name", given), ("issuer", facts.issuer)):
        if len(value) > _MAX_TEXT:
            raise CertificateDataError(code="cert_text_too_long", params={"what": label, "max": _MAX_TEXT},
                                       field=label)
    if not re.fullmatch(r"[A-Z]{2}", facts.country.upper()):
        raise CertificateDataError(code="cert_country_invalid", field="country")
    _check_dob(facts.dob)
    if uvci.has_valid_check(facts.uvci) is False:
        raise CertificateDataError(code="cert_uvci_check_wrong")
    name: dict[str, str] = {"fn": family, "fnt": fnt}
    if given:
        name |= {"gn": given, "gnt": gnt}
    elif gnt:
        name["gnt"] = gnt
    return {"ver": CURRENT_VERSION, "nam": name, "dob": facts.dob}


def build_recovery_payload(facts: RecoveryFacts) -> dict[str, Any]:
    """The DCC JSON for one recovery; the validity window follows the EU rules or is refused."""
    payload = _person_part(facts)
    if facts.valid_from < facts.first_positive + RECOVERY_VALID_AFTER:
        raise CertificateDataError(code="cert_recovery_too_early",
                                   params={"date": (facts.first_positive + RECOVERY_VALID_AFTER).isoformat()})
    if facts.valid_until > facts.first_positive + RECOVERY_VALID_FOR or facts.valid_until < facts.valid_from:
        raise CertificateDataError(code="cert_recovery_window",
                                   params={"date": (facts.first_positive + RECOVERY_VALID_FOR).isoformat()})
    payload["r"] = [{
        "tg": facts.disease, "fr": facts.first_positive.isoformat(), "co": facts.country.upper(),
        "is": facts.issuer.strip(), "df": facts.valid_from.isoformat(), "du": facts.valid_until.isoformat(),
        "ci": facts.uvci,
    }]
    check_payload(payload)
    return payload


def build_test_payload(facts: TestFacts) -> dict[str, Any]:
    """The DCC JSON for one test; a rapid test carries its device, a NAAT none (the schema's rule)."""
    payload = _person_part(facts)
    if facts.test_type not in (TEST_RAPID, TEST_NAAT) or facts.result not in (RESULT_NOT_DETECTED, RESULT_DETECTED):
        raise CertificateDataError(code="cert_schema", params={"problems": "tt/tr"})
    if facts.sampled_at.tzinfo is None:
        raise CertificateDataError(code="cert_date_invalid", params={"value": facts.sampled_at.isoformat()[:40]})
    if (facts.test_type == TEST_RAPID) != (facts.device is not None):
        raise CertificateDataError(code="cert_schema", params={"problems": "ma"})
    entry: dict[str, Any] = {"tg": facts.disease, "tt": facts.test_type}
    if facts.device is not None:
        entry["ma"] = facts.device
    if facts.test_name:
        entry["nm"] = facts.test_name.strip()[:_MAX_TEXT]
    entry |= {"sc": facts.sampled_at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
              "tr": facts.result, "tc": facts.centre.strip()[:_MAX_TEXT], "co": facts.country.upper(),
              "is": facts.issuer.strip(), "ci": facts.uvci}
    payload["t"] = [entry]
    check_payload(payload)
    return payload


def build_payload(facts: VaccinationFacts) -> dict[str, Any]:
    """The DCC JSON for one vaccination; raises CertificateDataError with what to fix."""
    payload = _person_part(facts)
    if not 1 <= facts.dose_number <= 9 or not 1 <= facts.total_doses <= 9:
        raise CertificateDataError(code="cert_dose_number_range")
    vaccination_date = _iso_date(facts.date)
    # dob is YYYY, YYYY-MM or YYYY-MM-DD: as text, its first day compares like the full date.
    if facts.dob and vaccination_date < facts.dob:
        raise CertificateDataError(code="cert_date_before_birth", params={"date": vaccination_date, "dob": facts.dob})
    payload |= {
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
        raise CertificateDataError(code="cert_schema", params={"problems": "; ".join(errors[:3])})


def _check_dob(dob: str) -> None:
    match = _DOB.match(dob)
    if dob and not match:
        raise CertificateDataError(code="cert_dob_format", field="dob")
    if match and match[4]:
        try:
            date(int(match[1]), int(match[4]), int(match[6] or 1))
        except ValueError:
            raise CertificateDataError(code="cert_dob_impossible", params={"dob": dob}, field="dob") from None


def _iso_date(value: date | str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise CertificateDataError(code="cert_date_invalid", params={"value": str(value)[:40]}) from None


@dataclass(frozen=True)
class SignedHc1:
    """A freshly signed code and the validity it carries (shown on the review screen and the PDF)."""

    hc1: str
    issued_at: datetime
    expires_at: datetime
    kid: bytes


def sign_hc1(
    payload: Mapping[str, Any],
    signer: Signer,
    *,
    issued_at: datetime | None = None,
    valid_for: timedelta = DEFAULT_VALIDITY,
    issuer_country: str | None = None,
) -> SignedHc1:
    """Sign a DCC payload: CWT → COSE_Sign1 (ES256) → zlib → base45 → "HC1:".

    `iss` is the issuing country (Regulation (EU) 2021/953 art. 5: the state where the event took
    place issues); by default the signer certificate's country, else the entry's `co`.
    """
    check_payload(payload)
    issued_at = issued_at or datetime.now(UTC)
    iat = int(issued_at.timestamp())
    # The certificate must not outlive its signer: verifiers reject exp after notAfter.
    exp = int(min(issued_at + valid_for, signer.not_after).timestamp())
    if issued_at < signer.certificate.not_valid_before_utc or exp <= iat:
        raise CertificateError(code="cert_signer_not_valid_now")
    claims: dict[int, Any] = {CLAIM_IAT: iat, CLAIM_EXP: exp, CLAIM_HCERT: {1: dict(payload)}}
    country = issuer_country or signer_country(signer) or _entry_country(payload)
    if country:
        claims = {CLAIM_ISS: country, **claims}
    cose = sign_es256(bytes(cbor2.dumps(claims)), signer.private_key, signer.kid)
    return SignedHc1(PREFIX + base45.encode(zlib.compress(cose, 9)), datetime.fromtimestamp(iat, UTC),
                     datetime.fromtimestamp(exp, UTC), signer.kid)


class SignOptions(TypedDict, total=False):
    """`sign_hc1`'s keywords, for the functions that pass them on."""

    issued_at: datetime | None
    valid_for: timedelta
    issuer_country: str | None


def issue_hc1(payload: Mapping[str, Any], signer: Signer, **options: Unpack[SignOptions]) -> str:
    """`sign_hc1` when only the code is wanted."""
    return sign_hc1(payload, signer, **options).hc1


def signer_country(signer: Signer) -> str | None:
    names = signer.certificate.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)
    value = names[0].value if names else None
    return value.upper() if isinstance(value, str) and re.fullmatch(r"[A-Za-z]{2}", value) else None


def _entry_country(payload: Mapping[str, Any]) -> str | None:
    for key in ("v", "t", "r"):
        entries = payload.get(key)
        if isinstance(entries, list) and entries and isinstance(entries[0], Mapping):
            country = entries[0].get("co")
            return country if isinstance(country, str) else None
    return None
