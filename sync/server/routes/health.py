"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter

from app import __version__
from sync import protocol as p
from sync.server.deps import ReadinessDep

router = APIRouter()


@router.get("/health", response_model=p.Health)
async def health() -> p.Health:
    """Liveness: the process answers. Load balancers should route by /health/ready."""
    return p.Health(version=__version__)


@router.get("/health/ready", response_model=p.Readiness, responses={503: {"model": p.ErrorBody}})
async def ready(readiness: ReadinessDep) -> p.Readiness:
    """Ready when the storage answers and the master key opens every tenant's data key."""
    return readiness.check()
