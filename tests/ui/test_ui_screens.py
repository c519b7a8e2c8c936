"""Screenshots, translations and settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QImage

from app.ui import i18n_tool
from app.ui.app import create_application
from app.ui.pages import PAGES
from app.ui.settings import AUTO_LOCK_SECONDS, open_settings
from tests.conftest import PASSPHRASE

# Every page, plus the states the issues name (walk-in duplicate, slip, certificate review and PDF).
EXPECTED = ("unlock", "login", "home", "checkin", "walkin_duplicate", "queue", "testing", "doctor", "lots", "schedule", "slip",
            "certificates", "certificate_review", "certificate_issued", "certificate_pdf", "verify", "report", "audit",
            "staff", "sync",
            # issue 14: the visit steps and an unfinished check-in, ending observation early, the booth
            # opening a scanned vial and its hard stop, the locked station's observation board
            "checkin_steps", "checkin_unfinished", "queue_early_end", "doctor_open_vial", "doctor_stop", "locked")


def test_screenshots_writes_every_page(qtbot, qapp, station_db: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.screenshots import render_all

    monkeypatch.setenv("VAXDESK_PASSPHRASE", PASSPHRASE)
    try:
        written = render_all(station_db, tmp_path / "shots", language="de")
    finally:
        create_application([], language="en")
        qtbot.waitUntil(lambda: __import__("app.ui.tasks").ui.tasks.workers().pending == 0)
    assert sorted(p.stem for p in written) == sorted(EXPECTED)
    for name in EXPECTED:
        image = QImage(str(tmp_path / "shots" / f"{name}.png"))
        if name == "certificate_pdf":  # the printed page itself, A4 at 150 dpi
            assert image.height() > image.width() > 1000
        else:
            assert (image.width(), image.height()) == (1366, 768), name


def test_screenshots_creates_a_demo_database(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.screenshots import DEMO_PASSPHRASE, ensure_demo_db

    monkeypatch.delenv("VAXDESK_PASSPHRASE", raising=False)
    db = tmp_path / "demo.db"
    assert ensure_demo_db(db) == DEMO_PASSPHRASE
    assert db.exists() and db.with_name("demo.db.key").exists()


def test_german_is_complete_and_loads(qapp) -> None:  # type: ignore[no-untyped-def]
    assert i18n_tool.unfinished("de") == []
    try:
        create_application([], language="de")
        titles = {p.name: p.translated_title for p in PAGES}
        assert titles["checkin"] == "Empfang"  # not to be confused with "Anmelden" (log in)
        assert titles["queue"] == "Warteschlange"
        assert titles["lots"] == "Impfstoff-Chargen"
        assert QCoreApplication.translate("Header", "Lock") == "Sperren"
    finally:
        create_application([], language="en")
    assert PAGES[0].translated_title == "Check-in"


def test_every_placeholder_page_has_its_own_module(english) -> None:  # type: ignore[no-untyped-def]
    for spec in PAGES:
        cls = spec.load()
        assert cls.__module__ == f"app.ui.pages.{spec.name}"
        assert cls.name == spec.name


def test_typed_setting_defaults_and_round_trip(tmp_path: Path) -> None:
    settings = open_settings()
    assert AUTO_LOCK_SECONDS.get(settings) == 300.0
    AUTO_LOCK_SECONDS.set(settings, 12.5)
    settings.sync()
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert AUTO_LOCK_SECONDS.get(again) == 12.5
    again.setValue(AUTO_LOCK_SECONDS.key, "not a number")
    assert AUTO_LOCK_SECONDS.get(again) == 300.0
