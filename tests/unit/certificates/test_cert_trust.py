"""Signer certificates: demo chain, key ids, key usages, the lenient reader for quirky DER."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from app.certificates.errors import CertificateError
from app.certificates.signer import (
    EKU_RECOVERY,
    EKU_TEST,
    EKU_VACCINATION,
    DemoChain,
    Signer,
    create_demo_chain,
    load_certificate,
    load_signer,
)
from app.certificates.trust import TrustedSigner, TrustList, _lenient_fields

VECTORS = Path(__file__).resolve().parents[3].parent / "shared" / "dcc" / "testdata"


def test_demo_chain_is_a_chain(chain: DemoChain) -> None:
    dsc = chain.signer.certificate
    assert dsc.issuer == chain.csca_certificate.subject
    dsc.verify_directly_issued_by(chain.csca_certificate)
    eku = dsc.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [oid.dotted_string for oid in eku] == [EKU_VACCINATION]
    assert chain.signer.kid == hashlib.sha256(dsc.public_bytes(serialization.Encoding.DER)).digest()[:8]


def test_signer_refuses_a_key_that_is_not_the_certificates(chain: DemoChain) -> None:
    with pytest.raises(CertificateError, match="does not belong"):
        Signer(ec.generate_private_key(ec.SECP256R1()), chain.signer.certificate)


def test_load_signer_from_pem_and_der(chain: DemoChain, tmp_path: Path) -> None:
    files = chain.write_pem(tmp_path)
    signer = load_signer(files["dsc-key.pem"].read_bytes(), files["dsc-cert.pem"].read_bytes())
    assert signer.kid == chain.signer.kid
    assert load_certificate(chain.signer.der) == chain.signer.certificate
    assert files["dsc-key.pem"].stat().st_mode & 0o077 == 0
    with pytest.raises(CertificateError):
        load_certificate(b"not a certificate")
    with pytest.raises(CertificateError):
        load_signer(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", chain.signer.der)


@pytest.mark.parametrize(
    ("ekus", "allowed"),
    [
        ((), frozenset()),
        ((EKU_VACCINATION,), {"v"}),
        ((EKU_TEST, EKU_RECOVERY), {"t", "r"}),
        (("1.3.6.1.4.1.0.1847.2021.1.2",), {"v"}),  # the variant some countries issued
        (("1.3.6.1.5.5.7.3.4",), frozenset()),  # unrelated usages allow everything
    ],
)
def test_allowed_types_from_extended_key_usage(ekus: tuple[str, ...], allowed: set[str]) -> None:
    signer = create_demo_chain(ekus=ekus).signer
    assert TrustedSigner.from_der(signer.der).allowed_types == allowed


def test_trust_list_accepts_pem_and_der_and_groups_by_kid(chain: DemoChain) -> None:
    pem = chain.signer.certificate.public_bytes(serialization.Encoding.PEM)
    trust = TrustList.from_certificates([pem, chain.signer.der])
    assert len(trust) == 2
    assert len(trust.candidates(chain.signer.kid)) == 2
    assert trust.candidates(b"\0" * 8) == []


def test_lenient_reader_agrees_with_cryptography(chain: DemoChain) -> None:
    key, not_before, not_after, ekus = _lenient_fields(chain.signer.der)
    cert = chain.signer.certificate
    assert key == cert.public_key()
    assert (not_before, not_after) == (cert.not_valid_before_utc, cert.not_valid_after_utc)
    assert ekus == {EKU_VACCINATION}


@pytest.mark.parametrize(
    ("vector", "ekus"),
    [
        # An empty extended-key-usage list (SIZE(1..MAX) violated): cryptography refuses it.
        ("common/2DCode/raw/CO15.json", frozenset()),
        # Finland's signer encodes a DEFAULT value explicitly (not DER): real-world and trusted.
        ("FI/2DCode/raw/6.json", None),
    ],
)
def test_non_der_signer_certificates_from_the_field_are_readable(
    vector: str, ekus: frozenset[str] | None
) -> None:
    der = base64.b64decode(json.loads((VECTORS / vector).read_text())["TESTCTX"]["CERTIFICATE"])
    with pytest.raises(ValueError):  # cryptography parses lazily: the error comes on reading
        certificate = x509.load_der_x509_certificate(der)
        _ = (certificate.extensions, certificate.public_key(), certificate.not_valid_after_utc)
    signer = TrustedSigner.from_der(der)
    assert signer.not_before < signer.not_after
    assert signer.not_before > datetime(2020, 1, 1, tzinfo=UTC)
    if ekus is not None:
        assert signer.ekus == ekus


def test_garbage_is_not_a_trusted_signer() -> None:
    with pytest.raises(CertificateError):
        TrustedSigner.from_der(b"\x30\x03\x02\x01\x01")
