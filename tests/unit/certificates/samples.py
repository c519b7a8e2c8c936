"""The sample vaccination the certificate tests and the certificate benchmark sign: a second Comirnaty dose of
a person whose family name needs transliteration (ö, ß)."""

from __future__ import annotations

import dataclasses
from typing import Any

from app.certificates.dcc import VaccinationFacts

SAMPLE = VaccinationFacts(
    family_name="Musterfrau-Gößinger",
    given_name="Gabriele",
    dob="1998-02-26",
    product="EU/1/20/1528",
    manufacturer="ORG-100030215",
    prophylaxis="1119349007",
    dose_number=2,
    total_doses=2,
    date="2026-02-20",
    country="DE",
    issuer="Robert Koch-Institut",
    uvci="URN:UVCI:01:DE:VAXDESK/0123456789ABCDEF#F",
)


def sample_facts(**changes: Any) -> VaccinationFacts:
    """The sample with `changes` (field names of VaccinationFacts)."""
    return dataclasses.replace(SAMPLE, **changes)
