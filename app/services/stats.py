"""The figures behind `vaxdesk stats`: counts an admin or a script can check at a glance."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from app.services.booking import HOLDING_STATES
from app.services.covid_tests import test_figures
from app.services.doses import doses_on, external_doses
from app.services.permissions import use_case
from app.services.stock import stock_by_product
from app.storage.engine import Store
from app.storage.schema import (
    Appointment,
    Certificate,
    Outbox,
    Person,
    ReviewTask,
    Slot,
    SyncQuarantine,
)


@use_case
def station_stats(store: Store) -> dict[str, Any]:
    with store.read() as session:
        def count(query: Any) -> int:
            return int(session.scalar(query) or 0)

        held = (
            select(Appointment.slot_id, func.count().label("n"))
            .where(Appointment.state.in_(HOLDING_STATES))
            .group_by(Appointment.slot_id)
            .subquery()
        )
        figures: dict[str, Any] = {
            "persons": count(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))),
            "appointments": count(
                select(func.count()).select_from(Appointment).where(Appointment.state != "cancelled")
            ),
            # Given here (doses.given_here), apart from the doses entered from records of elsewhere.
            "vaccinations": doses_on(session, store.identity.site_id),
            "external_vaccinations": external_doses(session),
            "certificates": count(
                select(func.count()).select_from(Certificate).where(Certificate.revoked_at.is_(None))
            ),
            "pending_mutations": count(select(func.count()).select_from(Outbox).where(Outbox.state == "pending")),
            "rejected_mutations": count(
                select(func.count()).select_from(Outbox).where(Outbox.state == "rejected")
            ),
            "parked_mutations": count(select(func.count()).select_from(Outbox).where(Outbox.state == "parked")),
            "quarantined_changes": count(select(func.count()).select_from(SyncQuarantine)),
            "review_tasks": count(select(func.count()).select_from(ReviewTask).where(ReviewTask.resolved_at.is_(None))),
            "overbooked_slots": count(
                select(func.count()).select_from(Slot).join(held, held.c.slot_id == Slot.id).where(
                    held.c.n > Slot.capacity
                )
            ),
        }
        tests = test_figures(session)
        figures |= {"tests": tests.taken, "tests_positive": tests.positive, "results_mailed": tests.mailed,
                    "test_certificates": count(select(func.count()).select_from(Certificate).where(
                        Certificate.kind == "t", Certificate.revoked_at.is_(None)))}
    figures["stock"] = {
        code: {"received": f.received, "administered": f.administered, "wasted": f.wasted, "remaining": f.remaining}
        for code, f in stock_by_product(store).items()
    }
    return figures
