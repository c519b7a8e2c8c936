"""QR codes for `HC1:` strings: error correction Q, one alphanumeric-mode segment."""

from __future__ import annotations

import io

import qrcode
import qrcode.constants
from PIL import Image
from qrcode.util import MODE_ALPHA_NUM, QRData

from app.certificates.errors import CertificateDataError

Matrix = list[list[bool]]


def qr_matrix(text: str) -> Matrix:
    """Module matrix without quiet zone (True = dark).

    The HC1 text uses only the QR alphanumeric alphabet, so one alphanumeric segment (5.5 bits
    a character) keeps the code far smaller than byte mode; optimize=0 stops qrcode from
    splitting it into numeric runs, which readers handle but the EU guidelines do not ask for.
    """
    try:
        data = QRData(text.encode("ascii"), mode=MODE_ALPHA_NUM)
    except (UnicodeEncodeError, ValueError):
        raise CertificateDataError("The text cannot be put in an alphanumeric QR code.") from None
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0)
    code.add_data(data, optimize=0)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_png(text: str, *, module_px: int = 4, quiet_zone: int = 4) -> bytes:
    """A PNG for screens; print uses the vector drawing in pdf.py."""
    matrix = qr_matrix(text)
    size = len(matrix) + 2 * quiet_zone
    image = Image.new("1", (size, size), 1)
    pixels = image.load()
    assert pixels is not None
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + quiet_zone, y + quiet_zone] = 0
    image = image.resize((size * module_px, size * module_px), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
