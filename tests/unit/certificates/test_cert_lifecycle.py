"""Names from the travel document (MRZ), recovery certificates and revocation: the parts of a
certificate's life that a border checks beyond the signature."""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import cbor2  # an independent decoder for the signature bytes
import pytest
from mrz.checker.td1 import TD1CodeChecker
from mrz.checker.td3 import TD3CodeChecker
from mrz.generator.td1 import TD1CodeGenerator
from mrz.generator.td3 import TD3CodeGenerator

from app.certificates import base45
from app.certificates.dcc import (
    RecoveryFacts,
    VaccinationFacts,
    build_payload,
    build_recovery_payload,
    issue_hc1,
    standardised_name,
)
from app.certificates.errors import CertificateDataError, CertificateError
from app.certificates.mrz import birth_date_matches, check_digit, parse_mrz
from app.certificates.revocation import RevocationList, batches
from app.certificates.signer import EKU_RECOVERY, EKU_VACCINATION, DemoChain, create_demo_chain
from app.certificates.uvci import make_uvci
from app.certificates.verify import read_signed, verify

ISSUED = datetime(2026, 3, 1, 12, tzinfo=UTC)
# The specimens of ICAO Doc 9303 (part 4 appendix A, part 5 appendix A).
SPECIMEN_TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
SPECIMEN_TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"


# ---- MRZ ------------------------------------------------------------------------------------


def test_icao_specimens_give_the_names_as_printed_in_the_document() -> None:
    for text in (SPECIMEN_TD3, SPECIMEN_TD1, SPECIMEN_TD3.replace("\n", ""), "  " + SPECIMEN_TD1.lower()):
        names = parse_mrz(text)
        assert (names.fnt, names.gnt, names.birth_date) == ("ERIKSSON", "ANNA<MARIA", "740812")
    assert birth_date_matches(parse_mrz(SPECIMEN_TD3), "1974-08-12")
    assert not birth_date_matches(parse_mrz(SPECIMEN_TD3), "1974-08-21")
    assert birth_date_matches(parse_mrz(SPECIMEN_TD3), "1974-08")


@pytest.mark.parametrize(("position", "replacement"), [(50, "9"), (57, "3"), (60, "6"), (88 - 1, "1")])
def test_one_misread_character_fails_the_check_digits(position: int, replacement: str) -> None:
    text = SPECIMEN_TD3.replace("\n", "")
    broken = text[:position] + replacement + text[position + 1:]
    assert broken != text
    with pytest.raises(CertificateDataError) as caught:
        parse_mrz(broken)
    assert caught.value.code == "mrz_check_digit"


@pytest.mark.parametrize("text", ["", "P<UTO", "X" * 500, SPECIMEN_TD3.replace("<", "«"), "ÄÖÜ" * 30])
def test_text_that_is_no_mrz_is_refused(text: str) -> None:
    with pytest.raises(CertificateDataError) as caught:
        parse_mrz(text)
    assert caught.value.code in ("mrz_format", "mrz_check_digit")


@pytest.mark.parametrize(("surname", "given", "birth"), [
    ("Shevchenko", "Hryhorii", "800517"), ("Papadopoulos", "Evangelos", "650101"), ("Dzhugashvili", "Ioseb", "991231"),
])
def test_check_digits_agree_with_an_independent_implementation(surname: str, given: str, birth: str) -> None:
    td3 = str(TD3CodeGenerator("P", "UKR", surname, given, "FA123456", "UKR", birth, "M", "300101", "1234567890"))
    td1 = str(TD1CodeGenerator("ID", "GRC", "AB1234567", birth, "F", "300101", "GRC", surname, given))
    assert bool(TD3CodeChecker(td3)) and bool(TD1CodeChecker(td1))
    for text in (td3, td1):
        names = parse_mrz(text)
        assert (names.fnt, names.gnt, names.birth_date) == (surname.upper(), given.upper(), birth)
    assert check_digit("L898902C3") == "6" and check_digit("740812") == "2"


def test_the_mrz_name_is_what_the_certificate_carries(facts: VaccinationFacts) -> None:
    # Ukrainian passports write Григорій as HRYHORII; ICAO's Cyrillic table alone would give GRIGORII.
    computed = replace(facts, family_name="Шевченко", given_name="Григорій")
    assert standardised_name(computed) == ("SHEVCHENKO", "GRIGORII")
    names = parse_mrz(str(TD3CodeGenerator("P", "UKR", "Shevchenko", "Hryhorii", "FA123456", "UKR", "980226",
                                           "M", "300101", "1234567890")))
    payload = build_payload(replace(computed, standardised=(names.fnt, names.gnt)))
    assert payload["nam"] == {"fn": "Шевченко", "fnt": "SHEVCHENKO", "gn": "Григорій", "gnt": "HRYHORII"}


@pytest.mark.parametrize(("family", "given"), [("ჯავახიშვილი", "ნინო"), ("العلي", "محمد"), ("Müller", "美咲")])
def test_a_script_without_transliteration_needs_the_mrz(facts: VaccinationFacts, family: str, given: str) -> None:
    with pytest.raises(CertificateDataError) as caught:
        build_payload(replace(facts, family_name=family, given_name=given))
    assert caught.value.code == "cert_name_needs_mrz" and caught.value.field == "mrz"
    payload = build_payload(replace(facts, family_name=family, given_name=given, standardised=("JAVAKHISHVILI", "NINO")))
    assert payload["nam"]["fnt"] == "JAVAKHISHVILI" and payload["nam"]["fn"] == family


# ---- recovery -------------------------------------------------------------------------------


def _recovery(**change: object) -> RecoveryFacts:
    facts = RecoveryFacts(
        family_name="Özdemir", given_name="Elif", dob="1979-11-02", first_positive=date(2026, 2, 1),
        valid_from=date(2026, 2, 12), valid_until=date(2026, 7, 31), country="DE", issuer="Landkreis Musterstadt",
        uvci=make_uvci(country="DE", issuer="VXD"))
    return replace(facts, **change)  # type: ignore[arg-type]


def test_a_recovery_certificate_follows_the_eu_rules_and_verifies() -> None:
    payload = build_recovery_payload(_recovery())
    r = payload["r"][0]
    assert (r["fr"], r["df"], r["du"], r["tg"], r["co"]) == ("2026-02-01", "2026-02-12", "2026-07-31", "840539006", "DE")
    both = create_demo_chain(now=ISSUED - timedelta(days=30), ekus=(EKU_VACCINATION, EKU_RECOVERY))
    result = verify(issue_hc1(payload, both.signer, issued_at=ISSUED), [both.signer.der], at=ISSUED)
    assert result.valid, result.error
    vaccination_only = create_demo_chain(now=ISSUED - timedelta(days=30))
    result = verify(issue_hc1(payload, vaccination_only.signer, issued_at=ISSUED), [vaccination_only.signer.der],
                    at=ISSUED)
    assert result.key_usage is False  # a vaccination-only signer must not sign recoveries


@pytest.mark.parametrize(("change", "code"), [
    ({"valid_from": date(2026, 2, 11)}, "cert_recovery_too_early"),  # 10 days after the test
    ({"valid_until": date(2026, 8, 1)}, "cert_recovery_window"),  # 181 days
    ({"valid_until": date(2026, 2, 11)}, "cert_recovery_window"),
])
def test_recovery_windows_outside_the_rules_are_refused(change: dict[str, object], code: str) -> None:
    with pytest.raises(CertificateDataError) as caught:
        build_recovery_payload(_recovery(**change))
    assert caught.value.code == code


# ---- revocation -----------------------------------------------------------------------------


def test_revocation_hashes_are_the_eu_hash_types(facts: VaccinationFacts, chain: DemoChain) -> None:
    hc1 = issue_hc1(build_payload(facts), chain.signer, issued_at=datetime(2026, 2, 1, tzinfo=UTC))
    signed = read_signed(hc1)
    assert signed.issuer_country == "DE"
    uci = facts.uvci
    assert signed.hashes.uci == hashlib.sha256(uci.encode()).digest()[:16]
    assert signed.hashes.country_uci == hashlib.sha256(("DE" + uci).encode()).digest()[:16]
    # ES256: only r, the first half of the COSE signature (s can be negated without breaking it).
    signature = cbor2.loads(zlib.decompress(base45.decode(hc1[4:]))).value[3]
    assert signed.hashes.signature == hashlib.sha256(signature[:32]).digest()[:16]


@pytest.mark.parametrize("hash_type", ["UCI", "COUNTRYCODEUCI", "SIGNATURE"])
def test_a_code_on_the_revocation_list_is_revoked(
    facts: VaccinationFacts, chain: DemoChain, hash_type: str
) -> None:
    at = datetime(2026, 2, 2, tzinfo=UTC)
    hc1 = issue_hc1(build_payload(facts), chain.signer, issued_at=at - timedelta(days=1))
    other = issue_hc1(build_payload(replace(facts, uvci=make_uvci(country="DE", issuer="VXD"))), chain.signer,
                      issued_at=at - timedelta(days=1))
    revoked = read_signed(hc1)
    document = {"batches": [b for b in batches(country="DE", kid="a2lk", revoked=[(revoked.hashes, at)])
                            if b["hashType"] == hash_type]}
    listed = RevocationList.from_json(json.loads(json.dumps(document)))
    result = verify(hc1, [chain.signer.der], at=at, revocations=listed)
    assert result.revoked and not result.valid and result.signature is True
    assert verify(other, [chain.signer.der], at=at, revocations=listed).valid


@pytest.mark.parametrize("document", [
    b"[" * 100_000, b"{}", b'{"hashType": "UCI", "entries": [{"hash": "short"}]}',
    b'[{"hashType": "MD5", "entries": []}]', b"\xff\xfe",
    json.dumps({"hashType": "UCI", "entries": [{"hash": base64.b64encode(b"x" * 17).decode()[:24]}]}).encode(),
])
def test_a_broken_revocation_list_is_refused_with_a_code(document: bytes) -> None:
    with pytest.raises(CertificateError) as caught:
        RevocationList.from_bytes(document)
    assert caught.value.code == "revocation_list_invalid"
