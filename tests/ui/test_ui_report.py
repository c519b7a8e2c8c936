"""The daily report page on a simulated day (real SQLCipher store): figures, charts, PDF and CSV."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from tests.conftest import PASSPHRASE
from tests.ui.conftest import log_in


@pytest.fixture(scope="module")
def simulated_day(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A whole day at a small center (check-in, doctors, waste, certificates), today."""
    from app.simulation import simulate_day

    db = tmp_path_factory.mktemp("simulated") / "station.db"
    figures = simulate_day(db, PASSPHRASE, persons=6, offline=True, seed=5)  # today at the site
    return db, figures


@pytest.fixture
def report_page(qtbot, make_window, simulated_day):  # type: ignore[no-untyped-def]
    db, _ = simulated_day
    window = make_window(db)
    with qtbot.waitSignal(window.login_shown, timeout=10000):
        window.unlock_page.unlock(PASSPHRASE)
    log_in(qtbot, window, "admin")
    page = window.shell.show_page("report")
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)
    return page


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake_dialog(parent, caption, suggested, file_filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    return asked


def test_report_shows_the_days_figures(report_page, simulated_day) -> None:  # type: ignore[no-untyped-def]
    _, figures = simulated_day
    page = report_page
    given = figures["vaccinated"]
    assert given > 0
    assert page.tiles["doses"].value.text() == str(given)
    assert page.tiles["certificates"].value.text() == str(figures["certificates_issued"])
    assert page.tiles["wasted"].value.text() == str(sum(n for _, _, n in page.report.waste))
    assert not page.empty_note.isVisible()
    # The tables and the chart add up to the same doses.
    assert sum(row[-1] for row in page.tables["lot"].model.rows()) == given
    assert sum(row[-1] for row in page.tables["product"].model.rows()) == given
    assert sum(page.hour_chart.values) == given
    assert not page.hour_chart.empty
    # Stock per product is drawn, one bar per product of the catalogue.
    assert page.stock_chart.labels == [row[0] for row in page.tables["stock"].model.rows()]
    assert page.csv_button.isEnabled() and page.pdf_button.isEnabled()


def test_save_pdf(qtbot, report_page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out" / "tagesbericht"
    target.parent.mkdir()
    asked = _save_as(monkeypatch, target)
    op = report_page.save_pdf()
    with qtbot.waitSignal(op.finished, timeout=15000):
        pass
    saved = target.with_name("tagesbericht.pdf")  # the suffix is added when missing
    assert saved.read_bytes().startswith(b"%PDF")
    assert asked[0].endswith(f"vaxdesk-report-{report_page.report.day.isoformat()}.pdf")
    assert report_page.messages.kind == "info"
    assert str(saved) in report_page.messages.text()


def test_save_csv(qtbot, report_page, simulated_day, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, figures = simulated_day
    target = tmp_path / "report.csv"
    _save_as(monkeypatch, target)
    op = report_page.save_csv()
    with qtbot.waitSignal(op.finished, timeout=15000):
        pass
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("section;key;detail;value\n")
    assert f"doses;total;;{figures['vaccinated']}\n" in text


def test_cancelled_dialog_saves_nothing(report_page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert report_page.save_pdf() is None
    assert not report_page.messages.isVisible()


def test_unwritable_folder_says_so(qtbot, report_page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _save_as(monkeypatch, tmp_path / "no such folder" / "report.csv")
    op = report_page.save_csv()
    with qtbot.waitSignal(op.finished, timeout=15000):
        pass
    assert report_page.messages.kind == "error"
    assert "Could not save" in report_page.messages.text()


def test_a_day_without_data_says_so(qtbot, report_page) -> None:  # type: ignore[no-untyped-def]
    quiet = date.today() - timedelta(days=40)
    report_page.day_edit.setDate(QDate(quiet))
    qtbot.waitUntil(lambda: report_page.report.day == quiet, timeout=10000)
    assert report_page.report.empty
    assert report_page.empty_note.isVisible()
    assert "Nothing was recorded" in report_page.empty_note.text()
    assert report_page.tiles["doses"].value.text() == "0"
    assert report_page.hour_chart.empty
    assert report_page.tables["lot"].empty.isVisible()
    # The stock is still there to see, and the (empty) report can still be saved for the files.
    assert not report_page.stock_chart.empty
    assert report_page.pdf_button.isEnabled()


def test_bar_chart_draws_bars_and_the_empty_sentence(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    from app.ui.report_chart import BAR, BarChart

    chart = BarChart("Doses per hour", empty_text="No doses on this day.")
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.set_data(["08", "09"], [0, 0])
    assert chart.empty
    blank = chart.grab().toImage()
    chart.set_data(["08", "09"], [3, 6])
    assert not chart.empty
    assert chart.accessibleDescription() == "08: 3, 09: 6"
    image = chart.grab().toImage()
    assert image != blank
    bar_pixels = sum(1 for x in range(0, 400, 4) for y in range(0, 240, 4)
                     if QColor(image.pixel(x, y)) == BAR)
    assert bar_pixels > 50


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])  # at any hour, one of them is on another date than UTC
def test_the_report_opens_on_today_at_the_site_when_the_machine_is_on_another_date(qtbot, unlocked, zone: str) -> None:  # type: ignore[no-untyped-def]
    """The desk PC's date is not the site's (another zone, or the hour around midnight): the report opens on
    the site's today with the dose just given counted, and "Today" comes back to it."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.storage.schema import Site
    from tests.ui.test_ui_certificates import _dose

    store = unlocked.station.services.store
    _dose(store)  # given here, just now
    with store.write() as session:
        session.get(Site, store.identity.site_id).timezone = zone
    log_in(qtbot, unlocked, "admin")
    page = unlocked.shell.show_page("report")
    today = datetime.now(ZoneInfo(zone)).date()
    qtbot.waitUntil(lambda: page.report is not None and page.report.day == today, timeout=10000)
    assert page.day == today and page.tiles["doses"].value.text() == "1"
    page.day_edit.setDate(QDate(today - timedelta(days=3)))
    qtbot.waitUntil(lambda: page.report.day == today - timedelta(days=3), timeout=10000)
    assert page.tiles["doses"].value.text() == "0"
    page.today_button.click()
    qtbot.waitUntil(lambda: page.report.day == today and page.day == today, timeout=10000)
    assert page.tiles["doses"].value.text() == "1"
