"""cert_issue_pdf_median_ms and cert_verify_median_ms (payload → signed HC1 → QR → PDF; verify)."""

from __future__ import annotations

from typing import Any

from app.certificates.bench import benchmark


def certificate_timings(quick: bool) -> dict[str, Any]:
    n = 50 if quick else 300
    return {**benchmark(n), "cert_sizes": f"median of {n} issues and {n} verifications"}
