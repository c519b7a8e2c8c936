"""startup_to_login_s: a fresh process until the staff login page is on screen (offscreen Qt)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark passphrase"


def startup_to_login(quick: bool) -> dict[str, Any]:
    from app.services.demo import seed_center
    from app.storage.engine import create_store

    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "station.db"
        with create_store(db, PASSPHRASE, tenant="bench", site_code="bench") as store:
            seed_center(store, persons=200)
        env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen", VAXDESK_LOG_DIR=tmp)
        samples = []
        for _ in range(runs + 1):  # the first run warms the OS file cache and is dropped
            env["VAXDESK_BENCH_T0"] = repr(time.time())
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.window_startup", "--db", str(db)],
                capture_output=True, text=True, env=env, check=True, timeout=120,
            )
            samples.append(float(out.stdout.strip().splitlines()[-1]))
    return {"startup_to_login_s": round(statistics.median(samples[1:]), 3)}
