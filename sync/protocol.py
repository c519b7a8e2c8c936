"""The wire protocol (version 1) shared by the station client and the tenant API server.

Every request and answer body is one of these pydantic models; the server's OpenAPI document is
generated from them. Field limits here are the server's input limits too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
# Pushes and pulls are paged; these bound the request and answer sizes.
MAX_PUSH_BATCH = 500
MAX_PULL_PAGE = 2000
DEFAULT_PULL_PAGE = 1000
MAX_SEQ = 2**31 - 1  # station and change sequence numbers are 32-bit integers in the tenant databases
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


class Mutation(Wire):
    mutation_id: str = Field(min_length=1, max_length=64)
    station_seq: int = Field(ge=1, le=MAX_SEQ)
    schema_version: int = Field(ge=1, le=1000)
    kind: str = Field(min_length=1, max_length=64, pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    payload: dict[str, Any]
    hlc: str = Field(min_length=1, max_length=80)


class PushRequest(Wire):
    protocol: int = PROTOCOL_VERSION
    station_id: str = Field(min_length=1, max_length=64)
    mutations: list[Mutation] = Field(min_length=1, max_length=MAX_PUSH_BATCH)


Outcome = Literal["applied", "rejected"]


class MutationResult(Wire):
    """`duplicate` repeats the original `outcome` (and reason) of a mutation the server already has."""

    mutation_id: str
    station_seq: int
    result: Literal["applied", "duplicate", "rejected"]
    outcome: Outcome
    reason_code: str | None = None
    reason: str | None = None


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
    slot_id: str = Field(min_length=1, max_length=64)
    places: int = Field(ge=1, le=1000)


class Lease(Wire):
    lease_id: str
    slot_id: str
    places: int
    used: int
    expires_at: datetime


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
    slots: list[PublicSlot]


class PublicBookingRequest(Wire):
    slot_id: str = Field(min_length=1, max_length=64)
    family_name: str = Field(min_length=1, max_length=100)
    given_name: str = Field(min_length=1, max_length=100)
    dob: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    email: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)


class PublicBookingResponse(Wire):
    appointment_id: str
    person_id: str
    booking_code: str
    slot_id: str
    starts_at: datetime


class BookingLookupResponse(Wire):
    appointment_id: str
    slot_id: str
    starts_at: datetime
    state: str


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
