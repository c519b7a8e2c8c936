"""Resident memory of a real station process: unlocked, a nurse logged in, the queue page open.

    VAXDESK_PASSPHRASE=… python -m benchmarks.window_rss --db PATH --login nurse --pin 1357

Prints {"station_rss_mb": …}. Runs offscreen; used by benchmarks/run.py on a 200,000-person store.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.window_rss", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--pin", required=True)
    parser.add_argument("--search", default="Müller", help="a name typed at check-in before measuring")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer

    from app.ui.main import start_gui, stop_gui
    from app.ui.tasks import workers

    app, window = start_gui(db=args.db, kiosk=False, language=None)
    result: dict[str, float] = {}

    def when_idle(then: object) -> None:
        if workers().pending:
            workers().idle.connect(then, type=_single_shot())  # type: ignore[arg-type]
        else:
            QTimer.singleShot(0, then)  # type: ignore[arg-type]

    def logged_in() -> None:
        assert window.shell is not None
        page = window.shell.show_page("checkin")
        search = getattr(page, "search", None)
        if search is not None and hasattr(page, "run_search"):
            search.setText(args.search)
            page.run_search()
        when_idle(open_queue)

    def open_queue() -> None:
        assert window.shell is not None
        window.shell.show_page("queue")
        when_idle(measure)

    def measure() -> None:
        result["station_rss_mb"] = round(rss_mb(), 1)
        app.quit()

    def at_login() -> None:
        window.login_page.select_login(args.login)
        window.login_page.pin.setText(args.pin)
        window.login_page.submit()

    window.login_shown.connect(at_login)
    window.shell_shown.connect(logged_in)
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    stop_gui(window)
    if "station_rss_mb" not in result:
        print("the station did not reach the queue page", file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


def _single_shot() -> object:
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.SingleShotConnection


if __name__ == "__main__":
    sys.exit(main())
