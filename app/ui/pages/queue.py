"""The queue: who is waiting, who is with the doctor, who is in observation. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class QueuePage(PlaceholderPage):
    name = "queue"

    def purpose(self) -> str:
        return self.tr(
            "See who is waiting, who is with a doctor and who is in the observation area, with the time each person has left to wait after the vaccination."
        )
