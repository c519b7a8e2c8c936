"""What the station keeps about its sync in the `meta` table: the keys (this module owns them; nothing
else spells them) and the readings the rest of the station needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.schema import Meta

# Enrollment (`vaxdesk enroll`): where the tenant API is and who this station is to it.
K_URL, K_TOKEN, K_DEVICE, K_CA = "sync.server_url", "sync.device_token", "sync.device_id", "sync.ca_bundle"
# The pull cursor, valid within the server's epoch (a restored server starts a new one).
K_EPOCH, K_CURSOR = "sync.epoch", "sync.cursor"
# How the last round went: the status bar reads these.
K_SUCCESS, K_ATTEMPT, K_ONLINE, K_ERROR, K_SKEW = (
    "sync.last_success_at", "sync.last_attempt_at", "sync.online", "sync.last_error", "sync.clock_skew_s")
K_REOFFER_AFTER = "sync.reoffer_after"  # set after a server restore: offer back server rows pulled after this
K_LEASE_PLACES, K_LEASE_DAYS = "sync.lease_places", "sync.lease_days"
# The audit log's copy on the server (sync/station/audit_push.py).
K_PUSHED, K_REFUSED = "audit_pushed_seq", "audit_push_refused"

_ROUND_KEYS = (K_URL, K_SUCCESS, K_ATTEMPT, K_ONLINE, K_SKEW, K_ERROR)


def get_meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return None if row is None else row.value


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


@dataclass(frozen=True)
class LastRound:
    """What the last sync round left in the station's meta table."""

    enrolled: bool
    online: bool
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    clock_skew_s: float | None
    last_error: str | None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def last_round(session: Session) -> LastRound:
    meta = {str(k): str(v) for k, v in session.execute(
        select(Meta.key, Meta.value).where(Meta.key.in_(_ROUND_KEYS))).all()}
    skew = meta.get(K_SKEW)
    return LastRound(
        enrolled=bool(meta.get(K_URL)), online=meta.get(K_ONLINE) == "1",
        last_success_at=_time(meta.get(K_SUCCESS)), last_attempt_at=_time(meta.get(K_ATTEMPT)),
        clock_skew_s=float(skew) if skew else None, last_error=meta.get(K_ERROR) or None)


def measured_skew(session: Session) -> float | None:
    """Seconds the tenant API's clock was ahead of this station's in the last round (None: never measured)."""
    value = get_meta(session, K_SKEW)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def is_enrolled(session: Session) -> bool:
    """This station holds a device token: it syncs with a tenant API."""
    return get_meta(session, K_TOKEN) is not None
