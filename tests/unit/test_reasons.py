"""Reasons as codes: the core's English and the UI's translated texts cover the same codes."""

from __future__ import annotations

import pytest

from app.errors import RuleViolation, ValidationError
from app.reasons import ENGLISH, SERVER_ENGLISH, STATION_CODES, Reason, english


def test_a_coded_error_carries_code_params_and_field_and_reads_in_english() -> None:
    err = ValidationError(code="field_too_long", params={"label": "Family name", "max": 100}, field="family_name")
    assert (err.code, err.field, dict(err.params)) == ("field_too_long", "family_name",
                                                       {"label": "Family name", "max": 100})
    assert str(err) == "Family name is too long (at most 100 characters)."


def test_an_error_raised_with_a_sentence_keeps_it() -> None:
    err = RuleViolation("That vial is empty.")
    assert (err.code, str(err)) == ("message", "That vial is empty.")


def test_a_missing_parameter_never_breaks_the_message() -> None:
    assert english("field_too_long", {"label": "Name"}) == "Name is too long (at most {max} characters)."
    assert str(Reason("no_such_code", {"a": 1})) == "no_such_code {'a': 1}"


def test_every_code_has_a_ui_text_and_every_ui_text_a_code() -> None:
    pytest.importorskip("PySide6")
    from app.ui.reasons import TEXTS

    assert set(TEXTS) == STATION_CODES


def test_a_code_is_the_station_s_or_the_server_s_never_both() -> None:
    # The server's admin and wire words have no desk text; one code with two meanings would show the wrong one.
    assert not STATION_CODES & set(SERVER_ENGLISH)
    assert set(ENGLISH) == STATION_CODES | set(SERVER_ENGLISH)
