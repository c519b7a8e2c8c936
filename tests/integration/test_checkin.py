"""The check-in desk through its services on a real encrypted store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.booking_code import format_booking_code
from app.domain.questionnaire import Answer
from app.errors import RuleViolation, ValidationError
from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.checkin import CheckInDesk, DuplicateSuspected
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import AuditLog, Person, Site, Visit

NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")
# 10:00 in Berlin on a Monday.
NOW = datetime(2030, 5, 6, 8, 0, tzinfo=UTC)


def clock() -> datetime:
    return NOW


def answers(**overrides: Answer) -> dict[str, Answer]:
    base = {
        "consent": Answer(yes=True),
        "acute_illness": Answer(yes=False),
        "allergies": Answer(yes=False),
        "earlier_reaction": Answer(yes=False),
        "anticoagulation": Answer(yes=False),
        "pregnancy": Answer(yes=False),
        "immunosuppression": Answer(yes=False),
        "earlier_vaccinations": Answer(yes=False),
        "earlier_infection": Answer(yes=False),
    }
    base.update(overrides)
    return base


@pytest.fixture
def center(store: Store) -> dict[str, str]:
    """A few persons; some booked today at 10:00, one tomorrow, one cancelled."""
    people = {
        "mueller": PersonInput(family_name="Müller", given_name="Anna", dob="1980-02-29"),
        "mueller2": PersonInput(family_name="Mueller", given_name="Peter", dob="1975-07-01"),
        "muller_nobooking": PersonInput(family_name="Muller", given_name="Zoë", dob="1990-01-15"),
        "schmidt": PersonInput(family_name="Schmidt", given_name="Jürgen", dob="1960-12-24"),
        "obrien": PersonInput(family_name="O'Brien", given_name="Siobhán", dob="1985-03-17"),
        "tomorrow": PersonInput(family_name="Weiß", given_name="Helga", dob="1950-06-06"),
        "cancelled": PersonInput(family_name="Kaya", given_name="Ayşe", dob="1970-10-10"),
    }
    ids: dict[str, str] = {}
    with UnitOfWork(store, Actor.system(), clock) as uow:
        plan = SlotPlan(site_id=store.identity.site_id, opens=NOW, closes=NOW + timedelta(hours=1),
                        slot_minutes=10, capacity=5, product_code="comirnaty")
        today_slot = open_slots(uow, plan)[0]
        tomorrow_slot = open_slots(uow, SlotPlan(**{**plan.__dict__, "opens": NOW + timedelta(days=1),
                                                    "closes": NOW + timedelta(days=1, hours=1)}))[0]
        for key, data in people.items():
            ids[key] = add_person(uow, data).id
        for key in ("mueller", "schmidt", "obrien", "cancelled"):
            ids[f"{key}_appt"] = book_appointment(uow, person_id=ids[key], slot_id=today_slot.id).id
        ids["tomorrow_appt"] = book_appointment(uow, person_id=ids["tomorrow"], slot_id=tomorrow_slot.id).id
        from app.storage.schema import Appointment

        cancelled = uow.session.get(Appointment, ids["cancelled_appt"])
        assert cancelled is not None
        cancelled.state = "cancelled"
        ids["mueller_code"] = uow.session.get(Appointment, ids["mueller_appt"]).booking_code  # type: ignore[union-attr]
        ids["tomorrow_code"] = uow.session.get(Appointment, ids["tomorrow_appt"]).booking_code  # type: ignore[union-attr]
        ids["cancelled_code"] = cancelled.booking_code
    return ids


@pytest.fixture
def desk(store: Store) -> CheckInDesk:
    return CheckInDesk(store, clock=clock)


def test_scanned_code_finds_the_booking(desk: CheckInDesk, center: dict[str, str]) -> None:
    code = center["mueller_code"]
    for scanned in (code, format_booking_code(code), f"{code.lower()}\r\n", f"VAXDESK:{code}\n"):
        result = desk.find(NURSE, scanned)
        assert result.query_kind == "code"
        (match,) = result.matches
        assert match.person_id == center["mueller"] and match.booking is not None
        assert match.booking.arrival.kind == "on_time" and result.message is None


def test_unknown_code_says_so(desk: CheckInDesk, center: dict[str, str]) -> None:
    result = desk.find(NURSE, "2345-6789-A")
    # A code with a wrong check character is not treated as a code at all.
    assert result.matches == () and result.message


@pytest.mark.parametrize("typed", ["Müller", "mueller", "MULLER", "muller", "Mül", "Mu:ller"[:2] + "eller"])
def test_umlaut_spellings_find_the_same_people(desk: CheckInDesk, center: dict[str, str], typed: str) -> None:
    found = {m.person_id for m in desk.find(NURSE, typed).matches}
    assert {center["mueller"], center["mueller2"], center["muller_nobooking"]} <= found


def test_todays_bookings_rank_first(desk: CheckInDesk, center: dict[str, str]) -> None:
    matches = desk.find(NURSE, "Mueller").matches
    assert matches[0].person_id == center["mueller"] and matches[0].booking is not None
    assert all(m.booking is None for m in matches[1:])


def test_name_and_birth_date_narrow_it_down(desk: CheckInDesk, center: dict[str, str]) -> None:
    for typed in ("Müller 29.02.1980", "mueller 1980-02-29", "1980-02-29 MULLER"):
        result = desk.find(NURSE, typed)
        assert result.query_kind == "name_dob"
        assert [m.person_id for m in result.matches] == [center["mueller"]]


def test_given_name_breaks_ties(desk: CheckInDesk, center: dict[str, str]) -> None:
    assert desk.find(NURSE, "Müller Zoe").matches[0].person_id == center["muller_nobooking"]
    assert desk.find(NURSE, "Peter Mueller").matches[0].person_id == center["mueller2"]


@pytest.mark.parametrize("typo", ["Schmitd", "Shmidt", "Schmid", "Schmiddt"])
def test_typos_still_find_the_person(desk: CheckInDesk, center: dict[str, str], typo: str) -> None:
    assert center["schmidt"] in [m.person_id for m in desk.find(NURSE, typo).matches[:3]]


def test_apostrophes_and_accents(desk: CheckInDesk, center: dict[str, str]) -> None:
    assert desk.find(NURSE, "obrien").matches[0].person_id == center["obrien"]
    assert desk.find(NURSE, "O’Brien siobhan").matches[0].person_id == center["obrien"]


@pytest.mark.parametrize(
    "garbage",
    ["", "   ", "\x00\x1b[2J", "12345", "'; DROP TABLE person; --", "😷💉", "x" * 10_000, "]d2\x1d0104150", "%%%%"],
)
def test_scanner_garbage_gets_a_message_not_a_crash(desk: CheckInDesk, center: dict[str, str], garbage: str) -> None:
    result = desk.find(NURSE, garbage)
    assert result.matches == () or all(m.person_id for m in result.matches)
    if garbage.strip() and not any(ch.isalpha() for ch in garbage):
        assert result.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_find_never_raises(desk: CheckInDesk, text: str) -> None:
    desk.find(NURSE, text)


def test_arrivals_are_told_apart(desk: CheckInDesk, center: dict[str, str]) -> None:
    tomorrow = desk.find(NURSE, center["tomorrow_code"])
    assert tomorrow.matches[0].booking.arrival.kind == "other_day"  # type: ignore[union-attr]
    assert "not today" in tomorrow.matches[0].booking.arrival.message  # type: ignore[union-attr]
    with pytest.raises(RuleViolation, match="Confirm"):
        desk.check_in(NURSE, center["tomorrow_appt"])
    cancelled = desk.find(NURSE, center["cancelled_code"])
    assert cancelled.matches[0].booking.arrival.kind == "cancelled"  # type: ignore[union-attr]
    with pytest.raises(RuleViolation, match="cancelled"):
        desk.check_in(NURSE, center["cancelled_appt"], confirmed=True)
    late = CheckInDesk(desk.store, clock=lambda: NOW + timedelta(hours=2))
    assert late.find(NURSE, center["mueller_code"]).matches[0].booking.arrival.kind == "late"  # type: ignore[union-attr]
    early = CheckInDesk(desk.store, clock=lambda: NOW - timedelta(hours=2))
    assert early.find(NURSE, center["mueller_code"]).matches[0].booking.arrival.kind == "early"  # type: ignore[union-attr]


def test_booking_for_another_site(store: Store, desk: CheckInDesk, center: dict[str, str]) -> None:
    with store.write() as session:
        other = Site(id="0190a3c0-0000-7000-8000-0000000000ff", tenant="t-test", code="site-b", name="Halle 7")
        session.add(other)
        session.flush()
        from app.storage.schema import Appointment

        appointment = session.get(Appointment, center["schmidt_appt"])
        assert appointment is not None
        appointment.site_id = other.id
    result = desk.find(NURSE, "Schmidt")
    assert result.matches[0].booking.arrival.kind == "other_site"  # type: ignore[union-attr]
    with pytest.raises(RuleViolation, match="Halle 7"):
        desk.check_in(NURSE, center["schmidt_appt"], confirmed=True)


def test_full_pass_through_the_queue(store: Store, desk: CheckInDesk, center: dict[str, str]) -> None:
    visit = desk.check_in(NURSE, center["mueller_appt"])
    with pytest.raises(RuleViolation, match="already"):
        desk.check_in(NURSE, center["mueller_appt"])
    desk.record_identity(NURSE, visit, "id_card")
    with pytest.raises(RuleViolation, match="Consent"):
        desk.call_to_doctor(NURSE, visit)
    review, minutes = desk.record_questionnaire(
        NURSE, visit, answers(earlier_reaction=Answer(yes=True), anticoagulation=Answer(yes=True))
    )
    assert review and minutes == 30
    (row,) = [r for r in desk.queue(NURSE) if r.visit_id == visit]
    assert row.state == "checked_in" and row.needs_review and row.identity_checked
    assert {"earlier_reaction", "anticoagulation"} <= set(row.review_flags)
    desk.call_to_doctor(NURSE, visit)
    desk.start_observation(NURSE, visit)
    later = CheckInDesk(store, clock=lambda: NOW + timedelta(minutes=31))
    (row,) = [r for r in later.queue(NURSE) if r.visit_id == visit]
    assert row.observation_over and row.observation_ends_at == NOW + timedelta(minutes=30)
    later.end_observation(NURSE, visit)
    assert [r.state for r in later.queue(NURSE) if r.visit_id == visit] == ["done"]
    with store.read() as session:
        actions = session.scalars(select(AuditLog.action).where(AuditLog.entity_id == visit)).all()
    assert actions == ["visit.checked_in", "visit.identity_checked", "visit.questionnaire", "visit.with_doctor",
                       "visit.observation", "visit.done"]


def test_illegal_queue_moves_are_refused(desk: CheckInDesk, center: dict[str, str]) -> None:
    visit = desk.check_in(NURSE, center["schmidt_appt"])
    with pytest.raises(RuleViolation, match="Cannot go"):
        desk.start_observation(NURSE, visit)
    with pytest.raises(RuleViolation, match="Cannot go"):
        desk.end_observation(NURSE, visit)
    desk.left_without_vaccination(NURSE, visit, "felt unwell, will come back")
    with pytest.raises(RuleViolation):
        desk.call_to_doctor(NURSE, visit)
    with pytest.raises(RuleViolation, match="Cannot go"):
        desk.mark_no_show(NURSE, center["schmidt_appt"])


def test_no_show_then_arrives_after_all(desk: CheckInDesk, center: dict[str, str]) -> None:
    desk.mark_no_show(NURSE, center["obrien_appt"])
    assert desk.check_in(NURSE, center["obrien_appt"])


def test_questionnaire_refuses_without_consent_and_bad_answers(desk: CheckInDesk, center: dict[str, str]) -> None:
    visit = desk.check_in(NURSE, center["schmidt_appt"])
    with pytest.raises(RuleViolation, match="consent"):
        desk.record_questionnaire(NURSE, visit, answers(consent=Answer(yes=False)))
    with pytest.raises(ValidationError):
        desk.record_questionnaire(NURSE, visit, answers(
            earlier_infection=Answer(yes=True, dates=(date(2031, 1, 1),))))
    with pytest.raises(ValidationError):
        desk.record_questionnaire(NURSE, visit, answers(), consent_by="guardian", guardian_name="")
    with pytest.raises(RuleViolation) as adult:  # Jürgen Schmidt is 69: his own consent counts
        desk.record_questionnaire(NURSE, visit, answers(), consent_by="guardian", guardian_name="Maria Schmidt")
    assert adult.value.code == "consent_guardian_for_adult"
    needs_review, minutes = desk.record_questionnaire(NURSE, visit, answers())
    assert (needs_review, minutes) == (False, 15)


def test_walk_in_duplicate_is_caught_before_anything_is_written(
    store: Store, desk: CheckInDesk, center: dict[str, str]
) -> None:
    def persons() -> int:
        with store.read() as session:
            return int(session.scalar(select(func.count()).select_from(Person)) or 0)

    before = persons()
    for same in (
        PersonInput(family_name="MUELLER", given_name="anna", dob="1980-02-29"),
        PersonInput(family_name="Muller", given_name="Ana", dob="1980-02-29"),  # close name
        PersonInput(family_name="Anna", given_name="Müller", dob="1980-02-29"),  # swapped fields
        PersonInput(family_name="Müller", given_name="Anna", dob="1980-02-19"),  # birth date one typo off
    ):
        with pytest.raises(DuplicateSuspected) as caught:
            desk.register_walk_in(NURSE, same)
        assert center["mueller"] in [c.person_id for c in caught.value.candidates]
    assert persons() == before
    person_id, visit_id = desk.register_walk_in(
        NURSE, PersonInput(family_name="Müller", given_name="Anna", dob="1980-02-29"), confirm_new=True
    )
    assert persons() == before + 1 and person_id != center["mueller"]
    with store.read() as session:
        assert session.get(Visit, visit_id) is not None
        assert session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "person.duplicate_overridden")) == 1


def test_new_walk_in_without_lookalikes_is_registered_and_queued(desk: CheckInDesk, center: dict[str, str]) -> None:
    person_id, visit_id = desk.register_walk_in(
        NURSE, PersonInput(family_name="Nakamura", given_name="Yuki", dob="1999-09-09", sex="f"))
    assert [r.visit_id for r in desk.queue(NURSE)] == [visit_id]
    assert desk.find(NURSE, "Nakamura").matches[0].person_id == person_id


@pytest.mark.parametrize(
    "bad",
    [
        PersonInput(family_name="Müller", given_name="Anna", dob="2999-01-01"),
        PersonInput(family_name="Müller", given_name="Anna", dob="31.02.1980"),
        PersonInput(family_name="Mül\x00ler", given_name="Anna", dob="1980-01-01"),
        PersonInput(family_name="💉", given_name="Anna", dob="1980-01-01"),
        PersonInput(family_name="A" * 5000, given_name="Anna", dob="1980-01-01"),
        PersonInput(family_name="Müller", given_name="Anna", dob="1980-01-01", sex="q"),
    ],
)
def test_invalid_walk_ins_write_nothing(store: Store, desk: CheckInDesk, bad: PersonInput) -> None:
    with store.read() as session:
        before = session.scalar(select(func.count()).select_from(AuditLog))
    with pytest.raises(ValidationError):
        desk.register_walk_in(NURSE, bad, confirm_new=True)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditLog)) == before


def test_identity_document_types(desk: CheckInDesk, center: dict[str, str]) -> None:
    visit = desk.check_in(NURSE, center["obrien_appt"])
    with pytest.raises(ValidationError):
        desk.record_identity(NURSE, visit, "photo of the passport")


def test_existing_person_starts_a_walk_in_visit_without_a_new_person(
    store: Store, desk: CheckInDesk, center: dict[str, str]
) -> None:
    with store.read() as session:
        persons_before = session.scalar(select(func.count()).select_from(Person))
    visit_id = desk.start_walk_in_visit(NURSE, center["muller_nobooking"])
    (row,) = desk.queue(NURSE)
    assert (row.visit_id, row.person_id, row.state) == (visit_id, center["muller_nobooking"], "checked_in")
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == persons_before
        assert session.get(Visit, visit_id).appointment_id is None  # type: ignore[union-attr]
    with pytest.raises(RuleViolation):
        desk.start_walk_in_visit(NURSE, center["muller_nobooking"])  # already in the queue
    from app.errors import NotFound

    with pytest.raises(NotFound):
        desk.start_walk_in_visit(NURSE, "no-such-person")


# ---- search that scales (issue 19): ranked and limited in SQL, kept in step by triggers ------------------


def _many(store: Store, family: str, count: int, *, booked: int = 0, dob: str = "1970-01-01") -> list[str]:
    """`count` persons called `family`; the last `booked` of them booked today (the end of the alphabet)."""
    ids = []
    with UnitOfWork(store, Actor.system(), clock) as uow:
        slot = open_slots(uow, SlotPlan(site_id=store.identity.site_id, opens=NOW, closes=NOW + timedelta(minutes=10),
                                        slot_minutes=10, capacity=max(booked, 1)))[0]
        for i in range(count):
            given = "".join(chr(ord("a") + (i // 26 ** p) % 26) for p in (1, 0)).capitalize() + "na"
            ids.append(add_person(uow, PersonInput(family_name=family, given_name=given, dob=dob)).id)
        for person_id in ids[count - booked:]:
            book_appointment(uow, person_id=person_id, slot_id=slot.id)
    return ids


def test_a_common_name_lists_fifty_today_first_and_says_how_many_match(store: Store, desk: CheckInDesk) -> None:
    ids = _many(store, "Schmidt", 130, booked=3)
    result = desk.find(NURSE, "Schmidt")
    assert len(result.matches) == 50 and result.total == 130
    assert result.reason is not None and result.reason.code == "search_more_add_dob"
    assert result.message == "50 of 130 — add the date of birth."
    # The three booked today come first although their given names sort last.
    assert {m.person_id for m in result.matches[:3]} == set(ids[-3:])
    assert all(m.booking is not None for m in result.matches[:3])
    assert all(m.booking is None for m in result.matches[3:])
    # The rest in alphabetical order of the given name, as search keys spell it (Aena = Ana = Äna).
    from app.domain.names import search_key

    rest = [search_key(m.given_name) for m in result.matches[3:]]
    assert rest == sorted(rest)


def test_name_and_date_of_birth_or_given_name_narrow_a_crowd(store: Store, desk: CheckInDesk) -> None:
    _many(store, "Schmidt", 80)
    ids = _many(store, "Schmidt", 1, dob="1961-04-12")
    assert [m.person_id for m in desk.find(NURSE, "Schmidt 12.04.1961").matches] == ids
    with UnitOfWork(store, Actor.system(), clock) as uow:
        walpurga = add_person(uow, PersonInput(family_name="Schmidt", given_name="Walpurga", dob="1950-05-05")).id
    for typed in ("Schmidt Walpurga", "walpurga schmidt", "Schmidt Walp", "Schmidt Walprga"):
        result = desk.find(NURSE, typed)
        assert [m.person_id for m in result.matches] == [walpurga] and result.reason is None and result.total == 1
    # A given name nobody has is ignored: the family name alone is listed.
    assert desk.find(NURSE, "Schmidt Xyzzyq").total == 82


def test_a_crowd_beyond_the_count_cap_says_more_than(store: Store, desk: CheckInDesk,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.checkin as checkin
    import app.services.name_search as name_search

    monkeypatch.setattr(name_search, "COUNT_CAP", 60)
    monkeypatch.setattr(checkin, "COUNT_CAP", 60)
    _many(store, "Weber", 75)
    result = desk.find(NURSE, "Weber")
    assert result.reason is not None and result.reason.code == "search_many_add_dob"
    assert result.message == "50 of more than 60 — add the date of birth."


@pytest.mark.parametrize("typed", ["Xchmidt", "Scmidt", "chmidt", "Schmidtt", "Schimdt"])
def test_one_typo_anywhere_is_found_even_in_the_first_letters(store: Store, desk: CheckInDesk, typed: str) -> None:
    ids = _many(store, "Schmidt", 2)
    assert {m.person_id for m in desk.find(NURSE, typed).matches} >= set(ids)


def test_a_prefix_offers_the_common_names_first(store: Store, desk: CheckInDesk) -> None:
    with UnitOfWork(store, Actor.system(), clock) as uow:
        # 45 rare names starting with "Ber" sort before the common one alphabetically.
        for i in range(45):
            add_person(uow, PersonInput(family_name=f"Bera{chr(97 + i % 26)}{chr(97 + i // 26)}", given_name="Eva",
                                        dob="1980-01-01"))
    common = _many(store, "Bergmann", 5)
    assert set(common) <= {m.person_id for m in desk.find(NURSE, "Ber").matches}


def test_rows_written_by_sync_are_searchable_and_follow_every_change(store: Store, desk: CheckInDesk) -> None:
    """Sync inserts with plain SQL (INSERT OR IGNORE), not through the services: the triggers index it."""
    from sqlalchemy import insert, update

    from app.services.persons import search_columns
    from app.storage.schema import Appointment, Product, Slot

    with store.write() as session:
        session.execute(insert(Slot), [{"id": "slot-1", "site_id": store.identity.site_id, "starts_at": NOW,
                                        "ends_at": NOW + timedelta(minutes=10), "capacity": 5}])
        session.execute(insert(Person).prefix_with("OR IGNORE"), [
            {"id": "p-1", "family_name": "Nakamura", "given_name": "Yuki", "dob": "1990-09-09",
             "created_at": NOW, "updated_at": NOW, **search_columns("Nakamura", "Yuki")}])
        session.execute(insert(Appointment), [
            {"id": "a-1", "person_id": "p-1", "slot_id": "slot-1", "site_id": store.identity.site_id,
             "booking_code": "PULLED01", "state": "booked", "state_changed_at": NOW, "created_at": NOW}])
    (match,) = desk.find(NURSE, "Nakamura Yuki").matches
    assert match.person_id == "p-1" and match.booking is not None and match.booking.appointment_id == "a-1"
    assert desk.find(NURSE, "Nakamura").matches[0].person_id == "p-1"  # also by the family name alone
    assert desk.find(NURSE, "Nakamara").matches[0].person_id == "p-1"  # and with a typo
    with store.write() as session:  # renamed on another station
        session.execute(update(Person).where(Person.id == "p-1").values(
            family_name="Tanaka", **search_columns("Tanaka", "Yuki")))
    assert desk.find(NURSE, "Nakamura").matches == ()
    (renamed,) = desk.find(NURSE, "Tanaka").matches
    assert (renamed.family_name, renamed.given_name) == ("Tanaka", "Yuki") and renamed.booking is not None
    # The list shows each change made with plain SQL: a spelling that keeps the key, the booking's
    # code, product and dose, and a move to a later slot.
    with store.write() as session:
        product = session.scalars(select(Product.code).order_by(Product.code)).first()
        session.execute(insert(Slot), [{"id": "slot-2", "site_id": store.identity.site_id,
                                        "starts_at": NOW + timedelta(hours=2),
                                        "ends_at": NOW + timedelta(hours=2, minutes=10), "capacity": 5}])
        session.execute(update(Person).where(Person.id == "p-1").values(given_name="Yūki"))
        session.execute(update(Appointment).where(Appointment.id == "a-1").values(
            booking_code="PULLED02", product_code=product, dose_number=2, slot_id="slot-2"))
    (changed,) = desk.find(NURSE, "Tanaka Yuki").matches
    assert changed.given_name == "Yūki" and changed.booking is not None
    assert (changed.booking.booking_code, changed.booking.product_code, changed.booking.dose_number) == (
        format_booking_code("PULLED02"), product, 2)
    assert changed.booking.starts_at == (NOW + timedelta(hours=2)).astimezone(changed.booking.starts_at.tzinfo)
    with store.write() as session:
        session.execute(update(Appointment).where(Appointment.id == "a-1").values(state="cancelled"))
    assert desk.find(NURSE, "Tanaka").matches[0].booking is None
    with store.write() as session:
        session.execute(update(Person).where(Person.id == "p-1").values(deleted_at=NOW))
    assert desk.find(NURSE, "Tanaka").matches == ()


def test_search_works_the_same_on_a_restored_backup(store: Store, desk: CheckInDesk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.storage.backup import restore_backup, write_backup
    from app.storage.engine import open_store
    from tests.conftest import PASSPHRASE

    ids = _many(store, "Schmidt", 60, booked=2)
    write_backup(store, tmp_path / "b.vxbak")
    restore_backup(tmp_path / "b.vxbak", tmp_path / "restored.db", PASSPHRASE)
    with open_store(tmp_path / "restored.db", PASSPHRASE) as restored:
        again = CheckInDesk(restored, clock=clock)
        for typed in ("Schmidt", "Shmidt", "Schmidt Bana"):
            assert [m.person_id for m in again.find(NURSE, typed).matches] == [m.person_id for m in desk.find(NURSE, typed).matches]
        assert {m.person_id for m in again.find(NURSE, "Schmidt").matches[:2]} == set(ids[-2:])
        # The triggers came along: a person added after the restore is found.
        with UnitOfWork(restored, Actor.system(), clock) as uow:
            new = add_person(uow, PersonInput(family_name="Schmidtke", given_name="Ole", dob="1990-01-01")).id
        assert new in {m.person_id for m in again.find(NURSE, "Schmidtke").matches}


def test_a_pasted_wall_of_letters_finds_nobody_without_a_flood_of_variants(
        desk: CheckInDesk, center: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.name_search as name_search

    asked: list[str] = []
    real = name_search._left_out
    monkeypatch.setattr(name_search, "_left_out", lambda key, letters: asked.append(key) or real(key, letters=letters))
    for text in ("q" * 199, "Müller" + "x" * 150, " ".join(["abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw"] * 4)):
        result = desk.find(NURSE, text)
        assert result.matches == () and result.reason is not None and result.reason.code == "search_nobody_found"
    assert asked == []  # a 190-letter word would have asked for 18,000 deletions
    desk.find(NURSE, "Schmitd")
    assert asked == ["schmitd"]  # a name-length word still gets its typos looked up


def test_consent_of_a_person_known_by_birth_year_only(store: Store, desk: CheckInDesk) -> None:
    """Persons from an import, the booking page or a certificate may have a year (and month) of birth
    only: the desk takes their consent instead of failing, and one who may still be 15 needs the guardian."""
    with UnitOfWork(store, Actor.system(), clock) as uow:
        adult = add_person(uow, PersonInput(family_name="Jahr", given_name="Nurda", dob="1975")).id
        teen = add_person(uow, PersonInput(family_name="Monat", given_name="Nurda", dob="2014-05")).id
    adult_visit = desk.start_walk_in_visit(NURSE, adult)
    assert desk.record_questionnaire(NURSE, adult_visit, answers()) == (False, 15)
    teen_visit = desk.start_walk_in_visit(NURSE, teen)  # 16 on 31 May 2030 at the latest, 15 today maybe
    with pytest.raises(RuleViolation) as own:
        desk.record_questionnaire(NURSE, teen_visit, answers())
    assert own.value.code == "consent_minor_needs_guardian" and own.value.params == {"age": 15, "limit": 16}
    assert desk.record_questionnaire(NURSE, teen_visit, answers(), consent_by="guardian",
                                     guardian_name="Maria Monat") == (False, 15)
    with store.read() as session:
        assert session.get(Visit, teen_visit).consent_by == "guardian"  # type: ignore[union-attr]


def test_scans_that_are_no_name_never_offer_a_walk_in(desk: CheckInDesk, center: dict[str, str]) -> None:
    """A scanner sending its symbology identifier still finds the booking; the booking QR's prefix with
    other data after it, a certificate's QR or a vial code are refused for what they are instead of being
    searched as names ("Nobody found … register a walk-in" for someone who has a booking)."""
    code = center["mueller_code"]
    for scan in (f"]Q1VAXDESK:{code}\r\n", f"]Q3VAXDESK:{format_booking_code(code)}"):
        found = desk.find(NURSE, scan)
        assert found.query_kind.value == "code" and [m.person_id for m in found.matches] == [center["mueller"]]
    for scan in (f"VAXDESK:{code}|slot=10:00", "VAXDESK:", f"]Q1VAXDESK:{code[:-1]}"):
        refused = desk.find(NURSE, scan)
        assert (refused.query_kind.value, refused.matches) == ("invalid", ()), scan
        assert refused.reason is not None and refused.reason.code == "search_code_invalid"
    certificate = "HC1:" + "6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4." * 8  # ~500 characters
    for scan in (certificate, certificate[:60], f"]Q1{certificate}"):
        refused = desk.find(NURSE, scan)
        assert refused.reason is not None and refused.reason.code == "search_certificate_scanned"
    for scan in ("]d2010415056700000017310630\x1d10AB12C", "(01)04150567000000(17)310630(10)AB12C"):
        vial = desk.find(NURSE, scan)
        assert vial.query_kind.value == "invalid" and vial.reason is not None
        assert vial.reason.code == "search_not_understood"
