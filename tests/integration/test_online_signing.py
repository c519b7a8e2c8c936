"""Online issuing: a station without its own document signer has the tenant API sign, and when the
server cannot be reached it records a voucher instead of failing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.certificates.signer import create_demo_chain
from app.certificates.verify import verify
from app.domain.ids import uuid7
from app.services.certificates import CertificateDesk
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Vaccination
from sync.station.signing import online_signer
from tests.integration.sync_support import ServerProcess, enrolled_station, new_station, start_server, sync

NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")


@pytest.fixture(scope="module")
def chain_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], bytes]:
    chain = create_demo_chain()
    return chain.write_pem(tmp_path_factory.mktemp("dsc")), chain.signer.der


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory,
           chain_files: tuple[dict[str, Path], bytes]) -> Iterator[ServerProcess]:
    proc = start_server(tmp_path_factory.mktemp("server"))
    files, _ = chain_files
    proc.cli("tenant", "create", "--tenant", "kreis", "--dsc-key", str(files["dsc-key.pem"]),
             "--dsc-cert", str(files["dsc-cert.pem"]))
    yield proc
    proc.stop()


def _dose(store: Store) -> str:
    """A dose recorded as the services record it (with its outbox mutation), so sync takes it to the server."""
    from app.services.vaccinations import _vaccination_payload

    with UnitOfWork(store, NURSE) as uow:
        person = add_person(uow, PersonInput(family_name="Özdemir", given_name="Elif", dob="1979-11-02"))
        vaccination = Vaccination(id=uuid7(), person_id=person.id, product_code="spikevax", dose_number=1,
                                  series_doses=2, given_at=datetime.now(UTC) - timedelta(minutes=20),
                                  recorded_at=uow.now, external=False, country="DE")
        uow.session.add(vaccination)
        uow.session.flush()
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=vaccination.id,
                   payload={"vaccination": _vaccination_payload(vaccination)})
        return vaccination.id


def test_enrolled_station_without_a_signer_gets_it_signed_by_the_tenant(
    tmp_path: Path, server: ServerProcess, chain_files: tuple[dict[str, Path], bytes]
) -> None:
    store = enrolled_station(tmp_path, "desk", server, tenant="kreis")
    try:
        desk = CertificateDesk(store, remote_signer=online_signer(store))
        vid = _dose(store)
        assert desk.review(NURSE, vid).signer_available
        sync(store)  # the server signs only doses it holds
        issued = desk.issue(NURSE, vid)
        assert issued.hc1 is not None
        result = verify(issued.hc1, [chain_files[1]])
        assert result.valid, result.error
        assert result.payload["nam"]["fnt"] == "OEZDEMIR"  # type: ignore[index]
    finally:
        store.close()


def test_unreachable_server_means_a_voucher(tmp_path: Path, server: ServerProcess) -> None:
    store = enrolled_station(tmp_path, "desk2", server, tenant="kreis")
    try:
        with store.write() as session:  # the server moved away since enrolment
            from sync.station.engine import K_URL, set_meta

            set_meta(session, K_URL, "http://127.0.0.1:9")
        issued = CertificateDesk(store, remote_signer=online_signer(store)).issue(NURSE, _dose(store))
        assert issued.is_voucher
    finally:
        store.close()


def test_a_station_never_enrolled_has_no_online_signer(tmp_path: Path) -> None:
    store = new_station(tmp_path, "alone", tenant="kreis")
    try:
        desk = CertificateDesk(store, remote_signer=online_signer(store))
        assert not desk.review(NURSE, _dose(store)).signer_available
    finally:
        store.close()


def test_provisional_follow_up_becomes_confirmed_once_the_server_takes_it(tmp_path: Path,
                                                                         server: ServerProcess) -> None:
    """Booked at an enrolled station without a lease: provisional, on the slip too; after sync the
    server holds the place and the station shows it confirmed."""
    from datetime import date

    from app.services.scheduling import OpeningPlanInput, Scheduler
    from app.storage.schema import Appointment
    from tests.integration.sync_support import add_person as add
    from tests.integration.sync_support import external_dose, sync

    store = enrolled_station(tmp_path, "exit-desk", server, tenant="kreis")
    try:
        today = datetime.now(UTC).date()
        admin = Actor(staff_id=None, role="admin", display_name="Admin")
        scheduler = Scheduler(store)
        for weekday in range(7):
            scheduler.set_opening_rule(admin, OpeningPlanInput(
                weekday=weekday, opens="08:00", closes="10:00", slot_minutes=60, stations=1, capacity_per_station=4,
                products=("comirnaty",), valid_from=today))
        scheduler.open_days(admin, today + timedelta(days=1), today + timedelta(days=10))
        person = add(store, "Provisorisch", "Paula")
        external_dose(store, person, given_on=today - timedelta(days=30))
        from app.services.stock import receive_lot

        with UnitOfWork(store, admin) as uow:
            receive_lot(uow, product_code="comirnaty", lot_number="P1", expiry=date(today.year + 1, 1, 31), vials=2)
        offer = scheduler.propose(NURSE, person).offers[0]
        booked = scheduler.book_follow_up(admin, person, offer.slot_id)
        assert booked.provisional
        sync(store)
        with store.read() as session:
            appointment = session.get(Appointment, booked.appointment_id)
            assert appointment is not None and appointment.booking_state == "confirmed"
    finally:
        store.close()
