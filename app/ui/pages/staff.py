"""Staff accounts and roles. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class StaffPage(PlaceholderPage):
    name = "staff"

    def purpose(self) -> str:
        return self.tr(
            "Add staff members, give them a role, reset a forgotten PIN and deactivate accounts of people who left."
        )
