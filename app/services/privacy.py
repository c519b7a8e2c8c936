"""Data-protection duties: everything held about one person (JSON and a readable PDF), and the
retention purge that removes personal data once it is safely on the server, keeping figures."""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select, text, union
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.services.permissions import use_case
from app.services.rows import get_row
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import Store
from app.storage.output import refuse_existing, write_output_file
from app.storage.schema import (
    AdverseEvent,
    Appointment,
    AuditLog,
    Base,
    Certificate,
    CovidTest,
    Infection,
    Outbox,
    Person,
    Slot,
    Vaccination,
    VaccinationVoid,
    Visit,
)
from sync.records import is_record_id

MIN_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 36_500  # a hundred years: the cutoff stays within the days VaxDesk works with


def _row(obj: Base) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in obj.__table__.columns:
        value = getattr(obj, column.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, bytes):
            continue
        out[column.key] = value
    return out


def _certificate_of(person_id: str) -> ColumnElement[bool]:
    """Every certificate about the person: a dose's, a test's and a recovery's (each names them)."""
    return (Certificate.vaccination_id.in_(select(Vaccination.id).where(Vaccination.person_id == person_id))
            | Certificate.test_id.in_(select(CovidTest.id).where(CovidTest.person_id == person_id))
            | Certificate.infection_id.in_(select(Infection.id).where(Infection.person_id == person_id)))


def _collect(session: Session, person_id: str) -> dict[str, Any]:
    person = get_row(session, Person, person_id, code="person_not_found")
    visits = session.scalars(select(Visit).where(Visit.person_id == person_id)).all()
    vaccinations = session.scalars(select(Vaccination).where(Vaccination.person_id == person_id)).all()
    vaccination_ids = [v.id for v in vaccinations]
    appointments = session.scalars(select(Appointment).where(Appointment.person_id == person_id)).all()
    ids = {person_id, *vaccination_ids, *(v.id for v in visits), *(a.id for a in appointments)}
    tests = session.scalars(select(CovidTest).where(CovidTest.person_id == person_id)).all()
    infections = session.scalars(select(Infection).where(Infection.person_id == person_id)).all()
    certificates = session.scalars(select(Certificate).where(_certificate_of(person_id))
                                   .order_by(Certificate.issued_at, Certificate.id)).all()
    ids |= {c.id for c in certificates} | {t.id for t in tests} | {i.id for i in infections}
    return {
        "person": _row(person),
        "appointments": [_row(a) for a in appointments],
        "visits": [_row(v) for v in visits],
        "vaccinations": [_row(v) for v in vaccinations],
        "voids": [_row(v) for v in session.scalars(
            select(VaccinationVoid).where(VaccinationVoid.vaccination_id.in_(vaccination_ids)))],
        "adverse_events": [_row(a) for a in session.scalars(
            select(AdverseEvent).where(AdverseEvent.person_id == person_id))],
        "certificates": [_row(c) for c in certificates],
        "covid_tests": [_row(t) for t in tests],
        "infections": [_row(i) for i in infections],
        "audit": [
            {"at": a.at.isoformat(), "action": a.action, "entity": a.entity, "entity_id": a.entity_id,
             "staff_id": a.staff_id}
            for a in session.scalars(select(AuditLog).where(AuditLog.entity_id.in_(ids)).order_by(AuditLog.seq))
        ],
    }


@use_case
def export_person(store: Store, actor: Actor, person_id: str, out_dir: Path, *,
                  clock: Clock = system_clock, force: bool = False) -> tuple[Path, Path]:
    """Write `person-<id>.json` and `.pdf` into `out_dir`; the export itself is audited."""
    if not is_record_id(person_id):  # no such person, and no file name to build from it
        raise NotFound(code="person_not_found")
    out_dir = Path(out_dir)
    json_path = out_dir / f"person-{person_id}.json"
    pdf_path = out_dir / f"person-{person_id}.pdf"
    for path in (json_path, pdf_path):
        refuse_existing(path, force=force)
    with store.read() as session:
        data = _collect(session, person_id)
    data["exported_at"] = clock().isoformat()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(code="export_folder_unwritable", params={"path": str(out_dir), "detail": exc.strerror}) \
            from None
    contents = ((json_path, json.dumps(data, indent=2, ensure_ascii=False, default=str).encode("utf-8")),
                (pdf_path, _pdf(data)))
    written: list[Path] = []
    try:
        # Both files and the audit entry, or none of them: an export that failed half-way (a full disk)
        # must not leave the person's data in a file that no audit entry accounts for.
        with UnitOfWork(store, actor, clock) as uow:
            for path, content in contents:
                write_output_file(path, content, force=force)
                written.append(path)
            uow.record(action="person.exported", entity="person", entity_id=person_id)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return json_path, pdf_path


def _pdf(data: dict[str, Any]) -> bytes:
    # reportlab (a third of a second) loads only when a PDF is made, not with the pages that offer one.
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from app.certificates.pdf import FONT, FONT_BOLD, _register_fonts

    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setTitle("Auskunft nach Art. 15 DSGVO / Data subject access")
    _, height = A4
    y = height - 20 * mm

    def line(text: str, *, bold: bool = False, size: int = 10) -> None:
        nonlocal y
        if y < 20 * mm:
            canvas.showPage()
            y = height - 20 * mm
        canvas.setFont(FONT_BOLD if bold else FONT, size)
        canvas.drawString(20 * mm, y, text[:110])
        y -= size * 0.5 * mm + 2 * mm

    person = data["person"]
    line("Auskunft über gespeicherte Daten / Data held about you", bold=True, size=16)
    line(f"{person['given_name']} {person['family_name']}, * {person['dob']}", bold=True, size=12)
    line(f"Erstellt / Exported: {data['exported_at'][:19]}")
    sections = [("Termine / Appointments", "appointments"), ("Besuche / Visits", "visits"),
                ("Impfungen / Vaccinations", "vaccinations"), ("Stornierungen / Voided records", "voids"),
                ("Nebenwirkungen / Adverse events", "adverse_events"), ("Zertifikate / Certificates", "certificates"),
                ("Tests / Tests", "covid_tests"), ("Infektionen / Infections", "infections"),
                ("Protokoll / Audit trail", "audit")]
    line("Person", bold=True, size=12)
    for key, value in person.items():
        if value not in (None, "") and not key.endswith("_key"):
            line(f"  {key}: {value}")
    for title, key in sections:
        line(f"{title} ({len(data[key])})", bold=True, size=12)
        for item in data[key]:
            line("  " + "; ".join(f"{k}={v}" for k, v in item.items() if v not in (None, "") and k != "hc1"))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


# The search's key tables keep a key whose count drops to 0 (it may return); once purged persons have
# emptied theirs, a key nobody carries any more would still say that someone of that name was here.
_NAME_KEYS = (("f", "family_name_key", "family_key"), ("g", "given_name_key", "given_key"))


def _forget_unused_name_keys(session: Session) -> None:
    for kind, table, column in _NAME_KEYS:
        unused = f"SELECT {column} FROM {table} WHERE persons = 0 AND {column} NOT IN (SELECT {column} FROM person)"
        session.execute(text(f"DELETE FROM name_key_variant WHERE kind = '{kind}' AND key IN ({unused})"))
        session.execute(text(f"DELETE FROM {table} WHERE {column} IN ({unused})"))


@dataclass(frozen=True)
class PurgeResult:
    purged: int
    kept_unsynced: bool  # True when nothing was purged because data is not yet on the server


@use_case
def purge_personal_data(store: Store, actor: Actor, *, older_than_days: int,
                        clock: Clock = system_clock) -> PurgeResult:
    """Remove names, contact data, answers and certificates of persons whose last activity is older
    than the retention period — only once everything up to then is confirmed by the server.
    What stays is pseudonymised: year of birth, sex, the first two postcode digits, and the doses."""
    if older_than_days < MIN_RETENTION_DAYS:
        raise ValidationError(code="retention_too_short", params={"days": MIN_RETENTION_DAYS}, field="older_than_days")
    if older_than_days > MAX_RETENTION_DAYS:
        raise ValidationError(code="retention_too_long", params={"days": MAX_RETENTION_DAYS}, field="older_than_days")
    with UnitOfWork(store, actor, clock) as uow:
        cutoff = uow.now - timedelta(days=older_than_days)
        unsynced = uow.session.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.state != "applied", Outbox.created_at < cutoff))
        if unsynced:
            uow.record(action="person.purge_postponed", entity="person", entity_id=None,
                       details={"unsynced_mutations": unsynced})
            return PurgeResult(0, True)
        recent = union(
            select(Visit.person_id).where(Visit.checked_in_at >= cutoff),
            select(Vaccination.person_id).where(Vaccination.given_at >= cutoff),
            select(CovidTest.person_id).where(CovidTest.ordered_at >= cutoff),
            # An infection recorded (say, from a questionnaire) or a certificate issued within the
            # period is a recent case too, however long ago the person was registered.
            select(Infection.person_id).where(Infection.recorded_at >= cutoff),
            select(Vaccination.person_id).join(Certificate, Certificate.vaccination_id == Vaccination.id)
            .where(Certificate.issued_at >= cutoff),
            select(CovidTest.person_id).join(Certificate, Certificate.test_id == CovidTest.id)
            .where(Certificate.issued_at >= cutoff),
            select(Infection.person_id).join(Certificate, Certificate.infection_id == Infection.id)
            .where(Certificate.issued_at >= cutoff),
            select(Appointment.person_id).join(Slot, Slot.id == Appointment.slot_id).where(Slot.starts_at >= cutoff),
        )
        victims = uow.session.scalars(select(Person).where(
            Person.purged_at.is_(None), Person.updated_at < cutoff, Person.id.not_in(recent))).all()
        for person in victims:
            person.family_name = person.given_name = ""
            person.family_key = person.given_key = person.phonetic_key = ""
            person.dob = person.dob[:4]
            person.postcode = (person.postcode or "")[:2] or None
            person.street = person.city = person.phone = person.email = person.insurance_number = None
            person.purged_at = uow.now
            for visit in uow.session.scalars(select(Visit).where(Visit.person_id == person.id)):
                visit.answers = None
                visit.guardian_name = None
            for cert in uow.session.scalars(select(Certificate).where(_certificate_of(person.id))):
                # Nothing is left to sign or hand over: no code, and no voucher waiting for a signer.
                cert.hc1 = cert.claim_code = None
        if victims:
            uow.session.flush()  # the triggers have counted the emptied keys down
            _forget_unused_name_keys(uow.session)
        uow.record(action="person.purged", entity="person", entity_id=None,
                   payload={},
                   details={"count": len(victims), "older_than_days": older_than_days})
        return PurgeResult(len(victims), False)
