"""Startup: run_gui's path unlocks from VAXDESK_PASSPHRASE straight to the staff login, fast."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from app.ui import crash
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def test_start_gui_unlocks_from_the_environment(qtbot, station_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main import start_gui, stop_gui

    monkeypatch.setenv("VAXDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(crash, "install", lambda: None)  # keep pytest-qt's exception capture
    _app, window = start_gui(db=station_db, kiosk=False, language="en")
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.stage == "login", timeout=10000)
        assert window.login_page.staff_list.count() == 5
    finally:
        stop_gui(window)
    assert window.station is None  # the store was closed


def test_bench_startup_reports_seconds_to_login(station_db: Path, tmp_path: Path) -> None:
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE, VAXDESK_BENCH_T0=repr(time.time()),
               VAXDESK_SETTINGS_FILE=str(tmp_path / "s.ini"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.window_startup", "--db", str(station_db), "--json"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    seconds = json.loads(done.stdout.strip().splitlines()[-1])["startup_to_login_s"]
    assert 0 < seconds < 10
