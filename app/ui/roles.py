"""Staff roles as people read them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.translate import QT_TRANSLATE_NOOP

ROLE_LABELS = {
    "nurse": QT_TRANSLATE_NOOP("Roles", "Nurse"),
    "doctor": QT_TRANSLATE_NOOP("Roles", "Doctor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Site lead / admin"),
}


def role_label(role: str) -> str:
    source = ROLE_LABELS.get(role)
    return QCoreApplication.translate("Roles", source) if source else role
