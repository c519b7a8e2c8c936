"""Named crash points for the kill -9 tests: `VAXDESK_FAULT_POINT=<name>` makes the process die there
as abruptly as a power cut (no cleanup, no flush). Unset in production; a no-op then."""

from __future__ import annotations

import os

FAULT_ENV = "VAXDESK_FAULT_POINT"


def crash_point(name: str) -> None:
    if os.environ.get(FAULT_ENV) == name:
        os._exit(137)
