"""What both command lines share (`vaxdesk` and `vaxdesk-server`): argument types, and loading a command. Outside the `app.cli`
package on purpose: importing that package loads the station's command line and logging, which the
server image does not install."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from datetime import date
from typing import cast

from app.domain.days import FIRST_DAY, LAST_DAY, within_calendar

Handler = Callable[[argparse.Namespace], int]


def iso_day(text: str) -> date:
    """A day given as `2026-11-27`; anything else is a usage error worded by argparse."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date like 2026-11-27") from None
    if not within_calendar(day):
        raise argparse.ArgumentTypeError(f"a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}")
    return day


def run_command(package: str, args: argparse.Namespace) -> int:
    """Run the parsed command `args.handler` ("module:function" in `package`). Its module, and what it
    needs, loads only now: `--help` and usage errors never load it."""
    module, name = str(args.handler).split(":")
    # Imported by name at run time: only the command that runs loads its module (start-up time).
    handler = cast(Handler, getattr(importlib.import_module(f"{package}.{module}"), name))
    return int(handler(args))
