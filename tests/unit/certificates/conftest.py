"""Fixtures for the certificate tests: a demo signer chain, sample facts, the shared EU vectors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.certificates.dcc import VaccinationFacts
from app.certificates.signer import DemoChain, create_demo_chain
from app.certificates.trust import TrustList


@pytest.fixture(scope="session")
def chain() -> DemoChain:
    return create_demo_chain(country="DE", now=datetime(2026, 1, 1, tzinfo=UTC), dsc_days=365)


@pytest.fixture(scope="session")
def trust(chain: DemoChain) -> TrustList:
    return TrustList.from_certificates([chain.signer.der])


@pytest.fixture
def facts() -> VaccinationFacts:
    return VaccinationFacts(
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
