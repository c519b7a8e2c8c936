"""COSE_Sign1 (RFC 9052) as the EU DCC uses it: ES256 signing, ES256/PS256 verification."""

from __future__ import annotations

from dataclasses import dataclass

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from app.certificates import cbor
from app.certificates.errors import DecodeError

ALG_ES256 = -7
ALG_PS256 = -37
HEADER_ALG = 1
HEADER_KID = 4
TAG_SIGN1 = 18
TAG_CWT = 61


@dataclass(frozen=True)
class Sign1:
    protected_raw: bytes
    protected: dict[object, object]
    unprotected: dict[object, object]
    payload: bytes
    signature: bytes

    def header(self, label: int) -> object:
        """A header value, the protected bucket winning: the unprotected one is not signed."""
        if label in self.protected:
            return self.protected[label]
        return self.unprotected.get(label)

    @property
    def kid(self) -> bytes | None:
        kid = self.header(HEADER_KID)
        return kid if isinstance(kid, bytes) else None

    @property
    def alg(self) -> int | None:
        alg = self.header(HEADER_ALG)
        return alg if isinstance(alg, int) and not isinstance(alg, bool) else None

    def to_be_signed(self) -> bytes:
        return _sig_structure(self.protected_raw, self.payload)


def _sig_structure(protected_raw: bytes, payload: bytes) -> bytes:
    return bytes(cbor2.dumps(["Signature1", protected_raw, b"", payload]))


def sign_es256(payload: bytes, private_key: ec.EllipticCurvePrivateKey, kid: bytes) -> bytes:
    """A tagged COSE_Sign1 with protected header {1: -7, 4: kid} and an empty unprotected one."""
    protected_raw = bytes(cbor2.dumps({HEADER_ALG: ALG_ES256, HEADER_KID: kid}))
    der = private_key.sign(_sig_structure(protected_raw, payload), ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return bytes(cbor2.dumps(cbor2.CBORTag(TAG_SIGN1, [protected_raw, {}, payload, signature])))


def parse_sign1(data: bytes) -> Sign1:
    """Accepts COSE_Sign1 tagged (18), untagged, or wrapped in a CWT tag (61)."""
    item = cbor.loads(data)
    if isinstance(item, cbor.Tag) and item.tag == TAG_CWT:
        item = item.value
    if isinstance(item, cbor.Tag) and item.tag == TAG_SIGN1:
        item = item.value
    if not (isinstance(item, list) and len(item) == 4):
        raise DecodeError(code="cose_not_sign1")
    protected_raw, unprotected, payload, signature = item
    if not (
        isinstance(protected_raw, bytes)
        and isinstance(unprotected, dict)
        and isinstance(payload, bytes)
        and isinstance(signature, bytes)
    ):
        raise DecodeError(code="cose_not_sign1")
    protected = cbor.loads(protected_raw) if protected_raw else {}
    if not isinstance(protected, dict):
        raise DecodeError(code="cose_header_not_map")
    return Sign1(protected_raw, protected, unprotected, payload, signature)


def verify_signature(message: Sign1, public_key: ec.EllipticCurvePublicKey | rsa.RSAPublicKey) -> bool:
    data = message.to_be_signed()
    try:
        if message.alg == ALG_ES256 and isinstance(public_key, ec.EllipticCurvePublicKey):
            if len(message.signature) != 64 or not isinstance(public_key.curve, ec.SECP256R1):
                return False
            r = int.from_bytes(message.signature[:32], "big")
            s = int.from_bytes(message.signature[32:], "big")
            public_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
            return True
        if message.alg == ALG_PS256 and isinstance(public_key, rsa.RSAPublicKey):
            pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)
            public_key.verify(message.signature, data, pss, hashes.SHA256())
            return True
    except InvalidSignature:
        return False
    return False
