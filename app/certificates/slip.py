"""The appointment slip: one A4 page (German and English) with date, time, site, product and the
booking code as text and as the QR code the check-in desk scans."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.certificates.pdf import FONT, FONT_BOLD, QUIET_ZONE, QrPlacement, _register_fonts, draw_qr
from app.certificates.qr import qr_matrix, qr_matrix_bytes

QR_PREFIX = "VAXDESK:"  # what the desk's scanner reads; the search strips it
_GREY = Color(0.32, 0.35, 0.36)
_WARN = Color(0.75, 0.2, 0.1)
_WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class SlipData:
    booking_code: str  # formatted, e.g. ABCD-EFGH-J
    starts_at: datetime  # site-local
    site_name: str
    product_name: str
    dose_number: int
    person_name: str
    provisional: bool
    corsign: str | None = None  # the appointment sealed for the person (opens with name + birth date)


def slip_qr_text(booking_code: str) -> str:
    return QR_PREFIX + booking_code


def render_slip_pdf(slip: SlipData) -> bytes:
    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Termin / Appointment {slip.booking_code}")
    width, height = A4
    left, y = 20 * mm, height - 28 * mm
    canvas.setFont(FONT_BOLD, 22)
    canvas.drawString(left, y, "Ihr Impftermin")
    canvas.setFont(FONT, 14)
    canvas.setFillColor(_GREY)
    canvas.drawString(left, y - 8 * mm, "Your vaccination appointment")
    canvas.setFillColor(black)
    if slip.provisional:
        canvas.setFillColor(_WARN)
        canvas.setFont(FONT_BOLD, 13)
        canvas.drawString(left, y - 17 * mm, "VORLÄUFIG – wird nach der Synchronisierung bestätigt")
        canvas.drawString(left, y - 23 * mm, "PROVISIONAL – confirmed once the station has synchronised")
        canvas.setFillColor(black)
    day = slip.starts_at
    rows = [
        ("Datum / Date", f"{_WEEKDAYS_DE[day.weekday()]}, {day:%d.%m.%Y}  ({_WEEKDAYS_EN[day.weekday()]})"),
        ("Uhrzeit / Time", f"{day:%H:%M}"),
        ("Ort / Place", slip.site_name),
        ("Impfstoff / Vaccine", slip.product_name),
        ("Impfung / Dose", f"{slip.dose_number}."),
        ("Name", slip.person_name),
        ("Buchungscode / Booking code", slip.booking_code),
    ]
    y -= 38 * mm
    for label, value in rows:
        canvas.setFont(FONT, 11)
        canvas.setFillColor(_GREY)
        canvas.drawString(left, y, label)
        canvas.setFillColor(black)
        canvas.setFont(FONT_BOLD, 16 if label.startswith("Buchungscode") else 14)
        canvas.drawString(left + 62 * mm, y, value[:60])
        y -= 11 * mm
    matrix = qr_matrix(slip_qr_text(slip.booking_code))
    module = 1.6 * mm  # a short code: big modules so any scanner reads it from a crumpled slip
    qr_width = (len(matrix) + 2 * QUIET_ZONE) * module
    draw_qr(canvas, QrPlacement(matrix=matrix, module=module, x=(width - qr_width) / 2, y=y - qr_width - 4 * mm))
    if slip.corsign:
        sealed = qr_matrix_bytes(slip.corsign)
        small = 0.5 * mm
        sealed_width = (len(sealed) + 2 * QUIET_ZONE) * small
        x = width - 20 * mm - sealed_width
        draw_qr(canvas, QrPlacement(matrix=sealed, module=small, x=x, y=y - sealed_width - 4 * mm))
        canvas.setFont(FONT, 8)
        canvas.setFillColor(_GREY)
        canvas.drawString(x, y - sealed_width - 8 * mm, "corsign: Ihre Termindaten, nur mit Ihren Daten lesbar")
        canvas.drawString(x, y - sealed_width - 12 * mm, "your appointment, readable only with your data")
        canvas.setFillColor(black)
    canvas.setFont(FONT, 10)
    canvas.setFillColor(_GREY)
    note_y = y - qr_width - 14 * mm
    for line in (
        "Bitte bringen Sie diesen Zettel, Ihren Ausweis und Ihren Impfnachweis mit.",
        "Please bring this slip, your ID and your vaccination record.",
        "Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte ab.",
        "If you cannot come, please cancel the appointment.",
    ):
        canvas.drawString(left, note_y, line)
        note_y -= 5.5 * mm
    canvas.showPage()
    canvas.save()
    return out.getvalue()
