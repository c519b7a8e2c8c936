"""Applying a pulled page of changes to the station database, inside the caller's transaction.

Inserts are idempotent (`INSERT OR IGNORE`), so a page applied twice changes nothing. Rows with pending
local mutations are never overwritten: the station's own change reaches the server first and the
server's merged answer comes back in a later page. References to rows this station cannot have
(staff of other stations) are cleared when the column allows it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, insert, select, update
from sqlalchemy.orm import Session

from app.storage.schema import Base, Outbox, Site
from sync import protocol as p

log = logging.getLogger(__name__)

# Tables in the order their rows may reference each other (parents first).
ORDER = ("person", "slot", "lot", "vial", "appointment", "visit", "vaccination", "vaccination_void",
         "stock_event", "adverse_event", "certificate", "review_task")
PERSON_FIELDS = ("family_name", "given_name", "dob", "sex", "street", "postcode", "city", "country",
                 "phone", "email", "insurance_number")
VISIT_ALIASES = {"at": "state_changed_at", "reason": "left_reason", "document_type": "id_document_type"}


@dataclass
class PageWork:
    """What one page turns into: rows to insert per table, then updates in server order."""

    at: datetime
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    skipped: int = 0

    def insert(self, table: str, row: dict[str, Any]) -> None:
        self.inserts.setdefault(table, []).append(row)

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        if values:
            self.updates.append((table, row_id, values))


def pending_entity_ids(session: Session) -> set[str]:
    """Ids of rows that local mutations still waiting for the server touch."""
    ids: set[str] = set()
    for payload in session.scalars(select(Outbox.payload).where(Outbox.state == "pending")):
        ids.update(_ids_in(payload))
    return ids


def _ids_in(payload: Any) -> Iterable[str]:
    if isinstance(payload, dict):
        value = payload.get("id")
        if isinstance(value, str):
            yield value
        for key in ("vaccination", "visit", "void"):
            yield from _ids_in(payload.get(key))


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


def _dt(value: Any) -> Any:
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return value


_PLAIN, _DATETIME, _DATE = 0, 1, 2
_KINDS: dict[Table, dict[str, int]] = {}
_TEMPLATES: dict[Table, list[tuple[str, Any, bool]]] = {}


def _column_kinds(table: Table) -> dict[str, int]:
    kinds = _KINDS.get(table)
    if kinds is None:
        kinds = {c.key: _DATETIME if _is_datetime(c.type) else _DATE if isinstance(c.type, Date) else _PLAIN
                 for c in table.columns}
        _KINDS[table] = kinds
    return kinds


def _convert(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    kinds = _column_kinds(table)
    out = {}
    for key, value in values.items():
        kind = kinds.get(key)
        if kind is None:
            continue
        if kind == _DATETIME:
            value = _dt(value)
        elif kind == _DATE and isinstance(value, str):
            value = date.fromisoformat(value[:10])
        out[key] = value
    return out


def _template(table: Table) -> list[tuple[str, Any, bool]]:
    """Per column: its key, the value when a row lacks it, and whether that value is the change's time."""
    template = _TEMPLATES.get(table)
    if template is None:
        template = []
        for column in table.columns:
            if column.default is not None and column.default.is_scalar:
                template.append((column.key, getattr(column.default, "arg", None), False))
            elif not column.nullable and _is_datetime(column.type):
                template.append((column.key, None, True))
            else:
                template.append((column.key, None, False))
        _TEMPLATES[table] = template
    return template


def _complete(table: Table, row: dict[str, Any], at: datetime) -> dict[str, Any]:
    return {key: row.get(key, at if use_at else default)
            for key, default, use_at in _template(table)}


def _is_datetime(type_: Any) -> bool:
    return isinstance(type_, DateTime) or isinstance(getattr(type_, "impl", None), DateTime) or \
        getattr(type_, "impl", None) is DateTime


class ChangeApplier:
    def __init__(self, session: Session, *, station_id: str, sites: dict[str, str]) -> None:
        self.session = session
        self.station_id = station_id
        self.sites = sites
        self.tables = Base.metadata.tables

    def _site(self, value: Any) -> Any:
        return self.sites.get(value, value) if isinstance(value, str) else value

    def apply_page(self, changes: Sequence[p.Change], *, pending: set[str]) -> int:
        """Returns how many changes were applied (own echoes and unknown kinds are not)."""
        applied = 0
        for chunk in _chunks([c for c in changes if c.origin != self.station_id], 500):
            work = PageWork(at=chunk[0].at)
            for change in chunk:
                work.at = change.at
                if self._translate(change, work):
                    applied += 1
            self._execute(work, pending)
        return applied

    # ---- translating a change into rows ------------------------------------------------

    def _translate(self, c: p.Change, w: PageWork) -> bool:
        kind, pl = c.kind, c.payload
        entity, _, verb = kind.partition(".")
        at = c.at
        if kind in ("person.created", "person.merged"):
            from app.services.persons import search_columns

            row = {k: pl.get(k) for k in PERSON_FIELDS}
            row.update(id=pl["id"], created_at=at, updated_at=at,
                       **search_columns(str(pl["family_name"]), str(pl["given_name"])))
            w.insert("person", row)
            if kind == "person.merged":
                w.update("person", pl["id"], {k: v for k, v in row.items() if k not in ("id", "created_at")})
            return True
        if kind == "person.deleted":
            w.update("person", pl["id"], {"deleted_at": at})
            return True
        if kind == "slots.opened":
            for s in pl.get("slots", []):
                w.insert("slot", {**s, "site_id": self._site(pl.get("site_id"))})
            return True
        if kind == "appointment.booked":
            w.insert("appointment", {**pl, "site_id": self._site(pl.get("site_id")), "state": "booked",
                                     "state_changed_at": at, "created_at": at})
            return True
        if kind == "lot.received":
            vials = int(pl.get("vials") or 1)
            w.insert("lot", {**pl, "vials_received": vials, "doses_per_vial": int(pl.get("doses", vials)) // vials,
                             "received_at": at})
            if pl.get("stock_event_id"):
                w.insert("stock_event", {"id": pl["stock_event_id"], "lot_id": pl["id"], "kind": "received",
                                         "doses": pl.get("doses", 0), "at": at})
            return True
        if kind == "review.created":
            w.insert("review_task", {**pl, "created_at": at})
            return True
        if kind == "visit.checked_in":
            w.insert("visit", {**pl, "site_id": self._site(pl.get("site_id")), "state": "checked_in",
                               "state_changed_at": at})
            return True
        handled = False
        if entity == "vaccination" or "vaccination" in pl or "void" in pl:
            if isinstance(pl.get("void"), dict):
                w.insert("vaccination_void", pl["void"])
                handled = True
            if isinstance(pl.get("vaccination"), dict):
                v = pl["vaccination"]
                w.insert("vaccination", {**v, "site_id": self._site(v.get("site_id"))})
                handled = True
            if isinstance(pl.get("visit"), dict):
                self._generic_update("visit", pl["visit"], w)
        for event in pl.get("stock_events") or []:
            w.insert("stock_event", event)
            handled = True
        if handled:
            return True
        if entity in self.tables and isinstance(pl.get("id"), str):
            if verb in ("created", "recorded", "opened", "set", "issued") and entity not in ("visit", "appointment"):
                w.insert(entity, {**pl, "site_id": self._site(pl.get("site_id"))} if "site_id" in pl else dict(pl))
            else:
                self._generic_update(entity, pl, w)
            return True
        return False

    def _generic_update(self, entity: str, pl: dict[str, Any], w: PageWork) -> None:
        values = dict(pl)
        row_id = values.pop("id")
        if entity == "visit":
            values = {VISIT_ALIASES.get(k, k): v for k, v in values.items()}
        if entity == "lot" and "reason" in values:
            values["block_reason"] = values.pop("reason")
        if entity == "vial" and "reason" in values:
            values["discard_reason"] = values.pop("reason")
        if entity == "appointment" and "state" in values:
            values.setdefault("state_changed_at", w.at.isoformat())
        w.update(entity, row_id, values)

    # ---- writing -----------------------------------------------------------------------

    def _execute(self, w: PageWork, pending: set[str]) -> None:
        conn = self.session.connection()
        fresh: dict[str, set[str]] = {}
        for name in sorted(w.inserts, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER)):
            table = self.tables[name]
            rows = [_complete(table, _convert(table, r), w.at) for r in w.inserts[name]]
            rows = self._resolve_references(table, rows, fresh)
            if rows:
                conn.execute(insert(table).prefix_with("OR IGNORE"), rows)
                fresh.setdefault(name, set()).update(str(r["id"]) for r in rows)
        for name, row_id, values in w.updates:
            if row_id in pending:
                continue  # the station's own newer change is on its way; the server answers it later
            table = self.tables[name]
            converted = _convert(table, values)
            converted.pop("id", None)
            for column in list(converted):
                fk = next(iter(table.columns[column].foreign_keys), None)
                if fk is not None and converted[column] is not None and not self._exists(
                        fk.column.table, converted[column], fresh):
                    converted[column] = None
            if converted:
                conn.execute(update(table).where(table.c.id == row_id).values(**converted))

    def _exists(self, table: Table, row_id: Any, fresh: dict[str, set[str]]) -> bool:
        if row_id in fresh.get(table.name, ()):
            return True
        pk = next(iter(table.primary_key.columns))
        return self.session.connection().execute(select(pk).where(pk == row_id)).first() is not None

    def _resolve_references(self, table: Table, rows: list[dict[str, Any]],
                            fresh: dict[str, set[str]]) -> list[dict[str, Any]]:
        conn = self.session.connection()
        for column in table.columns:
            for fk in column.foreign_keys:
                target = fk.column.table
                wanted = {r[column.key] for r in rows if r[column.key] is not None}
                if not wanted:
                    continue
                known = set(fresh.get(target.name, set()) & wanted)
                rest = list(wanted - known)
                pk = fk.column
                for i in range(0, len(rest), 500):
                    known.update(conn.execute(select(pk).where(pk.in_(rest[i:i + 500]))).scalars())
                missing = wanted - known
                if not missing:
                    continue
                if column.nullable:
                    for r in rows:
                        if r[column.key] in missing:
                            r[column.key] = None
                else:
                    before = len(rows)
                    rows = [r for r in rows if r[column.key] not in missing]
                    log.warning("pulled rows skipped: missing parent", extra={"table": table.name,
                                                                              "rows": before - len(rows)})
        return rows


def _chunks(items: list[p.Change], size: int) -> Iterable[list[p.Change]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
