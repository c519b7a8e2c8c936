"""GS1 element strings from vial and carton DataMatrix codes, as a keyboard-wedge scanner types them.

Understands the raw form (AIs run together, variable fields ended by GS), the bracketed
human-readable form `(01)…(17)…(10)…`, symbology prefixes and the ways scanners spell GS.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from app.errors import ValidationError

__all__ = [
    "GS",
    "Gs1Data",
    "format_element_string",
    "gtin_check_digit",
    "is_valid_gtin",
    "lot_key",
    "parse_element_string",
]

GS = "\x1d"

# A vial code is well under 100 characters; the cap keeps a stuck scanner or a paste from
# making us scan megabytes.
_MAX_INPUT = 256

# Symbology identifiers a GS1 code can arrive with (ISO/IEC 15424): DataMatrix, GS1-128, QR,
# DataBar, DotCode.
_SYMBOLOGY_PREFIXES = ("]d2", "]C1", "]Q3", "]e0", "]J1")

# Spellings of the group separator seen from keyboard wedges: the control character itself,
# a literal "<GS>" / "{GS}" macro, and the Unicode picture of GS.
_GS_SPELLINGS = ("<GS>", "<gs>", "{GS}", "{gs}", "\u241d")

# GS1 AI character set 82 (the characters allowed in alphanumeric fields such as lot and serial).
_CSET82 = re.compile(r"[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+")


@dataclass(frozen=True)
class _Ai:
    code: str
    length: int  # exact length when fixed, maximum when variable
    fixed: bool
    numeric: bool


def _ai_table() -> dict[str, _Ai]:
    table: dict[str, _Ai] = {}

    def fixed(code: str, length: int) -> None:
        table[code] = _Ai(code, length, fixed=True, numeric=True)

    def variable(code: str, length: int, *, numeric: bool = False) -> None:
        table[code] = _Ai(code, length, fixed=False, numeric=numeric)

    fixed("00", 18)
    for code in ("01", "02", "03"):
        fixed(code, 14)
    for code in ("11", "12", "13", "15", "16", "17"):
        fixed(code, 6)
    fixed("20", 2)
    variable("10", 20)
    variable("21", 20)
    variable("22", 20)
    variable("30", 8, numeric=True)
    variable("37", 8, numeric=True)
    for code in ("240", "241", "250", "251", "400", "401"):
        variable(code, 30)
    # National healthcare reimbursement numbers (710 = Germany, PZN) appear on EU packs.
    for code in ("710", "711", "712", "713", "714", "715"):
        variable(code, 20)
    # Trade measures 31nn-36nn: 4-digit AI, 6 digits.
    for head in range(31, 37):
        for tail in range(100):
            fixed(f"{head}{tail:02d}", 6)
    for number in range(410, 418):
        fixed(str(number), 13)
    fixed("7003", 10)
    variable("90", 30)
    for number in range(91, 100):
        variable(str(number), 90)
    return table


_AIS = _ai_table()
_AI_LENGTHS = (2, 3, 4)


@dataclass(frozen=True)
class Gs1Data:
    """What a vial or carton code says: product (GTIN-14), expiry, lot and optional serial."""

    gtin: str
    expiry: date
    lot: str
    serial: str | None = None


def lot_key(lot_number: str) -> str:
    """Which lot a number names, on a station and tenant-wide: a lot number (AI 10) has no spaces and its
    letters are printed in capitals, so "fk 1234" typed by hand is the lot a label prints as FK1234."""
    return "".join(lot_number.split()).upper()


def gtin_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for the digits before it (weights 3,1,3,… from the right)."""
    if not body.isdigit() or not body.isascii():
        raise ValidationError(code="gtin_not_digits", params={"value": body})
    total = sum(int(digit) * (3 if index % 2 == 0 else 1) for index, digit in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(gtin: str) -> bool:
    """True for a 14-digit GTIN whose last digit is the right check digit."""
    return (
        len(gtin) == 14
        and gtin.isascii()
        and gtin.isdigit()
        and gtin_check_digit(gtin[:-1]) == int(gtin[-1])
    )


def parse_element_string(text: str) -> Gs1Data:
    """Parse one scan. Raises ValidationError with a message the nurse can act on.

    Two ambiguities are inherent to what scanners send: a lot containing the literal text
    "<GS>" reads as a separator, and in the bracketed form a lot containing "(10)"-like text
    reads as the next field. Neither occurs on real vials.
    """
    if len(text) > _MAX_INPUT:
        raise ValidationError(code="gs1_too_long", params={"count": len(text)})
    # Scanners end a scan with Enter or Tab; that is the keyboard, not the code.
    text = text.strip(" \r\n\t")
    for prefix in _SYMBOLOGY_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    else:
        if text.startswith("]"):
            raise ValidationError(code="gs1_other_symbology", params={"prefix": text[:3]})
    for spelling in _GS_SPELLINGS:
        text = text.replace(spelling, GS)
    # GS1 DataMatrix starts with FNC1, which some scanners pass on as a leading GS.
    text = text.lstrip(GS)
    if not text:
        raise ValidationError(code="gs1_empty")
    fields = _parse_bracketed(text) if text.startswith("(") else _parse_raw(text)
    return _to_data(fields)


def format_element_string(data: Gs1Data, *, bracketed: bool = False, gs: str = GS) -> str:
    """The element string for `data`: raw (fixed fields first, GS after the lot) or bracketed."""
    if not 2000 <= data.expiry.year <= 2099:
        raise ValidationError(code="gs1_expiry_year", params={"year": data.expiry.year})
    expiry = data.expiry.strftime("%y%m%d")
    if bracketed:
        text = f"(01){data.gtin}(17){expiry}(10){data.lot}"
        return text + (f"(21){data.serial}" if data.serial is not None else "")
    text = f"01{data.gtin}17{expiry}10{data.lot}"
    return text + (f"{gs}21{data.serial}" if data.serial is not None else "")


def _lookup_ai(text: str, pos: int) -> _Ai:
    for size in _AI_LENGTHS:
        candidate = text[pos : pos + size]
        if len(candidate) == size and candidate in _AIS:
            return _AIS[candidate]
    shown = text[pos : pos + 4]
    raise ValidationError(code="gs1_unknown_ai", params={"position": pos + 1, "shown": shown})


def _parse_raw(text: str) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos] == GS:
            # An extra separator (e.g. after a fixed-length field) carries no data.
            pos += 1
            continue
        ai = _lookup_ai(text, pos)
        start = pos + len(ai.code)
        if ai.fixed:
            value = text[start : start + ai.length]
            if len(value) < ai.length:
                raise ValidationError(code="gs1_field_cut", params={"ai": ai.code, "length": ai.length,
                                                                    "count": len(value)})
            pos = start + ai.length
        else:
            end = text.find(GS, start)
            end = len(text) if end < 0 else end
            value = text[start:end]
            if len(value) > ai.length:
                raise ValidationError(code="gs1_field_too_long_gs", params={"ai": ai.code, "length": ai.length,
                                                                            "count": len(value)})
            pos = end
        fields.append((ai.code, value))
    return fields


def _parse_bracketed(text: str) -> list[tuple[str, str]]:
    # Lots may contain parentheses, so a value ends only where a known "(AI)" starts.
    starts = [
        match
        for match in re.finditer(r"\((\d{2,4})\)", text)
        if match.group(1) in _AIS
    ]
    if not starts or starts[0].start() != 0:
        raise ValidationError(code="gs1_bracket_start")
    fields: list[tuple[str, str]] = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        ai = _AIS[match.group(1)]
        value = text[match.end() : end].replace(GS, "")
        if ai.fixed and len(value) != ai.length:
            raise ValidationError(code="gs1_field_length", params={"ai": ai.code, "length": ai.length,
                                                                   "count": len(value)})
        if not ai.fixed and len(value) > ai.length:
            raise ValidationError(code="gs1_field_too_long", params={"ai": ai.code, "length": ai.length,
                                                                     "count": len(value)})
        fields.append((ai.code, value))
    return fields


def _to_data(fields: list[tuple[str, str]]) -> Gs1Data:
    seen: dict[str, str] = {}
    for code, value in fields:
        if code in seen:
            raise ValidationError(code="gs1_field_twice", params={"ai": code})
        ai = _AIS[code]
        if not value:
            raise ValidationError(code="gs1_field_empty", params={"ai": code})
        if ai.numeric and not (value.isascii() and value.isdigit()):
            raise ValidationError(code="gs1_field_not_digits", params={"ai": code, "value": value})
        if not ai.numeric:
            _check_cset82(code, value)
        seen[code] = value
    missing = [code for code in ("01", "17", "10") if code not in seen]
    if missing:
        names = {"01": "GTIN (01)", "17": "expiry date (17)", "10": "lot (10)"}
        raise ValidationError(code="gs1_fields_missing", params={
            "fields": ", ".join(names[code] for code in missing), "ais": ", ".join(f"({code})" for code in missing)})
    gtin = seen["01"]
    if not is_valid_gtin(gtin):
        raise ValidationError(code="gs1_gtin_check_digit", params={"gtin": gtin})
    return Gs1Data(gtin=gtin, expiry=_parse_expiry(seen["17"]), lot=seen["10"], serial=seen.get("21"))


def _check_cset82(code: str, value: str) -> None:
    if _CSET82.fullmatch(value):
        return
    bad = next(char for char in value if not _CSET82.fullmatch(char))
    what = "a control character" if not bad.isprintable() else f"the character {bad!r}"
    label = {"10": "lot", "21": "serial number"}.get(code, f"field ({code})")
    # `label` and `what` are the English words; `ai` and `shown` let another language say it.
    raise ValidationError(code="gs1_bad_character", params={
        "label": label, "what": what, "ai": code, "shown": repr(bad) if bad.isprintable() else f"U+{ord(bad):04X}"})


def _parse_expiry(value: str) -> date:
    # Vaccines expire this century; the GS1 sliding-century rule only matters after 2049.
    year, month, day = 2000 + int(value[:2]), int(value[2:4]), int(value[4:6])
    if not 1 <= month <= 12:
        raise ValidationError(code="gs1_expiry_month", params={"value": value, "month": f"{month:02d}"})
    last_day = calendar.monthrange(year, month)[1]
    if day == 0:
        # GS1: day 00 means the last day of the month.
        day = last_day
    if day > last_day:
        raise ValidationError(code="gs1_expiry_day", params={"value": value, "day": day, "days": last_day})
    return date(year, month, day)
