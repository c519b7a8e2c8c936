"""A PDF page on screen: PDFium renders it to an image (the PDF stays the one source of truth) and
the widget shows it scaled to fit. PDFium is not thread-safe: GUI thread only."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.ui.pdf_printing import pdf_page_images

__all__ = ["PdfPageView"]

SCREEN_DPI = 110  # enough for a sharp preview of an A4 page at a few hundred pixels wide


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
        self.image = pdf_page_images(pdf, dpi=SCREEN_DPI, first_only=True)[0] if pdf else None
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
