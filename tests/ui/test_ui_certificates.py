"""The printer desk and the verify page on a real SQLCipher station: review with standardised names,
issue, save as PDF, print to a PDF printer, printer errors, vouchers, corrections; verify valid,
garbage and over-long codes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from app.domain.ids import uuid7
from app.services.certificates import CertificateDesk
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.schema import Vaccination
from tests.ui.conftest import log_in

SYSTEM = Actor.system()


def _dose(store, family: str = "Groß-Müller", given: str = "Jürgen Ö.") -> str:  # type: ignore[no-untyped-def]
    with UnitOfWork(store, SYSTEM) as uow:
        person = add_person(uow, PersonInput(family_name=family, given_name=given, dob="1964-08-12"))
        vid = uuid7()
        uow.session.add(Vaccination(id=vid, person_id=person.id, product_code="comirnaty", dose_number=2,
                                    series_doses=2, given_at=datetime.now(UTC), recorded_at=uow.now,
                                    external=False, country="DE", site_id=store.identity.site_id))
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=vid, payload={})
    return vid


def _wait_op(qtbot, op) -> None:  # type: ignore[no-untyped-def]
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=15000):
        pass


def _open(qtbot, window, name: str, *, login: str = "admin"):  # type: ignore[no-untyped-def]
    log_in(qtbot, window, login)
    return window.shell.show_page(name)


@pytest.fixture
def desk_page(qtbot, unlocked):  # type: ignore[no-untyped-def]
    """The certificates page with one dose of Groß-Müller today and the demo signer installed."""
    store = unlocked.station.services.store
    desk = CertificateDesk(store)
    desk.install_demo_signer(SYSTEM)
    vid = _dose(store)
    page = _open(qtbot, unlocked, "certificates")
    qtbot.waitUntil(lambda: any(r.vaccination_id == vid for r in page.model.rows()), timeout=10000)
    return page, vid


def _select(qtbot, page, vid: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.search, "gross mull")  # accents and case do not matter
    assert page.proxy.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # into the list, first match selected
    assert page.table.hasFocus()
    qtbot.waitUntil(lambda: page.details is not None and page.details.review.vaccination_id == vid, timeout=10000)


def _issue(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    assert not page.issue_button.isEnabled()  # not before the person confirmed
    page.confirm.setFocus()
    qtbot.keyClick(page.confirm, Qt.Key.Key_Space)
    assert page.issue_button.isEnabled()
    op = page.issue()
    _wait_op(qtbot, op)
    qtbot.waitUntil(lambda: page.row is not None and page.row.status in ("issued", "voucher")
                    and page.status.isVisible(), timeout=10000)


def test_review_issue_and_save_as_pdf(qtbot, desk_page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, vid = desk_page
    _select(qtbot, page, vid)
    assert page.values["name"].text() == "Groß-Müller, Jürgen Ö."
    assert page.values["standardised"].accessibleName() == "GROSS<MUELLER<<JUERGEN<OE"
    assert page.values["dose"].text() == "2/2" and page.values["country"].text() == "Germany"
    assert "spelling of the name and the date of birth" in page.ask.text()
    assert page.ask.isVisible() and not page.no_signer.isVisible()

    _issue(qtbot, page)
    assert page.row.status == "issued" and page.row.uvci in page.status.text()
    assert not page.issue_button.isVisible()  # one certificate per dose; a correction re-issues
    assert page.print_button.hasFocus()  # the next step

    target = tmp_path / "out" / "certificate"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)"))
    _wait_op(qtbot, page.save_pdf())
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    import pypdfium2 as pdfium

    assert len(pdfium.PdfDocument(str(saved))) == 1  # one A4 page, as the service made it
    assert page.messages.kind == "info" and str(saved) in page.messages.text()


def test_save_into_a_missing_folder_says_so(qtbot, desk_page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, vid = desk_page
    _select(qtbot, page, vid)
    _issue(qtbot, page)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "gone" / "c.pdf"), ""))
    _wait_op(qtbot, page.save_pdf())
    assert page.messages.kind == "error" and "could not be saved" in page.messages.text()
    assert page.save_button.isEnabled()


def _accepting_print_dialog(monkeypatch, output: Path) -> list[QPrinter]:  # type: ignore[no-untyped-def]
    printers: list[QPrinter] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printers.append(printer)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return printers


def test_print_to_a_pdf_printer(qtbot, desk_page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium
    import zxingcpp

    page, vid = desk_page
    _select(qtbot, page, vid)
    _issue(qtbot, page)
    output = tmp_path / "printed.pdf"
    printers = _accepting_print_dialog(monkeypatch, output)
    _wait_op(qtbot, page.print_certificate())
    assert printers and output.read_bytes().startswith(b"%PDF")
    assert page.messages.kind == "info"
    # What came out of the printer still scans to the issued certificate.
    document = pdfium.PdfDocument(str(output))
    image = document[0].render(scale=300 / 72).to_pil()
    codes = [code.text for code in zxingcpp.read_barcodes(image)]
    hc1 = CertificateDesk(page.context.services.store).certificate_text(page.context.actor, page.row.certificate_id)
    assert codes == [hc1]
    document.close()


def test_printer_error_is_shown_and_printing_works_again(qtbot, desk_page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, vid = desk_page
    _select(qtbot, page, vid)
    _issue(qtbot, page)
    _accepting_print_dialog(monkeypatch, tmp_path / "no such folder" / "out.pdf")
    _wait_op(qtbot, page.print_certificate())
    assert page.messages.kind == "error" and "printer did not accept" in page.messages.text()
    assert page.print_button.isVisible() and page.print_button.isEnabled()

    _accepting_print_dialog(monkeypatch, tmp_path / "second.pdf")
    _wait_op(qtbot, page.print_certificate())
    assert (tmp_path / "second.pdf").read_bytes().startswith(b"%PDF")


def test_without_a_signer_the_desk_records_a_voucher(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    vid = _dose(unlocked.station.services.store)
    page = _open(qtbot, unlocked, "certificates")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10000)
    _select(qtbot, page, vid)
    assert page.no_signer.isVisible() and page.issue_button.text() == "Record voucher"
    _issue(qtbot, page)
    assert page.row.status == "voucher"
    qtbot.waitUntil(lambda: page.details is not None and page.details.voucher is not None, timeout=10000)
    code = page.details.voucher.claim_code
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]", code)
    assert page.status.text() == (f"No signer at this station: a voucher was recorded (claim code {code}); the "
                                  "certificate is signed as soon as a signer is at hand. Print the voucher for the "
                                  "person.")
    assert not page.print_button.isVisible() and not page.save_button.isVisible()
    assert page.voucher_button.isVisible()
    assert [page.vouchers_list.item(i).text() for i in range(page.vouchers_list.count())] == [
        f"{page.row.family_name}, {page.row.given_name} · {code} · waiting for a signer"]
    assert page.model.data(page.model.index(0, page.model.STATUS)) == "Voucher (signed after sync)"


def test_correction_revokes_the_old_certificate(qtbot, desk_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, vid = desk_page
    _select(qtbot, page, vid)
    _issue(qtbot, page)
    old_uvci = page.row.uvci
    assert page.correct_button.isEnabled()  # an admin approves
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("typo in the given name", True))
    _wait_op(qtbot, page.correct())
    qtbot.waitUntil(lambda: page.row.uvci != old_uvci and page.history.isVisible(), timeout=10000)
    assert f"Revoked: {old_uvci}" in page.history.text()
    assert old_uvci in page.messages.text() and "revoked" in page.messages.text()
    history = CertificateDesk(page.context.services.store).issued_for(page.context.actor, vid)
    assert [revoked for *_rest, revoked in history] == [False, True]


def test_an_empty_reason_changes_nothing(qtbot, desk_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, vid = desk_page
    _select(qtbot, page, vid)
    _issue(qtbot, page)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    assert page.correct() is None
    assert page.messages.kind == "error"
    assert len(CertificateDesk(page.context.services.store).issued_for(page.context.actor, vid)) == 1


# -- verify ---------------------------------------------------------------------------------------------


def _verify(qtbot, page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.input.setText(text)
    with qtbot.waitSignal(page.check().finished, timeout=15000):
        pass
    assert page.card.isVisible()


def test_verify_shows_valid_for_an_issued_certificate(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    desk = CertificateDesk(unlocked.station.services.store)
    desk.install_demo_signer(SYSTEM)
    issued = desk.issue(SYSTEM, _dose(unlocked.station.services.store))
    page = _open(qtbot, unlocked, "verify")
    qtbot.waitUntil(lambda: len(page.station_trust) == 1, timeout=10000)
    assert page.trust_label.text() == "Trusted issuers from this station: 1"
    # A scanner types the code and presses Enter.
    page.input.setFocus()
    qtbot.keyClicks(page.input, issued.hc1)
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.result is not None, timeout=15000)
    assert page.result.valid
    assert page.verdict.text() == "✔ Valid" and page.verdict.property("kind") == "valid"
    assert not page.reason.isVisible()
    assert page.holder.text() == "Groß-Müller, Jürgen Ö." and page.dob.text() == "Born 1964-08-12"
    assert page.content.text().startswith("Vaccination: Comirnaty, dose 2 of 2, on ")
    assert page.content.text().endswith(" in Germany")
    assert all(mark.text() == "✔" for mark in page.step_marks.values())
    assert page.input.selectedText() == issued.hc1  # the next scan replaces it


@pytest.mark.parametrize(("text", "reason", "failed_step"), [
    ("hello world", "This is not an EU Digital COVID Certificate", "unprefix"),
    ("HC1:NCF:::\x00\x07\x1b[31m%%%", "damaged or incomplete", "base45"),
    ("HC1:" + "A" * 100_000, "far too long", "unprefix"),
])
def test_verify_explains_garbage(qtbot, unlocked, text: str, reason: str, failed_step: str) -> None:  # type: ignore[no-untyped-def]
    page = _open(qtbot, unlocked, "verify")
    _verify(qtbot, page, text)
    assert not page.result.valid
    assert page.verdict.text() == "✘ Not valid" and page.verdict.property("kind") == "invalid"
    assert reason in page.reason.text() and page.reason.isVisible()
    assert page.step_marks[failed_step].text() == "✘"
    assert page.step_marks["signature"].text() == "–"  # not reached


def test_verify_without_the_issuer_in_the_trust_list(qtbot, unlocked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.certificates.signer import create_demo_chain

    desk = CertificateDesk(unlocked.station.services.store)
    desk.install_demo_signer(SYSTEM)
    issued = desk.issue(SYSTEM, _dose(unlocked.station.services.store))
    page = _open(qtbot, unlocked, "verify")
    qtbot.waitUntil(lambda: len(page.station_trust) == 1, timeout=10000)
    page.station_trust = []  # a station that has never seen this issuer
    _verify(qtbot, page, issued.hc1 or "")
    assert "not from a trusted issuer" in page.reason.text()
    assert page.holder.text() and page.unchecked_note.isVisible()  # shown, but said to be unconfirmed

    # A trust file with another issuer and a broken file: the broken one is named, nothing crashes.
    from cryptography.hazmat.primitives import serialization

    other = create_demo_chain(country="AT", now=datetime.now(UTC)).signer.certificate
    (tmp_path / "other.pem").write_bytes(other.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "broken.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    _wait_op(qtbot, page.add_trust_files([tmp_path / "other.pem", tmp_path / "broken.pem"]))
    assert "broken.pem" in page.messages.text() and len(page.file_trust) == 1
    assert "from loaded files: 1" in page.trust_label.text()


# -- the lifecycle at the desk (issue 15) -----------------------------------------------------------


def test_a_person_correction_reissues_and_the_verifier_says_revoked(qtbot, desk_page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    page, vid = desk_page
    _select(qtbot, page, vid)
    _issue(qtbot, page)
    old_id = page.row.certificate_id
    old_hc1 = page.desk().certificate_text(SYSTEM, old_id)
    assert page.person_button.isVisible() and page.person_button.isEnabled()  # admin
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _wait_op(qtbot, page.save_person_correction({"family_name": "Groß-Möller"}, "checked against the passport"))
    qtbot.waitUntil(lambda: "Re-issued 1 certificate(s)" in page.messages.text() or page.messages.kind == "error",
                    timeout=15000)
    assert "Re-issued 1 certificate(s)" in page.messages.text(), page.messages.text()
    qtbot.waitUntil(lambda: page.details is not None and page.details.review.family_name == "Groß-Möller"
                    and page.row.certificate_id != old_id, timeout=10000)
    new_hc1 = page.desk().certificate_text(SYSTEM, page.row.certificate_id)
    assert new_hc1 != old_hc1 and page.row.status == "issued"
    verify_page = page.window().shell.show_page("verify")
    _verify(qtbot, verify_page, old_hc1)
    assert verify_page.result.revoked and verify_page.verdict.text() == "✘ REVOKED"
    assert verify_page.reason.text() == "This certificate was revoked by this center (checked against the passport)."
    _verify(qtbot, verify_page, new_hc1)
    assert verify_page.verdict.text() == "✔ Valid"


def test_a_name_without_transliteration_asks_for_the_mrz(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    from mrz.generator.td3 import TD3CodeGenerator

    store = unlocked.station.services.store
    CertificateDesk(store).install_demo_signer(SYSTEM)
    vid = _dose(store, family="ჯავახიშვილი", given="ნინო")
    page = _open(qtbot, unlocked, "certificates")
    qtbot.waitUntil(lambda: any(r.vaccination_id == vid for r in page.model.rows()), timeout=10000)
    page.select_vaccination(vid)
    qtbot.waitUntil(lambda: page.details is not None and page.details.review.vaccination_id == vid, timeout=10000)
    assert page.refusal.isVisible() and "MRZ" in page.refusal.text()
    assert not page.issue_button.isVisible() and page.mrz_box.isVisible()
    mrz = str(TD3CodeGenerator("P", "GEO", "Javakhishvili", "Nino", "12AB34567", "GEO", "640812", "F", "300101",
                               "01234567890"))
    page.mrz_input.setPlainText(mrz.replace("640812", "640813"))
    page.apply_mrz()  # a misread MRZ: said so, nothing issued
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    assert "check digit" in page.messages.text()
    page.mrz_input.setPlainText(mrz)
    page.apply_mrz()
    qtbot.waitUntil(lambda: page.details is not None and page.details.review.names_from_mrz, timeout=10000)
    assert page.values["standardised"].accessibleName() == "JAVAKHISHVILI<<NINO"
    _issue(qtbot, page)
    assert page.row.status == "issued"


def test_a_voucher_claim_code_typed_at_the_desk_finds_its_certificate(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    store = unlocked.station.services.store
    desk = CertificateDesk(store)
    voucher = desk.issue(SYSTEM, _dose(store))
    desk.install_demo_signer(SYSTEM)
    assert desk.sign_waiting_vouchers(SYSTEM) == [voucher.certificate_id]
    page = _open(qtbot, unlocked, "certificates")
    qtbot.waitUntil(lambda: page.vouchers_list.count() == 1, timeout=10000)
    assert page.vouchers_label.text() == "Vouchers: 1 ready to print, 0 waiting"
    page.search.setFocus()
    qtbot.keyClicks(page.search, voucher.claim_code.lower())
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.details is not None and page.row is not None
                    and page.row.certificate_id == voucher.certificate_id, timeout=10000)
    assert page.row.status == "issued" and page.print_button.isVisible()


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])  # at any hour, one of them is on another date than UTC
def test_the_list_shows_today_at_the_site_when_the_machine_is_on_another_date(qtbot, unlocked, zone: str) -> None:  # type: ignore[no-untyped-def]
    """A desk PC whose clock is in another zone (or the hour around midnight): the page opens on today at
    the site, with the dose just given in its list, not on the machine's date with an empty list."""
    from zoneinfo import ZoneInfo

    from app.storage.schema import Site

    store = unlocked.station.services.store
    with store.write() as session:
        session.get(Site, store.identity.site_id).timezone = zone
    vid = _dose(store)
    page = _open(qtbot, unlocked, "certificates")
    qtbot.waitUntil(lambda: any(r.vaccination_id == vid for r in page.model.rows()), timeout=10000)
    today = datetime.now(ZoneInfo(zone)).date()
    shown = page.day.date()
    assert (shown.year(), shown.month(), shown.day()) == (today.year, today.month, today.day)
    assert not page.empty_note.isVisible()
