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
    # ---- tests and results (issue 18) -----------------------------------------------------
    # ---- search and the day (issue 19) ----------------------------------------------------
    "search_too_long": "Input too long ({count} characters). Scan again or type the name.",
    "search_not_understood": "Not a booking code, name or date of birth. Scan again or type a name.",
    "search_dob_needs_name": "Add the family name to the date of birth.",
    "search_needs_letter": "Type at least one letter of the name.",
    "search_code_unknown": "No booking with the code {code}.",
    "search_code_invalid": "This booking code is not valid (misread or mistyped). Scan again or type the name.",
    "search_nobody_found": "Nobody found. Check the spelling, or register a walk-in.",
    "search_more_add_dob": "{shown} of {total} — add the date of birth.",
    "search_many_add_dob": "{shown} of more than {total} — add the date of birth.",
    "vial_doses_left": "Open vial: {left} left · waiting: {waiting}",
    "vial_nobody_waiting": "No open vial · nobody waiting · due before a new vial would expire: {due}",
    "vial_open": "No open vial · waiting: {waiting} · due before it would expire: {due} — a new vial ({doses} doses) will be used up: open one",
    "vial_open_last": "No open vial · waiting: {waiting} · due until it would expire or the day ends: {due} — a new vial ({doses} doses) leaves {waste} unused",
    "vial_open_waited": "No open vial · the first person has waited {minutes} min — open one ({waste} may be left unused)",
    "vial_wait": "No open vial · waiting: {waiting} · due: {due} — wait for more before opening (a vial now leaves {waste} of {doses} unused)",
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
