"""The appointment slip: one A4 page (German and English) with date, time, site, product and the
booking code as text and as the QR code the check-in desk scans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.certificates.handout import GREY, LEFT, TOP, RowStyle, handout
from app.certificates.pdf import FONT, FONT_BOLD

QR_PREFIX = "VAXDESK:"  # what the desk's scanner reads; the search strips it
_ROWS = RowStyle(label_size=11, value_size=14, key_size=16, step=11 * mm, max_chars=60)
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
    with handout(f"Termin / Appointment {slip.booking_code}") as page:
        canvas = page.canvas
        page.heading("Ihr Impftermin", "Your vaccination appointment", size=22, sub_size=14)
        if slip.provisional:
            canvas.setFillColor(_WARN)
            canvas.setFont(FONT_BOLD, 13)
            canvas.drawString(LEFT, TOP - 17 * mm, "VORLÄUFIG – wird nach der Synchronisierung bestätigt")
            canvas.drawString(LEFT, TOP - 23 * mm, "PROVISIONAL – confirmed once the station has synchronised")
            canvas.setFillColor(black)
        y = page.rows(rows, y=TOP - 38 * mm, key="Buchungscode", style=_ROWS)
        # a short code: big modules so any scanner reads it from a crumpled slip
        qr_width = page.qr(slip_qr_text(slip.booking_code), module=1.6 * mm, top=y - 4 * mm, align="centre")
        if slip.corsign:
            sealed_width = page.qr(slip.corsign, module=0.5 * mm, top=y - 4 * mm, align="right", byte_mode=True)
            x = A4[0] - LEFT - sealed_width
            canvas.setFont(FONT, 8)
            canvas.setFillColor(GREY)
            canvas.drawString(x, y - sealed_width - 8 * mm, "corsign: Ihre Termindaten, nur mit Ihren Daten lesbar")
            canvas.drawString(x, y - sealed_width - 12 * mm, "your appointment, readable only with your data")
            canvas.setFillColor(black)
        page.notes((
            "Bitte bringen Sie diesen Zettel, Ihren Ausweis und Ihren Impfnachweis mit.",
            "Please bring this slip, your ID and your vaccination record.",
            "Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte ab.",
            "If you cannot come, please cancel the appointment.",
        ), y=y - qr_width - 14 * mm)
    return page.rendered
