"""Words of the doctor's booth (questionnaire flags, injection sites, reactions) and the dose
history table model. lupdate sees only literal calls, hence `QCoreApplication.translate(
"DoctorWords", …)` spelled out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from app.services.vaccinations import DoseEntry
from app.ui.checkin_models import format_day, format_dob
from app.ui.row_table import SORT_ROLE, RowsModel

__all__ = ["DoseHistoryModel", "adverse_kind_words", "age_years", "flag_words", "flagged_answers", "severity_words", "site_button_words",
           "site_words"]


def flag_words(question_id: str) -> str:
    """What a questionnaire answer flagged for review means to the doctor, in a few words."""
    return {
        "acute_illness": QCoreApplication.translate("DoctorWords", "Fever or acute illness today"),
        "allergies": QCoreApplication.translate("DoctorWords", "Allergies, possibly to vaccine ingredients (PEG, polysorbate)"),
        "earlier_reaction": QCoreApplication.translate(
            "DoctorWords", "Allergic reaction, anaphylaxis or fainting after an earlier vaccination (30 min observation)"),
        "anticoagulation": QCoreApplication.translate("DoctorWords", "Anticoagulants or bleeding disorder"),
        "pregnancy": QCoreApplication.translate("DoctorWords", "Pregnant or breastfeeding"),
        "immunosuppression": QCoreApplication.translate("DoctorWords", "Immunodeficiency or immunosuppressive medicines"),
        "earlier_vaccinations": QCoreApplication.translate(
            "DoctorWords", "Says they had COVID-19 vaccinations before: check the history below"),
        "earlier_infection": QCoreApplication.translate("DoctorWords", "Confirmed SARS-CoV-2 infection before"),
        "remarks": QCoreApplication.translate("DoctorWords", "Left a remark for the doctor on the questionnaire"),
    }.get(question_id, question_id)


def flagged_answers(flags: Sequence[str], details: Sequence[tuple[str, Sequence[str], str]]) -> str:
    """Each flag with what the person answered under it (the dates given, the remark itself), for the
    booth and the queue alike."""
    given = {qid: (dates, text) for qid, dates, text in details}
    lines = []
    for flag in flags:
        lines.append(f"\u26a0  {flag_words(flag)}")
        dates, text = given.get(flag, ((), ""))
        if dates:
            lines.append("      " + QCoreApplication.translate("DoctorWords", "dates given: {dates}").format(
                dates=", ".join(format_dob(d) for d in dates)))
        if text:
            lines.append("      " + QCoreApplication.translate("DoctorWords", "remark: \u201c{text}\u201d").format(
                text=text))
    return "\n".join(lines)


def site_words(site: str | None) -> str:
    return {
        "left_deltoid": QCoreApplication.translate("DoctorWords", "Left upper arm"),
        "right_deltoid": QCoreApplication.translate("DoctorWords", "Right upper arm"),
        "other": QCoreApplication.translate("DoctorWords", "Other site"),
    }.get(site or "", "")


def site_button_words(site: str) -> str:
    """The short words on the site buttons, under the label "Injection site (upper arm):"."""
    return {
        "left_deltoid": QCoreApplication.translate("DoctorWords", "left"),
        "right_deltoid": QCoreApplication.translate("DoctorWords", "right"),
        "other": QCoreApplication.translate("DoctorWords", "other site"),
    }.get(site, site)


def adverse_kind_words(kind: str) -> str:
    return {
        "syncope": QCoreApplication.translate("DoctorWords", "Fainting (syncope)"),
        "dizziness": QCoreApplication.translate("DoctorWords", "Dizziness"),
        "allergic_reaction": QCoreApplication.translate("DoctorWords", "Allergic reaction"),
        "anaphylaxis": QCoreApplication.translate("DoctorWords", "Anaphylaxis"),
        "local_reaction": QCoreApplication.translate("DoctorWords", "Local reaction at the injection site"),
        "nausea": QCoreApplication.translate("DoctorWords", "Nausea"),
        "headache": QCoreApplication.translate("DoctorWords", "Headache"),
        "fever": QCoreApplication.translate("DoctorWords", "Fever"),
        "other": QCoreApplication.translate("DoctorWords", "Other reaction"),
    }.get(kind, kind)


def severity_words(severity: str) -> str:
    return {
        "mild": QCoreApplication.translate("DoctorWords", "Mild"),
        "moderate": QCoreApplication.translate("DoctorWords", "Moderate"),
        "severe": QCoreApplication.translate("DoctorWords", "Severe"),
        "life_threatening": QCoreApplication.translate("DoctorWords", "Life-threatening"),
    }.get(severity, severity)


def age_years(dob: str, today: date) -> int | None:
    """Completed years; a partial date of birth (YYYY or YYYY-MM) counts from its first day."""
    parts = [int(p) for p in dob.split("-") if p.isdigit()]
    if not parts:
        return None
    born = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class DoseHistoryModel(RowsModel):
    """Every dose of the person, oldest first: where it was given, and voided ones struck through."""

    DATE, DOSE, PRODUCT, WHERE, DETAIL = range(5)

    def headers(self) -> Sequence[str]:
        return (QCoreApplication.translate("DoctorWords", "Date"), QCoreApplication.translate("DoctorWords", "Dose"),
                QCoreApplication.translate("DoctorWords", "Vaccine"), QCoreApplication.translate("DoctorWords", "Given"),
                QCoreApplication.translate("DoctorWords", "Details"))

    @staticmethod
    def where(row: DoseEntry) -> str:
        if row.external:
            return QCoreApplication.translate("DoctorWords", "Elsewhere ({country})").format(country=row.country)
        return QCoreApplication.translate("DoctorWords", "Here / synced")

    @staticmethod
    def detail(row: DoseEntry) -> str:
        parts = []
        if row.voided:
            parts.append(QCoreApplication.translate("DoctorWords", "VOID: {reason}").format(reason=row.void_reason or ""))
        if row.lot_number:
            parts.append(QCoreApplication.translate("DoctorWords", "Lot {lot}").format(lot=row.lot_number))
        if row.injection_site:
            parts.append(site_words(row.injection_site))
        if row.corrects_id:
            parts.append(QCoreApplication.translate("DoctorWords", "corrected record"))
        if row.override_reason:
            parts.append(QCoreApplication.translate("DoctorWords", "warning overridden: {reason}").format(
                reason=row.override_reason))
        return " · ".join(parts)

    def cell(self, row: DoseEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            day = format_day(row.given_on)
            return (day if row.external else f"{day} {row.given_at:%H:%M}", row.dose, row.product_name,
                    self.where(row), self.detail(row))[column]
        if role == SORT_ROLE:
            return (row.given_at, row.dose, row.product_name, row.external, self.detail(row))[column]
        if role == Qt.ItemDataRole.FontRole and row.voided:
            font = QFont()
            font.setStrikeOut(column != self.DETAIL)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.voided:
            return self.tone("block", role)
        return None
