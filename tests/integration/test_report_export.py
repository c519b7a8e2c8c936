"""The daily report and the authority export over a simulated day on a real store."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest

from app.services.authority_export import export_rows, load_format, write_authority_export
from app.services.report import age_group, age_on, daily_report, report_csv, report_pdf
from app.services.unit_of_work import Actor
from app.simulation import simulate_day
from app.storage.engine import open_store
from tests.conftest import PASSPHRASE

DAY = date(2030, 3, 4)
ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")


@pytest.fixture(scope="module")
def day_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    db = tmp_path_factory.mktemp("day") / "day.db"
    figures = simulate_day(db, PASSPHRASE, persons=40, offline=True, seed=11, day=DAY)
    return db, figures


def test_report_figures_match_the_day(day_db: tuple[Path, dict[str, object]]) -> None:
    db, figures = day_db
    with open_store(db, PASSPHRASE) as store:
        report = daily_report(store, ADMIN, DAY)
    assert report.total_doses == figures["vaccinated"]
    assert report.no_shows == figures["no_shows"]
    assert sum(n for _, _, n in report.waste) == figures["doses_wasted"]
    assert sum(report.age_groups.values()) == report.total_doses
    assert sum(report.doses_per_hour.values()) == report.total_doses
    assert sum(n for _, _, n in report.doses_by_lot) == report.total_doses
    assert len(report.adverse_events) >= 1
    assert report.waiting_median_min is not None and report.waiting_median_min >= 0
    rows = list(csv.reader(io.StringIO(report_csv(report)), delimiter=";"))
    assert ["doses", "total", "", str(report.total_doses)] in rows
    pdf = pdfium.PdfDocument(report_pdf(report))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert f"Doses given: {report.total_doses}" in text and "Doses per hour" in text


def test_a_day_without_data_says_so(day_db: tuple[Path, dict[str, object]]) -> None:
    db, _ = day_db
    with open_store(db, PASSPHRASE) as store:
        report = daily_report(store, ADMIN, date(2031, 1, 1))
    assert report.empty and report.total_doses == 0 and report.waiting_median_min is None
    assert report_pdf(report).startswith(b"%PDF")


def test_authority_export_is_pseudonymised_and_complete(day_db: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    db, figures = day_db
    out = tmp_path / "export.csv"
    with open_store(db, PASSPHRASE) as store:
        n = write_authority_export(store, ADMIN, DAY, out)
        again = export_rows(store, ADMIN, DAY)
        from sqlalchemy import select

        from app.storage.schema import Person

        with store.read() as session:
            names = set(session.scalars(select(Person.family_name)))
    assert n == figures["vaccinated"]
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == n
    assert set(rows[0]) == {c["header"] for c in load_format("de").columns}
    assert {r["impfserie"] for r in rows} <= {"1", "2", "3"} and {r["geschlecht"] for r in rows} <= set("wmdu")
    text = out.read_text(encoding="utf-8")
    assert not any(name in text for name in names if len(name) > 3)
    # The same person keeps the same pseudonym from one export to the next.
    assert [r["pseudonym"] for r in again] == [r["pseudonym"] for r in rows]


def test_export_command_with_and_without_data(day_db: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    db, _ = day_db
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                              timeout=120)

    empty = run("export", "authority", "--db", str(db), "--date", "2031-01-01", "--out", str(tmp_path / "e.csv"))
    assert empty.returncode == 0 and "only the header" in empty.stdout
    assert len((tmp_path / "e.csv").read_text().splitlines()) == 1
    report = run("report", "daily", "--db", str(db), "--date", DAY.isoformat(), "--csv", str(tmp_path / "r.csv"),
                 "--pdf", str(tmp_path / "r.pdf"))
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "r.csv").exists()
    bad = run("report", "daily", "--db", str(db), "--date", "27.11.2026")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    unknown = run("export", "authority", "--db", str(db), "--date", "2030-03-04", "--out", str(tmp_path / "x.csv"),
                  "--format", "xx")
    assert unknown.returncode == 9 and "No export format" in unknown.stderr


@pytest.mark.parametrize(("dob", "on", "age", "group"), [
    ("2000-02-29", date(2018, 2, 28), 17, "12–17"), ("2000-02-29", date(2018, 3, 1), 18, "18–59"),
    ("1966", date(2026, 1, 1), 60, "60+"), ("2019-06", date(2026, 5, 31), 6, "0–11"),
])
def test_age_groups_at_the_birthday(dob: str, on: date, age: int, group: str) -> None:
    assert age_on(dob, on) == age and age_group(age) == group


def test_the_day_has_one_dose_count_everywhere(day_db: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    """The simulated day's booths, the daily report, the authority export, `vaxdesk stats` and the stock
    figures count the same doses — and the dose a screenshot fixture adds is counted by all of them."""
    import json
    import shutil

    from app.services.stats import station_stats
    from app.station.demo_states import dose_for_certificate as screenshot_fixture_dose

    db, figures = day_db
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    shutil.copy(f"{db}.key", f"{copy}.key")

    def counts(path: Path) -> tuple[int, ...]:
        with open_store(path, PASSPHRASE) as store:
            stats = station_stats(store)
            return (daily_report(store, ADMIN, DAY).total_doses, len(export_rows(store, ADMIN, DAY)), stats["vaccinations"],
                    sum(f["administered"] for f in stats["stock"].values()))

    booths = figures["doses_recorded_by_booths"]
    assert figures["vaccinated"] == booths and isinstance(booths, int) and booths > 30
    assert counts(db) == (booths,) * 4
    # The one dose given elsewhere (the too-early person's vaccination card) is not work done here.
    out = subprocess.run([sys.executable, "-m", "app", "stats", "--db", str(db), "--json"], capture_output=True,
                         text=True, env=dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE), check=True)
    stats = json.loads(out.stdout.strip().splitlines()[-1])
    assert (stats["vaccinations"], stats["external_vaccinations"]) == (booths, 1)
    # A screenshot of the certificate desk records its demo dose like a booth: every count moves by one.
    late = datetime.combine(DAY, time(18, 45), tzinfo=ZoneInfo("Europe/Berlin"))
    with open_store(copy, PASSPHRASE) as store:
        screenshot_fixture_dose(store, ADMIN, clock=lambda: late)
    assert counts(copy) == (booths + 1,) * 4
