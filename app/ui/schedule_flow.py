"""Booking the follow-up without widgets: who is listed (vaccinated today, no follow-up yet, filtered by
name), who is chosen, the slots offered for them, whether "Book this slot" may be pressed and what the
hint beside it says, and the booking just made. The page (app/ui/pages/schedule.py) draws this state;
it is tested without Qt (tests/unit/test_schedule_flow.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from app.services.scheduling import BookedFollowUp, DueFollowUp, FollowUpProposal


@dataclass(frozen=True)
class Booked:
    """A booking just made and its slip, rendered on the worker."""

    booking: BookedFollowUp
    person_name: str
    product_name: str
    pdf: bytes


class BookHint(Enum):
    """What the line beside "Book this slot" says; the page says it in words."""

    CHOOSE_PERSON = "choose_person"
    LOOKING = "looking"
    NO_SLOTS = "no_slots"
    CLOSEST_FIRST = "closest_first"


@dataclass
class ScheduleFlow:
    due: list[DueFollowUp] = field(default_factory=list)  # vaccinated today, no follow-up yet
    person: DueFollowUp | None = None  # the one chosen
    proposal: FollowUpProposal | None = None  # the slots for them; None while asked
    booked: Booked | None = None  # the booking just made (the slip is shown)

    def listed(self, search: str) -> list[DueFollowUp]:
        """The due persons whose name holds what was typed (any case)."""
        wanted = search.strip().casefold()
        return [row for row in self.due if not wanted or wanted in row.name.casefold()]

    def choose(self, person: DueFollowUp) -> None:
        """This person chosen: their slots are asked for, the last offer no longer holds."""
        self.person = person
        self.proposal = None

    def proposed(self, proposal: FollowUpProposal) -> bool:
        """Take the slots unless another person was chosen meanwhile."""
        if self.person is None or proposal.person_id != self.person.person_id:
            return False
        self.proposal = proposal
        return True

    def has_offers(self) -> bool:
        return self.proposal is not None and bool(self.proposal.offers)

    def hint(self) -> BookHint:
        if self.person is None:
            return BookHint.CHOOSE_PERSON
        if self.proposal is None:
            return BookHint.LOOKING
        return BookHint.CLOSEST_FIRST if self.proposal.offers else BookHint.NO_SLOTS

    def to_propose_again(self) -> DueFollowUp | None:
        """After the opening plan changed: the person whose slots must be asked for again (none once
        booked: the slip stays)."""
        return self.person if self.booked is None else None

    def next_person(self) -> None:
        """The slip handed over: back to the list, nobody chosen."""
        self.booked = None
        self.person = None
        self.proposal = None

    def slip_code(self) -> str:
        """The booking code the slip's file is named after."""
        return self.booked.booking.booking_code if self.booked else "slip"
