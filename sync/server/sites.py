"""Site scoping: a device token belongs to one tenant and one site. These checks are what an endpoint
or a mutation handler calls to refuse another site's data (the sync endpoints adopt them with the
mutation contract, issue 12)."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection

from app.reasons import Reason
from sync.server import tenants as t

_SLOT_SITE = select(t.slot.c.site_id).where(t.slot.c.id == bindparam("slot"))


def other_site(device_site_id: str, site_id: str | None) -> Reason | None:
    """A Reason when `site_id` is set and is not the device's site."""
    if site_id is not None and site_id != device_site_id:
        return Reason("other_site", {}, "site_id")
    return None


def slot_of_other_site(conn: Connection, *, device_site_id: str, slot_id: str) -> Reason | None:
    """A Reason when the slot exists and belongs to another site; None for an own or unknown slot
    (an unknown slot is the caller's own refusal, unknown_slot)."""
    site_id = conn.execute(_SLOT_SITE, {"slot": slot_id}).scalar_one_or_none()
    return other_site(device_site_id, None if site_id is None else str(site_id))
