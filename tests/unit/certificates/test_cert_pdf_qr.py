"""The printed certificate and its QR code: one A4 page, the person's data, a QR that scans back."""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import replace

import pypdfium2
import pytest
import qrcode
import qrcode.constants
import zxingcpp
from PIL import Image
from qrcode.util import MODE_ALPHA_NUM, QRData
from reportlab.lib.units import mm

from app.certificates.dcc import VaccinationFacts, build_payload, issue_hc1
from app.certificates.errors import CertificateDataError
from app.certificates.pdf import QUIET_ZONE, module_size, render_certificate_pdf
from app.certificates.qr import penalty, qr_matrix, qr_png
from app.certificates.signer import DemoChain


@pytest.fixture(scope="module")
def issued(chain: DemoChain) -> tuple[dict[str, object], str, bytes]:
    facts = VaccinationFacts(
        family_name="d'Červenková Panklová",
        given_name="Jiřina-Maria Alena",
        dob="1964-08",
        product="EU/1/20/1528",
        manufacturer="ORG-100030215",
        prophylaxis="1119349007",
        dose_number=3,
        total_doses=3,
        date="2026-02-20",
        country="AT",
        issuer="Bundesministerium für Soziales, Gesundheit, Pflege und Konsumentenschutz",
        uvci="URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B",
    )
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


def test_qr_module_size_is_scannable_from_paper() -> None:
    for modules in (57, 93, 125):
        size = module_size(modules)
        assert size >= 0.5 * mm
        assert round(size / (0.05 * mm), 6).is_integer()  # whole multiples of 0.05 mm
        assert (modules + 2 * QUIET_ZONE) * size <= 90 * mm


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


def test_only_vaccinations_are_printed(
    issued: tuple[dict[str, object], str, bytes], facts: VaccinationFacts
) -> None:
    payload, hc1, _ = issued
    test_payload = {key: value for key, value in payload.items() if key != "v"} | {"t": [{}]}
    with pytest.raises(CertificateDataError):
        render_certificate_pdf(payload=test_payload, hc1=hc1)
    assert render_certificate_pdf(payload=build_payload(replace(facts, given_name="")), hc1=hc1).startswith(
        b"%PDF"
    )
