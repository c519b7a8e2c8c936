"""Base45 (RFC 9285): the QR-friendly text encoding inside every `HC1:` string."""

from __future__ import annotations

from app.certificates.errors import DecodeError

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


def encode(data: bytes) -> str:
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        c, n = n % 45, n // 45
        d, e = n % 45, n // 45
        out += (ALPHABET[c], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        c, d = data[-1] % 45, data[-1] // 45
        out += (ALPHABET[c], ALPHABET[d])
    return "".join(out)


def decode(text: str) -> bytes:
    """Decode strictly: unknown characters, a dangling single character and values over range
    (a triple above 65535, a pair above 255) are errors, as RFC 9285 section 4.2 requires."""
    if len(text) % 3 == 1:
        raise DecodeError(code="base45_length")
    try:
        values = [_VALUE[ch] for ch in text]
    except KeyError:
        raise DecodeError(code="base45_character") from None
    out = bytearray()
    full = len(values) - len(values) % 3
    for i in range(0, full, 3):
        n = values[i] + values[i + 1] * 45 + values[i + 2] * 2025
        if n > 0xFFFF:
            raise DecodeError(code="base45_range")
        out += n.to_bytes(2, "big")
    if full < len(values):
        n = values[full] + values[full + 1] * 45
        if n > 0xFF:
            raise DecodeError(code="base45_range")
        out.append(n)
    return bytes(out)
