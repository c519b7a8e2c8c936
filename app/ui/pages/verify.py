"""Checking a certificate someone shows. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class VerifyPage(PlaceholderPage):
    name = "verify"

    def purpose(self) -> str:
        return self.tr(
            "Scan a certificate's QR code to check that it is genuine and see what it says."
        )
