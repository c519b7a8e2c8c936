"""The bounded CBOR decoder: correct on valid data, refusing on hostile data."""

from __future__ import annotations

import math

import cbor2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.certificates import cbor
from app.certificates.errors import DecodeError

json_like = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64 - 1)
    | st.text(max_size=20)
    | st.binary(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_like)
def test_decodes_what_cbor2_encodes(value: object) -> None:
    assert cbor.loads(cbor2.dumps(value)) == value


def test_indefinite_lengths_tags_and_floats() -> None:
    # {"a": [1, 2]} with indefinite map and array, an indefinite text, a half float, tags 0 and 18
    assert cbor.loads(bytes.fromhex("bf61619f0102ffff")) == {"a": [1, 2]}
    assert cbor.loads(bytes.fromhex("7f61616162ff")) == "ab"
    assert cbor.loads(bytes.fromhex("f93c00")) == 1.0
    assert math.isinf(cbor.loads(bytes.fromhex("f97c00")))  # type: ignore[arg-type]
    tagged = cbor.loads(cbor2.dumps(cbor2.CBORTag(0, "2021-06-01T10:00:00Z")))
    assert tagged == cbor.Tag(0, "2021-06-01T10:00:00Z")
    assert cbor.loads(cbor2.dumps(cbor2.CBORTag(18, [b"", {}, b"", b""]))) == cbor.Tag(
        18, [b"", {}, b"", b""]
    )


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"\x81" * 17 + b"\x00", "nested deeper than 16"),
        (b"\x9b\xff\xff\xff\xff\xff\xff\xff\xff", "array claims 2**64 items"),
        (b"\x5a\xff\xff\xff\xff" + b"x" * 10, "byte string longer than the data"),
        (b"\xbb\x00\x00\x00\x01\x00\x00\x00\x00\x00", "map claims 2**32 entries"),
        (b"\xa2\x01\x01\x01\x02", "duplicate key"),
        (b"\xa1\x80\x01", "array as map key"),
        (b"\x01\x02", "trailing data"),
        (b"\xff", "break outside indefinite item"),
        (b"\x9f\x01", "unterminated indefinite array"),
        (b"\x62\xc3\x28", "invalid UTF-8"),
        (b"\x7f\x41\x61\xff", "byte chunk inside text"),
        (b"\x1c", "reserved additional information"),
        (b"\xf8\x20", "unassigned simple value"),
        (b"", "no data"),
    ],
)
def test_rejects_hostile_or_malformed_data(data: bytes, why: str) -> None:
    with pytest.raises(DecodeError):
        cbor.loads(data)


def test_deep_nesting_of_indefinite_arrays_is_refused_without_recursion_error() -> None:
    with pytest.raises(DecodeError):
        cbor.loads(b"\x9f" * 100_000)


@given(st.binary(max_size=200))
def test_random_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        value = cbor.loads(data)
    except DecodeError:
        return
    assert value is None or isinstance(value, (int, float, str, bytes, list, dict, cbor.Tag))
