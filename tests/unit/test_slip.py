"""The appointment slip PDF: one page, the booking code as text, and a QR that decodes to it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import zxingcpp

from app.certificates.slip import SlipData, render_slip_pdf
from app.domain.booking_code import format_booking_code, new_booking_code, normalise_booking_code
from app.services.checkin import _clean_query


def _render(pdf: bytes) -> tuple[int, str, list[str]]:
    doc = pdfium.PdfDocument(pdf)
    text = doc[0].get_textpage().get_text_range()
    image = doc[0].render(scale=200 / 72).to_pil()
    return len(doc), text, [r.text for r in zxingcpp.read_barcodes(image)]


def test_slip_shows_the_code_and_its_qr_decodes_to_it() -> None:
    code = format_booking_code(new_booking_code())
    slip = SlipData(booking_code=code, starts_at=datetime(2030, 3, 25, 9, 40, tzinfo=ZoneInfo("Europe/Berlin")),
                    site_name="Impfzentrum Musterstadt", product_name="Comirnaty", dose_number=2,
                    person_name="Jürgen Groß", provisional=False)
    pages, text, decoded = _render(render_slip_pdf(slip))
    assert pages == 1
    assert code in text and "25.03.2030" in text and "09:40" in text and "Jürgen Groß" in text
    assert "VORLÄUFIG" not in text
    (scanned,) = decoded
    # What the desk scanner types is found again by the check-in search.
    assert normalise_booking_code(_clean_query(scanned).removeprefix("VAXDESK:")) == code.replace("-", "")


def test_provisional_booking_says_so() -> None:
    slip = SlipData(booking_code="ABCD-EFGH-J", starts_at=datetime(2030, 3, 25, 9, 40), site_name="X",
                    product_name="Spikevax", dose_number=2, person_name="A B", provisional=True)
    _, text, _ = _render(render_slip_pdf(slip))
    assert "VORLÄUFIG" in text and "PROVISIONAL" in text
