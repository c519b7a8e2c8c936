"""The mutation contract: one typed model per mutation kind, shared by the station and the server.

A mutation is what one use case at a station did (a use case that records several synced actions
queues one mutation per action), pushed once and in order:

    {"rows": [{"entity": "visit", "id": "...", "op": "insert" | "update",
               "values": {...}, "before": {...}}],          # the rows the use case wrote
     ...the kind's own few intent fields}                   # e.g. the reason of a cancellation

The station's unit of work collects `rows` from what the use case actually wrote, so a payload can
never forget a field. Each kind says which entities it may insert or update and which intent fields it
carries; `parse()` checks all of it — every value typed by `sync.records` — and refuses anything else
with a reason code. The server's rules (capacity, state machines, identity merges, duplicates) act per
entity operation, so a kind is a permission plus a name people can read in the audit and on the Sync page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from sync.records import Code, Entity, Id, RecordError, Text, entity, to_wire

Op = Literal["insert", "update"]
MAX_ROWS = 500
MAX_PAYLOAD_BYTES = 256 * 1024
# Columns only the server decides; a station never sets them through a mutation.
SERVER_OWNED: dict[str, frozenset[str]] = {
    "appointment": frozenset({"booking_state"}),
    "lot": frozenset(),
    "review_task": frozenset({"kind", "entity", "entity_id", "details", "created_at"}),
    "covid_test": frozenset({"mail_state"}),  # how the result mail stands, as the tenant API's outbox says
}


class MutationError(ValueError):
    """A mutation that cannot be accepted: `code` says why (and `field` where)."""

    def __init__(self, code: str, detail: str = "", *, field: str | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.field = field


@dataclass(frozen=True)
class Access:
    insert: bool = False
    update: bool = False


INSERT = Access(insert=True)
UPDATE = Access(update=True)
BOTH = Access(insert=True, update=True)


@dataclass(frozen=True)
class Kind:
    name: str
    writes: Mapping[str, Access]
    extras: Mapping[str, Any] = field(default_factory=dict)  # intent field -> type
    sync: bool = True  # False: recorded in the audit only, never pushed


@dataclass(frozen=True)
class Row:
    entity: str
    id: str
    op: Op
    values: dict[str, Any]  # typed (datetimes, dates)
    before: dict[str, Any] = field(default_factory=dict)

    def wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"entity": self.entity, "id": self.id, "op": self.op, "values": to_wire(self.values)}
        if self.before:
            out["before"] = to_wire(self.before)
        return out


@dataclass(frozen=True)
class Parsed:
    kind: Kind
    rows: tuple[Row, ...]
    extras: dict[str, Any]


_PERSON_WRITES = {"person": INSERT}
_VISIT_STATE = {"visit": UPDATE, "appointment": UPDATE}
_DOSE = {"vaccination": INSERT, "vaccination_void": INSERT, "stock_event": INSERT, "visit": UPDATE,
         "appointment": UPDATE}

KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("person.created", _PERSON_WRITES),
    Kind("person.updated", {"person": UPDATE}, {"reason": Text(300)}),
    Kind("person.deleted", {"person": UPDATE}),
    Kind("person.merged", {"person": UPDATE, "appointment": UPDATE, "visit": UPDATE, "vaccination": UPDATE,
                           "adverse_event": UPDATE, "review_task": UPDATE},
         {"into": Id, "from": Id}),
    Kind("person.purged", {}, sync=False),  # local retention: the server keeps its copy
    Kind("slots.opened", {"slot": INSERT}),
    Kind("opening_rule.set", {"opening_rule": INSERT}),
    Kind("closure.set", {"closure": INSERT}),
    Kind("appointment.booked", {"appointment": INSERT}),
    Kind("appointment.cancelled", {"appointment": UPDATE}, {"reason": Text(200)}),
    Kind("appointment.no_show", {"appointment": UPDATE}),
    Kind("appointment.checked_in", {"appointment": UPDATE}, {"arrival": Code}),
    Kind("visit.checked_in", {"visit": INSERT}),
    Kind("visit.identity_checked", {"visit": UPDATE}),
    Kind("visit.questionnaire", {"visit": UPDATE}),
    Kind("visit.review_acknowledged", {"visit": UPDATE}),
    Kind("visit.with_doctor", _VISIT_STATE),
    Kind("visit.returned_to_waiting", _VISIT_STATE),
    Kind("visit.observation", _VISIT_STATE),
    Kind("visit.done", _VISIT_STATE),
    Kind("visit.left", _VISIT_STATE),
    Kind("vaccination.recorded", _DOSE),
    Kind("vaccination.external_recorded", {"vaccination": INSERT}),
    Kind("vaccination.voided", _DOSE),
    Kind("vaccination.corrected", _DOSE),
    Kind("adverse_event.recorded", {"adverse_event": INSERT}),
    Kind("lot.received", {"lot": INSERT, "stock_event": INSERT}),
    Kind("lot.blocked", {"lot": UPDATE}),
    Kind("vial.opened", {"vial": INSERT, "stock_event": INSERT}),
    Kind("vial.discarded", {"vial": UPDATE, "stock_event": INSERT}),
    Kind("certificate.issued", {"certificate": INSERT}),
    Kind("certificate.voucher", {"certificate": INSERT}),
    Kind("certificate.revoked", {"certificate": UPDATE}, {"reason": Text(300)}),
    Kind("certificate.signed", {"certificate": UPDATE}),  # a voucher signed once a signer was at hand
    Kind("certificate.printed", {"certificate": UPDATE}),
    Kind("infection.recorded", {"infection": INSERT}),
    Kind("infection.voided", {"infection": UPDATE}),
    Kind("test.ordered", {"covid_test": INSERT}),
    Kind("test.sampled", {"covid_test": UPDATE}),
    Kind("test.resulted", {"covid_test": UPDATE}),  # a positive NAAT's infection travels as infection.recorded
    Kind("test.voided", {"covid_test": UPDATE}, {"reason": Text(300)}),
    Kind("review_task.resolved", {"review_task": UPDATE}),
    Kind("staff.created", {"staff": INSERT}),
    Kind("staff.pin_reset", {"staff": UPDATE}),
    Kind("staff.role_changed", {"staff": UPDATE}),
    Kind("staff.activated", {"staff": UPDATE}),
    Kind("staff.deactivated", {"staff": UPDATE}),
    Kind("staff.locked", {"staff": UPDATE}),  # five wrong PINs at one desk rest the account at every desk
)}


def kind(name: str) -> Kind:
    found = KINDS.get(name)
    if found is None:
        raise MutationError("unknown_kind", str(name)[:64])
    return found


_ROW_KEYS = frozenset({"entity", "id", "op", "values", "before"})
_ID = TypeAdapter(Id)


def _row(kind_: Kind, raw: Any) -> Row:
    if not isinstance(raw, Mapping) or set(raw) - _ROW_KEYS:
        raise MutationError("invalid_row", "a row has entity, id, op, values (and before)")
    try:
        target: Entity = entity(raw.get("entity"))  # type: ignore[arg-type]
    except RecordError as exc:
        raise MutationError(exc.code, exc.entity) from None
    op = raw.get("op")
    access = kind_.writes.get(target.name)
    if op not in ("insert", "update") or access is None or not (access.insert if op == "insert" else access.update):
        raise MutationError("row_not_allowed", f"{kind_.name} may not {op} {target.name}")
    try:
        row_id = _ID.validate_python(raw.get("id"))
    except ValidationError:
        raise MutationError("invalid_field", f"{target.name}.id", field="id") from None
    values, before = raw.get("values") or {}, raw.get("before") or {}
    try:
        typed = target.check(values, complete=op == "insert")
        typed_before = target.check(before, complete=False)
    except RecordError as exc:
        raise MutationError(exc.code, f"{exc.entity}.{exc.field}", field=exc.field) from None
    if typed.get("id", row_id) != row_id:
        raise MutationError("invalid_field", f"{target.name}.id", field="id")
    owned = SERVER_OWNED.get(target.name, frozenset())
    if op == "update" and owned & set(typed):
        raise MutationError("row_not_allowed", f"{target.name}.{sorted(owned & set(typed))[0]} is the server's")
    if op == "update" and not typed:
        raise MutationError("invalid_row", f"an update of {target.name} changes nothing")
    if op == "update":
        # A column every row has cannot be emptied: the server would keep a row no station can read.
        emptied = sorted(k for k in target.required & set(typed) if typed[k] is None)
        if emptied:
            raise MutationError("missing_field", f"{target.name}.{emptied[0]}", field=emptied[0])
    typed.pop("id", None)
    return Row(entity=target.name, id=row_id, op=op, values=typed, before=typed_before)


def parse(kind_name: str, payload: Any) -> Parsed:
    """The typed mutation, or MutationError with a reason code. Never trusts the payload's shape."""
    found = kind(kind_name)
    if not found.sync:
        raise MutationError("not_synced", found.name)
    if not isinstance(payload, Mapping):
        raise MutationError("invalid_payload", "the payload is an object")
    rows = payload.get("rows")
    if not isinstance(rows, list) or not 0 < len(rows) <= MAX_ROWS:
        raise MutationError("invalid_payload", f"1 to {MAX_ROWS} rows")
    unknown = set(payload) - {"rows"} - set(found.extras)
    if unknown:
        raise MutationError("unknown_field", sorted(unknown)[0][:64], field=sorted(unknown)[0][:64])
    extras: dict[str, Any] = {}
    for name, type_ in found.extras.items():
        if payload.get(name) is None:
            continue
        try:
            extras[name] = TypeAdapter(type_).validate_python(payload[name])
        except ValidationError:
            raise MutationError("invalid_field", name, field=name) from None
    parsed = tuple(_row(found, raw) for raw in rows)
    seen = set()
    for r in parsed:
        if (r.entity, r.id) in seen:
            raise MutationError("invalid_payload", f"{r.entity} {r.id} twice")
        seen.add((r.entity, r.id))
    return Parsed(kind=found, rows=parsed, extras=extras)


def main_row(payload: Any) -> tuple[str, str] | None:
    """(entity, id) of the first row a queued mutation wrote, for lists that name what it was about."""
    rows = payload.get("rows") if isinstance(payload, Mapping) else None
    if isinstance(rows, list) and rows and isinstance(rows[0], Mapping):
        entity_name, row_id = rows[0].get("entity"), rows[0].get("id")
        if isinstance(entity_name, str) and isinstance(row_id, str):
            return entity_name, row_id
    return None


def chunks(rows: list[Row], *, max_rows: int = MAX_ROWS // 2, max_bytes: int = MAX_PAYLOAD_BYTES // 2) -> list[list[Row]]:
    """Rows split into groups that each fit one mutation (half the limits, for the intent fields)."""
    out: list[list[Row]] = []
    current: list[Row] = []
    size = 0
    for row in rows:
        row_size = len(json.dumps(row.wire(), separators=(",", ":"), default=str))
        if current and (len(current) >= max_rows or size + row_size > max_bytes):
            out.append(current)
            current, size = [], 0
        current.append(row)
        size += row_size
    if current:
        out.append(current)
    return out


def payload_of(rows: list[Row], extras: Mapping[str, Any]) -> dict[str, Any]:
    """The wire payload of a mutation a station recorded; checked for size here, before it is queued."""
    body = _body(rows, extras)
    _sized(_COMPACT.encode(body))
    return body


_COMPACT = json.JSONEncoder(separators=(",", ":"), default=str)


def insert_text(entity: str, row_id: str, values: Mapping[str, Any]) -> str:
    """The payload of one row's insert as the JSON text it is queued as (what `payload_of` gives for
    `Row(entity, row_id, "insert", values)`, serialised), for values JSON-ready already: the bulk import
    queues one per person and booking, and the Row and its `to_wire` copy were a fifth of preparing them."""
    return _sized(_COMPACT.encode({"rows": [{"entity": entity, "id": row_id, "op": "insert", "values": values}]}))


def _body(rows: list[Row], extras: Mapping[str, Any]) -> dict[str, Any]:
    return {"rows": [r.wire() for r in rows], **{k: v for k, v in extras.items() if v is not None}}


def _sized(text: str) -> str:
    if len(text) > MAX_PAYLOAD_BYTES:
        raise MutationError("payload_too_large")
    return text
