"""Reason codes in the station's language: the one place the UI turns the core's codes into words.

Every code in `app.reasons.ENGLISH` has a text here, marked for translation; the translation test fails
otherwise. Parameters are filled with `str.format` names, so translators see `{label}`, `{max}`, ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.reasons import Reason, fill

_CONTEXT = "Reasons"

# One block per area, in the same order as app/reasons.py, so additions do not collide.
TEXTS: dict[str, str] = {
    # ---- general --------------------------------------------------------------------------
    "message": "{text}",
    "internal": QT_TRANSLATE_NOOP("Reasons", "Something went wrong inside VaxDesk; nothing was changed."),
    # ---- input ----------------------------------------------------------------------------
    "field_required": QT_TRANSLATE_NOOP("Reasons", "{label} is required."),
    "field_too_long": QT_TRANSLATE_NOOP("Reasons", "{label} is too long (at most {max} characters)."),
    "field_invalid_characters": QT_TRANSLATE_NOOP("Reasons", "{label} contains characters that cannot be stored."),
    # ---- sync (issue 12) ------------------------------------------------------------------
    "server_refused": QT_TRANSLATE_NOOP("Reasons", "The sync server refused the request ({server_code})."),
    # ---- certificates (issue 15) ----------------------------------------------------------
    # ---- roles, audit, storage (issue 16) -------------------------------------------------
    # ---- public edge (issue 17) -----------------------------------------------------------
    # ---- tests and results (issue 18) -----------------------------------------------------
    # ---- search and the day (issue 19) ----------------------------------------------------
    "search_too_long": QT_TRANSLATE_NOOP("Reasons", "Input too long ({count} characters). Scan again or type the name."),
    "search_not_understood": QT_TRANSLATE_NOOP(
        "Reasons", "Not a booking code, name or date of birth. Scan again or type a name."),
    "search_dob_needs_name": QT_TRANSLATE_NOOP("Reasons", "Add the family name to the date of birth."),
    "search_needs_letter": QT_TRANSLATE_NOOP("Reasons", "Type at least one letter of the name."),
    "search_code_unknown": QT_TRANSLATE_NOOP("Reasons", "No booking with the code {code}."),
    "search_code_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "This booking code is not valid (misread or mistyped). Scan again or type the name."),
    "search_nobody_found": QT_TRANSLATE_NOOP("Reasons", "Nobody found. Check the spelling, or register a walk-in."),
    "search_more_add_dob": QT_TRANSLATE_NOOP("Reasons", "{shown} of {total} — add the date of birth."),
    "search_many_add_dob": QT_TRANSLATE_NOOP("Reasons", "{shown} of more than {total} — add the date of birth."),
    "vial_doses_left": QT_TRANSLATE_NOOP(
        "Reasons", "Open vial: {left} left · waiting: {waiting}"),
    "vial_nobody_waiting": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · nobody waiting · due before a new vial would expire: {due}"),
    "vial_open": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · waiting: {waiting} · due before it would expire: {due} — a new vial ({doses} doses) will be used up: open one"),
    "vial_open_last": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · waiting: {waiting} · due until it would expire or the day ends: {due} — a new vial ({doses} doses) leaves {waste} unused"),
    "vial_open_waited": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · the first person has waited {minutes} min — open one ({waste} may be left unused)"),
    "vial_wait": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · waiting: {waiting} · due: {due} — wait for more before opening (a vial now leaves {waste} of {doses} unused)"),
}


def reason_text(code: str, params: Mapping[str, Any] | None = None, *, fallback: str | None = None) -> str:
    """The translated sentence for a code; `fallback` (the core's English) for a code without a text."""
    template = TEXTS.get(code)
    if template is None:
        return fallback if fallback is not None else code
    translated = QCoreApplication.translate(_CONTEXT, template) if code != "message" else template
    return fill(translated, params)


def reason(value: Reason) -> str:
    return reason_text(value.code, value.params, fallback=str(value))
