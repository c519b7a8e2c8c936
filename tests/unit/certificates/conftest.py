"""Fixtures for the certificate tests: a demo signer chain, sample facts, the shared EU vectors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.certificates.dcc import VaccinationFacts
from app.certificates.signer import DemoChain, create_demo_chain
from app.certificates.trust import TrustList
from tests.unit.certificates.samples import SAMPLE


@pytest.fixture(scope="session")
def chain() -> DemoChain:
    return create_demo_chain(country="DE", now=datetime(2026, 1, 1, tzinfo=UTC), dsc_days=365)


@pytest.fixture(scope="session")
def trust(chain: DemoChain) -> TrustList:
    return TrustList.from_certificates([chain.signer.der])


@pytest.fixture
def facts() -> VaccinationFacts:
    return SAMPLE
