"""The day's figures for the site lead. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class ReportPage(PlaceholderPage):
    name = "report"

    def purpose(self) -> str:
        return self.tr(
            "See the day's figures: people vaccinated, doses per product, vials discarded, and what is still waiting to be synced."
        )
