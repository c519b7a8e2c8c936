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
    "storage_read_only": "Cannot write in '{path}': the folder or the drive is read-only (or not yours). The database is intact; move it to a writable place or fix the permissions.",
    "storage_disk_full": "The disk holding '{path}' is full. The database is intact and nothing was half-written; free some space and try again.",
    "storage_io_error": "The disk reported an input/output error for '{path}' ({detail}). The drive may be failing or was disconnected; check it before going on.",
    "storage_folder_missing": "The folder '{path}' does not exist.",
    "database_damaged": "'{path}' is damaged: {finding} (and {more} more finding(s)). Run 'vaxdesk check' for the full list; restore it from a backup. The file was left untouched.",
    "database_replaced": "'{path}' cannot be decrypted with its key: the file was replaced, or its key file belongs to another copy. Restore it from a backup; the file was left untouched.",
    "audit_anchor_altered": "The key file's record of the audit log was altered or does not belong to this database.",
    "audit_start_removed": "entries at the start of the audit log were removed (the log now begins at entry {seq})",
    "audit_entry_removed": "an entry before entry {seq} was removed or its order changed",
    "audit_entry_changed": "entry {seq} was changed after it was written, or the log was rewritten",
    "audit_tail_removed": "the last entries of the audit log were removed: entries from {seq} on are missing (it was anchored at entry {anchored})",
    "audit_all_removed": "every entry of the audit log was removed (it was anchored at entry {anchored})",
    "audit_not_anchored": "the audit log goes on past its anchor (entry {anchored}): entries were added outside VaxDesk",
    "audit_removed_earlier": "entries were removed or replaced before entry {seq}; VaxDesk noticed it on {noticed}",
    "audit_server_differs": "entry {seq} differs from the copy the sync server acknowledged: the log was rewritten",
    "audit_behind_server": "the sync server acknowledged entries up to {server_seq} that this station no longer has (from entry {seq}); was it restored from an older backup?",
    "role_not_allowed": "Your role ({role}) may not do this ({use_case}). Log in with an account that may.",
    "output_exists": "'{path}' already exists; add --force to overwrite it.",
    # ---- public edge (issue 17) -----------------------------------------------------------
    # ---- tests and results (issue 18) -----------------------------------------------------
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
