"""ICAO Doc 9303 part 3 transliteration of names into the machine-readable form (`fnt`/`gnt`)."""

from __future__ import annotations

import unicodedata

MAX_LENGTH = 80
FILLER = "<"

# Doc 9303 part 3, section 6, table A: the Latin characters whose recommended
# transliteration is not simply the base letter. The rest lose their diacritics (NFD).
_LATIN = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ĳ": "IJ",
    "Ö": "OE",
    "Ø": "OE",
    "Œ": "OE",
    "Ü": "UE",
    "ß": "SS",
    "ẞ": "SS",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ħ": "H",
    "Ł": "L",
    "Ŀ": "L",
    "Ŋ": "N",
    "Ŧ": "T",
    "ı": "I",
}

# Table B (Cyrillic). The soft sign has no transliteration and is dropped.
_CYRILLIC = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Ґ": "G",
    "Ѓ": "G",
    "Д": "D",
    "Ђ": "D",
    "Е": "E",
    "Ё": "E",
    "Є": "IE",
    "Ж": "ZH",
    "З": "Z",
    "Ѕ": "DZ",
    "И": "I",
    "І": "I",
    "Ї": "I",
    "Й": "I",
    "Ј": "J",
    "К": "K",
    "Ќ": "K",
    "Л": "L",
    "Љ": "LJ",
    "М": "M",
    "Н": "N",
    "Њ": "NJ",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "Ћ": "C",
    "У": "U",
    "Ў": "U",
    "Ф": "F",
    "Х": "KH",
    "Ц": "TS",
    "Ч": "CH",
    "Џ": "DZ",
    "Ш": "SH",
    "Щ": "SHCH",
    "Ъ": "IE",
    "Ы": "Y",
    "Ь": "",
    "Э": "E",
    "Ю": "IU",
    "Я": "IA",
}

# Doc 9303 part 3 (Greek); accented letters reach this table without their tonos (NFD).
_GREEK = {
    "Α": "A",
    "Β": "V",
    "Γ": "G",
    "Δ": "D",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "I",
    "Θ": "TH",
    "Ι": "I",
    "Κ": "K",
    "Λ": "L",
    "Μ": "M",
    "Ν": "N",
    "Ξ": "X",
    "Ο": "O",
    "Π": "P",
    "Ρ": "R",
    "Σ": "S",
    "Τ": "T",
    "Υ": "Y",
    "Φ": "F",
    "Χ": "CH",
    "Ψ": "PS",
    "Ω": "O",
}

# ΟΥ is one sound, written OU in Greek travel documents (ELOT 743, which Doc 9303 follows).
_DIGRAPHS = {"ΟΥ": "OU", "ΟΎ": "OU", "ΌΥ": "OU"}

_TABLE = {**_LATIN, **_CYRILLIC, **_GREEK}
_SEPARATORS = frozenset(" -\u2010\u2011\u2012\u2013\u2014,\t")


def _transliterate_char(ch: str) -> str:
    mapped = _TABLE.get(ch)
    if mapped is not None:
        return mapped
    if "A" <= ch <= "Z":
        return ch
    if ch in _SEPARATORS:
        return FILLER
    base = unicodedata.normalize("NFD", ch)[0]
    if base != ch:
        return _transliterate_char(base)
    # Apostrophes, dots, digits and scripts Doc 9303 does not cover are left out.
    return ""


def transliterate(name: str) -> str:
    """`"d'Červenková Panklová"` → `"DCERVENKOVA<PANKLOVA"`; at most 80 characters of A-Z and `<`."""
    # Upper-case first so that lower-case letters share the table (and ß becomes SS);
    # NFC so that decomposed input (e.g. from macOS) finds its table entry.
    text = unicodedata.normalize("NFC", name.strip()).upper()
    for digraph, replacement in _DIGRAPHS.items():
        text = text.replace(digraph, replacement)
    out = "".join(_transliterate_char(ch) for ch in text)
    while FILLER * 2 in out:
        out = out.replace(FILLER * 2, FILLER)
    return out.strip(FILLER)[:MAX_LENGTH].rstrip(FILLER)


def missing_letters(name: str) -> str:
    """The letters of `name` that have no ICAO transliteration here (Georgian, Arabic, CJK, ...), once each.

    A name with such letters must not be issued with its standardised form silently shortened or
    empty; the travel document's MRZ gives the form the border expects.
    """
    text = unicodedata.normalize("NFC", name.strip()).upper()
    missing: dict[str, None] = {}
    for ch in text:
        if unicodedata.category(ch).startswith("L") and not _transliterate_char(ch):
            missing[ch] = None
    return "".join(missing)
