"""The sync package's exception tree: what can go wrong talking to the tenant API, in words an admin can act on.

Each class carries the exit code `vaxdesk sync` / `vaxdesk enroll` use for it.
"""

from __future__ import annotations

from app.errors import VaxDeskError


class SyncError(VaxDeskError):
    """Base of every sync failure."""

    exit_code = 20


class NotEnrolled(SyncError):
    """The station has no device token yet."""

    exit_code = 21


class DeviceRejected(SyncError):
    """The server refused the device token (revoked, or another tenant's)."""

    exit_code = 22


class ServerUnreachable(SyncError):
    """No answer, a timeout, or server errors after every retry."""

    exit_code = 23


class ProtocolError(SyncError):
    """The server answered something this station cannot understand."""

    exit_code = 24


class EnrollmentFailed(SyncError):
    """The enrollment code was refused (unknown, used, expired, or for another tenant or site)."""

    exit_code = 25


class ServerRefused(SyncError):
    """A 4xx answer with a machine-readable code other than authentication."""

    exit_code = 26

    def __init__(self, code: str, message: str, *, status: int = 400, details: dict[str, object] | None = None):
        super().__init__(f"The sync server refused the request ({code}): {message}",
                         code="server_refused", params={"server_code": code})
        self.code = code  # the server's own code (e.g. "sequence_gap"), which callers branch on
        self.status = status
        self.details = details or {}
