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
    "storage_read_only": QT_TRANSLATE_NOOP("Reasons", "Cannot write the station database: the folder or the drive is read-only. The data is intact; ask the site lead to check the drive."),
    "storage_disk_full": QT_TRANSLATE_NOOP("Reasons", "The disk is full. Nothing was half-written and the data is intact; free some space and try again."),
    "storage_io_error": QT_TRANSLATE_NOOP("Reasons", "The disk reported an error reading or writing the station database. The drive may be failing; tell the site lead."),
    "storage_folder_missing": QT_TRANSLATE_NOOP("Reasons", "The folder '{path}' does not exist."),
    "database_damaged": QT_TRANSLATE_NOOP("Reasons", "The station database is damaged: {finding}. Restore it from a backup; the file was left untouched."),
    "database_replaced": QT_TRANSLATE_NOOP("Reasons", "'{path}' cannot be decrypted with its key: the file was replaced, or its key file belongs to another copy. Restore it from a backup; the file was left untouched."),
    "audit_anchor_altered": QT_TRANSLATE_NOOP("Reasons", "The key file's record of the audit log was altered or does not belong to this database."),
    "audit_start_removed": QT_TRANSLATE_NOOP("Reasons", "entries at the start of the audit log were removed (the log now begins at entry {seq})"),
    "audit_entry_removed": QT_TRANSLATE_NOOP("Reasons", "an entry before entry {seq} was removed or its order changed"),
    "audit_entry_changed": QT_TRANSLATE_NOOP("Reasons", "entry {seq} was changed after it was written, or the log was rewritten"),
    "audit_tail_removed": QT_TRANSLATE_NOOP("Reasons", "the last entries of the audit log were removed: entries from {seq} on are missing (it was anchored at entry {anchored})"),
    "audit_all_removed": QT_TRANSLATE_NOOP("Reasons", "every entry of the audit log was removed (it was anchored at entry {anchored})"),
    "audit_not_anchored": QT_TRANSLATE_NOOP("Reasons", "the audit log goes on past its anchor (entry {anchored}): entries were added outside VaxDesk"),
    "audit_removed_earlier": QT_TRANSLATE_NOOP("Reasons", "entries were removed or replaced before entry {seq}; VaxDesk noticed it on {noticed}"),
    "audit_server_differs": QT_TRANSLATE_NOOP("Reasons", "entry {seq} differs from the copy the sync server acknowledged: the log was rewritten"),
    "audit_behind_server": QT_TRANSLATE_NOOP("Reasons", "the sync server acknowledged entries up to {server_seq} that this station no longer has (from entry {seq}); was it restored from an older backup?"),
    "role_not_allowed": QT_TRANSLATE_NOOP("Reasons", "Your role may not do this. Log in with an account that may."),
    "output_exists": QT_TRANSLATE_NOOP("Reasons", "'{path}' already exists; add --force to overwrite it."),
    # ---- public edge (issue 17) -----------------------------------------------------------
    # ---- tests and results (issue 18) -----------------------------------------------------
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
