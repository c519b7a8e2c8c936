"""The verifier's trust list: document signer certificates by COSE key id.

Published national signer certificates are not all strict DER (explicitly encoded defaults,
empty key-usage lists). `cryptography` refuses those, so a small lenient reader extracts the
few fields verification needs: public key, validity period and extended key usages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key

from app.certificates.errors import CertificateError
from app.certificates.signer import certificate_der, kid_for

PublicKey = ec.EllipticCurvePublicKey | rsa.RSAPublicKey

_EKU_PREFIXES = ("1.3.6.1.4.1.1847.2021.1.", "1.3.6.1.4.1.0.1847.2021.1.")
_EKU_TYPE = {"1": "t", "2": "v", "3": "r"}


@dataclass(frozen=True)
class TrustedSigner:
    kid: bytes
    public_key: PublicKey
    not_before: datetime
    not_after: datetime
    ekus: frozenset[str]

    @property
    def allowed_types(self) -> frozenset[str]:
        """Certificate types ("v", "t", "r") the DCC key usages allow; empty means all."""
        types = set()
        for oid in self.ekus:
            for prefix in _EKU_PREFIXES:
                if oid.startswith(prefix) and oid[len(prefix) :] in _EKU_TYPE:
                    types.add(_EKU_TYPE[oid[len(prefix) :]])
        return frozenset(types)

    @classmethod
    def from_der(cls, der: bytes) -> TrustedSigner:
        key: object
        try:
            cert = x509.load_der_x509_certificate(der)
            key = cert.public_key()
            try:
                ekus = frozenset(
                    oid.dotted_string
                    for oid in cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
                )
            except x509.ExtensionNotFound:
                ekus = frozenset()
            not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
        except ValueError:
            key, not_before, not_after, ekus = _lenient_fields(der)
        if not isinstance(key, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
            raise CertificateError(code="trust_unsupported_key")
        return cls(kid_for(der), key, not_before, not_after, ekus)


class TrustList:
    """Signer certificates indexed by kid. Build once, verify many."""

    def __init__(self, signers: Iterable[TrustedSigner] = (), *, skipped: Iterable[str] = ()) -> None:
        self._by_kid: dict[bytes, list[TrustedSigner]] = {}
        for signer in signers:
            self._by_kid.setdefault(signer.kid, []).append(signer)
        # Entries that could not be used (an unsupported key type, an unreadable certificate): a
        # national list holds hundreds, and one odd entry must not stop checking against the rest.
        self.skipped: list[str] = list(skipped)

    @classmethod
    def from_certificates(cls, certificates: Iterable[bytes]) -> TrustList:
        """From PEM or DER certificate bytes; an entry that cannot be used is skipped and named."""
        signers, skipped = [], []
        for index, data in enumerate(certificates, start=1):
            try:
                signers.append(TrustedSigner.from_der(certificate_der(data)))
            except CertificateError as exc:
                skipped.append(f"trust list entry {index}: {exc}")
        return cls(signers, skipped=skipped)

    def candidates(self, kid: bytes) -> list[TrustedSigner]:
        # kids are only 8 bytes: two certificates may share one, so all are tried.
        return self._by_kid.get(kid, [])

    def __iter__(self) -> Iterator[TrustedSigner]:
        for signers in self._by_kid.values():
            yield from signers

    def __len__(self) -> int:
        return sum(len(s) for s in self._by_kid.values())


# --- lenient DER reading ---------------------------------------------------------------

_OID_EKU = bytes.fromhex("551d25")


def _tlv(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, content start, content end) of the element at pos."""
    if pos + 2 > len(data):
        raise CertificateError(code="cert_der_truncated")
    tag, first = data[pos], data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    else:
        n = first & 0x7F
        if n == 0 or n > 4 or pos + n > len(data):
            raise CertificateError(code="cert_der_length")
        length = int.from_bytes(data[pos : pos + n], "big")
        pos += n
    if pos + length > len(data):
        raise CertificateError(code="cert_der_truncated")
    return tag, pos, pos + length


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(tag, element start, content start, content end) of each child."""
    out = []
    pos = start
    while pos < end:
        tag, cstart, cend = _tlv(data, pos)
        out.append((tag, pos, cstart, cend))
        pos = cend
    return out


def _time(data: bytes, tag: int, start: int, end: int) -> datetime:
    text = data[start:end].decode("ascii")
    fmt = "%y%m%d%H%M%SZ" if tag == 0x17 else "%Y%m%d%H%M%SZ"
    return datetime.strptime(text, fmt).replace(tzinfo=UTC)


def _oid(raw: bytes) -> str:
    parts: list[int] = []
    value = 0
    for byte in raw:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    if not parts:
        return ""
    first = min(parts[0] // 40, 2)
    return ".".join(str(p) for p in [first, parts[0] - 40 * first, *parts[1:]])


def _lenient_fields(der: bytes) -> tuple[object, datetime, datetime, frozenset[str]]:
    try:
        _, cert_start, _ = _tlv(der, 0)
        _, tbs_start, tbs_end = _tlv(der, cert_start)
        fields = _children(der, tbs_start, tbs_end)
        if fields and fields[0][0] == 0xA0:  # explicit version
            fields = fields[1:]
        # serial, signature algorithm, issuer, validity, subject, subject public key info
        _, _, vstart, vend = fields[3]
        (t1, _, s1, e1), (t2, _, s2, e2) = _children(der, vstart, vend)
        not_before, not_after = _time(der, t1, s1, e1), _time(der, t2, s2, e2)
        _, spki_start, _, spki_end = fields[5]
        key = load_der_public_key(der[spki_start:spki_end])
        ekus: set[str] = set()
        for tag, _, start, end in fields[6:]:
            if tag != 0xA3:
                continue
            (_, _, ext_start, ext_end), *_ = _children(der, start, end)
            for _, _, xs, xe in _children(der, ext_start, ext_end):
                parts = _children(der, xs, xe)
                if der[parts[0][2] : parts[0][3]] != _OID_EKU:
                    continue
                _, _, os_start, os_end = parts[-1]
                (_, _, seq_start, seq_end), *_ = _children(der, os_start, os_end)
                ekus.update(_oid(der[s:e]) for _, _, s, e in _children(der, seq_start, seq_end))
    except (CertificateError, ValueError, IndexError) as exc:
        raise CertificateError(code="cert_trust_entry_unreadable") from exc
    return key, not_before, not_after, frozenset(ekus)
