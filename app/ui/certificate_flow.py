"""The certificate desk's review panel without widgets: which steps it offers for a dose, given what
was already issued and what the certificate desk found. The page (app/ui/pages/certificates.py) shows
and hides its widgets from this; tested without Qt (tests/unit/test_certificate_flow.py)."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.certificates import CertificateReview

# The desk's refusal that the passport's machine-readable zone can lift.
NEEDS_MRZ = "cert_name_needs_mrz"


@dataclass(frozen=True)
class ReviewPanel:
    recorded: bool  # a certificate or a voucher exists: "Correct…" instead of issuing
    issue_step: bool  # "ask the person", "confirmed", "Issue"
    no_signer: bool  # the note that a voucher is recorded instead
    warnings: bool
    refusal: bool
    mrz_box: bool  # the MRZ input, open
    mrz_toggle: bool  # the link that opens it
    print_buttons: bool  # print, preview, save as PDF
    voucher_button: bool
    status_kind: str  # how the status line is coloured: "good", "info" or "none"


def review_panel(status: str, review: CertificateReview) -> ReviewPanel:
    """`status` is the dose's certificate status ("none", "issued", "voucher", "revoked")."""
    issued = status in ("issued", "voucher")
    refused = review.refusal is not None
    needs_mrz = review.refusal is not None and review.refusal.code == NEEDS_MRZ
    mrz_box = not issued and (needs_mrz or (review.names_from_mrz and not refused))
    return ReviewPanel(
        recorded=issued,
        issue_step=not issued and not refused,
        no_signer=not issued and not review.signer_available and not refused,
        warnings=not issued and bool(review.warnings),
        refusal=not issued and refused,
        mrz_box=mrz_box,
        mrz_toggle=not issued and not refused and not mrz_box,
        print_buttons=status == "issued",
        voucher_button=status == "voucher",
        status_kind={"issued": "good", "voucher": "info"}.get(status, "none"),
    )
