"""desk_keys_scan_to_queue: keys on the desk's keyboard-only path, counted by driving the real window
(offscreen) in a fresh process: scan → identity → consent → questions → queue. Target ≤ 15."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark passphrase"


def desk_keys(quick: bool) -> dict[str, Any]:
    from app.services.demo import seed_center
    from app.storage.engine import create_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "station.db"
        with create_store(db, PASSPHRASE, tenant="bench", site_code="bench") as store:
            seed_center(store, persons=5)
        env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen", VAXDESK_LOG_DIR=tmp,
                   VAXDESK_SETTINGS_FILE=str(Path(tmp) / "settings.ini"))
        out = subprocess.run([sys.executable, "-m", "benchmarks.window_desk_keys", "--db", str(db), "--json"],
                             capture_output=True, text=True, env=env, check=True, timeout=120)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))
