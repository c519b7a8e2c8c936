"""What the sync modules share: one throwaway PostgreSQL cluster per module, and the tenant API as a real
process on loopback once on each backend (a module that takes `server` runs its tests on both)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import BACKENDS
from tests.integration.sync_support import PgCluster, ServerProcess, postgres_cluster, start_server


@pytest.fixture(scope="module")
def pg() -> Iterator[PgCluster]:
    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="module", params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    url = request.getfixturevalue("pg").url if request.param == "postgresql" else None
    proc = start_server(tmp_path_factory.mktemp("server"), database_url=url)
    yield proc
    proc.stop()
