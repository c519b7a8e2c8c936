"""Identifiers made on the station: UUIDv7 (time-ordered, collision-free offline) and a hybrid logical clock."""

from __future__ import annotations

import os
import threading
import time
import uuid
from dataclasses import dataclass

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def uuid7(now_ms: int | None = None) -> str:
    """A RFC 9562 UUIDv7 as text. Monotonic within this process even when the clock stalls."""
    global _last_ms, _last_rand
    with _lock:
        ms = int(time.time() * 1000) if now_ms is None else now_ms
        if ms <= _last_ms:
            # Same millisecond (or a clock step back): keep order by counting up the random part.
            ms = _last_ms
            rand = _last_rand + 1
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6  # 74 random bits
        _last_ms, _last_rand = ms, rand
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    # The canonical 8-4-4-4-12 text straight from the hex: a third of the cost of str(uuid.UUID(int=...)),
    # which bulk seeding pays three times a person.
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def uuid7_time_ms(value: str) -> int:
    return uuid.UUID(value).int >> 80


@dataclass(frozen=True, order=True)
class Hlc:
    """Hybrid logical clock timestamp: wall milliseconds, a counter, and the node that made it.

    Ordering never depends on a station's clock alone: a station that receives a later HLC moves
    its own clock past it.
    """

    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)

    def tick(self, now_ms: int) -> Hlc:
        if now_ms > self.wall_ms:
            return Hlc(now_ms, 0, self.node)
        return Hlc(self.wall_ms, self.counter + 1, self.node)

    def receive(self, other: Hlc, now_ms: int) -> Hlc:
        wall = max(self.wall_ms, other.wall_ms, now_ms)
        if wall == self.wall_ms == other.wall_ms:
            counter = max(self.counter, other.counter) + 1
        elif wall == self.wall_ms:
            counter = self.counter + 1
        elif wall == other.wall_ms:
            counter = other.counter + 1
        else:
            counter = 0
        return Hlc(wall, counter, self.node)
