"""The printed voucher: handed out when no signer is at hand. Its claim code (text and QR) finds the
certificate once it is signed; the person comes back with it, or the desk prints from its list."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.certificates.pdf import FONT, FONT_BOLD, QUIET_ZONE, QrPlacement, _register_fonts, draw_qr
from app.certificates.qr import qr_matrix

_GREY = Color(0.32, 0.35, 0.36)


@dataclass(frozen=True)
class VoucherData:
    claim_code: str  # formatted, ABCD-EFGH-J
    qr_text: str  # what the desk's scanner reads
    person_name: str
    dob: str
    site_name: str
    kind: str  # "v" vaccination, "r" recovery
    issued_at: datetime  # site-local


def render_voucher_pdf(voucher: VoucherData) -> bytes:
    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Gutschein / Voucher {voucher.claim_code}")
    _, height = A4
    left, y = 20 * mm, height - 28 * mm
    canvas.setFont(FONT_BOLD, 20)
    canvas.drawString(left, y, "Gutschein für Ihr EU-COVID-Zertifikat")
    canvas.setFont(FONT, 13)
    canvas.setFillColor(_GREY)
    canvas.drawString(left, y - 8 * mm, "Voucher for your EU Digital COVID Certificate")
    canvas.setFillColor(black)
    what = ("Impfzertifikat / vaccination certificate" if voucher.kind == "v"
            else "Genesenenzertifikat / certificate of recovery")
    rows = [
        ("Name", voucher.person_name),
        ("Geburtsdatum / Date of birth", voucher.dob),
        ("Zertifikat / Certificate", what),
        ("Ausgestellt / Handed out", f"{voucher.issued_at:%d.%m.%Y %H:%M}, {voucher.site_name}"),
        ("Abholcode / Claim code", voucher.claim_code),
    ]
    y -= 22 * mm
    for label, value in rows:
        canvas.setFont(FONT, 10)
        canvas.setFillColor(_GREY)
        canvas.drawString(left, y, label)
        canvas.setFillColor(black)
        canvas.setFont(FONT_BOLD, 18 if label.startswith("Abholcode") else 12)
        canvas.drawString(left + 62 * mm, y, value[:70])
        y -= 10 * mm
    matrix = qr_matrix(voucher.qr_text)
    module = 1.2 * mm
    qr_width = (len(matrix) + 2 * QUIET_ZONE) * module
    draw_qr(canvas, QrPlacement(matrix=matrix, module=module, x=left, y=y - qr_width))
    canvas.setFont(FONT, 10)
    canvas.setFillColor(_GREY)
    note_y = y - qr_width - 10 * mm
    for line in (
        "Dies ist kein Impfnachweis. Ihr Zertifikat wird signiert, sobald die Station wieder online ist;",
        "zeigen Sie diesen Gutschein am Zertifikatsschalter vor, dann wird es ausgedruckt.",
        "This is not a certificate. It is signed as soon as the station is online again; show this",
        "voucher at the certificate desk and it is printed for you.",
    ):
        canvas.drawString(left, note_y, line)
        note_y -= 5.5 * mm
    canvas.showPage()
    canvas.save()
    return out.getvalue()
