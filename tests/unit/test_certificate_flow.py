"""The certificate desk's review panel without widgets (app/ui/certificate_flow.py): what it offers for a
dose not yet issued, issued, a voucher, refused, or refused for want of the passport's MRZ."""

from __future__ import annotations

from dataclasses import replace

from app.reasons import Reason
from app.services.certificates import CertificateReview
from app.ui.certificate_flow import NEEDS_MRZ, review_panel

REVIEW = CertificateReview(vaccination_id="v1", family_name="Groß-Müller", given_name="Jürgen",
                           family_standardised="GROSS<MUELLER", given_standardised="JUERGEN", dob="1964-08-12",
                           product_name="Comirnaty", dose="2/2", date="2026-12-01", country="DE",
                           issuer="Impfzentrum", signer_available=True)


def test_a_dose_without_certificate_offers_issuing_and_nothing_to_print() -> None:
    panel = review_panel("none", REVIEW)
    assert panel.issue_step and not panel.recorded and not panel.print_buttons and not panel.voucher_button
    assert not panel.no_signer and not panel.refusal and not panel.mrz_box and panel.mrz_toggle
    assert panel.status_kind == "none"


def test_no_signer_at_the_station_says_a_voucher_is_recorded_instead() -> None:
    assert review_panel("none", replace(REVIEW, signer_available=False)).no_signer


def test_an_issued_certificate_offers_printing_and_correcting_not_issuing_again() -> None:
    panel = review_panel("issued", replace(REVIEW, warnings=(Reason("cert_signer_expires_soon"),)))
    assert panel.recorded and panel.print_buttons and not panel.issue_step and not panel.voucher_button
    assert not panel.warnings and not panel.mrz_toggle and panel.status_kind == "good"
    voucher = review_panel("voucher", REVIEW)
    assert voucher.voucher_button and not voucher.print_buttons and voucher.status_kind == "info"


def test_a_refusal_hides_issuing_and_only_the_mrz_refusal_opens_the_mrz_box() -> None:
    refused = review_panel("none", replace(REVIEW, refusal=Reason("cert_external_dose")))
    assert refused.refusal and not refused.issue_step and not refused.mrz_box and not refused.mrz_toggle
    assert not refused.no_signer  # the refusal says why; no voucher either
    needs_mrz = review_panel("none", replace(REVIEW, refusal=Reason(NEEDS_MRZ)))
    assert needs_mrz.refusal and needs_mrz.mrz_box and not needs_mrz.mrz_toggle
    from_mrz = review_panel("none", replace(REVIEW, names_from_mrz=True))
    assert from_mrz.issue_step and from_mrz.mrz_box and not from_mrz.mrz_toggle  # the lines used stay shown
