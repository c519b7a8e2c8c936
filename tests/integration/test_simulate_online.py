"""`vaxdesk simulate-day` online: a real server process, two SQLCipher stations, an outage, convergence."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from app.storage.engine import open_store
from tests.conftest import PASSPHRASE
from tests.integration.sync_support import station_view
from tests.integration.test_cli import last_json, vaxdesk


def test_online_day_converges_after_an_outage(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    result = vaxdesk("simulate-day", "--db", str(db), "--persons", "40", "--seed", "3", "--json")
    assert result.returncode == 0, result.stderr[-3000:]
    report = last_json(result.stdout)
    assert report["offline"] is False and report["stations"] == 2
    assert report["converged"] is True and report["pending_mutations"] == 0
    assert report["online_bookings"] > 0 and report["persons"] == 40  # type: ignore[operator]
    assert report["outage_minutes"] > 0 and report["sync_failures_during_outage"] > 0  # type: ignore[operator]
    assert report["sync_rounds"] > 4  # type: ignore[operator]
    assert report["vaccinated"] > 0 and report["certificates_rendered"] == report["certificates_issued"]  # type: ignore[operator]
    assert report["certificates_issued"] == report["vaccinated"]
    assert report["adverse_events"] == 1
    assert report["overbooked_slots"] == 0 and report["follow_ups_outside_window"] == 0
    assert report["duplicates_prevented"] >= 2  # type: ignore[operator]  # the same person at both desks
    by_product, by_lot = report["doses_by_product"], report["doses_by_lot"]
    assert isinstance(by_product, dict) and isinstance(by_lot, dict)
    assert sum(by_product.values()) == sum(by_lot.values()) == report["vaccinated"]
    assert len(list((tmp_path / "day.db.certificates").glob("*.pdf"))) == report["certificates_rendered"]
    # The testers of both lanes: every test read; the results asked for by mail were sealed and queued by the
    # tenant API (no mail server in the simulation), and both stations know it.
    assert report["tests_taken"] == report["testers"] == round(40 * 0.15)
    assert report["test_results_entered"] == report["tests_taken"]
    assert report["test_certificates"] == report["test_certificates_issued"]
    with open_store(tmp_path / "day-station2.db", PASSPHRASE) as store:
        from sqlalchemy import select

        from app.storage.schema import CovidTest

        with store.read() as session:
            tests = session.execute(select(CovidTest.result, CovidTest.mail_result, CovidTest.mail_state)).all()
    assert len(tests) == report["tests_taken"] and all(result is not None for result, _, _ in tests)
    assert report["results_mailed"] == sum(wanted for _, wanted, _ in tests) > 0
    assert all(state == "queued" for _, wanted, state in tests if wanted)

    # The server's figures are the union of what the stations hold, each record once.
    views = []
    for path in (db, tmp_path / "day-station2.db"):
        with open_store(path, PASSPHRASE) as store:
            views.append(station_view(store))
    for key, server_key in (("persons", "server_persons"), ("appointments", "server_appointments"),
                            ("vaccinations", "server_vaccinations")):
        union = set(views[0][key]) | set(views[1][key])  # type: ignore[call-overload]
        assert report[server_key] == len(union), key
        assert views[0][key] == views[1][key], key
    with open_store(tmp_path / "day-station2.db", PASSPHRASE) as store:
        from sqlalchemy import func, select

        from app.storage.schema import AdverseEvent

        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(AdverseEvent)) == 1  # synced across

    # No server is left behind: its port is closed and its process gone.
    stats = json.loads(vaxdesk_server_stats(tmp_path / "day.db.server"))
    assert stats["persons"] == report["server_persons"]
    assert not _server_processes(tmp_path / "day.db.server")
    url = report["server_url"]
    assert isinstance(url, str) and url.startswith("http://127.0.0.1:")
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", int(url.rsplit(":", 1)[1]))) != 0


def vaxdesk_server_stats(data_dir: Path) -> str:
    out = subprocess.run([sys.executable, "-m", "sync.server.cli", "stats", "--data-dir", str(data_dir), "--tenant",
                          "simulation", "--json"], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def _server_processes(data_dir: Path) -> list[int]:
    """Pids of server processes serving this data dir (Linux /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if str(data_dir).encode() in args and b"sync.server.cli" in args and b"--port" in args:
            found.append(int(cmdline.parent.name))
    return found
