"""The day's figures for the site lead: key numbers, two charts (doses per hour, stock per
product), the tables behind them, and the report saved as PDF or CSV."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import VaxDeskError
from app.services.report import DailyReport, report_csv, report_pdf
from app.ui.layouts import stacked
from app.ui.pages.base import Page, PageContext
from app.ui.report_chart import BarChart
from app.ui.report_models import (
    FiguresModel,
    adverse_rows,
    age_rows,
    dose_rows,
    hour_series,
    lot_rows,
    minutes_words,
    product_rows,
    stock_rows,
    waste_rows,
)
from app.ui.tasks import Op
from app.ui.translate import to_date, to_qdate
from app.ui.widgets import date_field, label, push_button

# Remaining stock at or below this many doses is drawn red: time to order or move vials.
LOW_STOCK_DOSES = 20


class SaveFailed(VaxDeskError):
    """The report file could not be written (folder gone, disk full, no permission)."""


def write_file(path: Path, produce: Callable[[], bytes]) -> Path:
    """Runs on the worker: build the file's content, then write it in one go."""
    content = produce()
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise SaveFailed(exc.strerror or str(exc)) from exc
    return path


class FigureTile(QFrame):
    """One key number with its caption, readable from across the room."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureTile")
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        self.caption = label("figureCaption", caption)
        stacked(self, self.value, self.caption, margins=(16, 10, 16, 10), spacing=2)

    def set_value(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleName(f"{self.caption.text()}: {text}")


class FiguresTable(QFrame):
    """A titled table that is as tall as its rows (the page scrolls, not each table)."""

    def __init__(self, title: str, headers: list[str], *, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportCard")
        self.title = QLabel(title)
        self.title.setObjectName("reportCardTitle")
        self.model = FiguresModel(headers, self)
        self.view = QTableView()
        self.view.setObjectName("reportTable")
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().setVisible(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty = label("reportNone", empty_text)
        stacked(self, self.title, self.view, self.empty, margins=(14, 10, 14, 12), spacing=6)

    def set_rows(self, rows: Sequence[tuple[object, ...]]) -> None:
        self.model.set_rows(rows)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.view.resizeRowsToContents()
        height = self.view.horizontalHeader().sizeHint().height() + 4
        height += sum(self.view.rowHeight(r) for r in range(self.model.rowCount()))
        self.view.setFixedHeight(height)


class ReportPage(Page):
    name = "report"

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title=title, parent=parent)
        # Today at the site until another day is picked (the first report says which day that is): the
        # machine's own date may be another one, in another zone or around midnight.
        self._picked: date | None = None
        self.report: DailyReport | None = None

        # -- the day and what to do with its report ------------------------------------------------
        self.day_edit = date_field("reportDay", display_format=self.tr("d MMM yyyy"))
        self.day_edit.setAccessibleName(self.tr("Day of the report"))
        day_label = QLabel(self.tr("Day:"))
        day_label.setBuddy(self.day_edit)
        self.today_button = push_button(self.tr("Today"), name="reportToday", on_click=self.show_today)
        self.csv_button = push_button(self.tr("Save CSV…"), name="saveCsv", on_click=self.save_csv)
        self.pdf_button = push_button(self.tr("Save PDF…"), name="savePdf", primary=True, on_click=self.save_pdf)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        top.addWidget(self.today_button)
        top.addStretch(1)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        self.body.addLayout(top)

        # -- the figures (scrolls as a whole) --------------------------------------------------------
        content = QWidget()
        content.setObjectName("reportContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(14)

        self.empty_note = label("emptyHint")
        self.empty_note.setVisible(False)
        column.addWidget(self.empty_note)

        self.tiles = {
            "doses": FigureTile(self.tr("doses given")),
            "certificates": FigureTile(self.tr("certificates issued")),
            "no_shows": FigureTile(self.tr("no-shows")),
            "tests": FigureTile(self.tr("tests (positive)")),
            "wasted": FigureTile(self.tr("doses wasted")),
            "waiting": FigureTile(self.tr("waiting, check-in to vaccination (median · 90 %)")),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for key, tile in self.tiles.items():
            tiles.addWidget(tile, 2 if key == "waiting" else 1)
        column.addLayout(tiles)

        self.hour_chart = BarChart(self.tr("Doses per hour"), empty_text=self.tr("No doses on this day."))
        self.hour_chart.setObjectName("hourChart")
        self.stock_chart = BarChart(self.tr("Stock now: doses left"),
                                    empty_text=self.tr("No vaccine in stock."))
        self.stock_chart.setObjectName("stockChart")
        charts = QHBoxLayout()
        charts.setSpacing(10)
        charts.addWidget(self._card(self.hour_chart), 1)
        charts.addWidget(self._card(self.stock_chart), 1)
        column.addLayout(charts)

        none = self.tr("None on this day.")
        doses, product = self.tr("Doses"), self.tr("Product")
        self.tables = {
            "product": FiguresTable(self.tr("Doses by product"), [product, doses], empty_text=none),
            "lot": FiguresTable(self.tr("Doses by lot"), [product, self.tr("Lot"), doses], empty_text=none),
            "dose": FiguresTable(self.tr("Doses by dose in the series"), [product, self.tr("Dose"), doses],
                                 empty_text=none),
            "age": FiguresTable(self.tr("Age groups"), [self.tr("Age"), doses], empty_text=none),
            "waste": FiguresTable(self.tr("Waste"), [product, self.tr("Reason"), doses], empty_text=none),
            "adverse": FiguresTable(self.tr("Adverse events"), [self.tr("Reaction"), self.tr("Severity"),
                                                                self.tr("Count")], empty_text=none),
            "stock": FiguresTable(self.tr("Stock now"), [product, self.tr("Received"), self.tr("Given"),
                                                         self.tr("Wasted"), self.tr("Left")],
                                  empty_text=self.tr("No vaccine in stock.")),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        order = ("product", "age", "lot", "dose", "waste", "adverse")
        for i, key in enumerate(order):
            grid.addWidget(self.tables[key], i // 2, i % 2)
        grid.addWidget(self.tables["stock"], len(order) // 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        column.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("reportScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.body.addWidget(self.scroll_area, 1)

        self.day_edit.dateChanged.connect(self._day_picked)
        self._set_save_enabled(False)
        self.reload()

    @staticmethod
    def _card(chart: BarChart) -> QFrame:
        card = QFrame()
        card.setObjectName("reportCard")
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(chart)
        return card

    # -- reading -------------------------------------------------------------------------------------

    @property
    def day(self) -> date:
        return to_date(self.day_edit.date())

    def _day_picked(self) -> None:
        self._picked = self.day
        self.reload()

    def show_today(self) -> Op:
        """Today's report (today at the site)."""
        self._picked = None
        return self.reload()

    def reload(self) -> Op:
        picked, actor = self._picked, self.context.actor
        self._set_save_enabled(False)
        return self.read(lambda s: s.daily_report(actor, picked)).on_success(
            lambda report: self.show_report(report, asked=picked)).start()

    def show_report(self, report: DailyReport, *, asked: date | None) -> None:
        if asked != self._picked:
            return  # another day was picked meanwhile; its own report is on the way
        if asked is None:  # today's: the site's date is the last one to choose
            self.day_edit.blockSignals(True)
            self.day_edit.setMaximumDate(to_qdate(report.day))
            self.day_edit.setDate(to_qdate(report.day))
            self.day_edit.blockSignals(False)
        self.report = report
        self.messages.clear_message()
        wasted = sum(n for _, _, n in report.waste)
        self.tiles["doses"].set_value(str(report.total_doses))
        self.tiles["certificates"].set_value(str(report.certificates_issued))
        self.tiles["no_shows"].set_value(str(report.no_shows))
        self.tiles["tests"].set_value(f"{report.tests_taken} ({report.tests_positive})")
        self.tiles["wasted"].set_value(str(wasted))
        waiting = minutes_words(report.waiting_median_min)
        if report.waiting_p90_min is not None:
            waiting += " · " + minutes_words(report.waiting_p90_min)
        self.tiles["waiting"].set_value(waiting)
        self.empty_note.setText(self.tr(
            "Nothing was recorded on {day}: no vaccinations, no-shows, waste or adverse events. "
            "Choose another day above; the stock below is today's."
        ).format(day=self.day_edit.date().toString(self.day_edit.displayFormat())))
        self.empty_note.setVisible(report.empty)

        labels, values = hour_series(report)
        self.hour_chart.set_data(labels, values)
        self.stock_chart.set_data(list(report.stock), [f.remaining for f in report.stock.values()],
                                  low_mark=LOW_STOCK_DOSES)
        self.tables["product"].set_rows(product_rows(report))
        self.tables["lot"].set_rows(lot_rows(report))
        self.tables["dose"].set_rows(dose_rows(report))
        self.tables["age"].set_rows([row for row in age_rows(report) if row[1] or not report.empty])
        self.tables["waste"].set_rows(waste_rows(report))
        self.tables["adverse"].set_rows(adverse_rows(report))
        self.tables["stock"].set_rows(stock_rows(report))
        self._set_save_enabled(True)

    def _set_save_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled)

    # -- saving --------------------------------------------------------------------------------------

    def save_pdf(self) -> Op | None:
        report = self.report
        if report is None:
            return None
        return self._save(self.tr("Save the daily report as PDF"), "pdf", self.tr("PDF files (*.pdf)"),
                          lambda: report_pdf(report))

    def save_csv(self) -> Op | None:
        report = self.report
        if report is None:
            return None
        # UTF-8 with BOM: German Excel opens it with umlauts intact.
        return self._save(self.tr("Save the daily report as CSV"), "csv", self.tr("CSV files (*.csv)"),
                          lambda: report_csv(report).encode("utf-8-sig"))

    def _save(self, caption: str, suffix: str, file_filter: str, produce: Callable[[], bytes]) -> Op | None:
        assert self.report is not None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / f"vaxdesk-report-{self.report.day.isoformat()}.{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(suggested), file_filter)
        if not chosen:
            return None  # cancelled
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        self.messages.show_info(self.tr("Saving {path}…").format(path=path))
        return (
            Op(self, lambda: write_file(path, produce))
            .on_success(lambda saved: self.messages.show_info(self.tr("Saved: {path}").format(path=saved)))
            .on_failure(lambda error: self.messages.show_error(
                self.tr("Could not save {path}: {reason}. Choose another folder.").format(path=path, reason=error)))
            .start()
        )
