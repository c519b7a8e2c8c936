"""Check-in: finding the booking, walk-ins, identity check, consent and questionnaire. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class CheckInPage(PlaceholderPage):
    name = "checkin"

    def purpose(self) -> str:
        return self.tr(
            "Find the booking by scanning its QR code or by name and date of birth, register walk-ins, check identity, take consent and the medical questionnaire, then send the person to the queue."
        )
