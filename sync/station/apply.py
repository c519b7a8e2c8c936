"""Applying pulled changes to the station database, inside the caller's transaction: server
reconciliation on the station side.

Each `<entity>.put` carries the server's whole row; it replaces the local row. Then every local
mutation the server has not confirmed yet (pending, parked, or applied but not yet pulled back) that
wrote one of those rows is applied again on top (rebase, as Replicache and Zero do): the station's
view is the server's latest version plus its own unconfirmed work, so an older change never wins over
a newer one and nothing depends on filtering echoes.

A change this station cannot apply — a row that fails the shared typed model, an unknown kind, a row
whose parent it cannot have — is quarantined with its reason and the pull goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.names import phonetic_key, search_key
from app.storage.schema import Base, Outbox, Site, Staff, SyncAlias, SyncQuarantine, SyncServerRow
from sync import mutations as mx
from sync import protocol as p
from sync.records import ENTITIES, ORDER, RecordError

log = logging.getLogger(__name__)

# Columns that point at people of the staff: staff accounts sync tenant-wide, but one may not have
# reached this station yet (or come from an older server), so such a reference is kept empty rather than refused.
STAFF_COLUMNS = frozenset({"checked_in_by", "id_checked_by", "received_by", "opened_by", "staff_id",
                           "issued_by", "revoked_by", "ordered_by", "sampled_by", "resulted_by",
                           "review_acknowledged_by"})
# What an identity merge may move on an append-only dose.
REPOINTABLE = {"vaccination": ("person_id", "lot_id")}
IN_FLIGHT = ("pending", "parked")


def site_map(session: Session, *, own_site_id: str, tenant: str, sites: dict[str, str]) -> dict[str, str]:
    """Stations make their site row themselves, so one site has an id per station: map every id the
    server knows to this station's row for that site code (creating rows for other sites)."""
    own_code = session.get(Site, own_site_id)
    mapping: dict[str, str] = {}
    for remote_id, code in sorted(sites.items()):
        if own_code is not None and code == own_code.code:
            mapping[remote_id] = own_site_id
            continue
        local = session.scalars(select(Site.id).where(Site.tenant == tenant, Site.code == code)).first()
        if local is None:
            session.add(Site(id=remote_id, tenant=tenant, code=code, name=code))
            session.flush()
            local = remote_id
        mapping[remote_id] = local
    return mapping


@dataclass
class Pending:
    """A local mutation the server's rows do not contain yet, with the rows it wrote."""

    mutation_id: str
    station_seq: int
    change_seq: int | None
    state: str
    rows: tuple[mx.Row, ...]

    def confirmed_by(self, cursor: int) -> bool:
        return self.state == "applied" and self.change_seq is not None and self.change_seq <= cursor


@dataclass
class Unconfirmed:
    """The station's unconfirmed mutations, indexed by the rows they wrote (loaded once per pull)."""

    items: list[Pending] = field(default_factory=list)
    by_row: dict[tuple[str, str], list[Pending]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, *, cursor: int) -> Unconfirmed:
        out = cls()
        rows = session.execute(
            select(Outbox.mutation_id, Outbox.station_seq, Outbox.change_seq, Outbox.state, Outbox.kind,
                   Outbox.payload)
            .where((Outbox.state.in_(IN_FLIGHT)) | ((Outbox.state == "applied") & (Outbox.change_seq > cursor)))
            .order_by(Outbox.station_seq)).all()
        for r in rows:
            try:
                parsed = mx.parse(r.kind, r.payload)
            except mx.MutationError:
                continue  # an old-format mutation: nothing to replay
            item = Pending(r.mutation_id, r.station_seq, r.change_seq, r.state, parsed.rows)
            out.items.append(item)
            for row in parsed.rows:
                out.by_row.setdefault((row.entity, row.id), []).append(item)
        return out

    def touching(self, keys: Iterable[tuple[str, str]], *, cursor: int) -> list[Pending]:
        found: dict[str, Pending] = {}
        for key in keys:
            for item in self.by_row.get(key, ()):
                if not item.confirmed_by(cursor):
                    found[item.mutation_id] = item
        return sorted(found.values(), key=lambda i: i.station_seq)

    def settle(self, mutation_id: str, state: str, change_seq: int | None) -> None:
        for item in self.items:
            if item.mutation_id == mutation_id:
                item.state = state
                item.change_seq = change_seq


@dataclass
@dataclass(frozen=True)
class PulledRow:
    """A row a pull wrote (or an identity merge moved), for the pages that show it: `person_id` is the
    person whose data it is (the person row itself, their booking, visit, dose), None for rows of no one.
    `id` None: rows of this entity, too many to name one by one."""

    entity: str
    id: str | None
    person_id: str | None = None


class PageResult:
    applied: int = 0
    quarantined: int = 0
    rebased: int = 0

    def __init__(self) -> None:
        self.written: list[PulledRow] = []


class ChangeApplier:
    def __init__(self, session: Session, *, station_id: str, sites: dict[str, str],
                 unconfirmed: Unconfirmed | None = None) -> None:
        self.session = session
        self.station_id = station_id
        self.sites = sites
        self.unconfirmed = unconfirmed or Unconfirmed()
        self.tables = Base.metadata.tables
        self._staff: set[str] | None = None
        self._aliases: dict[tuple[str, str], str] | None = None

    # ---- a page ---------------------------------------------------------------------------

    def apply_page(self, changes: Sequence[p.Change], *, cursor: int) -> PageResult:
        """Apply one page in server order; `cursor` is where the pull stands after this page."""
        result = PageResult()
        puts: dict[str, dict[str, tuple[int, dict[str, Any]]]] = {}  # entity -> id -> (seq, row)
        tail: list[p.Change] = []
        for c in changes:
            entity, _, verb = c.kind.rpartition(".")
            if verb == "put" and entity in ENTITIES:
                row = self._typed(c, entity)
                if row is None:
                    result.quarantined += 1
                    continue
                puts.setdefault(entity, {})[str(c.payload.get("id"))] = (c.seq, row)
            elif c.kind in ("lot.merged", "person.merged", "mutation.settled"):
                tail.append(c)
            else:
                self._quarantine(c, "unknown_kind")
                result.quarantined += 1
        written: list[tuple[str, str]] = []
        for entity in ORDER:
            if entity in puts:
                written += self._write(entity, puts[entity], result)
        for c in tail:
            self._follow(c, result)
        # Rebase: the station's own unconfirmed work goes back on top of what the server said.
        for item in self.unconfirmed.touching(written, cursor=cursor):
            keys = set(written)
            for mine in item.rows:
                if mine.op == "update" and (mine.entity, mine.id) in keys:
                    self._replay(mine)
                    result.rebased += 1
        result.applied = len(written)
        self._remember_server_rows(changes)
        return result

    # ---- one change -----------------------------------------------------------------------

    def _typed(self, c: p.Change, entity: str) -> dict[str, Any] | None:
        row_id = c.payload.get("id")
        try:
            if not isinstance(row_id, str) or not 0 < len(row_id) <= 64:
                raise RecordError("invalid_field", entity=entity, field="id")
            values = ENTITIES[entity].check({k: v for k, v in c.payload.items() if k != "id"}, complete=True)
        except RecordError as exc:
            self._quarantine(c, exc.code)
            return None
        values["id"] = row_id
        return values

    def _quarantine(self, c: p.Change, reason: str) -> None:
        log.warning("pulled change quarantined", extra={"seq": c.seq, "kind": c.kind[:64], "reason": reason})
        entity_id = c.payload.get("id") if isinstance(c.payload.get("id"), str) else None
        self.session.execute(sqlite_insert(SyncQuarantine).values(
            seq=c.seq, kind=c.kind[:64], entity_id=entity_id[:64] if entity_id else None,
            payload=_storable(c.payload), reason_code=reason[:64], at=datetime.now(UTC)).on_conflict_do_nothing())

    def _follow(self, c: p.Change, result: PageResult) -> None:
        pl = c.payload
        if c.kind == "mutation.settled":
            mid, outcome = pl.get("mutation_id"), pl.get("outcome")
            if isinstance(mid, str) and outcome in ("applied", "rejected"):
                self.session.execute(update(Outbox).where(Outbox.mutation_id == mid, Outbox.state == "parked")
                                     .values(state=outcome, reason_code=_code(pl.get("reason_code")),
                                             change_seq=c.seq if outcome == "applied" else None))
                self.unconfirmed.settle(mid, str(outcome), c.seq)
            return
        gone, into = pl.get("from"), pl.get("into")
        if not isinstance(gone, str) or not isinstance(into, str) or gone == into:
            self._quarantine(c, "invalid_payload")
            return
        entity = c.kind.split(".", 1)[0]
        self._merge(entity, gone, into)
        # Both records changed: the one merged away is gone, the one kept has gained its rows.
        result.written += [PulledRow(entity, row_id, row_id if entity == "person" else None) for row_id in (gone, into)]

    def _merge(self, entity: str, gone: str, into: str, *, arriving: bool = False) -> None:
        """The server merged `gone` into `into`: local references follow, also those of work not yet pushed.
        `arriving`: the server's row is written right after (in this transaction), so foreign keys are
        checked at commit and this station's row of the same lot goes first (it holds the lot's key)."""
        if arriving:
            self.session.execute(text("PRAGMA defer_foreign_keys = ON"))
        # Aliases stay flat and acyclic: whatever pointed at `gone` now points at `into`, and `into` is a
        # real row again (after a restore the server may keep the other of the two).
        self.session.execute(update(SyncAlias).where(SyncAlias.entity == entity, SyncAlias.into_id == gone)
                             .values(into_id=into))
        self.session.execute(delete(SyncAlias).where(SyncAlias.entity == entity, SyncAlias.from_id == into))
        self.session.execute(sqlite_insert(SyncAlias).values(entity=entity, from_id=gone, into_id=into)
                             .on_conflict_do_update(index_elements=["entity", "from_id"], set_={"into_id": into}))
        self._aliases = None
        column = f"{entity}_id"
        conn = self.session.connection()
        for name, target in ENTITIES.items():
            if target.parents.get(column) == entity:
                table = self.tables[name]
                conn.execute(update(table).where(table.c[column] == gone).values({column: into}))
        if entity == "lot":
            lot = self.tables["lot"]
            if arriving or conn.execute(select(lot.c.id).where(lot.c.id == into)).first() is not None:
                conn.execute(delete(lot).where(lot.c.id == gone))

    # ---- writing rows -----------------------------------------------------------------------

    def _write(self, entity: str, rows: dict[str, tuple[int, dict[str, Any]]], result: PageResult) -> list[tuple[str, str]]:
        table = self.tables[entity]
        prepared = []
        for row_id, (seq, values) in rows.items():
            local = self._local(table, values)
            if local is None:
                self._quarantine_row(entity, seq, values, "missing_field")
                result.quarantined += 1
                continue
            prepared.append((seq, row_id, local))
        if entity == "lot":
            for _seq, row_id, local in prepared:
                self._claim_lot(row_id, local)
        try:
            with self.session.begin_nested():
                self._put_rows(table, [local for _s, _i, local in prepared])
        except IntegrityError:
            # One bad row must not stop the others: find it row by row.
            kept = []
            for seq, row_id, local in prepared:
                try:
                    with self.session.begin_nested():
                        self._put_rows(table, [local])
                    kept.append((seq, row_id, local))
                except IntegrityError as exc:
                    reason = "missing_parent" if "FOREIGN KEY" in str(exc.orig) else "conflict"
                    log.warning("pulled row not applied", extra={"entity": entity, "reason": reason})
                    self._quarantine_row(entity, seq, local, reason)
                    result.quarantined += 1
            prepared = kept
        result.written += [PulledRow(entity, row_id, _owner(entity, local)) for _s, row_id, local in prepared]
        return [(entity, row_id) for _s, row_id, _l in prepared]

    def _put_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert the rows this station lacks, update the others (plain statements, not UPSERT: SQLite
        would let an UPSERT's conflict policy override the OR IGNORE inside the person triggers)."""
        if not rows:
            return
        conn = self.session.connection()
        ids = [r["id"] for r in rows]
        have: set[str] = set()
        for i in range(0, len(ids), 500):
            have.update(conn.execute(select(table.c.id).where(table.c.id.in_(ids[i:i + 500]))).scalars())
        fresh = [r for r in rows if r["id"] not in have]
        known = [r for r in rows if r["id"] in have]
        if fresh:
            conn.execute(insert(table), fresh)
        if not known:
            return
        entity = ENTITIES[table.name]
        columns = list(REPOINTABLE.get(table.name, ())) if entity.immutable else \
            [c.key for c in table.columns if c.key != "id" and self._synced(table.name, c.key)]
        if columns:
            statement = update(table).where(table.c.id == bindparam("_id")).values(
                {c: bindparam(c) for c in columns})
            conn.execute(statement, [{"_id": r["id"], **{c: r[c] for c in columns}} for r in known])

    @staticmethod
    def _synced(entity: str, column: str) -> bool:
        return column in ENTITIES[entity].columns or (entity == "person" and column in _PERSON_DERIVED)

    def _local(self, table: Table, values: dict[str, Any]) -> dict[str, Any] | None:
        """The server's row as this station stores it: its own site ids, staff it knows, aliases applied,
        columns the server does not carry at their defaults. None when a required parent is missing."""
        plan = _plan(table)
        row = dict(values)
        site = row.get("site_id")
        if isinstance(site, str):
            row["site_id"] = self.sites.get(site, site)
        for column in plan.staff:
            if row.get(column) is not None and row[column] not in self._known_staff():
                row[column] = None
        if plan.aliased:
            for column, parent in plan.aliased:
                value = row.get(column)
                if isinstance(value, str):
                    row[column] = self._alias(parent, value)
        if table.name == "staff" and self._staff is not None:
            self._staff.add(str(row["id"]))  # rows later in the page may name them
        if table.name == "person":
            row.update(family_key=search_key(str(row["family_name"])), given_key=search_key(str(row["given_name"])),
                       phonetic_key=phonetic_key(str(row["family_name"])))
        for key, default in plan.defaults:
            if key not in row:
                row[key] = default
        for key in plan.stamped:
            if row.get(key) is None:
                row[key] = datetime.now(UTC)
        if any(row.get(key) is None for key in plan.required):
            return None
        return {k: row.get(k) for k in plan.columns}

    def _quarantine_row(self, entity: str, seq: int, values: dict[str, Any], reason: str) -> None:
        self._quarantine(p.Change(seq=seq, origin="?", mutation_id=None, kind=f"{entity}.put",
                                  payload=_storable(values), hlc=None, at=datetime.now(UTC)), reason)

    def _claim_lot(self, row_id: str, local: dict[str, Any]) -> None:
        """The server's lot has another id than this station's lot of the same product and number (both
        desks received it): this station's references move to the server's lot."""
        lot = self.tables["lot"]
        mine = self.session.connection().execute(select(lot.c.id).where(
            lot.c.product_code == local["product_code"], lot.c.lot_number == local["lot_number"],
            lot.c.id != row_id)).scalar_one_or_none()
        if mine is not None:
            self._merge("lot", str(mine), row_id, arriving=True)

    def _replay(self, row: mx.Row) -> None:
        table = self.tables[row.entity]
        values = {k: v for k, v in row.values.items() if k in table.c and k not in mx.SERVER_OWNED.get(row.entity, ())}
        if "site_id" in values and isinstance(values["site_id"], str):
            values["site_id"] = self.sites.get(values["site_id"], values["site_id"])
        for column, parent in ENTITIES[row.entity].parents.items():
            if isinstance(values.get(column), str):
                values[column] = self._alias(parent, values[column])
        if values:
            self.session.connection().execute(update(table).where(table.c.id == self._alias(row.entity, row.id))
                                              .values(**values))

    def _remember_server_rows(self, changes: Sequence[p.Change]) -> None:
        """Rows the server made itself, so they can be offered back after a server restore."""
        mine = [{"entity": c.kind.rpartition(".")[0], "id": c.payload["id"], "seq": c.seq} for c in changes
                if c.origin == p.SERVER_ORIGIN and c.kind in ("person.put", "appointment.put")
                and c.mutation_id is None and isinstance(c.payload.get("id"), str)]
        if mine:
            statement = sqlite_insert(SyncServerRow)
            self.session.execute(statement.on_conflict_do_update(
                index_elements=["entity", "id"], set_={"seq": statement.excluded.seq}), mine)

    # ---- lookups ---------------------------------------------------------------------------

    def _known_staff(self) -> set[str]:
        if self._staff is None:
            self._staff = set(self.session.scalars(select(Staff.id)))
        return self._staff

    def _alias(self, entity: str, row_id: str) -> str:
        if self._aliases is None:
            self._aliases = {(a.entity, a.from_id): a.into_id for a in self.session.scalars(select(SyncAlias))}
        return self._aliases.get((entity, row_id), row_id)


_PERSON_DERIVED = frozenset({"family_key", "given_key", "phonetic_key"})


@dataclass(frozen=True)
class _Plan:
    """How a pulled row becomes a row of one local table, worked out once per table."""

    columns: tuple[str, ...]
    defaults: tuple[tuple[str, Any], ...]  # columns the server does not send, at their local default
    stamped: tuple[str, ...]  # created_at / updated_at: now when missing
    required: tuple[str, ...]  # NOT NULL columns that must come from the server
    staff: tuple[str, ...]
    aliased: tuple[tuple[str, str], ...]  # (column, entity) references that may name a merged row


_PLANS: dict[str, _Plan] = {}


def _plan(table: Table) -> _Plan:
    found = _PLANS.get(table.name)
    if found is None:
        entity = ENTITIES[table.name]
        defaults, stamped, required = [], [], []
        for col in table.columns:
            if col.key in entity.columns or col.key in _PERSON_DERIVED:
                if not col.nullable and col.key != "id" and col.key not in ("created_at", "updated_at") and \
                        col.key not in _PERSON_DERIVED and (col.default is None or not col.default.is_scalar):
                    required.append(col.key)
                if col.key in ("created_at", "updated_at"):
                    stamped.append(col.key)
                continue
            if col.default is not None and col.default.is_scalar:
                defaults.append((col.key, getattr(col.default, "arg", None)))
            elif col.nullable:
                defaults.append((col.key, None))
            elif col.key in ("created_at", "updated_at"):
                stamped.append(col.key)
            else:
                required.append(col.key)
        for col in table.columns:
            if col.key in entity.columns and col.default is not None and col.default.is_scalar:
                defaults.append((col.key, getattr(col.default, "arg", None)))
        found = _Plan(columns=tuple(c.key for c in table.columns), defaults=tuple(defaults), stamped=tuple(stamped),
                      required=tuple(required), staff=tuple(sorted(STAFF_COLUMNS & set(entity.columns))),
                      aliased=tuple((c, p) for c, p in entity.parents.items() if p in ("lot", "person")))
        _PLANS[table.name] = found
    return found


def _storable(values: dict[str, Any]) -> dict[str, Any]:
    """A quarantined payload as JSON the station can keep (it failed the typed model; keep it small)."""
    text = json.dumps(values, default=str)[:20_000]
    try:
        out = json.loads(text)
        return out if isinstance(out, dict) else {"text": text}
    except ValueError:
        return {"text": text}


def _owner(entity: str, row: dict[str, Any]) -> str | None:
    """The person whose data a pulled row is (as this station stores it, aliases applied): the person row
    itself, or the person it names."""
    owner = row.get("id") if entity == "person" else row.get("person_id")
    return owner if isinstance(owner, str) else None


def _code(value: Any) -> str | None:
    return value[:64] if isinstance(value, str) else None

