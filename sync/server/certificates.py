"""The tenant API's certificate side: signing for stations without a signer of their own, the register
of every certificate signed for the tenant (here or at a station), and the revocation list.

The server signs only for a dose (or a positive test) it holds, with the payload matching its record,
for no longer than the tenant's policy allows; every signature is registered (UVCI, the three EU
revocation hashes, the dose, the station, the time). Revocations arrive as `certificate.revoked`
mutations and are served at `/v1/revocations` in the EU DCC gateway's batch format.

The mutation handlers are plain functions `(tenant, conn, payload, *, station_id)` so the ledger's
registry can call them.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    LargeBinary,
    String,
    Table,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection

from app.certificates.dcc import check_payload, sign_hc1
from app.certificates.revocation import RevocationHashes, batches
from app.certificates.signer import Signer, certificate_der, load_signer
from app.certificates.verify import SignedCode, read_signed
from app.errors import VaxDeskError
from app.reasons import english
from app.services.catalogue import load_catalogue
from sync import protocol as p
from sync.server import tenants as t
from sync.server.rows import person_record, record_values
from sync.server.tenants import Tenant, utcnow

log = logging.getLogger(__name__)

K_VALIDITY, K_ISSUER = "certificate_validity_days", "certificate_issuer"
DEFAULT_VALIDITY_DAYS = 365
REFUSE_SIGNER_DAYS = 7  # a certificate that would live only days is refused, not signed short-lived

# ---- tables (added to the tenant schema; created on open) ------------------------------------

register = Table(
    "certificate_register", t.metadata,
    Column("uvci", String(80), primary_key=True),
    Column("kind", String(1), nullable=False),
    Column("subject_id", String(64)),  # the vaccination or infection the certificate is for
    Column("station_id", String(64)),  # who asked (server-signed) or who signed (station-signed)
    Column("source", String(8), nullable=False),  # server | station
    Column("signed_at", DateTime(timezone=True)),
    Column("expires_at", DateTime(timezone=True)),
    Column("country", String(2)),  # the `iss` claim
    Column("kid", String(16)),
    Column("hash_uci", LargeBinary),
    Column("hash_country_uci", LargeBinary),
    Column("hash_signature", LargeBinary),
    Column("revoked_at", DateTime(timezone=True)),
    Index("ix_certificate_register_revoked", "revoked_at"),
)

infection = Table(
    "infection", t.metadata,
    Column("id", String(64), primary_key=True),
    Column("person_id", String(64), nullable=False, index=True),
    Column("detected_on", Date, nullable=False),
    Column("source", String(16), nullable=False),
    Column("test_type", String(8)),
    Column("voided", Boolean, nullable=False),
)


class Refused(Exception):
    """An answer with a stable code; its message is the code's English (app/reasons.py), never personal data."""

    def __init__(self, status: int, code: str, details: dict[str, Any] | None = None, *,
                 params: Mapping[str, Any] | None = None) -> None:
        message = english(code, params)
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


# ---- signing --------------------------------------------------------------------------------


def _active_signer(tenant: Tenant) -> Signer:
    with tenant.read() as conn:
        row = conn.execute(select(t.signer).where(t.signer.c.active.is_(True))).first()
    if row is None:
        # 409, not 501: the tenant's state, not the server, decides; and 5xx stays for real failures.
        raise Refused(409, "signing_not_configured")
    return load_signer(tenant.cipher.open(row.key_enc, f"signer:{row.kid}"), row.certificate)


def _policy(conn: Connection) -> tuple[int, str | None]:
    values = {str(k): str(v) for k, v in conn.execute(
        select(t.meta.c.key, t.meta.c.value).where(t.meta.c.key.in_([K_VALIDITY, K_ISSUER]))).all()}
    return int(values.get(K_VALIDITY, DEFAULT_VALIDITY_DAYS)), values.get(K_ISSUER)


def set_policy(tenant: Tenant, *, validity_days: int | None = None, issuer: str | None = None) -> None:
    """The tenant's certificate policy: the longest validity the server signs, and the issuer (`is`)."""
    with tenant.write() as conn:
        for key, value in ((K_VALIDITY, validity_days), (K_ISSUER, issuer)):
            if value is None:
                continue
            if conn.execute(select(t.meta.c.key).where(t.meta.c.key == key)).first() is None:
                conn.execute(insert(t.meta).values(key=key, value=str(value)))
            else:
                conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=str(value)))


def install_signer(tenant: Tenant, key_pem: bytes, cert_data: bytes) -> str:
    """Store the tenant's DSC: certificate in the clear, private key sealed under the tenant key."""
    signer = load_signer(key_pem, cert_data)
    kid = base64.b64encode(signer.kid).decode()
    with tenant.write() as conn:
        conn.execute(update(t.signer).values(active=False))
        conn.execute(insert(t.signer).values(kid=kid, certificate=certificate_der(cert_data),
                                             key_enc=tenant.cipher.seal(key_pem, f"signer:{kid}"), active=True))
    return kid


def trust_list(tenant: Tenant) -> p.TrustListResponse:
    """Every document signer the tenant has had (the stations verify certificates signed by any of them)."""
    with tenant.read() as conn:
        rows = conn.execute(select(t.signer.c.kid, t.signer.c.certificate)).all()
    return p.TrustListResponse(tenant=tenant.name, certificates=[
        p.TrustListEntry(kid=r.kid, certificate=base64.b64encode(r.certificate).decode()) for r in rows])


def sign_for_station(tenant: Tenant, body: p.SignRequest, *, station_id: str) -> p.SignResponse:
    payload = body.payload
    try:
        check_payload(payload)
    except VaxDeskError as exc:  # the schema's limits (80-character names) refuse a 3 MB name here
        raise Refused(422, "invalid_certificate", params={"problem": str(exc)[:300]}) from None
    entry_key = "v" if body.kind == "v" else "r"
    if set(payload) & {"v", "t", "r"} != {entry_key}:
        raise Refused(422, "wrong_certificate_kind", params={"kind": body.kind, "entry": entry_key})
    entry = payload[entry_key][0]
    signer = _active_signer(tenant)
    now = utcnow()
    if signer.not_after - timedelta(days=REFUSE_SIGNER_DAYS) <= now:
        raise Refused(409, "signer_expiring", params={"days": REFUSE_SIGNER_DAYS})
    with tenant.read() as conn:
        policy_days, issuer = _policy(conn)
        if issuer is not None and entry.get("is") != issuer:
            raise Refused(422, "issuer_mismatch")
        if body.valid_days is not None and body.valid_days > policy_days:
            raise Refused(422, "validity_exceeds_policy", {"max_days": policy_days}, params={"max_days": policy_days})
        mismatched = _check_subject(tenant, conn, body.subject_id, body.kind, payload, entry)
        if mismatched:
            raise Refused(422, "payload_mismatch", {"fields": mismatched})
        uvci = str(entry.get("ci", ""))
        known = conn.execute(select(register.c.subject_id).where(register.c.uvci == uvci)).first()
        if known is not None and known.subject_id != body.subject_id:
            raise Refused(409, "uvci_reused")
    try:
        signed = sign_hc1(payload, signer, issued_at=now, valid_for=timedelta(days=body.valid_days or policy_days))
    except VaxDeskError as exc:
        raise Refused(422, "invalid_certificate", params={"problem": str(exc)[:300]}) from None
    code = read_signed(signed.hc1)
    with tenant.write() as conn:
        _register(conn, uvci=uvci, kind=body.kind, subject_id=body.subject_id, station_id=station_id,
                  source="server", code=code)
    log.info("certificate signed", extra={"tenant": tenant.name, "kind": body.kind})
    return p.SignResponse(hc1=signed.hc1, kid=base64.b64encode(signer.kid).decode(), expires_at=signed.expires_at)


@cache
def _products() -> dict[str, tuple[str, str, str]]:
    return {product.code: (product.mp, product.ma, product.vp) for product in load_catalogue().products}


def _check_subject(tenant: Tenant, conn: Connection, subject_id: str, kind: str, payload: Mapping[str, Any],
                   entry: Mapping[str, Any]) -> list[str]:
    """Field names where the payload disagrees with what the server holds (names only: no values)."""
    if kind == "v":
        row = conn.execute(select(t.vaccination.c.voided).where(t.vaccination.c.id == subject_id)).first()
        record = record_values(tenant, conn, "vaccination", subject_id)
        if row is None or record is None:
            raise Refused(409, "unknown_dose")
        if row.voided:
            raise Refused(409, "dose_voided")
        wrong = []
        product = _products().get(str(record.get("product_code")))
        if product is None or (entry.get("mp"), entry.get("ma"), entry.get("vp")) != product:
            wrong.append("v.mp")
        if (entry.get("dn"), entry.get("sd")) != (record.get("dose_number"), record.get("series_doses")):
            wrong.append("v.dn")
        if not _same_day(entry.get("dt"), record.get("given_at")):
            wrong.append("v.dt")
        person_id = str(record.get("person_id"))
    else:
        found = conn.execute(select(infection).where(infection.c.id == subject_id)).first()
        if found is None or found.voided:
            raise Refused(409, "unknown_infection")
        wrong = [] if (found.source, found.test_type) == ("test", "naat") else ["r.source"]
        if entry.get("fr") != found.detected_on.isoformat():
            wrong.append("r.fr")
        person_id = found.person_id
    data = person_record(tenant, conn, person_id)
    if data is None:
        return [*wrong, "nam"]
    name = payload.get("nam") or {}
    if name.get("fn") != str(data.get("family_name") or "").strip() or \
            name.get("gn", "") != str(data.get("given_name") or "").strip():
        wrong.append("nam")
    if payload.get("dob") != data.get("dob"):
        wrong.append("dob")
    return wrong


def _same_day(certificate_day: object, given_at: object) -> bool:
    """The certificate's date is the dose's local day: one of the days the dose's UTC time falls on
    somewhere between UTC-12 and UTC+14 (the server does not know the site's time zone)."""
    try:
        moment = datetime.fromisoformat(str(given_at))
        day = date.fromisoformat(str(certificate_day))
    except ValueError:
        return False
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return (moment - timedelta(hours=12)).date() <= day <= (moment + timedelta(hours=14)).date()


def _register(conn: Connection, *, uvci: str, kind: str, subject_id: str | None, station_id: str | None,
              source: str, code: SignedCode) -> None:
    hashes = code.hashes
    values = {"kind": kind, "subject_id": subject_id, "station_id": station_id, "source": source,
              "signed_at": code.issued_at, "expires_at": code.expires_at, "country": code.issuer_country,
              "kid": base64.b64encode(code.kid).decode() if code.kid else None, "hash_uci": hashes.uci,
              "hash_country_uci": hashes.country_uci, "hash_signature": hashes.signature}
    if conn.execute(_REGISTERED, {"uvci": uvci}).first() is None:
        conn.execute(insert(register).values(uvci=uvci, **values))
    else:  # a re-signed voucher, or its revocation arrived first from another station: keep revoked_at
        conn.execute(update(register).where(register.c.uvci == uvci).values(**values))


_REGISTERED = select(register.c.uvci).where(register.c.uvci == bindparam("uvci"))


# ---- mutation handlers ------------------------------------------------------------------------


def readable(hc1: str, *, uvci: object) -> bool:
    """A station-signed code the register can take: it decodes and names the certificate's UVCI."""
    try:
        return read_signed(hc1).uvci == uvci
    except VaxDeskError:
        return False


def register_station_certificate(tenant: Tenant, conn: Connection, payload: dict[str, Any], *,
                                 station_id: str) -> None:
    """`certificate.issued` / `certificate.signed`: a certificate a station signed with its site signer
    joins the register; a voucher (no code yet) has nothing to register."""
    hc1 = payload.get("hc1")
    if hc1 is None:
        return
    if not isinstance(hc1, str):
        raise ValueError("hc1")
    try:
        code = read_signed(hc1)
    except VaxDeskError:
        raise ValueError("hc1") from None
    uvci = code.uvci
    if not uvci or uvci != payload.get("uvci"):
        raise ValueError("uvci")
    kind = "r" if "r" in code.payload else "t" if "t" in code.payload else "v"
    subject = {"v": payload.get("vaccination_id"), "r": payload.get("infection_id"), "t": payload.get("test_id")}[kind]
    _register(conn, uvci=uvci, kind=kind, subject_id=subject if isinstance(subject, str) else None,
              station_id=station_id, source="station", code=code)


def record_revocation(tenant: Tenant, conn: Connection, payload: dict[str, Any], *, station_id: str) -> None:
    """`certificate.revoked`: the register marks it; the revocation list serves its hashes."""
    uvci = payload.get("uvci")
    if not isinstance(uvci, str) or not 1 <= len(uvci) <= 80:
        raise ValueError("uvci")
    at = _moment(payload.get("revoked_at")) or utcnow()
    if conn.execute(_REGISTERED, {"uvci": uvci}).first() is None:
        # Revoked before its registration arrived (another station's push is late, or it was a voucher):
        # keep the revocation; the hashes join when the certificate does.
        conn.execute(insert(register).values(uvci=uvci, kind="v", station_id=station_id, source="station",
                                             revoked_at=at))
    else:
        conn.execute(update(register).where(register.c.uvci == uvci, register.c.revoked_at.is_(None))
                     .values(revoked_at=at))


def record_infection(tenant: Tenant, conn: Connection, payload: dict[str, Any], *, station_id: str) -> None:
    """`infection.recorded`: kept so that the server signs recovery certificates only for tests it holds."""
    infection_id, person_id = payload.get("id"), payload.get("person_id")
    if not isinstance(infection_id, str) or not isinstance(person_id, str):
        raise ValueError("id")
    detected = date.fromisoformat(str(payload.get("detected_on")))
    if conn.execute(select(infection.c.id).where(infection.c.id == infection_id)).first() is None:
        conn.execute(insert(infection).values(id=infection_id[:64], person_id=person_id[:64], detected_on=detected,
                                              source=str(payload.get("source"))[:16],
                                              test_type=str(payload.get("test_type") or "")[:8] or None,
                                              voided=False))


def void_infection(tenant: Tenant, conn: Connection, payload: dict[str, Any], *, station_id: str) -> None:
    infection_id = payload.get("id")
    if not isinstance(infection_id, str):
        raise ValueError("id")
    conn.execute(update(infection).where(infection.c.id == infection_id).values(voided=True))


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# ---- the revocation list ----------------------------------------------------------------------


def revocation_list(tenant: Tenant) -> p.RevocationList:
    """Every revoked certificate of the tenant that has not expired anyway, as EU gateway batches
    (per signer kid and hash type, at most 1000 entries each)."""
    now = utcnow()
    with tenant.read() as conn:
        rows = conn.execute(select(register).where(register.c.revoked_at.is_not(None),
                                                   register.c.hash_uci.is_not(None))).all()
    by_signer: dict[tuple[str, str], list[tuple[RevocationHashes, datetime]]] = {}
    for row in rows:
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
        if expires <= now:
            continue
        hashes = RevocationHashes(bytes(row.hash_uci), bytes(row.hash_country_uci) if row.hash_country_uci else None,
                                  bytes(row.hash_signature))
        by_signer.setdefault((row.country or "", row.kid or "UNKNOWN_KID"), []).append((hashes, expires))
    out = []
    for (country, kid), revoked in sorted(by_signer.items()):
        out.extend(batches(country=country, kid=kid, revoked=revoked))
    return p.RevocationList.model_validate({"batches": out})
