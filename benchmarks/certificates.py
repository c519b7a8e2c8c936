"""cert_issue_pdf_median_ms and cert_verify_median_ms (payload → signed HC1 → QR → PDF; verify)."""

from __future__ import annotations

import statistics
import time
from typing import Any

from app.certificates.dcc import build_payload, issue_hc1
from app.certificates.pdf import render_certificate_pdf
from app.certificates.signer import create_demo_chain
from app.certificates.trust import TrustList
from app.certificates.uvci import make_uvci
from app.certificates.verify import verify
from tests.unit.certificates.samples import (
    sample_facts,  # the tests' sample: the figures time what they check
)


def certificate_timings(quick: bool) -> dict[str, Any]:
    n = 50 if quick else 300
    return {**benchmark(n), "cert_sizes": f"median of {n} issues and {n} verifications"}


def benchmark(n: int = 50) -> dict[str, float]:
    """Median milliseconds over n runs each, after one warm-up (fonts, schemas, value sets)."""
    chain = create_demo_chain()
    facts = sample_facts(date="2021-06-11", uvci=make_uvci(country="DE", issuer="VAXDESK"))
    trust = TrustList.from_certificates([chain.signer.der])
    hc1 = issue_hc1(build_payload(facts), chain.signer)
    render_certificate_pdf(hc1=hc1)
    verify(hc1, trust)

    issue_times = []
    for _ in range(n):
        start = time.perf_counter()
        payload = build_payload(facts)
        render_certificate_pdf(hc1=issue_hc1(payload, chain.signer))  # as the desk prints: from the code
        issue_times.append(time.perf_counter() - start)
    verify_times = []
    for _ in range(n):
        start = time.perf_counter()
        verify(hc1, trust)
        verify_times.append(time.perf_counter() - start)
    return {
        "cert_issue_pdf_median_ms": round(statistics.median(issue_times) * 1000, 2),
        "cert_verify_median_ms": round(statistics.median(verify_times) * 1000, 3),
    }

