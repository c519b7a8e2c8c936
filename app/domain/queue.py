"""The queue at the center: the states a visit goes through, and how an arrival fits its booking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.errors import RuleViolation
from app.reasons import Reason


class VisitState(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    WITH_DOCTOR = "with_doctor"
    OBSERVATION = "observation"
    DONE = "done"
    NO_SHOW = "no_show"
    LEFT = "left"  # left without vaccination
    CANCELLED = "cancelled"


S = VisitState
TRANSITIONS: dict[VisitState, frozenset[VisitState]] = {
    S.BOOKED: frozenset({S.CHECKED_IN, S.NO_SHOW, S.CANCELLED}),
    S.CHECKED_IN: frozenset({S.WITH_DOCTOR, S.LEFT}),
    # Back to waiting when the doctor sends someone out (e.g. to fetch a document).
    S.WITH_DOCTOR: frozenset({S.OBSERVATION, S.CHECKED_IN, S.LEFT}),
    S.OBSERVATION: frozenset({S.DONE}),
    S.DONE: frozenset(),
    S.NO_SHOW: frozenset({S.CHECKED_IN}),  # arrives after all: still welcome
    S.LEFT: frozenset(),
    S.CANCELLED: frozenset(),
}
ACTIVE = frozenset({S.CHECKED_IN, S.WITH_DOCTOR, S.OBSERVATION})

_NAMES = {
    S.BOOKED: "booked",
    S.CHECKED_IN: "waiting",
    S.WITH_DOCTOR: "with the doctor",
    S.OBSERVATION: "in observation",
    S.DONE: "done",
    S.NO_SHOW: "no-show",
    S.LEFT: "left without vaccination",
    S.CANCELLED: "cancelled",
}


def check_transition(current: str, target: VisitState) -> None:
    state = VisitState(current)
    if target not in TRANSITIONS[state]:
        raise RuleViolation(code="visit_cannot_move", params={"from": _NAMES[state], "to": _NAMES[target]})


class Arrival(StrEnum):
    ON_TIME = "on_time"
    EARLY = "early"
    LATE = "late"
    OTHER_DAY = "other_day"
    CANCELLED = "cancelled"
    OTHER_SITE = "other_site"
    ALREADY_HERE = "already_here"
    FINISHED = "finished"


EARLY_TOLERANCE = timedelta(minutes=30)
LATE_TOLERANCE = timedelta(minutes=30)


@dataclass(frozen=True)
class ArrivalCheck:
    """`kind` and the facts let the UI say it in the nurse's language; `reason` is the same as a code."""

    kind: Arrival
    reason: Reason
    slot_start: datetime | None = None  # in the site's time zone
    minutes: int = 0
    site_name: str = ""

    @property
    def message(self) -> str:
        """The English sentence (the CLI's and the logs' words)."""
        return str(self.reason)

    @property
    def blocks(self) -> bool:
        """Cannot be checked in on this booking at all (it needs a walk-in or the right site)."""
        return self.kind in (Arrival.CANCELLED, Arrival.OTHER_SITE, Arrival.ALREADY_HERE, Arrival.FINISHED)

    @property
    def needs_confirmation(self) -> bool:
        return self.kind in (Arrival.EARLY, Arrival.LATE, Arrival.OTHER_DAY)

    def refusal(self) -> Reason:
        """Why a check-in on this booking is refused as it stands: blocked, or not yet confirmed."""
        if self.needs_confirmation:
            return Reason(f"{self.reason.code}_unconfirmed", self.reason.params)
        return self.reason


def classify_arrival(
    *,
    state: str,
    slot_start: datetime,
    slot_end: datetime,
    booked_site_id: str,
    booked_site_name: str,
    here_site_id: str,
    now: datetime,
) -> ArrivalCheck:
    """How a person arriving `now` relates to their booking. `slot_start`/`slot_end` are aware
    datetimes in the site's time zone, so "today" is the site's today."""
    now_local = now.astimezone(slot_start.tzinfo)
    at = slot_start.strftime("%H:%M")
    if state == S.CANCELLED:
        return ArrivalCheck(Arrival.CANCELLED, Reason("arrival_cancelled"))
    if booked_site_id != here_site_id:
        return ArrivalCheck(Arrival.OTHER_SITE, Reason("arrival_other_site", {"site": booked_site_name}),
                            site_name=booked_site_name)
    if state in (S.CHECKED_IN, S.WITH_DOCTOR, S.OBSERVATION):
        return ArrivalCheck(Arrival.ALREADY_HERE, Reason("arrival_already_here"))
    if state in (S.DONE, S.LEFT):
        return ArrivalCheck(Arrival.FINISHED, Reason("arrival_finished"))
    if slot_start.date() != now_local.date():
        code = "arrival_other_day_past" if slot_start < now_local else "arrival_other_day"
        return ArrivalCheck(Arrival.OTHER_DAY, Reason(code, {"day": slot_start.date().isoformat(), "time": at}),
                            slot_start=slot_start)
    if now_local < slot_start - EARLY_TOLERANCE:
        minutes = int((slot_start - now_local).total_seconds() // 60)
        return ArrivalCheck(Arrival.EARLY, Reason("arrival_early", {"time": at, "minutes": minutes}),
                            slot_start=slot_start, minutes=minutes)
    if now_local > slot_end + LATE_TOLERANCE:
        minutes = int((now_local - slot_end).total_seconds() // 60)
        return ArrivalCheck(Arrival.LATE, Reason("arrival_late", {"time": at, "minutes": minutes}),
                            slot_start=slot_start, minutes=minutes)
    return ArrivalCheck(Arrival.ON_TIME, Reason("arrival_on_time", {"time": at}), slot_start=slot_start)
