"""The layout the desk's one-page handouts share (the appointment slip, the certificate voucher):
a bilingual heading, label/value rows, a QR code and a few lines of notes on one A4 page."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.certificates.pdf import FONT, FONT_BOLD, QUIET_ZONE, QrPlacement, _register_fonts, draw_qr
from app.certificates.qr import qr_matrix, qr_matrix_bytes

GREY = Color(0.32, 0.35, 0.36)
LEFT = 20 * mm
TOP = A4[1] - 28 * mm
NOTE_STEP = 5.5 * mm
Align = Literal["left", "centre", "right"]


@dataclass(frozen=True)
class RowStyle:
    label_size: int
    value_size: int
    key_size: int  # the value of the row the person reads out at the desk (the code) stands out
    step: float
    max_chars: int


class Page:
    """One handout page being drawn; `rendered` holds the PDF once the `handout` block ends."""

    def __init__(self, canvas: Canvas, out: io.BytesIO) -> None:
        self.canvas = canvas
        self._out = out
        self.rendered = b""

    def heading(self, german: str, english: str, *, size: int, sub_size: int) -> None:
        canvas = self.canvas
        canvas.setFont(FONT_BOLD, size)
        canvas.drawString(LEFT, TOP, german)
        canvas.setFont(FONT, sub_size)
        canvas.setFillColor(GREY)
        canvas.drawString(LEFT, TOP - 8 * mm, english)
        canvas.setFillColor(black)

    def rows(self, rows: Sequence[tuple[str, str]], *, y: float, key: str, style: RowStyle) -> float:
        """Draws the rows from `y` down; the row whose label starts with `key` is set larger.
        Returns where the next element goes."""
        canvas = self.canvas
        for label, value in rows:
            canvas.setFont(FONT, style.label_size)
            canvas.setFillColor(GREY)
            canvas.drawString(LEFT, y, label)
            canvas.setFillColor(black)
            canvas.setFont(FONT_BOLD, style.key_size if label.startswith(key) else style.value_size)
            canvas.drawString(LEFT + 62 * mm, y, value[: style.max_chars])
            y -= style.step
        return y

    def qr(self, text: str, *, module: float, top: float, align: Align = "left", byte_mode: bool = False) -> float:
        """Draws the QR code of `text` with its top edge at `top`; returns its width (and height).
        `byte_mode` for text outside the QR alphanumeric set (a corsign token)."""
        matrix = qr_matrix_bytes(text) if byte_mode else qr_matrix(text)
        width = (len(matrix) + 2 * QUIET_ZONE) * module
        x = {"left": LEFT, "centre": (A4[0] - width) / 2, "right": A4[0] - LEFT - width}[align]
        draw_qr(self.canvas, QrPlacement(matrix=matrix, module=module, x=x, y=top - width))
        return width

    def notes(self, lines: Iterable[str], *, y: float) -> None:
        canvas = self.canvas
        canvas.setFont(FONT, 10)
        canvas.setFillColor(GREY)
        for line in lines:
            canvas.drawString(LEFT, y, line)
            y -= NOTE_STEP
        canvas.setFillColor(black)

    def _finish(self) -> None:
        self.canvas.showPage()
        self.canvas.save()
        self.rendered = self._out.getvalue()


@contextmanager
def handout(title: str) -> Iterator[Page]:
    """`with handout("Termin / Appointment …") as page: …` then `page.rendered` is the PDF."""
    _register_fonts()
    out = io.BytesIO()
    page = Page(Canvas(out, pagesize=A4, pageCompression=1), out)
    page.canvas.setTitle(title)
    yield page
    page._finish()
