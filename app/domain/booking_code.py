"""Booking codes: short, unambiguous when read aloud or typed, with a check character against typos."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: people misread them
BODY_LENGTH = 8


def _check_char(body: str) -> str:
    # Luhn mod N over the alphabet: catches every single-character error and most transpositions.
    n = len(ALPHABET)
    factor, total = 2, 0
    for ch in reversed(body):
        addend = factor * ALPHABET.index(ch)
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def new_booking_code() -> str:
    # One read of the system's randomness per code: 32 letters are 5 bits, so `& 31` is uniform.
    body = "".join(ALPHABET[b & 31] for b in secrets.token_bytes(BODY_LENGTH))
    return body + _check_char(body)


def normalise_booking_code(text: str) -> str | None:
    """The canonical code from what a person or scanner typed ('abcd-efgh-j ' → 'ABCDEFGHJ'), or None."""
    if len(text) > 64:
        return None
    cleaned = "".join(ch for ch in text.upper() if ch not in " -_\t")
    if len(cleaned) != BODY_LENGTH + 1 or any(ch not in ALPHABET for ch in cleaned):
        return None
    if _check_char(cleaned[:-1]) != cleaned[-1]:
        return None
    return cleaned


def format_booking_code(code: str) -> str:
    """How the code is printed and shown: 'ABCD-EFGH-J'."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"
