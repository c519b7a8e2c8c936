"""Rate limits of the public edge, per client address and per tenant (the `limits` library, fixed
windows). Storage: in memory for one instance; for many, the tenant's own PostgreSQL database
(`rate_limit` table, one upsert per counted request) or Redis through the `limits` URI (`redis://…`,
needs the `redis` package), so every instance counts the same window."""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import limits
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import bindparam, delete, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from sync.server import tenants as t
from sync.server.admin_errors import AdminInputError
from sync.server.tenants import Tenant, utcnow

log = logging.getLogger(__name__)

MEMORY = "memory"
DATABASE = "database"
PRUNE_EVERY_S = 60.0


class TenantTableStorage(Storage):
    """Fixed-window counters in the tenant's PostgreSQL database: one atomic upsert per hit, so any
    number of instances share a window. Not for SQLite tenants (each hit would take the writer lock)."""

    STORAGE_SCHEME = None

    def __init__(self, tenant: Tenant) -> None:
        super().__init__(uri=None, wrap_exceptions=True)
        self.tenant = tenant

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        with self.tenant.engine.begin() as conn:
            return int(conn.execute(_UPSERT, {"key": key[:200], "amount": amount,
                                              "expiry": timedelta(seconds=expiry)}).scalar_one())

    def get(self, key: str) -> int:
        with self.tenant.engine.connect() as conn:
            value = conn.execute(_GET, {"key": key[:200], "now": utcnow()}).scalar_one_or_none()
        return int(value or 0)

    def get_expiry(self, key: str) -> float:
        with self.tenant.engine.connect() as conn:
            value = conn.execute(_EXPIRY, {"key": key[:200]}).scalar_one_or_none()
        return value.timestamp() if value is not None else time.time()

    def check(self) -> bool:
        with self.tenant.engine.connect() as conn:
            conn.execute(select(1))
        return True

    def reset(self) -> int | None:
        with self.tenant.engine.begin() as conn:
            return int(conn.execute(delete(t.rate_limit)).rowcount)

    def clear(self, key: str) -> None:
        with self.tenant.engine.begin() as conn:
            conn.execute(delete(t.rate_limit).where(t.rate_limit.c.key == key[:200]))


# A window that has run out starts again at this hit; otherwise the count grows. One statement, so
# concurrent instances never lose a hit.
_UPSERT = text("""
INSERT INTO rate_limit (key, count, expires_at) VALUES (:key, :amount, now() + :expiry)
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN rate_limit.expires_at <= now() THEN :amount ELSE rate_limit.count + :amount END,
  expires_at = CASE WHEN rate_limit.expires_at <= now() THEN now() + :expiry ELSE rate_limit.expires_at END
RETURNING count""")
_GET = select(t.rate_limit.c.count).where(t.rate_limit.c.key == bindparam("key"),
                                          t.rate_limit.c.expires_at > bindparam("now"))
_EXPIRY = select(t.rate_limit.c.expires_at).where(t.rate_limit.c.key == bindparam("key"))
_PRUNE = delete(t.rate_limit).where(t.rate_limit.c.expires_at < func.now())


@dataclass(frozen=True)
class Refusal:
    retry_after: int  # seconds, for the Retry-After header
    scope: str  # "client", "tenant", or the secret tried: "booking" (a code), "link" (a result token)


class RateLimits:
    """Counts hits per (tenant, kind, client) and per (tenant, kind); says when to refuse."""

    def __init__(self, storage: str = MEMORY) -> None:
        self.storage = storage
        self._memory = MemoryStorage()
        self._shared: Storage | None = None
        if "://" in storage:
            shared = storage_from_string(storage)
            if not isinstance(shared, Storage):
                raise AdminInputError("rate_storage_not_sync", {"storage": storage})
            self._shared = shared
        elif storage not in (MEMORY, DATABASE):
            raise AdminInputError("rate_storage_unknown")
        self._per_tenant: dict[str, FixedWindowRateLimiter] = {}
        self._items: dict[str, limits.RateLimitItem] = {}
        self._pruned: dict[str, float] = {}

    @property
    def blocking(self) -> bool:
        """True when a hit may wait on the network (call it off the event loop)."""
        return self.storage != MEMORY

    def _limiter(self, tenant: Tenant) -> FixedWindowRateLimiter:
        limiter = self._per_tenant.get(tenant.name)
        if limiter is None:
            storage: Storage = self._memory
            if self._shared is not None:
                storage = self._shared
            elif self.storage == DATABASE and tenant.is_postgres:
                storage = TenantTableStorage(tenant)
            limiter = self._per_tenant[tenant.name] = FixedWindowRateLimiter(storage)
        return limiter

    def _item(self, rate: str) -> limits.RateLimitItem:
        item = self._items.get(rate)
        if item is None:
            item = self._items[rate] = limits.parse(rate)
        return item

    def hit(self, tenant: Tenant, *, kind: str, client: str, per_client: str, per_tenant: str) -> Refusal | None:
        """Count one request; a Refusal when the client's or the tenant's window is used up. A storage
        failure lets the request through (logged): the capacity check in the database still holds."""
        limiter = self._limiter(tenant)
        if self.storage == DATABASE and time.monotonic() - self._pruned.get(tenant.name, 0.0) > PRUNE_EVERY_S:
            self._pruned[tenant.name] = time.monotonic()
            self.prune(tenant)  # one client's row stays until its window ran out and someone prunes
        return self._count(limiter, (
            ("client", self._item(per_client), (tenant.name, kind, "client", client)),
            ("tenant", self._item(per_tenant), (tenant.name, kind, "tenant"))))

    def hit_key(self, tenant: Tenant, *, kind: str, key: str, rate: str, scope: str) -> Refusal | None:
        """Count one try at one secret (a booking code, a result link), whichever client makes it: a guesser
        with many addresses gets no more tries at it than one with a single address. `key` is a keyed
        hash, never the secret itself (it may be stored in Redis or the tenant table)."""
        return self._count(self._limiter(tenant), ((scope, self._item(rate), (tenant.name, kind, scope, key)),))

    @staticmethod
    def _count(limiter: FixedWindowRateLimiter,
               checks: Sequence[tuple[str, limits.RateLimitItem, tuple[str, ...]]]) -> Refusal | None:
        try:
            for scope, item, keys in checks:
                if not limiter.hit(item, *keys):
                    reset = limiter.get_window_stats(item, *keys).reset_time
                    return Refusal(retry_after=max(1, math.ceil(reset - time.time())), scope=scope)
        except limits.errors.StorageError as exc:
            log.warning("rate-limit storage failed; request let through", extra={"error": type(exc.storage_error).__name__})
        return None

    def prune(self, tenant: Tenant) -> None:
        """Drop run-out windows from the tenant table (at most once a minute, from `hit`)."""
        if self.storage == DATABASE and tenant.is_postgres:
            try:
                with tenant.engine.begin() as conn:
                    conn.execute(_PRUNE)
            except SQLAlchemyError as exc:
                log.warning("rate-limit windows not pruned", extra={"error": type(exc).__name__})


def client_address(peer: str | None, forwarded_for: str | None, trusted: Sequence[Any]) -> str:
    """The client's address: the peer, or, when the peer is a trusted proxy, the right-most address in
    X-Forwarded-For that is not a trusted proxy (the left part is whatever the client wrote)."""
    address = peer or "unknown"
    if not trusted or not forwarded_for or not _trusted(address, trusted):
        return address
    for hop in reversed([h.strip() for h in forwarded_for.split(",")[-20:]]):
        if not hop:
            continue
        if not _trusted(hop, trusted):
            return hop[:64]
        address = hop
    return address[:64]


def rate_client(address: str) -> str:
    """What a per-client limit counts as one client: an IPv4 address, or an IPv6 address's /64. A home or a
    server is given a whole /64 and may send from any of its 2^64 addresses, so counting single IPv6
    addresses would give one client endless windows. An IPv4-mapped IPv6 address counts as its IPv4."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return address


def parse_trusted(text_value: str | None) -> list[Any]:
    """'127.0.0.1, 10.0.0.0/8' → networks; ValueError names the bad entry."""
    networks = []
    for part in (text_value or "").split(","):
        part = part.strip()
        if part:
            try:
                networks.append(ipaddress.ip_network(part, strict=False))
            except ValueError:
                raise AdminInputError("proxy_not_a_network", {"part": part}) from None
    return networks


def _trusted(address: str, trusted: Sequence[Any]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in trusted)
