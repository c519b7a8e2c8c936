"""The `vaxdesk` command as an admin or a script uses it: real processes, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.cli_support import vaxdesk as run_vaxdesk
from tests.conftest import PASSPHRASE

STATS_KEYS = {"persons", "appointments", "vaccinations", "certificates", "pending_mutations", "overbooked_slots", "stock"}


def vaxdesk(*args: str, passphrase: str | None = PASSPHRASE, **env: str) -> subprocess.CompletedProcess[str]:
    return run_vaxdesk(*args, passphrase=passphrase, env=env)


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0], result.stderr


def last_json(stdout: str) -> dict[str, object]:
    return json.loads(stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_version() -> None:
    result = vaxdesk("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_init_then_stats(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    result = vaxdesk("init", "--db", str(db), "--tenant", "kreis-musterstadt", "--site", "halle-3")
    assert result.returncode == 0, result.stderr
    assert db.exists() and Path(f"{db}.key").exists()
    stats = vaxdesk("stats", "--db", str(db), "--json")
    assert stats.returncode == 0, stats.stderr
    figures = last_json(stats.stdout)
    assert figures.keys() >= STATS_KEYS
    assert figures["persons"] == 0 and figures["pending_mutations"] == 0
    assert set(figures["stock"]) == {"comirnaty", "spikevax", "vaxzevria", "jcovden", "nuvaxovid"}  # type: ignore[arg-type]


def test_init_refuses_an_existing_file(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    db.write_bytes(b"precious")
    result = vaxdesk("init", "--db", str(db), "--tenant", "t", "--site", "s")
    assert_clean_failure(result, 8, "already exists")
    assert db.read_bytes() == b"precious"


def test_read_command_never_creates_a_database(tmp_path: Path) -> None:
    db = tmp_path / "nothing.db"
    result = vaxdesk("stats", "--db", str(db))
    assert_clean_failure(result, 4, "No station database")
    assert list(tmp_path.iterdir()) == []


def test_wrong_passphrase_exit_code(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    assert vaxdesk("init", "--db", str(db), "--tenant", "t", "--site", "s").returncode == 0
    assert_clean_failure(vaxdesk("stats", "--db", str(db), passphrase="wrong wrong wrong"), 3, "Wrong passphrase")


def test_no_passphrase_and_no_terminal(tmp_path: Path) -> None:
    result = vaxdesk("init", "--db", str(tmp_path / "s.db"), "--tenant", "t", "--site", "s", passphrase=None)
    assert_clean_failure(result, 2, "VAXDESK_PASSPHRASE")
    assert not (tmp_path / "s.db").exists()


def test_not_a_vaxdesk_database_and_corrupt_file(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    other.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    assert_clean_failure(vaxdesk("stats", "--db", str(other)), 5, "not a VaxDesk")
    db = tmp_path / "station.db"
    assert vaxdesk("init", "--db", str(db), "--tenant", "t", "--site", "s").returncode == 0
    raw = bytearray(db.read_bytes())
    raw[64:96] = bytes(32)
    db.write_bytes(bytes(raw))
    assert_clean_failure(vaxdesk("stats", "--db", str(db)), 6, "damaged")
    assert db.read_bytes() == bytes(raw)


def test_passwd_and_rekey(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    assert vaxdesk("init", "--db", str(db), "--tenant", "t", "--site", "s").returncode == 0
    result = vaxdesk("passwd", "--db", str(db), VAXDESK_NEW_PASSPHRASE="the new station secret")
    assert result.returncode == 0, result.stderr
    assert vaxdesk("stats", "--db", str(db)).returncode == 3
    assert vaxdesk("rekey", "--db", str(db), passphrase="the new station secret").returncode == 0
    assert vaxdesk("stats", "--db", str(db), "--json", passphrase="the new station secret").returncode == 0


def test_demo_seeds_a_center_and_prints_pins(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = vaxdesk("demo", "--db", str(db), "--persons", "30")
    assert result.returncode == 0, result.stderr
    for role in ("nurse", "doctor", "admin"):
        assert role in result.stdout
    assert "PIN" in result.stdout
    figures = last_json(vaxdesk("stats", "--db", str(db), "--json").stdout)
    assert figures["persons"] == 30 and figures["appointments"] == 30 and figures["overbooked_slots"] == 0
    stock = figures["stock"]
    assert isinstance(stock, dict) and all(v["received"] > 0 for v in stock.values())


def test_simulate_day_reports_persons(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    result = vaxdesk("simulate-day", "--db", str(db), "--persons", "25", "--offline", "--seed", "7", "--json")
    assert result.returncode == 0, result.stderr
    report = last_json(result.stdout)
    assert report["persons"] == 25 and report["overbooked_slots"] == 0
    assert report["offline"] is True and report["stations"] == 1 and report["converged"] is None
    # Every booking ends the day checked in or marked no-show; walk-ins come on top.
    assert report["checked_in"] + report["no_shows"] == 25  # type: ignore[operator]
    assert report["walk_ins"] >= 1 and report["duplicates_prevented"] >= 1  # type: ignore[operator]
    # The doctors vaccinate everyone who came except the one person for whom it is too early, and
    # both deliberate mistakes (a discarded vial, a dose too early) were refused once each.
    vaccinated = report["vaccinated"]
    assert isinstance(vaccinated, int)
    assert 0 < vaccinated <= report["checked_in"] + report["walk_ins"]  # type: ignore[operator]
    assert report["refused_unusable_vial"] == 1 and report["ineligible_refused"] == 1
    assert report["vials_opened"] >= -(-vaccinated // 10) + 1  # type: ignore[operator]
    stats = vaxdesk("stats", "--db", str(db), "--json")
    assert stats.returncode == 0, stats.stderr
    stock = last_json(stats.stdout)["stock"]
    assert isinstance(stock, dict)
    for product, f in stock.items():
        assert f["received"] == f["administered"] + f["wasted"] + f["remaining"], product
        assert f["remaining"] >= 0
    assert sum(f["administered"] for f in stock.values()) == vaccinated
    # The broken vial's six Comirnaty doses at least, and never more than was opened.
    assert 6 <= report["doses_wasted"] == sum(f["wasted"] for f in stock.values())  # type: ignore[operator]
    # Every first dose of a two-dose product got its follow-up or is counted as without capacity;
    # none was booked outside the product's window. Every dose given got a signed certificate.
    assert report["follow_ups_outside_window"] == 0
    assert report["follow_ups_booked"] + report["follow_ups_no_capacity"] == vaccinated  # type: ignore[operator]
    assert report["certificates_issued"] == vaccinated
    # A share of the day's persons came for a test: each one sampled and read (the one reading tried too early
    # was refused and read again later); offline, no result reached the tenant API to be mailed.
    figures = last_json(stats.stdout)
    assert report["tests_taken"] == report["testers"] == figures["tests"] == round(25 * 0.15)
    assert report["test_read_too_early_refused"] == 1 and report["test_results_entered"] == report["tests_taken"]
    assert 0 <= report["tests_positive"] == figures["tests_positive"] <= report["tests_taken"]  # type: ignore[operator]
    assert report["results_mailed"] == 0
    assert report["test_certificates"] == report["test_certificates_issued"] == figures["test_certificates"]
    assert figures["certificates"] == vaccinated + report["test_certificates"]  # type: ignore[operator]
    # The day happened in a fresh database: the same path twice is refused, not mixed.
    again = vaxdesk("simulate-day", "--db", str(db), "--persons", "5")
    assert_clean_failure(again, 8, "already exists")


@pytest.mark.parametrize("bad", ["-5", "lots", "99999999"])
def test_absurd_person_counts_are_usage_errors(tmp_path: Path, bad: str) -> None:
    result = vaxdesk("simulate-day", "--db", str(tmp_path / "x.db"), "--persons", bad)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_window_without_a_screen_explains_what_to_do(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "app", "--db", str(tmp_path / "s.db")], capture_output=True,
                            text=True, env=environment, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2 and "xvfb-run" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "s.db").exists()


@pytest.mark.parametrize("day", ["9999-12-31", "2201-01-01", "1899-12-31"])
def test_a_day_at_the_calendars_very_end_is_a_usage_error(tmp_path: Path, day: str) -> None:
    """Both command lines take the days VaxDesk works with, 1900 to 2200 (31.12.9999 was an OverflowError
    deep inside, and a year the sync records refuse was stored first and refused on the way out)."""
    import contextlib
    import io

    from sync.server.cli.main import main as server_main
    from tests.cli_support import vaxdesk_here

    station = vaxdesk_here("report", "daily", "--db", str(tmp_path / "s.db"), "--date", day)
    assert station.returncode == 2 and "a day from 1900-01-01 to 2200-12-31" in station.stderr
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as usage:
        server_main(["audit", "export", "--tenant", "t", "--from", "2026-12-01", "--to", day])
    assert usage.value.code == 2 and "a day from 1900-01-01 to 2200-12-31" in err.getvalue()
    assert not (tmp_path / "s.db").exists()
