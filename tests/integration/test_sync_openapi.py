"""schemathesis against the real tenant API server (SQLite, loopback), driven by the server's own OpenAPI
document: every operation, once with a valid device token and once without, for a bounded time.
No 5xx, every status code documented, answers matching their documented schema and content type."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO
from tests.integration.sync_support import ServerProcess, enrollment_code, new_tenant, start_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = ",".join((
    "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_headers_conformance",
    "response_schema_conformance", "unsupported_method",
))
SECONDS_PER_RUN = 22  # two runs: the whole file stays well under a minute
TENANT = "fuzz"

pytestmark = pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis is in the test extra")


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, str]]:
    server = start_server(tmp_path_factory.mktemp("openapi-server"))
    try:
        new_tenant(server, TENANT)
        code = enrollment_code(server, TENANT, "site-a")
        answer = httpx.post(server.url + "/v1/enroll", json={
            "code": code, "station_id": "fuzz-station", "station_name": "Fuzz", "tenant": TENANT,
            "site_code": "site-a", "site_id": "fuzz-site"}, timeout=30)
        answer.raise_for_status()
        yield server, answer.json()["device_token"]
    finally:
        server.stop()


@pytest.mark.slow
@pytest.mark.parametrize("authenticated", [True, False], ids=["device-token", "no-token"])
def test_schemathesis_finds_no_server_error_and_no_schema_violation(
        api: tuple[ServerProcess, str], authenticated: bool, tmp_path: Path) -> None:
    server, token = api
    auth = ["-H", f"Authorization: Bearer {token}"] if authenticated else []
    run = subprocess.run(
        [str(SCHEMATHESIS), "run", f"{server.url}/openapi.json", "--checks", CHECKS, "--max-examples", "25",
         "--max-time", str(SECONDS_PER_RUN), "--request-timeout", "10", "--generation-database", "none",
         "--no-color", "--workers", "1", "--seed", "20261127", *auth],  # reproducible in CI and here
        capture_output=True, text=True, cwd=tmp_path, timeout=SECONDS_PER_RUN + 60, check=False,
        env={"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path), "PYTHONPATH": str(REPO)},
    )
    report = run.stdout + run.stderr
    assert server.proc.poll() is None, "the server died under the fuzzer"
    assert run.returncode == 0, f"schemathesis found problems:\n{report[-12000:]}"
    operations = sum(len(methods) for methods in httpx.get(f"{server.url}/openapi.json").json()["paths"].values())
    assert f"Tested: {operations}" in report, report[-3000:]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_public_slots_for_an_absurd_day_is_a_clear_422(api: tuple[ServerProcess, str], day: str) -> None:
    """Found by schemathesis: day 0001-01-01 overflowed the time window and answered 500."""
    server, _ = api
    answer = httpx.get(f"{server.url}/v1/public/{TENANT}/slots", params={"day": day}, timeout=30)
    assert answer.status_code == 422 and answer.json()["code"] == "invalid_day"
    assert httpx.get(f"{server.url}/v1/public/{TENANT}/slots", params={"day": "2030-03-04"},
                     timeout=30).status_code == 200
