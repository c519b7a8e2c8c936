"""Tests at the station on a real SQLCipher file: ordered for a visit, sample, result with the reading-time
hard stop, positive NAAT → infection → recovery certificate, test certificates through the desk, voids,
roles, hostile device ids, and the figures of the report and `vaxdesk stats`."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.certificates.verify import verify
from app.errors import AlreadyExists, AuthError, NotFound, RuleViolation, ValidationError
from app.reasons import Reason
from app.services.certificates import CertificateDesk
from app.services.checkin import CheckInDesk
from app.services.covid_tests import TestingDesk, device_catalogue
from app.services.persons import PersonInput, add_person
from app.services.report import daily_report, report_csv
from app.services.stats import station_stats
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import AuditLog, Certificate, CovidTest, Infection, Outbox
from sync import mutations
from tests.conftest import ManualClock

NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")
DOCTOR = Actor(staff_id=None, role="doctor", display_name="Dr. Weber")
ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")
PANBIO = "1232"  # Abbott Panbio, active on the EU list, 15 minutes


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def desk(store: Store, clock: ManualClock) -> TestingDesk:
    return TestingDesk(store, clock=clock)


def visit(store: Store, clock: ManualClock, *, family: str = "Groß-Müller", email: str | None = "j@example.org") -> str:
    with UnitOfWork(store, ADMIN, clock) as uow:
        person = add_person(uow, PersonInput(family_name=family, given_name="Jürgen", dob="1964-08-12",
                                             email=email))
    return CheckInDesk(store, clock=clock).start_walk_in_visit(NURSE, person.id)


def test_rapid_test_is_a_hard_stop_until_its_reading_time(store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    test_id = desk.order(NURSE, visit(store, clock), test_type="rat")
    row = desk.take_sample(NURSE, test_id, device_id=PANBIO)
    assert row.state == "sampled" and row.device_name and "Panbio" in row.device_name
    assert row.ready_at == (clock.now + timedelta(minutes=15)).astimezone(row.ready_at.tzinfo)  # type: ignore[union-attr]
    clock.now += timedelta(minutes=14, seconds=59)
    for result in ("negative", "positive", "invalid"):
        with pytest.raises(RuleViolation) as stop:
            desk.enter_result(NURSE, test_id, result=result)
        assert stop.value.code == "test_too_early" and stop.value.params["minutes"] == 15
    assert desk.get(NURSE, test_id).result is None  # nothing was stored by the refusals
    assert [r.test_id for r in desk.waiting(NURSE)] == [test_id]
    clock.now += timedelta(seconds=1)
    assert desk.enter_result(NURSE, test_id, result="negative").state == "resulted"
    assert desk.waiting(NURSE) == []
    with pytest.raises(RuleViolation) as again:
        desk.enter_result(NURSE, test_id, result="positive")
    assert again.value.code == "test_already_resulted"


def test_reading_time_per_device_and_default(store: Store, clock: ManualClock) -> None:
    catalogue = device_catalogue()
    assert catalogue.devices["1822"].reading_minutes == 20  # from resources/test_devices.json
    unlisted = next(d for d in catalogue.active() if d.device_id not in ("1232", "1468", "1833", "1304", "1822",
                                                                         "1815"))
    assert unlisted.reading_minutes == catalogue.default_reading_minutes == 15
    desk = TestingDesk(store, clock=clock)
    test_id = desk.order(NURSE, visit(store, clock), test_type="rat")
    desk.take_sample(NURSE, test_id, device_id="1822")
    clock.now += timedelta(minutes=19)
    with pytest.raises(RuleViolation):
        desk.enter_result(DOCTOR, test_id, result="negative")
    clock.now += timedelta(minutes=1)
    assert desk.enter_result(DOCTOR, test_id, result="negative").result == "negative"


@pytest.mark.parametrize("device", ["9999999", "1065", "1232'; DROP TABLE covid_test;--", "", "\u202e1232",
                                    "1" * 17, "<script>"])
def test_hostile_or_withdrawn_device_ids_are_refused(store: Store, desk: TestingDesk, clock: ManualClock,
                                                     device: str) -> None:
    test_id = desk.order(NURSE, visit(store, clock), test_type="rat")
    with pytest.raises(ValidationError) as refused:
        desk.take_sample(NURSE, test_id, device_id=device)
    assert refused.value.code in ("test_device_unknown", "test_device_inactive", "test_device_required")
    assert refused.value.field == "device_id"
    with store.read() as session:
        test = session.get(CovidTest, test_id)
        assert test is not None and test.sampled_at is None and test.device_id is None


def test_naat_needs_lab_and_sample_id_and_a_positive_gives_a_recovery_certificate(
        store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    test_id = desk.order(NURSE, visit(store, clock), test_type="naat")
    with pytest.raises(ValidationError) as no_lab:
        desk.take_sample(NURSE, test_id, sample_id="S-1")
    assert no_lab.value.code == "test_lab_required"
    with pytest.raises(ValidationError) as bad_id:
        desk.take_sample(NURSE, test_id, lab_name="Labor Nord", sample_id="S\n1")
    assert bad_id.value.code == "test_sample_id_invalid"
    desk.take_sample(NURSE, test_id, lab_name="Labor Nord", sample_id="S-2026-0001")
    row = desk.enter_result(NURSE, test_id, result="positive")  # a NAAT has no reading time: the lab tells
    assert row.infection_id is not None
    with store.read() as session:
        infection = session.get(Infection, row.infection_id)
        assert infection is not None and (infection.source, infection.test_type) == ("test", "naat")
    certificates = CertificateDesk(store, clock=clock)
    certificates.install_demo_signer(ADMIN)
    clock.now += timedelta(days=11)
    issued = certificates.issue_recovery(NURSE, row.infection_id)
    assert issued.hc1 is not None
    result = verify(issued.hc1, certificates.trusted_certificates(), at=clock.now)
    assert result.valid, result.error
    assert result.payload is not None and result.payload["r"][0]["fr"] == "2026-12-01"
    with pytest.raises(RuleViolation) as positive:
        certificates.issue_test(NURSE, test_id)
    assert positive.value.code == "cert_test_not_negative"


def test_test_certificate_through_the_desk_verifies_and_prints(store: Store, desk: TestingDesk,
                                                               clock: ManualClock) -> None:
    certificates = CertificateDesk(store, clock=clock)
    test_id = desk.order(NURSE, visit(store, clock), test_type="rat")
    desk.take_sample(NURSE, test_id, device_id=PANBIO)
    with pytest.raises(RuleViolation) as early:
        certificates.issue_test(NURSE, test_id)
    assert early.value.code == "cert_test_no_result"
    clock.now += timedelta(minutes=15)
    desk.enter_result(NURSE, test_id, result="negative")
    with pytest.raises(RuleViolation) as unsigned:
        certificates.issue_test(NURSE, test_id)
    assert unsigned.value.code == "cert_test_needs_signer"
    assert certificates.review_test(NURSE, test_id).refusal == Reason("cert_test_needs_signer")
    certificates.install_demo_signer(ADMIN)
    review = certificates.review_test(NURSE, test_id)
    assert review.refusal is None and review.signer_available
    assert (review.family_standardised, review.given_standardised) == ("GROSS<MUELLER", "JUERGEN")
    assert review.device is not None and "Panbio" in review.device and review.issuer.startswith("DEMO")
    issued = certificates.issue_test(NURSE, test_id)
    assert issued.hc1 is not None
    result = verify(issued.hc1, certificates.trusted_certificates(), at=clock.now)
    assert result.valid, result.error
    assert result.payload is not None
    entry = result.payload["t"][0]
    assert (entry["tt"], entry["ma"], entry["tr"], entry["sc"], entry["co"]) == (
        "LP217198-3", PANBIO, "260415000", "2026-12-01T09:00:00Z", "DE")
    assert entry["tc"] == "Test Site" and entry["ci"] == issued.uvci and "nm" not in entry
    assert result.payload["nam"]["fnt"] == "GROSS<MUELLER"
    assert issued.expires_at == clock.now + timedelta(hours=72)
    pdf = certificates.pdf(NURSE, issued.certificate_id)
    assert pdf.startswith(b"%PDF")
    with pytest.raises(RuleViolation) as twice:
        certificates.issue_test(NURSE, test_id)
    assert twice.value.code == "cert_already_issued"
    # Voiding the test revokes its certificate; the verifier's station check says so.
    desk.void(DOCTOR, test_id, reason="wrong person's sample")
    assert certificates.revoked_here(issued.uvci) == "wrong person's sample"
    with pytest.raises(NotFound):
        certificates.issue_test(NURSE, test_id)


def test_voided_test_takes_no_result_and_a_positive_naat_void_voids_its_infection(
        store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    test_id = desk.order(NURSE, visit(store, clock), test_type="rat")
    desk.take_sample(NURSE, test_id, device_id=PANBIO)
    desk.void(NURSE, test_id, reason="sample spilled")
    clock.now += timedelta(minutes=30)
    with pytest.raises(RuleViolation) as voided:
        desk.enter_result(NURSE, test_id, result="negative")
    assert voided.value.code == "test_voided"
    with pytest.raises(RuleViolation):
        desk.void(NURSE, test_id, reason="again")
    naat = desk.order(NURSE, visit(store, clock, family="Okafor"), test_type="naat")
    desk.take_sample(NURSE, naat, lab_name="Labor Nord", sample_id="S-9")
    infection_id = desk.enter_result(NURSE, naat, result="positive").infection_id
    desk.void(ADMIN, naat, reason="lab mixed up tubes")
    with store.read() as session:
        infection = session.get(Infection, infection_id)
        assert infection is not None and infection.voided_at is not None
    with pytest.raises(NotFound):
        CertificateDesk(store, clock=clock).issue_recovery(NURSE, str(infection_id))


def test_roles_nurse_and_doctor_test_the_admin_does_not(store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    visit_id = visit(store, clock)
    with pytest.raises(AuthError):
        desk.order(ADMIN, visit_id, test_type="rat")
    test_id = desk.order(DOCTOR, visit_id, test_type="rat")
    with pytest.raises(AuthError):
        desk.take_sample(ADMIN, test_id, device_id=PANBIO)
    desk.take_sample(NURSE, test_id, device_id=PANBIO)
    clock.now += timedelta(minutes=20)
    with pytest.raises(AuthError):
        desk.enter_result(ADMIN, test_id, result="negative")
    desk.enter_result(NURSE, test_id, result="negative")
    with store.read() as session:
        refused = session.scalars(select(AuditLog.details).where(AuditLog.action == "auth.refused")).all()
    assert len([d for d in refused if d and d["use_case"].startswith("covid_tests.")]) == 3


def test_each_step_syncs_as_its_typed_mutation(store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    test_id = desk.order(NURSE, visit(store, clock), test_type="naat", mail_result=True, mail_lang="en")
    desk.take_sample(NURSE, test_id, lab_name="Labor Nord", sample_id="S-77")
    desk.enter_result(NURSE, test_id, result="positive")
    with store.read() as session:
        queued = session.execute(select(Outbox.kind, Outbox.payload).order_by(Outbox.station_seq)).all()
    kinds = [k for k, _ in queued]
    assert kinds[-4:] == ["test.ordered", "test.sampled", "infection.recorded", "test.resulted"]
    for kind, payload in queued:
        mutations.parse(kind, payload)  # what the server will check, field by field
    resulted = dict(queued)["test.resulted"]["rows"][0]["values"]
    assert resulted["result"] == "positive" and resulted["infection_id"]


def test_mail_needs_an_address_and_one_open_test_per_visit(store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    no_mail = visit(store, clock, email=None)
    with pytest.raises(ValidationError) as refused:
        desk.order(NURSE, no_mail, test_type="rat", mail_result=True)
    assert refused.value.code == "test_mail_no_email"
    desk.order(NURSE, no_mail, test_type="rat")
    with pytest.raises(RuleViolation) as twice:
        desk.order(NURSE, no_mail, test_type="naat")
    assert twice.value.code == "test_already_open"
    with pytest.raises(ValidationError):
        desk.order(NURSE, no_mail, test_type="antibody")
    with pytest.raises(NotFound):
        desk.order(NURSE, "no-such-visit", test_type="rat")


def test_tests_count_in_the_daily_report_and_stats(store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    for family, result in (("Adler", "negative"), ("Berg", "positive"), ("Conte", "invalid")):
        test_id = desk.order(NURSE, visit(store, clock, family=family), test_type="rat")
        desk.take_sample(NURSE, test_id, device_id=PANBIO)
        clock.now += timedelta(minutes=15)
        desk.enter_result(NURSE, test_id, result=result)
    voided = desk.order(NURSE, visit(store, clock, family="Dorn"), test_type="rat")
    desk.take_sample(NURSE, voided, device_id=PANBIO)
    desk.void(NURSE, voided, reason="wrong person")
    report = daily_report(store, ADMIN, clock.now.date())
    assert (report.tests_taken, report.tests_positive, report.tests_negative, report.tests_invalid) == (3, 1, 1, 1)
    assert not report.empty
    assert "tests;taken;;3" in report_csv(report)
    figures = station_stats(store)
    assert figures["tests"] == 3 and figures["tests_positive"] == 1
    with store.read() as session:
        assert session.scalar(select(Certificate.id)) is None


def test_positive_results_export_in_the_german_reporting_format(store: Store, desk: TestingDesk, clock: ManualClock,
                                                                 tmp_path: Path) -> None:
    from app.services.positive_tests_export import write_positive_tests_export

    results = {}
    for family, kind, result in (("Adler", "rat", "positive"), ("Berg", "naat", "positive"),
                                 ("Conte", "rat", "negative"), ("Dorn", "rat", "positive")):
        test_id = desk.order(NURSE, visit(store, clock, family=family), test_type=kind)
        if kind == "rat":
            desk.take_sample(NURSE, test_id, device_id=PANBIO)
        else:
            desk.take_sample(NURSE, test_id, lab_name="=HYPERLINK(\"http://x\")", sample_id="S-1")
        clock.now += timedelta(minutes=15)
        desk.enter_result(NURSE, test_id, result=result)
        results[family] = test_id
    desk.void(DOCTOR, results["Dorn"], reason="wrong person")
    out = tmp_path / "positive.csv"
    with pytest.raises(AuthError):
        write_positive_tests_export(store, NURSE, clock.now.date(), out)
    assert write_positive_tests_export(store, ADMIN, clock.now.date(), out) == 2
    header, *lines = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert header[:4] == ["Vorgangsnummer", "Erreger", "Befund", "Testart"]
    by_id = {line[0]: line for line in lines}
    assert set(by_id) == {results["Adler"], results["Berg"]}  # negatives and voided ones left out
    columns = dict(zip(header, by_id[results["Adler"]], strict=True))
    assert columns["Nachname"] == "Adler" and columns["Vorname"] == "Jürgen"
    assert (columns["Befund"], columns["Testart"], columns["Testhersteller_ID"]) == (
        "positiv", "Antigen-Schnelltest", PANBIO)
    assert columns["Geburtsdatum"] == "1964-08-12" and columns["E_Mail"] == "j@example.org"
    naat = dict(zip(header, by_id[results["Berg"]], strict=True))
    assert (naat["Testart"], naat["Probennummer"]) == ("PCR (NAAT)", "S-1")
    assert naat["Labor"].startswith("'=")  # a lab name typed as a formula is neutralised
    with pytest.raises(AlreadyExists):
        write_positive_tests_export(store, ADMIN, clock.now.date(), out)
    with store.read() as session:
        actions = session.scalars(select(AuditLog.action).where(AuditLog.action.like("export.positive%"))).all()
    assert sorted(actions) == ["export.positive_tests", "export.positive_tests_read"]


def test_a_signer_not_allowed_to_sign_tests_issues_no_test_certificate(store: Store, desk: TestingDesk,
                                                                       clock: ManualClock) -> None:
    from cryptography.hazmat.primitives import serialization

    from app.certificates.signer import EKU_VACCINATION, create_demo_chain

    chain = create_demo_chain(now=clock.now - timedelta(days=1), ekus=(EKU_VACCINATION,))
    key = chain.signer.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
    certificates = CertificateDesk(store, clock=clock)
    certificates.install_signer(ADMIN, key, chain.signer.certificate.public_bytes(serialization.Encoding.PEM))
    test_id = desk.order(NURSE, visit(store, clock), test_type="naat")
    desk.take_sample(NURSE, test_id, lab_name="Labor Nord", sample_id="S-3")
    desk.enter_result(NURSE, test_id, result="negative")
    with pytest.raises(RuleViolation) as refused:
        certificates.issue_test(NURSE, test_id)
    assert refused.value.code == "cert_signer_not_for_test"
    with store.read() as session:
        assert session.scalar(select(Certificate.id)) is None


def test_a_persons_tests_are_in_their_export_and_purged_with_them(store: Store, desk: TestingDesk, clock: ManualClock,
                                                                  tmp_path: Path) -> None:
    import json

    from sqlalchemy import update

    from app.services.privacy import export_person, purge_personal_data
    from app.storage.schema import Person

    certificates = CertificateDesk(store, clock=clock)
    certificates.install_demo_signer(ADMIN)
    test_id = desk.order(NURSE, visit(store, clock), test_type="rat")
    desk.take_sample(NURSE, test_id, device_id=PANBIO)
    clock.now += timedelta(minutes=15)
    desk.enter_result(NURSE, test_id, result="negative")
    issued = certificates.issue_test(NURSE, test_id)
    person_id = desk.get(NURSE, test_id).person_id
    json_path, _pdf = export_person(store, ADMIN, person_id, tmp_path / "export", clock=clock)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert [t["id"] for t in data["covid_tests"]] == [test_id]
    assert [c["id"] for c in data["certificates"]] == [issued.certificate_id]

    later = clock.now + timedelta(days=400)
    with store.write() as session:
        session.execute(update(Outbox).values(state="applied"))
        session.execute(update(Person).values(updated_at=clock.now))
    assert purge_personal_data(store, ADMIN, older_than_days=365, clock=lambda: later).purged == 1
    with store.read() as session:
        certificate = session.get(Certificate, issued.certificate_id)
        assert certificate is not None and certificate.hc1 is None  # the signed names went with the person


def test_a_name_correction_offers_the_test_certificate_and_its_reissue_carries_the_new_name(
        store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    """A border checks the test certificate's name against the passport: after a typo is corrected, the
    correction must list the test certificate signed with the old name (it listed doses' and recoveries'
    only, so the desk never offered to re-issue it), and the re-issue revokes the old code."""
    from app.services.person_corrections import PersonCorrections

    certificates = CertificateDesk(store, clock=clock)
    certificates.install_demo_signer(ADMIN)
    test_id = desk.order(NURSE, visit(store, clock, family="Gross-Müler"), test_type="rat")
    desk.take_sample(NURSE, test_id, device_id=PANBIO)
    clock.now += timedelta(minutes=15)
    desk.enter_result(NURSE, test_id, result="negative")
    old = certificates.issue_test(NURSE, test_id)
    with store.read() as session:
        person_id = session.get(CovidTest, test_id).person_id  # type: ignore[union-attr]
    correction = PersonCorrections(store, clock=clock).correct(
        NURSE, person_id, changes={"family_name": "Groß-Müller"}, reason="passport checked")
    assert [c.certificate_id for c in correction.certificates] == [old.certificate_id]
    assert correction.certificates[0].test_id == test_id
    new = certificates.reissue_for_person_change(NURSE, old.certificate_id, reason="passport checked")
    result = verify(new.hc1 or "", certificates.trusted_certificates(), at=clock.now)
    assert result.valid, result.error
    assert result.payload is not None
    assert (result.payload["nam"]["fn"], result.payload["nam"]["fnt"]) == ("Groß-Müller", "GROSS<MUELLER")
    assert result.payload["t"][0]["sc"] == "2026-12-01T09:00:00Z"  # the sample time, not the re-issue's
    assert certificates.revoked_here(old.uvci) == "passport checked"
    assert certificates.certificates_of_person(NURSE, person_id) == [(new.certificate_id, None, new.uvci)]


def test_voiding_the_positive_naat_before_a_1_of_1_dose_makes_it_1_of_2(
        store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    """A dose after a documented infection is 1/1 (the series complete). When the positive NAAT turns
    out to be another person's sample and is voided, the dose is 1/2: it kept "1/1", and its
    certificate still said complete."""
    from app.services.vaccinations import DoctorStation

    test_id = desk.order(NURSE, visit(store, clock), test_type="naat")
    desk.take_sample(NURSE, test_id, lab_name="Labor Nord", sample_id="S-2026-0002")
    row = desk.enter_result(NURSE, test_id, result="positive")
    with store.read() as session:
        person_id = session.get(CovidTest, test_id).person_id  # type: ignore[union-attr]
    doctor = DoctorStation(store, clock=clock)
    clock.now += timedelta(days=1)
    dose = doctor.add_external_dose(DOCTOR, person_id, product_code="comirnaty", given_on=clock.now.date(),
                                    country="DE")
    assert (dose.dose_number, dose.series_doses) == (1, 1) and row.infection_id is not None
    certificates = CertificateDesk(store, clock=clock)
    certificates.install_demo_signer(ADMIN)
    complete = certificates.issue(NURSE, dose.vaccination_id)
    desk.void(DOCTOR, test_id, reason="another person's sample")
    assert certificates.revoked_here(complete.uvci) == "another person's sample"
    (live,) = doctor.history(DOCTOR, person_id).doses
    assert (live.dose_number, live.series_doses, live.corrects_id) == (1, 2, dose.vaccination_id)
    with store.read() as session:
        kinds = [o.kind for o in session.scalars(select(Outbox).order_by(Outbox.station_seq))][-4:]
    assert "vaccination.corrected" in kinds and "test.voided" in kinds


def test_a_clock_set_back_after_the_sample_says_so_instead_of_a_reading_time_hours_away(
        store: Store, desk: TestingDesk, clock: ManualClock) -> None:
    """The station's clock was three hours fast when the sample was taken and is corrected: the rapid test
    is not "to be read from" a time three hours away; the refusal says the clock went back, and a void and a
    new sample go on. Nothing is stored by the refusal."""
    test_id = desk.order(NURSE, visit(store, clock), test_type="rat")
    desk.take_sample(NURSE, test_id, device_id=PANBIO)
    clock.now -= timedelta(hours=3)
    clock.now += timedelta(minutes=16)
    with pytest.raises(RuleViolation) as refused:
        desk.enter_result(NURSE, test_id, result="negative")
    assert refused.value.code == "test_clock_before_sample" and refused.value.params == {"time": "10:00"}  # 09:00 UTC, Berlin
    assert desk.get(NURSE, test_id).result is None
    desk.void(NURSE, test_id, reason="Clock was set back; sample taken again")
    again = desk.order(NURSE, desk.get(NURSE, test_id).visit_id, test_type="rat")
    desk.take_sample(NURSE, again, device_id=PANBIO)
    clock.now += timedelta(minutes=15)
    assert desk.enter_result(NURSE, again, result="negative").state == "resulted"
