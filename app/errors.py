"""The station's exception tree: every error a person can meet, with a message they can act on.

Each class carries the exit code the `vaxdesk` command uses for it, so scripts can tell
failures apart without parsing text.
"""

from __future__ import annotations


class VaxDeskError(Exception):
    """Base of all expected errors. `str(err)` is a message a nurse or admin can act on."""

    exit_code = 1


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
