"""The release-day fast path: what this instance last read of a tenant's slots, at most a second old.

Every citizen asks the same question, so a day's listing is read once a second per instance and its
pages are rendered to bytes once, with an ETag. A booking for a slot the snapshot shows as full is
answered without a write transaction; only a booking for a slot that may have a free place takes the
database, where the conditional UPDATE stays the only capacity check. A place freed by a cancel on
another instance shows here within a second; until then that slot may be answered "full".
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select

from sync.server import tenants as t
from sync.server.tenants import Tenant, utcnow

MAX_AGE_S = 1.0
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100
MAX_RENDERED_PAGES = 256  # per day; any page size is allowed, so the cache of rendered bytes is bounded
MAX_SLOTS_KEPT = 200_000  # single-slot entries per tenant before the oldest half is dropped


@dataclass(frozen=True)
class SlotView:
    id: str
    site_id: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    free: int
    product_code: str | None

    def begun(self, now: datetime | None = None) -> bool:
        """The slot has begun: it takes no booking and no move any more (slot_past)."""
        return self.starts_at <= (now or utcnow())

    def wire(self, now: datetime) -> dict[str, object]:
        """As listed: a slot that has begun offers no place (a booking of it is refused as slot_past)."""
        return {"slot_id": self.id, "starts_at": self.starts_at.isoformat(), "ends_at": self.ends_at.isoformat(),
                "capacity": self.capacity, "free": 0 if self.begun(now) else self.free,
                "product_code": self.product_code}


@dataclass(frozen=True)
class Page:
    body: bytes
    etag: str


@dataclass
class DayListing:
    day: date
    slots: tuple[SlotView, ...]
    loaded_at: float
    _pages: dict[tuple[int, int], Page] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def page(self, number: int, size: int) -> Page:
        key = (number, size)
        found = self._pages.get(key)
        if found is not None:
            return found
        start = (number - 1) * size
        chunk = self.slots[start:start + size]
        pages = max(1, -(-len(self.slots) // size))
        now = utcnow()  # a rendered page lives as long as its listing: a second, as the places it counts
        body = json.dumps({
            "day": self.day.isoformat(), "page": number, "page_size": size, "pages": pages,
            "total": len(self.slots), "next_page": number + 1 if number < pages else None,
            "sold_out": all(s.free <= 0 or s.begun(now) for s in self.slots),
            "slots": [s.wire(now) for s in chunk]}, separators=(",", ":")).encode()
        rendered = Page(body=body, etag='"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"')
        with self._lock:
            if len(self._pages) >= MAX_RENDERED_PAGES:
                self._pages.clear()
            self._pages[key] = rendered
        return rendered


class TenantSlots:
    """One tenant's slot snapshot in this instance. `cached_*` never touch the database (safe on the
    event loop); `day()` and `slot()` read it when the snapshot is older than MAX_AGE_S, one reader at a
    time per key while the others keep answering from the previous snapshot."""

    def __init__(self, tenant: Tenant, *, max_age: float = MAX_AGE_S, clock: Callable[[], float] = time.monotonic):
        self.tenant = tenant
        self.max_age = max_age
        self.clock = clock
        self._days: dict[date, DayListing] = {}
        self._slots: dict[str, tuple[float, SlotView | None]] = {}
        self._loading: dict[object, threading.Lock] = {}
        self._guard = threading.Lock()

    # ---- answers without the database -----------------------------------------------------

    def cached_day(self, day: date) -> DayListing | None:
        listing = self._days.get(day)
        if listing is not None and self.clock() - listing.loaded_at <= self.max_age:
            return listing
        return None

    def cached_slot(self, slot_id: str) -> tuple[bool, SlotView | None]:
        """(known, slot): known is false when the snapshot cannot say; slot is None for no such slot."""
        entry = self._slots.get(slot_id)
        if entry is not None and self.clock() - entry[0] <= self.max_age:
            return True, entry[1]
        return False, None

    # ---- reads (call off the event loop) --------------------------------------------------

    def day(self, day: date) -> DayListing:
        fresh = self.cached_day(day)
        if fresh is not None:
            return fresh
        lock = self._lock_for(("day", day))
        stale = self._days.get(day)
        if not lock.acquire(blocking=stale is None):
            return stale  # type: ignore[return-value]  # someone is refreshing; the last second's answer
        try:
            fresh = self.cached_day(day)
            if fresh is not None:
                return fresh
            listing = DayListing(day=day, slots=self._load_day(day), loaded_at=self.clock())
            self._days[day] = listing
            self._remember(listing.slots, listing.loaded_at)
            return listing
        finally:
            lock.release()

    def slot(self, slot_id: str) -> SlotView | None:
        known, view = self.cached_slot(slot_id)
        if known:
            return view
        with self._lock_for(("slot", slot_id)):
            known, view = self.cached_slot(slot_id)
            if known:
                return view
            with self.tenant.read() as conn:
                row = conn.execute(_ONE_SLOT, {"slot": slot_id}).first()
            view = _view(row) if row is not None else None
            self._put(slot_id, view, self.clock())
            return view

    # ---- what this instance just did --------------------------------------------------------

    def taken(self, slot_id: str) -> None:
        self._adjust(slot_id, lambda v: replace(v, free=max(0, v.free - 1)))

    def released(self, slot_id: str) -> None:
        self._adjust(slot_id, lambda v: replace(v, free=min(v.capacity, v.free + 1)))

    def full(self, slot_id: str) -> None:
        """The database said full: answer so here too until the next read."""
        entry = self._slots.get(slot_id)
        if entry is not None and entry[1] is not None:
            self._put(slot_id, replace(entry[1], free=0), self.clock())

    # ---- internals ----------------------------------------------------------------------------

    def _adjust(self, slot_id: str, change: Callable[[SlotView], SlotView]) -> None:
        entry = self._slots.get(slot_id)
        if entry is not None and entry[1] is not None:
            self._put(slot_id, change(entry[1]), entry[0])

    def _lock_for(self, key: object) -> threading.Lock:
        with self._guard:
            lock = self._loading.get(key)
            if lock is None:
                if len(self._loading) > 4 * MAX_RENDERED_PAGES:
                    self._loading = {k: v for k, v in self._loading.items() if v.locked()}
                lock = self._loading[key] = threading.Lock()
            return lock

    def _put(self, slot_id: str, view: SlotView | None, at: float) -> None:
        if len(self._slots) >= MAX_SLOTS_KEPT:
            with self._guard:
                oldest = sorted(self._slots.items(), key=lambda kv: kv[1][0])[: MAX_SLOTS_KEPT // 2]
                for key, _entry in oldest:
                    self._slots.pop(key, None)
        self._slots[slot_id] = (at, view)

    def _remember(self, views: tuple[SlotView, ...], at: float) -> None:
        for view in views:
            self._put(view.id, view, at)

    def _load_day(self, day: date) -> tuple[SlotView, ...]:
        # Slots are listed by their UTC day; the ±14 h window keeps the index range small.
        start = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=14)
        with self.tenant.read() as conn:
            rows = conn.execute(_DAY_SLOTS, {"start": start, "end": start + timedelta(hours=52)}).all()
        return tuple(v for v in (_view(r) for r in rows) if v.starts_at.date() == day)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _view(r: Any) -> SlotView:
    capacity, booked, leased = int(r.capacity), int(r.booked), int(r.leased)
    return SlotView(id=r.id, site_id=r.site_id, starts_at=_aware(r.starts_at), ends_at=_aware(r.ends_at),
                    capacity=capacity, free=max(0, capacity - booked - leased), product_code=r.product_code)


_COLUMNS = (t.slot.c.id, t.slot.c.site_id, t.slot.c.starts_at, t.slot.c.ends_at, t.slot.c.capacity, t.slot.c.booked,
            t.slot.c.leased, t.slot.c.product_code)
_DAY_SLOTS = (select(*_COLUMNS).where(t.slot.c.starts_at >= bindparam("start"), t.slot.c.starts_at < bindparam("end"))
              .order_by(t.slot.c.starts_at, t.slot.c.id))
_ONE_SLOT = select(*_COLUMNS).where(t.slot.c.id == bindparam("slot"))
