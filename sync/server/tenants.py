"""One database per tenant: a SQLite file under the data dir (the embedded default) or a PostgreSQL
database per tenant on one cluster. The tables, the registry that opens them, and write transactions
that serialise change numbering so a puller never skips a change that commits late."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    create_engine,
    event,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.errors import VaxDeskError
from sync.faults import clock_offset_s
from sync.server import crypto
from sync.server.admin_errors import AdminInputError

log = logging.getLogger(__name__)

TENANT_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
SCHEMA_VERSION = "2"

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))

enrollment_code = Table(
    "enrollment_code", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("site_code", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)

device = Table(
    "device", metadata,
    Column("id", String(36), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("site_code", String(64), nullable=False),
    Column("site_id", String(64), nullable=False),
    Column("station_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

station_progress = Table(
    "station_progress", metadata,
    Column("station_id", String(64), primary_key=True),
    Column("last_seq", Integer, nullable=False),
)

mutation = Table(
    "mutation", metadata,
    Column("mutation_id", String(64), primary_key=True),
    Column("station_id", String(64), nullable=False),
    Column("station_seq", Integer, nullable=False),
    Column("kind", String(64), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("hlc", String(80), nullable=False),
    Column("payload_enc", LargeBinary, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("outcome", String(16), nullable=False),  # applied | rejected | parked
    Column("reason_code", String(64)),
    Column("reason", String(300)),
    Column("change_seq", Integer),  # the last change an applied mutation made
    UniqueConstraint("station_id", "station_seq", name="uq_mutation_station_seq"),
)

# The change log: which row changed, in commit order. A row's content is not copied here: a pull hands
# out the row's current version from `record`, so old versions of personal data are not kept around.
# Events that are not rows (merges, a parked mutation settled) carry their small payload themselves.
change = Table(
    "change", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("origin", String(64), nullable=False),
    Column("mutation_id", String(64)),
    Column("kind", String(64), nullable=False),  # "<entity>.put", or an event kind
    Column("entity", String(32)),
    Column("entity_id", String(64)),
    Column("hlc", String(80)),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("site_code", String(64)),  # rows of one site go to that site's stations only; NULL: tenant-wide
    Column("data_enc", LargeBinary),  # events only
)

# The server's version of every synced row (the station's columns, sealed): what a pull hands out.
record = Table(
    "record", metadata,
    Column("entity", String(32), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("site_code", String(64)),
    Column("person_id", String(64), index=True),  # whose row it is, for merges of duplicate persons
    Column("data_enc", LargeBinary, nullable=False),
)

person = Table(
    "person", metadata,
    Column("id", String(64), primary_key=True),
    Column("match_index", String(64), index=True),  # keyed hash of normalised name + date of birth
    Column("deleted_at", DateTime(timezone=True)),
)

# A lot is one lot per tenant: (product, lot number) names it, whichever station received it first.
lot_key = Table(
    "lot_key", metadata,
    Column("product_code", String(32), primary_key=True),
    Column("lot_number", String(32), primary_key=True),
    Column("lot_id", String(64), nullable=False),
)

# Rows merged into others (a lot received at two desks, a duplicate person): references are mapped.
alias = Table(
    "alias", metadata,
    Column("entity", String(32), primary_key=True),
    Column("from_id", String(64), primary_key=True),
    Column("into_id", String(64), nullable=False),
)

# Mutations waiting for a row they need (a dose pushed before its person after a restore), or behind an
# earlier parked mutation of the same station that touches the same rows.
parked = Table(
    "parked", metadata,
    Column("mutation_id", String(64), primary_key=True),
    Column("station_id", String(64), nullable=False, index=True),
    Column("station_seq", Integer, nullable=False),
    Column("waiting_for", String(140), nullable=False, index=True),  # "entity:id" or "mutation:id"
    Column("touches", Text, nullable=False),  # JSON list of "entity:id" the mutation writes
    Column("replay", Boolean, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

slot = Table(
    "slot", metadata,
    Column("id", String(64), primary_key=True),
    Column("site_id", String(64), nullable=False),
    Column("site_code", String(64)),
    Column("starts_at", DateTime(timezone=True), nullable=False, index=True),
    Column("ends_at", DateTime(timezone=True), nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("booked", Integer, nullable=False),
    Column("leased", Integer, nullable=False),  # places held by unexpired leases, not yet used
    Column("product_code", String(32)),
)

appointment = Table(
    "appointment", metadata,
    Column("id", String(64), primary_key=True),
    Column("slot_id", String(64), nullable=False, index=True),
    Column("person_id", String(64), nullable=False),
    Column("code_index", String(64), unique=True),
    Column("state", String(16), nullable=False),
    Column("holding", Boolean, nullable=False),
    Column("lease_id", String(36)),
    Column("origin", String(64), nullable=False),
)

vaccination = Table(
    "vaccination", metadata,
    Column("id", String(64), primary_key=True),
    Column("person_id", String(64), nullable=False, index=True),
    Column("product_code", String(32)),
    Column("given_day", String(10)),
    Column("voided", Boolean, nullable=False),
)

lease = Table(
    "lease", metadata,
    Column("id", String(36), primary_key=True),
    Column("request_id", String(64)),  # the station's id for the request: a retry gets the same lease
    Column("station_id", String(64), nullable=False),
    Column("slot_id", String(64), nullable=False),
    Column("places", Integer, nullable=False),
    Column("used", Integer, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_lease_station_slot", "station_id", "slot_id"),
    UniqueConstraint("station_id", "request_id", name="uq_lease_request"),
)

review_task = Table(
    "review_task", metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Column("data_enc", LargeBinary, nullable=False),
)

signer = Table(
    "signer", metadata,
    Column("kid", String(32), primary_key=True),
    Column("certificate", LargeBinary, nullable=False),
    Column("key_enc", LargeBinary, nullable=False),
    Column("active", Boolean, nullable=False),
)

# The stations' audit logs, append-only (issue 16): each entry as its station chained it, its content
# sealed with the tenant key, and every head a station reported, so a station cannot trim or rewrite
# what the server has seen.
audit_entry = Table(
    "audit_entry", metadata,
    Column("station_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(64), nullable=False),
    Column("sealed", LargeBinary, nullable=False),  # id, staff, entity, details: the tenant key seals them
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Index("ix_audit_entry_at", "at"),
)

audit_head = Table(
    "audit_head", metadata,
    Column("station_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("hash", String(64), nullable=False),
    Column("reported_at", DateTime(timezone=True), nullable=False),
)


# ---- the public edge (issue 17): added tables only, created on open by create_all ---------------

public_setting = Table(
    "public_setting", metadata,  # per-tenant switches of the public edge (sync/server/edge_settings.py)
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

used_challenge = Table(
    "used_challenge", metadata,  # an ALTCHA solution books once, on every instance
    Column("signature", String(128), primary_key=True),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

rate_limit = Table(
    "rate_limit", metadata,  # fixed-window counters when instances share limits through the database
    Column("key", String(200), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

mail_outbox = Table(
    "mail_outbox", metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("data_enc", LargeBinary, nullable=False),  # recipient, language and template values, sealed
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, index=True),
    Column("claimed_until", DateTime(timezone=True)),
    Column("sent_at", DateTime(timezone=True)),
    Column("failed_at", DateTime(timezone=True)),
    Column("last_error", String(64)),  # an error class or SMTP code, never the address
)

enrollment_binding = Table(
    "enrollment_binding", metadata,  # the station id an enrollment code may (re-)enroll
    Column("code_hash", String(64), primary_key=True),
    Column("station_id", String(64), nullable=False),
)

# Bookings refused for their place (sync/server/ledger.py, Reconciler._remember_refused_booking): what a
# station recorded on one offline (the person came anyway) is applied without it, never waits for it.
refused_booking = Table(
    "refused_booking", metadata,
    Column("id", String(64), primary_key=True),  # the appointment's id
    Column("station_id", String(64), nullable=False),
    Column("reason_code", String(64), nullable=False),
    Column("refused_at", DateTime(timezone=True), nullable=False),
)

# ---- the citizen's pages and result mails (issue 18) --------------------------------------------

mail_template = Table(
    "mail_template", metadata,  # a tenant's own mail templates over the default set (sync/server/mail_templates.py)
    Column("name", String(80), primary_key=True),  # e.g. result_ready.de.mjml
    Column("body", Text, nullable=False),
)


class UnknownTenant(Exception):
    pass


class TenantExists(VaxDeskError):
    """A reason code: tenant_exists, or tenant_being_created."""

    exit_code = 3


class TenantSchemaMismatch(VaxDeskError):
    """The tenant database was made by a server with another schema version (tenant_schema_mismatch)."""


_CLOCK_OFFSET = timedelta(seconds=clock_offset_s())


def utcnow() -> datetime:
    return datetime.now(UTC) + _CLOCK_OFFSET


def check_tenant_name(name: str) -> str:
    if not TENANT_NAME.fullmatch(name):
        raise AdminInputError("tenant_name_invalid")
    return name


@dataclass
class Tenant:
    """One open tenant database. `write()` transactions are serialised per tenant (see module doc)."""

    name: str
    engine: Engine
    cipher: crypto.TenantCipher
    epoch: str
    is_postgres: bool
    # Writers of this process queue here instead of in SQLite's busy handler, which sleeps in steps of
    # up to 100 ms; other processes still wait in BEGIN IMMEDIATE (busy_timeout).
    _local_writers: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction holding the tenant's write lock: SQLite BEGIN IMMEDIATE, PostgreSQL a row lock
        on the change counter. Change numbers are therefore handed out in commit order."""
        local = contextlib.nullcontext() if self.is_postgres else self._local_writers
        with local, self.engine.connect().execution_options(vaxdesk_write=True) as conn:
            try:
                with conn.begin():
                    counter = None
                    if self.is_postgres:
                        counter = conn.execute(_COUNTER_FOR_UPDATE).scalar_one()
                    conn.info[_COUNTER_KEY] = None if counter is None else int(counter)
                    yield conn
            finally:
                conn.info.pop(_COUNTER_KEY, None)

    def reserve_change_seqs(self, conn: Connection, count: int) -> int:
        """Number `count` changes at once (one counter update per transaction part); returns the first.
        Only inside `write()`, whose lock makes the numbers follow commit order."""
        current = conn.info.get(_COUNTER_KEY)
        if current is None:
            current = int(conn.execute(_COUNTER).scalar_one())
        conn.execute(_SET_COUNTER, {"v": str(current + count)})
        conn.info[_COUNTER_KEY] = current + count
        return int(current) + 1

    def next_change_seq(self, conn: Connection) -> int:
        return self.reserve_change_seqs(conn, 1)


_TENANT_NAME = select(meta.c.value).where(meta.c.key == "tenant")
_COUNTER_KEY = "vaxdesk_change_seq"
_COUNTER = select(meta.c.value).where(meta.c.key == "change_seq")
_COUNTER_FOR_UPDATE = _COUNTER.with_for_update()
_SET_COUNTER = update(meta).where(meta.c.key == "change_seq").values(value=bindparam("v"))


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"isolation_level": None, "check_same_thread": False, "timeout": 60},
        pool_size=8, max_overflow=64,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA busy_timeout = 60000")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("vaxdesk_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Registry:
    """Finds and opens tenant databases. Holds engines only (no request state): any number of server
    processes can share the same data dir or cluster."""

    def __init__(self, *, data_dir: Path, database_url: str | None = None, master_key: bytes | None = None):
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        # Once tenants exist a missing key is an error, never replaced: a new key would open none of them.
        self.master_key = master_key if master_key is not None else crypto.load_master_key(
            self.data_dir, create=not self.names())
        self._open: dict[str, Tenant] = {}
        self._lock = threading.Lock()

    # -- locations ---------------------------------------------------------------------

    def _sqlite_path(self, name: str) -> Path:
        return self.data_dir / "tenants" / f"{name}.sqlite"

    def _pg_url(self, database: str) -> Any:
        assert self.database_url is not None
        url = make_url(self.database_url)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url.difference_update_query(["pgbouncer"]).set(database=database)

    @property
    def _pg_connect_args(self) -> dict[str, Any]:
        # Behind pgbouncer in transaction mode (`?pgbouncer=true` on the URL) a server-side prepared
        # statement may land on another server connection: psycopg must not prepare.
        assert self.database_url is not None
        pooled = make_url(self.database_url).query.get("pgbouncer") in ("true", "1", "yes")
        return {"prepare_threshold": None} if pooled else {}

    @staticmethod
    def _pg_database(name: str) -> str:
        return "vaxdesk_" + name.replace("-", "_")

    def _pg_admin(self) -> Engine:
        assert self.database_url is not None
        admin_db = make_url(self.database_url).database or "postgres"
        return create_engine(self._pg_url(admin_db), poolclass=NullPool, isolation_level="AUTOCOMMIT",
                             connect_args=self._pg_connect_args)

    def _engine_for(self, name: str) -> Engine:
        if self.database_url:
            return create_engine(self._pg_url(self._pg_database(name)), pool_size=20, max_overflow=60,
                                 pool_timeout=60, connect_args=self._pg_connect_args)
        return _sqlite_engine(self._sqlite_path(name))

    def names(self) -> list[str]:
        """Every tenant in this storage, by name (PostgreSQL: read from each database's meta row)."""
        if not self.database_url:
            folder = self.data_dir / "tenants"
            return sorted(f.stem for f in folder.glob("*.sqlite")) if folder.is_dir() else []
        admin = self._pg_admin()
        try:
            with admin.connect() as conn:
                databases = [str(d) for d in conn.execute(text(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'vaxdesk\\_%' ORDER BY datname")).scalars()]
        finally:
            admin.dispose()
        found = []
        for database in databases:
            engine = create_engine(self._pg_url(database), poolclass=NullPool, connect_args=self._pg_connect_args)
            try:
                with engine.connect() as conn:
                    name = conn.execute(_TENANT_NAME).scalar_one_or_none()
            except Exception:  # a half-created database or a foreign one: not a tenant
                name = None
            finally:
                engine.dispose()
            if name is not None:
                found.append(str(name))
        return found

    def unusable_tenants(self) -> list[str]:
        """Tenants whose data key the master key cannot unwrap (readiness fails while there are any)."""
        bad = []
        for name in self.names():
            try:
                self.get(name)
            except crypto.MasterKeyError:
                bad.append(name)
        return bad

    def exists(self, name: str) -> bool:
        if not TENANT_NAME.fullmatch(name):
            return False
        if self.database_url:
            admin = self._pg_admin()
            try:
                with admin.connect() as conn:
                    found = conn.execute(
                        text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": self._pg_database(name)}
                    ).first()
            finally:
                admin.dispose()
            return found is not None
        return self._sqlite_path(name).exists()

    # -- lifecycle ---------------------------------------------------------------------

    def create(self, name: str) -> Tenant:
        check_tenant_name(name)
        if self.exists(name):
            raise TenantExists(code="tenant_exists", params={"tenant": name})
        if self.database_url:
            admin = self._pg_admin()
            try:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'CREATE DATABASE "{self._pg_database(name)}"')
            finally:
                admin.dispose()
        else:
            # Built under another name and linked into place when complete: a server listing the tenants
            # (its mail sender, its readiness check) must never open a half-made file and race this
            # creation for the schema (seen as "database is locked" on the new file).
            path = self._sqlite_path(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            building = path.with_name(path.name + ".creating")
            try:
                os.close(os.open(building, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                raise TenantExists(code="tenant_being_created", params={"tenant": name, "path": str(building)}) from None
        engine = self._engine_for(name) if self.database_url else _sqlite_engine(building)
        metadata.create_all(engine)
        data_key = os.urandom(32)
        with engine.begin() as conn:
            conn.execute(meta.insert(), [
                {"key": "tenant", "value": name},
                {"key": "schema_version", "value": SCHEMA_VERSION},
                {"key": "epoch", "value": secrets.token_hex(8)},
                {"key": "change_seq", "value": "0"},
                {"key": "data_key", "value": crypto.wrap_data_key(self.master_key, data_key, name)},
                {"key": "created_at", "value": utcnow().isoformat()},
            ])
        if not self.database_url:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file it links
        engine.dispose()
        if not self.database_url:
            try:
                os.link(building, path)  # fails if the name was taken meanwhile: never overwrites a tenant
            except FileExistsError:
                raise TenantExists(code="tenant_exists", params={"tenant": name}) from None
            finally:
                for leftover in (building, building.with_name(building.name + "-wal"),
                                 building.with_name(building.name + "-shm")):
                    leftover.unlink(missing_ok=True)
        log.info("tenant created", extra={"tenant": name})
        return self.get(name)

    def get(self, name: str) -> Tenant:
        with self._lock:
            tenant = self._open.get(name)
            if tenant is not None:
                return tenant
            if not self.exists(name):
                raise UnknownTenant(name)
            engine = self._engine_for(name)
            metadata.create_all(engine)  # tables added since the tenant was created (only ever added)
            with engine.connect() as conn:
                values = {str(k): str(v) for k, v in conn.execute(select(meta.c.key, meta.c.value)).all()}
            if values.get("schema_version") != SCHEMA_VERSION:
                engine.dispose()
                raise TenantSchemaMismatch(code="tenant_schema_mismatch", params={
                    "tenant": name, "found": values.get("schema_version"), "needed": SCHEMA_VERSION})
            try:
                data_key = crypto.unwrap_data_key(self.master_key, values["data_key"], name)
            except crypto.MasterKeyError:
                engine.dispose()
                raise
            try:
                metadata.create_all(engine)  # tables added by later versions (only ever new tables)
            except SQLAlchemyError:
                metadata.create_all(engine)  # another instance created one at the same moment: now it exists
            tenant = Tenant(name=name, engine=engine, cipher=crypto.TenantCipher(data_key),
                            epoch=values["epoch"], is_postgres=self.database_url is not None)
            self._open[name] = tenant
            return tenant

    def opened(self) -> list[Tenant]:
        """The tenants this process has open (background work walks these)."""
        with self._lock:
            return list(self._open.values())

    def new_epoch(self, name: str) -> str:
        """After restoring a tenant database from a backup: stations re-push what the backup lacks."""
        tenant = self.get(name)
        epoch = secrets.token_hex(8)
        with tenant.write() as conn:
            conn.execute(update(meta).where(meta.c.key == "epoch").values(value=epoch))
        tenant.epoch = epoch
        return epoch

    def close(self) -> None:
        with self._lock:
            for tenant in self._open.values():
                tenant.engine.dispose()
            self._open.clear()
