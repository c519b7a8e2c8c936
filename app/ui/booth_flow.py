"""The doctor's booth without widgets: who is at the booth, which vial is in hand, what the rules said
about the two, and what the next step is before a dose may be recorded. The page (app/ui/pages/doctor.py)
draws this state and feeds it what the services answered; it is tested without Qt
(tests/unit/test_booth_flow.py)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum

from app.services.checkin import QueueRow
from app.services.vaccinations import Assessment, DoseResult, PersonHistory
from app.services.vials import VialRow

AssessKey = tuple[str, str]  # (visit id, vial id)


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


def with_state(row: QueueRow, state: str) -> QueueRow:
    return replace(row, state=state)


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

    # -- the queue ------------------------------------------------------------------------------------

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
        """The fresh row of the vial in hand, if it is still open (a vial discarded meanwhile keeps its
        old row, so the assessment can say so)."""
        if self.vial is None:
            return None
        return next((r for r in rows if r.vial_id == self.vial.vial_id), None)

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

    # -- the dose -------------------------------------------------------------------------------------

    def recorded(self, visit: QueueRow, result: DoseResult) -> None:
        self.busy = False
        self.result = result
        self.visit = with_state(visit, "observation")
