"""Vaccine lots and vials: receiving, opening, discarding. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class LotsPage(PlaceholderPage):
    name = "lots"

    def purpose(self) -> str:
        return self.tr(
            "Receive vaccine lots, open and discard vials, and see how many doses of each product are left and when they expire."
        )
