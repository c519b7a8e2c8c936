"""Counts the keys of the desk's keyboard-only path: scan → identity → consent → questions → queue.

    VAXDESK_PASSPHRASE=… python -m benchmarks.window_desk_keys --db PATH [--json]

Runs the real station window offscreen: unlock, the nurse logs in, a booking of now is scanned, and
every further key goes to whichever widget has the keyboard focus, as on a desk. The scan counts as
one key (the scanner's trigger); each key after it counts. `drive_scan_to_queue` is the one
definition of the path: the UI test drives it with pytest-qt, this benchmark with QTest.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from app.ui.pages.checkin import CheckInPage

KeyPress = Callable[["Qt.Key", str], None]  # (key, its text) into the focused widget
Typing = Callable[[str], None]  # a scanner burst into the focused widget
Wait = Callable[[Callable[[], bool]], None]


def drive_scan_to_queue(page: CheckInPage, code: str, *, press: KeyPress, scan: Typing, wait: Wait) -> int:
    """Scan `code`, then only keys until the person is in the queue; returns the number of keys."""
    from PySide6.QtCore import Qt

    keys = 1  # the scan: one pull of the trigger (the code and its Enter come from the scanner)
    scan(f"VAXDESK:{code}")
    press(Qt.Key.Key_Return, "\r")  # the scanner's Enter, part of the scan
    wait(lambda: page.shown is not None and page.check_in_button.isVisible())

    def key(k: Qt.Key, text: str = "") -> None:
        nonlocal keys
        keys += 1
        press(k, text)

    key(Qt.Key.Key_Return)  # check in
    wait(lambda: page.steps is not None)
    steps = page.steps
    assert steps is not None
    key(Qt.Key.Key_Return)  # "Identity checked" (the ID card is preselected)
    wait(lambda: steps.identity_done)
    key(Qt.Key.Key_J, "j")  # consent: yes
    for row in steps.rows:
        if row.yes_no is not None:
            key(Qt.Key.Key_N, "n")
        else:
            key(Qt.Key.Key_Return)  # an optional remark left empty
    key(Qt.Key.Key_Return)  # send to queue
    wait(lambda: page.steps is None)
    return keys


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.window_desk_keys", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--json", action="store_true", help='print {"desk_keys_scan_to_queue": …}')
    args = parser.parse_args(argv)
    passphrase = os.environ.get("VAXDESK_PASSPHRASE")
    if not passphrase:
        print("set VAXDESK_PASSPHRASE to the station passphrase", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from app.ui.app import create_application
    from app.ui.pages.checkin import CheckInPage
    from app.ui.settings import open_settings
    from app.ui.tasks import shutdown_workers
    from app.ui.window import StationWindow

    app = create_application(sys.argv[:1], language="de")
    window = StationWindow(db_path=args.db, settings=open_settings())
    window.show()

    def wait(condition: Callable[[], bool]) -> None:
        """Runs the event loop (as the desk idles between keys) until `condition` holds."""
        if condition():
            return
        loop, poll, give_up = QEventLoop(), QTimer(), QTimer()
        poll.timeout.connect(lambda: loop.quit() if condition() else None)
        give_up.setSingleShot(True)
        give_up.timeout.connect(loop.quit)
        poll.start(5)
        give_up.start(20000)
        loop.exec()
        poll.stop()
        if not condition():
            raise SystemExit("the desk did not answer within 20 s")

    window.unlock_page.unlock(passphrase)
    wait(lambda: window.stage == "login")
    from app.services.demo import DEMO_STAFF

    nurse = next(s for s in DEMO_STAFF if s.role == "nurse")
    window.login_page.select_login(nurse.login)
    QTest.keyClicks(window.login_page.pin, nurse.pin)
    QTest.keyClick(window.login_page.pin, _return())
    wait(lambda: window.stage == "shell")
    page = window.shell.current_page if window.shell is not None else None
    assert isinstance(page, CheckInPage)
    wait(lambda: page.questionnaire is not None)
    assert window.station is not None
    code = book_now(window.station.services.store)

    def focused() -> object:
        return window.focusWidget() or window

    keys = drive_scan_to_queue(
        page, code,
        press=lambda key, text: QTest.keyClick(focused(), key),  # type: ignore[call-overload]
        scan=lambda text: QTest.keyClicks(focused(), text),  # type: ignore[call-overload]
        wait=wait)
    print(f'{{"desk_keys_scan_to_queue": {keys}}}' if args.json else keys)
    window.inactivity.stop()
    window.inactivity.uninstall()
    shutdown_workers()
    window.release_store()
    del app
    return 0


def _return() -> Qt.Key:
    from PySide6.QtCore import Qt

    return Qt.Key.Key_Return


def book_now(store: object) -> str:
    """A booking for a slot that started a minute ago (on time, no confirmation); its code."""
    from app.services.booking import SlotPlan, book_appointment, open_slots
    from app.services.persons import PersonInput, add_person
    from app.services.unit_of_work import Actor, UnitOfWork, system_clock
    from app.storage.engine import Store

    assert isinstance(store, Store)
    now = system_clock()
    with UnitOfWork(store, Actor.system(), system_clock) as uow:
        person = add_person(uow, PersonInput(family_name="Tastatur", given_name="Nora",
                                             dob="1984-04-04", street="Hauptstraße 1", postcode="10115",
                                             city="Berlin"))
        plan = SlotPlan(site_id=store.identity.site_id, opens=now - timedelta(minutes=1),
                        closes=now + timedelta(minutes=9), slot_minutes=10, capacity=1, product_code=None)
        slot = open_slots(uow, plan)[0]
        return book_appointment(uow, person_id=person.id, slot_id=slot.id).booking_code


if __name__ == "__main__":
    sys.exit(main())
