"""Background sync for the open station: one round at a time on the network lane, every minute and
a few seconds after the station changed something, and on demand (the round itself is
`app/station/sync_round.py`).

The GUI thread never waits for it. A failed round is not an error dialog: it becomes the status
(offline, the last error in words). Stopping sets a flag the round's HTTP transport and retry
sleeps look at, so a running round ends at its next request instead of finishing a long pull.
The round's database work uses its own short sessions from the store's pool (SQLite WAL: readers
never wait; writers queue on BEGIN IMMEDIATE with a busy timeout), so the DB lane keeps going.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.station.services import PULLED
from app.ui.tasks import Op

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.services.sync_state import SyncStatus
    from app.services.unit_of_work import Change
    from app.station import StationServices
    from app.station.sync_round import RoundOutcome

log = logging.getLogger(__name__)

INTERVAL_S = 60
DEBOUNCE_S = 5


class SyncRunner(QObject):
    """Drives sync for one open store; owned by the station window from unlock to close."""

    # SyncStatus: fresh figures for the status bar and the Sync page.
    status_changed = Signal(object)
    # RoundOutcome, after every round that ran (also a failed one).
    round_finished = Signal(object)
    # bool: a round is running (the Sync page greys out "Sync now").
    busy_changed = Signal(bool)

    def __init__(self, services: StationServices, parent: QObject | None = None, *, interval_s: float = INTERVAL_S,
                 debounce_s: float = DEBOUNCE_S) -> None:
        super().__init__(parent)
        self.services = services
        self.status: SyncStatus | None = None
        self.offline_since: datetime | None = None
        self.last_outcome: RoundOutcome | None = None
        self._stopping = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._running = False
        self._again = False
        self._stopped = True
        self._status_reading = False
        self._status_again = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_s * 1000))
        self.timer.timeout.connect(self.sync_now)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(int(debounce_s * 1000))
        self.debounce.timeout.connect(self.sync_now)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        self._stopped = False
        self._stopping.clear()
        self.timer.start()
        self.refresh_status()
        self.sync_now()

    def stop(self) -> None:
        """No new rounds; a running one ends at its next request. Safe to call twice."""
        self._stopped = True
        self._stopping.set()
        if shiboken6.isValid(self):  # also called while the window is being torn down
            self.timer.stop()
            self.debounce.stop()

    def wait_stopped(self, timeout_s: float = 30.0) -> bool:
        """Block until no round touches the store any more (only when closing it)."""
        self.stop()
        return self._idle.wait(timeout_s)

    # -- triggers -------------------------------------------------------------------------------

    def on_changes(self, changes: Sequence[Change]) -> None:
        """Something was written: show the new pending count now, push it a few seconds later."""
        if self._stopped or all(change.action == PULLED for change in changes):
            return
        self.refresh_status()
        self.debounce.start()

    def sync_now(self) -> bool:
        """Start a round now; if one is running, one more follows it. False when stopped."""
        if self._stopped:
            return False
        self.debounce.stop()
        if self._running:
            self._again = True
            return True
        self._running = True
        self._idle.clear()
        self.busy_changed.emit(True)
        services, stopping = self.services, self._stopping

        def job() -> RoundOutcome | None:
            try:
                return services.sync_round(stopping)
            finally:
                self._idle.set()  # from the network lane: the store may be closed from now on

        Op(self, job, lane="network").on_success(self._round_done).on_failure(self._round_failed).start()
        return True

    def refresh_status(self) -> None:
        """Re-read the figures on the DB lane (a few counts). Coalesced while one read is on its way."""
        if self._stopped:
            return
        if self._status_reading:
            self._status_again = True
            return
        self._status_reading = True
        services = self.services
        Op(self, lambda: services.sync_status()).on_success(self._status_read).on_failure(
            self._status_failed).start()

    # -- results (GUI thread) ---------------------------------------------------------------------

    def _status_read(self, status: SyncStatus) -> None:
        self._status_reading = False
        if self._stopped:
            return
        self._set_status(status)
        if self._status_again:
            self._status_again = False
            self.refresh_status()

    def _status_failed(self, error: Exception) -> None:
        self._status_reading = False
        log.warning("sync status could not be read: %s", type(error).__name__)

    def _set_status(self, status: SyncStatus) -> None:
        if status.enrolled and not status.online:
            if self.offline_since is None:
                self.offline_since = status.last_attempt_at or datetime.now(UTC)
        else:
            self.offline_since = None
        self.status = status
        self.status_changed.emit(status)

    def _round_done(self, outcome: RoundOutcome | None) -> None:
        self._finish_round()
        if outcome is None or self._stopped:
            return
        self.last_outcome = outcome
        self._set_status(outcome.status)
        self.round_finished.emit(outcome)

    def _round_failed(self, error: Exception) -> None:
        # Only a VaxDeskError gets here (run_one_round turns sync errors into the outcome): say it
        # in the status rather than a dialog, and try again on the next tick.
        log.warning("sync round failed: %s", type(error).__name__)
        self._finish_round()
        self.refresh_status()

    def _finish_round(self) -> None:
        self._running = False
        self.busy_changed.emit(False)
        if self._again and not self._stopped:
            self._again = False
            self.sync_now()
