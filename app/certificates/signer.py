"""Document signer keys and certificates: loading PEM/DER, the COSE key id, demo CSCA + DSC chains."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.certificates.errors import CertificateError

# Extended key usages of the EU DCC technical specification (volume 1, section 5.1): a DSC
# carrying any of them may sign only the certificate types they name.
EKU_TEST = "1.3.6.1.4.1.1847.2021.1.1"
EKU_VACCINATION = "1.3.6.1.4.1.1847.2021.1.2"
EKU_RECOVERY = "1.3.6.1.4.1.1847.2021.1.3"


def kid_for(certificate_der: bytes) -> bytes:
    """COSE key identifier: the first 8 bytes of SHA-256 over the signer certificate's DER."""
    return hashlib.sha256(certificate_der).digest()[:8]


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise CertificateError(code="cert_x509_unreadable") from exc


def certificate_der(data: bytes) -> bytes:
    """DER bytes of a PEM or DER certificate, unchanged if already DER (keeps the kid exact)."""
    if data.lstrip().startswith(b"-----BEGIN"):
        return load_certificate(data).public_bytes(serialization.Encoding.DER)
    return data


@dataclass(frozen=True)
class Signer:
    """An ES256 document signer: private key plus its certificate."""

    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    der: bytes = field(init=False, repr=False)
    kid: bytes = field(init=False)

    def __post_init__(self) -> None:
        if not isinstance(self.private_key.curve, ec.SECP256R1):
            raise CertificateError(code="cert_key_not_p256")
        own = self.private_key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        certified = self.certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        if own != certified:
            raise CertificateError(code="cert_key_mismatch")
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        object.__setattr__(self, "der", der)
        object.__setattr__(self, "kid", kid_for(der))

    @property
    def not_after(self) -> datetime:
        return self.certificate.not_valid_after_utc


def load_signer(key_pem: bytes, cert_data: bytes, *, password: bytes | None = None) -> Signer:
    try:
        key = serialization.load_pem_private_key(key_pem, password=password)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise CertificateError(code="cert_key_unreadable") from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise CertificateError(code="cert_key_not_p256")
    return Signer(key, load_certificate(cert_data))


def load_signer_files(key_path: Path, cert_path: Path) -> Signer:
    try:
        return load_signer(key_path.read_bytes(), cert_path.read_bytes())
    except OSError as exc:
        raise CertificateError(code="cert_file_unreadable", params={"path": str(exc.filename), "detail": exc.strerror}) \
            from exc


@dataclass(frozen=True)
class DemoChain:
    """A self-made country signing CA and one document signer: for tests and demos only."""

    csca_key: ec.EllipticCurvePrivateKey
    csca_certificate: x509.Certificate
    signer: Signer

    def write_pem(self, folder: Path) -> dict[str, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        files = {
            "csca-key.pem": _key_pem(self.csca_key),
            "csca-cert.pem": self.csca_certificate.public_bytes(serialization.Encoding.PEM),
            "dsc-key.pem": _key_pem(self.signer.private_key),
            "dsc-cert.pem": self.signer.certificate.public_bytes(serialization.Encoding.PEM),
        }
        written = {}
        for name, content in files.items():
            path = folder / name
            path.write_bytes(content)
            if name.endswith("-key.pem"):
                path.chmod(0o600)
            written[name] = path
        return written


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def create_demo_chain(
    *,
    country: str = "DE",
    now: datetime | None = None,
    dsc_days: int = 730,
    ekus: tuple[str, ...] = (EKU_VACCINATION,),
) -> DemoChain:
    now = now or datetime.now(UTC)
    csca_key = ec.generate_private_key(ec.SECP256R1())
    csca_name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.COMMON_NAME, f"VaxDesk DEMO CSCA {country}"),
        ]
    )
    csca_cert = (
        x509.CertificateBuilder()
        .subject_name(csca_name)
        .issuer_name(csca_name)
        .public_key(csca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=dsc_days + 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .sign(csca_key, hashes.SHA256())
    )
    dsc_key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                    x509.NameAttribute(NameOID.COMMON_NAME, f"VaxDesk DEMO DSC {country}"),
                ]
            )
        )
        .issuer_name(csca_name)
        .public_key(dsc_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=dsc_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
    )
    if ekus:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([x509.ObjectIdentifier(oid) for oid in ekus]), critical=False
        )
    dsc_cert = builder.sign(csca_key, hashes.SHA256())
    return DemoChain(csca_key, csca_cert, Signer(dsc_key, dsc_cert))


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )
