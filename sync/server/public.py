"""The public edge of the tenant API: what anyone on the internet may call. Slot listings, online
booking, booking lookup, cancel and rebook by booking code, and the robot-check challenge.

Release day is the design case: thousands of people ask the same question and most of them hear
"full". Listings and "full" answers come from this instance's slot snapshot (sync/server/slot_snapshot.py)
on the event loop, without a thread hop or a database read; only a booking for a slot that may still
have a place goes to the database, where the conditional UPDATE in `ledger.take_place` is the one
capacity check. Every input is checked by the station's own rules (app/domain/person_details.py).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from app.certificates.slip import slip_qr_text
from app.domain.booking_code import format_booking_code, new_booking_code, normalise_booking_code
from app.domain.catalogue import Catalogue
from app.domain.ids import uuid7
from app.domain.person_details import InvalidPersonDetails, PersonDetails, age_limit_reason, validate_dob
from app.errors import ValidationError
from app.reasons import Reason, english
from sync import protocol as p
from sync.server import challenge as robot
from sync.server import ledger, mail
from sync.server import tenants as t
from sync.server.admin_errors import AdminInputError
from sync.server.api_errors import ApiError
from sync.server.edge_settings import PublicSettings, read_settings
from sync.server.mail_templates import TenantMailTemplates
from sync.server.rate_limits import RateLimits, Refusal, client_address, parse_trusted, rate_client
from sync.server.rows import person_record
from sync.server.slot_snapshot import DEFAULT_PAGE_SIZE, MAX_AGE_S, MAX_PAGE_SIZE, Page, SlotView, TenantSlots
from sync.server.tenants import Registry, Tenant, UnknownTenant, utcnow

log = logging.getLogger("vaxdesk.server.public")

SETTINGS_MAX_AGE_S = 5.0
UNKNOWN_TENANT_MAX_AGE_S = 5.0  # "no such tenant" is remembered briefly: on PostgreSQL it costs a connection
CHANGEABLE_STATES = frozenset({"booked"})
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2200, 12, 31)
MAX_PAGE = 10_000

T = TypeVar("T")


@dataclass(frozen=True)
class EdgeConfig:
    """How this instance runs its public edge (from the command line and environment, never per tenant)."""

    rate_limit_storage: str = "memory"
    trusted_proxies: tuple[Any, ...] = ()
    smtp: mail.SmtpConfig | None = None
    mail_retry: mail.RetryPolicy = field(default_factory=mail.RetryPolicy)
    snapshot_max_age_s: float = MAX_AGE_S


class Edge:
    """Per-instance state of the public edge: open tenants, their settings and slot snapshots, the rate
    limiter and the mail sender. Holds no request state; every instance builds its own."""

    def __init__(self, registry: Registry, config: EdgeConfig, catalogue: Catalogue | None) -> None:
        self.registry = registry
        self.config = config
        self.catalogue = catalogue
        self.limits = RateLimits(config.rate_limit_storage)
        self.mail: mail.MailSender | None = mail.MailSender(
            registry, config.smtp, policy=config.mail_retry, templates=TenantMailTemplates()) \
            if config.smtp is not None else None
        self._tenants: dict[str, Tenant] = {}
        self._unknown: dict[str, float] = {}
        self._settings: dict[str, tuple[float, PublicSettings]] = {}
        self._slots: dict[str, TenantSlots] = {}
        self._guard = threading.Lock()

    # ---- tenants and their settings ---------------------------------------------------------

    def tenant_cached(self, name: str) -> Tenant | None:
        return self._tenants.get(name)

    def tenant(self, name: str) -> Tenant:
        found = self._tenants.get(name)
        if found is not None:
            return found
        missed = self._unknown.get(name)
        if missed is not None and time.monotonic() - missed < UNKNOWN_TENANT_MAX_AGE_S:
            raise ApiError(404, "unknown_tenant")
        try:
            found = self.registry.get(name)
        except (UnknownTenant, ValueError):
            with self._guard:
                if len(self._unknown) > 10_000:
                    self._unknown.clear()
                self._unknown[name] = time.monotonic()
            raise ApiError(404, "unknown_tenant") from None
        self._tenants[name] = found
        return found

    def settings_cached(self, tenant: Tenant) -> PublicSettings | None:
        entry = self._settings.get(tenant.name)
        if entry is not None and time.monotonic() - entry[0] <= SETTINGS_MAX_AGE_S:
            return entry[1]
        return None

    def settings(self, tenant: Tenant) -> PublicSettings:
        cached = self.settings_cached(tenant)
        if cached is not None:
            return cached
        with tenant.read() as conn:
            settings = read_settings(conn)
        self._settings[tenant.name] = (time.monotonic(), settings)
        return settings

    def slots(self, tenant: Tenant) -> TenantSlots:
        found = self._slots.get(tenant.name)
        if found is None:
            with self._guard:
                found = self._slots.setdefault(
                    tenant.name, TenantSlots(tenant, max_age=self.config.snapshot_max_age_s))
        return found

    @property
    def mail_enabled(self) -> bool:
        return self.mail is not None

    def client(self, request: Request) -> str:
        """Whom the per-client limits count: the address (sync/server/rate_limits.py), an IPv6 one by its /64."""
        peer = request.client.host if request.client else None
        return rate_client(client_address(peer, request.headers.get("x-forwarded-for"), self.config.trusted_proxies))


async def _off_loop(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return await run_in_threadpool(fn, *args, **kwargs)


async def _tenant(edge: Edge, name: str) -> Tenant:
    found = edge.tenant_cached(name)
    return found if found is not None else await _off_loop(edge.tenant, name)


async def _settings(edge: Edge, tenant: Tenant) -> PublicSettings:
    found = edge.settings_cached(tenant)
    return found if found is not None else await _off_loop(edge.settings, tenant)


async def _limit(edge: Edge, request: Request, tenant: Tenant, *, kind: str, per_client: str, per_tenant: str) -> None:
    await _counted(edge, edge.limits.hit, tenant, kind=kind, client=edge.client(request), per_client=per_client,
                   per_tenant=per_tenant)


async def _counted(edge: Edge, hit: Callable[..., Refusal | None], *args: Any, **kwargs: Any) -> None:
    """One try counted by a limiter (off the event loop when it waits on the database or Redis); the 429
    when the tries are used up."""
    _refuse(await _off_loop(hit, *args, **kwargs) if edge.limits.blocking else hit(*args, **kwargs))


def _refuse(refusal: Refusal | None) -> None:
    if refusal is not None:
        raise ApiError(429, "rate_limited", params={"retry_after": refusal.retry_after},
                       details={"scope": refusal.scope, "retry_after": refusal.retry_after},
                       headers={"Retry-After": str(refusal.retry_after)})


async def _limit_code_tries(edge: Edge, tenant: Tenant, settings: PublicSettings, code: str) -> None:
    """One more try with a date of birth at a booking code (view, cancel, move), from all clients together;
    the 429 when they are used up. Counted before the date of birth is compared, so parallel requests get no
    extra tries, and only for a code that is booked, so a window holds keys of real bookings only. Not inside
    the booking's transaction: a limiter in the tenant database needs a connection of its own."""
    key = tenant.cipher.index(code)
    if not await _off_loop(_code_booked, tenant, key):
        return  # the transaction answers unknown_booking
    await _counted(edge, edge.limits.hit_key, tenant, kind="code", key=key, rate=settings.tries_per_code,
                   scope="booking")


def _code_booked(tenant: Tenant, code_index: str) -> bool:
    with tenant.read() as conn:
        return conn.execute(_CODE_KNOWN, {"code_index": code_index}).first() is not None


async def limit_result_link_tries(edge: Edge, tenant: Tenant, settings: PublicSettings, token: str) -> None:
    """One more opening of this result link, from whichever client, counted before the answer, right or
    wrong: its name and date of birth are not found by trying from many addresses."""
    await _counted(edge, edge.limits.hit_key, tenant, kind="link", key=tenant.cipher.index(token),
                   rate=settings.tries_per_link, scope="link")


async def _limit_lookups(edge: Edge, request: Request, tenant: Tenant, settings: PublicSettings) -> None:
    """Lookups, cancels and rebooks share one budget: each one tries a booking code."""
    await _limit(edge, request, tenant, kind="lookup", per_client=settings.lookup_per_client,
                 per_tenant=settings.lookup_per_tenant)


async def _slot_view(slots: TenantSlots, slot_id: str) -> SlotView:
    known, view = slots.cached_slot(slot_id)
    if not known:
        view = await _off_loop(slots.slot, slot_id)
    if view is None:
        raise ApiError(404, "unknown_slot")
    return view


def _check_challenge(tenant: Tenant, settings: PublicSettings, payload: str | None) -> robot.Verified | None:
    if not settings.challenge:
        return None
    try:
        return robot.verify(payload, tenant.cipher.subkey(robot.KEY_PURPOSE))
    except robot.ChallengeRefused as exc:
        raise ApiError(403, exc.code) from None


def _invalid(reasons: tuple[Reason, ...] | list[Reason]) -> ApiError:
    return ApiError(422, "invalid_input", english("invalid_input"), details={"errors": [
        {"field": r.field, "code": r.code, "params": dict(r.params)} for r in reasons]})


def _details(body: p.PublicBookingRequest, today: date) -> PersonDetails:
    try:
        return PersonDetails.parse(family_name=body.family_name, given_name=body.given_name, dob=body.dob,
                                   email=body.email, phone=body.phone, today=today)
    except InvalidPersonDetails as exc:
        raise _invalid(exc.reasons) from None


def _dob(text_value: str) -> str:
    try:
        return validate_dob(text_value, today=utcnow().date())
    except ValidationError as exc:
        raise _invalid([exc.reason]) from None


def _age_refusal(catalogue: Catalogue | None, dob: str, product_code: str | None, on: date) -> None:
    product = catalogue.find(product_code) if catalogue is not None and product_code else None
    if product is None:
        return
    reason = age_limit_reason(dob, on=on, product=product.name, min_years=product.min_age_years,
                              max_years=product.max_age_years)
    if reason is not None:
        raise _invalid([reason])


def _code(raw: str) -> str:
    code = normalise_booking_code(raw)
    if code is None:
        raise ApiError(422, "invalid_booking_code")
    return code


def _check_begun(starts_at: datetime) -> None:
    """A slot that has begun takes no booking and no move: the desk is already seeing its people."""
    if _aware(starts_at) <= utcnow():
        raise ApiError(409, "slot_past")


def _check_day(day: date) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        # Also keeps the ±14 h window of the snapshot inside what datetime can hold.
        raise ApiError(422, "invalid_day")


# ---- the router -------------------------------------------------------------------------------

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": p.ErrorBody} for status in (400, 403, 404, 409, 413, 422, 429)}
TenantName = Annotated[str, Path(min_length=1, max_length=64)]
CodePath = Annotated[str, Path(min_length=1, max_length=64)]

router = APIRouter(tags=["public"])


def _edge(request: Request) -> Edge:
    edge: Edge = request.app.state.edge
    return edge


@router.get("/v1/public/{tenant}/slots", response_model=p.PublicSlotList,
            responses={304: {"description": "Not modified (If-None-Match)"}, **ERRORS})
async def public_slots(request: Request, tenant: TenantName, day: date,
                       page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
                       page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE) -> Response:
    """A page of the day's slots with their free places. Cacheable for a second (ETag, Cache-Control)."""
    _check_day(day)
    edge = _edge(request)
    ten = await _tenant(edge, tenant)
    slots = edge.slots(ten)
    listing = slots.cached_day(day)
    if listing is None:
        listing = await _off_loop(slots.day, day)
    status, body, headers = listing_answer(edge, listing.page(page, page_size), request.headers.get("if-none-match"))
    return Response(body, status_code=status, media_type="application/json" if body else None, headers=headers)


def listing_answer(edge: Edge, page: Page, if_none_match: str | None) -> tuple[int, bytes, dict[str, str]]:
    """(status, body, headers) of a listing page: 304 when the client holds these bytes already."""
    headers = {"ETag": page.etag, "Cache-Control": f"public, max-age={max(1, int(edge.config.snapshot_max_age_s))}"}
    if if_none_match == page.etag:
        return 304, b"", headers
    return 200, page.body, headers


def cached_listing(edge: Edge, tenant: str, day: date, page: int, size: int) -> Page | None:
    """The page from this instance's snapshot, or None when it would take the database to answer."""
    ten = edge.tenant_cached(tenant)
    if ten is None or not FIRST_DAY <= day <= LAST_DAY:
        return None
    listing = edge.slots(ten).cached_day(day)
    return listing.page(page, size) if listing is not None else None


def certainly_full(edge: Edge, tenant: str, body: p.PublicBookingRequest) -> bool:
    """True when this booking would be answered "full" and the snapshot alone can tell: tenant, settings
    and slot known, details valid, robot check passed, age allowed. Anything uncertain is False, and the
    request takes the ordinary route, which gives the same answer or a more specific one."""
    ten = edge.tenant_cached(tenant)
    settings = edge.settings_cached(ten) if ten is not None else None
    if ten is None or settings is None:
        return False
    known, view = edge.slots(ten).cached_slot(body.slot_id)
    if not known or view is None or view.free > 0 or view.begun():
        return False
    try:
        details = _details(body, utcnow().date())
        _check_challenge(ten, settings, body.altcha)
        _age_refusal(edge.catalogue, details.dob, view.product_code, view.starts_at.date())
    except ApiError:
        return False
    return True


@router.get("/v1/public/{tenant}/challenge", response_model=p.Challenge, responses=ERRORS)
async def public_challenge(request: Request, tenant: TenantName) -> p.Challenge:
    """A robot-check challenge to solve before booking (ALTCHA v1), when the tenant asks for one."""
    edge = _edge(request)
    ten = await _tenant(edge, tenant)
    settings = await _settings(edge, ten)
    data = robot.new_challenge(ten.cipher.subkey(robot.KEY_PURPOSE), max_number=settings.challenge_max_number,
                               minutes=settings.challenge_minutes)
    return p.Challenge.model_validate(data)


@router.post("/v1/public/{tenant}/bookings", response_model=p.PublicBookingResponse, status_code=201,
             responses=ERRORS)
async def public_booking(request: Request, tenant: TenantName,
                         body: p.PublicBookingRequest) -> p.PublicBookingResponse | Response:
    edge = _edge(request)
    ten = await _tenant(edge, tenant)
    settings = await _settings(edge, ten)
    details = _details(body, utcnow().date())
    verified = _check_challenge(ten, settings, body.altcha)
    slots = edge.slots(ten)
    view = await _slot_view(slots, body.slot_id)
    _check_begun(view.starts_at)
    _age_refusal(edge.catalogue, details.dob, view.product_code, view.starts_at.date())
    if view.free <= 0:
        # The snapshot says full: no write transaction, no rate-limit hit, and the answer's bytes are
        # made once (release day is mostly this answer).
        return Response(FULL_BODY, status_code=409, media_type="application/json")
    await _limit(edge, request, ten, kind="booking", per_client=settings.booking_per_client,
                 per_tenant=settings.booking_per_tenant)
    try:
        booked = await _off_loop(book_online, ten, body, details=details, settings=settings, verified=verified,
                                 catalogue=edge.catalogue, mail_enabled=edge.mail_enabled)
    except ApiError as exc:
        if exc.code == "full":
            slots.full(body.slot_id)
        raise
    slots.taken(body.slot_id)
    if edge.mail is not None:
        edge.mail.wake()
    return booked


@router.get("/v1/public/{tenant}/bookings/{code}", response_model=p.BookingLookupResponse, responses=ERRORS)
async def public_booking_lookup(request: Request, tenant: TenantName, code: CodePath) -> p.BookingLookupResponse:
    """When and in what state a booking is; the code may be typed as printed (ABCD-EFGH-J)."""
    edge = _edge(request)
    ten = await _tenant(edge, tenant)
    canonical = _code(code)
    settings = await _settings(edge, ten)
    await _limit_lookups(edge, request, ten, settings)
    return await _off_loop(_lookup, ten, canonical)


async def _change_of_booking(request: Request, tenant: str, code: str, dob: str, altcha: str | None) -> tuple[
        Edge, Tenant, str, str, PublicSettings, robot.Verified | None]:
    """What cancel and rebook check first: the tenant, the code's form, the date of birth, the robot check."""
    edge = _edge(request)
    ten = await _tenant(edge, tenant)
    canonical = _code(code)
    checked_dob = _dob(dob)
    settings = await _settings(edge, ten)
    return edge, ten, canonical, checked_dob, settings, _check_challenge(ten, settings, altcha)


@dataclass(frozen=True)
class OwnBooking:
    appointment_id: str
    slot_id: str
    site_id: str
    starts_at: datetime


async def own_booking(request: Request, tenant: str, code: str, dob: str) -> OwnBooking:
    """The booking a person is about to change (the citizen's page shows it first): the same checks and
    lookup budget as cancel and rebook, read only. ApiError as they would raise it."""
    edge = _edge(request)
    ten = await _tenant(edge, tenant)
    canonical, checked_dob = _code(code), _dob(dob)
    settings = await _settings(edge, ten)
    await _limit_lookups(edge, request, ten, settings)
    await _limit_code_tries(edge, ten, settings, canonical)

    def read() -> OwnBooking:
        with ten.read() as conn:
            row, _person = _own_booking(ten, conn, canonical, checked_dob)
        return OwnBooking(appointment_id=row.id, slot_id=row.slot_id, site_id=row.site_id,
                          starts_at=_aware(row.starts_at))

    return await _off_loop(read)


async def tenant_and_settings(request: Request, tenant: str) -> tuple[Edge, Tenant, PublicSettings]:
    """For the citizen's pages: the edge, the open tenant (ApiError 404 when unknown) and its settings."""
    edge = _edge(request)
    ten = await _tenant(edge, tenant)
    return edge, ten, await _settings(edge, ten)


async def limit_result_openings(edge: Edge, request: Request, tenant: Tenant, settings: PublicSettings) -> None:
    """Opening a result has its own budget: each try costs a key derivation and guesses a person's data."""
    await _limit(edge, request, tenant, kind="result", per_client=settings.result_per_client,
                 per_tenant=settings.result_per_tenant)


@router.post("/v1/public/{tenant}/bookings/{code}/cancel", response_model=p.BookingChangeResponse, responses=ERRORS)
async def public_booking_cancel(request: Request, tenant: TenantName, code: CodePath,
                                body: p.BookingCancelRequest) -> p.BookingChangeResponse:
    """Cancel with the booking code and the date of birth given at booking; the place is free again."""
    edge, ten, canonical, dob, settings, verified = await _change_of_booking(request, tenant, code, body.dob,
                                                                            body.altcha)
    await _limit_lookups(edge, request, ten, settings)
    await _limit_code_tries(edge, ten, settings, canonical)
    answer = await _off_loop(cancel_online, ten, canonical, dob=dob, settings=settings, verified=verified,
                             mail_enabled=edge.mail_enabled, lang=body.lang)
    edge.slots(ten).released(answer.slot_id)
    if edge.mail is not None:
        edge.mail.wake()
    return answer


@router.post("/v1/public/{tenant}/bookings/{code}/rebook", response_model=p.BookingChangeResponse, responses=ERRORS)
async def public_booking_rebook(request: Request, tenant: TenantName, code: CodePath,
                                body: p.BookingRebookRequest) -> p.BookingChangeResponse:
    """Move a booking to another slot of the same site; the code stays, the old place is free again."""
    edge, ten, canonical, dob, settings, verified = await _change_of_booking(request, tenant, code, body.dob,
                                                                            body.altcha)
    slots = edge.slots(ten)
    view = await _slot_view(slots, body.slot_id)
    _check_begun(view.starts_at)
    _age_refusal(edge.catalogue, dob, view.product_code, view.starts_at.date())
    if view.free <= 0:
        raise ApiError(409, "full")
    await _limit_lookups(edge, request, ten, settings)
    await _limit_code_tries(edge, ten, settings, canonical)
    try:
        answer, old_slot = await _off_loop(rebook_online, ten, canonical, dob=dob, slot_id=body.slot_id,
                                           settings=settings, verified=verified, mail_enabled=edge.mail_enabled,
                                           lang=body.lang)
    except ApiError as exc:
        if exc.code == "full":
            slots.full(body.slot_id)
        raise
    slots.taken(body.slot_id)
    slots.released(old_slot)
    if edge.mail is not None:
        edge.mail.wake()
    return answer


# ---- the writes (in a worker thread, one transaction each) -----------------------------------


def book_online(ten: Tenant, body: p.PublicBookingRequest, *, details: PersonDetails | None = None,
                settings: PublicSettings | None = None, verified: robot.Verified | None = None,
                catalogue: Catalogue | None = None, mail_enabled: bool = False) -> p.PublicBookingResponse:
    """The hot path on release days: one transaction, the place taken by a conditional UPDATE. Checks
    the person's details itself, so a direct caller cannot store what the station could not read."""
    details = details or _details(body, utcnow().date())
    person_id, appointment_id, code = uuid7(), uuid7(), new_booking_code()
    now = utcnow()
    person = {"id": person_id, "family_name": details.family_name, "given_name": details.given_name,
              "dob": details.dob, "phone": details.phone, "email": details.email, "created_at": now,
              "updated_at": now}
    with ten.write() as conn:
        slot_row = conn.execute(_PUBLIC_SLOT, {"slot": body.slot_id}).first()
        if slot_row is None:
            raise ApiError(404, "unknown_slot", text="booking_slot_unknown")
        starts_at = _aware(slot_row.starts_at)
        _check_begun(starts_at)  # the one check a direct caller cannot skip
        _age_refusal(catalogue, details.dob, slot_row.product_code, starts_at.date())
        _use_challenge(conn, verified)
        appointment = {"id": appointment_id, "person_id": person_id, "slot_id": body.slot_id,
                       "site_id": slot_row.site_id, "booking_code": code, "product_code": slot_row.product_code,
                       "dose_number": 1, "state": "booked", "state_changed_at": now, "created_at": now}
        try:
            # The person and the booking are the server's own rows, sent to the site's stations.
            ledger.book_public(ten, conn, person=person, appointment=appointment)
        except ledger.Rejected:
            raise ApiError(409, "full") from None
        # A double submit or a retry of the same form: one person, one place in a slot. Asked after the place
        # was taken, so the slot's row lock has ordered two concurrent tries and the second sees the first.
        index = ledger.match_index(ten, details.family_name, details.given_name, details.dob)
        if conn.execute(_BOOKED_ALREADY, {"slot": body.slot_id, "match_index": index, "person": person_id}).first():
            raise ApiError(409, "already_booked")  # the transaction rolls back: no second place, no second mail
        _queue_mail(ten, conn, kind="booking_confirmed", settings=settings, enabled=mail_enabled, lang=body.lang,
                    person=person, code=code, starts_at=starts_at)
    return p.PublicBookingResponse(appointment_id=appointment_id, person_id=person_id, booking_code=code,
                                   printed_code=format_booking_code(code), slot_id=body.slot_id, starts_at=starts_at)


def _lookup(ten: Tenant, code: str) -> p.BookingLookupResponse:
    with ten.read() as conn:
        row = conn.execute(_BOOKING_BY_CODE, {"code_index": ten.cipher.index(code)}).first()
    if row is None:
        raise ApiError(404, "unknown_booking")
    return p.BookingLookupResponse(appointment_id=row.id, slot_id=row.slot_id, starts_at=_aware(row.starts_at),
                                   state=row.state)


def _own_booking(ten: Tenant, conn: Connection, code: str, dob: str) -> tuple[Any, dict[str, Any]]:
    """The booking with this code whose person has this date of birth, still changeable; else an ApiError.
    A wrong date of birth answers like an unknown code would not: the code is the secret, the date
    only a second factor, and both are rate-limited (per client, per tenant and per code)."""
    row = conn.execute(_BOOKING_BY_CODE, {"code_index": ten.cipher.index(code)}).first()
    if row is None:
        raise ApiError(404, "unknown_booking")
    person: dict[str, Any] = person_record(ten, conn, row.person_id) or {}
    if person.get("dob") != dob:
        raise ApiError(403, "booking_details_mismatch")
    if row.state not in CHANGEABLE_STATES or _aware(row.starts_at) <= utcnow():
        state = row.state if row.state not in CHANGEABLE_STATES else "past"
        raise ApiError(409, "booking_not_changeable", params={"state": state}, details={"state": state})
    return row, person


def cancel_online(ten: Tenant, code: str, *, dob: str, settings: PublicSettings | None = None,
                  verified: robot.Verified | None = None, mail_enabled: bool = False,
                  lang: str = "de") -> p.BookingChangeResponse:
    with ten.write() as conn:
        row, person = _own_booking(ten, conn, code, dob)
        _use_challenge(conn, verified)
        if not ledger.server_update(ten, conn, entity="appointment", row_id=row.id,
                                    values={"state": "cancelled", "state_changed_at": utcnow()}):
            raise ApiError(409, "booking_not_changeable", params={"state": row.state}, details={"state": row.state})
        _queue_mail(ten, conn, kind="booking_cancelled", settings=settings, enabled=mail_enabled,
                    lang=lang, person=person, code=code, starts_at=_aware(row.starts_at))
    log.info("booking cancelled online", extra={"tenant": ten.name, "appointment": row.id})
    return p.BookingChangeResponse(appointment_id=row.id, booking_code=code, slot_id=row.slot_id,
                                   starts_at=_aware(row.starts_at), state="cancelled")


def rebook_online(ten: Tenant, code: str, *, dob: str, slot_id: str, settings: PublicSettings | None = None,
                  verified: robot.Verified | None = None, mail_enabled: bool = False,
                  lang: str = "de") -> tuple[p.BookingChangeResponse, str]:
    """Returns the answer and the slot the booking left."""
    with ten.write() as conn:
        row, person = _own_booking(ten, conn, code, dob)
        if row.slot_id == slot_id:
            raise ApiError(409, "same_slot")
        new_slot = conn.execute(_PUBLIC_SLOT, {"slot": slot_id}).first()
        if new_slot is None:
            raise ApiError(404, "unknown_slot")
        if new_slot.site_id != row.site_id:
            raise ApiError(409, "other_site", text="move_other_site")
        _check_begun(new_slot.starts_at)
        _use_challenge(conn, verified)
        try:
            ledger.move_booking(ten, conn, appointment_id=row.id, slot_id=slot_id)
        except ledger.Rejected:
            raise ApiError(409, "full") from None
        starts_at = _aware(new_slot.starts_at)
        _queue_mail(ten, conn, kind="booking_moved", settings=settings, enabled=mail_enabled,
                    lang=lang, person=person, code=code, starts_at=starts_at)
    log.info("booking moved online", extra={"tenant": ten.name, "appointment": row.id})
    answer = p.BookingChangeResponse(appointment_id=row.id, booking_code=code, slot_id=slot_id, starts_at=starts_at,
                                     state="booked")
    return answer, str(row.slot_id)


def _use_challenge(conn: Connection, verified: robot.Verified | None) -> None:
    """A solved challenge counts once, whichever instance sees it again. The unique key is the check;
    a savepoint keeps a PostgreSQL transaction usable to answer."""
    if verified is None:
        return
    try:
        with conn.begin_nested():
            conn.execute(insert(t.used_challenge).values(signature=verified.signature, expires_at=verified.expires_at))
    except IntegrityError:
        raise ApiError(409, "challenge_used") from None
    conn.execute(_PRUNE_CHALLENGES, {"now": utcnow()})


_GERMAN_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def mail_values(*, settings: PublicSettings, tenant_name: str, lang: str, person: Mapping[str, Any], code: str,
                starts_at: datetime, with_qr: bool = False) -> dict[str, Any]:
    """What the booking templates show, in the tenant's time zone and the person's language. The manage
    link carries the code after '#': a fragment never reaches a server's or a proxy's log."""
    local = starts_at.astimezone(ZoneInfo(settings.timezone))
    printed = format_booking_code(code)
    manage = f"{settings.public_url.rstrip('/')}/manage?lang={lang}#code={printed}" if settings.public_url else None
    values = {"center": settings.display_name or tenant_name, "code": printed,
              "given_name": person.get("given_name") or "", "family_name": person.get("family_name") or "",
              "weekday": (_GERMAN_WEEKDAYS if lang == "de" else _ENGLISH_WEEKDAYS)[local.weekday()],
              "day": local.strftime("%d.%m.%Y") if lang == "de" else local.strftime("%d %B %Y"),
              "time": local.strftime("%H:%M"), "manage_url": manage}
    if with_qr:
        values["qr_text"] = slip_qr_text(code)  # what the desk's scanner reads on a printed slip too
    return values


def _queue_mail(ten: Tenant, conn: Connection, *, kind: str, settings: PublicSettings | None, enabled: bool,
                lang: str, person: Mapping[str, Any], code: str, starts_at: datetime) -> None:
    to = person.get("email")
    if not enabled or settings is None or not settings.mail_from or not to:
        return
    mail.enqueue(ten, conn, kind=kind, to=str(to), sender=settings.mail_from, sender_name=settings.display_name,
                 lang=lang, values=mail_values(settings=settings, tenant_name=ten.name, lang=lang, person=person,
                                               code=code, starts_at=starts_at, with_qr=kind == "booking_confirmed"))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


FULL_BODY = p.ErrorBody(code="full", message=english("full")).model_dump_json(exclude_none=True).encode()
_PUBLIC_SLOT = select(t.slot.c.site_id, t.slot.c.starts_at, t.slot.c.product_code).where(
    t.slot.c.id == bindparam("slot"))
_BOOKING_BY_CODE = (
    select(t.appointment.c.id, t.appointment.c.slot_id, t.appointment.c.person_id, t.appointment.c.state,
           t.appointment.c.holding, t.slot.c.starts_at, t.slot.c.site_id)
    .join(t.slot, t.slot.c.id == t.appointment.c.slot_id)
    .where(t.appointment.c.code_index == bindparam("code_index")))
_BOOKED_ALREADY = (
    select(t.appointment.c.id).join(t.person, t.person.c.id == t.appointment.c.person_id)
    .where(t.appointment.c.slot_id == bindparam("slot"), t.appointment.c.holding.is_(True),
           t.person.c.match_index == bindparam("match_index"), t.person.c.deleted_at.is_(None),
           t.person.c.id != bindparam("person")).limit(1))
_CODE_KNOWN = select(t.appointment.c.id).where(t.appointment.c.code_index == bindparam("code_index"))
_PRUNE_CHALLENGES = delete(t.used_challenge).where(t.used_challenge.c.expires_at < bindparam("now"))


def default_config(environ: Mapping[str, str] | None = None) -> EdgeConfig:
    """The edge configuration from the environment (VAXDESK_RATE_LIMIT_STORAGE, VAXDESK_TRUSTED_PROXIES,
    VAXDESK_SMTP_URL …); ValueError names the variable that is wrong."""
    env = os.environ if environ is None else environ
    try:
        trusted = tuple(parse_trusted(env.get("VAXDESK_TRUSTED_PROXIES")))
    except AdminInputError as exc:
        raise AdminInputError.said_of(exc, "VAXDESK_TRUSTED_PROXIES") from None
    retry = mail.RetryPolicy()
    if env.get("VAXDESK_MAIL_RETRY_BASE_S"):
        try:
            retry = mail.RetryPolicy(base_s=float(env["VAXDESK_MAIL_RETRY_BASE_S"]))
        except ValueError:
            raise AdminInputError("mail_retry_seconds", field="VAXDESK_MAIL_RETRY_BASE_S") from None
    return EdgeConfig(rate_limit_storage=env.get("VAXDESK_RATE_LIMIT_STORAGE", "memory"), trusted_proxies=trusted,
                      smtp=mail.SmtpConfig.from_env(env), mail_retry=retry)
