"""When to open a new vial: only when enough people wait or are due to use it up before it expires.

A vial holds several doses and must be discarded a few hours after opening. Opening one for each
person who happens to be waiting fills the bin (the online simulated day discarded 46 % of its
doses); letting people wait for ever empties the hall. The rule, for one product:

- doses left in an open vial: use them;
- nobody waiting: nothing to open;
- those waiting and those booked before the new vial would expire would use it up: open;
- nobody else is due before closing (the last vial of the day): open, but say how many doses
  will be discarded — the booth asks before opening;
- the first person has waited `MAX_WAIT_MINUTES`: open, waste or not;
- otherwise wait for the next arrivals, and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.reasons import Reason

__all__ = ["MAX_WAIT_MINUTES", "Advice", "VialAdvice", "VialDemand", "advise"]

MAX_WAIT_MINUTES = 20


class Advice(StrEnum):
    USE_OPEN = "use_open"  # doses are left in an open vial
    NONE_NEEDED = "none_needed"  # nobody waits for this product
    OPEN = "open"  # a new vial will be used up
    OPEN_LAST = "open_last"  # the day's last vial: open after asking, some doses will be discarded
    OPEN_WAITED = "open_waited"  # someone has waited long enough: open although doses may be discarded
    WAIT = "wait"  # more people are due: wait for them before opening


@dataclass(frozen=True)
class VialDemand:
    """What the booth knows about one product right now."""

    doses_left: int  # in the open, usable vials of the product (minus doses drawn but not yet recorded)
    doses_per_vial: int  # of the vial that would be opened next
    waiting: int  # ready for the doctor (consent given), for this product
    due_before_expiry: int  # booked, not yet here, due before a vial opened now would expire (or closing)
    due_later_today: int  # booked, not yet here, due after that but today
    oldest_wait_minutes: int  # how long the first of those waiting has waited


@dataclass(frozen=True)
class VialAdvice:
    advice: Advice
    reason: Reason  # what the booth page shows
    expected_waste: int  # doses a vial opened now would leave unused, as far as the bookings tell

    @property
    def open_new(self) -> bool:
        return self.advice in (Advice.OPEN, Advice.OPEN_LAST, Advice.OPEN_WAITED)

    @property
    def ask_first(self) -> bool:
        """Opening now discards doses: the booth asks before it opens (the end-of-day prompt)."""
        return self.advice in (Advice.OPEN_LAST, Advice.WAIT) or (self.open_new and self.expected_waste > 0)


def advise(demand: VialDemand, *, max_wait_minutes: int = MAX_WAIT_MINUTES) -> VialAdvice:
    d = demand
    if d.doses_per_vial < 1:
        raise ValueError("a vial holds at least one dose")
    if d.doses_left > 0:
        return VialAdvice(Advice.USE_OPEN, Reason("vial_doses_left", {"left": d.doses_left, "waiting": d.waiting}), 0)
    if d.waiting <= 0:
        return VialAdvice(Advice.NONE_NEEDED, Reason("vial_nobody_waiting", {"due": d.due_before_expiry}), 0)
    use = d.waiting + d.due_before_expiry
    waste = max(0, d.doses_per_vial - use)
    if waste == 0:
        return VialAdvice(Advice.OPEN, Reason("vial_open", {"waiting": d.waiting, "due": d.due_before_expiry,
                                                             "doses": d.doses_per_vial}), 0)
    if d.due_later_today <= 0:
        return VialAdvice(Advice.OPEN_LAST, Reason("vial_open_last", {"waiting": d.waiting, "due": d.due_before_expiry,
                                                                       "doses": d.doses_per_vial, "waste": waste}),
                          waste)
    if d.oldest_wait_minutes >= max_wait_minutes:
        return VialAdvice(Advice.OPEN_WAITED, Reason("vial_open_waited", {"minutes": d.oldest_wait_minutes,
                                                                           "waste": waste}), waste)
    return VialAdvice(Advice.WAIT, Reason("vial_wait", {"waiting": d.waiting, "due": d.due_before_expiry,
                                                         "doses": d.doses_per_vial, "waste": waste}), waste)
