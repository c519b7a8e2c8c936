"""Putting a PDF (certificate, appointment slip) on paper through Qt's print support, QR codes crisp.

The service's PDF is the one source of truth: its pages are rasterised with PDFium at (an integer
fraction of) the printer's own resolution, never below 300 dpi, without anti-aliasing of paths and
images, and drawn 1:1 from the paper's corner, so every QR module lands on whole printer dots.
PDFium is not thread-safe: everything here runs on the GUI thread.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium  # type: ignore[import-untyped]  # ships no type information
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from app.errors import VaxDeskError

MIN_DPI = 300
MAX_DPI = 600  # an A4 page at 600 dpi is already ~100 MB of pixels; finer gains nothing for a QR


class PrintFailed(VaxDeskError):
    """The printer refused the job; nothing was lost and it can be printed again."""


def render_dpi(printer_dpi: int) -> int:
    """The resolution to rasterise at for a printer of `printer_dpi`: a whole multiple or fraction
    of it (so modules map onto whole dots), between 300 and 600 dpi where possible."""
    if printer_dpi <= 0:
        return MIN_DPI
    if printer_dpi < MIN_DPI:
        return printer_dpi * math.ceil(MIN_DPI / printer_dpi)
    for divisor in range(1, printer_dpi // MIN_DPI + 1):
        if printer_dpi % divisor == 0 and printer_dpi // divisor <= MAX_DPI:
            return printer_dpi // divisor
    return MAX_DPI


@contextmanager
def _document(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PrintFailed(QCoreApplication.translate(
            "PdfPrinting", "The document could not be read for printing.")) from exc
    try:
        yield document
    finally:
        document.close()


def _render(page: pdfium.PdfPage, dpi: float, *, optimize: str | None) -> pdfium.PdfBitmap:
    # Paths and images unsmoothed: the QR's vector squares stay hard-edged, no seams between
    # neighbouring modules. Text keeps its anti-aliasing: at ≥ 300 dpi it only reads better.
    return page.render(scale=dpi / 72, no_smoothpath=True, no_smoothimage=True, rev_byteorder=True,
                       prefer_bgrx=True, optimize_mode=optimize)


def _as_image(bitmap: pdfium.PdfBitmap) -> QImage:
    """A QImage over the bitmap's memory (valid while the bitmap lives; .copy() to keep it)."""
    return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)


def pdf_page_images(pdf: bytes, *, dpi: float, first_only: bool = False) -> list[QImage]:
    """Each page (or only the first) of `pdf` as an image at `dpi` (for previews and screenshots)."""
    images = []
    with _document(pdf) as document:
        for index, page in enumerate(document):
            if first_only and index:
                page.close()
                break
            bitmap = _render(page, dpi, optimize=None)
            images.append(_as_image(bitmap).copy())
            bitmap.close()
            page.close()
    return images


def new_printer(document_name: str) -> QPrinter:
    """A printer set up for our A4 PDFs: portrait, the whole sheet addressable."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # (0, 0) is the paper's corner: the PDF carries its own margins
    printer.setDocName(document_name)
    return printer


def choose_printer(parent: QWidget, *, document_name: str, title: str) -> QPrinter | None:
    """The print dialog (printer, copies) for a job named `document_name`; None when cancelled."""
    printer = new_printer(document_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Print every page of `pdf` on `printer`; returns the number of pages. Raises PrintFailed."""
    failed = QCoreApplication.translate(
        "PdfPrinting",
        "The printer did not accept the page. Check that it is switched on, has paper and is connected, "
        "then print again. Nothing was lost; you can also save it as a PDF.")
    printer.setFullPage(True)
    device_dpi = printer.resolution()
    dpi = render_dpi(device_dpi)
    with _document(pdf) as document:
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(failed)
        pages = 0
        try:
            # Nearest-neighbour only: an integer scale of the rendered dots onto the printer's.
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            for index, page in enumerate(document):
                if index and not printer.newPage():
                    raise PrintFailed(failed)
                width_pt, height_pt = page.get_size()
                bitmap = _render(page, dpi, optimize="print")
                target = QRectF(0, 0, width_pt / 72 * device_dpi, height_pt / 72 * device_dpi)
                painter.drawImage(target, _as_image(bitmap))
                bitmap.close()
                page.close()
                pages += 1
        finally:
            painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed(failed)
    return pages
