"""UUIDv7, the hybrid logical clock and booking codes."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from app.domain.booking_code import ALPHABET, format_booking_code, new_booking_code, normalise_booking_code
from app.domain.ids import Hlc, uuid7, uuid7_time_ms


def test_uuid7_is_version_7_time_ordered_and_unique() -> None:
    ids = [uuid7() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    # The text is the canonical form every other system (PostgreSQL's uuid, the server) writes back.
    assert all(text == str(uuid.UUID(text)) for text in ids)


def test_uuid7_stays_ordered_when_the_clock_steps_back() -> None:
    a = uuid7(now_ms=2_000_000_000_000)
    b = uuid7(now_ms=1_000_000_000_000)
    assert b > a and uuid7_time_ms(b) >= uuid7_time_ms(a)


@given(st.integers(0, 2**40), st.integers(0, 2**40), st.integers(0, 50))
def test_hlc_never_goes_backwards(now1: int, now2: int, counter: int) -> None:
    mine = Hlc(now1, counter, "a")
    theirs = Hlc(now2, 3, "b")
    assert mine.tick(now2) > mine
    received = mine.receive(theirs, now1)
    assert received > mine and (received.wall_ms, received.counter) > (theirs.wall_ms, theirs.counter)
    assert Hlc.parse(str(received)) == received


def test_booking_codes_round_trip_and_reject_typos() -> None:
    for _ in range(200):
        code = new_booking_code()
        shown = format_booking_code(code)
        assert normalise_booking_code(shown.lower() + " ") == code
        i = 3
        wrong = code[:i] + ALPHABET[(ALPHABET.index(code[i]) + 1) % len(ALPHABET)] + code[i + 1:]
        assert normalise_booking_code(wrong) is None


@given(st.text(max_size=200))
def test_booking_code_normaliser_never_crashes_on_scanner_garbage(text: str) -> None:
    result = normalise_booking_code(text)
    assert result is None or (len(result) == 9 and set(result) <= set(ALPHABET))
