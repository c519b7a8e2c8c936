"""Clinical rules driven by the catalogue: who may get which dose when, EU dose numbering, vial usability.

Hard stops cannot be overridden; warnings can, with a reason. Every interval is counted by
`days_after`, so "21 days after" means the same day on every screen and in every booking.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from app.domain.catalogue import Catalogue, Interval, Product
from app.reasons import Reason

__all__ = [
    "DoseNumber",
    "DoseRecord",
    "DoseWindow",
    "Eligibility",
    "VialState",
    "age_in_years",
    "assess_dose",
    "check_vial_usable",
    "days_after",
    "dose_number",
    "next_dose_window",
    "valid_doses",
    "vial_use_by",
]

# A dose of a product the catalogue does not know (given abroad) is assumed to belong to a
# two-dose series: that is true for almost every COVID-19 vaccine, and a warning says so.
_ASSUMED_SERIES_DOSES = 2
_UNKNOWN_SERIES_INTERVAL = Interval(min_days=28, recommended_days=28, max_days=None)


@dataclass(frozen=True)
class DoseRecord:
    """One dose in a person's history, given here or elsewhere."""

    product_code: str
    given_on: date
    voided: bool = False


@dataclass(frozen=True)
class DoseNumber:
    """EU DCC dose numbering `dn/sd` of a dose."""

    dn: int
    sd: int
    booster: bool

    def __str__(self) -> str:
        return f"{self.dn}/{self.sd}"


@dataclass(frozen=True)
class DoseWindow:
    """When the next dose may be given: from `earliest`, ideally on `recommended`, at best by `latest`."""

    earliest: date
    recommended: date
    latest: date | None


class Verdict:
    """What a check of a dose found: hard stops (nothing may be recorded) and warnings (recorded only
    with an override reason). Shared by the rule's answer and the booth's preview."""

    hard_stops: tuple[str, ...]  # English, for the CLI and the logs
    warnings: tuple[str, ...]

    @property
    def allowed(self) -> bool:
        """True when no hard stop applies (warnings still need an override reason)."""
        return not self.hard_stops

    @property
    def needs_override(self) -> bool:
        return not self.hard_stops and bool(self.warnings)


@dataclass(frozen=True)
class Eligibility(Verdict):
    hard_stops: tuple[str, ...]
    warnings: tuple[str, ...]
    dose: DoseNumber
    # The same as reasons (code and parameters), which the station shows in its own language.
    stop_reasons: tuple[Reason, ...] = ()
    warning_reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class VialState:
    """What the station knows about one physical vial."""

    product_code: str
    lot: str
    printed_expiry: date
    doses_per_vial: int
    extra_doses_allowed: int
    doses_drawn: int
    opened_at: datetime | None = None  # first puncture, or dilution for products that need it
    thawed_at: datetime | None = None
    discarded_at: datetime | None = None


def days_after(given_on: date, days: int) -> date:
    """The earliest day that is `days` days after `given_on` (given_on + 21 → the 21-days-after day)."""
    return given_on + timedelta(days=days)


def age_in_years(date_of_birth: date, on: date) -> int:
    """Completed years on `on`. Someone born on 29 February completes a year on 1 March in common years."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - int(before_birthday)


def valid_doses(history: Iterable[DoseRecord]) -> list[DoseRecord]:
    """The doses that count: not voided, oldest first."""
    return sorted((dose for dose in history if not dose.voided), key=lambda dose: dose.given_on)


@dataclass(frozen=True)
class _Series:
    doses: list[DoseRecord]
    series_product: Product | None  # product of the first dose, None if not in the catalogue
    series_doses: int
    next: DoseNumber


def _series(history: Iterable[DoseRecord], *, product: Product, catalogue: Catalogue,
            prior_infection: date | None = None) -> _Series:
    doses = valid_doses(history)
    # EU convention (eHealth Network, 21 Dec 2021): after a documented infection one dose completes the
    # primary series (1/1), and later doses are boosters 2/1, 3/1. It counts only for an infection before
    # the first dose; one between doses leaves the series as it was.
    recovered = prior_infection is not None and (not doses or prior_infection < doses[0].given_on)
    if not doses:
        primary = 1 if recovered else product.primary_doses
        return _Series(doses, product, primary, DoseNumber(1, primary, booster=False))
    first = catalogue.find(doses[0].product_code)
    series_doses = first.primary_doses if first is not None else _ASSUMED_SERIES_DOSES
    if recovered:
        series_doses = 1
    dn = len(doses) + 1
    if dn <= series_doses:
        number = DoseNumber(dn, series_doses, booster=False)
    else:
        # EU rule: boosters after a one-dose series keep sd = 1 (2/1, 3/1); otherwise dn/dn (3/3, 4/4).
        number = DoseNumber(dn, 1 if series_doses == 1 else dn, booster=True)
    return _Series(doses, first, series_doses, number)


def dose_number(history: Iterable[DoseRecord], *, product: Product, catalogue: Catalogue,
                prior_infection: date | None = None) -> DoseNumber:
    """The EU dose numbering of the next dose of `product` after `history` (voided doses don't count);
    `prior_infection`: the date of the person's first documented infection, if any."""
    return _series(history, product=product, catalogue=catalogue, prior_infection=prior_infection).next


def _primary_interval(series: _Series, *, product: Product, dose: int) -> Interval:
    # The series is governed by the SmPC of the product it started with; when that product is
    # unknown (given abroad) the product given now decides; failing both, a conservative 4 weeks.
    for candidate in (series.series_product, product):
        if candidate is not None and 2 <= dose <= candidate.primary_doses:
            return candidate.interval_before(dose)
    return _UNKNOWN_SERIES_INTERVAL


def next_dose_window(
    history: Iterable[DoseRecord], product: Product, *, catalogue: Catalogue, prior_infection: date | None = None
) -> DoseWindow | None:
    """When the next dose of `product` may be given, for booking the follow-up.

    None when there is no earlier dose to count from, or when `product` cannot be the next dose
    (e.g. a booster with a product not authorised as a booster).
    """
    series = _series(history, product=product, catalogue=catalogue, prior_infection=prior_infection)
    if not series.doses:
        return None
    last = series.doses[-1].given_on
    if not series.next.booster:
        interval = _primary_interval(series, product=product, dose=series.next.dn)
        return DoseWindow(
            earliest=days_after(last, interval.min_days),
            recommended=days_after(last, interval.recommended_days),
            latest=None if interval.max_days is None else days_after(last, interval.max_days),
        )
    if product.booster is None:
        return None
    earliest = days_after(last, product.booster.min_days_after_last_dose)
    return DoseWindow(earliest=earliest, recommended=earliest, latest=None)


def assess_dose(
    *,
    catalogue: Catalogue,
    product: Product,
    date_of_birth: date,
    history: Sequence[DoseRecord],
    on: date,
    vial_problems: Sequence[str | Reason] = (),
    prior_infection: date | None = None,
    earliest_birth: date | None = None,
) -> Eligibility:
    """May `product` be given on `on` to this person? `vial_problems` comes from `check_vial_usable`;
    `prior_infection` is the first documented infection (1/1, then boosters). For a date of birth known
    by year (and month) only, `date_of_birth` is the latest day it can mean and `earliest_birth` the
    earliest: the minimum age counts the youngest the person can be, the maximum age the oldest."""
    hard: list[Reason] = []
    warn: list[Reason] = []

    if date_of_birth > on:
        hard.append(Reason("rule_dob_after_day", {"dob": date_of_birth.isoformat(), "on": on.isoformat()}))
    else:
        age = age_in_years(date_of_birth, on)
        if age < product.min_age_years:
            hard.append(Reason("rule_age_min", {"product": product.name, "min": product.min_age_years, "age": age}))
        oldest = age_in_years(min(earliest_birth or date_of_birth, date_of_birth), on)
        if product.max_age_years is not None and oldest > product.max_age_years:
            hard.append(Reason("rule_age_max", {"product": product.name, "max": product.max_age_years, "age": oldest}))

    series = _series(history, product=product, catalogue=catalogue, prior_infection=prior_infection)
    later = [dose for dose in series.doses if dose.given_on > on]
    if later:
        hard.append(Reason("rule_dose_after_day", {"given_on": later[0].given_on.isoformat(), "on": on.isoformat()}))
    if any(dose.given_on == on for dose in series.doses):
        hard.append(Reason("rule_one_dose_per_day", {"on": on.isoformat()}))
    for dose in series.doses:
        if catalogue.find(dose.product_code) is None:
            warn.append(Reason("rule_unknown_product_dose", {
                "given_on": dose.given_on.isoformat(), "product_code": dose.product_code,
                "series": _ASSUMED_SERIES_DOSES}))

    earlier = [dose for dose in series.doses if dose.given_on < on]
    if earlier and not later:
        last = earlier[-1]
        if series.next.booster:
            _booster_rules(product, last=last, on=on, hard=hard)
        else:
            _primary_rules(series, product=product, last=last, on=on, hard=hard, warn=warn)

    hard.extend(p if isinstance(p, Reason) else Reason("message", {"text": p}) for p in vial_problems)
    return Eligibility(hard_stops=tuple(map(str, hard)), warnings=tuple(map(str, warn)), dose=series.next,
                       stop_reasons=tuple(hard), warning_reasons=tuple(warn))


def _booster_rules(product: Product, *, last: DoseRecord, on: date, hard: list[Reason]) -> None:
    if product.booster is None:
        hard.append(Reason("rule_booster_not_authorised", {"product": product.name}))
        return
    earliest = days_after(last.given_on, product.booster.min_days_after_last_dose)
    if on < earliest:
        hard.append(Reason("rule_booster_too_early", {
            "product": product.name, "earliest": earliest.isoformat(),
            "days": product.booster.min_days_after_last_dose, "last": last.given_on.isoformat()}))


def _primary_rules(
    series: _Series, *, product: Product, last: DoseRecord, on: date, hard: list[Reason], warn: list[Reason]
) -> None:
    dn = series.next.dn
    interval = _primary_interval(series, product=product, dose=dn)
    earliest = days_after(last.given_on, interval.min_days)
    if on < earliest:
        hard.append(Reason("rule_too_early", {"dose": dn, "earliest": earliest.isoformat(),
                                              "days": interval.min_days, "last": last.given_on.isoformat()}))
    if interval.max_days is not None:
        latest = days_after(last.given_on, interval.max_days)
        if on > latest:
            warn.append(Reason("rule_later_than_recommended", {
                "dose": dn, "latest": latest.isoformat(), "days": interval.max_days,
                "last": last.given_on.isoformat()}))
    other = sorted({dose.product_code for dose in series.doses if dose.product_code != product.code})
    if other:
        warn.append(Reason("rule_mixed_series", {"others": ", ".join(other), "product": product.name}))


def vial_use_by(
    printed_expiry: date,
    opened_at: datetime | None,
    *,
    shelf_life_hours: int,
    thawed_at: datetime | None = None,
    thawed_shelf_life_hours: int | None = None,
    tz: tzinfo | None = None,
) -> datetime:
    """The first instant the vial may no longer be used.

    The printed expiry day is usable to its end (local midnight in `tz`, or the time zone of
    `opened_at`); opening and thawing each start their own clock; the earliest limit wins.
    """
    zone = opened_at.tzinfo if opened_at is not None and opened_at.tzinfo is not None else tz
    limits = [_end_of_day(printed_expiry, zone)]
    if opened_at is not None:
        limits.append(opened_at + timedelta(hours=shelf_life_hours))
    if thawed_at is not None and thawed_shelf_life_hours is not None:
        limits.append(thawed_at + timedelta(hours=thawed_shelf_life_hours))
    return min(limits)


def check_vial_usable(
    vial: VialState,
    *,
    catalogue: Catalogue,
    product_code: str,
    now: datetime,
    blocked_lots: Collection[str] = (),
) -> tuple[str, ...]:
    """Hard-stop messages for a vial about to give a dose of `product_code`; empty when usable."""
    problems: list[str] = []
    vial_product = catalogue.find(vial.product_code)
    if vial.product_code != product_code:
        name = vial_product.name if vial_product else vial.product_code
        wanted = catalogue.find(product_code)
        problems.append(
            f"Wrong vial: it holds {name}, but the dose is {wanted.name if wanted else product_code}."
        )
    if vial.lot.strip().casefold() in {lot.strip().casefold() for lot in blocked_lots}:
        problems.append(f"Lot {vial.lot} is blocked (recall or quality hold); do not use this vial.")
    if vial.discarded_at is not None:
        problems.append(f"This vial was discarded at {vial.discarded_at.isoformat(timespec='minutes')}.")
    if vial.doses_drawn >= vial.doses_per_vial + vial.extra_doses_allowed:
        problems.append(f"This vial is empty: all {vial.doses_drawn} doses are drawn.")
    if now >= _end_of_day(vial.printed_expiry, now.tzinfo):
        problems.append(f"Lot {vial.lot} expired on {vial.printed_expiry.isoformat()} (printed expiry).")
    if vial_product is not None:
        if vial.opened_at is not None:
            limit = vial.opened_at + timedelta(hours=vial_product.shelf_life_after_opening_hours)
            if now >= limit:
                problems.append(
                    f"Opened at {vial.opened_at.isoformat(timespec='minutes')}: {vial_product.name} must be used "
                    f"within {vial_product.shelf_life_after_opening_hours} h, so by {limit.isoformat(timespec='minutes')}."
                )
        hours = vial_product.thawed_shelf_life_hours
        if vial.thawed_at is not None and hours is not None:
            limit = vial.thawed_at + timedelta(hours=hours)
            if now >= limit:
                problems.append(
                    f"Thawed at {vial.thawed_at.isoformat(timespec='minutes')}: usable for {hours} h, "
                    f"so until {limit.isoformat(timespec='minutes')}."
                )
    return tuple(problems)


def _end_of_day(day: date, zone: tzinfo | None) -> datetime:
    """Midnight after `day`: a vial is usable all through its printed expiry day."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
