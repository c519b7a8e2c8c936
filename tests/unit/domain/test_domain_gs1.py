"""GS1 element strings from vial scans: round trips, scanner quirks, and garbage that must be refused cleanly."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.domain.gs1 import (
    GS,
    Gs1Data,
    format_element_string,
    gtin_check_digit,
    is_valid_gtin,
    parse_element_string,
)
from app.errors import ValidationError
from tests.conftest import parsed_or_refused

GTIN = "02099000000057"  # demo Vaxzevria GTIN from the catalogue, valid check digit
CSET82 = "!\"%&'()*+,-./:;<=>?_" + string.ascii_letters + string.digits


@st.composite
def gtins(draw: st.DrawFn) -> str:
    body = draw(st.text(alphabet=string.digits, min_size=13, max_size=13))
    return body + str(gtin_check_digit(body))


def _plain_field(value: str) -> bool:
    # A literal "<GS>"/"{GS}" inside a lot is indistinguishable from a scanner's GS macro, and
    # "(10)" inside a lot from the next field of the bracketed form; such lots are ambiguous by nature.
    return not re.search(r"[<{]gs[>}]", value, re.IGNORECASE)


fields = st.text(alphabet=CSET82, min_size=1, max_size=20).filter(_plain_field)
data_items = st.builds(
    Gs1Data,
    gtin=gtins(),
    expiry=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    lot=fields,
    serial=st.none() | fields,
)


@given(
    data=data_items,
    prefix=st.sampled_from(["", "]d2", "]C1", "]Q3", GS, "]d2" + GS]),
    gs=st.sampled_from([GS, "<GS>"]),
    suffix=st.sampled_from(["", "\r\n", "\n", "\t"]),
)
def test_raw_round_trip(data: Gs1Data, prefix: str, gs: str, suffix: str) -> None:
    assert parse_element_string(prefix + format_element_string(data, gs=gs) + suffix) == data


@given(data=data_items, prefix=st.sampled_from(["", "]d2", "]Q3"]))
def test_bracketed_round_trip(data: Gs1Data, prefix: str) -> None:
    ambiguous = re.compile(r"\((01|17|10|21|\d{2,4})\)")
    if ambiguous.search(data.lot) or (data.serial and ambiguous.search(data.serial)):
        return  # see _plain_field: the human-readable form can't carry "(NN)" inside a value
    text = format_element_string(data, bracketed=True)
    assert text.startswith("(01)")
    assert parse_element_string(prefix + text) == data


@given(st.text(max_size=300))
@example("01" + GTIN + "17250231" + "10AB")
@example("(01)" + GTIN + "(17)")
@example("]d2")
@example("0")
@example("(")
def test_garbage_raises_only_validation_error(text: str) -> None:
    result = parsed_or_refused(parse_element_string, text)
    if result is not None:
        assert is_valid_gtin(result.gtin)


@given(st.text(alphabet=string.digits + GS + "()]d2C1<GS>", max_size=120))
def test_gs1_shaped_garbage_raises_only_validation_error(text: str) -> None:
    result = parsed_or_refused(parse_element_string, text)
    if result is not None:
        assert is_valid_gtin(result.gtin) and 1 <= len(result.lot) <= 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Day 00 means the last day of the month, leap years included.
        ("01" + GTIN + "17250200" + "10LOT1", date(2025, 2, 28)),
        ("01" + GTIN + "17240200" + "10LOT1", date(2024, 2, 29)),
        ("01" + GTIN + "17241200" + "10LOT1", date(2024, 12, 31)),
        ("01" + GTIN + "17240229" + "10LOT1", date(2024, 2, 29)),
    ],
)
def test_expiry_dates(text: str, expected: date) -> None:
    assert parse_element_string(text).expiry == expected


SCANNED = Gs1Data(gtin=GTIN, expiry=date(2025, 6, 30), lot="ABV4678", serial="12345678901")
AMONG_OTHER_AIS = Gs1Data(gtin=GTIN, expiry=date(2025, 6, 30), lot="L1", serial="S1")


@pytest.mark.parametrize(
    ("scan", "expected"),
    [
        # All scanner spellings give the same data.
        (f"01{GTIN}17250630" f"10ABV4678{GS}2112345678901", SCANNED),
        (f"]d201{GTIN}1725063010ABV4678{GS}2112345678901", SCANNED),
        (f"]d2{GS}01{GTIN}1725063010ABV4678{GS}2112345678901\r\n", SCANNED),
        (f"01{GTIN}1725063010ABV4678<GS>2112345678901", SCANNED),
        (f"01{GTIN}1725063010ABV4678{{GS}}2112345678901", SCANNED),
        (f"01{GTIN}1725063010ABV4678\u241d2112345678901", SCANNED),
        (f"(01){GTIN}(17)250630(10)ABV4678(21)12345678901", SCANNED),
        (f"]C1(01){GTIN}(17)250630(10)ABV4678(21)12345678901", SCANNED),
        # Field order is free; the serial may come before the lot.
        (f"01{GTIN}172506302112345678901{GS}10ABV4678", SCANNED),
        # Other application identifiers are skipped:
        # production date (11) and best-before (15) are fixed length, need no GS
        (f"01{GTIN}11240101152507011725063010L1{GS}21S1", AMONG_OTHER_AIS),
        # German PZN (710) is variable length and ends with GS
        (f"01{GTIN}71012345678{GS}1725063010L1{GS}21S1", AMONG_OTHER_AIS),
        (f"(01){GTIN}(11)240101(17)250630(710)12345678(10)L1(21)S1", AMONG_OTHER_AIS),
        # A count (30) and a 4-digit weight AI (3103)
        (f"01{GTIN}31030012503025{GS}1725063010L1{GS}21S1", AMONG_OTHER_AIS),
    ],
)
def test_scanner_spellings_and_other_application_identifiers(scan: str, expected: Gs1Data) -> None:
    assert parse_element_string(scan) == expected, scan


def test_lot_may_contain_parentheses_in_bracketed_form() -> None:
    scan = f"(01){GTIN}(17)250630(10)A(B)-1(21)X"
    assert parse_element_string(scan).lot == "A(B)-1"


def test_serial_is_optional() -> None:
    assert parse_element_string(f"01{GTIN}1725063010L1").serial is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("]d2", "empty"),
        ("01" + GTIN[:-1] + "8" + "1725063010L1", "check digit"),
        ("01" + GTIN[:10], "ends inside field (01)"),
        ("01" + GTIN + "1725133010L1", "month 13"),
        ("01" + GTIN + "1725023010L1", "day 30"),
        ("01" + GTIN + "1725063210L1", "day 32"),
        ("01" + GTIN + "1725AB3010L1", "digits only"),
        ("01" + GTIN + "10L1", "expiry date (17)"),
        ("01" + GTIN + "17250630", "lot (10)"),
        ("17250630" + "10L1", "GTIN (01)"),
        ("01" + GTIN + "17250630" + "10L1" + GS + "10L2", "appears twice"),
        ("01" + GTIN + "17250630" + "17250630" + "10L1", "appears twice"),
        # The scanner dropped the GS after the lot: lot + serial run together beyond 20 characters.
        ("01" + GTIN + "17250630" + "10ABCDEFGHIJ" + "21123456789012", "group separator"),
        ("01" + GTIN + "17250630" + "10AB\x07CD", "control character"),
        ("01" + GTIN + "17250630" + "10AB CD", "character ' '"),
        ("01" + GTIN + "17250630" + "10AB\u00e4CD", "character 'ä'"),
        ("01" + GTIN + "17250630" + "10" + GS + "21X", "(10) is empty"),
        ("88" + GTIN, "Unknown GS1 application identifier"),
        ("]E0" + "01" + GTIN, "not a GS1 code"),
        ("(01)" + GTIN + "(17)25063(10)L1", "must have 6 digits"),
        ("(01)" + GTIN + "(17)250630(10)" + "L" * 21, "at most 20"),
        ("(99x)" + GTIN, "not with a GS1 application identifier"),
        ("1" * 5000, "characters long"),
        ("01" + GTIN + "17250630" + "10" + "L" * 4980, "characters long"),
    ],
)
def test_malformed_scans_are_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        parse_element_string(text)


def test_gtin_check_digit() -> None:
    assert gtin_check_digit("0209900000005") == 7
    assert gtin_check_digit("0400638133393") == 1  # a well-known EAN-13 example, as GTIN-14 body
    assert is_valid_gtin("04006381333931")
    assert not is_valid_gtin("04006381333932")
    assert not is_valid_gtin("4006381333931")  # 13 digits
    assert not is_valid_gtin("0400638133393x")
    assert not is_valid_gtin("０4006381333931")  # full-width digit
    with pytest.raises(ValidationError):
        gtin_check_digit("12a")


def test_format_refuses_years_outside_yymmdd() -> None:
    with pytest.raises(ValidationError, match="YYMMDD"):
        format_element_string(Gs1Data(gtin=GTIN, expiry=date(1999, 1, 1), lot="L"))


def test_format_forms() -> None:
    data = Gs1Data(gtin=GTIN, expiry=date(2025, 6, 30), lot="L1", serial="S1")
    assert format_element_string(data) == f"01{GTIN}1725063010L1{GS}21S1"
    assert format_element_string(data, bracketed=True) == f"(01){GTIN}(17)250630(10)L1(21)S1"
    assert format_element_string(data, gs="<GS>") == f"01{GTIN}1725063010L1<GS>21S1"
