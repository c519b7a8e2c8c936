"""The machine-readable zone of a travel document (ICAO Doc 9303 parts 4-6: TD3 passports, TD1 and TD2
ID cards): checked by its check digits, it gives the standardised names (`fnt`/`gnt`) exactly as the
document writes them, which is what a border reads (Ukrainian HRYHORII, not a computed GRIGORII).

The check digits are the 7-3-1 weighting of Doc 9303 part 3, section 4.9; a scanner's or a typist's
single wrong character fails them, so a wrong MRZ is refused rather than printed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from app.certificates.errors import CertificateDataError

FILLER = "<"
_ALLOWED = re.compile(r"^[A-Z0-9<]+$")
_WEIGHTS = (7, 3, 1)
# TD3: 2 x 44, TD2: 2 x 36, TD1: 3 x 30 characters.
_SHAPES = {(44, 44): "TD3", (36, 36): "TD2", (30, 30, 30): "TD1"}
MAX_INPUT = 400


@dataclass(frozen=True)
class MrzNames:
    """What the review screen takes from the MRZ."""

    fnt: str  # primary identifier, components joined by "<"
    gnt: str  # secondary identifier ("" when the document has none)
    birth_date: str  # YYMMDD, "<" where the document does not know a part
    document: str  # TD1, TD2 or TD3
    issuing_state: str


def check_digit(field: str) -> str:
    total = 0
    for i, ch in enumerate(field):
        if ch.isdigit():
            value = int(ch)
        elif "A" <= ch <= "Z":
            value = ord(ch) - ord("A") + 10
        elif ch == FILLER:
            value = 0
        else:
            raise CertificateDataError(code="mrz_format", field="mrz")
        total += value * _WEIGHTS[i % 3]
    return str(total % 10)


def _lines(text: str) -> list[str]:
    if len(text) > MAX_INPUT:
        raise CertificateDataError(code="mrz_format", field="mrz")
    # Scanners end lines with CR, LF or both; typed lines may carry spaces; some scanners send one line.
    lines = [re.sub(r"\s+", "", line).upper() for line in re.split(r"[\r\n]+", text.strip())]
    lines = [line for line in lines if line]
    if len(lines) == 1:
        joined = lines[0]
        for shape in _SHAPES:
            if len(joined) == sum(shape):
                cuts = [sum(shape[:i]) for i in range(len(shape) + 1)]
                lines = [joined[a:b] for a, b in itertools.pairwise(cuts)]
                break
    return lines


def _expect(field: str, digit: str, name: str) -> None:
    if check_digit(field) != digit:
        raise CertificateDataError(code="mrz_check_digit", params={"part": name}, field="mrz")


def parse_mrz(text: str) -> MrzNames:
    """The names and birth date of a TD1/TD2/TD3 MRZ whose check digits all hold."""
    lines = _lines(text)
    kind = _SHAPES.get(tuple(len(line) for line in lines))
    if kind is None or not all(_ALLOWED.match(line) for line in lines):
        raise CertificateDataError(code="mrz_format", field="mrz")
    if kind == "TD1":
        first, second, name_field = lines
        _expect(first[5:14], first[14], "document number")
        _expect(second[0:6], second[6], "date of birth")
        _expect(second[8:14], second[14], "date of expiry")
        _expect(first[5:30] + second[0:7] + second[8:15] + second[18:29], second[29], "composite")
        state, birth = first[2:5], second[0:6]
    else:
        first, second = lines
        end = 43 if kind == "TD3" else 35
        _expect(second[0:9], second[9], "document number")
        _expect(second[13:19], second[19], "date of birth")
        _expect(second[21:27], second[27], "date of expiry")
        if kind == "TD3" and second[28:42].strip(FILLER):
            _expect(second[28:42], second[42], "personal number")
        _expect(second[0:10] + second[13:20] + second[21:end], second[end], "composite")
        name_field, state, birth = first[5:], first[2:5], second[13:19]
    primary, _, secondary = name_field.partition(FILLER * 2)
    fnt, gnt = _components(primary), _components(secondary)
    if not fnt:
        raise CertificateDataError(code="mrz_format", field="mrz")
    return MrzNames(fnt=fnt, gnt=gnt, birth_date=birth, document=kind, issuing_state=state.strip(FILLER))


def _components(part: str) -> str:
    return FILLER.join(p for p in part.split(FILLER) if p)


def birth_date_matches(names: MrzNames, dob: str) -> bool:
    """Does the MRZ birth date agree with the recorded one (YYYY, YYYY-MM or YYYY-MM-DD)?"""
    parts = dob.split("-")
    wanted = [parts[0][2:4], *(p for p in parts[1:])]
    got = [names.birth_date[0:2], names.birth_date[2:4], names.birth_date[4:6]]
    return all(w == g or FILLER in g for w, g in zip(wanted, got, strict=False))
