"""Base45 against RFC 9285's examples, its error cases, and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.certificates import base45
from app.certificates.errors import DecodeError


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"AB", "BB8"),
        (b"Hello!!", "%69 VD92EX0"),
        (b"base-45", "UJCLQE7W581"),
        (b"ietf!", "QED8WEX0"),
        (b"", ""),
    ],
)
def test_rfc9285_examples(raw: bytes, text: str) -> None:
    assert base45.encode(raw) == text
    assert base45.decode(text) == raw


@pytest.mark.parametrize(
    "text",
    [
        "GGW",  # 65536: one over the largest two-byte value
        ":::",  # 45**3 - 1, far over range
        "GGWBB8",  # over range before a valid triple
        "Z:",  # 35 + 44*45 = 2015 > 255 for a trailing pair
        "A",  # a single dangling character
        "ABCD",  # length 1 mod 3
        "bb8",  # lower case is not in the alphabet
        "BB8\n",
    ],
)
def test_rejects_invalid_input(text: str) -> None:
    with pytest.raises(DecodeError):
        base45.decode(text)


def test_largest_values_decode() -> None:
    assert base45.decode("FGW") == b"\xff\xff"
    assert base45.decode("U5") == b"\xff"


@given(st.binary(max_size=300))
def test_round_trip(data: bytes) -> None:
    text = base45.encode(data)
    assert set(text) <= set(base45.ALPHABET)
    assert base45.decode(text) == data
