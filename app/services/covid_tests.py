"""COVID tests at the station: a test ordered for a visit (booked or walk-in), the sample taken, the result
entered — never before a rapid test's reading time — and voided when entered in error. A positive NAAT
becomes an infection record (recovery certificate); a result the person asked to get by mail goes to the
tenant API with the test, which queues the mail (sync/server/test_results.py).

The rapid test devices are the EU value set `covid-19-lab-test-manufacturer-and-name`
(resources/dcc/valuesets/test-manf.json); their minimum reading times are in resources/test_devices.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, cached_property
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.catalogue import Catalogue
from app.domain.ids import uuid7
from app.errors import NotFound, RuleViolation, ValidationError
from app.resources import resource
from app.services.audit import record_access
from app.services.doses import day_range
from app.services.infections import record_positive_naat, void_infection
from app.services.permissions import use_case
from app.services.revocations import revoke_certificates
from app.services.rows import get_row
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.services.vaccinations import renumber_later_doses
from app.storage.engine import Store
from app.storage.schema import Certificate, CovidTest, Infection, Person, Site, Visit

TEST_TYPES: tuple[str, ...] = ("rat", "naat")
RESULTS: tuple[str, ...] = ("positive", "negative", "invalid")
MAIL_LANGUAGES = ("de", "en")
# What a scanner or keyboard may put in a device id, a lab name, a sample id: bounded, printable.
_DEVICE_ID = re.compile(r"[0-9A-Za-z-]{1,16}")
_SAMPLE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z ./_-]{0,39}")


@dataclass(frozen=True)
class Device:
    """A rapid antigen test from the EU list, with the minutes before its result may be read."""

    device_id: str
    name: str
    active: bool
    reading_minutes: int


@dataclass(frozen=True)
class DeviceCatalogue:
    devices: dict[str, Device]
    default_reading_minutes: int

    def get(self, device_id: str) -> Device:
        """The device, or ValidationError naming why it cannot be used (unknown, withdrawn, not an id)."""
        text = device_id.strip()
        if not _DEVICE_ID.fullmatch(text):
            # Not echoed as typed: a scanned or pasted code may carry control or direction characters.
            shown = "".join(ch for ch in text if ch.isascii() and ch.isalnum())[:16]
            raise ValidationError(code="test_device_unknown", params={"device": shown}, field="device_id")
        found = self.devices.get(text)
        if found is None:
            raise ValidationError(code="test_device_unknown", params={"device": text}, field="device_id")
        if not found.active:
            raise ValidationError(code="test_device_inactive", params={"device": found.name[:80]}, field="device_id")
        return found

    def active(self) -> list[Device]:
        return sorted((d for d in self.devices.values() if d.active), key=lambda d: d.name.casefold())


@cache
def device_catalogue() -> DeviceCatalogue:
    """The EU value set (names, active) joined with our reading times (a device not listed there gets the
    default, which is the common instruction for lateral-flow tests)."""
    valueset = json.loads(resource("dcc", "valuesets", "test-manf.json").read_text(encoding="utf-8"))
    times = json.loads(resource("test_devices.json").read_text(encoding="utf-8"))
    default = int(times["default_reading_minutes"])
    minutes = {str(k): int(v) for k, v in times.get("reading_minutes", {}).items()}
    devices = {code: Device(device_id=code, name=str(entry.get("display", code)), active=bool(entry.get("active")),
                            reading_minutes=minutes.get(code, default))
               for code, entry in valueset["valueSetValues"].items()}
    return DeviceCatalogue(devices=devices, default_reading_minutes=default)


TestState = Literal["ordered", "sampled", "resulted", "voided"]


@dataclass(frozen=True)
class TestRow:
    """One test as the desk lists it."""

    __test__ = False  # not a pytest class

    test_id: str
    person_id: str
    visit_id: str | None
    family_name: str
    given_name: str
    dob: str
    test_type: str
    state: TestState
    ordered_at: datetime  # site-local
    sampled_at: datetime | None
    ready_at: datetime | None  # rat: when the result may be read; naat: None (the lab tells)
    device_name: str | None
    lab_name: str | None
    sample_id: str | None
    result: str | None
    mail_result: bool
    mail_state: str | None  # the tenant API's word on the mail: queued, sent, failed, refused
    infection_id: str | None
    certificate_id: str | None = None  # the EU test certificate in force, if one was issued


def _state(test: CovidTest) -> TestState:
    if test.voided_at is not None:
        return "voided"
    if test.result is not None:
        return "resulted"
    return "sampled" if test.sampled_at is not None else "ordered"


def _ready_at(test: CovidTest) -> datetime | None:
    if test.test_type != "rat" or test.sampled_at is None or test.reading_minutes is None:
        return None
    return test.sampled_at + timedelta(minutes=test.reading_minutes)


def _payload(test: CovidTest) -> dict[str, object]:
    # The unit of work sends the rows it flushed; a payload marks the action as synced.
    return {"id": test.id}


class TestingDesk:
    """The testing lane's use cases (every public method in app/services/permissions.py)."""

    __test__ = False

    def __init__(self, store: Store, *, clock: Clock = system_clock,
                 devices: DeviceCatalogue | None = None) -> None:
        self.store = store
        self.clock = clock
        self.devices = devices or device_catalogue()

    @cached_property
    def catalogue(self) -> Catalogue:
        """The vaccine catalogue, loaded once and only when a voided test renumbers doses (as SiteService)."""
        from app.services.catalogue import load_catalogue  # start-up: the testing lane rarely needs it

        return load_catalogue()

    @use_case
    def device_list(self) -> list[Device]:
        """The rapid test devices a sample may be taken with (the EU list's active ones)."""
        return self.devices.active()

    # ---- ordering, sampling, results ---------------------------------------------------------

    @use_case
    def order(self, actor: Actor, visit_id: str, *, test_type: str, mail_result: bool = False,
              mail_lang: str = "de") -> str:
        """A test for a checked-in visit (a booking or a walk-in). With `mail_result`, the person asked to
        get the result by e-mail (their address on record). Returns the test id."""
        if test_type not in TEST_TYPES:
            raise ValidationError(code="test_type_invalid", field="test_type")
        if mail_lang not in MAIL_LANGUAGES:
            raise ValidationError(code="result_mail_language", params={"lang": mail_lang[:8]}, field="mail_lang")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            visit = get_row(uow.session, Visit, visit_id, code="test_visit_not_found")
            person = uow.session.get(Person, visit.person_id)
            assert person is not None
            if person.deleted_at is not None:
                raise NotFound(code="person_not_found")
            if mail_result and not (person.email or "").strip():
                raise ValidationError(code="test_mail_no_email", field="mail_result")
            open_test = uow.session.scalar(select(CovidTest.id).where(
                CovidTest.visit_id == visit_id, CovidTest.result.is_(None), CovidTest.voided_at.is_(None)))
            if open_test is not None:
                raise RuleViolation(code="test_already_open")
            test = CovidTest(id=uuid7(), person_id=person.id, visit_id=visit.id, site_id=visit.site_id,
                             test_type=test_type, ordered_at=uow.now, ordered_by=actor.staff_id,
                             mail_result=mail_result, mail_lang=mail_lang if mail_result else None)
            uow.session.add(test)
            uow.session.flush()
            uow.record(action="test.ordered", entity="covid_test", entity_id=test.id, payload=_payload(test),
                       details={"test_type": test_type, "mail_result": mail_result})
            return test.id

    @use_case
    def take_sample(self, actor: Actor, test_id: str, *, device_id: str | None = None,
                    lab_name: str | None = None, sample_id: str | None = None) -> TestRow:
        """The sample is taken now, by `actor`: a rapid test names its device (EU list), a NAAT its lab
        and the sample's id."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            test = self._open_test(uow.session, test_id)
            if test.sampled_at is not None:
                raise RuleViolation(code="test_already_sampled")
            if test.test_type == "rat":
                if device_id is None or not device_id.strip():
                    raise ValidationError(code="test_device_required", field="device_id")
                device = self.devices.get(device_id)
                test.device_id, test.reading_minutes = device.device_id, device.reading_minutes
            else:
                lab = " ".join((lab_name or "").split())
                sample = (sample_id or "").strip()
                if not lab:
                    raise ValidationError(code="test_lab_required", field="lab_name")
                if len(lab) > 80 or not lab.isprintable():
                    raise ValidationError(code="field_too_long", params={"label": "Lab", "max": 80}, field="lab_name")
                if not _SAMPLE_ID.fullmatch(sample):
                    raise ValidationError(code="test_sample_id_invalid", field="sample_id")
                test.lab_name, test.sample_id = lab, sample
            test.sampled_at, test.sampled_by = uow.now, actor.staff_id
            uow.record(action="test.sampled", entity="covid_test", entity_id=test.id, payload=_payload(test),
                       details={"device_id": test.device_id, "lab": test.lab_name is not None})
            return self._row(uow.session, test)

    @use_case
    def enter_result(self, actor: Actor, test_id: str, *, result: str) -> TestRow:
        """The result, by `actor`. A rapid test read before its reading time is a hard stop (the result
        cannot be trusted yet; no override). A positive NAAT records the infection."""
        if result not in RESULTS:
            raise ValidationError(code="test_result_invalid", field="result")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            test = self._open_test(uow.session, test_id)
            if test.sampled_at is None:
                raise RuleViolation(code="test_not_sampled")
            ready = _ready_at(test)
            if ready is not None and uow.now < test.sampled_at:
                # The station's clock reads earlier than the sample: it was set back since (a clock three hours
                # fast, then corrected). How long the test has developed cannot be told; waiting for a reading
                # time hours away would be a false instruction.
                raise RuleViolation(code="test_clock_before_sample", params={
                    "time": test.sampled_at.astimezone(self._tz(uow.session)).strftime("%H:%M")})
            if ready is not None and uow.now < ready:
                tz = self._tz(uow.session)
                raise RuleViolation(code="test_too_early", params={
                    "time": ready.astimezone(tz).strftime("%H:%M"), "minutes": test.reading_minutes or 0,
                    "seconds": int((ready - uow.now).total_seconds()) + 1})
            if result == "positive" and test.test_type == "naat":
                site = uow.session.get(Site, test.site_id)
                assert site is not None
                sampled_on = test.sampled_at.astimezone(ZoneInfo(site.timezone)).date()
                # Recorded first: the test row names it, and the server needs the parent before the child.
                same_day = uow.session.scalar(select(Infection.id).where(
                    Infection.person_id == test.person_id, Infection.detected_on == sampled_on,
                    Infection.voided_at.is_(None)))
                test.infection_id = same_day or record_positive_naat(
                    uow, person_id=test.person_id, sampled_on=sampled_on, country=site.country)
            test.result, test.resulted_at, test.resulted_by = result, uow.now, actor.staff_id
            uow.record(action="test.resulted", entity="covid_test", entity_id=test.id, payload=_payload(test),
                       details={"result": result})
            return self._row(uow.session, test)

    @use_case
    def void(self, actor: Actor, test_id: str, *, reason: str) -> None:
        """A test entered in error (wrong person, a broken sample): kept, marked void, with the reason.
        A positive NAAT's infection is voided with it."""
        text = " ".join(reason.split())
        if not text:
            raise ValidationError(code="field_required", params={"label": "Reason"}, field="reason")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            test = get_row(uow.session, CovidTest, test_id, code="test_not_found")
            if test.voided_at is not None:
                raise RuleViolation(code="test_voided")
            # Its certificates go with it: a test certificate, and the recovery one of a positive NAAT.
            revoke_certificates(uow, test_id=test.id, reason=text)
            if test.infection_id is not None:
                revoke_certificates(uow, infection_id=test.infection_id, reason=text)
                void_infection(uow, test.infection_id, reason=text)
                # A dose after the infection counted as its 1/1; without it the series is not complete.
                infection = uow.session.get(Infection, test.infection_id)
                if infection is not None:
                    renumber_later_doses(uow, test.person_id, reason=text, after=infection.detected_on,
                                         catalogue=self.catalogue, tz=self._tz(uow.session))
            test.voided_at, test.void_reason = uow.now, text[:300]
            uow.record(action="test.voided", entity="covid_test", entity_id=test.id,
                       payload={"reason": text[:300]}, details={"reason": text[:300]})

    # ---- reading ------------------------------------------------------------------------------

    @use_case
    def get(self, actor: Actor, test_id: str) -> TestRow:
        with self.store.read() as session:
            test = get_row(session, CovidTest, test_id, code="test_not_found")
            row = self._row(session, test)
        record_access(self.store, actor, action="test.viewed", entity="covid_test", entity_id=test_id,
                      persons=[row.person_id], clock=self.clock)
        return row

    @use_case
    def waiting(self, actor: Actor) -> list[TestRow]:
        """Today's tests still without a result, those whose reading time has come first (then by sample
        time): the queue of the testing lane."""
        with self.store.read() as session:
            start, end = self._today(session)
            tests = list(session.scalars(select(CovidTest).where(
                CovidTest.ordered_at >= start, CovidTest.ordered_at < end, CovidTest.result.is_(None),
                CovidTest.voided_at.is_(None))))
            rows = self._rows(session, tests)
        now = self.clock()
        rows.sort(key=lambda r: (r.sampled_at is None, (r.ready_at or now) > now, r.ready_at or r.ordered_at,
                                 r.ordered_at))
        if rows:
            record_access(self.store, actor, action="test.queue_viewed", entity="covid_test", entity_id=None,
                          persons=sorted({r.person_id for r in rows}), clock=self.clock)
        return rows

    @use_case
    def tests_of_day(self, actor: Actor, day: date | None = None) -> list[TestRow]:
        """Every test ordered on `day` (site-local; default today), with results and mail status."""
        with self.store.read() as session:
            start, end = self._today(session, day)
            tests = list(session.scalars(select(CovidTest).where(
                CovidTest.ordered_at >= start, CovidTest.ordered_at < end).order_by(CovidTest.ordered_at)))
            rows = self._rows(session, tests)
        if rows:
            record_access(self.store, actor, action="test.list_viewed", entity="covid_test", entity_id=None,
                          persons=sorted({r.person_id for r in rows}), clock=self.clock)
        return rows

    # ---- inside -------------------------------------------------------------------------------

    @staticmethod
    def _open_test(session: Session, test_id: str) -> CovidTest:
        test = get_row(session, CovidTest, test_id, code="test_not_found")
        if test.voided_at is not None:
            raise RuleViolation(code="test_voided")
        if test.result is not None:
            raise RuleViolation(code="test_already_resulted")
        return test

    def _tz(self, session: Session) -> ZoneInfo:
        site = session.get(Site, self.store.identity.site_id)
        assert site is not None
        return ZoneInfo(site.timezone)

    def _today(self, session: Session, day: date | None = None) -> tuple[datetime, datetime]:
        tz = self._tz(session)
        day = day or self.clock().astimezone(tz).date()
        return day_range(day, tz)

    def _row(self, session: Session, test: CovidTest) -> TestRow:
        return self._rows(session, [test])[0]

    def _rows(self, session: Session, tests: list[CovidTest]) -> list[TestRow]:
        """The desk's rows of `tests`, their persons and certificates read in one query each (a day's list
        of a busy lane is hundreds of tests)."""
        ids = [t.id for t in tests]
        persons = {p.id: p for p in session.scalars(select(Person).where(
            Person.id.in_({t.person_id for t in tests})))}
        certificates = dict(session.execute(select(Certificate.test_id, Certificate.id).where(
            Certificate.test_id.in_(ids), Certificate.revoked_at.is_(None), Certificate.hc1.is_not(None))).all())
        tz = self._tz(session)
        return [self._row_of(test, persons[test.person_id], tz, certificates.get(test.id)) for test in tests]

    def _row_of(self, test: CovidTest, person: Person, tz: ZoneInfo, certificate_id: str | None) -> TestRow:
        device = self.devices.devices.get(test.device_id) if test.device_id else None
        ready = _ready_at(test)
        return TestRow(
            test_id=test.id, person_id=test.person_id, visit_id=test.visit_id, family_name=person.family_name,
            given_name=person.given_name, dob=person.dob, test_type=test.test_type, state=_state(test),
            ordered_at=test.ordered_at.astimezone(tz),
            sampled_at=test.sampled_at.astimezone(tz) if test.sampled_at else None,
            ready_at=ready.astimezone(tz) if ready else None,
            device_name=device.name if device else test.device_id, lab_name=test.lab_name, sample_id=test.sample_id,
            result=test.result, mail_result=test.mail_result, mail_state=test.mail_state,
            infection_id=test.infection_id, certificate_id=certificate_id)


@dataclass(frozen=True)
class TestFigures:
    __test__ = False

    taken: int  # sampled, not voided
    positive: int
    negative: int
    invalid: int
    rapid: int
    naat: int
    mailed: int = 0  # results the tenant API queued or sent by mail
    mail_waiting: int = 0  # results to be mailed that the tenant API has not taken yet (not synced)


def test_figures(session: Session, *, start: datetime | None = None, end: datetime | None = None) -> TestFigures:
    """Counts of tests sampled here (in [start, end) when given), voided ones left out: the daily
    report, `vaxdesk stats` and the day simulation count the same way."""
    query = select(CovidTest.test_type, CovidTest.result, func.count()).where(
        CovidTest.sampled_at.is_not(None), CovidTest.voided_at.is_(None))
    if start is not None and end is not None:
        query = query.where(CovidTest.sampled_at >= start, CovidTest.sampled_at < end)
    counts = session.execute(query.group_by(CovidTest.test_type, CovidTest.result)).all()
    by_result: dict[str | None, int] = {}
    by_type: dict[str, int] = {}
    for test_type, result, n in counts:
        by_result[result] = by_result.get(result, 0) + int(n)
        by_type[test_type] = by_type.get(test_type, 0) + int(n)
    mail = select(CovidTest.mail_state, func.count()).where(
        CovidTest.mail_result.is_(True), CovidTest.result.is_not(None), CovidTest.voided_at.is_(None))
    if start is not None and end is not None:
        mail = mail.where(CovidTest.sampled_at >= start, CovidTest.sampled_at < end)
    mail_states = {state: int(n) for state, n in session.execute(mail.group_by(CovidTest.mail_state)).all()}
    return TestFigures(taken=sum(by_type.values()), positive=by_result.get("positive", 0),
                       negative=by_result.get("negative", 0), invalid=by_result.get("invalid", 0),
                       rapid=by_type.get("rat", 0), naat=by_type.get("naat", 0),
                       mailed=mail_states.get("queued", 0) + mail_states.get("sent", 0),
                       mail_waiting=mail_states.get(None, 0))
