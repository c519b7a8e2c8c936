"""The demo states (app/station/demo_states.py) bound to one station's services: what the screenshot
run asks for, page by page. Never used on a production path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.station import demo_states

if TYPE_CHECKING:
    from app.services.certificates import VaccinationRow
    from app.services.checkin import QueueRow
    from app.services.persons import PersonInput
    from app.services.unit_of_work import Actor
    from app.services.vials import VialRow
    from app.station.services import StationServices


class DemoStates:
    def __init__(self, services: StationServices) -> None:
        self._s = services

    def surname_with_bookings(self, actor: Actor) -> str:
        return demo_states.surname_with_bookings(self._s.checkin, actor)

    def someone_registered(self, actor: Actor) -> PersonInput | None:
        return demo_states.someone_registered(self._s.checkin, actor)

    def queue_of_the_morning(self, actor: Actor) -> None:
        demo_states.queue_of_the_morning(self._s.checkin, actor)

    def booth_with_patient(self, actor: Actor) -> tuple[QueueRow, VialRow]:
        return demo_states.booth_with_patient(self._s.store, actor, clock=self._s.clock)

    def other_product_label(self, booked: str) -> str | None:
        return demo_states.other_product_label(self._s.lots, booked)

    def first_dose_due_follow_up(self, actor: Actor) -> str:
        return demo_states.first_dose_due_follow_up(self._s.store, actor, clock=self._s.clock)

    def carton_and_open_vial(self, actor: Actor) -> str:
        return demo_states.carton_and_open_vial(self._s.lots, self._s.vials, actor)

    def dose_for_certificate(self, actor: Actor) -> VaccinationRow:
        return demo_states.dose_for_certificate(self._s.store, actor)

    def signed_hc1(self, actor: Actor) -> str:
        return demo_states.signed_hc1(self._s.store, actor)

    def tests_of_the_day(self, actor: Actor) -> None:
        demo_states.tests_of_the_day(self._s.store, actor)

    def rejected_booking(self) -> str | None:
        return demo_states.rejected_booking(self._s.store)


def create_demo_station(path: Path, passphrase: str, *, persons: int) -> None:
    """A new encrypted demo station at `path`: the demo center, its staff and `persons` people booked."""
    # start-up: only `vaxdesk demo` seeds; the station's window never needs the seeding code
    from app.services.demo import seed_center
    from app.storage.engine import create_store

    with create_store(path, passphrase, tenant="demo", site_code="demo-center",
                      site_name="Impfzentrum Musterstadt") as store:
        seed_center(store, persons=persons)
