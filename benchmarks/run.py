"""VaxDesk performance suite. Prints progress, then ONE JSON object of named metrics as its last line.

    python benchmarks/run.py           # full sizes
    python benchmarks/run.py --quick   # a few minutes on two cores (the first run builds the 1M store)
    python benchmarks/run.py --only sqlcipher_overhead_ratio
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.certificates import certificate_timings
from benchmarks.checkin import checkin_growth, checkin_lookups
from benchmarks.desk_keys import desk_keys
from benchmarks.release_day import release_day_figures
from benchmarks.results import result_figures
from benchmarks.startup import startup_to_login
from benchmarks.station import day_500, station_rss
from benchmarks.store import sqlcipher_overhead, sqlcipher_overhead_cold
from benchmarks.sync import sync_figures

Metric = Callable[[bool], dict[str, Any]]

# Each entry: the metric names it produces -> the function producing them.
SUITE: list[tuple[tuple[str, ...], Metric]] = [
    (("sqlcipher_overhead_ratio",), sqlcipher_overhead),
    (("sqlcipher_overhead_ratio_cold",), sqlcipher_overhead_cold),
    (("startup_to_login_s",), startup_to_login),
    (("demo_200k_s", "checkin_code_lookup_p95_ms", "checkin_name_search_p95_ms", "checkin_name_search_worst_ms"),
     checkin_lookups),
    (("checkin_name_search_p95_ms_1m",), checkin_growth),
    (("cert_issue_pdf_median_ms", "cert_verify_median_ms"), certificate_timings),
    (("station_rss_mb",), station_rss),
    (("day_500_persons_s", "day_500_waste_pct", "day_500_waiting_p90_min"), day_500),
    (("sync_pull_10k_s", "sync_push_1k_s", "sync_rebase_1k_pending_s", "booking_rps", "booking_rps_sql_bound", "booking_overbooked"), sync_figures),
    (("release_day_rps", "release_day_p99_ms", "release_day_overbooked", "health_rps", "release_day_rps_over_health_rps",
      "release_day_cpu_ms_per_request", "release_day_cpu_ms_per_request_sold_out",
      "release_day_cpu_ms_per_request_booking", "release_day_rps_2_instances"), release_day_figures),
    (("result_mail_render_ms", "results_page_open_ms"), result_figures),
    (("desk_keys_scan_to_queue",), desk_keys),
]


def machine() -> dict[str, Any]:
    import sqlalchemy
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.close()
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = None
    return {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlcipher": cipher,
        "sqlalchemy": sqlalchemy.__version__,
        "pyside6": qt,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer samples; a few minutes")
    parser.add_argument("--only", action="append", default=[], help="run only the metric(s) named")
    args = parser.parse_args()
    results: dict[str, Any] = {"quick": args.quick}
    started = time.perf_counter()
    for names, fn in SUITE:
        if args.only and not set(args.only) & set(names):
            continue
        t0 = time.perf_counter()
        print(f"running {', '.join(names)} …", file=sys.stderr, flush=True)
        results.update(fn(args.quick))
        print(f"  done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    results["suite_seconds"] = round(time.perf_counter() - started, 1)
    results.update(machine())
    print(json.dumps(results, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
