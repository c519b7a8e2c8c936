"""The audit log's actions in words for the viewer (the log itself keeps the stable codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.translate import QT_TRANSLATE_NOOP

# Codes as written by the use cases (`uow.record(action=...)`, `record_access`); unknown ones show as the code.
ACTION_WORDS: dict[str, str] = {
    "adverse_event.recorded": QT_TRANSLATE_NOOP("AuditWords", "Adverse reaction recorded"),
    "appointment.booked": QT_TRANSLATE_NOOP("AuditWords", "Appointment booked"),
    "appointment.cancelled": QT_TRANSLATE_NOOP("AuditWords", "Appointment cancelled"),
    "appointment.checked_in": QT_TRANSLATE_NOOP("AuditWords", "Checked in on the booking"),
    "appointment.no_show": QT_TRANSLATE_NOOP("AuditWords", "Marked as no-show"),
    "appointment.slip_printed": QT_TRANSLATE_NOOP("AuditWords", "Appointment slip printed"),
    "auth.refused": QT_TRANSLATE_NOOP("AuditWords", "Refused: role not allowed"),
    "catalogue.installed": QT_TRANSLATE_NOOP("AuditWords", "Vaccine catalogue installed"),
    "certificate.issued": QT_TRANSLATE_NOOP("AuditWords", "Certificate issued"),
    "certificate.printed": QT_TRANSLATE_NOOP("AuditWords", "Certificate printed"),
    "certificate.reviewed": QT_TRANSLATE_NOOP("AuditWords", "Certificate reviewed"),
    "certificate.revoked": QT_TRANSLATE_NOOP("AuditWords", "Certificate revoked"),
    "certificate.signed": QT_TRANSLATE_NOOP("AuditWords", "Certificate signed"),
    "certificate.voucher": QT_TRANSLATE_NOOP("AuditWords", "Certificate voucher issued"),
    "certificate.voucher_printed": QT_TRANSLATE_NOOP("AuditWords", "Certificate voucher printed"),
    "certificates.configured": QT_TRANSLATE_NOOP("AuditWords", "Certificate settings changed"),
    "closure.set": QT_TRANSLATE_NOOP("AuditWords", "Closure day set"),
    "export.authority": QT_TRANSLATE_NOOP("AuditWords", "Export for the health authority"),
    "export.pseudonym_key_created": QT_TRANSLATE_NOOP("AuditWords", "Pseudonym key created"),
    "infection.recorded": QT_TRANSLATE_NOOP("AuditWords", "Infection recorded"),
    "infection.voided": QT_TRANSLATE_NOOP("AuditWords", "Infection voided"),
    "lot.blocked": QT_TRANSLATE_NOOP("AuditWords", "Lot blocked"),
    "lot.received": QT_TRANSLATE_NOOP("AuditWords", "Lot received"),
    "opening_rule.set": QT_TRANSLATE_NOOP("AuditWords", "Opening hours set"),
    "person.created": QT_TRANSLATE_NOOP("AuditWords", "Person registered"),
    "person.deleted": QT_TRANSLATE_NOOP("AuditWords", "Person deleted"),
    "person.duplicate_overridden": QT_TRANSLATE_NOOP("AuditWords", "Registered despite a similar person"),
    "person.exported": QT_TRANSLATE_NOOP("AuditWords", "Person's data exported"),
    "person.history_viewed": QT_TRANSLATE_NOOP("AuditWords", "Dose history viewed"),
    "person.imported": QT_TRANSLATE_NOOP("AuditWords", "Persons imported"),
    "person.merged": QT_TRANSLATE_NOOP("AuditWords", "Persons merged"),
    "person.purge_postponed": QT_TRANSLATE_NOOP("AuditWords", "Deletion postponed"),
    "person.purged": QT_TRANSLATE_NOOP("AuditWords", "Personal data removed"),
    "person.searched": QT_TRANSLATE_NOOP("AuditWords", "Search"),
    "person.updated": QT_TRANSLATE_NOOP("AuditWords", "Person corrected"),
    "person.viewed": QT_TRANSLATE_NOOP("AuditWords", "Person viewed"),
    "review_task.resolved": QT_TRANSLATE_NOOP("AuditWords", "Review task resolved"),
    "signer.installed": QT_TRANSLATE_NOOP("AuditWords", "Document signer installed"),
    "slots.opened": QT_TRANSLATE_NOOP("AuditWords", "Appointment slots opened"),
    "staff.activated": QT_TRANSLATE_NOOP("AuditWords", "Staff member activated"),
    "staff.created": QT_TRANSLATE_NOOP("AuditWords", "Staff member added"),
    "staff.login": QT_TRANSLATE_NOOP("AuditWords", "Logged in"),
    "staff.login_failed": QT_TRANSLATE_NOOP("AuditWords", "Login failed"),
    "staff.pin_reset": QT_TRANSLATE_NOOP("AuditWords", "PIN reset"),
    "staff.role_changed": QT_TRANSLATE_NOOP("AuditWords", "Role changed"),
    "station.backup": QT_TRANSLATE_NOOP("AuditWords", "Backup made"),
    "station.initialised": QT_TRANSLATE_NOOP("AuditWords", "Station set up"),
    "vaccination.corrected": QT_TRANSLATE_NOOP("AuditWords", "Dose corrected"),
    "vaccination.external_recorded": QT_TRANSLATE_NOOP("AuditWords", "Earlier dose entered"),
    "vaccination.recorded": QT_TRANSLATE_NOOP("AuditWords", "Dose recorded"),
    "vaccination.voided": QT_TRANSLATE_NOOP("AuditWords", "Dose voided"),
    "vial.discarded": QT_TRANSLATE_NOOP("AuditWords", "Vial discarded"),
    "vial.opened": QT_TRANSLATE_NOOP("AuditWords", "Vial opened"),
    "visit.checked_in": QT_TRANSLATE_NOOP("AuditWords", "Checked in"),
    "visit.done": QT_TRANSLATE_NOOP("AuditWords", "Left observation"),
    "visit.identity_checked": QT_TRANSLATE_NOOP("AuditWords", "Identity checked"),
    "visit.left": QT_TRANSLATE_NOOP("AuditWords", "Left without vaccination"),
    "visit.observation": QT_TRANSLATE_NOOP("AuditWords", "Observation started"),
    "visit.questionnaire": QT_TRANSLATE_NOOP("AuditWords", "Consent and questionnaire"),
    "visit.returned_to_waiting": QT_TRANSLATE_NOOP("AuditWords", "Back to waiting"),
    "visit.review_acknowledged": QT_TRANSLATE_NOOP("AuditWords", "Flagged answers discussed by the doctor"),
    "visit.with_doctor": QT_TRANSLATE_NOOP("AuditWords", "Called to the doctor"),
}


def action_words(action: str) -> str:
    words = ACTION_WORDS.get(action)
    return QCoreApplication.translate("AuditWords", words) if words else action
