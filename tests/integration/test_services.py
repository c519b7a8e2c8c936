"""The service pattern on a real encrypted store: one transaction writes rows, audit and outbox together."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.domain.ids import Hlc
from app.errors import AuthError, RuleViolation, ValidationError
from app.services.audit import verify_audit
from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.persons import PersonInput, add_person
from app.services.staff import authenticate, create_staff, list_staff
from app.services.stats import station_stats
from app.services.stock import receive_lot
from app.services.unit_of_work import Actor, UnitOfWork
from app.station.services import StationServices
from app.storage.engine import Store
from app.storage.schema import AuditLog, Outbox, Person, Vaccination

SYSTEM = Actor.system()
ANNA = PersonInput(family_name="Müller", given_name="Anna", dob="1980-02-29", sex="f")


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_use_case_writes_row_audit_and_outbox_together(store: Store) -> None:
    audits, outbox = _count(store, AuditLog), _count(store, Outbox)
    with UnitOfWork(store, SYSTEM) as uow:
        person = add_person(uow, ANNA)
    assert uow.changes[-1].entity == "person"
    with store.read() as session:
        assert session.get(Person, person.id) is not None
        entry = session.scalars(select(AuditLog).order_by(AuditLog.seq.desc())).first()
        mutation = session.scalars(select(Outbox).order_by(Outbox.station_seq.desc())).first()
    assert entry is not None and entry.action == "person.created" and entry.entity_id == person.id
    assert mutation is not None and mutation.kind == "person.created" and mutation.payload["rows"][0]["id"] == person.id
    assert (_count(store, AuditLog), _count(store, Outbox)) == (audits + 1, outbox + 1)


def test_failure_inside_a_use_case_leaves_nothing_behind(store: Store) -> None:
    before = (_count(store, Person), _count(store, AuditLog), _count(store, Outbox))
    with pytest.raises(RuntimeError), UnitOfWork(store, SYSTEM) as uow:
        add_person(uow, ANNA)
        raise RuntimeError("power cut")
    assert (_count(store, Person), _count(store, AuditLog), _count(store, Outbox)) == before


def test_invalid_person_writes_nothing(store: Store) -> None:
    before = _count(store, Person), _count(store, AuditLog)
    future = (date.today() + timedelta(days=3)).isoformat()
    for bad in (
        PersonInput(family_name="Müller", given_name="Anna", dob=future),
        PersonInput(family_name="Müller", given_name="Anna", dob="1980-02-30"),
        PersonInput(family_name="", given_name="Anna", dob="1980-01-01"),
        PersonInput(family_name="Robert'); DROP TABLE person;--\x00", given_name="X", dob="1980-01-01"),
    ):
        with pytest.raises(ValidationError), UnitOfWork(store, SYSTEM) as uow:
            add_person(uow, bad)
    assert (_count(store, Person), _count(store, AuditLog)) == before


def test_outbox_sequence_and_clock_only_go_forward(store: Store) -> None:
    for i in range(5):
        with UnitOfWork(store, SYSTEM) as uow:
            add_person(uow, PersonInput(family_name=f"Person{'abcde'[i]}", given_name="Test", dob="1990-01-01"))
    with store.read() as session:
        rows = session.scalars(select(Outbox).order_by(Outbox.station_seq)).all()
    seqs = [r.station_seq for r in rows]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    hlcs = [Hlc.parse(r.hlc) for r in rows]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    ids = [r.mutation_id for r in rows]
    assert ids == sorted(ids)  # UUIDv7 are time-ordered


def test_audit_chain_holds_and_tampering_is_found(store: Store) -> None:
    for name in ("Alpha", "Beta", "Gamma"):
        with UnitOfWork(store, SYSTEM) as uow:
            add_person(uow, PersonInput(family_name=name, given_name="Test", dob="1990-01-01"))
    with store.read() as session:
        check = verify_audit(store, SYSTEM)
        assert check.ok and check.rows >= 3
        victim = session.scalars(select(AuditLog).where(AuditLog.action == "person.created")).first()
        assert victim is not None
    # The append-only trigger stops an ordinary UPDATE …
    with pytest.raises(IntegrityError), store.write() as session:
        session.execute(text("UPDATE audit_log SET action = 'nothing' WHERE seq = :s"), {"s": victim.seq})
    # … and someone who drops the trigger is still caught by the chain.
    with store.write() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("UPDATE audit_log SET entity_id = NULL WHERE seq = :s"), {"s": victim.seq})
    check = verify_audit(store, SYSTEM)
    assert not check.ok and check.first_broken_seq == victim.seq and check.reason is not None
    assert check.reason.code == "audit_entry_changed"


def test_vaccinations_are_append_only(store: Store) -> None:
    with UnitOfWork(store, SYSTEM) as uow:
        person = add_person(uow, ANNA)
        uow.session.add(
            Vaccination(
                id="0190a3c0-0000-7000-8000-000000000001", person_id=person.id, product_code="comirnaty",
                given_at=uow.now, dose_number=1, series_doses=2, recorded_at=uow.now, external=False, country="DE",
            )
        )
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=None, payload={})
    for statement in ("UPDATE vaccination SET dose_number = 2", "DELETE FROM vaccination"):
        with pytest.raises(IntegrityError, match="append-only"), store.write() as session:
            session.execute(text(statement))


def test_staff_login_with_pin_and_lockout(store: Store) -> None:
    create_staff(store, SYSTEM, login="anna", display_name="Anna Schmidt", role="nurse", pin="4711")
    assert [s.login for s in list_staff(store)] == ["anna"]
    actor = authenticate(store, login="Anna", pin="4711")
    assert (actor.role, actor.display_name) == ("nurse", "Anna Schmidt")
    now = datetime.now(UTC)
    for _ in range(5):
        with pytest.raises(AuthError, match="Wrong login or PIN"):
            authenticate(store, login="anna", pin="0815", clock=lambda: now)
    with pytest.raises(AuthError, match="Too many wrong PINs"):
        authenticate(store, login="anna", pin="4711", clock=lambda: now)
    later = now + timedelta(minutes=6)
    assert authenticate(store, login="anna", pin="4711", clock=lambda: later).staff_id == actor.staff_id
    with store.read() as session:
        failures = session.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.action == "staff.login_failed")
        )
    assert failures == 5


def test_unknown_login_gets_the_same_message_as_a_wrong_pin(store: Store) -> None:
    with pytest.raises(AuthError, match="Wrong login or PIN"):
        authenticate(store, login="mallory", pin="1234")


@pytest.mark.parametrize("pin", ["12", "abcd", "1234", "7777", "1" * 13])
def test_weak_or_malformed_pins_are_refused(store: Store, pin: str) -> None:
    with pytest.raises(ValidationError):
        create_staff(store, SYSTEM, login="bob", display_name="Bob", role="doctor", pin=pin)
    assert list_staff(store) == []


def test_slot_capacity_is_enforced_in_the_transaction(store: Store) -> None:
    start = datetime(2030, 5, 6, 8, 0, tzinfo=UTC)
    with UnitOfWork(store, SYSTEM) as uow:
        (slot,) = open_slots(uow, SlotPlan(site_id=store.identity.site_id, opens=start,
                                           closes=start + timedelta(minutes=10), slot_minutes=10, capacity=2))
        people = [add_person(uow, PersonInput(family_name=n, given_name="T", dob="1970-01-01"))
                  for n in ("Eins", "Zwei", "Drei")]
    for p in people[:2]:
        with UnitOfWork(store, SYSTEM) as uow:
            book_appointment(uow, person_id=p.id, slot_id=slot.id, product_code="comirnaty")
    with pytest.raises(RuleViolation, match="full"), UnitOfWork(store, SYSTEM) as uow:
        book_appointment(uow, person_id=people[2].id, slot_id=slot.id)
    figures = station_stats(store)
    assert figures["appointments"] == 2 and figures["overbooked_slots"] == 0


@pytest.mark.parametrize(
    ("opens_h", "closes_h", "minutes", "capacity", "message"),
    [(18, 8, 10, 5, "end before"), (8, 18, 0, 5, "Slot length"), (8, 18, 10, 0, "Capacity"), (8, 18, 10, -3, "Capacity")],
)
def test_bad_opening_plans_are_refused(store: Store, opens_h: int, closes_h: int, minutes: int,
                                       capacity: int, message: str) -> None:
    day = datetime(2030, 5, 6, tzinfo=UTC)
    with pytest.raises(ValidationError, match=message), UnitOfWork(store, SYSTEM) as uow:
        open_slots(uow, SlotPlan(site_id=store.identity.site_id, opens=day.replace(hour=opens_h),
                                 closes=day.replace(hour=closes_h), slot_minutes=minutes, capacity=capacity))


def test_stock_adds_up_from_received_lots(store: Store) -> None:
    with UnitOfWork(store, SYSTEM) as uow:
        receive_lot(uow, product_code="comirnaty", lot_number="FK1234", expiry=date(2031, 1, 31), vials=10)
    stock = station_stats(store)["stock"]
    comirnaty = stock["comirnaty"]
    assert comirnaty["received"] == 10 * 6 and comirnaty["remaining"] == 60
    assert all(f["received"] - f["administered"] - f["wasted"] == f["remaining"] for f in stock.values())
    with pytest.raises(ValidationError), UnitOfWork(store, SYSTEM) as uow:
        receive_lot(uow, product_code="comirnaty", lot_number="FK1234", expiry=date(2031, 1, 31), vials=5)
    with pytest.raises(ValidationError), UnitOfWork(store, SYSTEM) as uow:
        receive_lot(uow, product_code="spikevax", lot_number="X1", expiry=date(2031, 1, 31), vials=-4)


def test_every_use_case_facade_is_built_once_on_the_stations_store_and_clock(store: Store) -> None:
    """The facades are named by module and class (imported on first use): each name must build its class."""
    from app.station.services import _UseCases

    def clock() -> datetime:
        return datetime(2026, 12, 1, 10, 30, tzinfo=UTC)

    services = StationServices(store, clock=clock)
    facades = {name: d for name, d in vars(StationServices).items() if isinstance(d, _UseCases)}
    assert {"checkin", "doctor", "vials", "lots", "outlook", "scheduler", "testing", "corrections"} <= facades.keys()
    for name, descriptor in facades.items():
        built = getattr(services, name)
        assert type(built).__name__ == descriptor.class_name, name
        assert built.store is store and built.clock is clock, name
        assert getattr(services, name) is built, name  # kept, not built again
