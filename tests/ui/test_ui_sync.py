"""Sync in the station window: the status bar in words, the background runner against a real
`vaxdesk-server` on loopback (syncs after a change, goes offline without blocking the GUI), the Sync
page (rejected changes, review tasks resolved with a note) and the question before ending a shift
with doses not yet on the server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from app.services.sync_state import SyncStatus as Figures
from app.services.unit_of_work import Change
from app.ui.sync_status import SyncStatus, sync_words
from tests.conftest import PASSPHRASE
from tests.ui.conftest import log_in

NOW = datetime(2025, 3, 12, 15, 0).astimezone()  # station time


def figures(**overrides: object) -> Figures:
    base: dict[str, object] = dict(
        enrolled=True, online=True, last_success_at=NOW.replace(hour=14, minute=32),
        last_attempt_at=NOW.replace(hour=14, minute=32), pending=0, rejected=0, unsynced_doses=0,
        open_review_tasks=0, clock_skew_s=0.4, last_error=None)
    base.update(overrides)
    return Figures(**base)  # type: ignore[arg-type]


# ---- the status bar slot, fed with figures ---------------------------------------------------


@pytest.fixture
def slot(qtbot, english) -> SyncStatus:  # type: ignore[no-untyped-def]
    widget = SyncStatus()
    qtbot.addWidget(widget)
    return widget


def test_online_says_when_it_last_synced_and_what_is_pending(slot: SyncStatus) -> None:
    words = slot.show_sync(figures(pending=3), now=NOW)
    assert slot.text == "Online · last sync 14:32 · 3 pending"
    assert words.tone == "good" and slot.dot.property("tone") == "good"
    slot.show_sync(figures(), now=NOW)
    assert slot.text == "Online · last sync 14:32 · all sent"


def test_offline_says_since_when_and_that_pending_work_is_safe(slot: SyncStatus) -> None:
    status = figures(online=False, pending=12, last_error="ServerUnreachable",
                     last_attempt_at=NOW.replace(hour=14, minute=50))
    words = slot.show_sync(status, offline_since=NOW.replace(hour=14, minute=5), now=NOW)
    assert slot.text == "Offline since 14:05 · 12 pending (safe on this station)"
    assert words.tone == "offline"
    assert "could not be reached" in slot.toolTip() and "14:32" in slot.toolTip()
    # Without the runner's memory the last attempt stands in for "since".
    assert sync_words(status, now=NOW).text.startswith("Offline since 14:50")


def test_rejected_and_review_tasks_point_to_the_sync_page(slot: SyncStatus) -> None:
    words = slot.show_sync(figures(rejected=2), now=NOW)
    assert slot.text == "Online · last sync 14:32 · all sent · 2 rejected — see Sync page"
    assert words.tone == "problem" and not slot.attention.isHidden()
    slot.show_sync(figures(rejected=2, open_review_tasks=1), now=NOW)
    assert slot.text.endswith("2 rejected, 1 to review — see Sync page")


def test_not_enrolled_says_so(slot: SyncStatus) -> None:
    words = slot.show_sync(figures(enrolled=False, online=False, last_success_at=None, last_attempt_at=None,
                                   clock_skew_s=None), now=NOW)
    assert slot.text == "Not enrolled with a server"
    assert words.tone == "off" and slot.attention.isHidden() and slot.skew.isHidden()


def test_a_wrong_station_clock_is_said_in_minutes(slot: SyncStatus) -> None:
    slot.show_sync(figures(clock_skew_s=-300.0), now=NOW)
    assert slot.text.endswith("· Station clock is 5 min off — ask the admin")
    slot.show_sync(figures(clock_skew_s=90.0), now=NOW)  # within two minutes: no warning
    assert slot.skew.isHidden() and "clock" not in slot.text


def test_a_refused_device_token_says_enroll_again(slot: SyncStatus) -> None:
    words = slot.show_sync(figures(online=False, last_error="DeviceRejected"), now=NOW)
    assert words.tone == "problem"
    assert slot.text.startswith("Server refused this station — enroll again")
    assert "enroll it again" in slot.toolTip()


def test_an_older_sync_shows_the_date(slot: SyncStatus) -> None:
    slot.show_sync(figures(last_success_at=NOW - timedelta(days=2)), now=NOW)
    assert f"last sync {(NOW - timedelta(days=2)).strftime('%Y-%m-%d')} 15:00" in slot.text


# ---- the window: not enrolled, the Sync page -------------------------------------------------


def test_a_station_without_server_says_not_enrolled_and_the_page_explains_enrolling(
        qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: unlocked.sync_status.words is not None, timeout=10000)
    assert unlocked.sync_status.text.startswith("Not enrolled with a server")
    log_in(qtbot, unlocked, "nurse")
    assert "sync" in unlocked.shell.page_names
    qtbot.mouseClick(unlocked.sync_status, Qt.MouseButton.LeftButton)
    page = unlocked.shell.current_page
    assert page is not None and page.name == "sync"
    qtbot.waitUntil(lambda: page.lists is not None, timeout=10000)
    assert "vaxdesk enroll --db" in page.detail_label.text() and str(unlocked.station.services.store.path) in \
        page.detail_label.text()
    assert page.sync_button.isHidden()


def test_sync_page_lists_a_rejected_change_and_resolves_a_review_task_with_a_note(
        qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    from app.station.demo_states import rejected_booking as screenshot_fixture_rejected_mutation
    from app.storage.schema import AuditLog, ReviewTask

    store = unlocked.station.services.store
    assert screenshot_fixture_rejected_mutation(store) is not None
    task_id = str(uuid.uuid4())
    with store.write() as session:
        session.add(ReviewTask(id=task_id, kind="person_conflict", entity="person", entity_id="p-1",
                               details={"fields": {"family_name": {"server": "Maier", "station": "Meier",
                                                                  "base": "Mayer"}}},
                               created_at=datetime.now(UTC)))
    log_in(qtbot, unlocked, "nurse")
    page = unlocked.shell.show_page("sync")
    qtbot.waitUntil(lambda: page.lists is not None and page.review_model.rowCount() == 1, timeout=10000)

    assert page.rejected_model.rowCount() == 1
    assert page.rejected_model.index(0, 1).data() == "Booking"
    assert "already full" in page.rejected_model.index(0, 2).data()
    assert page.rebook_model.rowCount() == 1  # the refused booking: a person to call
    assert page.tabs.tabText(0) == "Rejected (1)"
    details = page.review_model.index(0, 2).data()
    assert "Family name" in details and "Maier" in details and "Meier" in details

    page.review_table.selectRow(0)
    assert not page.resolve_button.isEnabled()  # a note is required
    assert page.resolve_selected() is None and page.messages.isVisible()
    qtbot.keyClicks(page.resolve_note, "Called the person: Meier is right")
    assert page.resolve_button.isEnabled()
    with qtbot.waitSignal(unlocked.shell.context.changes.changes_applied, timeout=10000):
        page.resolve_button.click()
    qtbot.waitUntil(lambda: page.review_model.rowCount() == 0, timeout=10000)
    assert page.tabs.tabText(1) == "To review (0)"
    with store.read() as session:
        from sqlalchemy import select

        assert session.get(ReviewTask, task_id).resolved_at is not None
        assert session.scalars(select(AuditLog).where(AuditLog.action == "review_task.resolved")).first()


# ---- against a real server on loopback ---------------------------------------------------------


@pytest.fixture
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.integration.sync_support import start_server

    proc = start_server(tmp_path_factory.mktemp("server"))
    yield proc
    proc.stop()


@pytest.fixture
def enrolled_db(station_db: Path, server) -> Path:  # type: ignore[no-untyped-def]
    """The seeded UI station enrolled with a fresh tenant on the loopback server."""
    from app.storage.engine import open_store
    from sync.station.engine import enroll
    from tests.integration.sync_support import enrollment_code, new_tenant

    with open_store(station_db, PASSPHRASE) as store:
        tenant, site = store.identity.tenant, _site_code(store)
        new_tenant(server, tenant)
        enroll(store, server_url=server.url, code=enrollment_code(server, tenant, site))
    return station_db


def _site_code(store) -> str:  # type: ignore[no-untyped-def]
    from app.storage.schema import Site

    with store.read() as session:
        return str(session.get(Site, store.identity.site_id).code)


def _dose(window) -> None:  # type: ignore[no-untyped-def]
    """A dose recorded on this station (as the doctor's page would), announced on the change hub."""
    from tests.integration.sync_support import add_person, external_dose

    store = window.station.services.store
    person = add_person(store, "Sync" + uuid.uuid4().hex[:6].translate(str.maketrans("0123456789", "abcdefghij")),
                        "Erika")
    vaccination = external_dose(store, person)
    window.shell.context.changes.publish([Change("vaccination", vaccination, "vaccination.external_recorded")])


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Replaces the modal question: clicks `answer["button"]` and records what was asked."""
    asked: dict[str, object] = {"button": QMessageBox.StandardButton.Cancel, "texts": []}

    def exec_(box: QMessageBox) -> int:
        asked["texts"].append(box.text())  # type: ignore[union-attr]
        box.button(asked["button"]).click()  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_the_runner_syncs_in_the_background_then_goes_offline_without_blocking(
        answer, qtbot, make_window, enrolled_db, server) -> None:  # type: ignore[no-untyped-def]
    from tests.integration.sync_support import server_stats

    window = make_window(enrolled_db)
    with qtbot.waitSignal(window.login_shown, timeout=10000):
        window.unlock_page.unlock(PASSPHRASE)
    runner = window.sync_runner
    assert runner is not None
    # The first round starts at unlock and sends the seeded center's work.
    qtbot.waitUntil(lambda: runner.status is not None and runner.status.online and runner.status.pending == 0
                    and not runner.running, timeout=30000)
    assert window.sync_status.text.startswith("Online · last sync ")
    assert window.sync_status.text.endswith("all sent")

    log_in(qtbot, window, "nurse")
    runner.debounce.setInterval(50)
    before = server_stats(server, window.station.services.store.identity.tenant)["vaccinations"]
    with qtbot.waitSignal(runner.round_finished, timeout=30000):
        _dose(window)  # the change hub pokes the runner; the round follows the debounce
    qtbot.waitUntil(lambda: runner.status.pending == 0 and runner.status.unsynced_doses == 0, timeout=30000)
    assert server_stats(server, window.station.services.store.identity.tenant)["vaccinations"] == before + 1
    assert window.sync_status.text.endswith("all sent")
    assert answer["texts"] == []

    # The Sync page's "Sync now" while online.
    page = window.shell.show_page("sync")
    qtbot.waitUntil(lambda: page.lists is not None and page.lists.status.enrolled, timeout=10000)
    assert page.sync_button.isVisible()
    with qtbot.waitSignal(runner.round_finished, timeout=30000) as finished:
        page.sync_button.click()
    assert finished.args[0].error is None and finished.args[0].report is not None

    # The server goes away: the next round fails in the background; the GUI keeps running meanwhile.
    server.stop()
    assert runner.sync_now() and runner.running
    tick = QTimer(window)
    tick.setSingleShot(True)
    with qtbot.waitSignal(tick.timeout, timeout=2000):
        tick.start(20)
    assert runner.running  # the round is still retrying, and the event loop delivered the timer
    with qtbot.waitSignal(runner.round_finished, timeout=30000) as finished:
        pass
    assert finished.args[0].error == "ServerUnreachable"
    assert window.sync_status.text.startswith("Offline since ")
    assert "could not be reached" in window.sync_status.toolTip()
    assert not window.findChildren(QMessageBox)  # an error is the status, never a dialog

    # Ending the shift with a dose not yet on the server asks first, both ways.
    runner.debounce.setInterval(60000)
    _dose(window)
    qtbot.waitUntil(lambda: runner.status.unsynced_doses == 1, timeout=10000)
    assert window.sync_status.text.startswith("Offline since ")
    assert "2 pending (safe on this station)" in window.sync_status.text  # the person and the dose
    answer["button"] = QMessageBox.StandardButton.Cancel
    window.shell.header.lock_button.click()
    assert window.stage == "shell"
    assert answer["texts"] == ["1 dose is not yet on the server. Lock anyway?\n\n"
                               "They stay safe on this station and sync later."]
    answer["button"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(window.locked, timeout=5000):
        window.shell.header.lock_button.click()
    assert window.stage == "login" and len(answer["texts"]) == 2

    # Closing asks too; "Stay" keeps the window open.
    answer["button"] = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible() and "Close anyway?" in answer["texts"][-1]
    answer["button"] = QMessageBox.StandardButton.Yes
    assert window.close()
    assert not runner.sync_now()  # stopped with the window: no round touches the store any more


def test_the_inactivity_lock_never_asks(answer, qtbot, make_window, enrolled_db) -> None:  # type: ignore[no-untyped-def]
    from app.ui import settings as ui_settings

    window = make_window(enrolled_db)
    with qtbot.waitSignal(window.login_shown, timeout=10000):
        window.unlock_page.unlock(PASSPHRASE)
    log_in(qtbot, window, "nurse")
    runner = window.sync_runner
    qtbot.waitUntil(lambda: runner.status is not None and not runner.running, timeout=30000)
    runner.stop()  # keep the dose below unsynced
    _dose(window)
    from app.services.sync_state import sync_status

    runner.status = sync_status(window.station.services.store)
    assert window.unsynced_doses() == 1
    ui_settings.AUTO_LOCK_SECONDS.set(window.settings, 0.2)
    window.inactivity.set_timeout(0.2)
    window.inactivity.start()
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert answer["texts"] == []
    answer["button"] = QMessageBox.StandardButton.Yes  # the teardown closes the window


def test_sync_page_shows_changes_it_could_not_apply_and_merges_a_duplicate_person(
        qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    from app.services.persons import PersonInput, add_person
    from app.services.unit_of_work import Actor, UnitOfWork
    from app.storage.schema import Person, ReviewTask, SyncQuarantine

    store = unlocked.station.services.store
    with UnitOfWork(store, Actor.system()) as uow:
        first = add_person(uow, PersonInput(family_name="Yilmaz", given_name="Ece", dob="1990-01-02")).id
        second = add_person(uow, PersonInput(family_name="Yılmaz", given_name="Ece", dob="1990-01-02")).id
    task_id = str(uuid.uuid4())
    with store.write() as session:
        session.add(SyncQuarantine(seq=41, kind="vial.put", entity_id="v-1", payload={"id": "v-1"},
                                   reason_code="unknown_field", at=datetime.now(UTC)))
        session.add(ReviewTask(id=task_id, kind="possible_duplicate_person", entity="person", entity_id=second,
                               details={"other_person_id": first}, created_at=datetime.now(UTC)))
    log_in(qtbot, unlocked, "nurse")
    page = unlocked.shell.show_page("sync")
    qtbot.waitUntil(lambda: page.lists is not None and page.quarantine_model.rowCount() == 1, timeout=10000)
    assert page.tabs.tabText(3) == "Not applied (1)"
    assert page.quarantine_model.index(0, 1).data() == "Vial"
    assert "does not know" in page.quarantine_model.index(0, 2).data()

    page.tabs.setCurrentIndex(1)
    assert not page.merge_button.isVisibleTo(page)  # nothing selected yet
    page.review_table.selectRow(0)
    assert page.merge_button.isVisibleTo(page)
    assert "same name and date of birth" in page.review_model.index(0, 2).data()
    with qtbot.waitSignal(unlocked.shell.context.changes.changes_applied, timeout=10000):
        page.merge_button.click()
    qtbot.waitUntil(lambda: page.review_model.rowCount() == 0, timeout=10000)
    with store.read() as session:
        assert session.get(Person, second).deleted_at is not None  # the second registration is a tombstone
        assert session.get(Person, first).deleted_at is None
        assert session.get(ReviewTask, task_id).resolved_at is not None
