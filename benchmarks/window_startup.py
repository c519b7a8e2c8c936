"""Measures startup: seconds from process start until the staff login page is on screen.

    VAXDESK_PASSPHRASE=… python -m benchmarks.window_startup --db PATH [--json]

The start is VAXDESK_BENCH_T0 (a `time.time()` taken by the caller just before launching us) or
else this process's creation time from /proc. Runs the real startup path offscreen, then quits.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def process_start_time() -> float:
    """Wall-clock time this process was created (Linux /proc), else now."""
    t0 = os.environ.get("VAXDESK_BENCH_T0")
    if t0:
        return float(t0)
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            # Field 22 (starttime, in clock ticks since boot) comes after the ")" closing the name.
            fields = fh.read().rsplit(")", 1)[1].split()
        started_after_boot = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        # Measured against /proc/uptime, not /proc/stat's btime: btime is whole seconds only.
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return time.time() - (uptime - started_after_boot)
    except (OSError, ValueError, IndexError):
        return time.time()


def main(argv: Sequence[str] | None = None) -> int:
    t0 = process_start_time()
    parser = argparse.ArgumentParser(prog="python -m benchmarks.window_startup", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--json", action="store_true", help='print {"startup_to_login_s": …}')
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args(argv)
    if not os.environ.get("VAXDESK_PASSPHRASE"):
        print("set VAXDESK_PASSPHRASE to the station passphrase", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from app.ui.main import start_gui, stop_gui

    app, window = start_gui(db=args.db, kiosk=False, language=None)
    from PySide6.QtCore import QTimer

    outcome: dict[str, float] = {}

    def login_shown() -> None:
        outcome["seconds"] = time.time() - t0
        app.quit()

    window.login_shown.connect(login_shown)
    QTimer.singleShot(int(args.timeout * 1000), app.quit)
    app.exec()
    stop_gui(window)
    if "seconds" not in outcome:
        message = window.unlock_page.messages.text() or "timed out"
        print(f"the login page never appeared: {message}", file=sys.stderr)
        return 1
    seconds = round(outcome["seconds"], 3)
    print(f'{{"startup_to_login_s": {seconds}}}' if args.json else seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
