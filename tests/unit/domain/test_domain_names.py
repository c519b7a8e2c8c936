"""Name normalisation, search keys, Kölner Phonetik, similarity and name validation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.names import (
    MAX_NAME_LENGTH,
    edit_distance,
    normalise_name,
    phonetic_key,
    search_key,
    similarity,
    validate_person_name,
)
from app.errors import ValidationError
from tests.conftest import parsed_or_refused

latin = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F, exclude_categories=("Cc", "Cs")),
    max_size=40,
)


def test_mueller_variants() -> None:
    assert normalise_name("Müller") == normalise_name("Mueller") == normalise_name("MÜLLER") == "mueller"
    assert normalise_name("MULLER") == normalise_name("muller") == "muller"
    keys = {search_key(name) for name in ("Müller", "Mueller", "MULLER", "muller", "MÜLLER", "Mu\u0308ller")}
    assert keys == {"muller"}


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Größe", "groesse"),
        ("Bäcker", "baecker"),
        ("José  García", "jose garcia"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Ægir Øster", "aegir oster"),
        ("Dvořák", "dvorak"),
        ("O’Brien", "o'brien"),
        ("Meyer‐Lüdenscheid", "meyer-luedenscheid"),
        ("  Anna\tMaria ", "anna maria"),
    ],
)
def test_normalise_name(name: str, normalised: str) -> None:
    assert normalise_name(name) == normalised


def test_search_key_drops_separators() -> None:
    assert search_key("Meyer-Lüdenscheid") == search_key("meyer ludenscheid") == "meyerludenscheid"
    assert search_key("O'Brien") == search_key("OBrien")
    assert search_key("St. Clair") == search_key("St Clair")


@given(latin)
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise_name(normalise_name(text)) == normalise_name(text)


@given(latin)
def test_search_key_is_idempotent(text: str) -> None:
    assert search_key(search_key(text)) == search_key(text)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß -'", max_size=30))
def test_normalise_is_case_insensitive(text: str) -> None:
    assert normalise_name(text.upper()) == normalise_name(text.lower()) == normalise_name(text.title())


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20))
def test_umlaut_spellings_share_a_search_key(stem: str) -> None:
    # Whatever surrounds it, ü / ue / u (and upper case) meet in the search key.
    assert search_key(f"{stem}ü{stem}") == search_key(f"{stem}ue{stem}".upper()) == search_key(f"{stem}u{stem}")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Müller-Lüdenscheidt", "657 52682"),  # the reference example 65752682, per word
        ("Wikipedia", "3412"),
        ("Breschnew", "17863"),
        ("Anna", "06"),
        ("Xaver", "4837"),
        ("Christoph", "47823"),
        ("Carl", "475"),
        ("Caesar", "487"),
        ("Cäsar", "487"),  # umlauts are spelled out first, so Cäsar codes like Caesar
        ("Philipp", "351"),
        ("", ""),
        ("---", ""),
    ],
)
def test_koelner_phonetik(name: str, code: str) -> None:
    assert phonetic_key(name) == code


@pytest.mark.parametrize(
    "group",
    [
        ("Meyer", "Maier", "Meier", "Mayr", "Mayer"),
        ("Schmidt", "Schmitt", "Schmid", "Schmit"),
        ("Müller", "Mueller", "Muller", "Möller"),
        ("Fischer", "Vischer", "Fisher"),
    ],
)
def test_phonetic_key_groups_sound_alikes(group: tuple[str, ...]) -> None:
    assert len({phonetic_key(name) for name in group}) == 1


def test_edit_distance() -> None:
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("ca", "ac") == 1  # a transposition is one edit
    assert edit_distance("schmidt", "schmdit") == 1
    assert edit_distance("", "abc") == 3
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("abcdef", "uvwxyz", limit=2) == 3
    assert edit_distance("a", "abcdefgh", limit=2) == 3


@given(st.text(max_size=15), st.text(max_size=15))
def test_edit_distance_is_a_symmetric_bounded_distance(a: str, b: str) -> None:
    distance = edit_distance(a, b)
    assert distance == edit_distance(b, a)
    assert abs(len(a) - len(b)) <= distance <= max(len(a), len(b))
    assert edit_distance(a, b, limit=2) == min(distance, 3)


def test_similarity() -> None:
    assert similarity("Müller", "MULLER") == 1.0
    assert similarity("Schmidt", "Schmitd") == pytest.approx(1 - 1 / 7)
    assert similarity("Schmidt", "Schmidt-Weber") < 0.6
    assert similarity("", "") == 1.0
    assert similarity("Anna", "Zoe") < 0.3
    # Long pastes are cut, not processed quadratically.
    assert 0.0 <= similarity("a" * 5000, "b" * 5000) <= 1.0


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("Müller", "Müller"),
        ("  Jean-Luc  ", "Jean-Luc"),
        ("O'Brien", "O'Brien"),
        ("O’Brien", "O’Brien"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("Mu\u0308ller", "Müller"),  # stored composed (NFC)
        ("Zoë", "Zoë"),
        ("Łukasz", "Łukasz"),
        ("St. Clair", "St. Clair"),
        ("Ἀριστοτέλης", "Ἀριστοτέλης"),
        ("A" * MAX_NAME_LENGTH, "A" * MAX_NAME_LENGTH),
    ],
)
def test_valid_names(raw: str, stored: str) -> None:
    assert validate_person_name(raw) == stored


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("A" * (MAX_NAME_LENGTH + 1), "too long"),
        ("A" * 5000, "too long"),
        ("Max\x00", "control character (U+0000)"),
        ("Max\nMüller", "control character"),
        ("Max\u200bMüller", "control character (U+200B)"),
        ("Max\u202eMüller", "control character"),
        ("Max 😀", "does not belong in a name"),
        ("Max$", "does not belong in a name"),
        ("Max_Müller", "does not belong in a name"),
        ("R2D2", "digit"),
        ("--", "at least one letter"),
        ("...", "at least one letter"),
    ],
)
def test_invalid_names(raw: str, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        validate_person_name(raw)


@given(st.text(max_size=150))
def test_validate_never_raises_anything_else(text: str) -> None:
    stored = parsed_or_refused(validate_person_name, text)
    if stored is not None:
        assert stored == stored.strip() and 0 < len(stored) <= MAX_NAME_LENGTH
        assert validate_person_name(stored) == stored


@given(st.text(alphabet="abcdeß", max_size=12), st.text(alphabet="abcdeß", max_size=12), st.integers(0, 3))
def test_the_bounded_distance_agrees_with_the_full_one(a: str, b: str, limit: int) -> None:
    assert edit_distance(a, b, limit=limit) == min(edit_distance(a, b), limit + 1)
