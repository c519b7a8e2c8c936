"""Screenshot states of the desk's pages (check-in, the doctor's booth, the follow-up schedule): each puts
its page in the state its picture shows, through the pages' public methods. The demo rows they need
come from the station's demo use cases (`services.demo`, a throwaway demo database only)."""

from __future__ import annotations

from datetime import timedelta

from app.services.checkin import QueueRow
from app.services.persons import PersonInput
from app.services.vials import VialRow
from app.ui.pages.checkin import CheckInPage
from app.ui.pages.doctor import DoctorPage
from app.ui.pages.schedule import SchedulePage
from app.ui.row_table import ROW_ROLE
from app.ui.screenshots.states import register

# -- check-in ---------------------------------------------------------------------------------------


def booked_person_found(page: CheckInPage) -> None:
    """A surname searched that has bookings today, the first booked person opened."""
    actor = page.context.actor

    def search(surname: str) -> None:
        page.search.setText(surname)
        op = page.run_search()
        if op is not None:
            op.finished.connect(lambda: _open_first_booked(page))

    page.read(lambda s: s.demo.surname_with_bookings(actor)).on_success(search).start()


def _open_first_booked(page: CheckInPage) -> None:
    for row in range(page.proxy.rowCount()):
        match = page.proxy.index(row, 0).data(ROW_ROLE)
        if match.booking is not None:
            page.results.selectRow(row)
            page.open_person(match)
            return


def walk_in_checked_in(page: CheckInPage) -> None:
    """Checked in, the visit steps with their keyboard path. A walk-in, so no booking of the demo day is
    used up (the other pages' pictures need them)."""
    page.register_walk_in(PersonInput(family_name="Neumann", given_name="Lea", dob="1990-05-05", sex="f",
                                      street="Hauptstraße 12", postcode="10115", city="Berlin"), True)


def check_in_unfinished(page: CheckInPage) -> None:
    """Interrupted (Esc), then the same person scanned again: "Finish check-in"."""
    page.clear()
    page.search.setText("Neumann 05.05.1990")
    page.run_search()


def walk_in_duplicate(page: CheckInPage) -> None:
    """A registered person typed again as a walk-in: "is this the same person?"."""
    page.open_walk_in()
    actor = page.context.actor

    def fill(data: PersonInput | None) -> None:
        if data is not None:
            page.walk_in.fill(data)
            page.walk_in.submit()

    page.read(lambda s: s.demo.someone_registered(actor)).on_success(fill).start()


# -- the doctor's booth -----------------------------------------------------------------------------


def booth_with_patient(page: DoctorPage) -> None:
    """A person with flagged answers at the booth, a dose given abroad, the booked product's vial in hand."""
    actor = page.context.actor

    def ready(found: tuple[QueueRow, VialRow]) -> None:
        row, vial = found
        page.reload_queue()
        page.take_vial(vial)
        page.load_visit(row)
        page.choose_site("left_deltoid")
        page.read(lambda s: s.outlook.outlook()).on_success(page.show_outlook).start()

    page.write(lambda s: s.demo.booth_with_patient(actor)).on_success(ready).start()


def other_product_scanned(page: DoctorPage) -> None:
    """A vial of another product scanned, none of its lot open yet: "Open this vial"."""
    booked = page.flow.assessment.product_code if page.flow.assessment else ""

    def scan(text: str | None) -> None:
        if text is not None:
            page.dose.scan.setText(text)
            page.scan_entered()

    page.read(lambda s: s.demo.other_product_label(booked)).on_success(scan).start()


def other_product_opened(page: DoctorPage) -> None:
    """That vial opened: a product other than booked is a hard stop; back to the desk or out."""
    if page.dose.thawed_at.isVisible():
        page.dose.thawed_at.setText(f"{page.clock().astimezone() - timedelta(hours=1):%H:%M}")
    page.open_scanned_vial()


# -- the follow-up schedule -------------------------------------------------------------------------


def follow_up_due(page: SchedulePage) -> None:
    """An opening plan and a first dose today: that person chosen, the slots offered."""
    actor = page.context.actor

    def ready(person_id: str) -> None:
        page.reload_plan()
        page.reload_due(select=person_id)

    page.write(lambda s: s.demo.first_dose_due_follow_up(actor)).on_success(ready).start()


def follow_up_booked(page: SchedulePage) -> None:
    """The first slot booked: the slip to hand over."""
    page.book()


register(CheckInPage, prepare=booked_person_found,
         states=[("checkin_steps", walk_in_checked_in), ("checkin_unfinished", check_in_unfinished),
                 ("walkin_duplicate", walk_in_duplicate)])
register(DoctorPage, prepare=booth_with_patient,
         states=[("doctor_open_vial", other_product_scanned), ("doctor_stop", other_product_opened)])
register(SchedulePage, prepare=follow_up_due, states=[("slip", follow_up_booked)])
