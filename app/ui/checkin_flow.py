"""The check-in desk without widgets: what the one search field's Enter does next, which search answer is
still current, who is shown and what may be done with them (check in, register as a walk-in, finish a
check-in begun earlier), the visit started, and which message a search answer gets. The page
(app/ui/pages/checkin.py) draws this state; it is tested without Qt (tests/unit/test_checkin_flow.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

from app.services.checkin import OpenVisit, PersonMatch, QueryKind, SearchResult


class Panel(IntEnum):
    """What the right side shows (the index of its stacked page)."""

    EMPTY = 0
    PERSON = 1
    WALK_IN = 2


class EnterAction(Enum):
    SEARCH = "search"  # new text typed, or nothing else to do
    OPEN = "open"  # the highlighted person is not the one shown
    CHECK_IN = "check_in"  # the shown person, with check-in possible


class SearchAnswer(Enum):
    """How a search answer is shown."""

    NOBODY = "nobody"  # an error message: nobody found (or the query refused)
    OPEN_FIRST = "open_first"  # one person, or a booking code: opened at once
    LIST_CAPPED = "list_capped"  # more match than are listed: the service's reason says so
    LIST = "list"  # several people: choose with the arrow keys


@dataclass(frozen=True)
class PersonActions:
    """What the person card offers for the person shown."""

    check_in: bool  # "Check in (Enter)"
    walk_in_instead: bool  # "Register as walk-in"


def person_actions(match: PersonMatch) -> PersonActions:
    """No booking today: a walk-in only. A booking that cannot be used: a walk-in instead, unless the
    person is already here (a second visit cannot start)."""
    booking = match.booking
    if booking is None:
        return PersonActions(check_in=False, walk_in_instead=True)
    blocks = booking.arrival.blocks
    return PersonActions(check_in=not blocks, walk_in_instead=blocks and booking.arrival.kind != "already_here")


def search_answer(result: SearchResult) -> SearchAnswer:
    if not result.matches:
        return SearchAnswer.NOBODY
    if len(result.matches) == 1 or result.query_kind is QueryKind.CODE:
        return SearchAnswer.OPEN_FIRST
    return SearchAnswer.LIST_CAPPED if result.reason is not None else SearchAnswer.LIST


def person_name(match: PersonMatch) -> str:
    return f"{match.family_name}, {match.given_name}"


class CheckInFlow:
    """Who is at the desk and how far their check-in is."""

    def __init__(self) -> None:
        self.shown: PersonMatch | None = None  # the person on the card
        self.shown_name = ""
        self.visit_id: str | None = None  # their visit, once checked in
        self.unfinished: OpenVisit | None = None  # their check-in begun earlier and not finished
        self.edited = False  # text typed since the last search
        self._search_serial = 0

    # -- the search field ----------------------------------------------------------------------------

    def search_started(self) -> int:
        """A search is sent; its serial, to tell a late answer from the current one."""
        self.edited = False
        self._search_serial += 1
        return self._search_serial

    def is_current(self, serial: int) -> bool:
        return serial == self._search_serial

    def enter(self, selected: PersonMatch | None, *, can_check_in: bool) -> EnterAction:
        """Enter in the search field: search new text; else open the highlighted person; else check in
        the person shown."""
        if self.edited or (selected is None and self.shown is None):
            return EnterAction.SEARCH
        if selected is not None and (self.shown is None or selected.person_id != self.shown.person_id):
            return EnterAction.OPEN
        return EnterAction.CHECK_IN if can_check_in else EnterAction.SEARCH

    def results_visible(self, panel: Panel) -> bool:
        """The results step aside while one person is worked on (a visit started, or the walk-in form),
        so the form gets the full width."""
        return panel is Panel.EMPTY or (panel is Panel.PERSON and self.visit_id is None)

    # -- the person ----------------------------------------------------------------------------------

    def show(self, match: PersonMatch) -> None:
        """This person on the card: nothing begun for them yet."""
        self.shown = match
        self.shown_name = person_name(match)
        self.visit_id = None
        self.unfinished = None

    def forget(self) -> None:
        """Nobody on the card (cleared, or a new search answered)."""
        self.shown = None
        self.visit_id = None
        self.unfinished = None

    def unfinished_found(self, person_id: str, found: OpenVisit | None) -> bool:
        """A check-in begun earlier and interrupted (lock, the next scan, a restart): offer to finish it,
        if the person is still shown and no visit was started meanwhile."""
        if found is None or self.shown is None or self.shown.person_id != person_id or self.visit_id is not None:
            return False
        self.unfinished = found
        return True

    def take_up(self) -> OpenVisit | None:
        """Take up the unfinished check-in: its visit goes on."""
        found = self.unfinished
        if found is not None:
            self.unfinished = None
            self.visit_id = found.visit_id
        return found

    def walk_in_started(self, person_id: str, name: str, dob: str) -> None:
        """A visit without a booking, for a person just registered or already known."""
        family, _, given = name.partition(", ")
        self.shown = PersonMatch(person_id, family, given, dob, None, 1.0, "walk_in")
        self.shown_name = name
