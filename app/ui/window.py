"""The station's one top-level window: unlock → staff login → shell, and back to login on lock.

It owns who is logged in and the auto-lock; the status bar's sync slot lives here so it stays
visible on every screen. Locking never needs the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from app.station import UnlockedStation
from app.ui import settings as ui_settings
from app.ui.auto_lock import InactivityWatch
from app.ui.login import LoginPage
from app.ui.reasons import reason_text
from app.ui.sync_status import SyncStatus
from app.ui.unlock import UnlockPage

if TYPE_CHECKING:
    from app.services.sync_state import SyncStatus as SyncFigures
    from app.services.unit_of_work import Actor
    from app.station.sync_round import RoundOutcome
    from app.ui.kiosk import KioskGuard
    from app.ui.shell import Shell
    from app.ui.sync_runner import SyncRunner


# Room a window manager takes above the window (its title bar) on a typical Linux desktop.
TITLE_BAR = 32


def first_size(window: QWidget) -> tuple[int, int]:
    """1366x768 where the screen has room for it; on a 1366x768 screen the panel and the title bar
    take their share, so the whole window, frame included, stays on screen."""
    screen = window.screen()
    if screen is None:
        return 1366, 768 - TITLE_BAR
    room = screen.availableGeometry()
    return min(1366, room.width()), min(768, room.height() - TITLE_BAR)


class StationWindow(QMainWindow):
    login_shown = Signal()
    shell_shown = Signal()
    locked = Signal()

    def __init__(self, *, db_path: Path, settings: QSettings, kiosk: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationWindow")
        self.setWindowTitle("VaxDesk")
        self.settings = settings
        self.kiosk = kiosk
        self.station: UnlockedStation | None = None
        self.actor: Actor | None = None
        self.shell: Shell | None = None

        self.stack = QStackedWidget()
        self.unlock_page = UnlockPage(db_path)
        self.unlock_page.unlocked.connect(self._unlocked)
        self.login_page = LoginPage()
        self.login_page.logged_in.connect(self._logged_in)
        self.stack.addWidget(self.unlock_page)
        self.stack.addWidget(self.login_page)
        self.setCentralWidget(self.stack)

        self.sync_status = SyncStatus()
        self.statusBar().setObjectName("statusBar")
        self.statusBar().setSizeGripEnabled(False)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync_status.clicked.connect(self.open_sync_page)
        # Background sync runs from unlock to close (also on the login screen, so a locked station
        # still sends its doses); see app/ui/sync_runner.py.
        self.sync_runner: SyncRunner | None = None
        self._unsynced_close_confirmed = False

        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.request_lock)
        self.addAction(self.lock_action)

        self.inactivity = InactivityWatch(ui_settings.AUTO_LOCK_SECONDS.get(settings), self)
        self.inactivity.timed_out.connect(self.lock)

        self._staff_changed = False
        self.kiosk_guard: KioskGuard | None = None
        if kiosk:
            from app.ui.kiosk import KioskGuard

            self.kiosk_guard = KioskGuard(self)  # frameless, on top; closes only with an admin PIN

        geometry = ui_settings.WINDOW_GEOMETRY.get(settings)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(*first_size(self))

    # -- where are we --------------------------------------------------------------------------

    @property
    def stage(self) -> str:
        current = self.stack.currentWidget()
        if current is self.unlock_page:
            return "unlock"
        if current is self.login_page:
            return "login"
        return "shell"

    def show_for_start(self) -> None:
        if self.kiosk:
            self.showFullScreen()
        else:
            self.show()
        self.unlock_page.setFocus()

    # -- transitions ---------------------------------------------------------------------------

    def _unlocked(self, station: UnlockedStation) -> None:
        self.station = station
        self._start_sync(station)
        self.login_page.set_station(station)
        self.stack.setCurrentWidget(self.login_page)
        self.login_page.reset()
        self.login_shown.emit()

    def _logged_in(self, actor: Actor) -> None:
        from app.ui.pages.base import PageContext
        from app.ui.shell import Shell

        assert self.station is not None
        self.actor = actor
        context = PageContext(services=self.station.services, actor=actor, station=self.station.info,
                              sync=self.sync_runner)
        if self.sync_runner is not None:
            context.changes.changes_applied.connect(self.sync_runner.on_changes)
        self.shell = Shell(context)
        context.changes.changes_applied.connect(self._note_changes)
        self.shell.lock_requested.connect(self.request_lock)
        self.sync_status.set_clickable("sync" in self.shell.page_names)
        self.stack.addWidget(self.shell)
        self.stack.setCurrentWidget(self.shell)
        self.inactivity.set_timeout(ui_settings.AUTO_LOCK_SECONDS.get(self.settings))
        self.inactivity.start()
        self.shell.focus_page()
        self.shell_shown.emit()

    def lock(self) -> None:
        """Back to the staff login; the shell and every page with personal data are destroyed."""
        self.inactivity.stop()
        if self.shell is None:
            return
        shell, self.shell, self.actor = self.shell, None, None
        self.sync_status.set_clickable(False)
        self.stack.setCurrentWidget(self.login_page)
        self.stack.removeWidget(shell)
        shell.hide()
        shell.deleteLater()
        self.login_page.reset()
        self.locked.emit()
        self.login_shown.emit()
        if self._staff_changed:
            self._staff_changed = False
            self._refresh_staff()

    def _note_changes(self, changes: list) -> None:  # type: ignore[type-arg]
        if any(change.entity == "staff" for change in changes):
            self._staff_changed = True  # the login list is re-read when the session ends
            self._check_own_account()

    def _check_own_account(self) -> None:
        """An admin, here or at another station (through sync), deactivated the account that is logged in
        or gave it another role: the session ends now, with the reason, instead of every action being
        refused (the services refuse it: staff_session_stale)."""
        from app.ui.tasks import Op  # as in _refresh_staff: loaded with the first session, not at start-up

        station, actor, shell = self.station, self.actor, self.shell
        if station is None or actor is None or actor.staff_id is None or shell is None:
            return

        def checked(staff: tuple) -> None:  # type: ignore[type-arg]
            if self.shell is not shell:
                return  # locked meanwhile
            own = next((member for member in staff if member.id == actor.staff_id), None)
            if own is not None and (not own.active or own.role != actor.role):
                self._staff_changed = False  # the list just read is the login list: no second read
                self.lock()
                active = tuple(member for member in staff if member.active)
                if self.station is station and active != station.staff:
                    self.station = station.with_staff(active)
                    self.login_page.set_station(self.station)
                self.login_page.show_error(reason_text("staff_session_stale"))

        services = station.services
        Op(self, lambda: services.list_staff(active_only=False)).on_success(checked).start()

    def _refresh_staff(self) -> None:
        """Staff were added, changed or deactivated during the session: re-read the login list."""
        from app.ui.tasks import Op

        station = self.station
        if station is None:
            return

        def refreshed(staff: tuple) -> None:  # type: ignore[type-arg]
            # Only if it changed and nobody has started to log in meanwhile (never wipe a typed PIN).
            if (self.station is station and staff != station.staff and self.stage == "login"
                    and not self.login_page.pin.text()):
                self.station = station.with_staff(staff)
                self.login_page.set_station(self.station)

        services = station.services
        Op(self, lambda: services.list_staff()).on_success(refreshed).start()

    # -- sync ----------------------------------------------------------------------------------

    def _start_sync(self, station: UnlockedStation) -> None:
        from app.ui.sync_runner import SyncRunner

        if self.sync_runner is not None:
            self.sync_runner.stop()
        self.sync_runner = SyncRunner(station.services, self)
        self.sync_runner.status_changed.connect(self._show_sync_status)
        self.sync_runner.round_finished.connect(self._publish_pulled)
        self.sync_runner.start()

    def _publish_pulled(self, outcome: RoundOutcome) -> None:
        """What a round pulled from the server goes through the same hub as the station's own writes,
        so every page showing it refreshes itself."""
        if self.shell is not None:
            self.shell.context.changes.publish(outcome.changes)

    def _show_sync_status(self, status: SyncFigures) -> None:
        runner = self.sync_runner
        self.sync_status.show_sync(status, offline_since=runner.offline_since if runner else None)

    def open_sync_page(self) -> None:
        if self.shell is not None and "sync" in self.shell.page_names:
            self.shell.show_page("sync")

    def unsynced_doses(self) -> int:
        """Doses not yet on the server, as last read (the runner re-reads after every change)."""
        status = self.sync_runner.status if self.sync_runner is not None else None
        return status.unsynced_doses if status is not None and status.enrolled else 0

    def confirm_unsynced(self, *, closing: bool) -> bool:
        """Ending a shift with doses not yet on the server asks first; it never stops anyone."""
        doses = self.unsynced_doses()
        if doses <= 0:
            return True
        question = self.tr("Close anyway?") if closing else self.tr("Lock anyway?")
        text = (self.tr("%n dose(s) are not yet on the server.", "", doses) + " " + question + "\n\n"
                + self.tr("They stay safe on this station and sync later."))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Doses not yet synced"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("unsyncedQuestion")
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("Close anyway") if closing else self.tr("Lock anyway"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Stay"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.exec()
        return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)

    def request_lock(self) -> None:
        """Lock asked for by a person (button, Ctrl+L); the inactivity lock never asks."""
        if self.shell is not None and not self.confirm_unsynced(closing=False):
            return
        self.lock()

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Asked before the kiosk's admin PIN, so a "Stay" never leaves an unguarded kiosk behind.
        if not self._unsynced_close_confirmed:
            if not self.confirm_unsynced(closing=True):
                event.ignore()
                return
            self._unsynced_close_confirmed = True
        if self.kiosk_guard is not None and not self.kiosk_guard.may_close(event):
            return
        if self.sync_runner is not None:
            self.sync_runner.stop()
        if not self.kiosk:  # a kiosk's full screen must not become the desk's next normal window
            ui_settings.WINDOW_GEOMETRY.set(self.settings, bytes(self.saveGeometry().data()))
        self.settings.sync()
        self.inactivity.uninstall()
        super().closeEvent(event)

    def release_store(self) -> None:
        """Close the database; call after the worker threads have stopped."""
        if self.sync_runner is not None:
            self.sync_runner.wait_stopped()  # no round may touch the store once it is closed
        if self.station is not None:
            self.station.services.close()
            self.station = None
