"""The vaccination booth: review, pick the vial, record the dose. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class DoctorPage(PlaceholderPage):
    name = "doctor"

    def purpose(self) -> str:
        return self.tr(
            "Review the questionnaire and earlier doses, scan the open vial, record the dose given and any adverse reaction."
        )
