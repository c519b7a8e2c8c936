"""The doctor's booth without widgets: who is at the booth, which vial is in hand, what the rules said
about the two, and what the next step is before a dose may be recorded. The page (app/ui/pages/doctor.py)
draws this state and feeds it what the services answered; it is tested without Qt
(tests/unit/test_booth_flow.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import Enum

from app.services.checkin import QueueRow
from app.services.vaccinations import Assessment, DoseEntry, DoseResult, PersonHistory
from app.services.vials import VialRow
from app.ui.reload_schedule import stale

AssessKey = tuple[str, str]  # (visit id, vial id)
# The queue count at the booth is read again this often (and whenever the page is shown again).
QUEUE_RELOAD = timedelta(seconds=30)
_CLOCK_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


class NextStep(Enum):
    """Why "Record dose" is not possible now, as the next thing to do; the page says it in words."""

    CALL_NEXT = "call_next"
    RECORDED = "recorded"
    NOT_WITH_DOCTOR = "not_with_doctor"
    DISCUSS_ANSWERS = "discuss_answers"
    SCAN_VIAL = "scan_vial"
    CHECKING = "checking"
    HARD_STOP = "hard_stop"
    CHOOSE_SITE = "choose_site"
    WRITE_REASON = "write_reason"
    RECORDING = "recording"


class Review(Enum):
    """The flagged answers of the person at the booth: none, still to discuss, or discussed."""

    NONE = "none"
    PENDING = "pending"
    DISCUSSED = "discussed"


@dataclass(frozen=True)
class DoseRequest:
    """What "Record dose" sends to the service, once nothing stands before it."""

    visit: QueueRow
    vial: VialRow
    site: str
    override_reason: str | None  # only when the rules' warning asks for one


@dataclass(frozen=True)
class UnopenedVial:
    """A scanned vial not open yet: its scan text, and whether the doctor must say when it was thawed."""

    scan: str
    needs_thawing: bool


def with_state(row: QueueRow, state: str) -> QueueRow:
    return replace(row, state=state)


def thaw_time(text: str) -> tuple[int, int] | None:
    """The thawing time typed as HH:MM (the site's clock: see `thawed_at`), or None when it is not one."""
    match = _CLOCK_TIME.fullmatch(text.strip())
    return (int(match[1]), int(match[2])) if match else None


def thawed_at(now: datetime, hour: int, minute: int) -> datetime:
    """When a thawing time typed as HH:MM was: the last time the site's clock (`now`, site-local) showed
    it. Today, or yesterday when it is later than now (thawed last evening, opened after midnight)."""
    at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return at if at <= now else at - timedelta(days=1)


def leave_reason(text: str) -> str:
    """Why the person leaves without a dose, as recorded: whitespace folded, "" when nothing was written."""
    return " ".join(text.split())


@dataclass
class BoothFlow:
    queue_rows: list[QueueRow] = field(default_factory=list)
    visit: QueueRow | None = None  # the person at the booth
    vial: VialRow | None = None  # the vial in hand; it stays for the next persons
    assessment: Assessment | None = None  # what the rules say about the two; None while asked
    result: DoseResult | None = None  # the dose just recorded for this visit
    history: PersonHistory | None = None
    busy: bool = False  # a dose is being recorded
    # The (visit, vial) the last assessment was asked for: an answer for another pair is stale.
    assess_key: AssessKey | None = None
    vial_rows: list[VialRow] = field(default_factory=list)  # the open vials, as listed
    unopened: UnopenedVial | None = None  # a vial scanned that is not open yet
    queue_asked_at: datetime | None = None  # when the queue was last asked for

    # -- the queue ------------------------------------------------------------------------------------

    def queue_requested(self, now: datetime) -> None:
        self.queue_asked_at = now

    def queue_stale(self, now: datetime) -> bool:
        """Time to read the queue again (the count at the top, who is with a doctor). A clock set back
        reads it at once too: waiting for the old time to come round again would freeze the count for hours."""
        return stale(self.queue_asked_at, now, after=QUEUE_RELOAD)

    def shown_again(self) -> bool:
        """Whether showing the page reads the queue (and the vials) again: once it was asked for at all.
        The page asks from its constructor, so its first show reads them a second time, as it always did."""
        return self.queue_asked_at is not None

    def can_call_next(self) -> bool:
        return bool(self.waiting()) and not self.busy

    def resume_choice(self) -> int | None:
        """The position of the person at the booth among those with a doctor (the "With a doctor"
        choice shows them), None when they are not among them."""
        current = self.visit.visit_id if self.visit else None
        return next((i for i, r in enumerate(self.with_doctor()) if r.visit_id == current), None)

    def waiting(self) -> list[QueueRow]:
        """Ready for the doctor: checked in with the questionnaire done, first come first."""
        return [r for r in self.queue_rows if r.state == "checked_in" and r.questionnaire_done and r.identity_checked]

    def with_doctor(self) -> list[QueueRow]:
        return [r for r in self.queue_rows if r.state == "with_doctor"]

    def queue_loaded(self, rows: list[QueueRow]) -> bool:
        """Take the fresh queue; True when the person at the booth changed state meanwhile (e.g. the
        desk took them back), so the dose panel must be redrawn."""
        self.queue_rows = rows
        if self.visit is None:
            return False
        fresh = next((r for r in rows if r.visit_id == self.visit.visit_id), None)
        if fresh is not None and fresh.state != self.visit.state:
            self.visit = fresh
            return True
        return False

    def row_of(self, visit_id: str | None) -> QueueRow | None:
        return next((r for r in self.queue_rows if r.visit_id == visit_id), None)

    # -- the person and the vial ----------------------------------------------------------------------

    def start_visit(self, row: QueueRow) -> None:
        """This person at the booth: nothing known about them yet; the vial stays."""
        self.visit = row
        self.history = None
        self.assessment = None
        self.result = None
        self.assess_key = None

    def called(self, row: QueueRow) -> None:
        self.start_visit(with_state(row, "with_doctor"))

    def at_booth(self) -> QueueRow | None:
        """The person at the booth while they are with the doctor (acknowledge, send away); else None."""
        return self.visit if self.visit is not None and self.visit.state == "with_doctor" else None

    def review(self) -> Review:
        if self.visit is None or not self.visit.review_flags:
            return Review.NONE
        return Review.DISCUSSED if self.visit.review_acknowledged else Review.PENDING

    def doses(self) -> list[DoseEntry]:
        return list(self.history.doses) if self.visit is not None and self.history else []

    def history_known(self) -> bool:
        """The history of the person at the booth is loaded: its forms may open."""
        return self.visit is not None and self.history is not None

    def can_void(self, dose: DoseEntry | None) -> bool:
        return self.history_known() and dose is not None and not dose.voided

    def reaction_dose(self, today: date) -> DoseEntry | None:
        """The dose a reaction is linked to: the last one given here since yesterday, if any."""
        doses = [d for d in (self.history.doses if self.history else ()) if not d.voided and not d.external
                 and d.given_on >= today - timedelta(days=1)]
        return doses[-1] if doses else None

    def history_loaded(self, history: PersonHistory) -> bool:
        """Keep the history if it is still about the person at the booth."""
        if self.visit is None or history.person_id != self.visit.person_id:
            return False
        self.history = history
        return True

    def review_acknowledged(self, visit_id: str) -> bool:
        if self.visit is None or self.visit.visit_id != visit_id:
            return False
        self.visit = replace(self.visit, review_acknowledged=True)
        return True

    def sent_away(self) -> None:
        """Back to the desk or out without a dose: nobody at the booth."""
        self.visit = None
        self.history = None
        self.assessment = None
        self.assess_key = None

    def vial_rows_loaded(self, rows: list[VialRow]) -> VialRow | None:
        """Take the open vials as listed; the fresh row of the vial in hand, if it is still open (a vial
        discarded meanwhile keeps its old row, so the assessment can say so)."""
        self.vial_rows = list(rows)
        if self.vial is None:
            return None
        fresh = next((r for r in rows if r.vial_id == self.vial.vial_id), None)
        if fresh is not None:
            self.vial = fresh
        return fresh

    def pick_vial(self, row: VialRow) -> int:
        """This vial in hand (scanned, picked or just opened): it joins the list if it was not in it;
        its position in the list."""
        self.vial = row
        position = next((i for i, r in enumerate(self.vial_rows) if r.vial_id == row.vial_id), None)
        if position is None:
            self.vial_rows = [*self.vial_rows, row]
            position = len(self.vial_rows) - 1
        return position

    def replace_vial_row(self, row: VialRow) -> None:
        """A fresher row of one listed vial (e.g. just opened elsewhere), at the end of the list."""
        self.vial_rows = [*[r for r in self.vial_rows if r.vial_id != row.vial_id], row]

    def scanned_unopened(self, scan: str, *, needs_thawing: bool) -> UnopenedVial:
        self.unopened = UnopenedVial(scan, needs_thawing)
        return self.unopened

    # -- the rules ------------------------------------------------------------------------------------

    def assessment_needed(self) -> AssessKey | None:
        """Forget the last assessment; the pair to ask the rules about, or None without both."""
        self.assessment = None
        if self.visit is None or self.vial is None:
            return None
        self.assess_key = (self.visit.visit_id, self.vial.vial_id)
        return self.assess_key

    def assessed(self, key: AssessKey, assessment: Assessment) -> bool:
        """Take the rules' answer unless the doctor moved on to another person or vial meanwhile."""
        if key != self.assess_key:
            return False
        self.assessment = assessment
        return True

    def vial_expired(self, now: datetime) -> bool:
        """The vial in hand just passed its use-by while allowed: it must be assessed again."""
        return (self.vial is not None and self.assessment is not None and self.assessment.allowed
                and now >= self.vial.use_by)

    def next_step(self, *, site: str | None, override_reason: str) -> NextStep | None:
        """What stands before "Record dose"; None when the dose may be recorded."""
        if self.visit is None:
            return NextStep.CALL_NEXT
        if self.result is not None or self.visit.state == "observation":
            return NextStep.RECORDED
        if self.visit.state != "with_doctor":
            return NextStep.NOT_WITH_DOCTOR
        if self.visit.review_flags and not self.visit.review_acknowledged:
            return NextStep.DISCUSS_ANSWERS
        if self.vial is None:
            return NextStep.SCAN_VIAL
        if self.assessment is None:
            return NextStep.CHECKING
        if self.assessment.hard_stops:
            return NextStep.HARD_STOP
        if site is None:
            return NextStep.CHOOSE_SITE
        if self.assessment.needs_override and not override_reason.strip():
            return NextStep.WRITE_REASON
        if self.busy:
            return NextStep.RECORDING
        return None

    def show_stop(self) -> bool:
        return self.assessment is not None and bool(self.assessment.hard_stops) and self.result is None

    def show_warning(self) -> bool:
        return self.assessment is not None and self.assessment.needs_override and self.result is None

    def dose_request(self, *, site: str | None, override_reason: str) -> DoseRequest | None:
        """What to record now, or None while a step stands before it (`next_step` says which)."""
        if self.next_step(site=site, override_reason=override_reason) is not None:
            return None
        assert self.visit is not None and self.vial is not None and site is not None and self.assessment is not None
        reason = override_reason.strip() if self.assessment.needs_override else None
        return DoseRequest(self.visit, self.vial, site, reason)

    # -- the dose -------------------------------------------------------------------------------------

    def recorded(self, visit: QueueRow, result: DoseResult) -> None:
        self.busy = False
        self.result = result
        self.visit = with_state(visit, "observation")
