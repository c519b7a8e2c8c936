"""The shell's pages: which exist, who may open them, and where each one's module lives.

Page modules are imported only when first opened, so the login screen comes up fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.ui.translate import QT_TRANSLATE_NOOP

NURSE, DOCTOR, ADMIN = "nurse", "doctor", "admin"


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: str  # source text in the "Navigation" context; show it through `translated_title`
    module: str
    class_name: str
    roles: frozenset[str]

    @property
    def translated_title(self) -> str:
        return QCoreApplication.translate("Navigation", self.title)

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.class_name)  # type: ignore[no-any-return]


def _spec(name: str, title: str, class_name: str, *roles: str) -> PageSpec:
    return PageSpec(name, title, f"app.ui.pages.{name}", class_name, frozenset((*roles, ADMIN)))


# In the order of a visit; each role lands on its first page (nurse: Check-in, doctor: Doctor).
PAGES: tuple[PageSpec, ...] = (
    _spec("checkin", QT_TRANSLATE_NOOP("Navigation", "Check-in"), "CheckInPage", NURSE),
    _spec("doctor", QT_TRANSLATE_NOOP("Navigation", "Doctor"), "DoctorPage", DOCTOR),
    _spec("queue", QT_TRANSLATE_NOOP("Navigation", "Queue"), "QueuePage", NURSE, DOCTOR),
    _spec("testing", QT_TRANSLATE_NOOP("Navigation", "Tests"), "TestingPage", NURSE, DOCTOR),
    _spec("lots", QT_TRANSLATE_NOOP("Navigation", "Vaccine lots"), "LotsPage"),
    # Staff at the exit desk book the follow-up and print slips and certificates (DESIGN: "anyone
    # with the right role"); doctors approve certificate corrections.
    _spec("schedule", QT_TRANSLATE_NOOP("Navigation", "Schedule"), "SchedulePage", NURSE),
    _spec("certificates", QT_TRANSLATE_NOOP("Navigation", "Certificates"), "CertificatesPage", NURSE, DOCTOR),
    _spec("verify", QT_TRANSLATE_NOOP("Navigation", "Verify certificate"), "VerifyPage", NURSE, DOCTOR),
    _spec("report", QT_TRANSLATE_NOOP("Navigation", "Daily report"), "ReportPage"),
    _spec("audit", QT_TRANSLATE_NOOP("Navigation", "Audit log"), "AuditPage"),
    _spec("staff", QT_TRANSLATE_NOOP("Navigation", "Staff"), "StaffPage"),
    _spec("sync", QT_TRANSLATE_NOOP("Navigation", "Sync"), "SyncPage", NURSE),
)
PAGE_NAMES = tuple(p.name for p in PAGES)


def pages_for(role: str) -> tuple[PageSpec, ...]:
    return tuple(p for p in PAGES if role in p.roles)


def spec(name: str) -> PageSpec:
    for p in PAGES:
        if p.name == name:
            return p
    raise KeyError(name)
