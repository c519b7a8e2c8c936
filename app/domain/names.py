"""Person names at check-in: validation of typed names and keys for forgiving search.

"Müller", "Mueller", "MULLER" and "muller" must find the same person; a typo should still
find them, ranked by similarity.
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import ValidationError

__all__ = [
    "MAX_NAME_LENGTH",
    "edit_distance",
    "normalise_name",
    "phonetic_key",
    "search_key",
    "similarity",
    "validate_person_name",
]

MAX_NAME_LENGTH = 100

# German umlauts keep their spelled-out form (the way Germans write them without the dots);
# ß is already "ss" after casefold().
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
# Letters that Unicode does not decompose into base letter + mark.
_SPECIAL = str.maketrans(
    {
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
    }
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
# Dropping the e of ae/oe/ue makes "MULLER" (umlaut lost entirely) meet "Müller"/"Mueller".
# It also merges pairs such as Bauer/Baur, which is acceptable for finding candidates: the
# date of birth and the similarity ranking separate them.
_COLLAPSE_UMLAUT = re.compile(r"([aou])e+")  # e+ keeps search_key idempotent ("aee")
_SEARCH_DROP = re.compile(r"[\s'.\-]+")

# Similarity works on names; longer input is cut so a paste can't cost O(n²) time.
_MAX_COMPARE = 128

_ALLOWED_PUNCTUATION = frozenset(" -'.’ʼ‐‑")


def normalise_name(text: str) -> str:
    """Case-folded, umlauts spelled out (ä→ae ö→oe ü→ue ß→ss), other diacritics stripped.

    Spaces are collapsed and apostrophe/hyphen variants unified; idempotent.
    """
    folded = unicodedata.normalize("NFC", text.casefold()).translate(_UMLAUTS)
    stripped = "".join(
        char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char)
    )
    # casefold() again: NFKD can expose characters (e.g. from ligatures) that fold further.
    plain = stripped.casefold().translate(_SPECIAL).translate(_APOSTROPHES).translate(_HYPHENS)
    return _SPACES.sub(" ", plain).strip()


def search_key(text: str) -> str:
    """Key for matching at check-in: `normalise_name` with ae/oe/ue → a/o/u and no spaces, hyphens,
    apostrophes or periods, so "Müller", "Mueller", "MULLER" and "Mul-ler" meet."""
    return _COLLAPSE_UMLAUT.sub(r"\1", _SEARCH_DROP.sub("", normalise_name(text)))


def phonetic_key(text: str) -> str:
    """Kölner Phonetik code of each word, joined by spaces ("Müller-Lüdenscheidt" → "657 52682")."""
    words = re.split(r"[^a-z]+", normalise_name(text))
    return " ".join(code for code in (_koelner(word) for word in words if word) if code)


def _koelner(word: str) -> str:
    codes: list[str] = []
    for index, char in enumerate(word):
        before = word[index - 1] if index > 0 else ""
        after = word[index + 1] if index + 1 < len(word) else ""
        codes.append(_koelner_code(char, before=before, after=after, first=index == 0))
    # Equal neighbouring digits collapse (h has no code and does not separate them), then the
    # vowel code 0 is dropped except at the very start.
    collapsed = re.sub(r"(\d)\1+", r"\1", "".join(codes))
    return collapsed[:1] + collapsed[1:].replace("0", "")


def _koelner_code(char: str, *, before: str, after: str, first: bool) -> str:
    if char in "aeijouy":
        return "0"
    if char == "h":
        return ""
    if char == "b":
        return "1"
    if char == "p":
        return "3" if after == "h" else "1"
    if char in "dt":
        return "8" if after in ("c", "s", "z") else "2"
    if char in "fvw":
        return "3"
    if char in "gkq":
        return "4"
    if char == "c":
        if first:
            return "4" if after and after in "ahkloqrux" else "8"
        if before in ("s", "z"):
            return "8"
        return "4" if after and after in "ahkoqux" else "8"
    if char == "x":
        return "8" if before and before in "ckq" else "48"
    if char == "l":
        return "5"
    if char in "mn":
        return "6"
    if char == "r":
        return "7"
    if char in "sz":
        return "8"
    return ""


def edit_distance(a: str, b: str, *, limit: int | None = None) -> int:
    """Damerau-Levenshtein distance (optimal string alignment). With `limit`, stops early and
    returns `limit + 1` once the distance is known to exceed it."""
    if a == b:
        return 0
    if limit is not None:
        return _bounded_distance(a, b, limit) if abs(len(a) - len(b)) <= limit else limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[len(b)]


def _bounded_distance(a: str, b: str, limit: int) -> int:
    """`edit_distance` up to `limit`: only the band of cells within `limit` of the diagonal can hold a
    distance that small, so only those are computed (check-in search verifies its typo candidates so;
    plain comparisons, not min(), in the loop: it runs for every candidate of every search)."""
    big = limit + 1
    m = len(b)
    before: list[int] = []
    previous = [j if j <= limit else big for j in range(m + 1)]
    for i in range(1, len(a) + 1):
        current = [big] * (m + 1)
        row_min = current[0] = i if i <= limit else big
        char = a[i - 1]
        for j in range(max(1, i - limit), min(m, i + limit) + 1):
            value = previous[j - 1] if char == b[j - 1] else previous[j - 1] + 1
            if previous[j] < value:
                value = previous[j] + 1
            if current[j - 1] < value:
                value = current[j - 1] + 1
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == b[j - 1] and before[j - 2] < value:
                value = before[j - 2] + 1
            if value > big:
                value = big
            current[j] = value
            if value < row_min:
                row_min = value
        if row_min > limit:
            return big
        before, previous = previous, current
    return previous[m] if previous[m] < big else big


def similarity(a: str, b: str) -> float:
    """1.0 for names that match by `search_key`, falling towards 0.0 with each edit."""
    key_a, key_b = search_key(a)[:_MAX_COMPARE], search_key(b)[:_MAX_COMPARE]
    longest = max(len(key_a), len(key_b))
    if longest == 0:
        return 1.0
    return 1.0 - edit_distance(key_a, key_b) / longest


def validate_person_name(text: str, *, field: str | None = None) -> str:
    """The name as it will be stored (NFC, trimmed, single spaces), or ValidationError with a reason code."""
    if len(text) > 4 * MAX_NAME_LENGTH:
        raise ValidationError(code="name_too_long", params={"max": MAX_NAME_LENGTH}, field=field)
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Co", "Cs", "Cn") or category in ("Zl", "Zp"):
            raise ValidationError(code="name_control_character", params={"codepoint": f"U+{ord(char):04X}"},
                                  field=field)
    cleaned = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if not cleaned:
        raise ValidationError(code="name_empty", field=field)
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(code="name_too_long", params={"max": MAX_NAME_LENGTH}, field=field)
    for char in cleaned:
        category = unicodedata.category(char)
        if category[0] in ("L", "M") or char in _ALLOWED_PUNCTUATION:
            continue
        if category == "Nd":
            raise ValidationError(code="name_digit", params={"char": char}, field=field)
        raise ValidationError(code="name_character", params={"char": char}, field=field)
    if not any(unicodedata.category(char)[0] == "L" for char in cleaned):
        raise ValidationError(code="name_no_letter", field=field)
    return cleaned
