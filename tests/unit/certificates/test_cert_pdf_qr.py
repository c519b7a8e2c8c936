"""The printed certificate and its QR code: one A4 page, the person's data, a QR that scans back."""

from __future__ import annotations

import ctypes
import io
import math
import re
import zlib
from dataclasses import replace

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import qrcode
import qrcode.constants
import zxingcpp
from PIL import Image
from qrcode.util import MODE_ALPHA_NUM, QRData
from reportlab.lib.units import mm

from app.certificates.dcc import VaccinationFacts, build_payload, issue_hc1
from app.certificates.errors import CertificateDataError
from app.certificates.pdf import render_certificate_pdf
from app.certificates.qr import penalty, qr_matrix, qr_png
from app.certificates.signer import DemoChain
from app.certificates.uvci import make_uvci
from tests.unit.certificates.samples import sample_facts


@pytest.fixture(scope="module")
def issued(chain: DemoChain) -> tuple[dict[str, object], str, bytes]:
    facts = sample_facts(
        family_name="d'Červenková Panklová", given_name="Jiřina-Maria Alena", dob="1964-08", dose_number=3,
        total_doses=3, country="AT",
        issuer="Bundesministerium für Soziales, Gesundheit, Pflege und Konsumentenschutz",
        uvci="URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B")
    payload = build_payload(facts)
    hc1 = issue_hc1(payload, chain.signer)
    return payload, hc1, render_certificate_pdf(payload=payload, hc1=hc1)


def test_one_a4_page_with_the_data_in_both_languages(issued: tuple[dict[str, object], str, bytes]) -> None:
    _, _, pdf = issued
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)
    # Line ends from wrapping become spaces; identifiers may wrap anywhere.
    text = re.sub(r"\s+", " ", document[0].get_textpage().get_text_range())
    for expected in [
        "d'Červenková Panklová, Jiřina-Maria Alena",
        "DCERVENKOVA<PANKLOVA<<JIRINA<MARIA<ALENA",
        "1964-08",
        "Comirnaty",
        "Biontech Manufacturing GmbH",
        "SARS-CoV-2 mRNA vaccine",
        "COVID-19",
        "3/3",
        "2026-02-20",
        "Austria",
        "Bundesministerium für Soziales",
        "Geburtsdatum:",
        "Date of birth:",
        "IMPFZERTIFIKAT / VACCINATION CERTIFICATE",
    ]:
        assert expected in text, expected
    assert "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B" in re.sub(r"\s", "", text)
    document.close()


def test_font_is_embedded(issued: tuple[dict[str, object], str, bytes]) -> None:
    _, _, pdf = issued
    assert b"/FontFile2" in pdf or b"FontFile2" in _inflate_streams(pdf)
    assert b"DejaVuSans" in pdf


def _inflate_streams(pdf: bytes) -> bytes:
    out = b""
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return out


def test_printed_qr_scans_back_to_the_issued_string(issued: tuple[dict[str, object], str, bytes]) -> None:
    _, hc1, pdf = issued
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=300 / 72).to_pil()  # a 300 dpi print
    document.close()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in found] == [hc1]
    assert found[0].ec_level == "Q"
    assert found[0].symbology_identifier == "]Q1"  # ISO 18004 model 2, no ECI


def _qr_path(pdf: bytes) -> tuple[tuple[float, float, float, float], list[tuple[float, float]]]:
    """Bounds and corner points of the page's largest vector path (the QR's dark modules), read by
    PDFium from the drawn page, not from our own drawing code."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        paths = [o for o in document[0].get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]
        qr = max(paths, key=lambda o: pdfium_c.FPDFPath_CountSegments(o.raw))
        points = []
        for i in range(pdfium_c.FPDFPath_CountSegments(qr.raw)):
            x, y = ctypes.c_float(), ctypes.c_float()
            pdfium_c.FPDFPathSegment_GetPoint(pdfium_c.FPDFPath_GetPathSegment(qr.raw, i), x, y)
            points.append((x.value, y.value))
        return qr.get_bounds(), points
    finally:
        document.close()


@pytest.mark.parametrize("repeat", [1, 2, 3])
def test_printed_qr_is_35_to_60_mm_diagonal_with_square_printer_dot_modules(chain: DemoChain, repeat: int) -> None:
    payload = build_payload(sample_facts(
        family_name="Musterfrau-Gößinger " * repeat, given_name="Gabriele " * repeat, dose_number=1,
        date="2021-06-11", uvci=make_uvci(country="DE", issuer="VXD")))
    hc1 = issue_hc1(payload, chain.signer)
    (left, bottom, right, top), points = _qr_path(render_certificate_pdf(hc1=hc1))
    modules = len(qr_matrix(hc1))
    module = (right - left) / modules
    assert top - bottom == pytest.approx(right - left, abs=0.01)  # the finder patterns span the square
    diagonal_mm = math.hypot(right - left, top - bottom) / mm
    assert 35 <= diagonal_mm <= 60, diagonal_mm
    dots = module / (72 / 300)  # a module is a whole number of 300 dpi printer dots (so of 600 dpi ones)
    assert dots == pytest.approx(round(dots), abs=0.01) and round(dots) >= 2
    # Every corner lies on the module grid: square modules, no run a fraction wider than another.
    for x, y in points:
        assert (x - left) / module == pytest.approx(round((x - left) / module), abs=0.01)
        assert (y - bottom) / module == pytest.approx(round((y - bottom) / module), abs=0.01)
    assert left / (72 / 300) == pytest.approx(round(left / (72 / 300)), abs=0.01)  # placed on the dot grid


def test_qr_is_one_alphanumeric_segment_at_level_q(issued: tuple[dict[str, object], str, bytes]) -> None:
    _, hc1, _ = issued
    matrix = qr_matrix(hc1)
    # The same text through qrcode's own mask search gives a symbol of the same version,
    # and ours equals qrcode's symbol for one of the eight masks.
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0)
    reference.add_data(QRData(hc1.encode(), mode=MODE_ALPHA_NUM), optimize=0)
    reference.make(fit=True)
    assert len(matrix) == reference.modules_count
    masked = []
    for pattern in range(8):
        variant = qrcode.QRCode(
            version=reference.version,
            error_correction=qrcode.constants.ERROR_CORRECT_Q,
            border=0,
            mask_pattern=pattern,
        )
        variant.add_data(QRData(hc1.encode(), mode=MODE_ALPHA_NUM), optimize=0)
        variant.make(fit=False)
        masked.append([[bool(cell) for cell in row] for row in variant.modules])
    assert matrix in masked
    # ... and it is the one with the lowest penalty.
    size = len(matrix)
    scores = [penalty([int("".join("1" if c else "0" for c in row), 2) for row in m], size) for m in masked]
    assert scores[masked.index(matrix)] == min(scores)


@pytest.mark.parametrize("text", ["HC1:6BF", "HC1:" + "0123456789ABCDEF $%*+-./:" * 40])
def test_qr_png_scans(text: str) -> None:
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(text))))
    assert [code.text for code in found] == [text]


def test_qr_refuses_text_outside_the_alphanumeric_set() -> None:
    with pytest.raises(CertificateDataError):
        qr_matrix("hc1:lower case")


def test_the_printed_text_is_the_signed_payload(
    issued: tuple[dict[str, object], str, bytes], facts: VaccinationFacts
) -> None:
    payload, hc1, _ = issued
    # Text that differs from what was signed is refused: printing it beside the QR looks like forgery.
    with pytest.raises(CertificateDataError, match="differs from the signed code"):
        render_certificate_pdf(payload=build_payload(replace(facts, given_name="")), hc1=hc1)
    assert render_certificate_pdf(payload=payload, hc1=hc1).startswith(b"%PDF")
