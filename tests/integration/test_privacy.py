"""Data-protection duties: export of everything about one person, the retention purge, staff admin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select, update

from app.errors import AuthError, ValidationError
from app.services.audit import query_audit, record_person_view
from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.checkin import CheckInDesk
from app.services.persons import PersonInput, add_person
from app.services.privacy import export_person, purge_personal_data
from app.services.staff import authenticate, create_staff, reset_pin, set_active, set_role
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Outbox, Person
from app.storage.statements import driver, rows
from tests.conftest import PASSPHRASE

ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")


def _person(store: Store, family: str = "Zwetschke", given: str = "Walburga") -> str:
    with UnitOfWork(store, ADMIN) as uow:
        return add_person(uow, PersonInput(family_name=family, given_name=given, dob="1950-03-04",
                                           postcode="10115", city="Berlin", phone="+49 30 1234567")).id


def test_export_holds_everything_and_is_audited(store: Store, tmp_path: Path) -> None:
    pid = _person(store)
    record_person_view(store, ADMIN, pid, purpose="check-in")
    json_path, pdf_path = export_person(store, ADMIN, pid, tmp_path / "export")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["person"]["family_name"] == "Zwetschke" and data["person"]["phone"] == "+49 30 1234567"
    assert [a["action"] for a in data["audit"]] == ["person.created", "person.viewed"]
    text = pdfium.PdfDocument(pdf_path.read_bytes())[0].get_textpage().get_text_range()
    assert "Walburga Zwetschke" in text
    assert [r.action for r in query_audit(store, ADMIN, entity_id=pid)][:1] == ["person.exported"]


def test_person_export_command(store: Store, db_path: Path, tmp_path: Path) -> None:
    pid = _person(store)
    store.close()
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE)
    ok = subprocess.run([sys.executable, "-m", "app", "person", "export", "--db", str(db_path), "--person", pid,
                         "--out", str(tmp_path / "o")], capture_output=True, text=True, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "o" / f"person-{pid}.json").exists()
    missing = subprocess.run([sys.executable, "-m", "app", "person", "export", "--db", str(db_path), "--person",
                              "nobody", "--out", str(tmp_path / "o2")], capture_output=True, text=True, env=env,
                             timeout=120)
    assert missing.returncode == 13 and "Traceback" not in missing.stderr


def test_purge_waits_for_the_server_then_keeps_only_figures(store: Store) -> None:
    pid = _person(store)
    later = datetime.now(UTC) + timedelta(days=400)
    with store.write() as session:  # the record is old by then
        session.execute(update(Person).values(updated_at=datetime.now(UTC) - timedelta(days=1)))
    result = purge_personal_data(store, ADMIN, older_than_days=365, clock=lambda: later)
    assert (result.purged, result.kept_unsynced) == (0, True)  # not yet confirmed by the server
    with store.write() as session:
        session.execute(update(Outbox).values(state="applied"))
    result = purge_personal_data(store, ADMIN, older_than_days=365, clock=lambda: later)
    assert result.purged == 1
    with store.read() as session:
        person = session.get(Person, pid)
        assert person is not None
        assert (person.family_name, person.dob, person.postcode, person.phone) == ("", "1950", "10", None)
    with pytest.raises(ValidationError):
        purge_personal_data(store, ADMIN, older_than_days=3)


def test_a_purged_persons_names_are_left_in_no_table(store: Store) -> None:
    """The check-in's search tables carry the names of booked persons (migration 0010) and every name
    as a key: the purge must empty those copies as well, and no other table may keep one."""
    pid = _person(store)
    now = datetime.now(UTC).replace(microsecond=0)
    with UnitOfWork(store, ADMIN) as uow:
        (slot,) = open_slots(uow, SlotPlan(site_id=store.identity.site_id, opens=now,
                                           closes=now + timedelta(minutes=10), slot_minutes=10, capacity=2))
        book_appointment(uow, person_id=pid, slot_id=slot.id)
    with store.write() as session:
        session.execute(update(Person).values(updated_at=now - timedelta(days=1)))
        session.execute(update(Outbox).values(state="applied"))
    # The search's key tables hold the names as keys ("walburga"), the search table as written.
    assert _tables_holding(store, "Walburga") == ["booking_search", "given_name_key", "name_key_variant", "person"]
    assert purge_personal_data(store, ADMIN, older_than_days=365, clock=lambda: now + timedelta(days=400)).purged == 1
    assert _tables_holding(store, "Walburga") == [] and _tables_holding(store, "Zwetschke") == []
    # A key someone still carries stays, and finds them.
    other = _person(store, family="Quitte", given="Walburga")
    with store.write() as session:
        session.execute(update(Person).values(updated_at=now - timedelta(days=1)))
        session.execute(update(Person).where(Person.id == other).values(updated_at=now + timedelta(days=399)))
        session.execute(update(Outbox).values(state="applied"))
    _person(store, family="Zwetschke", given="Walburga")  # the same name again, purged with the old one
    with store.write() as session:
        session.execute(update(Person).where(Person.id != other).values(updated_at=now - timedelta(days=1)))
        session.execute(update(Outbox).values(state="applied"))
    assert purge_personal_data(store, ADMIN, older_than_days=365, clock=lambda: now + timedelta(days=400)).purged == 1
    assert _tables_holding(store, "Zwetschke") == []
    assert _tables_holding(store, "Walburga") == ["given_name_key", "name_key_variant", "person"]
    (found,) = CheckInDesk(store).find(ADMIN, "Quitte Walburga").matches
    assert found.person_id == other and found.given_name == "Walburga"


def _tables_holding(store: Store, word: str) -> list[str]:
    """The tables with a row whose text columns hold `word` (the outbox's payloads and the audit's
    details aside: they are what the server was sent and what was done, kept as the law asks)."""
    found = []
    with store.read() as session:
        db = driver(session)
        for (table,) in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
                                 "('outbox', 'audit_log') ORDER BY name"):
            columns = [c[1] for c in rows(db, f"PRAGMA table_info({table})")]
            where = " OR ".join(f"CAST({c} AS TEXT) LIKE ?" for c in columns)
            if rows(db, f"SELECT 1 FROM {table} WHERE {where} LIMIT 1", [f"%{word}%"] * len(columns)):
                found.append(table)
    return found


@pytest.mark.parametrize("days", [36_501, 1_000_000])  # the command line takes up to a million
def test_a_retention_past_the_calendar_is_refused_and_nothing_purged(store: Store, days: int) -> None:
    """A million days back is before the year 1: the cutoff does not exist (an OverflowError before,
    "an unexpected error" at the command line)."""
    pid = _person(store)
    with store.write() as session:
        session.execute(update(Outbox).values(state="applied"))
    with pytest.raises(ValidationError) as refused:
        purge_personal_data(store, ADMIN, older_than_days=days)
    assert refused.value.code == "retention_too_long" and refused.value.field == "older_than_days"
    assert str(refused.value) == "The retention period must be at most 36500 days."
    with store.read() as session:
        assert session.scalars(select(Person.family_name).where(Person.id == pid)).one() == "Zwetschke"


def test_recent_people_are_never_purged(store: Store) -> None:
    pid = _person(store)
    with store.write() as session:
        session.execute(update(Outbox).values(state="applied"))
    assert purge_personal_data(store, ADMIN, older_than_days=30).purged == 0
    with store.read() as session:
        assert session.scalars(select(Person.family_name).where(Person.id == pid)).one() == "Zwetschke"


def test_staff_admin(store: Store) -> None:
    nurse = create_staff(store, ADMIN, login="tobias", display_name="Tobias Krüger", role="nurse", pin="8642")
    boss = create_staff(store, ADMIN, login="jana", display_name="Jana Novak", role="admin", pin="2468")
    as_nurse = authenticate(store, login="tobias", pin="8642")
    with pytest.raises(AuthError):
        reset_pin(store, as_nurse, boss.id, "9999")
    now = datetime.now(UTC)
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(store, login="tobias", pin="1111", clock=lambda: now)
    reset_pin(store, ADMIN, nurse.id, "5791")  # also lifts the lock-out
    assert authenticate(store, login="tobias", pin="5791", clock=lambda: now).role == "nurse"
    set_role(store, ADMIN, nurse.id, "doctor")
    assert authenticate(store, login="tobias", pin="5791").role == "doctor"
    set_active(store, ADMIN, nurse.id, False)
    with pytest.raises(AuthError):
        authenticate(store, login="tobias", pin="5791")
    with pytest.raises(ValidationError, match="last active admin"):
        set_active(store, ADMIN, boss.id, False)
    actions = [r.action for r in query_audit(store, ADMIN, action_prefix="staff.")]
    assert {"staff.pin_reset", "staff.role_changed", "staff.deactivated"} <= set(actions)


@pytest.mark.parametrize("person_id", ["x" * 100_000, "../../outside/evil", "a/b", ""])
def test_an_export_for_an_id_no_person_can_have_is_refused_and_writes_nothing(store: Store, tmp_path: Path,
                                                                              person_id: str) -> None:
    """The file names are built from the id: a 100,000-character one was an OSError ("an unexpected
    error" at the command line), and one with slashes would point outside the export folder."""
    from app.errors import NotFound

    with pytest.raises(NotFound) as refused:
        export_person(store, ADMIN, person_id, tmp_path / "export")
    assert refused.value.code == "person_not_found"
    assert not (tmp_path / "export").exists() and not list(tmp_path.parent.glob("outside"))


def _recovered_person(store: Store, *, tested_days_ago: int) -> tuple[str, str, str]:
    """A person with a positive NAAT and the recovery certificate issued for it: (person, infection, certificate)."""
    from app.services.certificates import CertificateDesk
    from app.services.infections import record_positive_naat

    pid = _person(store)
    with UnitOfWork(store, ADMIN) as uow:
        infection = record_positive_naat(uow, person_id=pid, sampled_on=datetime.now(UTC).date()
                                         - timedelta(days=tested_days_ago), country="DE")
    desk = CertificateDesk(store)
    desk.install_demo_signer(ADMIN)
    return pid, infection, desk.issue_recovery(ADMIN, infection).certificate_id


def test_the_export_holds_the_persons_infections_and_recovery_certificates(store: Store, tmp_path: Path) -> None:
    """Art. 15: a recorded infection and the recovery certificate issued for it are data about the
    person; the export left both out (only doses' and tests' certificates were collected)."""
    pid, infection, certificate = _recovered_person(store, tested_days_ago=20)
    json_path, pdf_path = export_person(store, ADMIN, pid, tmp_path / "export")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert [i["id"] for i in data["infections"]] == [infection]
    assert [c["id"] for c in data["certificates"]] == [certificate]
    actions = {a["action"] for a in data["audit"]}
    assert {"infection.recorded", "certificate.issued"} <= actions, actions
    text = pdfium.PdfDocument(pdf_path.read_bytes())[0].get_textpage().get_text_range()
    assert "Infektionen / Infections (1)" in text and "Zertifikate / Certificates (1)" in text


def test_a_purge_leaves_no_recovery_certificate_naming_the_person(store: Store) -> None:
    """The signed code names the person (fn, gn, dob): the purge emptied it for doses' and tests'
    certificates only, so a recovery certificate kept the name and date of birth after the purge."""
    from app.certificates.verify import read_signed
    from app.storage.schema import Certificate

    pid, _infection, certificate = _recovered_person(store, tested_days_ago=20)
    with store.read() as session:
        hc1 = session.get(Certificate, certificate).hc1  # type: ignore[union-attr]
    assert hc1 is not None and read_signed(hc1).payload["nam"]["fn"] == "Zwetschke"
    now = datetime.now(UTC)
    with store.write() as session:
        session.execute(update(Person).values(updated_at=now - timedelta(days=1)))
        session.execute(update(Outbox).values(state="applied"))
    assert purge_personal_data(store, ADMIN, older_than_days=365, clock=lambda: now + timedelta(days=400)).purged == 1
    with store.read() as session:
        assert session.get(Certificate, certificate).hc1 is None  # type: ignore[union-attr]
        assert session.get(Person, pid).family_name == ""  # type: ignore[union-attr]


def test_a_recent_infection_or_certificate_keeps_the_person_from_the_purge(store: Store) -> None:
    """A person registered long ago whose infection was recorded, or whose certificate was issued,
    within the retention period is a recent case: the purge must not empty them."""
    pid, _infection, _certificate = _recovered_person(store, tested_days_ago=20)
    now = datetime.now(UTC)
    with store.write() as session:  # registered long ago; the infection and certificate are from today
        session.execute(update(Person).values(updated_at=now - timedelta(days=800)))
        session.execute(update(Outbox).values(state="applied"))
    assert purge_personal_data(store, ADMIN, older_than_days=365).purged == 0
    with store.read() as session:
        assert session.get(Person, pid).family_name == "Zwetschke"  # type: ignore[union-attr]


def test_a_purged_persons_voucher_leaves_the_desk_and_is_not_signed_again_and_again(
        store: Store, caplog: pytest.LogCaptureFixture) -> None:
    """A voucher handed out long ago and never collected: after the purge it stayed in the desk's voucher
    list as a nameless "waiting for a signer", and every sync round tried (and failed) to sign it."""
    from app.domain.ids import uuid7
    from app.services.certificates import CertificateDesk
    from app.storage.schema import Certificate, Vaccination

    pid = _person(store)
    now = datetime.now(UTC)
    with UnitOfWork(store, ADMIN) as uow:
        vid = uuid7()
        uow.session.add(Vaccination(id=vid, person_id=pid, site_id=store.identity.site_id, product_code="comirnaty",
                                    dose_number=1, series_doses=2, given_at=now - timedelta(days=800),
                                    recorded_at=uow.now, external=False, country="DE"))
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=vid, payload={})
    desk = CertificateDesk(store)
    voucher = desk.issue(ADMIN, vid)  # no signer at hand: a voucher
    assert voucher.is_voucher and [v.certificate_id for v in desk.vouchers(ADMIN)] == [voucher.certificate_id]
    with store.write() as session:
        session.execute(update(Person).values(updated_at=now - timedelta(days=800)))
        session.execute(update(Certificate).values(issued_at=now - timedelta(days=800)))
        session.execute(update(Outbox).values(state="applied"))
    assert purge_personal_data(store, ADMIN, older_than_days=365).purged == 1
    assert desk.vouchers(ADMIN) == []
    desk.install_demo_signer(ADMIN)
    assert desk.sign_waiting_vouchers(ADMIN) == []
    assert [r.getMessage() for r in caplog.records if r.name == "app.services.certificates"] == []
    with store.read() as session:
        cert = session.get(Certificate, voucher.certificate_id)
        assert cert is not None and cert.hc1 is None and cert.claim_code is None


@pytest.mark.skipif(os.geteuid() != 0, reason="a full disk is a small tmpfs, which needs root (CI runs as root)")
def test_an_export_cut_short_by_a_full_disk_leaves_no_file_and_no_audit_entry(store: Store, tmp_path: Path) -> None:
    """The JSON fitted on the stick, the PDF did not: the JSON with the person's data stayed behind
    and no audit entry said it was exported. Now it is both files and the entry, or none of them."""
    from app.errors import DiskFull

    pid = _person(store)
    stick = tmp_path / "stick"
    stick.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(stick)], check=True)
    try:
        filler = stick / "filler"
        with filler.open("wb", buffering=0) as fh:
            with pytest.raises(OSError):
                while True:
                    fh.write(b"\0" * 4096)
            os.ftruncate(fh.fileno(), filler.stat().st_size - 3 * 4096)  # room for the JSON, not the PDF
        with pytest.raises(DiskFull):
            export_person(store, ADMIN, pid, stick / "export")
        assert sorted(p.name for p in (stick / "export").iterdir()) == []
        assert "person.exported" not in [r.action for r in query_audit(store, ADMIN, entity_id=pid)]
        filler.unlink()
        json_path, pdf_path = export_person(store, ADMIN, pid, stick / "export")
        assert json_path.exists() and pdf_path.exists()
        assert [r.action for r in query_audit(store, ADMIN, entity_id=pid)][:1] == ["person.exported"]
    finally:
        subprocess.run(["umount", "-l", str(stick)], check=True)
