"""The station side of sync: the HTTP client, the engine that pushes the outbox and pulls changes,
and the code that applies pulled changes to the local store.

The rest of the station imports from here: enrolling, a sync round, online signing, the server's
copy of the audit log's head, and what the station keeps about its sync (`meta`)."""

from __future__ import annotations

from sync.station.audit_push import server_audit_head
from sync.station.engine import LeasePolicy, RoundReport, SyncEngine, enroll, lease_policy
from sync.station.meta import (
    K_CA,
    K_TOKEN,
    K_URL,
    LastRound,
    get_meta,
    is_enrolled,
    last_round,
    measured_skew,
    set_meta,
)
from sync.station.signing import TenantApiSigner, online_signer

__all__ = [
    "K_CA",
    "K_TOKEN",
    "K_URL",
    "LastRound",
    "LeasePolicy",
    "RoundReport",
    "SyncEngine",
    "TenantApiSigner",
    "enroll",
    "get_meta",
    "is_enrolled",
    "last_round",
    "lease_policy",
    "measured_skew",
    "online_signer",
    "server_audit_head",
    "set_meta",
]
