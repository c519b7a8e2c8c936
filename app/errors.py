"""The station's exception tree: every error a person can meet, with a message they can act on.

Each class carries the exit code the `vaxdesk` command uses for it, so scripts can tell
failures apart without parsing text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.reasons import Reason, english


class VaxDeskError(Exception):
    """Base of all expected errors: a `Reason` (code, parameters, field) the UI translates, and
    `str(err)`, the English sentence the CLI prints.

    New code raises with a code: `ValidationError(code="field_required", params={...}, field="dob")`.
    Older code still raises with a sentence (`ValidationError("...")`); it carries the code "message".
    """

    exit_code = 1

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 params: Mapping[str, Any] | None = None, field: str | None = None) -> None:
        if code is None:
            reason = Reason("message", {"text": message or ""}, field)
        else:
            reason = Reason(code, dict(params or {}), field)
        text = message if message is not None else english(reason.code, reason.params)
        super().__init__(text)
        self.reason = reason
        self.code: str = reason.code
        self.params: Mapping[str, Any] = reason.params
        self.field: str | None = reason.field

    @classmethod
    def of(cls, reason: Reason) -> VaxDeskError:
        return cls(code=reason.code, params=reason.params, field=reason.field)


class StoreError(VaxDeskError):
    """Something about the local encrypted database."""

    exit_code = 10


class WrongPassphrase(StoreError):
    exit_code = 3


class DatabaseMissing(StoreError):
    exit_code = 4


class NotAVaxDeskDatabase(StoreError):
    exit_code = 5


class CorruptDatabase(StoreError):
    exit_code = 6


class CannotWrite(StoreError):
    exit_code = 7


class ReadOnlyLocation(CannotWrite):
    """The folder or file cannot be written (read-only mount, permissions): the data is intact."""


class DiskFull(StoreError):
    """No space left where the database lives; nothing was half-written, the data is intact."""

    exit_code = 19


class StorageIOError(StoreError):
    """The disk reported an input/output error (failing disk, pulled USB stick, network share gone)."""

    exit_code = 27


class AlreadyExists(StoreError):
    exit_code = 8


class SchemaTooNew(StoreError):
    """The database was written by a newer VaxDesk; we never downgrade it."""

    exit_code = 11


class ValidationError(VaxDeskError):
    """Input that cannot be accepted as it is (bad date, empty name, scanner garbage)."""

    exit_code = 9


class RuleViolation(VaxDeskError):
    """A clinical or business rule refuses the action (hard stop). Cannot be overridden."""

    exit_code = 12


class NotFound(VaxDeskError):
    exit_code = 13


class AuthError(VaxDeskError):
    """Wrong PIN, locked-out staff, or a role that may not do this."""

    exit_code = 14


class CatalogueError(VaxDeskError):
    """The vaccine catalogue in resources/ is invalid."""

    exit_code = 15
