"""station_rss_mb (a station process on 200,000 persons with the queue page open) and
day_500_persons_s (the simulated day of 500 persons, wall time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.population import WORKDIR, shared_center

PASSPHRASE = "benchmark passphrase"


def station_rss(quick: bool) -> dict[str, Any]:
    db, _, _ = shared_center(WORKDIR, PASSPHRASE)
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen", VAXDESK_LOG_DIR=str(WORKDIR),
               VAXDESK_SETTINGS_FILE=str(WORKDIR / "settings.ini"))
    out = subprocess.run([sys.executable, "-m", "app.ui.bench_rss", "--db", str(db), "--login", "nurse",
                          "--pin", "1357"], capture_output=True, text=True, env=env, timeout=300, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def day_500(quick: bool) -> dict[str, Any]:
    from app.services.simulation import simulate_day

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = simulate_day(Path(tmp) / "day.db", PASSPHRASE, persons=500, offline=True, seed=1)
        seconds = time.perf_counter() - t0
    return {"day_500_persons_s": round(seconds, 1),
            "day_500_vaccinated": report["vaccinated"], "day_500_certificates": report["certificates_issued"]}
