"""Follow-up scheduling: the opening plan, slot proposals inside the dose window with capacity AND
projected stock, and bookings that check both in the same transaction that writes them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.domain.booking_code import format_booking_code
from app.domain.catalogue import Product
from app.domain.ids import uuid7
from app.domain.rules import DoseRecord, DoseWindow, dose_number, next_dose_window, valid_doses
from app.errors import NotFound, RuleViolation, ValidationError
from app.reasons import Reason
from app.services.audit import record_access
from app.services.booking import HOLDING_STATES, book_appointment, booked_count
from app.services.doses import check_day, day_range
from app.services.infections import first_infection
from app.services.permissions import use_case
from app.services.rows import get_row
from app.services.site_service import SiteService
from app.services.sync_state import LEASE_MARGIN, server_time
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.schema import (
    Appointment,
    Closure,
    Lot,
    OpeningRule,
    Person,
    Slot,
    StockEvent,
    SyncLease,
    Vaccination,
    VaccinationVoid,
)
from sync.station import is_enrolled

_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
# Days searched after `earliest` when the window has no upper bound (booster, second mRNA dose).
OPEN_ENDED_SEARCH_DAYS = 42
# Doses still to be drawn for bookings that are not yet done (they hold stock until given).
PROMISING_STATES = ("booked", "checked_in", "with_doctor")


@dataclass(frozen=True)
class OpeningPlanInput:
    weekday: int  # 0 = Monday
    opens: str  # HH:MM
    closes: str
    slot_minutes: int
    stations: int
    capacity_per_station: int
    products: tuple[str, ...]
    valid_from: date
    valid_until: date | None = None


@dataclass(frozen=True)
class SlotOffer:
    slot_id: str
    starts_at: datetime  # site-local
    free: int
    projected_stock: int
    days_from_recommended: int


@dataclass(frozen=True)
class FollowUpProposal:
    person_id: str
    product_code: str
    dose_number: int
    series_doses: int
    window: DoseWindow | None
    offers: tuple[SlotOffer, ...]
    reason: Reason | None = None  # why nothing is offered: the page says it in the desk's language

    @property
    def message(self) -> str | None:
        """The reason in English (the CLI's and the logs' words)."""
        return None if self.reason is None else str(self.reason)


@dataclass(frozen=True)
class BookedFollowUp:
    appointment_id: str
    booking_code: str  # formatted
    starts_at: datetime  # site-local
    site_name: str
    product_code: str
    dose_number: int
    provisional: bool


@dataclass(frozen=True)
class OpeningRuleRow:
    """One weekly rule of the opening plan as the admin page lists it."""

    rule_id: str
    plan: OpeningPlanInput


@dataclass(frozen=True)
class ClosureRow:
    day: date
    reason: str


@dataclass(frozen=True)
class OpeningPlan:
    rules: tuple[OpeningRuleRow, ...]  # by weekday, newest plan first
    closures: tuple[ClosureRow, ...]  # from today on, by day
    today: date  # at the site: the first day slots can be opened for


@dataclass(frozen=True)
class DueFollowUp:
    """A person vaccinated here today whose series is not complete and who has no next booking yet."""

    person_id: str
    name: str  # "Family, Given"
    dob: str
    product_code: str
    product_name: str
    dose_number: int
    series_doses: int
    given_at: datetime  # site-local


def _minutes(text: str, code: str) -> int:
    m = _HHMM.fullmatch(text.strip())
    if not m:
        raise ValidationError(code=code)
    return int(m[1]) * 60 + int(m[2])


class Scheduler(SiteService):
    """Opening plan, proposals and follow-up bookings for one station's site."""

    # ---- the opening plan ------------------------------------------------------------------

    @use_case
    def set_opening_rule(self, actor: Actor, plan: OpeningPlanInput) -> str:
        if not 0 <= plan.weekday <= 6:
            raise ValidationError(code="weekday_invalid", field="weekday")
        opens, closes = _minutes(plan.opens, "opening_time_format"), _minutes(plan.closes, "closing_time_format")
        if closes <= opens:
            raise ValidationError(code="hours_end_before_start", field="closes")
        if not 5 <= plan.slot_minutes <= 240:
            raise ValidationError(code="slot_length_range", params={"min": 5, "max": 240}, field="slot_minutes")
        if plan.slot_minutes > closes - opens:
            raise ValidationError(code="slot_longer_than_hours", field="slot_minutes")
        if not 1 <= plan.stations <= 100 or not 1 <= plan.capacity_per_station <= 100:
            raise ValidationError(code="stations_capacity_range")
        unknown = [p for p in plan.products if self.catalogue.find(p) is None]
        if unknown or not plan.products:
            raise ValidationError(code="plan_products_unknown", params={"unknown": ", ".join(unknown) or "—"},
                                  field="products")
        if plan.valid_until is not None and plan.valid_until < plan.valid_from:
            raise ValidationError(code="plan_ends_before_start", field="valid_until")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            rule = OpeningRule(
                id=uuid7(), site_id=self.site_id, weekday=plan.weekday, opens=plan.opens, closes=plan.closes,
                slot_minutes=plan.slot_minutes, stations=plan.stations,
                capacity_per_station=plan.capacity_per_station, products=list(plan.products),
                valid_from=plan.valid_from, valid_until=plan.valid_until,
            )
            uow.insert(rule, action="opening_rule.set")
            return rule.id

    @use_case
    def close_day(self, actor: Actor, day: date, reason: str) -> None:
        reason = " ".join(reason.split())
        if not reason or len(reason) > 200:
            raise ValidationError(code="closure_reason_required", field="reason")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            booked = uow.session.scalar(
                select(func.count()).select_from(Appointment).join(Slot, Slot.id == Appointment.slot_id).where(
                    Slot.site_id == self.site_id, *self._day_filter(day), Appointment.state.in_(HOLDING_STATES))
            )
            if booked:
                raise RuleViolation(code="closure_day_booked", params={"count": booked, "day": day.isoformat()})
            closure = Closure(id=uuid7(), site_id=self.site_id, day=day, reason=reason)
            uow.insert(closure, action="closure.set")

    @use_case
    def opening_plan(self) -> OpeningPlan:
        """The weekly rules and the closures from today on, for the admin page."""
        today = self.clock().astimezone(self.tz).date()
        with self.store.read() as session:
            rules = session.scalars(select(OpeningRule).where(OpeningRule.site_id == self.site_id)
                                    .order_by(OpeningRule.weekday, OpeningRule.valid_from.desc())).all()
            closures = session.scalars(select(Closure).where(Closure.site_id == self.site_id, Closure.day >= today)
                                       .order_by(Closure.day)).all()
            return OpeningPlan(
                rules=tuple(OpeningRuleRow(r.id, OpeningPlanInput(
                    weekday=r.weekday, opens=r.opens, closes=r.closes, slot_minutes=r.slot_minutes,
                    stations=r.stations, capacity_per_station=r.capacity_per_station, products=tuple(r.products),
                    valid_from=r.valid_from, valid_until=r.valid_until)) for r in rules),
                closures=tuple(ClosureRow(c.day, c.reason) for c in closures),
                today=today,
            )

    def _day_filter(self, day: date) -> tuple[ColumnElement[bool], ...]:
        start, end = day_range(day, self.tz)
        return (Slot.starts_at >= start, Slot.starts_at < end)

    @use_case
    def open_days(self, actor: Actor, first: date, last: date) -> int:
        """Create the slots of the opening plan for these days (days that have slots are skipped)."""
        if last < check_day(first, field="first") or (check_day(last, field="last") - first).days > 366:
            raise ValidationError(code="open_days_range")
        if first < self.clock().astimezone(self.tz).date():
            raise ValidationError(code="open_days_past")
        created = 0
        with UnitOfWork(self.store, actor, self.clock) as uow:
            rules = uow.session.scalars(select(OpeningRule).where(OpeningRule.site_id == self.site_id)).all()
            closed = set(uow.session.scalars(select(Closure.day).where(Closure.site_id == self.site_id)).all())
            day = first
            slots: list[Slot] = []
            while day <= last:
                rule = self._rule_for(rules, day)
                has_slots = uow.session.scalar(
                    select(func.count()).select_from(Slot).where(Slot.site_id == self.site_id, *self._day_filter(day)))
                if rule is not None and day not in closed and not has_slots:
                    start = datetime.combine(day, time(0), self.tz) + timedelta(minutes=_minutes(rule.opens, "opens"))
                    end = datetime.combine(day, time(0), self.tz) + timedelta(minutes=_minutes(rule.closes, "closes"))
                    step = timedelta(minutes=rule.slot_minutes)
                    while start + step <= end:
                        slots.append(Slot(id=uuid7(), site_id=self.site_id, starts_at=start, ends_at=start + step,
                                          capacity=rule.stations * rule.capacity_per_station, product_code=None))
                        start += step
                day += timedelta(days=1)
            uow.session.add_all(slots)
            uow.session.flush()
            created = len(slots)
            uow.record(
                action="slots.opened", entity="slot", entity_id=None,
                payload={},
                details={"count": created, "from": first.isoformat(), "to": last.isoformat()},
            )
        return created

    @staticmethod
    def _rule_for(rules: Sequence[OpeningRule], day: date) -> OpeningRule | None:
        best = None
        for rule in rules:
            applies = rule.weekday == day.weekday() and rule.valid_from <= day and (
                rule.valid_until is None or day <= rule.valid_until)
            if applies and (best is None or rule.valid_from > best.valid_from):  # the newest plan wins
                best = rule
        return best

    # ---- stock ------------------------------------------------------------------------------

    def _stock_outlook(self, session: Session, product_code: str) -> tuple[list[tuple[date, int]], int]:
        """(lots as (expiry, doses left), doses promised to open bookings) for one product."""
        doses = func.coalesce(func.sum(StockEvent.doses).filter(StockEvent.kind == "received"), 0) - func.coalesce(
            func.sum(StockEvent.doses).filter(StockEvent.kind != "received"), 0)
        lots = session.execute(
            select(Lot.expiry, doses).join(StockEvent, StockEvent.lot_id == Lot.id)
            .where(Lot.product_code == product_code, Lot.blocked_at.is_(None)).group_by(Lot.id)
        ).all()
        promised = session.scalar(
            select(func.count()).select_from(Appointment).join(Slot, Slot.id == Appointment.slot_id).where(
                Appointment.product_code == product_code, Appointment.state.in_(PROMISING_STATES),
                Slot.starts_at >= self.clock())
        ) or 0
        return [(e, int(n)) for e, n in lots], int(promised)

    @staticmethod
    def projected_stock(lots: list[tuple[date, int]], promised: int, day: date) -> int:
        """Doses usable on `day`: left in lots that have not expired by then, minus every open promise.

        Counting all open promises (not only those before `day`) is deliberately cautious: a dose
        promised for a later day may have to come out of the same lot.
        """
        return sum(n for expiry, n in lots if expiry >= day) - promised

    # ---- proposal and booking ----------------------------------------------------------------

    @use_case
    def due_follow_ups(self, actor: Actor) -> list[DueFollowUp]:
        """Persons given a dose here today that is not the last of their series, without a booking to come.

        The list the staff books follow-ups from: newest dose first.
        """
        now = self.clock()
        start = datetime.combine(now.astimezone(self.tz).date(), time(0), self.tz)
        voided = select(VaccinationVoid.vaccination_id)
        upcoming = (select(Appointment.person_id).join(Slot, Slot.id == Appointment.slot_id)
                    .where(Appointment.state == "booked", Slot.starts_at > now))
        with self.store.read() as session:
            rows = session.execute(
                select(Vaccination, Person.family_name, Person.given_name, Person.dob)
                .join(Person, Person.id == Vaccination.person_id)
                .where(Vaccination.site_id == self.site_id, Vaccination.external.is_(False),
                       Vaccination.given_at >= start, Vaccination.given_at < start + timedelta(days=1),
                       Vaccination.id.not_in(voided), Vaccination.person_id.not_in(upcoming),
                       Vaccination.dose_number < Vaccination.series_doses)
                .order_by(Vaccination.given_at.desc())
            ).all()
        due: dict[str, DueFollowUp] = {}
        for v, family, given, dob in rows:
            if v.person_id in due:
                continue
            product = self.catalogue.find(v.product_code)
            due[v.person_id] = DueFollowUp(
                person_id=v.person_id, name=f"{family}, {given}", dob=dob, product_code=v.product_code,
                product_name=product.name if product else v.product_code, dose_number=v.dose_number,
                series_doses=v.series_doses, given_at=v.given_at.astimezone(self.tz))
        return list(due.values())

    def _history(self, session: Session, person_id: str) -> list[DoseRecord]:
        voided = select(VaccinationVoid.vaccination_id)
        rows = session.execute(
            select(Vaccination.product_code, Vaccination.given_at, Vaccination.id.in_(voided))
            .where(Vaccination.person_id == person_id)
        ).all()
        return [DoseRecord(product_code=p, given_on=g.astimezone(self.tz).date(), voided=bool(v)) for p, g, v in rows]

    def _next_product(self, session: Session, person_id: str, product_code: str | None, *,
                      no_dose: str) -> tuple[list[DoseRecord], str, Product]:
        """The person's valid doses and the product of the next one: the one asked for, else the last one's.
        Refused with `no_dose` when the person has no dose yet."""
        history = valid_doses(self._history(session, person_id))
        if not history:
            raise RuleViolation(code=no_dose)
        code = product_code or history[-1].product_code
        product = self.catalogue.find(code)
        if product is None:
            raise ValidationError(code="product_unknown", params={"product": code}, field="product_code")
        return history, code, product

    @use_case
    def propose(self, actor: Actor, person_id: str, *, product_code: str | None = None, limit: int = 12) -> FollowUpProposal:
        record_access(self.store, actor, action="person.history_viewed", entity="person", entity_id=person_id,
                      details={"for": "follow_up"}, clock=self.clock)
        with self.store.read() as session:
            history, code, product = self._next_product(session, person_id, product_code,
                                                        no_dose="follow_up_no_first_dose")
            infected = first_infection(session, person_id)  # 1/1 after a documented infection, then boosters
            number = dose_number(history, product=product, catalogue=self.catalogue, prior_infection=infected)
            window = next_dose_window(history, product, catalogue=self.catalogue, prior_infection=infected)
            if window is None:
                none_due = Reason("follow_up_none_due", {"product": product.name})
                return FollowUpProposal(person_id, code, number.dn, number.sd, None, (), none_due)
            today = self.clock().astimezone(self.tz).date()
            first = max(window.earliest, today)
            last = window.latest or (max(window.recommended, first) + timedelta(days=OPEN_ENDED_SEARCH_DAYS))
            if last < first:
                passed = Reason("follow_up_window_passed")
                return FollowUpProposal(person_id, code, number.dn, number.sd, window, (), passed)
            offers = self._offers(session, code, first, last, window.recommended, limit=limit)
        why = None if offers else Reason("follow_up_no_slot", {
            "product": product.name, "first": first.isoformat(), "last": last.isoformat()})
        offers.sort(key=lambda o: (o.days_from_recommended, o.starts_at))
        return FollowUpProposal(person_id, code, number.dn, number.sd, window, tuple(offers[:limit]), why)

    def _offers(self, session: Session, product_code: str, first: date, last: date, recommended: date, *,
                limit: int) -> list[SlotOffer]:
        """Slots with a free place and stock, days nearest the recommended one first, at most three a
        day, `limit` in all. Columns only and one count per slot: this runs for every booking."""
        start = datetime.combine(first, time(0), self.tz)
        end = datetime.combine(last, time(0), self.tz) + timedelta(days=1)
        taken = func.count(Appointment.id)
        rows = session.execute(
            select(Slot.id, Slot.starts_at, Slot.capacity, taken)
            .outerjoin(Appointment, (Appointment.slot_id == Slot.id) & Appointment.state.in_(HOLDING_STATES))
            .where(Slot.site_id == self.site_id, Slot.starts_at >= max(start, self.clock()), Slot.starts_at < end,
                   (Slot.product_code.is_(None)) | (Slot.product_code == product_code))
            .group_by(Slot.id)
            .having(taken < Slot.capacity)
            .order_by(Slot.starts_at)
        ).all()
        by_day: dict[date, list[tuple[str, datetime, int]]] = {}
        for slot_id, starts_at, capacity, n in rows:
            local = starts_at.astimezone(self.tz)
            by_day.setdefault(local.date(), []).append((slot_id, local, capacity - n))
        rules = session.scalars(select(OpeningRule).where(OpeningRule.site_id == self.site_id)).all()
        closed = set(session.scalars(select(Closure.day).where(Closure.site_id == self.site_id)).all())
        lots, promised = self._stock_outlook(session, product_code)
        offers: list[SlotOffer] = []
        for day in sorted(by_day, key=lambda d: (abs((d - recommended).days), d)):
            if len(offers) >= limit:
                break
            if day in closed or not self._offered(rules, day, product_code):
                continue
            stock = self.projected_stock(lots, promised, day)
            if stock < 1:
                continue
            # A few times per day rather than every slot of the first day.
            for slot_id, local, free in by_day[day][:3]:
                offers.append(SlotOffer(slot_id, local, free, stock, abs((day - recommended).days)))
        return offers

    def _offered(self, rules: Sequence[OpeningRule], day: date, product_code: str) -> bool:
        rule = self._rule_for(rules, day)
        # Slots opened by hand without a plan offer every product.
        return rule is None or product_code in rule.products

    @use_case
    def book_follow_up(self, actor: Actor, person_id: str, slot_id: str, *, product_code: str | None = None,
                       provisional: bool = False) -> BookedFollowUp:
        """Book the next dose; window, capacity and stock are re-checked in the writing transaction."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            return self._book(uow, person_id, slot_id, product_code=product_code, provisional=provisional)

    def _book(self, uow: UnitOfWork, person_id: str, slot_id: str, *, product_code: str | None,
              provisional: bool) -> BookedFollowUp:
        history, code, product = self._next_product(uow.session, person_id, product_code,
                                                    no_dose="follow_up_needs_first_dose")
        infected = first_infection(uow.session, person_id)
        window = next_dose_window(history, product, catalogue=self.catalogue, prior_infection=infected)
        if window is None:
            raise RuleViolation(code="follow_up_none_due", params={"product": product.name})
        slot = get_row(uow.session, Slot, slot_id, code="slot_gone")
        local = slot.starts_at.astimezone(self.tz)
        if slot.starts_at < uow.now:
            raise RuleViolation(code="slot_in_past")
        if local.date() < window.earliest:
            raise RuleViolation(code="follow_up_too_early", params={"day": window.earliest.isoformat()})
        if window.latest is not None and local.date() > window.latest:
            raise RuleViolation(code="follow_up_too_late", params={"day": window.latest.isoformat()})
        if local.date() in set(uow.session.scalars(select(Closure.day).where(Closure.site_id == slot.site_id))):
            raise RuleViolation(code="center_closed")
        rules = uow.session.scalars(select(OpeningRule).where(OpeningRule.site_id == slot.site_id)).all()
        if not self._offered(rules, local.date(), code):
            raise RuleViolation(code="product_not_offered", params={"product": product.name, "day": local.date().isoformat()})
        if booked_count(uow, slot_id) >= slot.capacity:
            raise RuleViolation(code="slot_full")
        lots, promised = self._stock_outlook(uow.session, code)
        if self.projected_stock(lots, promised, local.date()) < 1:
            raise RuleViolation(code="stock_all_promised", params={"product": product.name, "day": local.date().isoformat()})
        number = dose_number(history, product=product, catalogue=self.catalogue, prior_infection=infected)
        lease = self._lease_for(uow, slot_id)
        # A station that syncs with a server owns no capacity itself: a place from the lease the server
        # granted is confirmed; beyond it the booking is provisional until the server answers.
        provisional = provisional or (self._enrolled(uow) and lease is None)
        appointment = book_appointment(uow, person_id=person_id, slot_id=slot_id, product_code=code,
                                       dose_number=number.dn, booking_state="provisional" if provisional else "confirmed")
        if lease is not None and not provisional:
            lease.used += 1
            appointment.lease_id = lease.id
        return BookedFollowUp(appointment.id, format_booking_code(appointment.booking_code), local,
                              self.site_name, code, number.dn, provisional)

    @staticmethod
    def _enrolled(uow: UnitOfWork) -> bool:
        return is_enrolled(uow.session)  # `vaxdesk enroll` done: this station syncs with a tenant server

    @staticmethod
    def _lease_for(uow: UnitOfWork, slot_id: str) -> SyncLease | None:
        # A lease's end is the server's time: judged on the station's clock corrected by the measured
        # skew, with a margin so a lease about to end on the server is not counted on.
        cutoff = server_time(uow.session, uow.now) + LEASE_MARGIN
        return uow.session.scalars(select(SyncLease).where(
            SyncLease.slot_id == slot_id, SyncLease.used < SyncLease.places, SyncLease.expires_at > cutoff)).first()

    @use_case
    def slip_pdf(self, actor: Actor, appointment_id: str) -> bytes:
        """The appointment slip; with a site signer it also carries the appointment as a corsign code
        (signed, and sealed with the person's name and date of birth)."""
        # The PDF and signing stack (reportlab, cryptography: 0.4 s) loads when a slip is printed, not with the page.
        from app.certificates.corsign import create_corsign
        from app.certificates.slip import SlipData, render_slip_pdf
        from app.services.certificates import CertificateDesk

        with self.store.read() as session:
            row = session.execute(
                select(Appointment, Slot, Person).join(Slot, Slot.id == Appointment.slot_id)
                .join(Person, Person.id == Appointment.person_id).where(Appointment.id == appointment_id)).first()
            if row is None:
                raise NotFound(code="booking_not_found")
            appointment, slot, person = row
        product = self.catalogue.find(appointment.product_code or "")
        starts_at = slot.starts_at.astimezone(self.tz)
        token = None
        signer = CertificateDesk(self.store, clock=self.clock).site_signer(actor)
        if signer is not None and product is not None:
            token = create_corsign(
                {"typ": "appointment", "code": appointment.booking_code, "start": starts_at.isoformat(),
                 "site": self.site_name, "mp": product.mp, "dn": appointment.dose_number},
                family=person.family_name, given=person.given_name, dob=person.dob, signing_key=signer.private_key,
                # Token times are real time (verifiers check them against theirs), valid until after the visit.
                kid=signer.kid.hex(), valid_for=max(timedelta(days=1), starts_at - datetime.now(UTC) + timedelta(days=2)))
        pdf = render_slip_pdf(SlipData(
            booking_code=format_booking_code(appointment.booking_code), starts_at=starts_at,
            site_name=self.site_name, product_name=product.name if product else (appointment.product_code or ""),
            dose_number=appointment.dose_number, person_name=f"{person.given_name} {person.family_name}",
            provisional=appointment.booking_state == "provisional", corsign=token))
        record_access(self.store, actor, action="appointment.slip_printed", entity="appointment",
                      entity_id=appointment_id, persons=[person.id], clock=self.clock)
        return pdf

    def _cancel(self, uow: UnitOfWork, appointment_id: str, reason: str) -> Appointment:
        appointment = get_row(uow.session, Appointment, appointment_id, code="booking_not_found")
        if appointment.state != "booked":
            raise RuleViolation(code="booking_not_cancellable")
        appointment.state = "cancelled"
        appointment.state_changed_at = uow.now
        uow.session.flush()
        uow.record(action="appointment.cancelled", entity="appointment", entity_id=appointment.id,
                   payload={"reason": reason[:200]})
        return appointment

    @use_case
    def cancel(self, actor: Actor, appointment_id: str, reason: str) -> None:
        """Cancel a booking; its place in the slot and its promised dose come free."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            self._cancel(uow, appointment_id, reason)

    @use_case
    def reschedule(self, actor: Actor, appointment_id: str, slot_id: str) -> BookedFollowUp:
        """Move a booking in one transaction: if the new slot is refused, the old booking stays."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            old = self._cancel(uow, appointment_id, "rescheduled")
            return self._book(uow, old.person_id, slot_id, product_code=old.product_code, provisional=False)
