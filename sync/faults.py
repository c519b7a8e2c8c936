"""Faults for the sync tests. Named crash points: `VAXDESK_FAULT_POINT=<name>` makes the process die
there as abruptly as a power cut (no cleanup, no flush); `VAXDESK_FAULT_CLOCK_OFFSET_S` puts the
server's clock off by that many seconds. Unset in production; no-ops then."""

from __future__ import annotations

import os

FAULT_ENV = "VAXDESK_FAULT_POINT"
CLOCK_ENV = "VAXDESK_FAULT_CLOCK_OFFSET_S"  # a server whose clock jumped, for the sync tests


def crash_point(name: str) -> None:
    if os.environ.get(FAULT_ENV) == name:
        os._exit(137)


def clock_offset_s() -> float:
    """Seconds the process's clock is to be off by (0 unless a test sets VAXDESK_FAULT_CLOCK_OFFSET_S)."""
    try:
        return float(os.environ.get(CLOCK_ENV) or 0.0)
    except ValueError:
        return 0.0
