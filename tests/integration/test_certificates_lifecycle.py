"""A certificate's life at the station, against a real SQLCipher file: person corrections and re-issue,
revocation by voids and corrections, recovery numbering and recovery certificates, reprints from the
signed code, doses given abroad, vouchers that complete, validity and demo marks, names from the MRZ,
and the authority export's booster status."""

from __future__ import annotations

import csv
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pypdfium2
import pytest
from cryptography.hazmat.primitives import serialization
from mrz.generator.td3 import TD3CodeGenerator
from sqlalchemy import select

from app.certificates.signer import EKU_VACCINATION, create_demo_chain
from app.certificates.verify import read_signed, verify
from app.domain.ids import uuid7
from app.errors import AuthError, RuleViolation, ValidationError
from app.services.authority_export import write_authority_export
from app.services.certificates import VOUCHER_QR_PREFIX, CertificateDesk
from app.services.infections import record_infection, record_positive_naat
from app.services.person_corrections import PersonCorrections
from app.services.persons import PersonInput, add_person
from app.services.site_service import site_today
from app.services.unit_of_work import Actor, UnitOfWork
from app.services.vaccinations import DoctorStation
from app.storage.engine import Store
from app.storage.schema import AuditLog, Certificate, Outbox, Vaccination

ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")
NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")
DOCTOR = Actor(staff_id=None, role="doctor", display_name="Dr. Weber")


def person(store: Store, family: str = "Meier", given: str = "Jonas", dob: str = "1980-05-17") -> str:
    with UnitOfWork(store, NURSE) as uow:
        return add_person(uow, PersonInput(family_name=family, given_name=given, dob=dob)).id


def dose(store: Store, person_id: str, *, product: str = "comirnaty", dn: int = 1, sd: int = 2, country: str = "DE",
         external: bool = False, days_ago: int = 0) -> str:
    with UnitOfWork(store, NURSE) as uow:
        vid = uuid7()
        uow.session.add(Vaccination(
            id=vid, person_id=person_id, site_id=None if external else store.identity.site_id, product_code=product,
            dose_number=dn, series_doses=sd, given_at=datetime.now(UTC) - timedelta(days=days_ago, hours=1), recorded_at=uow.now, external=external,
            country=country))
        uow.record(action="vaccination.external_recorded" if external else "vaccination.recorded",
                   entity="vaccination", entity_id=vid, payload={})
        return vid


def pdf_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return re.sub(r"\s+", " ", document[0].get_textpage().get_text_range())
    finally:
        document.close()


@pytest.fixture
def desk(store: Store) -> CertificateDesk:
    desk = CertificateDesk(store)
    desk.configure(ADMIN, issuer="Landkreis Musterstadt")
    return desk


def _install_signer(desk: CertificateDesk, *, days: int) -> bytes:
    """A real (non-demo) document signer whose certificate ends in `days` days."""
    chain = create_demo_chain(dsc_days=days, ekus=(EKU_VACCINATION,))
    key = chain.signer.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
    desk.install_signer(ADMIN, key, chain.signer.certificate.public_bytes(serialization.Encoding.PEM))
    return chain.signer.der


# ---- 1: person corrections ------------------------------------------------------------------


def test_a_name_typo_is_corrected_synced_and_the_certificate_reissued(store: Store, desk: CertificateDesk) -> None:
    dsc = _install_signer(desk, days=400)
    pid = person(store, "Meyer", "Jonas")
    vid = dose(store, pid)
    first = desk.issue(NURSE, vid)
    corrections = PersonCorrections(store)
    with pytest.raises(AuthError):
        corrections.correct(DOCTOR, pid, changes={"family_name": "Meier"}, reason="ID card")
    with pytest.raises(ValidationError):
        corrections.correct(NURSE, pid, changes={"family_name": "Meier"}, reason="  ")
    result = corrections.correct(NURSE, pid, changes={"family_name": "Meier", "dob": "1980-05-17"},
                                 reason="checked against the ID card")
    assert result.changed == ("family_name",)  # the date of birth was already right
    assert [c.certificate_id for c in result.certificates] == [first.certificate_id]
    with store.read() as session:
        mutation = session.scalars(select(Outbox).where(Outbox.kind == "person.updated")).one()
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "person.updated")).one()
    (row,) = mutation.payload["rows"]  # the changed field, and the value the correction started from
    assert (row["entity"], row["id"], row["op"]) == ("person", pid, "update")
    assert row["values"]["family_name"] == "Meier" and "dob" not in row["values"]
    assert row["before"] == {"family_name": "Meyer", "updated_at": row["before"]["updated_at"]}
    assert audit.details == {"fields": ["family_name"], "reason": "checked against the ID card"}
    # The old certificate still prints what it signed; the re-issue signs the corrected name.
    assert "Meyer, Jonas" in pdf_text(desk.pdf(NURSE, first.certificate_id))
    second = desk.reissue_for_person_change(NURSE, first.certificate_id, reason="name corrected")
    assert read_signed(second.hc1).payload["nam"]["fn"] == "Meier"  # type: ignore[arg-type]
    assert "Meier, Jonas" in pdf_text(desk.pdf(NURSE, second.certificate_id))
    assert desk.revoked_here(first.uvci) == "name corrected"
    assert verify(second.hc1, [dsc]).valid
    with pytest.raises(RuleViolation):  # nothing differs any more
        desk.reissue_for_person_change(NURSE, second.certificate_id, reason="again")


# ---- 2: revocation ----------------------------------------------------------------------------


def test_voiding_a_dose_revokes_its_certificate_everywhere(store: Store, desk: CertificateDesk) -> None:
    desk.install_demo_signer(ADMIN)
    vid = dose(store, person(store))
    issued = desk.issue(NURSE, vid)
    result = DoctorStation(store).void_dose(DOCTOR, vid, reason="recorded for the wrong person")
    assert result.certificates_to_revoke == (issued.certificate_id,)
    assert desk.revoked_here(issued.uvci) == "recorded for the wrong person"
    with store.read() as session:
        revoked = session.scalars(select(Outbox).where(Outbox.kind == "certificate.revoked")).one()
    (row,) = revoked.payload["rows"]
    assert (row["entity"], row["id"], row["op"]) == ("certificate", issued.certificate_id, "update")
    assert row["values"]["revoked_at"] and row["values"]["revoke_reason"] == "recorded for the wrong person"


def test_correcting_the_product_leaves_one_valid_certificate(store: Store, desk: CertificateDesk) -> None:
    desk.install_demo_signer(ADMIN)
    pid = person(store)
    vid = dose(store, pid, external=True, days_ago=40)
    first = desk.issue(NURSE, vid)
    corrected = DoctorStation(store).correct_dose(DOCTOR, vid, reason="record says Spikevax", product_code="spikevax")
    second = desk.issue(NURSE, corrected.vaccination_id)
    with store.read() as session:
        in_force = session.scalars(select(Certificate.uvci).where(Certificate.revoked_at.is_(None))).all()
    assert in_force == [second.uvci] and desk.revoked_here(first.uvci) is not None


# ---- 3: recovery ------------------------------------------------------------------------------


def test_after_a_documented_infection_the_first_dose_is_1_of_1_then_boosters_2_of_1(store: Store) -> None:
    pid = person(store)
    with UnitOfWork(store, NURSE) as uow:
        record_infection(uow, person_id=pid, detected_on=date(2021, 1, 10), source="document", country="DE")
    doctor = DoctorStation(store)
    first = doctor.add_external_dose(NURSE, pid, product_code="comirnaty", given_on=date(2021, 6, 1), country="DE")
    second = doctor.add_external_dose(NURSE, pid, product_code="comirnaty", given_on=date(2021, 12, 1), country="DE")
    assert (first.dose, second.dose) == ("1/1", "2/1")
    other = person(store, "Kurz", "Ida")
    assert doctor.add_external_dose(NURSE, other, product_code="comirnaty", given_on=date(2021, 6, 1),
                                    country="DE").dose == "1/2"


def test_the_questionnaires_confirmed_infection_is_recorded(store: Store) -> None:
    from app.domain.questionnaire import Answer
    from app.services.checkin import CheckInDesk
    from app.storage.schema import Infection

    desk = CheckInDesk(store)
    pid, visit = desk.register_walk_in(NURSE, PersonInput(family_name="Lang", given_name="Eva", dob="1970-01-01"))
    answers = {q.id: Answer(yes=False) for q in desk.questionnaire.questions if q.type != "text"}
    answers["earlier_infection"] = Answer(yes=True, dates=(date(2021, 3, 2),))
    answers["consent"] = Answer(yes=True)
    desk.record_identity(NURSE, visit, "id_card")
    desk.record_questionnaire(NURSE, visit, answers)
    with store.read() as session:
        infection = session.scalars(select(Infection).where(Infection.person_id == pid)).one()
    assert (infection.detected_on, infection.source) == (date(2021, 3, 2), "questionnaire")


def test_a_recovery_certificate_from_a_positive_naat(store: Store, desk: CertificateDesk) -> None:
    desk.install_demo_signer(ADMIN)
    pid = person(store, "Özdemir", "Elif", "1979-11-02")
    tested = datetime.now(UTC).date() - timedelta(days=20)
    with UnitOfWork(store, NURSE) as uow:
        infection = record_positive_naat(uow, person_id=pid, sampled_on=tested, country="DE")
        reported = record_infection(uow, person_id=pid, detected_on=tested - timedelta(days=60), source="questionnaire",
                                    country="DE").id
    with pytest.raises(RuleViolation) as caught:
        desk.issue_recovery(NURSE, reported)
    assert caught.value.code == "cert_recovery_needs_naat"
    issued = desk.issue_recovery(NURSE, infection)
    result = verify(issued.hc1, desk.trusted_certificates())
    assert result.valid, result.error
    r = result.payload["r"][0]  # type: ignore[index]
    assert r["fr"] == tested.isoformat()
    assert r["df"] == site_today(store).isoformat()  # 20 days after the test: from today (at the site)
    assert r["du"] == (tested + timedelta(days=180)).isoformat()
    assert "GENESENENZERTIFIKAT" in pdf_text(desk.pdf(NURSE, issued.certificate_id))


# ---- 4 and 5: reprints from the signed code, doses given abroad --------------------------------


def test_a_reprint_after_a_person_update_prints_what_the_qr_says(store: Store, desk: CertificateDesk) -> None:
    desk.install_demo_signer(ADMIN)
    pid = person(store, "Schmitt", "Ina", "1990-01-01")
    issued = desk.issue(NURSE, dose(store, pid))
    PersonCorrections(store).correct(ADMIN, pid, changes={"dob": "1990-01-10"}, reason="passport")
    text = pdf_text(desk.pdf(NURSE, issued.certificate_id))
    assert "1990-01-01" in text and "1990-01-10" not in text


def test_a_dose_given_abroad_is_not_certified_here(store: Store, desk: CertificateDesk) -> None:
    desk.install_demo_signer(ADMIN)
    pid = person(store)
    austrian = dose(store, pid, country="AT", external=True, days_ago=60)
    review = desk.review(NURSE, austrian)
    assert review.refusal is not None and review.refusal.code == "cert_external_other_country"
    assert review.refusal.params == {"country": "AT"}
    with pytest.raises(RuleViolation, match="only AT issues"):
        desk.issue(NURSE, austrian)
    german = dose(store, pid, dn=2, country="DE", external=True, days_ago=20)
    signed = read_signed(desk.issue(NURSE, german).hc1)
    assert signed.issuer_country == "DE" and signed.payload["v"][0]["co"] == "DE"


# ---- 6: vouchers --------------------------------------------------------------------------------


def test_a_voucher_is_printed_with_a_claim_code_and_becomes_the_certificate(store: Store, desk: CertificateDesk) -> None:
    pid = person(store, "Weiß", "Olga")
    vid = dose(store, pid)
    voucher = desk.issue(NURSE, vid)
    assert voucher.is_voucher and voucher.claim_code is not None
    assert voucher.claim_code in pdf_text(desk.voucher_pdf(NURSE, voucher.certificate_id))
    assert desk.find_voucher(NURSE, VOUCHER_QR_PREFIX + voucher.claim_code.replace("-", "")) == voucher.certificate_id
    assert desk.find_voucher(NURSE, voucher.claim_code.lower()) == voucher.certificate_id
    assert [v.signed for v in desk.vouchers(NURSE)] == [False]
    desk.install_demo_signer(ADMIN)
    # Issuing again signs the voucher: no "already has a certificate", no second identifier.
    signed = desk.issue(NURSE, vid)
    assert signed.certificate_id == voucher.certificate_id and signed.uvci == voucher.uvci and signed.hc1
    ready = desk.vouchers(NURSE)
    assert [(v.certificate_id, v.signed) for v in ready] == [(voucher.certificate_id, True)]
    desk.printed(NURSE, voucher.certificate_id)
    assert desk.vouchers(NURSE) == []


def test_waiting_vouchers_are_signed_once_a_signer_is_there(store: Store, desk: CertificateDesk) -> None:
    vouchers = [desk.issue(NURSE, dose(store, person(store, f"Name{c}", "A"))) for c in "ABC"]
    assert desk.sign_waiting_vouchers(NURSE) == []  # no signer yet: nothing happens
    desk.install_demo_signer(ADMIN)
    signed = desk.sign_waiting_vouchers(NURSE)
    assert sorted(signed) == sorted(v.certificate_id for v in vouchers)
    with store.read() as session:
        kinds = session.scalars(select(Outbox.kind).where(Outbox.kind == "certificate.signed")).all()
    assert len(kinds) == 3 and all(v.signed for v in desk.vouchers(NURSE))


# ---- 7: validity, issuer, demo ----------------------------------------------------------------


def test_validity_is_shown_and_a_short_lived_signer_warns_then_stops(store: Store, desk: CertificateDesk) -> None:
    vid = dose(store, person(store))
    _install_signer(desk, days=20)
    review = desk.review(NURSE, vid)
    assert [w.code for w in review.warnings] == ["cert_signer_expires_soon"]
    assert review.valid_until == (datetime.now(UTC) + timedelta(days=20)).date() and review.issuer == \
        "Landkreis Musterstadt"
    issued = desk.issue(NURSE, vid)
    assert issued.expires_at is not None and "Zertifikat gültig bis" in pdf_text(desk.pdf(NURSE, issued.certificate_id))
    assert f"{issued.expires_at:%Y-%m-%d}" in pdf_text(desk.pdf(NURSE, issued.certificate_id))
    other = dose(store, person(store, "Berg", "Uwe"))
    _install_signer(desk, days=5)
    review = desk.review(NURSE, other)
    assert [w.code for w in review.warnings] == ["cert_signer_expiring"] and not review.signer_available
    assert desk.issue(NURSE, other).is_voucher  # refused to sign a five-day certificate


def test_demo_signed_certificates_say_so(store: Store, desk: CertificateDesk) -> None:
    desk.install_demo_signer(ADMIN)
    issued = desk.issue(NURSE, dose(store, person(store)))
    assert issued.demo
    assert read_signed(issued.hc1).payload["v"][0]["is"] == "DEMO - NOT VALID - Landkreis Musterstadt"
    assert "DEMO — NOT VALID" in pdf_text(desk.pdf(NURSE, issued.certificate_id))


# ---- 8: names from the passport ---------------------------------------------------------------


def test_a_georgian_name_needs_the_mrz_and_takes_its_spelling(store: Store, desk: CertificateDesk) -> None:
    desk.install_demo_signer(ADMIN)
    pid = person(store, "ჯავახიშვილი", "ნინო", "1985-03-04")
    vid = dose(store, pid)
    review = desk.review(NURSE, vid)
    assert review.refusal is not None and review.refusal.code == "cert_name_needs_mrz"
    with pytest.raises(ValidationError) as caught:
        desk.issue(NURSE, vid)
    assert caught.value.code == "cert_name_needs_mrz"
    mrz = str(TD3CodeGenerator("P", "GEO", "Javakhishvili", "Nino", "12AB34567", "GEO", "850304", "F", "300101",
                               "01234567890"))
    wrong_person = mrz.replace("850304", "850305")
    with pytest.raises(ValidationError):  # its check digits fail
        desk.review(NURSE, vid, mrz=wrong_person)
    review = desk.review(NURSE, vid, mrz=mrz)
    assert review.refusal is None and (review.family_standardised, review.given_standardised) == (
        "JAVAKHISHVILI", "NINO")
    issued = desk.issue(NURSE, vid, mrz=mrz)
    assert read_signed(issued.hc1).payload["nam"] == {"fn": "ჯავახიშვილი", "fnt": "JAVAKHISHVILI",
                                                      "gn": "ნინო", "gnt": "NINO"}
    other = str(TD3CodeGenerator("P", "GEO", "Javakhishvili", "Nino", "12AB34567", "GEO", "700101", "F", "300101",
                                 "01234567890"))
    with pytest.raises(ValidationError) as caught:
        desk.review(NURSE, vid, mrz=other)
    assert caught.value.code == "mrz_other_person"


# ---- 11: the authority export -----------------------------------------------------------------


def test_a_booster_after_jcovden_is_exported_as_a_booster(store: Store, tmp_path: Path) -> None:
    pid = person(store)
    doctor = DoctorStation(store)
    doctor.add_external_dose(NURSE, pid, product_code="jcovden", given_on=date(2021, 6, 1), country="DE")
    booster = dose(store, pid, product="comirnaty", dn=2, sd=1)
    with store.read() as session:
        day = session.get(Vaccination, booster).given_at.astimezone(doctor.tz).date()  # type: ignore[union-attr]
    out = tmp_path / "export.csv"
    write_authority_export(store, ADMIN, day, out)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["impfung_nr"], r["impfserie"]) for r in rows] == [("2", "3")]


def test_the_issuer_is_configured_per_tenant_with_the_cert_configure_command(store: Store, db_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import PASSPHRASE

    vid = dose(store, person(store))
    assert CertificateDesk(store).review(NURSE, vid).issuer == "Test Site"  # not configured: the site's name
    store.close()
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE)
    done = subprocess.run([sys.executable, "-m", "app", "cert", "configure", "--db", str(db_path), "--issuer",
                           "Gesundheitsamt Musterstadt", "--validity-days", "200"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    from app.storage.engine import open_store

    with open_store(db_path, PASSPHRASE) as reopened:
        desk = CertificateDesk(reopened)
        desk.install_demo_signer(ADMIN)
        review = desk.review(NURSE, vid)
        assert review.issuer == "DEMO - NOT VALID - Gesundheitsamt Musterstadt"
        assert review.valid_until == (datetime.now(UTC) + timedelta(days=200)).date()
    bad = subprocess.run([sys.executable, "-m", "app", "cert", "configure", "--db", str(db_path), "--validity-days",
                          "0"], capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 9 and "valid for 1 to 730 days" in bad.stderr and "Traceback" not in bad.stderr


def test_a_recovery_reissued_after_a_birth_date_correction_keeps_the_passports_spelling(
        store: Store, desk: CertificateDesk) -> None:
    """A Georgian name is written from the MRZ. After the date of birth is completed ("1985" →
    "1985-03-04"), the dose's re-issue kept the MRZ names of the certificate it replaces; a recovery's
    (and a test's) was refused with "needs the MRZ" as if it had never been scanned."""
    desk.install_demo_signer(ADMIN)
    pid = person(store, "ჯავახიშვილი", "ნინო", "1985")
    with UnitOfWork(store, NURSE) as uow:
        infection = record_positive_naat(uow, person_id=pid, sampled_on=datetime.now(UTC).date() - timedelta(days=20),
                                         country="DE")
    mrz = str(TD3CodeGenerator("P", "GEO", "Javakhishvili", "Nino", "12AB34567", "GEO", "850304", "F", "300101",
                               "01234567890"))
    old = desk.issue_recovery(NURSE, infection, mrz=mrz)
    correction = PersonCorrections(store).correct(NURSE, pid, changes={"dob": "1985-03-04"}, reason="passport")
    assert [c.certificate_id for c in correction.certificates] == [old.certificate_id]
    new = desk.reissue_for_person_change(NURSE, old.certificate_id, reason="passport")
    payload = read_signed(new.hc1 or "").payload
    assert payload["dob"] == "1985-03-04"
    assert payload["nam"] == {"fn": "ჯავახიშვილი", "fnt": "JAVAKHISHVILI", "gn": "ნინო", "gnt": "NINO"}
    assert desk.revoked_here(old.uvci) == "passport"


def test_voiding_an_earlier_dose_renumbers_the_later_one_and_its_certificate(store: Store,
                                                                             desk: CertificateDesk) -> None:
    """Dose 1 was recorded for the wrong person and voided: the person's only dose is then 1/2, not
    2/2. The later dose kept "2/2" and its certificate (and a new one) said the series was complete."""
    desk.install_demo_signer(ADMIN)
    doctor = DoctorStation(store)
    pid = person(store)
    today = site_today(store)
    first = doctor.add_external_dose(DOCTOR, pid, product_code="comirnaty", given_on=today - timedelta(days=60),
                                     country="DE")
    second = doctor.add_external_dose(DOCTOR, pid, product_code="comirnaty", given_on=today - timedelta(days=20),
                                      country="DE")
    assert (second.dose_number, second.series_doses) == (2, 2)
    complete = desk.issue(NURSE, second.vaccination_id)
    voided = doctor.void_dose(DOCTOR, first.vaccination_id, reason="recorded for the wrong person")
    assert complete.certificate_id in voided.certificates_to_revoke
    assert desk.revoked_here(complete.uvci) == "recorded for the wrong person"
    (live,) = [d for d in doctor.history(DOCTOR, pid).doses]
    assert (live.dose_number, live.series_doses, live.corrects_id) == (1, 2, second.vaccination_id)
    v = read_signed(desk.issue(NURSE, live.vaccination_id).hc1 or "").payload["v"][0]
    assert (v["dn"], v["sd"], v["dt"]) == (1, 2, (today - timedelta(days=20)).isoformat())
    # A dose entered late, before the others, renumbers them the other way.
    doctor.add_external_dose(DOCTOR, pid, product_code="comirnaty", given_on=today - timedelta(days=90), country="DE")
    numbers = sorted((d.given_at.date(), d.dose_number) for d in doctor.history(DOCTOR, pid).doses)
    assert [n for _, n in numbers] == [1, 2]
    with store.read() as session:
        in_force = session.scalars(select(Certificate.uvci).where(Certificate.revoked_at.is_(None))).all()
    assert in_force == []  # the 1/2 certificate said the wrong thing once the earlier dose was entered


def test_a_dose_before_the_birth_date_is_refused_and_never_certified(store: Store, desk: CertificateDesk) -> None:
    """A dose dated before the day of birth in the same year was accepted (only the year was compared),
    and a certificate whose date of vaccination precedes its date of birth was signed: a border verifier
    sees nonsense. On the day of birth itself it is a dose like any other."""
    desk.install_demo_signer(ADMIN)
    doctor = DoctorStation(store)
    today = site_today(store)
    born = today - timedelta(days=40)
    pid = person(store, dob=born.isoformat())
    with pytest.raises(ValidationError) as refused:
        doctor.add_external_dose(DOCTOR, pid, product_code="comirnaty", given_on=born - timedelta(days=1),
                                 country="DE")
    assert refused.value.code == "dose_date_impossible"
    on_birthday = doctor.add_external_dose(DOCTOR, pid, product_code="comirnaty", given_on=born, country="DE")
    assert read_signed(desk.issue(NURSE, on_birthday.vaccination_id).hc1 or "").payload["v"][0]["dt"] == \
        born.isoformat()
    # A date of birth corrected to after a recorded dose: the certificate is refused, with the reason.
    later = dose(store, pid, days_ago=10)
    PersonCorrections(store).correct(NURSE, pid, changes={"dob": (today - timedelta(days=5)).isoformat()},
                                     reason="passport")
    with pytest.raises(ValidationError) as before_birth:
        desk.issue(NURSE, later)
    assert before_birth.value.code == "cert_date_before_birth"
    params = before_birth.value.params
    assert params["dob"] == (today - timedelta(days=5)).isoformat() and params["date"] < params["dob"]


def test_a_voucher_whose_dose_was_voided_says_so_when_it_is_scanned(store: Store, desk: CertificateDesk) -> None:
    """The voucher's claim code found its (revoked) certificate; the desk, not finding it among the
    vouchers in force, said "printed already" to a person whose dose record had been voided."""
    vid = dose(store, person(store))
    voucher = desk.issue(NURSE, vid)
    assert voucher.claim_code is not None
    DoctorStation(store).void_dose(DOCTOR, vid, reason="recorded for the wrong person")
    with pytest.raises(RuleViolation) as refused:
        desk.find_voucher(NURSE, VOUCHER_QR_PREFIX + voucher.claim_code.replace("-", ""))
    assert refused.value.code == "cert_voucher_revoked"
    assert refused.value.params == {"reason": "recorded for the wrong person"}


def test_a_correction_cannot_revoke_another_persons_certificate(store: Store, desk: CertificateDesk) -> None:
    """`correct` took any certificate id as the one it replaces: re-issuing Meier's dose "replacing"
    Schulz's certificate revoked Schulz's, which no border accepted any more."""
    desk.install_demo_signer(ADMIN)
    meier, schulz = dose(store, person(store)), dose(store, person(store, "Schulz", "Ida", "1990-02-03"))
    desk.issue(NURSE, meier)
    theirs = desk.issue(NURSE, schulz)
    with pytest.raises(RuleViolation) as refused:
        desk.correct(DOCTOR, theirs.certificate_id, vaccination_id=meier, reason="typo")
    assert refused.value.code == "cert_replaced_other_subject"
    assert desk.revoked_here(theirs.uvci) is None
    assert len(desk.issued_for(DOCTOR, meier)) == 1


def test_the_review_tells_before_issuing_that_a_name_is_longer_than_the_certificate_allows(
        store: Store, desk: CertificateDesk) -> None:
    """A person's name may have 100 characters, a DCC's `fn` 80: the review showed nothing wrong and
    the refusal came only after the person had confirmed it."""
    desk.install_demo_signer(ADMIN)
    family = "Wolfeschlegelsteinhausenbergerdorff-Müller-Lüdenscheidt-Hohenzollern-Bergmann-Schmidt"
    assert 80 < len(family) <= 100
    vid = dose(store, person(store, family, "Jonas"))
    review = desk.review(NURSE, vid)
    assert review.refusal is not None and review.refusal.code == "cert_text_too_long"
    assert review.refusal.params == {"what": "family_name", "max": 80}
    with pytest.raises(ValidationError) as refused:
        desk.issue(NURSE, vid)
    assert refused.value.code == review.refusal.code
    assert desk.review(NURSE, dose(store, person(store), days_ago=3)).refusal is None
