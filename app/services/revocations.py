"""Revoking certificates inside a unit of work: a void or a correction of a dose revokes the
certificates issued for it in the same transaction, and the revocation syncs (with its time and
reason) to every station and to the tenant API's revocation list. Kept light: the doctor's booth
imports it."""

from __future__ import annotations

from sqlalchemy import select

from app.services.unit_of_work import UnitOfWork
from app.storage.schema import Certificate


def revoke_certificates(uow: UnitOfWork, *, vaccination_id: str | None = None, infection_id: str | None = None,
                        test_id: str | None = None, reason: str) -> list[str]:
    """Revoke every certificate in force for a dose (or an infection) inside the caller's unit of work:
    a void or a correction of the dose takes its certificates with it. Returns the revoked ids."""
    query = select(Certificate).where(Certificate.revoked_at.is_(None))
    if vaccination_id is not None:
        query = query.where(Certificate.vaccination_id == vaccination_id)
    elif infection_id is not None:
        query = query.where(Certificate.infection_id == infection_id)
    elif test_id is not None:
        query = query.where(Certificate.test_id == test_id)
    else:
        return []
    revoked = []
    for cert in uow.session.scalars(query):
        revoke(uow, cert, reason[:300])
        revoked.append(cert.id)
    return revoked


def revoke(uow: UnitOfWork, cert: Certificate, reason: str) -> None:
    cert.revoked_at, cert.revoke_reason, cert.revoked_by = uow.now, reason, uow.actor.staff_id
    # revoked_at and the reason travel along, so every station (and the server's revocation list) knows.
    uow.record(action="certificate.revoked", entity="certificate", entity_id=cert.id,
               payload={},
               details={"reason": reason, "approved_by": uow.actor.staff_id})
