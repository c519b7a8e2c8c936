"""`vaxdesk` without a command: the station window."""

from __future__ import annotations

import argparse

from app.ui.main import run_gui  # type: ignore[import-not-found,unused-ignore]


def gui(args: argparse.Namespace) -> int:
    return int(run_gui(db=args.db, kiosk=args.kiosk, language=args.lang))
