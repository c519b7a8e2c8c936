"""A PDF page on screen and on paper: PDFium renders the page to an image (the PDF stays the one
source of truth), a widget shows it scaled to fit, and `print_pdf` paints each page onto a
QPrinter at 300 dpi or more so the QR code stays crisp. PDFium is not thread-safe: GUI thread only.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

__all__ = ["PRINT_DPI", "PdfPageView", "a4_printer", "page_images", "print_dpi", "print_pdf"]

PRINT_DPI = 300
MAX_PRINT_DPI = 600  # an A4 page at 600 dpi is ~100 MB of pixels already; finer gains nothing


def print_dpi(printer_dpi: int) -> int:
    """At least 300 dpi; for a finer printer a whole fraction of its resolution (QR modules land on
    whole printer dots), at most 600."""
    if printer_dpi <= PRINT_DPI:
        return PRINT_DPI
    return printer_dpi // -(-printer_dpi // MAX_PRINT_DPI)
SCREEN_DPI = 110  # enough for a sharp preview of an A4 page at a few hundred pixels wide


def page_images(pdf: bytes, *, dpi: float, first_only: bool = False) -> list[QImage]:
    """Every page (or the first) of `pdf` as an image at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(1 if first_only else len(document)):
            page = document[index]
            # RGB byte order, no alpha (white paper): QImage takes PDFium's buffer as it is.
            bitmap = page.render(scale=dpi / 72, may_draw_forms=False, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()
            images.append(image)
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Paint every page of `pdf` onto `printer`, each at ≥ 300 dpi filling the paper; returns the pages."""
    dpi = print_dpi(printer.resolution())
    images = page_images(pdf, dpi=dpi)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # keep QR modules sharp-edged
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            size = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), size.toSizeF()), image)
    finally:
        painter.end()
    return len(images)


class PdfPageView(QLabel):
    """The first page of a PDF, scaled to the space it gets, with a thin paper edge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(200, 260))
        self.image: QImage | None = None

    def set_pdf(self, pdf: bytes | None) -> None:
        self.image = page_images(pdf, dpi=SCREEN_DPI, first_only=True)[0] if pdf else None
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self.image is None:
            self.clear()
            return
        room = self.contentsRect().size()
        self.setPixmap(QPixmap.fromImage(self.image).scaled(
            room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer
