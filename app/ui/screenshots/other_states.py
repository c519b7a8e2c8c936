"""Screenshot states of the pages outside the desk (queue, tests, lots, certificates, verify, staff,
sync, report, audit): each puts its page in the state its picture shows, through public methods.
The demo rows they need come from the station's demo use cases (`services.demo`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QImage

from app.services.unit_of_work import Change
from app.ui.pages.audit import AuditPage
from app.ui.pages.certificates import CertificatesPage
from app.ui.pages.lots import LotsPage
from app.ui.pages.queue import QueuePage
from app.ui.pages.report import ReportPage
from app.ui.pages.staff import StaffPage
from app.ui.pages.sync import SyncPage
from app.ui.pages.testing import TestingPage
from app.ui.pages.verify import VerifyPage
from app.ui.pdf_printing import pdf_page_images
from app.ui.screenshots.states import register

CERTIFICATE_PDF_DPI = 150


def queue_of_the_morning(page: QueuePage) -> None:
    actor = page.context.actor
    page.write(lambda s: s.demo.queue_of_the_morning(actor)).start()


def queue_early_end(page: QueuePage) -> None:
    """"Left observation" pressed while the timer still runs: the reason is asked for."""
    running = next((r for r in page.model.rows() if r.state == "observation" and not r.observation_over), None)
    if running is not None and page.select_visit(running.visit_id):
        page.left_observation()


def tests_of_the_day(page: TestingPage) -> None:
    actor = page.context.actor
    page.write(lambda s: s.demo.tests_of_the_day(actor)).start()


def carton_and_open_vial(page: LotsPage) -> None:
    """A carton scanned and previewed (not received), and a vial open so the countdown shows."""
    actor = page.context.actor

    def scanned(text: str) -> None:
        page.reload()
        page.scan.setText(text)
        page.read_scan()
        page.vials.setValue(195)

    page.write(lambda s: s.demo.carton_and_open_vial(actor)).on_success(scanned).start()


class CertificateStates:
    """A dose to certify selected, its review, the certificate issued, and page 1 of its PDF."""

    def __init__(self) -> None:
        self._images: list[tuple[str, QImage]] = []

    def dose_selected(self, page: CertificatesPage) -> None:
        actor = page.context.actor
        page.show_today()
        # Not announced as a change: this page selects the dose itself, and a second, change-driven
        # reload racing it would leave the review empty for the next picture.
        page.read(lambda s: s.demo.dose_for_certificate(actor)).on_success(
            lambda row: page.reload(select=row.vaccination_id)).start()

    def review(self, page: CertificatesPage) -> None:
        page.confirm.setChecked(True)
        page.issue_button.setFocus()

    def issued(self, page: CertificatesPage) -> None:
        self._images = []
        op = page.issue()
        assert op is not None, "the review was not loaded"
        actor = page.context.actor

        def fetch_pdf() -> None:
            certificate_id = op.result.certificate_id
            page.read(lambda s: s.certificates.pdf(actor, certificate_id)).on_success(self._keep_pdf_image).start()

        op.finished.connect(fetch_pdf)

    def _keep_pdf_image(self, pdf: bytes) -> None:
        self._images = [("certificate_pdf", pdf_page_images(pdf, dpi=CERTIFICATE_PDF_DPI)[0])]

    def images(self, page: CertificatesPage) -> Sequence[tuple[str, QImage]]:
        return self._images


def signed_certificate_checked(page: VerifyPage) -> None:
    actor = page.context.actor

    def paste(hc1: str) -> None:
        page.input.setText(hc1)
        page.load_station_trust().finished.connect(lambda: page.check())

    page.write(lambda s: s.demo.signed_hc1(actor)).on_success(paste).start()


def nurse_selected(page: StaffPage) -> None:
    page.select_login("nurse")


def rejected_change(page: SyncPage) -> None:
    """A rejected change in the (throwaway) screenshot database, if it has any outbox row."""
    def marked(mutation_id: str | None) -> None:
        # It plays the server's part (no unit of work), so it says itself what changed: the
        # status bar and this page re-read themselves.
        if mutation_id:
            page.context.changes.publish([Change("outbox", mutation_id, "screenshot.rejected")])

    page.read(lambda s: s.demo.rejected_booking()).on_success(marked).start()


def report_from_the_top(page: ReportPage) -> None:
    page.scroll_area.verticalScrollBar().setValue(0)


def chain_checked(page: AuditPage) -> None:
    page.check_integrity()


_certificates = CertificateStates()
register(QueuePage, prepare=queue_of_the_morning, states=[("queue_early_end", queue_early_end)])
register(TestingPage, prepare=tests_of_the_day)
register(LotsPage, prepare=carton_and_open_vial)
register(CertificatesPage, prepare=_certificates.dose_selected,
         states=[("certificate_review", _certificates.review), ("certificate_issued", _certificates.issued)],
         images=_certificates.images)
register(VerifyPage, prepare=signed_certificate_checked)
register(StaffPage, prepare=nurse_selected)
register(SyncPage, prepare=rejected_change)
register(ReportPage, prepare=report_from_the_top)
register(AuditPage, prepare=chain_checked)
