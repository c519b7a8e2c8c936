"""Issuing EU DCCs and verifying them: round trips, the accepted variants, hostile input."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import cbor2
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.certificates import base45
from app.certificates.dcc import VaccinationFacts, build_payload, issue_hc1, standardised_name
from app.certificates.errors import CertificateDataError, CertificateError
from app.certificates.signer import EKU_TEST, DemoChain, create_demo_chain, kid_for
from app.certificates.trust import TrustList
from app.certificates.verify import MAX_INFLATED_BYTES, STEPS, verify
from tests.unit.certificates.samples import sample_facts

ISSUED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
LATER = ISSUED + timedelta(days=1)


def _unpack(hc1: str) -> Any:
    return cbor2.loads(zlib.decompress(base45.decode(hc1.removeprefix("HC1:"))))


# --- payload building ----------------------------------------------------------------


def test_payload_follows_schema_1_3_0(facts: VaccinationFacts) -> None:
    payload = build_payload(facts)
    assert payload == {
        "ver": "1.3.0",
        "nam": {
            "fn": "Musterfrau-Gößinger",
            "fnt": "MUSTERFRAU<GOESSINGER",
            "gn": "Gabriele",
            "gnt": "GABRIELE",
        },
        "dob": "1998-02-26",
        "v": [
            {
                "tg": "840539006",
                "vp": "1119349007",
                "mp": "EU/1/20/1528",
                "ma": "ORG-100030215",
                "dn": 2,
                "sd": 2,
                "dt": "2026-02-20",
                "co": "DE",
                "is": "Robert Koch-Institut",
                "ci": "URN:UVCI:01:DE:VAXDESK/0123456789ABCDEF#F",
            }
        ],
    }
    assert standardised_name(facts) == ("MUSTERFRAU<GOESSINGER", "GABRIELE")


@pytest.mark.parametrize("dob", ["1964-08-12", "1964-08", "1964", ""])
def test_date_of_birth_in_any_allowed_precision(facts: VaccinationFacts, dob: str) -> None:
    assert build_payload(replace(facts, dob=dob))["dob"] == dob


def test_only_a_family_name(facts: VaccinationFacts) -> None:
    assert build_payload(replace(facts, given_name=" "))["nam"] == {
        "fn": "Musterfrau-Gößinger",
        "fnt": "MUSTERFRAU<GOESSINGER",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"dob": "12.08.1964"}, "date of birth"),
        ({"dob": "1964-02-30"}, "does not exist"),
        ({"dob": "1899-01-01"}, "date of birth"),
        ({"family_name": ""}, "family name is missing"),
        ({"family_name": "李"}, "MRZ"),  # no ICAO transliteration: the passport's MRZ gives the name
        ({"family_name": "'"}, "no letters"),
        ({"dose_number": 0}, "between 1 and 9"),
        ({"total_doses": 10}, "between 1 and 9"),
        ({"date": "20.02.2026"}, "vaccination date"),
        ({"uvci": "URN:UVCI:01:DE:VAXDESK/0123456789ABCDEF#A"}, "check character"),
        ({"country": "Deutschland"}, "two-letter code"),
        ({"issuer": "x" * 81}, "longer than 80"),
    ],
)
def test_bad_facts_are_refused_with_what_to_fix(
    facts: VaccinationFacts, change: dict[str, Any], message: str
) -> None:
    with pytest.raises(CertificateDataError, match=message):
        build_payload(replace(facts, **change))


# --- issuing --------------------------------------------------------------------------


def test_issued_structure(facts: VaccinationFacts, chain: DemoChain) -> None:
    payload = build_payload(facts)
    hc1 = issue_hc1(payload, chain.signer, issued_at=ISSUED, valid_for=timedelta(days=30))
    assert hc1.startswith("HC1:") and set(hc1[4:]) <= set(base45.ALPHABET)
    compressed = base45.decode(hc1[4:])
    assert compressed[:2] == b"\x78\xda"  # zlib, level 9
    message = cbor2.loads(zlib.decompress(compressed))
    assert message.tag == 18
    protected, unprotected, claims_raw, signature = message.value
    assert cbor2.loads(protected) == {1: -7, 4: kid_for(chain.signer.der)}
    assert unprotected == {} and len(signature) == 64
    claims = cbor2.loads(claims_raw)
    assert claims == {
        1: "DE",
        6: int(ISSUED.timestamp()),
        4: int((ISSUED + timedelta(days=30)).timestamp()),
        -260: {1: payload},
    }


def test_expiry_is_clipped_to_the_signer_certificate(facts: VaccinationFacts, chain: DemoChain) -> None:
    hc1 = issue_hc1(build_payload(facts), chain.signer, issued_at=ISSUED, valid_for=timedelta(days=3650))
    claims = cbor2.loads(_unpack(hc1).value[2])
    assert isinstance(claims[4], int) and isinstance(claims[6], int)
    assert claims[4] == int(chain.signer.not_after.timestamp())


def test_a_signer_outside_its_validity_cannot_issue(facts: VaccinationFacts, chain: DemoChain) -> None:
    with pytest.raises(CertificateError, match="not valid now"):
        issue_hc1(build_payload(facts), chain.signer, issued_at=chain.signer.not_after + timedelta(days=1))


def test_an_invalid_payload_is_not_signed(chain: DemoChain) -> None:
    with pytest.raises(CertificateDataError):
        issue_hc1({"ver": "1.3.0", "nam": {"fnt": "X"}}, chain.signer, issued_at=ISSUED)


# --- round trip -----------------------------------------------------------------------


def test_round_trip(facts: VaccinationFacts, chain: DemoChain, trust: TrustList) -> None:
    payload = build_payload(facts)
    hc1 = issue_hc1(payload, chain.signer, issued_at=ISSUED)
    result = verify(hc1, trust, at=LATER)
    assert result.valid, result.error
    assert result.steps == dict.fromkeys(STEPS, True)
    assert result.error is None
    assert result.payload == payload
    assert result.issued_at == ISSUED.replace(microsecond=0, second=0) + timedelta(seconds=ISSUED.second)
    # Trust lists may also be given as PEM or DER bytes, and scanners add line ends.
    pem = chain.signer.certificate.public_bytes(serialization.Encoding.PEM)
    assert verify(hc1 + "\r\n", [pem], at=LATER).valid


def test_expiry_bounds(facts: VaccinationFacts, chain: DemoChain, trust: TrustList) -> None:
    hc1 = issue_hc1(build_payload(facts), chain.signer, issued_at=ISSUED, valid_for=timedelta(days=30))
    assert verify(hc1, trust, at=ISSUED).expiry is True
    before = verify(hc1, trust, at=ISSUED - timedelta(seconds=1))
    assert before.expiry is False and before.error is not None and "not valid yet" in before.error
    late = verify(hc1, trust, at=ISSUED + timedelta(days=31))
    assert late.expiry is False and late.error is not None and "expired" in late.error
    assert (
        verify(hc1, trust, at=(ISSUED + timedelta(days=1)).replace(tzinfo=None)).expiry is True
    )  # naive = UTC


def test_certificate_outliving_its_signer_fails_expiry(chain: DemoChain, trust: TrustList) -> None:
    claims = _claims(chain, iat=ISSUED, exp=chain.signer.not_after + timedelta(days=1))
    result = verify(_hc1(claims, chain), trust, at=LATER)
    assert result.signature is True and result.expiry is False
    assert result.error is not None and "longer than its signer" in result.error


def test_key_usage_limits_certificate_types(facts: VaccinationFacts) -> None:
    test_only = create_demo_chain(ekus=(EKU_TEST,), now=datetime(2026, 1, 1, tzinfo=UTC))
    hc1 = issue_hc1(build_payload(facts), test_only.signer, issued_at=ISSUED)
    result = verify(hc1, [test_only.signer.der], at=LATER)
    assert result.signature is True and result.key_usage is False
    assert result.error == "The signing authority is not allowed to issue vaccination certificates."


def test_untrusted_signer_and_tampering(facts: VaccinationFacts, chain: DemoChain, trust: TrustList) -> None:
    hc1 = issue_hc1(build_payload(facts), chain.signer, issued_at=ISSUED)
    unknown = verify(hc1, [], at=LATER)
    assert unknown.signature is False and unknown.key_usage is None and not unknown.valid
    assert unknown.error == "The certificate was signed by an authority that is not in the trust list."

    message = _unpack(hc1)
    protected, unprotected, claims_raw, signature = message.value
    forged_claims = cbor2.loads(claims_raw)
    forged_claims[-260][1]["nam"]["fn"] = "Mallory"
    forged = cbor2.CBORTag(18, [protected, unprotected, cbor2.dumps(forged_claims), signature])
    result = verify("HC1:" + base45.encode(zlib.compress(cbor2.dumps(forged))), trust, at=LATER)
    assert result.signature is False and result.schema is True and not result.valid
    assert result.error == "The certificate's signature is not valid: it may be forged or altered."


def test_foreign_identifier_with_a_wrong_check_character_is_not_rejected(
    facts: VaccinationFacts, chain: DemoChain, trust: TrustList
) -> None:
    payload = build_payload(facts)
    payload["v"][0]["ci"] = "URN:UVCI:01:DE:VAXDESK/0123456789ABCDEF#A"  # check should be F
    assert verify(issue_hc1(payload, chain.signer, issued_at=ISSUED), trust, at=LATER).valid


# --- accepted variants ------------------------------------------------------------------


def _claims(chain: DemoChain, *, iat: Any, exp: Any, payload: dict[str, Any] | None = None) -> dict[int, Any]:
    if isinstance(iat, datetime):
        iat = int(iat.timestamp())
    if isinstance(exp, datetime):
        exp = int(exp.timestamp())
    return {1: "DE", 6: iat, 4: exp, -260: {1: payload or _test_payload()}}


def _test_payload(sc: Any = "2026-02-28T10:00:00Z") -> dict[str, Any]:
    entry = {
        "tg": "840539006",
        "tt": "LP217198-3",
        "ma": "1232",
        "sc": sc,
        "tr": "260415000",
        "tc": "Testzentrum",
        "co": "DE",
        "is": "RKI",
        "ci": "URN:UVCI:01:DE:T/1",
    }
    return {"ver": "1.3.0", "nam": {"fn": "Test", "fnt": "TEST"}, "dob": "1980", "t": [entry]}


def _hc1(
    claims: dict[int, Any],
    chain: DemoChain,
    *,
    kid_in: str = "protected",
    tags: tuple[int, ...] = (18,),
    private_key: Any = None,
    cert_der: bytes | None = None,
    alg: int = -7,
) -> str:
    """A message built by hand, in the shapes other issuers use."""
    key = private_key or chain.signer.private_key
    kid = kid_for(cert_der or chain.signer.der)
    protected_map = {1: alg, 4: kid} if kid_in == "protected" else {1: alg}
    protected = cbor2.dumps(protected_map)
    unprotected = {4: kid} if kid_in == "unprotected" else {}
    payload = cbor2.dumps(claims)
    to_sign = cbor2.dumps(["Signature1", protected, b"", payload])
    if isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(
            to_sign, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256()
        )
    else:
        r, s = decode_dss_signature(key.sign(to_sign, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    message: Any = [protected, unprotected, payload, signature]
    for tag in reversed(tags):
        message = cbor2.CBORTag(tag, message)
    return "HC1:" + base45.encode(zlib.compress(cbor2.dumps(message)))


def _rsa_signer() -> tuple[rsa.RSAPrivateKey, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "RSA DSC")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(datetime(2026, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2027, 1, 1, tzinfo=UTC))
        .sign(key, hashes.SHA256())
    )
    return key, cert.public_bytes(serialization.Encoding.DER)


# The shared chain may sign vaccinations only; these tests also sign test certificates.
ANY_TYPE = create_demo_chain(ekus=(), now=datetime(2026, 1, 1, tzinfo=UTC))
ANY_TYPE_TRUST = TrustList.from_certificates([ANY_TYPE.signer.der])


@pytest.mark.parametrize(
    ("kid_in", "tags"),
    [
        ("protected", (18,)),
        ("protected", ()),
        ("protected", (61, 18)),
        ("unprotected", (18,)),
        ("unprotected", ()),
    ],
)
def test_accepted_message_shapes(kid_in: str, tags: tuple[int, ...]) -> None:
    hc1 = _hc1(
        _claims(ANY_TYPE, iat=ISSUED, exp=ISSUED + timedelta(days=2)), ANY_TYPE, kid_in=kid_in, tags=tags
    )
    result = verify(hc1, ANY_TYPE_TRUST, at=LATER)
    assert result.valid, result.error


def test_ps256_signatures() -> None:
    key, der = _rsa_signer()
    chain = ANY_TYPE  # the helper's defaults; the RSA key and certificate replace its signer
    claims = _claims(chain, iat=ISSUED, exp=ISSUED + timedelta(days=2))
    hc1 = _hc1(claims, chain, private_key=key, cert_der=der, alg=-37)
    assert verify(hc1, [der], at=LATER).valid
    assert (
        verify(_hc1(claims, chain, private_key=key, cert_der=der, alg=-7), [der], at=LATER).signature is False
    )


def test_dates_as_tag0_strings_tag1_numbers_and_float_claims() -> None:
    chain, trust = ANY_TYPE, ANY_TYPE_TRUST
    for sc, shown in [
        (cbor2.CBORTag(0, "2026-02-28T10:00:00Z"), "2026-02-28T10:00:00Z"),
        (cbor2.CBORTag(1, int(datetime(2026, 2, 28, 10, tzinfo=UTC).timestamp())), "2026-02-28T10:00:00Z"),
    ]:
        claims = _claims(
            chain, iat=ISSUED.timestamp() + 0.5, exp=float(LATER.timestamp() + 60), payload=_test_payload(sc)
        )
        result = verify(_hc1(claims, chain), trust, at=LATER)
        assert result.valid, result.error
        assert result.payload is not None and result.payload["t"][0]["sc"] == shown


@pytest.mark.parametrize(
    ("claims", "step"),
    [
        ({6: "yesterday", 4: 2, -260: {1: {"ver": "1.3.0"}}}, "cbor"),
        ({6: 1, 4: 2, -260: {1: {"ver": b"\x01"}}}, "cbor"),
        ({6: 1, 4: 2, -260: {1: {1: "int key"}}}, "cbor"),
        ({6: 1, 4: 2, -260: "not a map"}, "cbor"),
        ({6: 1, 4: 2, -260: {1: {"ver": "1.3.0", "nam": {"fnt": "X"}, "dob": "", "v": []}}}, "schema"),
        ({-260: {1: _test_payload()}}, "expiry"),
        ({6: 1, 4: 2, -260: {1: {**_test_payload(), "ver": "2.0.0"}}}, "schema"),
    ],
)
def test_malformed_claims_fail_their_step(
    chain: DemoChain, trust: TrustList, claims: dict[int, Any], step: str
) -> None:
    result = verify(_hc1(claims, chain), trust, at=LATER)
    assert result.steps[step] is False and not result.valid and result.error


# --- hostile input ----------------------------------------------------------------------


def test_hostile_inputs_fail_safely(chain: DemoChain, trust: TrustList) -> None:
    assert verify(None, trust).unprefix is False
    assert verify(b"HC1:", trust).unprefix is False  # type: ignore[arg-type]
    huge = verify("HC1:" + "0" * 20_000, trust)
    assert huge.unprefix is False and huge.error is not None and "too long" in huge.error
    bomb = verify("HC1:" + base45.encode(zlib.compress(b"\0" * (MAX_INFLATED_BYTES + 1), 9)), trust)
    assert bomb.zlib is False and bomb.cose is None
    deep = verify("HC1:" + base45.encode(zlib.compress(b"\x81" * 5000 + b"\x00")), trust)
    assert deep.zlib is True and deep.cose is False
    assert verify("HC1:" + base45.encode(zlib.compress(b"\x9b" + b"\xff" * 8)), trust).cose is False
    trailing = verify("HC1:" + base45.encode(zlib.compress(b"\xa0") + b"junk"), trust)
    assert trailing.zlib is False
    crowd = {"ver": "1.2.1", "nam": {"fnt": "A"}, "dob": "1990", "v": [{}] * 30_000}  # 30 kB of entries
    crowded = verify(_hc1({6: 1, 4: 2, -260: {1: crowd}}, chain), trust, at=LATER)
    assert crowded.schema is False and crowded.error is not None and "v/0" in crowded.error
    # One unreadable trust list entry is named and skipped; the code is still checked against the rest.
    good = issue_hc1(_test_payload(), ANY_TYPE.signer, issued_at=ISSUED)
    bad_trust = verify(good, [b"not a certificate", ANY_TYPE.signer.der], at=LATER)
    assert bad_trust.valid, bad_trust.error
    assert len(bad_trust.trust_warnings) == 1 and bad_trust.trust_warnings[0].startswith("trust list entry 1:")


_B45 = st.text(alphabet=base45.ALPHABET, max_size=400)
_VALID_HC1 = issue_hc1(_test_payload(), ANY_TYPE.signer, issued_at=ISSUED)


@st.composite
def _mutated(draw: st.DrawFn, valid: str) -> str:
    chars = list(valid)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(chars) - 1))
        action = draw(st.sampled_from(["replace", "delete", "insert"]))
        if action == "replace":
            chars[position] = draw(st.sampled_from(base45.ALPHABET + "a~\0é"))
        elif action == "delete":
            del chars[position]
        else:
            chars.insert(position, draw(st.sampled_from(base45.ALPHABET)))
    return "".join(chars)


_cbor_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64 - 1)
    | st.floats()
    | st.text(max_size=8)
    | st.binary(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.integers(-300, 300) | st.text(max_size=3), inner, max_size=4)
        | st.builds(cbor2.CBORTag, st.sampled_from([0, 1, 18, 61, 99]), inner)
    ),
    max_leaves=25,
)


def _packed(value: object) -> str:
    return "HC1:" + base45.encode(zlib.compress(cbor2.dumps(value)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_verify_never_raises(data: st.DataObject) -> None:
    valid = _VALID_HC1
    candidate = data.draw(
        st.one_of(
            st.text(max_size=200),
            _B45.map(lambda s: "HC1:" + s),
            _mutated(valid),
            _cbor_values.map(_packed),
            st.lists(_cbor_values, min_size=4, max_size=4).map(lambda m: _packed(cbor2.CBORTag(18, m))),
            st.binary(max_size=300).map(lambda b: "HC1:" + base45.encode(zlib.compress(b))),
        )
    )
    result = verify(candidate, ANY_TYPE_TRUST, at=LATER)
    assert result.valid == all(result.steps[s] is True for s in STEPS)
    assert result.valid or result.error


@pytest.mark.parametrize(("dob", "given", "refused"), [
    ("2021-06-10", "2021-06-09", True), ("2021-06-10", "2021-06-10", False),  # the day of birth is a day of life
    ("2021-06", "2021-05-31", True), ("2021-06", "2021-06-01", False),  # a month: its first day
    ("2021", "2020-12-31", True), ("2021", "2021-01-01", False), ("", "2021-01-01", False),
])
def test_a_vaccination_before_the_date_of_birth_is_refused(dob: str, given: str, refused: bool) -> None:
    facts = sample_facts(dob=dob, date=given)
    if not refused:
        assert build_payload(facts)["v"][0]["dt"] == given
        return
    with pytest.raises(CertificateDataError) as caught:
        build_payload(facts)
    assert caught.value.code == "cert_date_before_birth" and caught.value.params == {"date": given, "dob": dob}
