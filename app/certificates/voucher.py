"""The printed voucher: handed out when no signer is at hand. Its claim code (text and QR) finds the
certificate once it is signed; the person comes back with it, or the desk prints from its list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm

from app.certificates.handout import TOP, RowStyle, handout

_ROWS = RowStyle(label_size=10, value_size=12, key_size=18, step=10 * mm, max_chars=70)


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
    what = ("Impfzertifikat / vaccination certificate" if voucher.kind == "v"
            else "Genesenenzertifikat / certificate of recovery")
    rows = [
        ("Name", voucher.person_name),
        ("Geburtsdatum / Date of birth", voucher.dob),
        ("Zertifikat / Certificate", what),
        ("Ausgestellt / Handed out", f"{voucher.issued_at:%d.%m.%Y %H:%M}, {voucher.site_name}"),
        ("Abholcode / Claim code", voucher.claim_code),
    ]
    with handout(f"Gutschein / Voucher {voucher.claim_code}") as page:
        page.heading("Gutschein für Ihr EU-COVID-Zertifikat", "Voucher for your EU Digital COVID Certificate",
                     size=20, sub_size=13)
        y = page.rows(rows, y=TOP - 22 * mm, key="Abholcode", style=_ROWS)
        qr_width = page.qr(voucher.qr_text, module=1.2 * mm, top=y)
        page.notes((
            "Dies ist kein Impfnachweis. Ihr Zertifikat wird signiert, sobald die Station wieder online ist;",
            "zeigen Sie diesen Gutschein am Zertifikatsschalter vor, dann wird es ausgedruckt.",
            "This is not a certificate. It is signed as soon as the station is online again; show this",
            "voucher at the certificate desk and it is printed for you.",
        ), y=y - qr_width - 10 * mm)
    return page.rendered
