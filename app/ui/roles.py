"""Staff roles as people read them."""

from __future__ import annotations

from app.ui.translate import QT_TRANSLATE_NOOP, Words

ROLE_LABELS = {
    "nurse": QT_TRANSLATE_NOOP("Roles", "Nurse"),
    "doctor": QT_TRANSLATE_NOOP("Roles", "Doctor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Site lead / admin"),
}

role_label = Words("Roles", ROLE_LABELS)
