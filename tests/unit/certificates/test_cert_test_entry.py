"""EU test certificates (`t` entry): rebuilt from the facts of official test vectors they come out equal,
field by field; they verify with a signer allowed to sign tests and fail key usage with one that is not;
the builder refuses what the schema or the EU rules do not allow."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.certificates.dcc import (
    RESULT_NOT_DETECTED,
    TEST_NAAT,
    TEST_RAPID,
    TestFacts,
    build_test_payload,
    issue_hc1,
)
from app.certificates.errors import CertificateDataError
from app.certificates.signer import EKU_TEST, EKU_VACCINATION, create_demo_chain
from app.certificates.uvci import make_uvci
from app.certificates.verify import verify

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "dcc"
VECTORS = ("testdata/SE/2DCode/raw/2.json", "testdata/FR/2DCode/raw/DCC_Test_0013.json")


def _facts_of(payload: dict, **changes: object) -> TestFacts:  # type: ignore[type-arg]
    entry = payload["t"][0]
    facts = TestFacts(
        family_name=payload["nam"]["fn"], given_name=payload["nam"].get("gn", ""), dob=payload["dob"],
        test_type=entry["tt"], sampled_at=datetime.fromisoformat(entry["sc"].replace("Z", "+00:00")),
        result=entry["tr"], centre=entry["tc"], country=entry["co"], issuer=entry["is"], uvci=entry["ci"],
        device=entry.get("ma"), test_name=entry.get("nm"))
    return facts if not changes else TestFacts(**{**facts.__dict__, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("vector", VECTORS)
def test_official_test_vectors_rebuilt_from_their_facts_are_equal(vector: str) -> None:
    official = json.loads((SHARED / vector).read_text(encoding="utf-8"))["JSON"]
    assert build_test_payload(_facts_of(official)) == official


def test_our_entry_has_the_shape_of_the_schema_examples() -> None:
    for name, kind in (("simple-rat.json", TEST_RAPID), ("simple-naat.json", TEST_NAAT)):
        example = json.loads((SHARED / "schema/examples/test" / name).read_text(encoding="utf-8"))
        ours = build_test_payload(_facts_of(example))
        assert set(ours["t"][0]) == set(example["t"][0]) and ours["t"][0]["tt"] == kind


def test_signed_test_certificates_need_a_signer_allowed_to_sign_tests() -> None:
    now = datetime(2026, 12, 1, 9, tzinfo=UTC)
    payload = build_test_payload(TestFacts(
        family_name="Groß-Müller", given_name="Jürgen", dob="1964-08-12", test_type=TEST_RAPID,
        sampled_at=now - timedelta(minutes=20), result=RESULT_NOT_DETECTED, centre="Testzentrum Nord", country="DE",
        issuer="Robert Koch-Institut", uvci=make_uvci(country="DE", issuer="VXD"), device="1232"))
    allowed = create_demo_chain(now=now - timedelta(days=1), ekus=(EKU_TEST, EKU_VACCINATION))
    result = verify(issue_hc1(payload, allowed.signer, issued_at=now), [allowed.signer.der], at=now)
    assert result.valid, result.error
    assert result.payload is not None and result.payload["t"][0]["sc"] == "2026-12-01T08:40:00Z"
    vaccination_only = create_demo_chain(now=now - timedelta(days=1), ekus=(EKU_VACCINATION,))
    refused = verify(issue_hc1(payload, vaccination_only.signer, issued_at=now), [vaccination_only.signer.der],
                     at=now)
    assert refused.signature is True and refused.key_usage is False and not refused.valid


@pytest.mark.parametrize("change", [
    {"device": None},  # a rapid test names its device
    {"test_type": "LP0000-0"},  # not in the test-type value set
    {"result": "positive"},  # results are SNOMED codes
    {"sampled_at": datetime(2026, 12, 1, 9)},  # no time zone
    {"family_name": ""},
])
def test_the_builder_refuses_what_the_rules_do_not_allow(change: dict[str, object]) -> None:
    example = json.loads((SHARED / "schema/examples/test/simple-rat.json").read_text(encoding="utf-8"))
    with pytest.raises(CertificateDataError):
        build_test_payload(_facts_of(example, **change))
