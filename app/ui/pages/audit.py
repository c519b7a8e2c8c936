"""Who read or changed personal data, and when. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class AuditPage(PlaceholderPage):
    name = "audit"

    def purpose(self) -> str:
        return self.tr(
            "Look up who read or changed which record and when, in the tamper-evident audit log."
        )
