"""The schedule page's second tab, the opening plan, as widgets: the weekly rules and closures ahead,
the form for one weekday's rule, and the days to open or close. The page (app/ui/pages/schedule.py)
runs the use cases; the service's refusals show inline under the form that caused them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.services.scheduling import OpeningPlan, OpeningPlanInput
from app.ui.checkin_models import format_day
from app.ui.layouts import grid_box, hbox, vbox
from app.ui.row_table import row_table
from app.ui.schedule_models import OpeningRulesModel, weekday_name
from app.ui.translate import to_date, to_qdate
from app.ui.widgets import calendar_bounded, label, push_button

__all__ = ["OpeningPlanTab"]


class OpeningPlanTab(QWidget):
    """Opening hours per weekday (slot length, stations, places, vaccines, from when), closures, and
    the days that get slots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = vbox(self, margins=(8, 8, 8, 8), spacing=8)
        self.rules_model = OpeningRulesModel(self)
        self.rules_table = row_table("openingRules")
        self.rules_table.setModel(self.rules_model)
        layout.addWidget(self.rules_table, 1)
        self.closures_line = label("hint")
        layout.addWidget(self.closures_line)

        form = QFrame()
        form.setObjectName("scheduleCard")
        grid = grid_box(form, margins=(12, 8, 12, 8), column_spacing=10)
        self.weekday = QComboBox()
        self.weekday.setObjectName("ruleWeekday")
        for day in range(7):
            self.weekday.addItem(weekday_name(day), day)
        self.opens = QLineEdit("08:00")
        self.opens.setObjectName("ruleOpens")
        self.opens.setMaxLength(5)
        self.closes = QLineEdit("18:00")
        self.closes.setObjectName("ruleCloses")
        self.closes.setMaxLength(5)
        self.slot_minutes = self._spin("ruleSlot", 1, 240, 15)
        self.stations = self._spin("ruleStations", 0, 100, 2)
        self.capacity = self._spin("ruleCapacity", 0, 100, 3)
        self.valid_from = calendar_bounded(QDateEdit(QDate.currentDate()))
        self.valid_from.setObjectName("ruleFrom")
        self.valid_from.setDisplayFormat("dd.MM.yyyy")
        self.valid_from.setCalendarPopup(True)
        labels = (self.tr("Weekday"), self.tr("Opens"), self.tr("Closes"), self.tr("Slot (min)"), self.tr("Stations"),
                  self.tr("Places per station"), self.tr("Valid from"))
        widgets = (self.weekday, self.opens, self.closes, self.slot_minutes, self.stations, self.capacity,
                   self.valid_from)
        for position, (text, widget) in enumerate(zip(labels, widgets, strict=True)):
            caption = label("fieldLabel", text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, position)
            grid.addWidget(widget, 1, position)
        self.product_boxes: dict[str, QCheckBox] = {}
        self.products_row = QHBoxLayout()
        self.products_row.addWidget(label("fieldLabel", self.tr("Vaccines:")))
        grid.addLayout(self.products_row, 2, 0, 1, 5)
        self.save_rule = push_button(self.tr("Save weekday"), name="saveRule", compact=True)
        grid.addWidget(self.save_rule, 2, 5, 1, 2)
        self.rule_error = label("fieldError")
        self.rule_error.setVisible(False)
        grid.addWidget(self.rule_error, 3, 0, 1, 7)
        layout.addWidget(form)

        days = hbox(spacing=8)
        self.first_day = calendar_bounded(QDateEdit(QDate.currentDate()))
        self.first_day.setObjectName("openFrom")
        self.last_day = calendar_bounded(QDateEdit(QDate.currentDate().addDays(56)))
        self.last_day.setObjectName("openUntil")
        for edit in (self.first_day, self.last_day):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setCalendarPopup(True)
        self.open_days_button = push_button(self.tr("Create slots"), name="openDays", compact=True)
        self.closure_reason = QLineEdit()
        self.closure_reason.setObjectName("closureReason")
        self.closure_reason.setMaxLength(200)
        self.closure_reason.setPlaceholderText(self.tr("Closure reason, e.g. public holiday"))
        self.close_button = push_button(self.tr("Close first day"), name="closeDay", compact=True)
        days.addWidget(label("fieldLabel", self.tr("Days:")))
        days.addWidget(self.first_day)
        days.addWidget(QLabel("\u2013"))
        days.addWidget(self.last_day)
        days.addWidget(self.open_days_button)
        days.addWidget(self.closure_reason, 1)
        days.addWidget(self.close_button)
        layout.addLayout(days)
        self.days_error = label("fieldError")
        self.days_error.setVisible(False)
        layout.addWidget(self.days_error)

    @staticmethod
    def _spin(name: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def set_products(self, names: dict[str, str]) -> None:
        """The vaccines a rule may offer (all ticked), as the catalogue names them."""
        self.rules_model.product_names = names
        for code, name in names.items():
            box = QCheckBox(name)
            box.setObjectName(f"ruleProduct_{code}")
            box.setChecked(True)
            self.product_boxes[code] = box
            self.products_row.addWidget(box)
        self.products_row.addStretch(1)

    def rule_input(self) -> OpeningPlanInput:
        """The weekday's rule as typed (the service checks it)."""
        products = tuple(code for code, box in self.product_boxes.items() if box.isChecked())
        return OpeningPlanInput(
            weekday=self.weekday.currentData(), opens=self.opens.text().strip(), closes=self.closes.text().strip(),
            slot_minutes=self.slot_minutes.value(), stations=self.stations.value(),
            capacity_per_station=self.capacity.value(), products=products,
            valid_from=to_date(self.valid_from.date()))

    def days(self) -> tuple[date, date]:
        """The first and the last day chosen (slots are created for each; "close" closes the first)."""
        return to_date(self.first_day.date()), to_date(self.last_day.date())

    def show_plan(self, plan: OpeningPlan) -> None:
        self.rules_model.set_rows(plan.rules)
        # Slots open from the site's today, not the machine's (another zone, or the hour around midnight): no
        # day before it can be chosen, and a field still on an earlier day moves up to it.
        today = to_qdate(plan.today)
        for edit in (self.first_day, self.last_day):
            edit.setMinimumDate(today)
        self.closures_line.setText(
            self.tr("Closed: {days}").format(days="; ".join(f"{format_day(c.day)} ({c.reason})" for c in plan.closures))
            if plan.closures else self.tr("No closures ahead."))

    @staticmethod
    def show_refusal(where: QLabel, text: str | None) -> None:
        """The service's refusal under the form it concerns; None hides it."""
        where.setText(text or "")
        where.setVisible(text is not None)
