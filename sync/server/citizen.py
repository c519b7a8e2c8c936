"""The citizen's pages, one set per tenant under /p/<tenant>/: book an appointment, cancel or move it with
the booking code, and open a result or certificate from a mail's link. Server-rendered HTML (Jinja2) with
a little CSS and JavaScript of our own (the robot check, the code or token from the link's fragment).

Every page goes through the public edge's own functions (sync/server/public.py): the same checks, rate
limits, robot check and transactions as the JSON API, so a page can never do what the API refuses. No
cookies: the language travels as `?lang=` and in forms, the booking code and the result token after '#'
in mail links (never in a request line, so never in a log). Paths:

  GET  /p/<tenant>/                     days with free places          GET /p/<tenant>/day/<YYYY-MM-DD>
  GET  /p/<tenant>/book/<slot>          the booking form; POST books   GET /p/_assets/<file>
  GET  /p/<tenant>/manage               code + date of birth; POST shows the booking
  POST /p/<tenant>/manage/cancel        confirm and cancel             POST /p/<tenant>/manage/move
  GET  /p/<tenant>/result               name + date of birth; POST opens the result
  POST /p/<tenant>/result/pdf           the PDF of the opened result
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any, Literal
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError as WireError
from starlette.concurrency import run_in_threadpool

from app.certificates.qr import qr_png
from app.certificates.slip import slip_qr_text
from app.certificates.valuesets import PRODUCT, display
from app.domain.booking_code import format_booking_code, normalise_booking_code
from app.domain.names import validate_person_name
from app.domain.person_details import InvalidPersonDetails, PersonDetails, validate_dob
from app.errors import ValidationError
from app.reasons import Reason, fill
from sync import protocol as p
from sync.server import public
from sync.server.api_errors import ApiError
from sync.server.edge_settings import PublicSettings
from sync.server.result_pdf import can_print, result_pdf
from sync.server.results import OpenedResult, ResultOpener, ResultRefused, token_from
from sync.server.slot_snapshot import SlotView
from sync.server.tenants import Tenant, utcnow

log = logging.getLogger("vaxdesk.server.citizen")

LANGUAGES = ("de", "en")
DAYS_AHEAD = 28
MAX_FORM_BYTES = 16 * 1024
ASSET_FILES = ("citizen.css", "citizen.js")
# No inline script or style anywhere; pictures of our own or data: (the QR codes).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin",
           "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()"}
FIELD_ORDER = ("token", "code", "family_name", "given_name", "dob", "email", "day", "slot_id", "confirm")
PRIVATE = "no-store"  # every page that shows what a person typed or opened

router = APIRouter(include_in_schema=False)


# ---- words -----------------------------------------------------------------------------------------


@cache
def texts() -> dict[str, dict[str, str]]:
    """The pages' words by key and language (templates/pages/texts.json)."""
    data: dict[str, dict[str, str]] = json.loads(
        resources.files("sync.server").joinpath("templates/pages/texts.json").read_text(encoding="utf-8"))
    return data


def text(key: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    entry = texts().get(key)
    if entry is None:
        return key
    return fill(entry.get(lang) or entry["de"], params)


def reason_text(reason: Reason, lang: str) -> str:
    """A reason code in the citizen's words; a code without its own text gets the general one."""
    params = dict(reason.params)
    if "label" in params and reason.field:
        params["label"] = text(f"label.{reason.field}", lang)
    key = f"reason.{reason.code}"
    return text(key if key in texts() else "reason.invalid_input", lang, params)


def _wire(lang: str) -> Literal["de", "en"]:
    return "en" if lang == "en" else "de"


def choose_language(request: Request) -> str:
    """`?lang=` (the switch on every page, and what forms carry), else the browser's Accept-Language."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    best, best_q = LANGUAGES[0], -1.0
    for part in request.headers.get("accept-language", "")[:500].split(","):
        tag, _, q = part.strip().partition(";q=")
        primary = tag.split("-")[0].lower()
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        if primary in LANGUAGES and weight > best_q:
            best, best_q = primary, weight
    return best


@dataclass(frozen=True)
class Calendar:
    """Dates and times as the tenant's citizens read them."""

    lang: str
    tz: ZoneInfo

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def day(self, day: date) -> str:
        weekday = text("weekdays", self.lang).split(",")[day.weekday()]
        if self.lang == "de":
            return f"{weekday}, {day.day}. {text('months', 'de').split(',')[day.month - 1]} {day.year}"
        return f"{weekday}, {day.day} {text('months', 'en').split(',')[day.month - 1]} {day.year}"

    def short_day(self, day: date) -> tuple[str, str]:
        weekday = text("weekdays_short", self.lang).split(",")[day.weekday()]
        month = text("months_short", self.lang).split(",")[day.month - 1]
        return weekday, f"{day.day}. {month}" if self.lang == "de" else f"{day.day} {month}"

    def iso_day(self, value: str) -> str:
        """A DCC date (YYYY-MM-DD, or only YYYY-MM / YYYY) as people write it here."""
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
        return day.strftime("%d.%m.%Y") if self.lang == "de" else self.day(day).split(", ", 1)[1]

    def when(self, moment: datetime) -> str:
        local = self.local(moment)
        weekday = text("weekdays", self.lang).split(",")[local.weekday()]
        shown = local.strftime("%d.%m.%Y") if self.lang == "de" else self.day(local.date()).split(", ", 1)[1]
        return text("when", self.lang, {"weekday": weekday, "day": shown, "time": local.strftime("%H:%M")})


# ---- rendering ----------------------------------------------------------------------------------


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("sync.server", "templates/pages"),
                              autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)


@cache
def asset(name: str) -> tuple[bytes, str]:
    """An asset's bytes and a short hash of them (its URL changes with its content, so it may be cached)."""
    data = resources.files("sync.server").joinpath(f"static/{name}").read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:12]


@dataclass
class Form:
    """What was typed, and what is wrong with it: per field (shown at the field) and for the whole form."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    refused_with: int | None = None  # the edge's status when it refused

    @property
    def status(self) -> int:
        return self.refused_with or (422 if self.errors else 409)

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def ordered_errors(self) -> list[tuple[str, str]]:
        """The errors in the order the fields stand on the page (the summary lists them so)."""
        return sorted(self.errors.items(), key=lambda kv: FIELD_ORDER.index(kv[0]) if kv[0] in FIELD_ORDER else 99)


@dataclass
class PageContext:
    request: Request
    tenant: str
    lang: str
    center: str
    calendar: Calendar

    @property
    def base(self) -> str:
        return f"/p/{self.tenant}"

    def t(self, key: str, **params: Any) -> str:
        return text(key, self.lang, params)

    def render(self, template: str, *, status: int = 200, private: bool = False, **values: Any) -> HTMLResponse:
        css, js = asset("citizen.css")[1], asset("citizen.js")[1]
        html = _environment().get_template(template).render(
            page=self, t=self.t, lang=self.lang, center=self.center, base=self.base, css_version=css,
            js_version=js, path=self.request.url.path, **values)
        response = HTMLResponse(html, status_code=status, headers=HEADERS)
        response.headers["Cache-Control"] = PRIVATE if private else "no-cache"
        return response


class NoSuchPage(Exception):
    """A tenant that does not exist: the app answers with the 404 page (`no_such_page`)."""


async def no_such_page(request: Request, _exc: Exception) -> Response:
    return not_found(request)


async def _context(request: Request, tenant: str) -> tuple[PageContext, public.Edge, Tenant, PublicSettings]:
    try:
        edge, ten, settings = await public.tenant_and_settings(request, tenant)
    except ApiError:
        raise NoSuchPage() from None
    lang = choose_language(request)
    context = PageContext(request=request, tenant=ten.name, lang=lang, center=settings.display_name or ten.name,
                          calendar=Calendar(lang=lang, tz=ZoneInfo(settings.timezone)))
    return context, edge, ten, settings


def not_found(request: Request) -> HTMLResponse:
    lang = choose_language(request)
    context = PageContext(request=request, tenant="", lang=lang, center="VaxDesk",
                          calendar=Calendar(lang=lang, tz=ZoneInfo("Europe/Berlin")))
    return context.render("not_found.html", status=404)


async def _form(request: Request) -> dict[str, str] | None:
    """An urlencoded form, bounded; None for anything else (a page posts nothing else)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=40, strict_parsing=False)
    except (UnicodeError, ValueError):
        return None
    return {k: v[0] for k, v in fields.items()}


def _dob(values: Mapping[str, str]) -> tuple[str | None, Reason | None]:
    """Day, month and year fields as YYYY-MM-DD, checked as everywhere (app.domain.person_details)."""
    day, month, year = (values.get(f"dob_{k}", "").strip() for k in ("day", "month", "year"))
    if not (day or month or year):
        return None, Reason("field_required", {"label": "dob"}, "dob")
    if not (day.isascii() and day.isdigit() and month.isascii() and month.isdigit() and year.isascii()
            and year.isdigit() and len(day) <= 2 and len(month) <= 2 and len(year) == 4):
        return None, Reason("dob_format", {}, "dob")
    try:
        return validate_dob(f"{year}-{int(month):02d}-{int(day):02d}", today=utcnow().date()), None
    except ValidationError as exc:
        return None, Reason(exc.code, exc.params, "dob")


def _api_problem(form: Form, exc: ApiError, lang: str) -> None:
    """An ApiError of the public edge onto the form: each field's reasons at the field, the rest on top."""
    form.refused_with = exc.status
    errors = (exc.details or {}).get("errors") if exc.code == "invalid_input" else None
    if errors:
        for error in errors:
            name = error.get("field") or ""
            form.errors.setdefault(name, reason_text(Reason(error["code"], error.get("params") or {}, name), lang))
        if not set(form.errors) & {"family_name", "given_name", "dob", "email", "code", "slot_id"}:
            form.problem = reason_text(Reason("invalid_input"), lang)
        return
    # The edge puts a refusal's parameters (retry_after, state) in its details.
    params = {k: v for k, v in (exc.details or {}).items() if isinstance(v, (str, int))}
    if exc.code == "rate_limited" and params.get("scope") in ("booking", "link"):
        # The tries at this code or link are used up for hours: said in hours, not "wait 86000 seconds".
        form.problem = text("tries_used_up", lang, {"hours": max(1, math.ceil(int(params.get("retry_after", 0)) / 3600))})
        return
    if exc.code in ("unknown_tenant", "not_found"):
        form.problem = reason_text(Reason("unknown_tenant"), lang)
    else:
        form.problem = reason_text(Reason(exc.code, params), lang)


def _field_reasons(form: Form, reasons: tuple[Reason, ...] | list[Reason], lang: str) -> None:
    for reason in reasons:
        if reason.field:
            form.errors.setdefault(reason.field, reason_text(reason, lang))


def _wire_problem(form: Form, exc: WireError, lang: str) -> None:
    """Lengths the wire model bounds (a 400-character name): the field says too long."""
    for error in exc.errors():
        name = str(error.get("loc", ("",))[0])
        limit = (error.get("ctx") or {}).get("max_length", 0)
        form.errors.setdefault(name, reason_text(Reason("field_too_long", {"max": limit}, name), lang))


# ---- slots ------------------------------------------------------------------------------------


def _local_day_slots(edge: public.Edge, ten: Tenant, tz: ZoneInfo, days: list[date],
                     site_id: str | None = None) -> dict[date, list[SlotView]]:
    """Free, future slots per local day. The snapshot lists by UTC day, so a local day spans two or three."""
    slots = edge.slots(ten)
    now = utcnow()
    wanted = set(days)
    found: dict[date, list[SlotView]] = {d: [] for d in days}
    utc_days = sorted({d + timedelta(days=k) for d in days for k in (-1, 0, 1)})
    for utc_day in utc_days:
        for listed in slots.day(utc_day).slots:
            # This instance's own bookings and cancels show at once (the day's listing is up to a second old).
            known, fresh = slots.cached_slot(listed.id)
            view = fresh if known and fresh is not None else listed
            local = view.starts_at.astimezone(tz).date()
            if local in wanted and view.free > 0 and view.starts_at > now and (site_id is None or view.site_id == site_id):
                found[local].append(view)
    return found


def _upcoming_days(tz: ZoneInfo) -> list[date]:
    today = utcnow().astimezone(tz).date()
    return [today + timedelta(days=k) for k in range(DAYS_AHEAD)]


def _product(edge: public.Edge, code: str | None) -> str | None:
    product = edge.catalogue.find(code) if edge.catalogue is not None and code else None
    return product.name if product is not None else None


def _day_choices(context: PageContext, by_day: dict[date, list[SlotView]]) -> list[dict[str, Any]]:
    choices = []
    for day, views in by_day.items():
        if views:
            weekday, label = context.calendar.short_day(day)
            free = sum(v.free for v in views)
            choices.append({"iso": day.isoformat(), "weekday": weekday, "label": label,
                            "long": context.calendar.day(day),
                            "free": context.t("free_one") if free == 1 else context.t("free_places", count=free)})
    return choices


def _time_choices(context: PageContext, edge: public.Edge, views: list[SlotView]) -> list[dict[str, Any]]:
    return [{"slot_id": v.id, "time": context.calendar.local(v.starts_at).strftime("%H:%M"),
             "product": _product(edge, v.product_code),
             "free": context.t("free_one") if v.free == 1 else context.t("free_places", count=v.free)}
            for v in sorted(views, key=lambda v: (v.starts_at, v.id))]


# ---- booking ----------------------------------------------------------------------------------


@router.get("/p/{tenant}/")
async def start(request: Request, tenant: str) -> Response:
    context, edge, ten, _settings = await _context(request, tenant)
    days = _upcoming_days(context.calendar.tz)
    by_day = await run_in_threadpool(_local_day_slots, edge, ten, context.calendar.tz, days)
    return context.render("start.html", days=_day_choices(context, by_day))


@router.get("/p/{tenant}")
async def start_without_slash(request: Request, tenant: str) -> Response:
    return Response(status_code=308, headers={"Location": f"/p/{tenant}/" + (
        f"?{request.url.query}" if request.url.query else "")})


@router.get("/p/{tenant}/day/{day}")
async def day_page(request: Request, tenant: str, day: str) -> Response:
    context, edge, ten, _settings = await _context(request, tenant)
    try:
        chosen = date.fromisoformat(day)
    except ValueError:
        return not_found(request)
    if chosen not in _upcoming_days(context.calendar.tz):
        return not_found(request)
    by_day = await run_in_threadpool(_local_day_slots, edge, ten, context.calendar.tz, [chosen])
    return context.render("day.html", day_label=context.calendar.day(chosen),
                          times=_time_choices(context, edge, by_day[chosen]))


async def _slot(edge: public.Edge, ten: Tenant, slot_id: str) -> SlotView | None:
    if not 1 <= len(slot_id) <= 64:
        return None
    return await run_in_threadpool(edge.slots(ten).slot, slot_id)


def _book_page(context: PageContext, edge: public.Edge, view: SlotView, form: Form, *, status: int = 200,
               challenge: bool) -> HTMLResponse:
    local = context.calendar.local(view.starts_at)
    return context.render("book.html", status=status, private=bool(form.values), form=form, slot_id=view.id,
                          when=context.calendar.when(view.starts_at), product=_product(edge, view.product_code),
                          day_iso=local.date().isoformat(), challenge=challenge)


@router.get("/p/{tenant}/book/{slot_id}")
async def book_form(request: Request, tenant: str, slot_id: str) -> Response:
    context, edge, ten, settings = await _context(request, tenant)
    view = await _slot(edge, ten, slot_id)
    if view is None or view.free <= 0 or view.begun():
        return context.render("unavailable.html", status=404 if view is None else 409,
                              reason="slot_past" if view is not None and view.begun() else "full")
    return _book_page(context, edge, view, Form(), challenge=settings.challenge)


@router.post("/p/{tenant}/book/{slot_id}")
async def book(request: Request, tenant: str, slot_id: str) -> Response:
    context, edge, ten, settings = await _context(request, tenant)
    values = await _form(request)
    view = await _slot(edge, ten, slot_id)
    if view is None:
        return context.render("unavailable.html", status=404, reason="full")
    if values is None:
        return context.render("unavailable.html", status=400, reason="full")
    form = Form(values={k: values.get(k, "") for k in ("family_name", "given_name", "dob_day", "dob_month",
                                                       "dob_year", "email")})
    if view.begun():  # it began while the form was typed: said on the form, nothing typed is lost
        form.problem = reason_text(Reason("slot_past"), context.lang)
        return _book_page(context, edge, view, form, status=409, challenge=settings.challenge)
    dob, dob_problem = _dob(values)
    if dob_problem is not None:
        form.errors["dob"] = reason_text(dob_problem, context.lang)
    if not form.get("email").strip():
        form.errors["email"] = reason_text(Reason("field_required", {"label": "email"}, "email"), context.lang)
    try:  # every field at once, by the station's own rules, before the edge checks them again
        PersonDetails.parse(family_name=form.get("family_name"), given_name=form.get("given_name"),
                            dob=dob or "2000-01-01", email=form.get("email") or None, today=utcnow().date())
    except InvalidPersonDetails as exc:
        _field_reasons(form, exc.reasons, context.lang)
    if form.errors:
        return _book_page(context, edge, view, form, status=422, challenge=settings.challenge)
    try:
        body = p.PublicBookingRequest(slot_id=view.id, family_name=form.get("family_name"),
                                      given_name=form.get("given_name"), dob=dob or "", email=form.get("email"),
                                      lang=_wire(context.lang), altcha=values.get("altcha") or None)
        answer = await public.public_booking(request, ten.name, body)
    except WireError as exc:
        _wire_problem(form, exc, context.lang)
        return _book_page(context, edge, view, form, status=422, challenge=settings.challenge)
    except ApiError as exc:
        _api_problem(form, exc, context.lang)
        return _book_page(context, edge, view, form, status=form.status, challenge=settings.challenge)
    if not isinstance(answer, p.PublicBookingResponse):  # the snapshot's "full", answered without a write
        form.problem = reason_text(Reason("full"), context.lang)
        return _book_page(context, edge, view, form, status=409, challenge=settings.challenge)
    qr = base64.b64encode(qr_png(slip_qr_text(answer.booking_code), module_px=6)).decode()
    return context.render("booked.html", private=True, code=answer.printed_code or format_booking_code(
        answer.booking_code), qr=f"data:image/png;base64,{qr}", when=context.calendar.when(answer.starts_at),
        email=form.get("email").strip(), mail=edge.mail_enabled and bool(settings.mail_from))


# ---- cancel and move --------------------------------------------------------------------------------


def _manage_form(context: PageContext, form: Form, *, status: int = 200) -> HTMLResponse:
    return context.render("manage.html", status=status, private=bool(form.values), form=form)


def _manage_values(values: Mapping[str, str]) -> Form:
    return Form(values={k: values.get(k, "") for k in ("code", "dob_day", "dob_month", "dob_year")})


async def _checked_booking(request: Request, context: PageContext, values: Mapping[str, str]) -> tuple[
        Form, str | None, public.OwnBooking | None]:
    """The booking the code and date of birth name, or the form with what is wrong."""
    form = _manage_values(values)
    dob, dob_problem = _dob(values)
    if not form.get("code").strip():
        form.errors["code"] = reason_text(Reason("field_required", {"label": "code"}, "code"), context.lang)
    if dob_problem is not None:
        form.errors["dob"] = reason_text(dob_problem, context.lang)
    if form.errors or dob is None:
        return form, None, None
    try:
        booking = await public.own_booking(request, context.tenant, form.get("code")[:64], dob)
    except ApiError as exc:
        _manage_problem(form, exc, context.lang)
        return form, dob, None
    return form, dob, booking


def _printed(code: str) -> str:
    canonical = normalise_booking_code(code)
    return format_booking_code(canonical) if canonical else code


def _manage_problem(form: Form, exc: ApiError | WireError, lang: str) -> None:
    if isinstance(exc, WireError):  # an answer to the robot check that does not fit the wire model
        exc = ApiError(403, "challenge_invalid")
    form.refused_with = exc.status
    if exc.code == "invalid_booking_code":
        form.errors["code"] = reason_text(Reason(exc.code), lang)
    elif exc.code == "booking_details_mismatch":
        form.errors["dob"] = reason_text(Reason(exc.code), lang)
    else:
        _api_problem(form, exc, lang)


async def _booking_page(context: PageContext, edge: public.Edge, ten: Tenant, form: Form, dob: str,
                        booking: public.OwnBooking, *, status: int = 200, challenge: bool) -> HTMLResponse:
    days = _upcoming_days(context.calendar.tz)
    by_day = await run_in_threadpool(_local_day_slots, edge, ten, context.calendar.tz, days, booking.site_id)
    by_day = {d: [v for v in views if v.id != booking.slot_id] for d, views in by_day.items()}
    return context.render("manage_booking.html", status=status, private=True, form=form, dob=dob,
                          code=_printed(form.get("code")), when=context.calendar.when(booking.starts_at),
                          days=_day_choices(context, by_day), challenge=challenge)


@dataclass
class _Managed:
    """A post of the manage pages and the booking its code and date of birth name."""

    context: PageContext
    edge: public.Edge
    ten: Tenant
    settings: PublicSettings
    values: Mapping[str, str]
    form: Form
    dob: str
    booking: public.OwnBooking

    async def booking_page(self, *, status: int = 200) -> HTMLResponse:
        return await _booking_page(self.context, self.edge, self.ten, self.form, self.dob, self.booking,
                                   status=status, challenge=self.settings.challenge)


async def _managed(request: Request, tenant: str) -> _Managed | HTMLResponse:
    """The booking a manage page's post names; else the manage form again, with what is wrong."""
    context, edge, ten, settings = await _context(request, tenant)
    values = await _form(request) or {}
    form, dob, booking = await _checked_booking(request, context, values)
    if booking is None or dob is None:
        return _manage_form(context, form, status=form.status)
    return _Managed(context, edge, ten, settings, values, form, dob, booking)


async def _page_context(request: Request, tenant: str) -> PageContext:
    """The context alone, for a page that shows an empty form."""
    context, _edge, _ten, _settings = await _context(request, tenant)
    return context


@router.get("/p/{tenant}/manage")
async def manage_form(request: Request, tenant: str) -> Response:
    return _manage_form(await _page_context(request, tenant), Form())


@router.post("/p/{tenant}/manage")
async def manage(request: Request, tenant: str) -> Response:
    managed = await _managed(request, tenant)
    return managed if isinstance(managed, HTMLResponse) else await managed.booking_page()


@router.post("/p/{tenant}/manage/cancel")
async def manage_cancel(request: Request, tenant: str) -> Response:
    managed = await _managed(request, tenant)
    if isinstance(managed, HTMLResponse):
        return managed
    context, form = managed.context, managed.form
    if managed.values.get("confirm") != "yes":
        form.errors["confirm"] = reason_text(Reason("field_required", {"label": "confirm"}, "confirm"), context.lang)
        return await managed.booking_page(status=422)
    try:
        answer = await public.public_booking_cancel(request, managed.ten.name, form.get("code")[:64],
                                                    p.BookingCancelRequest(dob=managed.dob, lang=_wire(context.lang),
                                                                           altcha=managed.values.get("altcha") or None))
    except (ApiError, WireError) as exc:
        _manage_problem(form, exc, context.lang)
        return await managed.booking_page(status=form.status)
    return context.render("cancelled.html", private=True, when=context.calendar.when(answer.starts_at))


@router.post("/p/{tenant}/manage/move")
async def manage_move(request: Request, tenant: str) -> Response:
    managed = await _managed(request, tenant)
    if isinstance(managed, HTMLResponse):
        return managed
    context, edge, form, values = managed.context, managed.edge, managed.form, managed.values
    try:
        day = date.fromisoformat(values.get("day", ""))
    except ValueError:
        form.errors["day"] = reason_text(Reason("field_required", {"label": "slot_id"}, "day"), context.lang)
        return await managed.booking_page(status=422)
    slot_id = values.get("slot_id", "")
    if slot_id:
        try:
            answer = await public.public_booking_rebook(request, managed.ten.name, form.get("code")[:64],
                                                        p.BookingRebookRequest(dob=managed.dob, slot_id=slot_id[:64],
                                                                               lang=_wire(context.lang),
                                                                               altcha=values.get("altcha") or None))
        except (ApiError, WireError) as exc:
            _manage_problem(form, exc, context.lang)
            status = form.status
        else:
            return context.render("moved.html", private=True, when=context.calendar.when(answer.starts_at),
                                  code=format_booking_code(answer.booking_code))
    else:
        status = 200
    booking = managed.booking
    by_day = await run_in_threadpool(_local_day_slots, edge, managed.ten, context.calendar.tz, [day], booking.site_id)
    views = [v for v in by_day.get(day, []) if v.id != booking.slot_id]
    return context.render("move.html", status=status, private=True, form=form, dob=managed.dob,
                          day_iso=day.isoformat(), day_label=context.calendar.day(day),
                          when=context.calendar.when(booking.starts_at),
                          times=_time_choices(context, edge, views), code=form.get("code"),
                          challenge=managed.settings.challenge)


# ---- results ----------------------------------------------------------------------------------


def _opener(request: Request) -> ResultOpener:
    opener: ResultOpener = request.app.state.results
    return opener


def _result_form(context: PageContext, form: Form, *, status: int = 200) -> HTMLResponse:
    return context.render("result.html", status=status, private=True, form=form)


async def _opened(request: Request, tenant: str) -> tuple[PageContext, PublicSettings, Form,
                                                          OpenedResult | None, dict[str, str]]:
    """The result the form's token, name and date of birth open; else the form with what is wrong."""
    context, edge, ten, settings = await _context(request, tenant)
    values = await _form(request) or {}
    form = Form(values={k: values.get(k, "") for k in ("family_name", "given_name", "dob_day", "dob_month",
                                                       "dob_year", "token")})
    identity: dict[str, str] = {}
    for name in ("family_name", "given_name"):
        raw = form.get(name)
        if name == "given_name" and not raw.strip():
            identity[name] = ""  # some people have no given name; the token then was sealed without one
            continue
        try:
            identity[name] = validate_person_name(raw, field=name)
        except ValidationError as exc:
            form.errors[name] = reason_text(Reason(exc.code, exc.params, name), context.lang)
    dob, dob_problem = _dob(values)
    if dob_problem is not None:
        form.errors["dob"] = reason_text(dob_problem, context.lang)
    token = token_from(form.get("token"))
    if token is None:
        form.errors["token"] = reason_text(Reason("result_link_missing"), context.lang)
    if form.errors or dob is None or token is None:
        return context, settings, form, None, identity
    identity["dob"] = dob
    try:
        await public.limit_result_openings(edge, request, ten, settings)
        await public.limit_result_link_tries(edge, ten, settings, token)
        opened = await run_in_threadpool(_opener(request).open, ten, token, family=identity["family_name"],
                                         given=identity["given_name"], dob=dob)
    except ApiError as exc:
        _api_problem(form, exc, context.lang)
        return context, settings, form, None, identity
    except ResultRefused:
        log.info("result not opened", extra={"tenant": ten.name})
        form.problem = reason_text(Reason("result_cannot_open"), context.lang)
        form.refused_with = 403
        return context, settings, form, None, identity
    log.info("result opened", extra={"tenant": ten.name, "kind": opened.claims.kind})
    return context, settings, form, opened, identity


@router.get("/p/{tenant}/result")
async def result_form(request: Request, tenant: str) -> Response:
    return _result_form(await _page_context(request, tenant), Form())


@router.post("/p/{tenant}/result")
async def result(request: Request, tenant: str) -> Response:
    context, _settings, form, opened, identity = await _opened(request, tenant)
    if opened is None:
        return _result_form(context, form, status=form.status)
    return context.render("result_view.html", private=True, view=_result_view(context, opened),
                          printable=can_print(opened), form=form, dob=identity["dob"],
                          token=token_from(form.get("token")))


@router.post("/p/{tenant}/result/pdf")
async def result_download(request: Request, tenant: str) -> Response:
    context, settings, form, opened, _identity = await _opened(request, tenant)
    if opened is None or not can_print(opened):
        return _result_form(context, form, status=form.status if opened is None else 404)
    pdf = await run_in_threadpool(result_pdf, opened, center=context.center, timezone=settings.timezone)
    name = ("testergebnis" if context.lang == "de" else "test-result") if opened.claims.test else (
        "zertifikat" if context.lang == "de" else "certificate")
    return Response(pdf, media_type="application/pdf", headers={
        **HEADERS, "Cache-Control": PRIVATE, "Content-Disposition": f'attachment; filename="{name}.pdf"'})


def _result_view(context: PageContext, opened: OpenedResult) -> dict[str, Any]:
    """What the result page shows, in the citizen's words."""
    claims = opened.claims
    if claims.test is not None and claims.holder is not None:
        test = claims.test
        return {"kind": "test", "title": context.t("test_result_title"), "outcome": test.outcome,
                "outcome_label": context.t(f"outcome_{test.outcome}"),
                "outcome_note": context.t(f"outcome_{test.outcome}_note"),
                "rows": [(context.t("holder"), f"{claims.holder.given_name} {claims.holder.family_name}".strip()),
                         (context.t("test_type"), context.t(f"test_{test.type}")),
                         *([(context.t("test_device"), test.device)] if test.device else []),
                         *([(context.t("test_name"), test.test_name)] if test.test_name else []),
                         (context.t("sampled_at"), context.calendar.when(test.sampled_at)),
                         *([(context.t("test_center"), test.center)] if test.center else [])]}
    certificate = opened.certificate or {}
    names = certificate.get("nam") or {}
    rows = [(context.t("holder"), f"{names.get('gn', '')} {names.get('fn', '')}".strip()),
            (context.t("dob"), context.calendar.iso_day(str(certificate.get("dob", ""))))]
    vaccination = (certificate.get("v") or [None])[0]
    if isinstance(vaccination, Mapping):
        product = display(PRODUCT, str(vaccination.get("mp", "")))
        rows.append((context.t("kind_vaccination_certificate"), context.t(
            "certificate_vaccination", dn=vaccination.get("dn", "?"), sd=vaccination.get("sd", "?"),
            dt=context.calendar.iso_day(str(vaccination.get("dt", "")))) + f" · {product}"))
    recovery = (certificate.get("r") or [None])[0]
    if isinstance(recovery, Mapping):
        rows.append((context.t("kind_recovery_certificate"), context.t(
            "certificate_recovery", fr=context.calendar.iso_day(str(recovery.get("fr", ""))),
            du=context.calendar.iso_day(str(recovery.get("du", ""))))))
    hc1 = claims.hc1 or ""
    qr = base64.b64encode(qr_png(hc1, module_px=4)).decode()
    return {"kind": "certificate", "title": context.t("certificate_title"),
            "subtitle": context.t(f"kind_{claims.kind}"), "rows": rows, "qr": f"data:image/png;base64,{qr}",
            "valid": opened.certificate_valid, "revoked": opened.certificate_revoked}


# ---- assets -------------------------------------------------------------------------------------


@router.get("/p/_assets/{name}")
async def assets(name: str) -> Response:
    if name not in ASSET_FILES:
        return Response(status_code=404, headers=HEADERS)
    data, _version = asset(name)
    media = "text/css" if name.endswith(".css") else "text/javascript"
    # The pages link assets with ?v=<hash of the content>, so a year of caching never serves old bytes.
    return Response(data, media_type=f"{media}; charset=utf-8", headers={
        **HEADERS, "Cache-Control": "public, max-age=31536000, immutable"})


@router.get("/p/{tenant}/{rest:path}")
async def unknown_page(request: Request, tenant: str, rest: str) -> Response:
    """Anything else under /p/ is a page that does not exist, said as a page (not the API's JSON)."""
    return not_found(request)
