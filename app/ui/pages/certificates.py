"""Issuing, printing and correcting EU vaccination certificates. (Placeholder until the page is built.)"""

from __future__ import annotations

from app.ui.pages.base import PlaceholderPage


class CertificatesPage(PlaceholderPage):
    name = "certificates"

    def purpose(self) -> str:
        return self.tr(
            "Issue and print EU Digital COVID Certificates and appointment slips, and correct a certificate that has a mistake."
        )
