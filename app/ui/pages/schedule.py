"""Opening hours and capacity of the site. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class SchedulePage(PlaceholderPage):
    name = "schedule"

    def purpose(self) -> str:
        return self.tr(
            "Set opening hours and how many people can be vaccinated per time slot, and see how full each day is."
        )
