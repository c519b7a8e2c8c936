"""Test results by e-mail: when a station's `test.resulted` arrives for a test whose person asked for the
result by mail, the tenant API seals the result for the person (corsign, with the tenant's document
signer), queues the mail with `queue_result_mail` in the same transaction, and tells the stations how
the mail stands through the test's server-owned `mail_state`: queued, then sent or failed (the outbox's
word), or refused (no address, no signer, mails not configured) — the result itself is never refused.

Nothing personal is kept here beyond the sealed outbox row; the table below links a test to its mail.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, DateTime, String, Table, insert, select, update
from sqlalchemy.engine import Connection

from app.certificates.corsign import create_corsign
from app.certificates.result_token import TEST_RESULT, Holder, ResultClaims, TestFacts
from app.certificates.signer import load_signer
from app.certificates.valuesets import TEST_DEVICE, display
from app.errors import VaxDeskError
from sync.server import tenants as t
from sync.server.edge_settings import read_settings
from sync.server.result_mail import queue_result_mail
from sync.server.tenants import Tenant, utcnow

log = logging.getLogger(__name__)

TOKEN_VALID_FOR = timedelta(days=60)
MAIL_KIND = "result_ready"  # the outbox's kind of every result mail (sync/server/result_mail.py)

test_result_mail = Table(
    "test_result_mail", t.metadata,
    Column("test_id", String(64), primary_key=True),
    Column("mail_id", String(64), index=True),  # None when refused
    Column("station_id", String(64)),
    Column("queued_at", DateTime(timezone=True), nullable=False),
    Column("state", String(16), nullable=False),  # queued | sent | failed | refused
    Column("code", String(64)),  # why refused or failed
)


class NotMailed(VaxDeskError):
    """The result stays; only its mail cannot go (the code says why)."""


def wants_mail(values: dict[str, Any]) -> bool:
    return (values.get("mail_result") is True and values.get("result") in ("positive", "negative", "invalid")
            and values.get("voided_at") is None)


def queue_for_test(tenant: Tenant, conn: Connection, values: dict[str, Any], *, person: dict[str, Any] | None,
                   station_id: str) -> str | None:
    """The mail for one resulted test (inside the push's transaction; `person` as the ledger holds it now,
    pushed in the same round or before): returns the state to tell the stations ("queued" or "refused"),
    or None when this test's mail was handled before (a re-push)."""
    test_id = str(values["id"])
    if conn.execute(select(test_result_mail.c.state).where(test_result_mail.c.test_id == test_id)).first():
        return None
    mail_id: str | None = None
    try:
        mail_id = _queue(tenant, conn, values, person)
        state, code = "queued", None
    except VaxDeskError as exc:
        state, code = "refused", exc.code
        log.info("result mail not queued", extra={"tenant": tenant.name, "code": exc.code})
    conn.execute(insert(test_result_mail).values(test_id=test_id, mail_id=mail_id, station_id=station_id[:64],
                                                 queued_at=utcnow(), state=state, code=code))
    return state


def _queue(tenant: Tenant, conn: Connection, values: dict[str, Any], person: dict[str, Any] | None) -> str:
    email = str((person or {}).get("email") or "").strip()
    if person is None or not email:
        raise NotMailed(code="test_mail_no_email")
    row = conn.execute(select(t.signer).where(t.signer.c.active.is_(True))).first()
    if row is None:
        raise NotMailed(code="signing_not_configured")
    signer = load_signer(tenant.cipher.open(row.key_enc, f"signer:{row.kid}"), row.certificate)
    sampled = values.get("sampled_at")
    device = values.get("device_id")
    claims = ResultClaims(
        kind=TEST_RESULT,
        holder=Holder(family_name=str(person["family_name"]), given_name=str(person.get("given_name") or ""),
                      dob=str(person["dob"])),
        test=TestFacts(type="rapid_antigen" if values.get("test_type") == "rat" else "naat",
                       sampled_at=datetime.fromisoformat(str(sampled)), outcome=str(values["result"]),
                       device=display(TEST_DEVICE, str(device))[:200] if device else None,
                       center=(read_settings(conn).display_name or tenant.name)[:200]))
    token = create_corsign(claims.claims(), family=str(person["family_name"]),
                           given=str(person.get("given_name") or ""), dob=str(person["dob"]),
                           signing_key=signer.private_key, kid=signer.kid.hex(), valid_for=TOKEN_VALID_FOR)
    return queue_result_mail(tenant, to=email, lang=str(values.get("mail_lang") or "de"), token=token,
                             kind=TEST_RESULT, conn=conn)


def mail_finished(tenant: Tenant, conn: Connection, mail_id: str, state: str) -> str | None:
    """The outbox sent (or gave up on) a mail: the test it was for, if any, now says so. Returns the test id."""
    test_id = conn.execute(select(test_result_mail.c.test_id).where(test_result_mail.c.mail_id == mail_id)).scalar()
    if test_id is None:
        return None
    conn.execute(update(test_result_mail).where(test_result_mail.c.test_id == test_id).values(state=state))
    return str(test_id)

