"""Argument types both command lines share (`vaxdesk` and `vaxdesk-server`). Outside the `app.cli`
package on purpose: importing that package loads the station's command line and logging, which the
server image does not install."""

from __future__ import annotations

import argparse
from datetime import date


def iso_day(text: str) -> date:
    """A day given as `2026-11-27`; anything else is a usage error worded by argparse."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date like 2026-11-27") from None
