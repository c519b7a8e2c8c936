"""Screenshot fixture for the Sync page: one change the server "refused" in a throwaway demo database,
so the picture shows a rejected row and a person to rebook. Used only by the page's screenshot hook,
never by a production path; it leaves an enrolled station alone. Runs on the DB worker."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.storage.engine import Store
from app.storage.schema import Appointment, Meta, Outbox
from sync.mutations import main_row

DEMO_REASON = "slot_full: The slot was already full; the booking is not confirmed. Rebook the person."


def screenshot_fixture_rejected_mutation(store: Store) -> str | None:
    """Mark the newest pending booking (else any pending change) as rejected by the server, as the sync
    engine would on a `slot_full` answer; returns its mutation id, or None when there is nothing to mark
    or the station is enrolled (a real outbox is never touched)."""
    with store.write() as session:
        if session.get(Meta, "sync.server_url") is not None:
            return None
        if session.scalar(select(Outbox.mutation_id).where(Outbox.state == "rejected")) is not None:
            return None  # already marked on an earlier run
        row = session.scalars(select(Outbox).where(Outbox.state == "pending", Outbox.kind == "appointment.booked")
                              .order_by(Outbox.station_seq.desc())).first()
        row = row or session.scalars(select(Outbox).where(Outbox.state == "pending")
                                     .order_by(Outbox.station_seq.desc())).first()
        if row is None:
            return None
        row.state, row.reason, row.reason_code = "rejected", DEMO_REASON, "slot_full"
        if row.kind == "appointment.booked":
            target = main_row(row.payload)
            appointment = session.get(Appointment, target[1]) if target else None
            if appointment is not None:
                appointment.state = "cancelled"
                appointment.booking_state = "rejected"
                appointment.state_changed_at = datetime.now(UTC)
        return row.mutation_id
