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
    "name_empty": QT_TRANSLATE_NOOP("Reasons", "The name is empty."),
    "name_too_long": QT_TRANSLATE_NOOP("Reasons", "The name is too long: at most {max} characters."),
    "name_control_character": QT_TRANSLATE_NOOP("Reasons", "The name contains an invisible control character ({codepoint}); retype it."),
    "name_digit": QT_TRANSLATE_NOOP("Reasons", "The name contains the digit '{char}'; names have no digits."),
    "name_character": QT_TRANSLATE_NOOP("Reasons", "The name contains '{char}', which does not belong in a name (letters, spaces, hyphens, apostrophes and periods are allowed)."),
    "name_no_letter": QT_TRANSLATE_NOOP("Reasons", "The name must contain at least one letter."),
    "dob_format": QT_TRANSLATE_NOOP("Reasons", "Date of birth must be written YYYY-MM-DD."),
    "dob_not_a_date": QT_TRANSLATE_NOOP("Reasons", "That date of birth does not exist."),
    "dob_too_early": QT_TRANSLATE_NOOP("Reasons", "Date of birth before {year}: please check it."),
    "dob_in_future": QT_TRANSLATE_NOOP("Reasons", "Date of birth lies in the future."),
    "age_below_minimum": QT_TRANSLATE_NOOP("Reasons", "{product} is given from {min} years; on the day of the appointment the person is younger."),
    "age_above_maximum": QT_TRANSLATE_NOOP("Reasons", "{product} is given up to {max} years; on the day of the appointment the person is older."),
    "email_invalid": QT_TRANSLATE_NOOP("Reasons", "That is not an e-mail address (for example name@example.org)."),
    "phone_invalid": QT_TRANSLATE_NOOP("Reasons", "A phone number has at least 5 digits and only digits, spaces and + ( ) / . -"),
    "invalid_input": QT_TRANSLATE_NOOP("Reasons", "Some details are not valid; see each field."),
    "unknown_slot": QT_TRANSLATE_NOOP("Reasons", "There is no such time slot."),
    "slot_past": QT_TRANSLATE_NOOP("Reasons", "This time slot has already begun; please choose a later one."),
    "full": QT_TRANSLATE_NOOP("Reasons", "This time is fully booked. Please choose another one."),
    "invalid_booking_code": QT_TRANSLATE_NOOP("Reasons", "That is not a booking code (it looks like ABCD-EFGH-J)."),
    "unknown_booking": QT_TRANSLATE_NOOP("Reasons", "No booking has this code."),
    "booking_not_changeable": QT_TRANSLATE_NOOP("Reasons", "This booking can no longer be cancelled or moved (it is {state})."),
    "booking_details_mismatch": QT_TRANSLATE_NOOP("Reasons", "The date of birth does not match this booking."),
    "same_slot": QT_TRANSLATE_NOOP("Reasons", "The booking is already at this time."),
    "rate_limited": QT_TRANSLATE_NOOP("Reasons", "Too many requests; please try again in {retry_after} seconds."),
    "challenge_required": QT_TRANSLATE_NOOP("Reasons", "Please confirm you are not a robot (the page's check did not run)."),
    "challenge_invalid": QT_TRANSLATE_NOOP("Reasons", "The robot check failed or expired; please try again."),
    "challenge_used": QT_TRANSLATE_NOOP("Reasons", "This robot check was already used; please try again."),
    "other_site": QT_TRANSLATE_NOOP("Reasons", "This slot belongs to another site than the station's."),
    "station_exists": QT_TRANSLATE_NOOP("Reasons", "This station is already enrolled; ask the administrator for a re-enrolment code for it."),
    "wrong_station": QT_TRANSLATE_NOOP("Reasons", "This enrolment code was issued for another station."),
    "tenant_key_unusable": QT_TRANSLATE_NOOP("Reasons", "The master key does not open the data key of {count} tenant(s)."),
    # ---- tests and results (issue 18) -----------------------------------------------------
    "result_cannot_open": QT_TRANSLATE_NOOP("Reasons", "This result cannot be opened with these details (name, date of birth, or the link is incomplete)."),
    "result_link_missing": QT_TRANSLATE_NOOP("Reasons", "The link from the e-mail is missing or incomplete."),
    "result_mail_not_configured": QT_TRANSLATE_NOOP("Reasons", "Result mails need the tenant's mail_from and public_url settings."),
    "result_mail_language": QT_TRANSLATE_NOOP("Reasons", "Result mails are written in German or English, not '{lang}'."),
    "result_kind_unknown": QT_TRANSLATE_NOOP("Reasons", "'{kind}' is not a kind of result (test_result or a certificate)."),
    "result_token_invalid": QT_TRANSLATE_NOOP("Reasons", "That is not a result token (CS1:...)."),
    # ---- search and the day (issue 19) ----------------------------------------------------
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
