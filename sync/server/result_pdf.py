"""The PDF a person downloads from the results page: the EU certificate's official page, or one A4 page
for a test result with German and English labels. Made in memory for the one request, never stored."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.certificates.pdf import FONT, FONT_BOLD, _register_fonts, render_certificate_pdf
from app.certificates.result_token import TEST_RESULT
from sync.server.results import OpenedResult

_GREY = Color(0.29, 0.33, 0.38)
_TYPES = {"rapid_antigen": ("Antigen-Schnelltest", "Rapid antigen test"),
          "naat": ("PCR-Test (NAAT)", "PCR test (NAAT)")}
_OUTCOMES = {"negative": ("NEGATIV – nicht nachgewiesen", "NEGATIVE – not detected"),
             "positive": ("POSITIV – nachgewiesen", "POSITIVE – detected"),
             "invalid": ("UNGÜLTIG – bitte erneut testen", "INVALID – please test again")}


def _printable_certificate(opened: OpenedResult) -> bool:
    """The official page exists for vaccination and recovery certificates (app/certificates/pdf.py); a
    revoked certificate is not printed, as at the desk."""
    certificate = opened.certificate
    return (opened.claims.hc1 is not None and certificate is not None and not opened.certificate_revoked
            and any(certificate.get(key) for key in ("v", "r")))


def can_print(opened: OpenedResult) -> bool:
    return opened.claims.kind == TEST_RESULT or _printable_certificate(opened)


def result_pdf(opened: OpenedResult, *, center: str, timezone: str) -> bytes:
    if _printable_certificate(opened):
        assert opened.claims.hc1 is not None and opened.certificate is not None
        # Printed from the signed code itself (the payload given must be what was signed).
        return render_certificate_pdf(hc1=opened.claims.hc1, payload=opened.certificate)
    if opened.claims.test is None or opened.claims.holder is None:
        raise ValueError("only test results and vaccination or recovery certificates have a PDF")
    return _test_result_pdf(opened, center=center, tz=ZoneInfo(timezone))


def _local(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%d.%m.%Y %H:%M")


def _test_result_pdf(opened: OpenedResult, *, center: str, tz: ZoneInfo) -> bytes:
    test, holder = opened.claims.test, opened.claims.holder
    assert test is not None and holder is not None
    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle("Testergebnis / Test result")
    canvas.setAuthor(center)
    _width, height = A4
    left, y = 20 * mm, height - 25 * mm
    canvas.setFont(FONT_BOLD, 18)
    canvas.drawString(left, y, "Testergebnis / Test result")
    y -= 8 * mm
    canvas.setFont(FONT, 11)
    canvas.setFillColor(_GREY)
    canvas.drawString(left, y, center)
    canvas.setFillColor(black)
    y -= 14 * mm
    test_type = _TYPES[test.type]
    rows = [
        (("Name", "Name"), f"{holder.family_name}, {holder.given_name}".rstrip(", ")),
        (("Geburtsdatum", "Date of birth"), holder.dob),
        (("Test", "Test"), f"{test_type[0]} / {test_type[1]}"),
    ]
    if test.device:
        rows.append((("Testgerät", "Test device"), test.device))
    if test.test_name:
        rows.append((("Testname", "Test name"), test.test_name))
    rows.append((("Probenahme", "Sample taken"), _local(test.sampled_at, tz)))
    if test.center:
        rows.append((("Teststelle", "Test centre"), test.center))
    for (german, english), value in rows:
        canvas.setFont(FONT, 9)
        canvas.setFillColor(_GREY)
        canvas.drawString(left, y, f"{german} / {english}")
        canvas.setFillColor(black)
        canvas.setFont(FONT, 13)
        canvas.drawString(left, y - 6 * mm, value[:90])
        y -= 15 * mm
    y -= 4 * mm
    canvas.setFont(FONT, 9)
    canvas.setFillColor(_GREY)
    canvas.drawString(left, y, "Ergebnis / Result")
    canvas.setFillColor(black)
    german, english = _OUTCOMES[test.outcome]
    canvas.setFont(FONT_BOLD, 20)
    canvas.drawString(left, y - 9 * mm, german)
    canvas.setFont(FONT_BOLD, 14)
    canvas.drawString(left, y - 16 * mm, english)
    canvas.setFont(FONT, 8)
    canvas.setFillColor(_GREY)
    issued = f" · {_local(opened.issued_at, tz)}" if opened.issued_at else ""
    canvas.drawString(left, 15 * mm, f"Digital signiert / digitally signed{issued} · kein EU-Testzertifikat / "
                                     "not an EU test certificate")
    canvas.showPage()
    canvas.save()
    return out.getvalue()
