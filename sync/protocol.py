"""The wire protocol (version 1) shared by the station client and the tenant API server.

Every request and answer body is one of these pydantic models; the server's OpenAPI document is
generated from them. Field limits here are the server's input limits too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

PROTOCOL_VERSION = 1
# Pushes and pulls are paged; these bound the request and answer sizes.
MAX_PUSH_BATCH = 500
MAX_PUSH_BYTES = 2 * 1024 * 1024  # a push request stays under this: the tenant API takes bodies up to 4 MiB
MAX_PULL_PAGE = 2000
DEFAULT_PULL_PAGE = 1000
MAX_SEQ = 2**31 - 1  # station and change sequence numbers are 32-bit integers in the tenant databases
MAX_PULL_BYTES = 2 * 1024 * 1024  # a pull page stops growing past this much payload
MAX_PAYLOAD_DEPTH = 8
MAX_PAYLOAD_NODES = 20_000
SERVER_ORIGIN = "server"  # `origin` of changes the server made itself (merges, review tasks, online bookings)

TenantName = str


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(Wire):
    """Every 4xx/5xx answer: `code` is machine-readable and stable, `message` is for people."""

    code: str
    message: str
    details: dict[str, Any] | None = None


class Health(Wire):
    status: Literal["ok"] = "ok"
    version: str
    protocol: int = PROTOCOL_VERSION


# ---- enrollment ---------------------------------------------------------------------------


class EnrollRequest(Wire):
    code: str = Field(min_length=8, max_length=200)
    station_id: str = Field(min_length=1, max_length=64)
    station_name: str = Field(min_length=1, max_length=200)
    tenant: str = Field(min_length=1, max_length=64)
    site_code: str = Field(min_length=1, max_length=64)
    site_id: str = Field(min_length=1, max_length=64)
    protocol: int = PROTOCOL_VERSION


class EnrollResponse(Wire):
    tenant: str
    site_code: str
    device_id: str
    device_token: str
    epoch: str
    server_time: datetime


# ---- push ---------------------------------------------------------------------------------


def bounded_json(value: Any) -> Any:
    """Refuse JSON nested deeper or larger than any mutation needs, before anything reads it further
    (checked iteratively: a hostile payload must not exhaust the stack)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if depth > MAX_PAYLOAD_DEPTH or nodes > MAX_PAYLOAD_NODES:
            raise ValueError("payload nested too deep or too large")
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return value


class Mutation(Wire):
    """One use case of a station (its typed payload: `sync.mutations`). `prior_outcome` is set when a
    station pushes again after a server restore what an earlier epoch already answered."""

    mutation_id: str = Field(min_length=1, max_length=64)
    station_seq: int = Field(ge=1, le=MAX_SEQ)
    schema_version: int = Field(ge=1, le=1000)
    kind: str = Field(min_length=1, max_length=64, pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    payload: dict[str, Any]
    hlc: str = Field(min_length=1, max_length=80)
    prior_outcome: Literal["applied", "rejected"] | None = None

    @field_validator("payload")
    @classmethod
    def _bounded(cls, value: dict[str, Any]) -> dict[str, Any]:
        return bounded_json(value)  # type: ignore[no-any-return]


class PushRequest(Wire):
    protocol: int = PROTOCOL_VERSION
    station_id: str = Field(min_length=1, max_length=64)
    mutations: list[Mutation] = Field(min_length=1, max_length=MAX_PUSH_BATCH)


Outcome = Literal["applied", "rejected", "parked"]


class MutationResult(Wire):
    """`duplicate` repeats the original `outcome` (and reason) of a mutation the server already has.
    `parked`: kept, and applied as soon as a record it needs arrives (a `mutation.settled` change says
    so). `change_seq`: the last change an applied mutation made; until its pull cursor passes it the
    station re-applies the mutation on top of what it pulls."""

    mutation_id: str
    station_seq: int
    result: Literal["applied", "duplicate", "rejected", "parked"]
    outcome: Outcome
    reason_code: str | None = None
    reason: str | None = None
    change_seq: int | None = None


class PushResponse(Wire):
    epoch: str
    server_time: datetime
    last_station_seq: int
    results: list[MutationResult]


# ---- status and pull ----------------------------------------------------------------------


class SyncStatusResponse(Wire):
    epoch: str
    server_time: datetime
    station_id: str
    last_station_seq: int
    latest_change: int
    sites: dict[str, str]  # every site id stations of this tenant use -> the site's code


class Change(Wire):
    """`<entity>.put` (payload: the whole row), `lot.merged` / `person.merged` ({from, into}) or
    `mutation.settled` ({mutation_id, outcome, reason_code}, for the station that pushed it)."""

    seq: int
    origin: str  # the station that made it, or "server"
    mutation_id: str | None
    kind: str
    payload: dict[str, Any]
    hlc: str | None
    at: datetime


class PullResponse(Wire):
    epoch: str
    server_time: datetime
    changes: list[Change]
    next_cursor: int
    has_more: bool


# ---- leases (escrow of scarce capacity) ---------------------------------------------------


class LeaseRequest(Wire):
    """`request_id`: the station's id for this request; asking again with it returns the same lease."""

    slot_id: str = Field(min_length=1, max_length=64)
    places: int = Field(ge=1, le=1000)
    request_id: str | None = Field(default=None, min_length=8, max_length=64)


class Lease(Wire):
    """`expires_at` is server time: the station compares it with its own clock corrected by the skew."""

    lease_id: str
    slot_id: str
    places: int
    used: int
    expires_at: datetime
    request_id: str | None = None


class OfferedRow(Wire):
    entity: Literal["person", "appointment"]
    id: str = Field(min_length=1, max_length=64)
    values: dict[str, Any]

    @field_validator("values")
    @classmethod
    def _bounded(cls, value: dict[str, Any]) -> dict[str, Any]:
        return bounded_json(value)  # type: ignore[no-any-return]


class ReofferRequest(Wire):
    """After a server restore: rows the server itself made (online bookings) that a station pulled, offered
    back so they are not lost. The server keeps what it lacks and ignores the rest."""

    rows: list[OfferedRow] = Field(min_length=1, max_length=MAX_PUSH_BATCH)


class ReofferResponse(Wire):
    accepted: int
    known: int
    refused: int


class LeaseList(Wire):
    leases: list[Lease]


# ---- public online booking ----------------------------------------------------------------


class PublicSlot(Wire):
    slot_id: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    free: int
    product_code: str | None


class PublicSlotList(Wire):
    """One page of a day's slots (ordered by start), from a snapshot at most a second old."""

    day: date
    page: int
    page_size: int
    pages: int
    total: int
    next_page: int | None
    sold_out: bool  # no free place on the whole day
    slots: list[PublicSlot]


class PublicBookingRequest(Wire):
    """Lengths here only bound the request; the person's details are checked by app.domain.person_details."""

    slot_id: str = Field(min_length=1, max_length=64)
    family_name: str = Field(max_length=400)
    given_name: str = Field(max_length=400)
    dob: str = Field(max_length=10)
    email: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    lang: Literal["de", "en"] = "de"  # of the confirmation mail
    altcha: str | None = Field(default=None, max_length=2000)  # the solved robot check, when the tenant asks


class PublicBookingResponse(Wire):
    appointment_id: str
    person_id: str
    booking_code: str
    printed_code: str = ""  # ABCD-EFGH-J, as on the confirmation
    slot_id: str
    starts_at: datetime


class BookingLookupResponse(Wire):
    appointment_id: str
    slot_id: str
    starts_at: datetime
    state: str


class BookingCancelRequest(Wire):
    dob: str = Field(max_length=10)  # the date of birth given when booking: the code alone does not cancel
    lang: Literal["de", "en"] = "de"
    altcha: str | None = Field(default=None, max_length=2000)


class BookingRebookRequest(Wire):
    dob: str = Field(max_length=10)
    slot_id: str = Field(min_length=1, max_length=64)
    lang: Literal["de", "en"] = "de"
    altcha: str | None = Field(default=None, max_length=2000)


class BookingChangeResponse(Wire):
    appointment_id: str
    booking_code: str
    slot_id: str
    starts_at: datetime
    state: str


class Challenge(Wire):
    """An ALTCHA challenge (protocol v1; field names as the widget expects)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    algorithm: str
    challenge: str
    max_number: int = Field(alias="maxNumber", serialization_alias="maxNumber")
    salt: str
    signature: str


class Readiness(Wire):
    status: Literal["ready"] = "ready"
    tenants: int


# ---- certificates -------------------------------------------------------------------------


class SignRequest(Wire):
    """Sign a DCC for a dose (`kind` "v") or a positive test (`kind` "r") the server holds."""

    payload: dict[str, Any] = Field(max_length=8)  # an EU DCC payload (schema 1.3): ver, nam, dob, v|r
    subject_id: str = Field(min_length=1, max_length=64)  # the vaccination or infection id
    kind: Literal["v", "r"] = "v"
    valid_days: int | None = Field(default=None, ge=1, le=3650)  # None: the tenant's policy; never beyond it


class SignResponse(Wire):
    hc1: str
    kid: str  # base64
    expires_at: datetime | None = None


class RevocationEntry(Wire):
    hash: str = Field(min_length=24, max_length=24)  # base64 of the first 128 bits of SHA-256


class RevocationBatch(Wire):
    """The EU DCC gateway's revocation batch (DGCG RevocationBatchDto)."""

    country: str = Field(min_length=2, max_length=2)
    expires: datetime
    kid: str
    hashType: Literal["UCI", "COUNTRYCODEUCI", "SIGNATURE"]
    entries: list[RevocationEntry]


class RevocationList(Wire):
    batches: list[RevocationBatch]


class TrustListEntry(Wire):
    kid: str  # base64 of the 8-byte kid
    certificate: str  # base64 DER


class TrustListResponse(Wire):
    tenant: str
    certificates: list[TrustListEntry]
