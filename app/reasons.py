"""Reasons as codes: what the core says when it refuses, stops or warns.

The core never speaks in sentences to the UI. An error or a rule result carries a `Reason`: a stable
code, its parameters and (for input) the field it is about. The UI maps codes to translated texts in
one place (`app/ui/reasons.py`); the CLI and the logs use the English texts below, through `english()`.

A new code is added here (English) and in `app/ui/reasons.py` (German and English through `tr()`); a
test fails when either side lacks one.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reason:
    """A code, its parameters (plain values: str, int, float, dates as ISO text) and, for input, the field."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    field: str | None = None

    def __str__(self) -> str:
        return english(self.code, self.params)


# English texts by code. Keep each group together; one block per area so additions do not collide.
ENGLISH: dict[str, str] = {
    # ---- general --------------------------------------------------------------------------
    "message": "{text}",  # a sentence from code that has no code of its own yet
    "internal": "Something went wrong inside VaxDesk; nothing was changed.",
    # ---- input ----------------------------------------------------------------------------
    "field_required": "{label} is required.",
    "field_too_long": "{label} is too long (at most {max} characters).",
    "field_invalid_characters": "{label} contains characters that cannot be stored.",
    # ---- sync (issue 12) ------------------------------------------------------------------
    "server_refused": "The sync server refused the request ({server_code}).",
    # ---- certificates (issue 15) ----------------------------------------------------------
    # ---- roles, audit, storage (issue 16) -------------------------------------------------
    # ---- public edge (issue 17) -----------------------------------------------------------
    "name_empty": "The name is empty.",
    "name_too_long": "The name is too long: at most {max} characters.",
    "name_control_character": "The name contains an invisible control character ({codepoint}); retype it.",
    "name_digit": "The name contains the digit '{char}'; names have no digits.",
    "name_character": "The name contains '{char}', which does not belong in a name (letters, spaces, hyphens, apostrophes and periods are allowed).",
    "name_no_letter": "The name must contain at least one letter.",
    "dob_format": "Date of birth must be written YYYY-MM-DD.",
    "dob_not_a_date": "That date of birth does not exist.",
    "dob_too_early": "Date of birth before {year}: please check it.",
    "dob_in_future": "Date of birth lies in the future.",
    "age_below_minimum": "{product} is given from {min} years; on the day of the appointment the person is younger.",
    "age_above_maximum": "{product} is given up to {max} years; on the day of the appointment the person is older.",
    "email_invalid": "That is not an e-mail address (for example name@example.org).",
    "phone_invalid": "A phone number has at least 5 digits and only digits, spaces and + ( ) / . -",
    "invalid_input": "Some details are not valid; see each field.",
    "unknown_slot": "There is no such time slot.",
    "slot_past": "This time slot has already begun; please choose a later one.",
    "full": "This time is fully booked. Please choose another one.",
    "invalid_booking_code": "That is not a booking code (it looks like ABCD-EFGH-J).",
    "unknown_booking": "No booking has this code.",
    "booking_not_changeable": "This booking can no longer be cancelled or moved (it is {state}).",
    "booking_details_mismatch": "The date of birth does not match this booking.",
    "same_slot": "The booking is already at this time.",
    "rate_limited": "Too many requests; please try again in {retry_after} seconds.",
    "challenge_required": "Please confirm you are not a robot (the page's check did not run).",
    "challenge_invalid": "The robot check failed or expired; please try again.",
    "challenge_used": "This robot check was already used; please try again.",
    "other_site": "This slot belongs to another site than the station's.",
    "station_exists": "This station is already enrolled; ask the administrator for a re-enrolment code for it.",
    "wrong_station": "This enrolment code was issued for another station.",
    "tenant_key_unusable": "The master key does not open the data key of {count} tenant(s).",
    # ---- tests and results (issue 18) -----------------------------------------------------
    "result_cannot_open": "This result cannot be opened with these details (name, date of birth, or the link is incomplete).",
    "result_link_missing": "The link from the e-mail is missing or incomplete.",
    "result_mail_not_configured": "Result mails need the tenant's mail_from and public_url settings.",
    "result_mail_language": "Result mails are written in German or English, not '{lang}'.",
    "result_kind_unknown": "'{kind}' is not a kind of result (test_result or a certificate).",
    "result_token_invalid": "That is not a result token (CS1:...).",
    # ---- search and the day (issue 19) ----------------------------------------------------
}


class _Lenient(string.Formatter):
    """Formats with what is there: a missing parameter shows as {name}, never raises."""

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str):
            return kwargs.get(key, "{" + key + "}")
        return super().get_value(key, args, kwargs)


_FORMATTER = _Lenient()


def fill(template: str, params: Mapping[str, Any] | None = None) -> str:
    """`template` with its {name} parameters filled in; a missing one stays visible as {name}."""
    return _FORMATTER.format(template, **dict(params or {}))


def english(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The English sentence for a code (the CLI's and the logs' words). Unknown codes show as the code."""
    template = ENGLISH.get(code)
    if template is None:
        return code if not params else f"{code} {dict(params)}"
    return fill(template, params)


def known(code: str) -> bool:
    return code in ENGLISH
