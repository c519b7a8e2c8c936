"""The station database schema (SQLAlchemy 2 declarative). Migrations in `migrations/` create it.

Text UUIDv7 primary keys everywhere, so rows made offline on different stations never collide.
Vaccinations, their voids and the audit log are append-only; triggers in the migration enforce it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; stored as naive UTC text by SQLite."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use aware UTC datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def stored_datetime(value: datetime) -> str:
    """An aware datetime as `UtcDateTime` stores it (SQLAlchemy's SQLite format, naive UTC), for SQL text
    that binds parameters itself: the bulk import and the check-in search."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads it as a class attribute)
        datetime: UtcDateTime, dict[str, Any]: JSON, date: Date}


Id = String(36)


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Site(Base):
    __tablename__ = "site"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    tenant: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), default="DE")
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Berlin")
    __table_args__ = (UniqueConstraint("tenant", "code"),)


class Station(Base):
    """This station: exactly one row. `next_seq` numbers the outbox; `hlc` is the last clock value."""

    __tablename__ = "station"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    tenant: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    hlc: Mapped[str] = mapped_column(String(80))


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]


class Person(Base):
    __tablename__ = "person"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    dob: Mapped[str] = mapped_column(String(10))  # YYYY, YYYY-MM or YYYY-MM-DD, as the DCC allows
    sex: Mapped[str | None] = mapped_column(String(1))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(16))
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    insurance_number: Mapped[str | None] = mapped_column(String(40))
    # Normalised search columns (accent/case-folded, phonetic), kept in step by the services.
    family_key: Mapped[str] = mapped_column(String(100))
    given_key: Mapped[str] = mapped_column(String(100))
    phonetic_key: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]  # personal data removed after the retention period
    __table_args__ = (
        # Check-in search reads names from this index alone, in (family, given) order (issue 19).
        Index("ix_person_name", "family_key", "given_key", "dob", "deleted_at"),
        Index("ix_person_family_key_dob", "family_key", "dob"),
        Index("ix_person_dob", "dob"),
    )


class FamilyNameKey(Base):
    """Each distinct family search key once, kept by triggers on `person`: typo-tolerant search
    compares against these few thousand keys instead of scanning every person."""

    __tablename__ = "family_name_key"
    family_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    phonetic_key: Mapped[str] = mapped_column(String(100), index=True)
    length: Mapped[int] = mapped_column(Integer)
    # How many persons carry the key (kept by the triggers): a typed prefix offers the common names first.
    persons: Mapped[int] = mapped_column(Integer, server_default="0")


# ---- check-in search (issue 19): name keys, their one-deletion variants, today's bookings by name ----


class GivenNameKey(Base):
    """Each distinct given-name search key once, with how many persons carry it (kept by triggers)."""

    __tablename__ = "given_name_key"
    given_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    persons: Mapped[int] = mapped_column(Integer, server_default="0")


class NameKeyVariant(Base):
    """Every distinct name key with one letter left out ("schmidt" → "chmidt", "shmidt", …), kept by
    triggers on the key tables: a typed name one typo away shares a variant with the key it means, so a
    typo is found by a few index lookups whatever the number of persons (symmetric deletion)."""

    __tablename__ = "name_key_variant"
    variant: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(1), primary_key=True)  # f(amily) | g(iven)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    __table_args__ = ({"sqlite_with_rowid": False},)


class SearchPosition(Base):
    """The numbers 1…200: the variant triggers take each letter position of a key from here
    (SQLite triggers cannot use a recursive WITH)."""

    __tablename__ = "search_position"
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class BookingSearch(Base):
    """Each appointment with its person's search keys and its slot's start, kept by triggers on
    appointment, person and slot: "booked today" for a name is one index range, not a join per person."""

    __tablename__ = "booking_search"
    appointment_id: Mapped[str] = mapped_column(Id, primary_key=True)
    person_id: Mapped[str] = mapped_column(Id, index=True)
    family_key: Mapped[str] = mapped_column(String(100))
    given_key: Mapped[str] = mapped_column(String(100))
    dob: Mapped[str] = mapped_column(String(10))
    starts_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))
    live: Mapped[bool] = mapped_column(Boolean)  # the person is not deleted
    # What the check-in list shows of the booking and its person (migration 0010): a search lists its
    # hits from these rows, not from `appointment` and `person`.
    booking_code: Mapped[str] = mapped_column(String(32))
    product_code: Mapped[str | None] = mapped_column(String(32))
    dose_number: Mapped[int]
    site_id: Mapped[str] = mapped_column(Id)
    slot_id: Mapped[str] = mapped_column(Id)
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    # Without a rowid the indexes carry the appointment id, so a search reads the index alone.
    __table_args__ = (
        Index("ix_booking_search_name_day", "family_key", "starts_at", "given_key", "dob", "state", "live",
              "person_id"),
        # Family and given name typed: today's bookings of that pair, not of every Schmidt.
        Index("ix_booking_search_names_day", "family_key", "given_key", "starts_at", "state", "live", "person_id"),
        {"sqlite_with_rowid": False},
    )


class Product(Base):
    """A catalogue product as loaded at start; `data` keeps the whole catalogue entry."""

    __tablename__ = "product"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    mp: Mapped[str] = mapped_column(String(32))
    ma: Mapped[str] = mapped_column(String(32))
    vp: Mapped[str] = mapped_column(String(32))
    doses_per_vial: Mapped[int]
    data: Mapped[dict[str, Any]]


class Slot(Base):
    __tablename__ = "slot"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    capacity: Mapped[int]
    product_code: Mapped[str | None] = mapped_column(ForeignKey("product.code"))


class OpeningRule(Base):
    """A weekly opening pattern of a site: on `weekday` (0 = Monday) from `opens` to `closes`."""

    __tablename__ = "opening_rule"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), index=True)
    weekday: Mapped[int]
    opens: Mapped[str] = mapped_column(String(5))  # HH:MM, site-local
    closes: Mapped[str] = mapped_column(String(5))
    slot_minutes: Mapped[int]
    stations: Mapped[int]
    capacity_per_station: Mapped[int]
    products: Mapped[list[str]] = mapped_column(JSON)  # product codes offered that day
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]


class Closure(Base):
    """A day a site is closed (holiday, staff outing); no slots are opened or offered on it."""

    __tablename__ = "closure"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    day: Mapped[date]
    reason: Mapped[str] = mapped_column(String(200))
    __table_args__ = (UniqueConstraint("site_id", "day"),)


class Appointment(Base):
    __tablename__ = "appointment"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    slot_id: Mapped[str] = mapped_column(ForeignKey("slot.id"))
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    booking_code: Mapped[str] = mapped_column(String(32), unique=True)
    product_code: Mapped[str | None] = mapped_column(ForeignKey("product.code"))
    dose_number: Mapped[int] = mapped_column(Integer, default=1)
    # booked, checked_in, with_doctor, observation, done, no_show, left, cancelled
    state: Mapped[str] = mapped_column(String(16), default="booked")
    state_changed_at: Mapped[datetime]
    # confirmed (server capacity or a lease backs it) or provisional (booked offline beyond the lease)
    booking_state: Mapped[str] = mapped_column(String(16), default="confirmed")
    lease_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime]
    # A slot's places held are counted from this index alone (capacity is checked on every booking).
    __table_args__ = (Index("ix_appointment_slot_state", "slot_id", "state"),)


class Visit(Base):
    """One person's pass through the center on one day: identity check, consent, questionnaire."""

    __tablename__ = "visit"
    __table_args__ = (Index("ix_visit_site_state", "site_id", "state"),)
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    appointment_id: Mapped[str | None] = mapped_column(ForeignKey("appointment.id"))
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    checked_in_at: Mapped[datetime]
    checked_in_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    state: Mapped[str] = mapped_column(String(16), default="checked_in")
    state_changed_at: Mapped[datetime]
    id_document_type: Mapped[str | None] = mapped_column(String(32))
    id_checked_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    id_checked_at: Mapped[datetime | None]
    consent_by: Mapped[str | None] = mapped_column(String(16))  # self | guardian
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    consent_at: Mapped[datetime | None]
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_flags: Mapped[list[str] | None] = mapped_column(JSON)  # question ids the doctor must look at
    called_at: Mapped[datetime | None]  # to the doctor
    left_reason: Mapped[str | None] = mapped_column(String(200))
    observation_minutes: Mapped[int] = mapped_column(Integer, default=15)
    observation_started_at: Mapped[datetime | None]
    observation_ended_at: Mapped[datetime | None]
    # The doctor read the flagged answers with the person (issue 14): required before a dose.
    review_acknowledged_at: Mapped[datetime | None]
    review_acknowledged_by: Mapped[str | None] = mapped_column(String(36))


class Lot(Base):
    __tablename__ = "lot"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    product_code: Mapped[str] = mapped_column(ForeignKey("product.code"))
    gtin: Mapped[str | None] = mapped_column(String(14))
    lot_number: Mapped[str] = mapped_column(String(20))
    expiry: Mapped[date]
    vials_received: Mapped[int]
    doses_per_vial: Mapped[int]  # from the presentation (GTIN) received; Spikevax comes in 10 and 5
    received_at: Mapped[datetime]
    received_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    manual_product_reason: Mapped[str | None] = mapped_column(String(200))
    blocked_at: Mapped[datetime | None]
    block_reason: Mapped[str | None] = mapped_column(String(200))
    __table_args__ = (UniqueConstraint("product_code", "lot_number"),)


class Vial(Base):
    __tablename__ = "vial"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    lot_id: Mapped[str] = mapped_column(ForeignKey("lot.id"), index=True)
    serial: Mapped[str | None] = mapped_column(String(20))
    opened_at: Mapped[datetime]
    thawed_at: Mapped[datetime | None]
    use_by: Mapped[datetime]
    opened_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    discarded_at: Mapped[datetime | None]
    discard_reason: Mapped[str | None] = mapped_column(String(64))
    # A serial names one physical vial of a lot: scanning it twice must not open it twice.
    __table_args__ = (UniqueConstraint("lot_id", "serial"),)


class StockEvent(Base):
    """Stock is a sum of events (received, dose drawn, wasted), so stations converge without locks."""

    __tablename__ = "stock_event"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    lot_id: Mapped[str] = mapped_column(ForeignKey("lot.id"), index=True)
    vial_id: Mapped[str | None] = mapped_column(ForeignKey("vial.id"), index=True)  # doses drawn per vial
    kind: Mapped[str] = mapped_column(String(16))  # received | administered | wasted
    doses: Mapped[int]
    at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(String(64))


class Vaccination(Base):
    """A dose given: an immutable event. Corrections are a `VaccinationVoid` plus a new row."""

    __tablename__ = "vaccination"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))
    site_id: Mapped[str | None] = mapped_column(ForeignKey("site.id"))
    product_code: Mapped[str] = mapped_column(ForeignKey("product.code"))
    lot_id: Mapped[str | None] = mapped_column(ForeignKey("lot.id"))
    vial_id: Mapped[str | None] = mapped_column(ForeignKey("vial.id"))
    given_at: Mapped[datetime] = mapped_column(index=True)
    dose_number: Mapped[int]
    series_doses: Mapped[int]
    injection_site: Mapped[str | None] = mapped_column(String(32))
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    external: Mapped[bool] = mapped_column(Boolean, default=False)  # given elsewhere, entered from a record
    country: Mapped[str] = mapped_column(String(2), default="DE")
    override_reason: Mapped[str | None] = mapped_column(String(300))
    recorded_at: Mapped[datetime]
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("vaccination.id"))


class VaccinationVoid(Base):
    """A dose voided. Two stations may void the same dose offline: both voids are kept (the server
    raises a review task), so `vaccination_id` is not unique."""

    __tablename__ = "vaccination_void"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    vaccination_id: Mapped[str] = mapped_column(ForeignKey("vaccination.id"), index=True)
    reason: Mapped[str] = mapped_column(String(300))
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime]


class AdverseEvent(Base):
    __tablename__ = "adverse_event"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    vaccination_id: Mapped[str | None] = mapped_column(ForeignKey("vaccination.id"))
    kind: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    onset_at: Mapped[datetime]
    action_taken: Mapped[str | None] = mapped_column(String(300))
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime]


class Infection(Base):
    """A documented SARS-CoV-2 infection: counts for the EU dose numbering (1/1 after it) and, from a
    positive NAAT result, gives a recovery certificate. Voided, never deleted, when entered in error."""

    __tablename__ = "infection"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    detected_on: Mapped[date]  # date of the first positive test result (`fr`) or of the diagnosis
    source: Mapped[str] = mapped_column(String(16))  # test | document | questionnaire
    test_type: Mapped[str | None] = mapped_column(String(8))  # naat | rat, for a test result
    country: Mapped[str] = mapped_column(String(2))  # where the test was done
    recorded_at: Mapped[datetime]
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    voided_at: Mapped[datetime | None]
    void_reason: Mapped[str | None] = mapped_column(String(300))


class CovidTest(Base):
    """A SARS-CoV-2 test taken at the center (issue 18): ordered for a visit (booked or walk-in), the sample
    taken (rapid antigen: the EU value set's device; NAAT: lab and sample id), the result entered (not
    before a rapid test's reading time). Voided, never deleted, when entered in error."""

    __tablename__ = "covid_test"
    __table_args__ = (Index("ix_covid_test_site_ordered", "site_id", "ordered_at"),)
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), index=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    test_type: Mapped[str] = mapped_column(String(8))  # rat | naat
    ordered_at: Mapped[datetime]
    ordered_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    mail_result: Mapped[bool] = mapped_column(Boolean, default=False)  # the person asked for the result by mail
    mail_lang: Mapped[str | None] = mapped_column(String(2))
    sampled_at: Mapped[datetime | None]
    sampled_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    device_id: Mapped[str | None] = mapped_column(String(16))  # rat: `ma`, an id of the EU device list
    reading_minutes: Mapped[int | None] = mapped_column(Integer)  # rat: the device's minimum reading time
    lab_name: Mapped[str | None] = mapped_column(String(80))  # naat
    sample_id: Mapped[str | None] = mapped_column(String(40))  # naat: the label on the tube
    result: Mapped[str | None] = mapped_column(String(8))  # positive | negative | invalid
    resulted_at: Mapped[datetime | None]
    resulted_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    infection_id: Mapped[str | None] = mapped_column(ForeignKey("infection.id"))  # a positive NAAT's
    mail_state: Mapped[str | None] = mapped_column(String(16))  # the server's: queued | sent | failed | refused
    voided_at: Mapped[datetime | None]
    void_reason: Mapped[str | None] = mapped_column(String(300))


class Certificate(Base):
    """An EU DCC issued here: a vaccination (`kind` "v"), a test ("t") or a recovery ("r") certificate. While `hc1` is
    None it is a voucher with a claim code, signed as soon as a signer is at hand."""

    __tablename__ = "certificate"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    vaccination_id: Mapped[str | None] = mapped_column(ForeignKey("vaccination.id"), index=True)
    uvci: Mapped[str] = mapped_column(String(80), unique=True)
    hc1: Mapped[str | None] = mapped_column(Text)  # None while waiting for an online signature
    issued_at: Mapped[datetime]
    issued_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str | None] = mapped_column(String(300))
    revoked_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))  # who approved the correction
    replaces_id: Mapped[str | None] = mapped_column(ForeignKey("certificate.id"))
    # ---- issue 15: recovery certificates, vouchers, validity ----
    infection_id: Mapped[str | None] = mapped_column(ForeignKey("infection.id"), index=True)
    kind: Mapped[str] = mapped_column(String(1), default="v")
    claim_code: Mapped[str | None] = mapped_column(String(16), unique=True)  # printed on the voucher
    signed_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]  # `exp` of the signed code
    demo: Mapped[bool] = mapped_column(Boolean, default=False)  # signed by a demo signer: not valid
    printed_at: Mapped[datetime | None]  # first print after signing; a signed voucher not printed is "ready"
    test_id: Mapped[str | None] = mapped_column(ForeignKey("covid_test.id"), index=True)  # kind "t" (issue 18)


class SignerKey(Base):
    """The site's document signer for offline issuing. The private key lives only in this
    encrypted database and is never exported again."""

    __tablename__ = "signer_key"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    certificate_der: Mapped[bytes] = mapped_column(LargeBinary)
    private_key_pem: Mapped[bytes] = mapped_column(LargeBinary)
    kid: Mapped[str] = mapped_column(String(16))  # base64 of the 8-byte key id
    not_after: Mapped[datetime]
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    installed_at: Mapped[datetime]
    installed_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    retired_at: Mapped[datetime | None]


class TrustedSigner(Base):
    """A document signer certificate that verification trusts (from a file now, synced later)."""

    __tablename__ = "trusted_signer"
    kid: Mapped[str] = mapped_column(String(16), primary_key=True)
    certificate_der: Mapped[bytes] = mapped_column(LargeBinary)
    country: Mapped[str | None] = mapped_column(String(2))
    source: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[datetime]


class AuditLog(Base):
    """Append-only and hash-chained: each row's `hash` covers its content and the previous row's hash."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(Id, unique=True)
    at: Mapped[datetime]
    station_id: Mapped[str] = mapped_column(String(36))
    staff_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(36), index=True)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Outbox(Base):
    """One mutation per use case, pushed to the tenant API in `station_seq` order.

    `state`: pending (not yet answered), parked (the server holds it until a row it needs arrives),
    applied, rejected. `change_seq` is the server's change number for an applied mutation: until the
    pull cursor passes it, the mutation is re-applied on top of pulled rows (rebase). `prior_outcome`
    is the answer an earlier server epoch gave, sent along when it is pushed again after a restore."""

    __tablename__ = "outbox"
    mutation_id: Mapped[str] = mapped_column(Id, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36))
    station_seq: Mapped[int] = mapped_column(Integer, unique=True)
    schema_version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    hlc: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    reason: Mapped[str | None] = mapped_column(String(300))
    reason_code: Mapped[str | None] = mapped_column(String(64))
    change_seq: Mapped[int | None] = mapped_column(Integer)
    prior_outcome: Mapped[str | None] = mapped_column(String(16))


# ---- sync (issue 7): review tasks from the server and escrow leases of slot capacity ----------


class ReviewTask(Base):
    """Something the server could not decide alone (a person edited on two stations, a dose that looks
    recorded twice). Shown on the review page until someone resolves it."""

    __tablename__ = "review_task"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class SyncLease(Base):
    """Places in a slot the server set aside for this station: offline bookings from it are confirmed."""

    __tablename__ = "sync_lease"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    slot_id: Mapped[str] = mapped_column(String(36), index=True)
    places: Mapped[int]
    used: Mapped[int]
    expires_at: Mapped[datetime]


# ---- sync (issue 12): poison isolation, identity merges, server-only rows, idempotent leases --------


class SyncQuarantine(Base):
    """A pulled change this station could not apply: kept with its reason, shown on the Sync page; the
    pull goes on past it."""

    __tablename__ = "sync_quarantine"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    reason_code: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class SyncAlias(Base):
    """A row the server merged into another (the same lot received at two desks, a duplicate person):
    local references to `from_id` are moved to `into_id`, also in mutations still to be replayed."""

    __tablename__ = "sync_alias"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    from_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    into_id: Mapped[str] = mapped_column(String(64))


class SyncServerRow(Base):
    """Rows the server made itself (online bookings), as pulled: after a server restore the station
    offers them back, so what only the server held is not lost."""

    __tablename__ = "sync_server_row"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)


class SyncLeaseRequest(Base):
    """A lease asked for and not yet answered: retried with the same request id, so a cut answer never
    makes the server set aside places twice."""

    __tablename__ = "sync_lease_request"
    request_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    slot_id: Mapped[str] = mapped_column(String(36), unique=True)
    places: Mapped[int]
    asked_at: Mapped[datetime]
