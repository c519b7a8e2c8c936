"""ICAO 9303 transliteration of names into fnt/gnt."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.certificates.icao import transliterate


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Musterfrau-Gößinger", "MUSTERFRAU<GOESSINGER"),
        ("d'Červenková Panklová", "DCERVENKOVA<PANKLOVA"),  # the EU schema's own example
        ("Jiřina-Maria Alena", "JIRINA<MARIA<ALENA"),
        ("Müller", "MUELLER"),
        ("ÄÖÜ äöü ß", "AEOEUE<AEOEUE<SS"),
        ("Åse Ødegård", "AASE<OEDEGAARD"),
        ("Ægir Þórsson", "AEGIR<THORSSON"),
        ("Łukasz Żółć", "LUKASZ<ZOLC"),
        ("François Lefèvre", "FRANCOIS<LEFEVRE"),
        ("Ñúñez", "NUNEZ"),
        ("O'Brien", "OBRIEN"),
        ("O’Brien", "OBRIEN"),  # typographic apostrophe
        ("  Anna   Maria  ", "ANNA<MARIA"),
        ("Анна Щукина", "ANNA<SHCHUKINA"),
        ("Юрий Ёлкин", "IURII<ELKIN"),
        ("Жанна Хаямова-Цой", "ZHANNA<KHAIAMOVA<TSOI"),
        ("Ольга", "OLGA"),  # soft sign dropped
        ("Νίκος Παπαδόπουλος", "NIKOS<PAPADOPOULOS"),
        ("Χρήστος Ψαράς", "CHRISTOS<PSARAS"),
        ("Θεόδωρος", "THEODOROS"),
        ("Mu\u0308ller", "MUELLER"),  # decomposed umlaut (NFD input)
        ("李", ""),  # scripts Doc 9303 does not cover give nothing
    ],
)
def test_transliteration_table(name: str, expected: str) -> None:
    assert transliterate(name) == expected


def test_truncates_to_80_characters_without_trailing_filler() -> None:
    result = transliterate("A" * 79 + " Bcdef")
    assert result == "A" * 79
    assert len(transliterate("Wolfeschlegelsteinhausenbergerdorff " * 5)) <= 80


@given(st.text(max_size=120))
def test_output_alphabet_and_length(name: str) -> None:
    result = transliterate(name)
    assert re.fullmatch(r"[A-Z<]{0,80}", result)
    assert not result.startswith("<") and not result.endswith("<") and "<<" not in result
