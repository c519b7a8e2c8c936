"""station_rss_mb (a station process on the demo-shaped 200,000-person store, with its audit and outbox
rows, the queue page open) and the simulated day of 500 persons: day_500_persons_s (wall time),
day_500_waste_pct (doses discarded of those taken out of stock) and day_500_waiting_p90_min (from the queue)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.population import PASSPHRASE, WORKDIR, demo_center


def station_rss(quick: bool) -> dict[str, Any]:
    center = demo_center(200_000)
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen", VAXDESK_LOG_DIR=str(WORKDIR),
               VAXDESK_SETTINGS_FILE=str(WORKDIR / "settings.ini"))
    out = subprocess.run([sys.executable, "-m", "benchmarks.window_rss", "--db", str(center.db), "--login", "nurse",
                          "--pin", "1357", "--search", center.most_frequent],
                         capture_output=True, text=True, env=env, timeout=300, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def day_500(quick: bool) -> dict[str, Any]:
    from app.simulation import simulate_day

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = simulate_day(Path(tmp) / "day.db", PASSPHRASE, persons=500, offline=True, seed=1)
        seconds = time.perf_counter() - t0
    return {"day_500_persons_s": round(seconds, 1),
            "day_500_waste_pct": report["waste_pct"],
            "day_500_waiting_p90_min": report["waiting_p90_min"],
            "day_500_waiting_median_min": report["waiting_median_min"],
            "day_500_vaccinated": report["vaccinated"], "day_500_certificates": report["certificates_issued"],
            "day_500_floor": f"{report['desks']} desks, {report['booths']} booths, {report['vials_opened']} vials "
                             f"opened ({report['end_of_day_prompts']} after asking), {report['doses_wasted']} doses "
                             "discarded"}
