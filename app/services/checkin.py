"""The check-in desk: find the booking (scan or search), register walk-ins without duplicates,
identity check, consent and questionnaire, and the queue with its observation timer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.domain.booking_code import format_booking_code, normalise_booking_code
from app.domain.ids import uuid7
from app.domain.names import edit_distance, search_key, similarity, validate_person_name
from app.domain.person_details import age_range
from app.domain.questionnaire import Answer, Questionnaire, evaluate_answers
from app.domain.queue import ACTIVE, ArrivalCheck, VisitState, check_transition, classify_arrival
from app.errors import NotFound, RuleViolation, ValidationError, VaxDeskError
from app.reasons import Reason
from app.services.audit import record_access
from app.services.doses import day_range
from app.services.infections import record_infection
from app.services.name_search import (
    COUNT_CAP,
    PREFIX,
    NameSearch,
    booking_by_code,
    family_candidates,
    given_candidates,
    listed,
    search_names,
)
from app.services.permissions import use_case
from app.services.persons import PersonInput, add_person, validate_dob
from app.services.questionnaire import load_questionnaire
from app.services.rows import get_row
from app.services.site_service import SiteService
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import Store
from app.storage.schema import Appointment, Infection, Person, Site, Slot, Visit
from app.storage.statements import driver

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50
ID_DOCUMENTS = ("id_card", "passport", "residence_permit", "driving_licence", "health_card", "other")
DEFAULT_OBSERVATION_MINUTES = 15
# An AIM symbology identifier (ISO/IEC 15424) a scanner may send before what it read: "]Q1" for a QR code.
_SYMBOLOGY = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# A GS1 code of a product (a vial's or carton's DataMatrix): its GTIN first, raw or bracketed. Its lot
# would otherwise be searched as a name.
_GS1_PRODUCT = re.compile(r"^(?:\(01\)|01)[0-9]{14}")
# Shaped like a booking code (ABCD-EFGH-J) but not a valid one: a misread scan or a typo.
_CODE_SHAPE = re.compile(r"^[a-z0-9]{4}[- ]?[a-z0-9]{4}[- ]?[a-z0-9]$", re.IGNORECASE)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),  # 1980-02-29
    re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"),  # 29.02.1980 (as Germans write it)
    re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"),  # 29/02/1980
)


@dataclass(frozen=True)
class BookingInfo:
    appointment_id: str
    booking_code: str  # formatted, e.g. ABCD-EFGH-J
    starts_at: datetime  # site-local
    state: str
    product_code: str | None
    dose_number: int
    site_name: str
    arrival: ArrivalCheck


@dataclass(frozen=True)
class PersonMatch:
    person_id: str
    family_name: str
    given_name: str
    dob: str
    booking: BookingInfo | None  # the booking that matters today (or the one scanned)
    score: float
    matched_by: str  # code | name_dob | name | fuzzy


@dataclass(frozen=True)
class OpenVisit:
    """A visit begun at the desk and not yet sent to the queue: what is still to do."""

    visit_id: str
    person_id: str
    appointment_id: str | None
    document_type: str | None  # None: identity not checked yet
    identity_checked_at: datetime | None  # site-local
    consent_done: bool


class QueryKind(StrEnum):
    """What the nurse's input was taken for: the kind of answer the search gives."""

    CODE = "code"  # a booking code (scanned or typed)
    NAME_DOB = "name_dob"  # a name and a date of birth
    NAME = "name"
    EMPTY = "empty"
    INVALID = "invalid"  # not understood: `reason` says why


@dataclass(frozen=True)
class SearchResult:
    query_kind: QueryKind
    matches: tuple[PersonMatch, ...]
    # Why nothing (or not everyone) is shown: "search_nobody_found", "search_more_add_dob", …
    reason: Reason | None = None
    total: int = 0  # persons matching the name (up to name_search.COUNT_CAP + 1); matches shows the best

    @property
    def message(self) -> str | None:
        """The English sentence for the reason (the CLI's and the logs' words; the UI translates the code)."""
        return None if self.reason is None else str(self.reason)


class DuplicateSuspected(VaxDeskError):
    """The walk-in looks like someone already registered; the nurse chooses, nothing was written."""

    exit_code = 16

    def __init__(self, candidates: Sequence[PersonMatch]) -> None:
        super().__init__(code="duplicate_suspected", params={"count": len(candidates)})
        self.candidates = tuple(candidates)


def _clean_query(text: str) -> str:
    # Scanners may add CR/LF, NUL or a symbology prefix; people paste with odd spaces.
    text = text.replace("\x1d", " ")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())


def _narrowing(shown: int, found: NameSearch) -> Reason | None:
    """What the nurse can add when more persons match than the list shows."""
    if found.total <= shown:
        return None
    if found.capped:
        return Reason("search_many_add_dob", {"shown": shown, "total": COUNT_CAP})
    return Reason("search_more_add_dob", {"shown": shown, "total": found.total})


# Slot times in the site's time zone: a day has a few dozen slots, and every list shows many of them.
@lru_cache(maxsize=4096)
def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.astimezone(tz)


def _parse_date(token: str) -> str | None:
    for i, pattern in enumerate(_DATE_PATTERNS):
        m = pattern.match(token)
        if m:
            y, mo, d = (m[1], m[2], m[3]) if i == 0 else (m[3], m[2], m[1])
            try:
                return date(int(y), int(mo), int(d)).isoformat()
            except ValueError:
                return None
    return None


class CheckInDesk(SiteService):
    """The check-in use cases for one station. Every method is one transaction or one read."""

    def __init__(self, store: Store, *, clock: Clock = system_clock, questionnaire: Questionnaire | None = None):
        super().__init__(store, clock=clock)
        if questionnaire is not None:
            self.questionnaire = questionnaire

    @cached_property
    def questionnaire(self) -> Questionnaire:
        """Loaded on first use, unless given."""
        return load_questionnaire()

    # ---- finding -------------------------------------------------------------------------

    @use_case
    def find(self, actor: Actor, text: str) -> SearchResult:
        """What the nurse typed or the scanner sent → ranked matches, today's bookings first. Each search
        is audited with who searched and which persons were shown, never with what was typed."""
        result = self._find(text)
        if result.query_kind not in (QueryKind.EMPTY, QueryKind.INVALID):
            found = [m.person_id for m in result.matches]
            record_access(self.store, actor, action="person.searched", entity="person",
                          entity_id=found[0] if len(found) == 1 else None, persons=found,
                          details={"by": result.query_kind.value}, clock=self.clock)
        return result

    def _find(self, text: str) -> SearchResult:
        # A scanner set to send its symbology identifier (as the booth's vial scanners may be) puts "]Q1"
        # before the booking QR; a certificate's QR (HC1:…) is no booking, however long it is.
        scanned = _SYMBOLOGY.sub("", text.lstrip(), count=1)
        if scanned[:4].upper() == "HC1:":
            return SearchResult(QueryKind.INVALID, (), Reason("search_certificate_scanned"))
        if _GS1_PRODUCT.match(scanned):
            return SearchResult(QueryKind.INVALID, (), Reason("search_not_understood"))  # a vial or carton
        if len(text) > MAX_QUERY_LENGTH:
            return SearchResult(QueryKind.INVALID, (), Reason("search_too_long", {"count": len(text)}))
        query = _clean_query(scanned)
        if not query:
            return SearchResult(QueryKind.EMPTY, ())
        bare = query.removeprefix("VAXDESK:").removeprefix("vaxdesk:")
        code = normalise_booking_code(bare)
        if code is None and bare != query:
            # The booking QR's prefix with something else after it (a damaged print, another system's QR):
            # not a name to search for, or the desk would offer a walk-in to someone who has a booking.
            return SearchResult(QueryKind.INVALID, (), Reason("search_code_invalid"))
        with self.store.read() as session:
            if code is not None:
                return self._find_code(session, code)
            if _CODE_SHAPE.match(bare) and any(ch.isdigit() for ch in bare):
                return SearchResult(QueryKind.INVALID, (), Reason("search_code_invalid"))
            tokens = query.split(" ")
            dobs = [d for d in (_parse_date(t) for t in tokens) if d]
            words = [t for t in tokens if _parse_date(t) is None and any(ch.isalpha() for ch in t)]
            if not words and not dobs:
                return SearchResult(QueryKind.INVALID, (), Reason("search_not_understood"))
            if not words:
                return SearchResult(QueryKind.INVALID, (), Reason("search_dob_needs_name"))
            return self._find_names(session, words[:4], dobs[0] if dobs else None)

    def _today_bounds(self) -> tuple[datetime, datetime]:
        return day_range(self.clock().astimezone(self.tz).date(), self.tz)

    def _booking_info(self, row: Any, *, now: datetime | None = None,
                      known: dict[tuple[Any, ...], tuple[datetime, ArrivalCheck]] | None = None) -> BookingInfo:
        """From a row that starts as `name_search.booking_by_code` gives it. `known`: the slot times and
        arrivals worked out for the other bookings of the same list (at the same `now`), most of which
        share a slot and a state."""
        appointment_id, code, state, product, dose, site_id, starts_at, ends_at, site_name, timezone = row[:10]
        key = (state, site_id, starts_at, ends_at, site_name, timezone)
        found = known.get(key) if known is not None else None
        if found is None:
            tz = self.tz if timezone == self.tz.key else ZoneInfo(timezone)
            start, end = _local(starts_at, tz), _local(ends_at, tz)
            found = start, classify_arrival(
                state=state,
                slot_start=start,
                slot_end=end,
                booked_site_id=site_id,
                booked_site_name=site_name,
                here_site_id=self.site_id,
                now=now or self.clock(),
            )
            if known is not None:
                known[key] = found
        return BookingInfo(
            appointment_id=appointment_id,
            booking_code=format_booking_code(code),
            starts_at=found[0],
            state=state,
            product_code=product,
            dose_number=dose,
            site_name=site_name,
            arrival=found[1],
        )

    def _find_code(self, session: Session, code: str) -> SearchResult:
        # SQL text, columns only: building ORM objects, or even the statement, cost more than the query.
        row = booking_by_code(driver(session), code)
        if row is None:
            return SearchResult(QueryKind.CODE, (), Reason("search_code_unknown", {"code": format_booking_code(code)}))
        booking = self._booking_info(row)
        match = PersonMatch(str(row[10]), str(row[11]), str(row[12]), str(row[13]), booking, 1.0, "code")
        return SearchResult(QueryKind.CODE, (match,), total=1)

    def _find_names(self, session: Session, words: list[str], dob: str | None) -> SearchResult:
        kind = QueryKind.NAME_DOB if dob else QueryKind.NAME
        if not any(search_key(w) for w in words):
            return SearchResult(QueryKind.INVALID, (), Reason("search_needs_letter"))
        db = driver(session)  # once: the search's statements run on it (app.storage.statements)
        family = family_candidates(db, words)
        if not family:
            return SearchResult(kind, (), Reason("search_nobody_found"))
        # A given name only with two words or more: one word alone is the family name.
        given = given_candidates(db, words) if len(words) > 1 else {}
        found = search_names(db, family=family, given=given, dob=dob, today=self._today_bounds(),
                             now=self.clock(), limit=MAX_RESULTS)
        if not found.hits:
            return SearchResult(kind, (), Reason("search_nobody_found"))
        rows, people = listed(db, found.hits)
        bookings = self._bookings(rows)
        matches = tuple(
            PersonMatch(
                h.person_id, *people[h.person_id],
                bookings.get(h.appointment_id) if h.appointment_id else None, round(h.score, 3),
                kind if h.family_score >= PREFIX else "fuzzy",
            )
            for h in found.hits if h.person_id in people
        )
        return SearchResult(kind, matches, _narrowing(len(matches), found), total=found.total)

    def _bookings(self, rows: Sequence[tuple[Any, ...]]) -> dict[str, BookingInfo]:
        if not rows:
            return {}
        now = self.clock()
        known: dict[tuple[Any, ...], tuple[datetime, ArrivalCheck]] = {}
        return {row[0]: self._booking_info(row, now=now, known=known) for row in rows}

    # ---- walk-ins ------------------------------------------------------------------------

    @use_case
    def find_duplicates(self, actor: Actor, data: PersonInput) -> list[PersonMatch]:
        """People already registered who may be this walk-in: same normalised name and birth date,
        the same birth date and a close name, or the same name and a birth date one typo away."""
        family, given = search_key(data.family_name), search_key(data.given_name)
        with self.store.read() as session:
            same_dob = session.scalars(
                select(Person).where(Person.dob == data.dob, Person.deleted_at.is_(None)).limit(500)
            ).all()
            same_name = session.scalars(
                select(Person).where(Person.family_key == family, Person.given_key == given,
                                     Person.deleted_at.is_(None)).limit(500)
            ).all()
        found: dict[str, PersonMatch] = {}
        for p in same_dob:
            name_score = (similarity(p.family_name, data.family_name) + similarity(p.given_name, data.given_name)) / 2
            swapped = (similarity(p.family_name, data.given_name) + similarity(p.given_name, data.family_name)) / 2
            score = max(name_score, swapped)
            if score >= 0.75:
                found[p.id] = PersonMatch(p.id, p.family_name, p.given_name, p.dob, None, round(score, 3),
                                          "name_dob" if score == 1.0 else "fuzzy")
        for p in same_name:
            if p.id not in found and edit_distance(p.dob, data.dob, limit=2) <= 2:
                found[p.id] = PersonMatch(p.id, p.family_name, p.given_name, p.dob, None, 0.8, "fuzzy")
        matches = sorted(found.values(), key=lambda m: -m.score)
        if matches:
            record_access(self.store, actor, action="person.searched", entity="person", entity_id=None,
                          persons=[m.person_id for m in matches], details={"by": "duplicates"}, clock=self.clock)
        return matches

    @use_case
    def register_walk_in(self, actor: Actor, data: PersonInput, *, confirm_new: bool = False) -> tuple[str, str]:
        """Register and check in a walk-in. Returns (person_id, visit_id).

        Raises DuplicateSuspected, writing nothing, unless the nurse confirmed this is someone new.
        """
        if not confirm_new:
            # Validate first so a typo in the date gets its own message, not a duplicate search.
            validate_person_name(data.family_name)
            validate_person_name(data.given_name)
            validate_dob(data.dob, today=self.clock().astimezone(self.tz).date())
            candidates = self.find_duplicates(actor, data)
            if candidates:
                raise DuplicateSuspected(candidates)
        with UnitOfWork(self.store, actor, self.clock) as uow:
            person = add_person(uow, data)
            visit = self._new_visit(uow, person.id, None)
            if confirm_new:
                uow.record(action="person.duplicate_overridden", entity="person", entity_id=person.id)
            return person.id, visit.id

    @use_case
    def start_walk_in_visit(self, actor: Actor, person_id: str) -> str:
        """Check in a person who is already registered (the nurse chose the existing person over a
        duplicate). A booking of today here is used, so it does not stay open as a no-show; otherwise
        the visit has no booking. Returns the visit id."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            person = uow.session.get(Person, person_id)
            if person is None or person.deleted_at is not None:
                raise NotFound(code="person_not_registered")
            booked = self._todays_booking(uow.session, person.id)
            if booked is not None:
                # The nurse has the person in front of her: early or late, this is the booking's visit.
                return self._check_in_on(uow, *booked, confirmed=True).id
            return self._new_visit(uow, person.id, None).id

    def _todays_booking(self, session: Session, person_id: str) -> tuple[Appointment, Slot, Site] | None:
        """The person's booking of today at this site that can still be checked in on."""
        start, end = self._today_bounds()
        rows = session.execute(
            select(Appointment, Slot, Site)
            .join(Slot, Slot.id == Appointment.slot_id)
            .join(Site, Site.id == Appointment.site_id)
            .where(Appointment.person_id == person_id, Appointment.site_id == self.site_id,
                   Appointment.state.in_([VisitState.BOOKED.value, VisitState.NO_SHOW.value]),
                   Slot.starts_at >= start, Slot.starts_at < end)
            .order_by(Slot.starts_at)
        ).all()
        for appointment, slot, site in rows:
            if not self._arrival(appointment, slot, site).blocks:
                return appointment, slot, site
        return None

    # ---- checking in ---------------------------------------------------------------------

    def _new_visit(self, uow: UnitOfWork, person_id: str, appointment_id: str | None) -> Visit:
        active = uow.session.scalars(
            select(Visit.id).where(Visit.person_id == person_id, Visit.state.in_([s.value for s in ACTIVE]))
        ).first()
        if active:
            raise RuleViolation(code="visit_already_in_queue")
        visit = Visit(
            id=uuid7(),
            person_id=person_id,
            appointment_id=appointment_id,
            site_id=self.site_id,
            checked_in_at=uow.now,
            checked_in_by=uow.actor.staff_id,
            state=VisitState.CHECKED_IN.value,
            state_changed_at=uow.now,
            observation_minutes=DEFAULT_OBSERVATION_MINUTES,
            needs_review=False,
        )
        uow.insert(visit, action="visit.checked_in")
        return visit

    @use_case
    def check_in(self, actor: Actor, appointment_id: str, *, confirmed: bool = False) -> str:
        """Check in on a booking; early, late or other-day arrivals need the nurse's confirmation."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            row = uow.session.execute(
                select(Appointment, Slot, Site)
                .join(Slot, Slot.id == Appointment.slot_id)
                .join(Site, Site.id == Appointment.site_id)
                .where(Appointment.id == appointment_id)
            ).first()
            if row is None:
                raise NotFound(code="booking_not_found")
            return self._check_in_on(uow, *row, confirmed=confirmed).id

    def _arrival(self, appointment: Appointment, slot: Slot, site: Site) -> ArrivalCheck:
        return self._booking_info((
            appointment.id, appointment.booking_code, appointment.state, appointment.product_code,
            appointment.dose_number, appointment.site_id, slot.starts_at, slot.ends_at, site.name, site.timezone,
        )).arrival

    def _check_in_on(self, uow: UnitOfWork, appointment: Appointment, slot: Slot, site: Site, *,
                     confirmed: bool) -> Visit:
        arrival = self._arrival(appointment, slot, site)
        if arrival.blocks or (arrival.needs_confirmation and not confirmed):
            raise RuleViolation.of(arrival.refusal())
        check_transition(appointment.state, VisitState.CHECKED_IN)
        visit = self._new_visit(uow, appointment.person_id, appointment.id)
        appointment.state = VisitState.CHECKED_IN.value
        appointment.state_changed_at = uow.now
        uow.record(action="appointment.checked_in", entity="appointment", entity_id=appointment.id,
                   payload={"arrival": arrival.kind.value},
                   details={"arrival": arrival.kind.value})
        return visit

    @use_case
    def open_visit(self, actor: Actor, person_id: str) -> OpenVisit | None:
        """The person's check-in begun here and not finished (identity, consent or questions missing),
        so the desk can take it up again after an interruption (lock, the next scan, a restart)."""
        with self.store.read() as session:
            visit = session.scalars(
                select(Visit).where(Visit.person_id == person_id, Visit.site_id == self.site_id,
                                    Visit.state == VisitState.CHECKED_IN.value,
                                    or_(Visit.consent_at.is_(None), Visit.id_checked_at.is_(None)))
                .order_by(Visit.checked_in_at.desc())
            ).first()
            if visit is None:
                return None
            checked_at = visit.id_checked_at.astimezone(self.tz) if visit.id_checked_at is not None else None
            return OpenVisit(visit_id=visit.id, person_id=visit.person_id, appointment_id=visit.appointment_id,
                             document_type=visit.id_document_type if checked_at is not None else None,
                             identity_checked_at=checked_at, consent_done=visit.consent_at is not None)

    @use_case
    def record_identity(self, actor: Actor, visit_id: str, document_type: str) -> None:
        """Which document was seen, by whom and when. Never a copy or a number of the document."""
        if document_type not in ID_DOCUMENTS:
            raise ValidationError(code="id_document_unknown", params={"choices": ", ".join(ID_DOCUMENTS)},
                                  field="document_type")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            visit = self._open_steps(uow, visit_id)
            visit.id_document_type = document_type
            visit.id_checked_by = actor.staff_id
            visit.id_checked_at = uow.now
            uow.record(action="visit.identity_checked", entity="visit", entity_id=visit.id,
                       payload={})

    @use_case
    def record_questionnaire(
        self, actor: Actor, visit_id: str, answers: dict[str, Answer], *, consent_by: str = "self",
        guardian_name: str | None = None,
    ) -> tuple[bool, int]:
        """Consent and medical answers for this visit. Returns (needs_review, observation_minutes)."""
        if consent_by not in ("self", "guardian"):
            raise ValidationError(code="consent_by_invalid", field="consent_by")
        if consent_by == "guardian":
            guardian_name = validate_person_name(guardian_name or "")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            visit = self._open_steps(uow, visit_id)
            today = uow.now.astimezone(self.tz).date()
            self._check_consent_by(uow, visit, consent_by, today)
            assessment = evaluate_answers(self.questionnaire, answers, today=today)
            if not assessment.consent_given:
                raise RuleViolation(code="consent_refused")
            visit.answers = {qid: _answer_json(a) for qid, a in answers.items()}
            visit.consent_by = consent_by
            visit.guardian_name = guardian_name if consent_by == "guardian" else None
            visit.consent_at = uow.now
            visit.needs_review = bool(assessment.needs_review)
            visit.review_flags = list(assessment.needs_review)
            visit.review_acknowledged_at = None  # new answers: the doctor reads them afresh
            visit.review_acknowledged_by = None
            visit.observation_minutes = assessment.observation_minutes
            _record_reported_infection(uow, visit.person_id, answers.get("earlier_infection"), self.country)
            uow.record(
                action="visit.questionnaire",
                entity="visit",
                entity_id=visit.id,
                payload={},
                details={"needs_review": visit.needs_review},
            )
            return visit.needs_review, visit.observation_minutes

    def _check_consent_by(self, uow: UnitOfWork, visit: Visit, consent_by: str, today: date) -> None:
        """A minor's consent is the guardian's; an adult consents alone (a guardian's word is not theirs)."""
        person = get_row(uow.session, Person, visit.person_id, code="visit_person_not_found")
        limit = self.questionnaire.own_consent_from_age
        # A date of birth from a certificate, an import or the booking page may be a year (and month) only:
        # whoever may be under the limit needs the guardian, only a sure adult consents alone.
        youngest, _oldest = age_range(person.dob, on=today)
        if youngest < limit and consent_by != "guardian":
            raise RuleViolation(code="consent_minor_needs_guardian", params={"age": youngest, "limit": limit})
        if youngest >= limit and consent_by == "guardian":
            raise RuleViolation(code="consent_guardian_for_adult", params={"age": youngest, "limit": limit})

    # ---- the queue -----------------------------------------------------------------------

    def _visit(self, uow: UnitOfWork, visit_id: str) -> Visit:
        visit = get_row(uow.session, Visit, visit_id, code="visit_not_found")
        return visit

    def _open_steps(self, uow: UnitOfWork, visit_id: str) -> Visit:
        """The visit, while its identity check and answers may still be recorded: before the dose. Once the
        person is in observation or has gone, they are what the dose was given on, and stay so."""
        visit = self._visit(uow, visit_id)
        if visit.state not in (VisitState.CHECKED_IN.value, VisitState.WITH_DOCTOR.value):
            raise RuleViolation(code="visit_steps_closed")
        return visit

    def _move(self, actor: Actor, visit_id: str, target: VisitState, *, reason: str | None = None,
              minutes: int | None = None) -> None:
        with UnitOfWork(self.store, actor, self.clock) as uow:
            details: dict[str, Any] | None = None
            visit = self._visit(uow, visit_id)
            check_transition(visit.state, target)
            if target is VisitState.WITH_DOCTOR and visit.consent_at is None:
                raise RuleViolation(code="visit_consent_missing")
            visit.state = target.value
            visit.state_changed_at = uow.now
            if target is VisitState.WITH_DOCTOR:
                visit.called_at = uow.now
            elif target is VisitState.OBSERVATION:
                visit.observation_started_at = uow.now
                if minutes is not None:
                    visit.observation_minutes = max(visit.observation_minutes, minutes)
            elif target is VisitState.DONE:
                visit.observation_ended_at = uow.now
                early = _observation_minutes_left(visit, uow.now)
                if early:
                    if not (reason or "").strip():
                        raise RuleViolation(code="observation_early_needs_reason", params={"minutes": early})
                    # Who ended it early is the audit entry's actor; why, the visit's reason.
                    visit.left_reason = " ".join((reason or "").split())[:200]
                    details = {"ended_early": True, "minutes_left": early}
            elif target is VisitState.LEFT:
                visit.left_reason = (reason or "").strip()[:200] or None
            if visit.appointment_id:
                appointment = uow.session.get(Appointment, visit.appointment_id)
                if appointment is not None:
                    appointment.state = target.value
                    appointment.state_changed_at = uow.now
            uow.record(
                action="visit.returned_to_waiting" if target is VisitState.CHECKED_IN else f"visit.{target.value}",
                entity="visit",
                entity_id=visit.id,
                payload={"id": visit.id, "state": target.value, "at": uow.now.isoformat(),
                         "observation_minutes": visit.observation_minutes, "reason": visit.left_reason},
                details=details,
            )

    @use_case
    def call_to_doctor(self, actor: Actor, visit_id: str) -> None:
        self._move(actor, visit_id, VisitState.WITH_DOCTOR)

    @use_case
    def back_to_waiting(self, actor: Actor, visit_id: str) -> None:
        self._move(actor, visit_id, VisitState.CHECKED_IN)

    @use_case
    def start_observation(self, actor: Actor, visit_id: str, *, minutes: int | None = None) -> None:
        self._move(actor, visit_id, VisitState.OBSERVATION, minutes=minutes)

    @use_case
    def end_observation(self, actor: Actor, visit_id: str, *, reason: str | None = None) -> None:
        """'Left observation': the person goes home. Before the observation time is over only with a
        reason (the person insisted, fetched by an ambulance, ...)."""
        self._move(actor, visit_id, VisitState.DONE, reason=reason)

    @use_case
    def left_without_vaccination(self, actor: Actor, visit_id: str, reason: str) -> None:
        self._move(actor, visit_id, VisitState.LEFT, reason=reason)

    @use_case
    def mark_no_show(self, actor: Actor, appointment_id: str) -> None:
        with UnitOfWork(self.store, actor, self.clock) as uow:
            appointment = get_row(uow.session, Appointment, appointment_id, code="booking_not_found")
            check_transition(appointment.state, VisitState.NO_SHOW)
            appointment.state = VisitState.NO_SHOW.value
            appointment.state_changed_at = uow.now
            uow.record(action="appointment.no_show", entity="appointment", entity_id=appointment.id,
                       payload={})

    @use_case
    def observation_board(self) -> list[ObservationTimer]:
        """The running observation timers, soonest end first, for the locked station's board (no
        names, no dates of birth: the initials the waiting room hears called)."""
        with self.store.read() as session:
            rows = session.execute(
                select(Visit.observation_started_at, Visit.observation_minutes, Person.given_name, Person.family_name)
                .join(Person, Person.id == Visit.person_id)
                .where(Visit.site_id == self.site_id, Visit.state == VisitState.OBSERVATION.value,
                       Visit.observation_started_at.is_not(None))
            ).all()
        # Counted on the site's clock (the one the queue counts on), not on the screen's: a station whose
        # own clock is off still shows the waiting room the same minutes as the queue.
        now = self.clock()
        timers = [ObservationTimer(initials=_initials(given, family), ends_at=ends.astimezone(self.tz),
                                   minutes_left=max(0, -int(-(ends - now).total_seconds() // 60)))
                  for started, minutes, given, family in rows if started is not None
                  for ends in (started + timedelta(minutes=minutes),)]
        return sorted(timers, key=lambda t: t.ends_at)

    @use_case
    def queue(self, actor: Actor) -> list[QueueRow]:
        """Everyone in the building now, plus those who finished in the last hour."""
        now = self.clock()
        recent = now - timedelta(hours=1)
        with self.store.read() as session:
            rows = session.execute(
                select(Visit, Person.family_name, Person.given_name, Person.dob)
                .join(Person, Person.id == Visit.person_id)
                .where(
                    Visit.site_id == self.site_id,
                    or_(Visit.state.in_([s.value for s in ACTIVE]),
                        and_(Visit.state == VisitState.DONE.value, Visit.state_changed_at >= recent)),
                )
                .order_by(Visit.checked_in_at)
            ).all()
        return [QueueRow.of(v, f"{family}, {given}", dob, now) for v, family, given, dob in rows]


@dataclass(frozen=True)
class ObservationTimer:
    """One running observation as a locked station may show it: initials and times, nothing more."""

    initials: str  # "A. M." (given, family), what the waiting room sees called anyway
    ends_at: datetime  # site-local
    minutes_left: int = 0  # whole minutes, rounded up, on the site's clock; 0 when it is over


@dataclass(frozen=True)
class QueueRow:
    visit_id: str
    person_id: str
    name: str
    dob: str
    state: str
    checked_in_at: datetime
    waiting_minutes: int
    needs_review: bool
    questionnaire_done: bool
    identity_checked: bool
    observation_ends_at: datetime | None
    observation_over: bool
    review_flags: tuple[str, ...] = field(default=())
    # What was answered to each flagged question, for the doctor: (question id, dates given, remark text).
    flag_details: tuple[tuple[str, tuple[str, ...], str], ...] = field(default=())
    review_acknowledged: bool = False  # the doctor read the flagged answers with the person

    @classmethod
    def of(cls, v: Visit, name: str, dob: str, now: datetime) -> QueueRow:
        ends = None
        if v.observation_started_at is not None:
            ends = v.observation_started_at + timedelta(minutes=v.observation_minutes)
        waited_since = v.checked_in_at if v.state == VisitState.CHECKED_IN.value else v.state_changed_at
        return cls(
            visit_id=v.id,
            person_id=v.person_id,
            name=name,
            dob=dob,
            state=v.state,
            checked_in_at=v.checked_in_at,
            waiting_minutes=max(0, int((now - waited_since).total_seconds() // 60)),
            needs_review=v.needs_review,
            questionnaire_done=v.consent_at is not None,
            identity_checked=v.id_checked_at is not None,
            observation_ends_at=ends,
            observation_over=ends is not None and now >= ends and v.state == VisitState.OBSERVATION.value,
            review_flags=tuple(v.review_flags or ()),
            flag_details=tuple(_flag_detail(qid, (v.answers or {}).get(qid)) for qid in (v.review_flags or ())),
            review_acknowledged=v.review_acknowledged_at is not None,
        )


def _initials(given: str, family: str) -> str:
    return " ".join(f"{name.strip()[0].upper()}." for name in (given, family) if name.strip())


def _flag_detail(question_id: str, answer: Any) -> tuple[str, tuple[str, ...], str]:
    if not isinstance(answer, dict):
        return question_id, (), ""
    dates = tuple(str(d) for d in answer.get("dates") or () if isinstance(d, str))
    return question_id, dates, str(answer.get("text") or "")


def _record_reported_infection(uow: UnitOfWork, person_id: str, answer: Answer | None, country: str) -> None:
    """The questionnaire's "confirmed infection, on ..." becomes an infection record (so the dose is
    numbered 1/1 by the EU convention); the doctor sees the flag and voids it if it is not documented."""
    if answer is None or not answer.yes or not answer.dates:
        return
    on = answer.dates[0]
    if uow.session.scalar(select(Infection.id).where(Infection.person_id == person_id, Infection.detected_on == on)):
        return  # recorded before (a second visit, or entered from a document)
    record_infection(uow, person_id=person_id, detected_on=on, source="questionnaire", country=country)


def _observation_minutes_left(visit: Visit, now: datetime) -> int:
    """Whole minutes (rounded up) of observation still to go; 0 when it is over or never started."""
    if visit.observation_started_at is None:
        return 0
    left = visit.observation_started_at + timedelta(minutes=visit.observation_minutes) - now
    return max(0, -int(-left.total_seconds() // 60))


def _answer_json(answer: Answer) -> dict[str, object]:
    return {"yes": answer.yes, "dates": [d.isoformat() for d in answer.dates], "text": answer.text}
