"""Issuing certificates at the station: signer in the encrypted store, review, issue, voucher,
correction, PDF, and the `vaxdesk cert issue` command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.certificates.verify import verify
from app.domain.ids import uuid7
from app.errors import AuthError, RuleViolation, ValidationError
from app.services.certificates import CertificateDesk
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import AuditLog, Certificate, Site, Vaccination, VaccinationVoid
from tests.conftest import PASSPHRASE

ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")
NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")


def vaccination(store: Store, *, family: str = "Groß-Müller", given: str = "Jürgen Ö.", dose: int = 2) -> str:
    with UnitOfWork(store, ADMIN) as uow:
        person = add_person(uow, PersonInput(family_name=family, given_name=given, dob="1964-08-12"))
        vid = uuid7()
        uow.session.add(Vaccination(
            id=vid, person_id=person.id, product_code="comirnaty", dose_number=dose, series_doses=2,
            given_at=datetime.now(UTC) - timedelta(hours=1), recorded_at=uow.now, external=False, country="DE"))
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=None, payload={})
        return vid


def test_review_shows_the_standardised_names(store: Store) -> None:
    review = CertificateDesk(store).review(NURSE, vaccination(store))
    assert (review.family_standardised, review.given_standardised) == ("GROSS<MUELLER", "JUERGEN<OE")
    assert review.dose == "2/2" and review.product_name == "Comirnaty" and not review.signer_available


def test_issue_with_the_site_signer_verifies(store: Store) -> None:
    desk = CertificateDesk(store)
    desk.install_demo_signer(ADMIN)
    vid = vaccination(store)
    issued = desk.issue(NURSE, vid)
    assert issued.hc1 is not None and issued.hc1.startswith("HC1:")
    result = verify(issued.hc1, desk.trusted_certificates())
    assert result.valid, result.error
    v = result.payload["v"][0]  # type: ignore[index]
    assert (v["dn"], v["sd"], v["mp"], v["ci"]) == (2, 2, "EU/1/20/1528", issued.uvci)
    # A DCC carries no lot number: its vaccination entry has exactly the schema's fields, none of them a lot.
    assert set(v) == {"tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci"}
    pdf = desk.pdf(NURSE, issued.certificate_id)
    assert pdf.startswith(b"%PDF")


def test_private_key_stays_inside_the_encrypted_file(store: Store, db_path: Path) -> None:
    desk = CertificateDesk(store)
    desk.install_demo_signer(ADMIN)
    for path in db_path.parent.iterdir():
        assert b"PRIVATE KEY" not in path.read_bytes(), path.name


def test_without_a_signer_the_station_gives_a_voucher(store: Store) -> None:
    desk = CertificateDesk(store)
    issued = desk.issue(NURSE, vaccination(store))
    assert issued.is_voucher
    with pytest.raises(RuleViolation, match="voucher"):
        desk.pdf(NURSE, issued.certificate_id)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "certificate.voucher")) == 1


def test_correction_reissues_and_revokes_the_old_one(store: Store) -> None:
    desk = CertificateDesk(store)
    desk.install_demo_signer(ADMIN)
    vid = vaccination(store)
    first = desk.issue(NURSE, vid)
    with pytest.raises(AuthError, match="role"):
        desk.correct(NURSE, first.certificate_id, vaccination_id=vid, reason="typo in name")
    with pytest.raises(ValidationError):
        desk.correct(ADMIN, first.certificate_id, vaccination_id=vid, reason="   ")
    second = desk.correct(ADMIN, first.certificate_id, vaccination_id=vid, reason="typo in the given name")
    assert second.uvci != first.uvci
    with store.read() as session:
        old = session.get(Certificate, first.certificate_id)
        assert old is not None and old.revoked_at is not None and old.revoke_reason == "typo in the given name"
        actions = session.scalars(select(AuditLog.action).where(AuditLog.action.like("certificate.%"))).all()
    assert actions == ["certificate.issued", "certificate.revoked", "certificate.issued"]
    with pytest.raises(RuleViolation, match="already replaced"):
        desk.correct(ADMIN, first.certificate_id, vaccination_id=vid, reason="again")


def test_voided_dose_gets_no_certificate(store: Store) -> None:
    desk = CertificateDesk(store)
    vid = vaccination(store)
    with UnitOfWork(store, ADMIN) as uow:
        uow.session.add(VaccinationVoid(id=uuid7(), vaccination_id=vid, reason="wrong person", at=uow.now))
        uow.record(action="vaccination.voided", entity="vaccination", entity_id=None, payload={})
    with pytest.raises(RuleViolation, match="voided"):
        desk.issue(NURSE, vid)


def test_only_admins_install_signers(store: Store) -> None:
    with pytest.raises(AuthError):
        CertificateDesk(store).install_demo_signer(NURSE)


def test_cert_issue_command(store: Store, db_path: Path, tmp_path: Path) -> None:
    CertificateDesk(store).install_demo_signer(ADMIN)
    vid = vaccination(store)
    store.close()
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE)
    out = tmp_path / "cert.pdf"
    result = subprocess.run([sys.executable, "-m", "app", "cert", "issue", "--db", str(db_path), "--vaccination", vid,
                             "--pdf", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("HC1:") and out.read_bytes().startswith(b"%PDF")
    missing = subprocess.run([sys.executable, "-m", "app", "cert", "issue", "--db", str(db_path), "--vaccination",
                              "nope"], capture_output=True, text=True, env=env, timeout=120)
    assert missing.returncode == 13 and "Traceback" not in missing.stderr


def test_recent_vaccinations_list_the_day_with_certificate_status(store: Store) -> None:
    desk = CertificateDesk(store)
    waiting = vaccination(store, family="Åström", given="Eva")
    voucher = vaccination(store, family="Öztürk", given="Can")
    desk.issue(NURSE, voucher)  # no signer yet: a voucher
    desk.install_demo_signer(ADMIN)
    corrected = vaccination(store)
    first = desk.issue(NURSE, corrected)
    second = desk.correct(ADMIN, first.certificate_id, vaccination_id=corrected, reason="typo")
    voided = vaccination(store, family="Weg", given="Ist")
    with UnitOfWork(store, ADMIN) as uow:
        uow.session.add(VaccinationVoid(id=uuid7(), vaccination_id=voided, reason="wrong person", at=uow.now))
        uow.record(action="vaccination.voided", entity="vaccination", entity_id=None, payload={})

    with store.read() as session:
        given_at = session.get(Vaccination, waiting).given_at  # type: ignore[union-attr]
        tz = ZoneInfo(session.get(Site, store.identity.site_id).timezone)  # type: ignore[union-attr]
    rows = {row.vaccination_id: row for row in desk.recent_vaccinations(NURSE, given_at.astimezone(tz).date())}
    assert set(rows) == {waiting, voucher, corrected}  # the voided dose is left out
    assert (rows[waiting].status, rows[waiting].certificate_id) == ("none", None)
    assert rows[voucher].status == "voucher" and rows[voucher].uvci is not None
    assert rows[corrected].status == "issued" and rows[corrected].certificate_id == second.certificate_id
    assert rows[corrected].family_name == "Groß-Müller" and rows[corrected].dose == "2/2"
    assert rows[corrected].product_name == "Comirnaty" and rows[corrected].given_at.tzinfo is not None
    assert desk.certificate_text(NURSE, second.certificate_id) == second.hc1
    assert desk.certificate_text(NURSE, rows[voucher].certificate_id or "") is None
    yesterday = datetime.now(UTC).date() - timedelta(days=2)
    assert desk.recent_vaccinations(NURSE, yesterday) == []


def test_one_certificate_per_dose_and_the_local_date(store: Store) -> None:
    desk = CertificateDesk(store)
    desk.install_demo_signer(ADMIN)
    with UnitOfWork(store, ADMIN) as uow:
        person = add_person(uow, PersonInput(family_name="Nacht", given_name="Eule", dob="1980-01-01"))
        vid = uuid7()
        # 00:30 in Berlin on 5 March is 23:30 UTC on 4 March.
        uow.session.add(Vaccination(
            id=vid, person_id=person.id, product_code="comirnaty", dose_number=1, series_doses=2,
            given_at=datetime(2026, 3, 4, 23, 30, tzinfo=UTC), recorded_at=uow.now, external=False, country="DE"))
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=None, payload={})
    assert desk.review(NURSE, vid).date == "2026-03-05"
    first = desk.issue(NURSE, vid)
    assert first.hc1 is not None
    assert verify(first.hc1, desk.trusted_certificates(), at=datetime(2026, 3, 6, tzinfo=UTC)).payload[
        "v"][0]["dt"] == "2026-03-05"  # type: ignore[index]
    with pytest.raises(RuleViolation, match="already has a certificate"):
        desk.issue(NURSE, vid)


def test_signer_from_pkcs12_and_wrong_key_usage(store: Store) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from app.certificates.signer import EKU_TEST, create_demo_chain

    desk = CertificateDesk(store)
    chain = create_demo_chain()
    p12 = pkcs12.serialize_key_and_certificates(b"dsc", chain.signer.private_key, chain.signer.certificate, None,
                                                BestAvailableEncryption(b"geheim"))
    with pytest.raises(ValidationError, match="wrong password"):
        desk.install_signer_pkcs12(ADMIN, p12, password=b"falsch")
    desk.install_signer_pkcs12(ADMIN, p12, password=b"geheim")
    assert desk.review(NURSE, vaccination(store)).signer_available
    test_only = create_demo_chain(ekus=(EKU_TEST,))
    p12 = pkcs12.serialize_key_and_certificates(b"t", test_only.signer.private_key, test_only.signer.certificate,
                                                None, BestAvailableEncryption(b"x"))
    with pytest.raises(ValidationError, match="not for vaccination"):
        desk.install_signer_pkcs12(ADMIN, p12, password=b"x")
