"""Words of the doctor's booth (questionnaire flags, injection sites, reactions) and the dose
history table model. lupdate sees only literal calls, hence `QCoreApplication.translate(
"DoctorWords", …)` spelled out (or `QT_TRANSLATE_NOOP` in the tables of words by code).
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
from app.ui.translate import QT_TRANSLATE_NOOP, Words

__all__ = ["DoseHistoryModel", "adverse_kind_words", "age_years", "flag_words", "flagged_answers", "severity_words", "site_button_words",
           "site_words"]

# What a questionnaire answer flagged for review means to the doctor, in a few words.
flag_words = Words("DoctorWords", {
    "acute_illness": QT_TRANSLATE_NOOP("DoctorWords", "Fever or acute illness today"),
    "allergies": QT_TRANSLATE_NOOP("DoctorWords", "Allergies, possibly to vaccine ingredients (PEG, polysorbate)"),
    "earlier_reaction": QT_TRANSLATE_NOOP(
        "DoctorWords", "Allergic reaction, anaphylaxis or fainting after an earlier vaccination (30 min observation)"),
    "anticoagulation": QT_TRANSLATE_NOOP("DoctorWords", "Anticoagulants or bleeding disorder"),
    "pregnancy": QT_TRANSLATE_NOOP("DoctorWords", "Pregnant or breastfeeding"),
    "immunosuppression": QT_TRANSLATE_NOOP("DoctorWords", "Immunodeficiency or immunosuppressive medicines"),
    "earlier_vaccinations": QT_TRANSLATE_NOOP(
        "DoctorWords", "Says they had COVID-19 vaccinations before: check the history below"),
    "earlier_infection": QT_TRANSLATE_NOOP("DoctorWords", "Confirmed SARS-CoV-2 infection before"),
    "remarks": QT_TRANSLATE_NOOP("DoctorWords", "Left a remark for the doctor on the questionnaire"),
})


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


_SITE_WORDS = Words("DoctorWords", {
    "left_deltoid": QT_TRANSLATE_NOOP("DoctorWords", "Left upper arm"),
    "right_deltoid": QT_TRANSLATE_NOOP("DoctorWords", "Right upper arm"),
    "other": QT_TRANSLATE_NOOP("DoctorWords", "Other site"),
}, unknown=lambda _site: "")


def site_words(site: str | None) -> str:
    return _SITE_WORDS(site or "")


# The short words on the site buttons, under the label "Injection site (upper arm):".
site_button_words = Words("DoctorWords", {
    "left_deltoid": QT_TRANSLATE_NOOP("DoctorWords", "left"),
    "right_deltoid": QT_TRANSLATE_NOOP("DoctorWords", "right"),
    "other": QT_TRANSLATE_NOOP("DoctorWords", "other site"),
})


adverse_kind_words = Words("DoctorWords", {
    "syncope": QT_TRANSLATE_NOOP("DoctorWords", "Fainting (syncope)"),
    "dizziness": QT_TRANSLATE_NOOP("DoctorWords", "Dizziness"),
    "allergic_reaction": QT_TRANSLATE_NOOP("DoctorWords", "Allergic reaction"),
    "anaphylaxis": QT_TRANSLATE_NOOP("DoctorWords", "Anaphylaxis"),
    "local_reaction": QT_TRANSLATE_NOOP("DoctorWords", "Local reaction at the injection site"),
    "nausea": QT_TRANSLATE_NOOP("DoctorWords", "Nausea"),
    "headache": QT_TRANSLATE_NOOP("DoctorWords", "Headache"),
    "fever": QT_TRANSLATE_NOOP("DoctorWords", "Fever"),
    "other": QT_TRANSLATE_NOOP("DoctorWords", "Other reaction"),
})


severity_words = Words("DoctorWords", {
    "mild": QT_TRANSLATE_NOOP("DoctorWords", "Mild"),
    "moderate": QT_TRANSLATE_NOOP("DoctorWords", "Moderate"),
    "severe": QT_TRANSLATE_NOOP("DoctorWords", "Severe"),
    "life_threatening": QT_TRANSLATE_NOOP("DoctorWords", "Life-threatening"),
})


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

    HEADERS = (QT_TRANSLATE_NOOP("DoctorWords", "Date"), QT_TRANSLATE_NOOP("DoctorWords", "Dose"),
               QT_TRANSLATE_NOOP("DoctorWords", "Vaccine"), QT_TRANSLATE_NOOP("DoctorWords", "Given"),
               QT_TRANSLATE_NOOP("DoctorWords", "Details"))
    HEADERS_CONTEXT = "DoctorWords"

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
