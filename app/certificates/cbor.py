"""A small, bounded CBOR decoder (RFC 8949) for untrusted certificate data.

Scanned codes are hostile input: this decoder limits nesting depth, never trusts a declared
length beyond the bytes actually present, and rejects duplicate map keys, so time and memory
stay proportional to the input. Encoding our own data uses cbor2.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from app.certificates.errors import DecodeError

MAX_DEPTH = 16

_BREAK = object()


@dataclass(frozen=True)
class Tag:
    tag: int
    value: object


class _Decoder:
    __slots__ = ("data", "max_depth", "pos")

    def __init__(self, data: bytes, max_depth: int) -> None:
        self.data = data
        self.pos = 0
        self.max_depth = max_depth

    def _take(self, n: int) -> bytes:
        end = self.pos + n
        if n < 0 or end > len(self.data):
            raise DecodeError(code="cbor_ends_early")
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def _argument(self, info: int) -> int | None:
        if info < 24:
            return info
        if info == 24:
            return self._take(1)[0]
        if info == 25:
            return int.from_bytes(self._take(2), "big")
        if info == 26:
            return int.from_bytes(self._take(4), "big")
        if info == 27:
            return int.from_bytes(self._take(8), "big")
        if info == 31:
            return None  # indefinite length
        raise DecodeError(code="cbor_reserved_info")

    def _count(self, n: int, min_item_size: int) -> int:
        # Each element needs at least one byte, so a declared count larger than what is
        # left can never be satisfied: refuse before building anything.
        if n * min_item_size > len(self.data) - self.pos:
            raise DecodeError(code="cbor_length_exceeds")
        return n

    def item(self, depth: int) -> object:
        if depth > self.max_depth:
            raise DecodeError(code="cbor_too_deep")
        initial = self._take(1)[0]
        major, info = initial >> 5, initial & 0x1F
        if major == 7:
            return self._simple(info)
        arg = self._argument(info)
        if major == 0:
            if arg is None:
                raise DecodeError(code="cbor_indefinite_integer")
            return arg
        if major == 1:
            if arg is None:
                raise DecodeError(code="cbor_indefinite_integer")
            return -1 - arg
        if major in (2, 3):
            raw = self._string(major, arg)
            if major == 2:
                return raw
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                raise DecodeError(code="cbor_utf8") from None
        if major == 4:
            return self._array(arg, depth)
        if major == 5:
            return self._map(arg, depth)
        # major 6: tag
        if arg is None:
            raise DecodeError(code="cbor_indefinite_tag")
        return Tag(arg, self._value(depth + 1))

    def _value(self, depth: int) -> object:
        value = self.item(depth)
        if value is _BREAK:
            raise DecodeError(code="cbor_unexpected_break")
        return value

    def _simple(self, info: int) -> object:
        if info == 20:
            return False
        if info == 21:
            return True
        if info in (22, 23):
            return None
        if info == 25:
            return float(struct.unpack(">e", self._take(2))[0])
        if info == 26:
            return float(struct.unpack(">f", self._take(4))[0])
        if info == 27:
            return float(struct.unpack(">d", self._take(8))[0])
        if info == 31:
            return _BREAK
        raise DecodeError(code="cbor_simple_value")

    def _string(self, major: int, arg: int | None) -> bytes:
        if arg is not None:
            return self._take(self._count(arg, 1))
        chunks = bytearray()
        while True:
            initial = self._take(1)[0]
            if initial == 0xFF:
                return bytes(chunks)
            if initial >> 5 != major:
                raise DecodeError(code="cbor_chunk")
            length = self._argument(initial & 0x1F)
            if length is None:
                raise DecodeError(code="cbor_nested_indefinite")
            chunks += self._take(self._count(length, 1))

    def _array(self, arg: int | None, depth: int) -> list[object]:
        items: list[object] = []
        if arg is not None:
            for _ in range(self._count(arg, 1)):
                items.append(self._value(depth + 1))
            return items
        while (value := self.item(depth + 1)) is not _BREAK:
            items.append(value)
        return items

    def _map(self, arg: int | None, depth: int) -> dict[object, object]:
        result: dict[object, object] = {}
        remaining = self._count(arg, 2) if arg is not None else -1
        while remaining != 0:
            key = self.item(depth + 1)
            if key is _BREAK and remaining < 0:
                break
            if key is _BREAK or not isinstance(key, (int, str, bytes, bool, float)) or key is None:
                raise DecodeError(code="cbor_map_key")
            if key in result:
                raise DecodeError(code="cbor_duplicate_key")
            result[key] = self._value(depth + 1)
            remaining -= 1
        return result


def loads(data: bytes, *, max_depth: int = MAX_DEPTH) -> object:
    """Decode exactly one CBOR item; trailing bytes are an error."""
    decoder = _Decoder(data, max_depth)
    value = decoder._value(0)
    if decoder.pos != len(data):
        raise DecodeError(code="cbor_trailing_data")
    return value
