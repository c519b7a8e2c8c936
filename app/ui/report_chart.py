"""A small bar chart drawn with QPainter (PySide6-Essentials has no QtCharts): a title, one bar
per label with its value written on it, and a plain sentence when there is nothing to draw."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#1d70b8")
BAR_LOW = QColor("#d4351c")
INK = QColor("#0b0c0c")
MUTED = QColor("#3d4550")
GRID = QColor("#dde1e4")


class BarChart(QWidget):
    """Vertical bars. `set_data(labels, values)`; bars at or below `low_mark` are drawn red."""

    def __init__(self, title: str, *, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.title = title
        self.empty_text = empty_text
        self.labels: list[str] = []
        self.values: list[int] = []
        self.low_mark: int | None = None
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def set_data(self, labels: Sequence[str], values: Sequence[int], *, low_mark: int | None = None) -> None:
        self.labels, self.values, self.low_mark = list(labels), list(values), low_mark
        # Screen readers get the figures the picture shows.
        self.setAccessibleDescription(", ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True)))
        self.update()

    @property
    def empty(self) -> bool:
        return not self.values or (max(self.values) <= 0 and self.low_mark is None)

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        base = QFont(self.font())
        title_font = QFont(base)
        title_font.setBold(True)
        title_font.setPointSizeF(base.pointSizeF() * 1.05)
        painter.setFont(title_font)
        painter.setPen(INK)
        margin = 12.0
        title_height = painter.fontMetrics().height() + 6
        title = painter.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, int(self.width() - 2 * margin))
        painter.drawText(QRectF(margin, margin / 2, self.width() - 2 * margin, title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        small = QFont(base)
        small.setPointSizeF(max(9.0, base.pointSizeF() * 0.75))
        painter.setFont(small)
        area = QRectF(margin, margin / 2 + title_height + 4, self.width() - 2 * margin,
                      self.height() - title_height - margin * 1.5 - 4)
        if self.empty:
            painter.setPen(MUTED)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()
            return
        self._draw_bars(painter, area)
        painter.end()

    def _draw_bars(self, painter: QPainter, area: QRectF) -> None:
        metrics = painter.fontMetrics()
        line = metrics.height()
        top = max(max(self.values), 1)
        label_band = line + 6
        value_band = line + 2
        plot = QRectF(area.left(), area.top() + value_band, area.width(), area.height() - label_band - value_band)
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / len(self.values)
        bar_width = max(6.0, min(slot * 0.7, 90.0))
        # Long labels (product names) are shortened with "…" to their slot rather than overlapping.
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            x = plot.left() + i * slot + (slot - bar_width) / 2
            height = plot.height() * value / top
            bar = QRectF(x, plot.bottom() - height, bar_width, height)
            low = self.low_mark is not None and value <= self.low_mark
            painter.fillRect(bar, BAR_LOW if low else BAR)
            painter.setPen(INK)
            if value or low:  # a row of zeros over quiet hours is noise; an empty product is news
                painter.drawText(QRectF(plot.left() + i * slot, bar.top() - value_band, slot, value_band),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(value))
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot) - 4)
            painter.setPen(MUTED)
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 4, slot, line),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
