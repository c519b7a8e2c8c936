"""The printed certificate: one A4 page after the German template (VaccinationCertificateTemplate v4.1).

Labels are German and English as on the official template; the QR code is drawn as vector
squares (no image scaling) with a four-module quiet zone, large enough to scan from paper.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.certificates import valuesets
from app.certificates.errors import CertificateDataError
from app.certificates.qr import Matrix, qr_matrix
from app.certificates.verify import read_signed
from app.resources import resource

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
QUIET_ZONE = 4
# hcert (eHealth Network, volume 4) recommends a printed DCC QR of 35-60 mm diagonal; the German
# template prints ≈53 mm. Fixed-window gate readers may not capture a larger one.
QR_MAX_DIAGONAL = 55 * mm
QR_MIN_DIAGONAL = 35 * mm
# Modules are whole printer dots at 300 dpi (so at 600 and 1200 dpi too): every module is the same
# square on paper, none a dot wider than its neighbour.
PRINTER_DOT = 72 / 300  # points
_ACCENT = Color(0.93, 0.65, 0.58)  # the template's salmon band (#EDA593)
_GREY = Color(0.32, 0.35, 0.36)
_DEMO = Color(0.8, 0.1, 0.1)
DEMO_MARK = "DEMO — NOT VALID"

_NOTICE = (
    "Bitte beachten Sie, dass der QR-Code die oben genannten Daten zu Ihrer Corona-Impfung enthält. "
    "Personen, die Zugriff auf den QR-Code haben, können die enthaltenen Daten auslesen. Zeigen Sie ihn "
    "nur vor, wenn Sie Ihren Impfstatus nachweisen möchten. Diese Bescheinigung ist kein Reisedokument.",
    "Please note that the QR code contains the information shown above about your COVID-19 vaccination. "
    "Anyone who has access to the QR code can read the information it contains. You should only show it "
    "if you wish to prove your vaccination status. This certificate is not a travel document.",
)


@dataclass(frozen=True)
class QrPlacement:
    """Where the QR code sits on the page, in PDF points; origin is the quiet zone's lower left."""

    matrix: Matrix
    module: float
    x: float
    y: float

    @property
    def width(self) -> float:
        return (len(self.matrix) + 2 * QUIET_ZONE) * self.module


def module_size(modules: int) -> float:
    """Module edge in points: the most printer dots that keep the symbol's diagonal within 55 mm."""
    dots = max(1, int(QR_MAX_DIAGONAL / (modules * math.sqrt(2) * PRINTER_DOT)))
    return dots * PRINTER_DOT


def _on_dot_grid(value: float) -> float:
    return round(value / PRINTER_DOT) * PRINTER_DOT


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))


def render_certificate_pdf(*, hc1: str, payload: Mapping[str, Any] | None = None, demo: bool = False) -> bytes:
    """One A4 page for a signed vaccination, test or recovery certificate.

    Every printed value comes from the signed code itself, so the text can never disagree with the
    QR (a reprint after the person's record changed shows what was signed). `payload`, when given,
    must be what was signed. `demo`: signed by a demo signer, printed across as not valid.
    """
    signed = read_signed(hc1)
    if payload is not None and dict(payload) != signed.payload:
        raise CertificateDataError(code="cert_pdf_mismatch")
    kind = next((key for key in ("v", "t", "r") if isinstance(signed.payload.get(key), list)
                 and signed.payload[key] and isinstance(signed.payload[key][0], Mapping)), None)
    if kind is None:
        raise CertificateDataError(code="cert_pdf_kind")
    entry = signed.payload[kind][0]
    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle("EU Digital COVID Certificate" + (" (DEMO - NOT VALID)" if demo else ""))
    canvas.setAuthor(str(entry.get("is", "")))
    _draw_page(canvas, signed.payload, kind, entry, hc1, expires_at=signed.expires_at, demo=demo)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def qr_placement(hc1: str, *, x: float, top: float) -> QrPlacement:
    """The QR with its quiet zone, its upper left corner at (x, top), snapped to the printer's dots."""
    matrix = qr_matrix(hc1)
    module = module_size(len(matrix))
    width = (len(matrix) + 2 * QUIET_ZONE) * module
    return QrPlacement(matrix, module, _on_dot_grid(x), _on_dot_grid(top - width))


def _draw_page(canvas: Canvas, payload: Mapping[str, Any], kind: str, entry: Mapping[str, Any], hc1: str, *,
               expires_at: datetime | None, demo: bool) -> None:
    width, height = A4
    left, right = 18 * mm, width - 18 * mm

    canvas.setFillColor(_ACCENT)
    canvas.rect(0, height - 38 * mm, width, 38 * mm, stroke=0, fill=1)
    canvas.setFillColor(black)
    canvas.setFont(FONT_BOLD, 20)
    canvas.drawString(left, height - 17 * mm, "Digitales COVID-Zertifikat der EU")
    canvas.setFont(FONT, 16)
    canvas.drawString(left, height - 26 * mm, "EU Digital COVID Certificate")
    canvas.setFont(FONT_BOLD, 30)
    canvas.drawRightString(right, height - 25 * mm, str(entry.get("co", "")))
    if demo:
        canvas.setFillColor(_DEMO)
        canvas.setFont(FONT_BOLD, 13)
        canvas.drawString(left, height - 34 * mm, DEMO_MARK)
        canvas.setFillColor(black)

    placement = qr_placement(hc1, x=left, top=height - 45 * mm)
    qr_width = placement.width
    draw_qr(canvas, placement)

    name = payload.get("nam", {})
    standardised = "<<".join(p for p in (name.get("fnt", ""), name.get("gnt", "")) if p)
    display_name = ", ".join(p for p in (name.get("fn", ""), name.get("gn", "")) if p) or standardised
    column = left + qr_width + 8 * mm
    y = height - 52 * mm
    column_fields = [
        ("Name, Vorname:", "Surname(s) and forename(s):", display_name, standardised),
        ("Geburtsdatum:", "Date of birth:", str(payload.get("dob", "")), ""),
        ("Eindeutige Zertifikatkennung:", "Unique certificate identifier:", str(entry.get("ci", "")), ""),
    ]
    if expires_at is not None:
        column_fields.append(("Zertifikat gültig bis:", "Certificate valid until:",
                              f"{expires_at:%Y-%m-%d}", ""))
    for german, english, value, extra in column_fields:
        y = _stacked_field(canvas, column, y, right, german, english, value, extra)
    canvas.setFillColor(_GREY)
    for text in (
        "Scannen Sie den QR-Code mit einer Prüf- oder Wallet-App, um Ihren Nachweis zu speichern oder zu prüfen.",
        "Scan the QR code with a verifier or wallet app to store or check your certificate.",
    ):
        canvas.setFont(FONT, 8)
        for line in simpleSplit(text, FONT, 8, right - column):
            canvas.drawString(column, y, line)
            y -= 10
        y -= 4
    canvas.setFillColor(black)

    y = min(y, placement.y) - 4 * mm
    canvas.setFillColor(_ACCENT)
    canvas.rect(left, y - 3 * mm, right - left, 9 * mm, stroke=0, fill=1)
    canvas.setFillColor(black)
    canvas.setFont(FONT_BOLD, 12)
    canvas.drawString(left + 3 * mm, y, _TITLES[kind])
    y -= 11 * mm
    rows_top = y
    for german, english, value in _rows(kind, entry):
        y = _field(canvas, left, y, right, german, english, value)

    if demo:
        _demo_watermark(canvas, left=left, right=right, top=rows_top, bottom=y)

    # The notice sits at the foot of the page, like the template's.
    lines = [simpleSplit(paragraph, FONT, 7.5, right - left) for paragraph in _NOTICE]
    y = 15 * mm + sum(len(block) * 9.5 + 4 for block in lines)
    canvas.setFillColor(_GREY)
    canvas.setFont(FONT, 7.5)
    for block in lines:
        for line in block:
            canvas.drawString(left, y, line)
            y -= 9.5
        y -= 4
    canvas.setFillColor(black)


_TITLES = {"v": "IMPFZERTIFIKAT / VACCINATION CERTIFICATE", "t": "TESTZERTIFIKAT / TEST CERTIFICATE",
           "r": "GENESENENZERTIFIKAT / CERTIFICATE OF RECOVERY"}


def _rows(kind: str, entry: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    def code(key: str) -> str:
        return str(entry.get(key, ""))

    disease = ("Erreger:", "Disease or agent targeted:", valuesets.display(valuesets.DISEASE, code("tg")))
    issuer = ("Zertifikataussteller:", "Certificate issuer:", code("is"))
    if kind == "t":  # the rows of the German template TestCertificateTemplate_v4.1
        return [
            disease,
            ("Testart:", "Type of test:", valuesets.display(valuesets.TEST_TYPE, code("tt"))),
            ("Name des Tests (beim NAAT-Test fakultativ):", "Test name (optional for NAAT):", code("nm") or "—"),
            ("Testhersteller (beim NAAT-Test fakultativ):", "Test manufacturer (optional for NAAT):",
             valuesets.display(valuesets.TEST_DEVICE, code("ma")) if entry.get("ma") else "—"),
            ("Datum und Uhrzeit der Probenahme:", "Date and time of the test sample collection:", code("sc")),
            ("Testergebnis:", "Result of the test:", valuesets.display(valuesets.TEST_RESULT, code("tr"))),
            ("Testzentrum oder -einrichtung:", "Testing centre or facility:", code("tc")),
            ("Mitgliedstaat:", "Member State of test:", valuesets.display(valuesets.COUNTRY, code("co"))),
            issuer,
        ]
    if kind == "r":
        return [
            disease,
            ("Datum des ersten positiven Testergebnisses:", "Date of first positive test result:", code("fr")),
            ("Mitgliedstaat des Tests:", "Member State of test:", valuesets.display(valuesets.COUNTRY, code("co"))),
            issuer,
            ("Zertifikat gültig ab:", "Certificate valid from:", code("df")),
            ("Zertifikat gültig bis:", "Certificate valid until:", code("du")),
        ]
    return [
        disease,
        ("Impfstofftyp:", "Vaccine/prophylaxis:", valuesets.display(valuesets.PROPHYLAXIS, code("vp"))),
        ("Impfarzneimittel (Handelsname / Bezeichnung):", "Vaccine medicinal product:",
         valuesets.display(valuesets.PRODUCT, code("mp"))),
        ("Zulassungsinhaber oder Hersteller des Impfstoffs:", "Vaccine marketing authorisation holder or manufacturer:",
         valuesets.display(valuesets.MANUFACTURER, code("ma"))),
        ("Erstimpfung/Wiederimpfung:",
         "Number in a series of vaccinations/doses and the overall number of doses in the series:",
         f"{code('dn')}/{code('sd')}"),
        ("Datum der Impfung:", "Date of vaccination:", code("dt")),
        ("Mitgliedstaat der Impfung:", "Member State of vaccination:", valuesets.display(valuesets.COUNTRY, code("co"))),
        issuer,
    ]


def _demo_watermark(canvas: Canvas, *, left: float, right: float, top: float, bottom: float) -> None:
    """Across the data rows, not over the QR: a demo code must still scan, to be shown as not valid."""
    canvas.saveState()
    canvas.setFillColor(_DEMO, alpha=0.35)
    canvas.setFont(FONT_BOLD, 34)
    canvas.translate((left + right) / 2, (top + bottom) / 2)
    canvas.rotate(18)
    canvas.drawCentredString(0, 6 * mm, DEMO_MARK)
    canvas.setFont(FONT_BOLD, 22)
    canvas.drawCentredString(0, -8 * mm, "DEMO — UNGÜLTIG")
    canvas.restoreState()


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Word wrap; words wider than the line (identifiers have no spaces) break anywhere."""
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width):
        while pdfmetrics.stringWidth(line, font, size) > width and len(line) > 1:
            cut = len(line)
            while cut > 1 and pdfmetrics.stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines or [""]


def _stacked_field(
    canvas: Canvas, x: float, y: float, right: float, german: str, english: str, value: str, extra: str
) -> float:
    """Bilingual label above its value (the column beside the QR code); returns the next y."""
    canvas.setFont(FONT_BOLD, 8.5)
    canvas.drawString(x, y, german)
    canvas.setFont(FONT, 8.5)
    canvas.drawString(x, y - 10.5, english)
    y -= 25
    canvas.setFont(FONT_BOLD, 11)
    for line in _wrap(value, FONT_BOLD, 11, right - x):
        canvas.drawString(x, y, line)
        y -= 13
    if extra:
        canvas.setFont(FONT, 8)
        for line in _wrap(extra, FONT, 8, right - x):
            canvas.drawString(x, y, line)
            y -= 10
    return y - 9


def _field(
    canvas: Canvas, left: float, y: float, right: float, german: str, english: str, value: str
) -> float:
    """A bilingual label on the left, the value on the right; returns the next line's y."""
    label_width = 78 * mm
    value_x = left + label_width + 4 * mm
    label_y = y
    canvas.setFont(FONT_BOLD, 8.5)
    for line in simpleSplit(german, FONT_BOLD, 8.5, label_width):
        canvas.drawString(left, label_y, line)
        label_y -= 10.5
    canvas.setFont(FONT, 8.5)
    for line in simpleSplit(english, FONT, 8.5, label_width):
        canvas.drawString(left, label_y, line)
        label_y -= 10.5
    value_y = y
    canvas.setFont(FONT_BOLD, 11)
    for line in _wrap(value, FONT_BOLD, 11, right - value_x):
        canvas.drawString(value_x, value_y, line)
        value_y -= 13
    return min(label_y, value_y) - 5


def draw_qr(canvas: Canvas, placement: QrPlacement) -> None:
    """Dark modules as filled squares; horizontal runs merged so renderers show no seams."""
    size = len(placement.matrix)
    module = placement.module
    canvas.setFillColor(white)
    canvas.rect(placement.x, placement.y, placement.width, placement.width, stroke=0, fill=1)
    path = canvas.beginPath()
    top = placement.y + (size + QUIET_ZONE) * module
    for row_index, row in enumerate(placement.matrix):
        y = top - (row_index + 1) * module
        x = 0
        while x < size:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < size and row[x]:
                x += 1
            path.rect(placement.x + (QUIET_ZONE + start) * module, y, (x - start) * module, module)
    canvas.setFillColor(black)
    canvas.drawPath(path, stroke=0, fill=1)
