"""The rows that sync carries, typed once for both ends.

A station's synced tables and the server's record store hold the same rows. Every row that crosses
the wire — inside a pushed mutation or in a pulled change — is checked here, field by field: bounded
strings without control or direction-override characters, integers in range, aware datetimes and
dates in plausible years, small JSON. Whatever does not pass is refused with a reason code at the
boundary; nothing is stored that the other end cannot interpret.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Annotated, Any, NotRequired

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError
from typing_extensions import TypedDict

from app.domain.days import MAX_YEAR, MIN_YEAR

# Bidirectional overrides and isolates reorder text on screen and in certificates.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


class RecordError(ValueError):
    """A row that cannot be accepted: `code` is the reason, `field` the column."""

    def __init__(self, code: str, *, entity: str, field: str | None = None) -> None:
        super().__init__(f"{code}: {entity}.{field}" if field else f"{code}: {entity}")
        self.code = code
        self.entity = entity
        self.field = field


def _plain_text(value: str) -> str:
    for ch in value:
        if ch in _BIDI or (unicodedata.category(ch)[0] == "C" and ch not in "\n"):
            raise ValueError("control or direction characters")
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("a datetime needs its time zone")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError("year out of range")
    return value.astimezone(UTC)


def _plausible_day(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError("year out of range")
    return value


def _small_json(limit: int) -> Any:
    def check(value: Any) -> Any:
        # Iterative: a hostile payload nested thousands deep must not exhaust the stack.
        stack: list[tuple[Any, int]] = [(value, 0)]
        nodes = 0
        while stack:
            item, depth = stack.pop()
            nodes += 1
            if depth > 4 or nodes > 500:
                raise ValueError("too deeply nested or too large")
            if isinstance(item, dict):
                for key, child in item.items():
                    if not isinstance(key, str) or len(key) > 64:
                        raise ValueError("bad key")
                    stack.append((child, depth + 1))
            elif isinstance(item, list):
                stack.extend((child, depth + 1) for child in item)
            elif isinstance(item, str):
                if len(item) > 2000:
                    raise ValueError("string too long")
                _plain_text(item)
            elif item is not None and not isinstance(item, bool | int | float):
                raise ValueError("not JSON")
            elif isinstance(item, int) and not isinstance(item, bool) and abs(item) > 2**53:
                raise ValueError("integer out of range")
        if len(json.dumps(value, separators=(",", ":"))) > limit:
            raise ValueError("too large")
        return value

    return AfterValidator(check)


def Text(max_length: int) -> Any:
    return Annotated[str, Field(max_length=max_length), AfterValidator(_plain_text)]


ID_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z._:#-]{0,63}$"
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=ID_PATTERN)]


def is_record_id(text: str) -> bool:
    """`text` could be a record's id: what the wire takes (and a file name can carry: no slash)."""
    return re.fullmatch(ID_PATTERN, text) is not None
Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
Instant = Annotated[datetime, BeforeValidator(lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v),
                    AfterValidator(_aware)]
Day = Annotated[date, AfterValidator(_plausible_day)]
Flag = Annotated[bool, Field(strict=True)]


def Int(lo: int, hi: int) -> Any:
    return Annotated[int, Field(ge=lo, le=hi, strict=True)]


def Json(limit: int) -> Any:
    return Annotated[Any, _small_json(limit)]


@dataclass(frozen=True)
class Entity:
    """One synced table: its columns as they travel, which of them a new row must have, which name
    other rows (`parents`: column -> entity), and whether rows belong to one site or the whole tenant."""

    name: str
    columns: Mapping[str, Any]
    required: frozenset[str]
    parents: Mapping[str, str] = field(default_factory=dict)
    site_scoped: bool = False
    immutable: bool = False  # append-only events: a second write of the same id must be identical
    _adapters: dict[str, TypeAdapter[Any]] = field(default_factory=dict, repr=False, compare=False)

    def adapter(self, column: str | None = None) -> TypeAdapter[Any]:
        """The whole row's validator (one pass in pydantic-core), or one column's."""
        key = column or ""
        found = self._adapters.get(key)
        if found is None:
            if column is None:
                fields = {name: NotRequired[type_ | None] for name, type_ in self.columns.items()}
                row_type = TypedDict("Row", fields)  # type: ignore[misc]  # built from the column table
                row_type.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]
                found = TypeAdapter(row_type)
            else:
                found = TypeAdapter(self.columns[column] | None)
            self._adapters[key] = found
        return found

    def check(self, values: Mapping[str, Any], *, complete: bool) -> dict[str, Any]:
        """Typed values of a row (complete: a whole row; else some columns of an existing one)."""
        if not isinstance(values, Mapping):
            raise RecordError("invalid_row", entity=self.name)
        try:
            out: dict[str, Any] = self.adapter().validate_python(dict(values))
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = str(first["loc"][0])[:64] if first.get("loc") else None
            code = "unknown_field" if first.get("type") == "extra_forbidden" else "invalid_field"
            raise RecordError(code, entity=self.name, field=loc) from None
        except (ValueError, TypeError):
            raise RecordError("invalid_field", entity=self.name) from None
        if complete:
            for key in self.required:
                if out.get(key) is None:
                    raise RecordError("missing_field", entity=self.name, field=key)
        return out


def to_wire(values: Mapping[str, Any]) -> dict[str, Any]:
    """JSON-ready values: datetimes and dates as ISO text (a datetime is a date)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def _entity(name: str, columns: dict[str, Any], *, optional: str = "", parents: dict[str, str] | None = None,
            site_scoped: bool = False, immutable: bool = False) -> Entity:
    skip = set(optional.split())
    return Entity(name=name, columns=columns, required=frozenset(c for c in columns if c not in skip | {"id"}),
                  parents=parents or {}, site_scoped=site_scoped, immutable=immutable)


Name = Text(100)

ENTITIES: dict[str, Entity] = {e.name: e for e in (
    _entity("person", {
        "id": Id, "family_name": Name, "given_name": Name, "dob": Annotated[str, Field(
            pattern=r"^(19|2[01])\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")],
        "sex": Annotated[str, Field(pattern=r"^[fmdx]$")], "street": Text(200), "postcode": Text(16),
        "city": Text(100), "country": Annotated[str, Field(pattern=r"^[A-Z]{2}$")], "phone": Text(40),
        "email": Text(200), "insurance_number": Text(40), "created_at": Instant, "updated_at": Instant,
        "deleted_at": Instant, "purged_at": Instant},
        optional="sex street postcode city country phone email insurance_number deleted_at purged_at "
                 "created_at updated_at"),
    _entity("slot", {
        "id": Id, "site_id": Id, "starts_at": Instant, "ends_at": Instant, "capacity": Int(0, 100_000),
        "product_code": Code}, optional="product_code", site_scoped=True),
    _entity("opening_rule", {
        "id": Id, "site_id": Id, "weekday": Int(0, 6), "opens": Annotated[str, Field(pattern=r"^\d\d:\d\d$")],
        "closes": Annotated[str, Field(pattern=r"^\d\d:\d\d$")], "slot_minutes": Int(1, 24 * 60),
        "stations": Int(0, 1000), "capacity_per_station": Int(0, 1000),
        "products": Annotated[list[Code], Field(max_length=50)], "valid_from": Day, "valid_until": Day},
        optional="valid_until", site_scoped=True),
    _entity("closure", {"id": Id, "site_id": Id, "day": Day, "reason": Text(200)}, site_scoped=True),
    _entity("appointment", {
        "id": Id, "person_id": Id, "slot_id": Id, "site_id": Id,
        "booking_code": Annotated[str, Field(pattern=r"^[A-Z0-9-]{4,32}$")], "product_code": Code,
        "dose_number": Int(1, 20), "state": Code, "state_changed_at": Instant, "booking_state": Code,
        "created_at": Instant},
        optional="product_code booking_state", parents={"person_id": "person", "slot_id": "slot"},
        site_scoped=True),
    _entity("visit", {
        "id": Id, "person_id": Id, "appointment_id": Id, "site_id": Id, "checked_in_at": Instant,
        "checked_in_by": Id, "state": Code, "state_changed_at": Instant, "id_document_type": Code,
        "id_checked_by": Id, "id_checked_at": Instant, "consent_by": Code, "guardian_name": Text(200),
        "consent_at": Instant, "answers": Json(16_000), "needs_review": Flag,
        "review_flags": Annotated[list[Code], Field(max_length=50)], "called_at": Instant,
        "left_reason": Text(200), "observation_minutes": Int(0, 24 * 60), "observation_started_at": Instant,
        "observation_ended_at": Instant, "review_acknowledged_at": Instant, "review_acknowledged_by": Id},
        optional="appointment_id checked_in_by id_document_type id_checked_by id_checked_at consent_by "
                 "guardian_name consent_at answers review_flags called_at left_reason observation_started_at "
                 "observation_ended_at needs_review observation_minutes review_acknowledged_at "
                 "review_acknowledged_by",
        parents={"person_id": "person", "appointment_id": "appointment"}, site_scoped=True),
    _entity("lot", {
        "id": Id, "product_code": Code, "gtin": Annotated[str, Field(pattern=r"^\d{14}$")],
        "lot_number": Text(20), "expiry": Day, "vials_received": Int(0, 1_000_000),
        "doses_per_vial": Int(1, 100), "received_at": Instant, "received_by": Id,
        "manual_product_reason": Text(200), "blocked_at": Instant, "block_reason": Text(200)},
        optional="gtin received_by manual_product_reason blocked_at block_reason"),
    _entity("vial", {
        "id": Id, "lot_id": Id, "serial": Text(20), "opened_at": Instant, "thawed_at": Instant, "use_by": Instant,
        "opened_by": Id, "discarded_at": Instant, "discard_reason": Code},
        optional="serial thawed_at opened_by discarded_at discard_reason", parents={"lot_id": "lot"},
        site_scoped=True),
    _entity("stock_event", {
        "id": Id, "lot_id": Id, "vial_id": Id, "kind": Annotated[str, Field(pattern=r"^(received|administered|wasted)$")],
        "doses": Int(-100_000, 1_000_000), "at": Instant, "reason": Code},
        optional="vial_id reason", parents={"lot_id": "lot", "vial_id": "vial"}, site_scoped=True, immutable=True),
    _entity("vaccination", {
        "id": Id, "person_id": Id, "visit_id": Id, "site_id": Id, "product_code": Code, "lot_id": Id, "vial_id": Id,
        "given_at": Instant, "dose_number": Int(1, 20), "series_doses": Int(1, 20), "injection_site": Code,
        "staff_id": Id, "external": Flag, "country": Annotated[str, Field(pattern=r"^[A-Z]{2}$")],
        "override_reason": Text(300), "recorded_at": Instant, "corrects_id": Id},
        optional="visit_id site_id lot_id vial_id injection_site staff_id override_reason corrects_id external "
                 "country recorded_at",
        parents={"person_id": "person", "visit_id": "visit", "lot_id": "lot", "vial_id": "vial",
                 "corrects_id": "vaccination"}, immutable=True),
    _entity("vaccination_void", {
        "id": Id, "vaccination_id": Id, "reason": Text(300), "staff_id": Id, "at": Instant},
        optional="staff_id", parents={"vaccination_id": "vaccination"}, immutable=True),
    _entity("adverse_event", {
        "id": Id, "person_id": Id, "vaccination_id": Id, "kind": Code, "severity": Code, "onset_at": Instant,
        "action_taken": Text(300), "staff_id": Id, "recorded_at": Instant},
        optional="vaccination_id action_taken staff_id", parents={"person_id": "person", "vaccination_id": "vaccination"}),
    _entity("infection", {
        "id": Id, "person_id": Id, "detected_on": Day, "source": Code, "test_type": Code,
        "country": Annotated[str, Field(pattern=r"^[A-Z]{2}$")], "recorded_at": Instant, "staff_id": Id,
        "voided_at": Instant, "void_reason": Text(300)},
        optional="test_type staff_id voided_at void_reason", parents={"person_id": "person"}),
    _entity("covid_test", {
        "id": Id, "person_id": Id, "visit_id": Id, "site_id": Id,
        "test_type": Annotated[str, Field(pattern=r"^(rat|naat)$")], "ordered_at": Instant, "ordered_by": Id,
        "mail_result": Flag, "mail_lang": Annotated[str, Field(pattern=r"^(de|en)$")], "sampled_at": Instant,
        "sampled_by": Id, "device_id": Annotated[str, Field(pattern=r"^[0-9A-Za-z-]{1,16}$")],
        "reading_minutes": Int(0, 240), "lab_name": Text(80), "sample_id": Text(40),
        "result": Annotated[str, Field(pattern=r"^(positive|negative|invalid)$")], "resulted_at": Instant,
        "resulted_by": Id, "infection_id": Id, "mail_state": Code, "voided_at": Instant, "void_reason": Text(300)},
        optional="visit_id ordered_by mail_lang sampled_at sampled_by device_id reading_minutes lab_name sample_id "
                 "result resulted_at resulted_by infection_id mail_state voided_at void_reason",
        parents={"person_id": "person", "visit_id": "visit", "infection_id": "infection"}, site_scoped=True),
    _entity("certificate", {
        "id": Id, "vaccination_id": Id, "uvci": Text(80), "hc1": Text(8000), "issued_at": Instant, "issued_by": Id,
        "revoked_at": Instant, "revoke_reason": Text(300), "revoked_by": Id, "replaces_id": Id,
        "infection_id": Id, "kind": Annotated[str, Field(pattern=r"^[vrt]$")],
        "claim_code": Annotated[str, Field(pattern=r"^[A-Z0-9-]{4,16}$")], "signed_at": Instant,
        "expires_at": Instant, "demo": Flag, "printed_at": Instant, "test_id": Id},
        optional="vaccination_id hc1 issued_by revoked_at revoke_reason revoked_by replaces_id infection_id kind "
                 "claim_code signed_at expires_at demo printed_at test_id",
        parents={"vaccination_id": "vaccination", "replaces_id": "certificate", "infection_id": "infection",
                 "test_id": "covid_test"}),
    # Tenant-wide: a doctor enrolled at one desk logs in at every station. Only the argon2 hash travels,
    # never a PIN; failed attempts stay on the station where they happened, a lock-out travels.
    _entity("staff", {
        "id": Id, "login": Annotated[str, Field(pattern=r"^[a-z][a-z0-9._-]{1,31}$")], "display_name": Text(100),
        "role": Annotated[str, Field(pattern=r"^(nurse|doctor|admin)$")],
        "pin_hash": Annotated[str, Field(pattern=r"^\$argon2id\$[A-Za-z0-9$=,+/.-]{20,180}$")], "active": Flag,
        "locked_until": Instant, "created_at": Instant},
        optional="locked_until"),
    _entity("review_task", {
        "id": Id, "kind": Code, "entity": Code, "entity_id": Id, "details": Json(16_000), "created_at": Instant,
        "resolved_at": Instant}, optional="details resolved_at"),
)}

# Parents first: the order in which a page of rows can be written without dangling references.
ORDER = ("staff", "person", "slot", "opening_rule", "closure", "lot", "vial", "appointment", "visit",
         "vaccination", "vaccination_void", "stock_event", "adverse_event", "infection", "covid_test", "certificate",
         "review_task")
assert set(ORDER) == set(ENTITIES)


def entity(name: str) -> Entity:
    try:
        return ENTITIES[name]
    except KeyError:
        raise RecordError("unknown_entity", entity=str(name)[:64]) from None
