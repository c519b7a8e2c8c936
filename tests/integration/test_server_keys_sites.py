"""Keys and sites on a real `vaxdesk-server`: a wrong, malformed or missing master key never starts a server
that answers 500 behind a healthy /health; readiness fails while a tenant key cannot be opened; an
enrollment code never takes over another station."""

from __future__ import annotations

import base64
import os
import subprocess
import uuid
from pathlib import Path

import httpx
import pytest

from app.storage.schema import Meta
from sync.server.tenants import Registry
from tests.conftest import REPO
from tests.integration.sync_support import (
    PYTHON,
    enrolled_station,
    free_port,
    start_server,
    sync,
)

KEY_A = base64.b64encode(b"a" * 32).decode()
KEY_B = base64.b64encode(b"b" * 32).decode()


def _serve(data_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Start a server that is expected to refuse; it must exit by itself."""
    clean = {k: v for k, v in os.environ.items() if k != "VAXDESK_MASTER_KEY"}
    return subprocess.run([PYTHON, "-m", "sync.server.cli", "--data-dir", str(data_dir), "--port", str(free_port())],
                          env={**clean, **env}, capture_output=True, text=True, cwd=REPO, timeout=60, check=False)


def _create(data_dir: Path, tenant: str, key: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k != "VAXDESK_MASTER_KEY"}
    if key:
        env["VAXDESK_MASTER_KEY"] = key
    subprocess.run([PYTHON, "-m", "sync.server.cli", "tenant", "create", "--tenant", tenant, "--data-dir",
                    str(data_dir)], env=env, check=True, capture_output=True, cwd=REPO)


def test_a_wrong_master_key_refuses_to_start_with_a_clear_message(tmp_path: Path) -> None:
    _create(tmp_path, "center", KEY_A)
    refused = _serve(tmp_path, {"VAXDESK_MASTER_KEY": KEY_B})
    assert refused.returncode == 6
    assert "opens none of the 1 tenants" in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.parametrize(("value", "message"), [("not base64 at all!", "is not base64"),
                                                (base64.b64encode(b"short").decode(), "must hold 32 bytes")])
def test_a_malformed_master_key_is_named_not_a_traceback(tmp_path: Path, value: str, message: str) -> None:
    from_env = _serve(tmp_path, {"VAXDESK_MASTER_KEY": value})
    assert from_env.returncode == 6 and message in from_env.stderr and "Traceback" not in from_env.stderr
    (tmp_path / "master.key").write_text(value + "\n")
    from_file = _serve(tmp_path, {})
    assert from_file.returncode == 6 and message in from_file.stderr and "Traceback" not in from_file.stderr
    assert "master.key" in from_file.stderr


def test_a_missing_master_key_is_never_replaced_once_tenants_exist(tmp_path: Path) -> None:
    _create(tmp_path, "center", None)  # the key file is made for the first tenant
    key_file = tmp_path / "master.key"
    assert key_file.exists()
    key_file.unlink()
    refused = _serve(tmp_path, {})
    assert refused.returncode == 6 and "No master key" in refused.stderr and "Traceback" not in refused.stderr
    assert not key_file.exists()


def test_readiness_fails_while_a_tenant_key_cannot_be_opened(tmp_path: Path) -> None:
    _create(tmp_path, "good", None)
    # A tenant restored from another deployment: its data key is wrapped under another master key.
    Registry(data_dir=tmp_path, master_key=b"x" * 32).create("foreign")
    server = start_server(tmp_path)
    try:
        assert httpx.get(server.url + "/health", timeout=10).status_code == 200  # alive
        ready = httpx.get(server.url + "/health/ready", timeout=10)
        assert ready.status_code == 503
        assert ready.json()["code"] == "tenant_key_unusable" and ready.json()["details"]["tenants"] == ["foreign"]
        answer = httpx.get(f"{server.url}/v1/public/good/slots", params={"day": "2030-01-01"}, timeout=10)
        assert answer.status_code == 200
    finally:
        server.stop()
    (tmp_path / "tenants" / "foreign.sqlite").unlink()
    server = start_server(tmp_path)
    try:
        assert httpx.get(server.url + "/health/ready", timeout=10).json() == {"status": "ready", "tenants": 1}
    finally:
        server.stop()


def _token(store: object) -> str:
    with store.read() as session:  # type: ignore[attr-defined]
        return str(session.get(Meta, "sync.device_token").value)


def test_an_enrollment_code_never_takes_over_another_station(tmp_path: Path, passphrase: str) -> None:
    from sync.server.app import issue_enrollment_code

    server = start_server(tmp_path / "server")
    registry = Registry(data_dir=tmp_path / "server")  # codes issued in-process: the CLI is tested once below
    try:
        tenant = "sites-" + uuid.uuid4().hex[:6]
        registry.create(tenant)
        s2 = enrolled_station(tmp_path, "s2", server, tenant=tenant, site="s2")
        sync(s2)

        def code_for(site: str) -> str:
            return issue_enrollment_code(registry.get(tenant), site)

        def enroll(code: str, station_id: str, site: str = "s1", site_id: str | None = None) -> httpx.Response:
            return httpx.post(server.url + "/v1/enroll", timeout=15, json={
                "code": code, "station_id": station_id, "station_name": "intruder", "tenant": tenant,
                "site_code": site, "site_id": site_id or str(uuid.uuid4())})

        taken = enroll(code_for("s1"), s2.identity.station_id)
        assert taken.status_code == 403 and taken.json()["code"] == "station_exists"
        same_site = enroll(code_for("s2"), s2.identity.station_id, site="s2", site_id=s2.identity.site_id)
        assert same_site.status_code == 403 and same_site.json()["code"] == "station_exists"
        spoofed = enroll(code_for("s1"), str(uuid.uuid4()), site_id=s2.identity.site_id)
        assert spoofed.status_code == 403 and spoofed.json()["code"] == "wrong_site"
        status = httpx.get(server.url + "/v1/sync/status", headers={"Authorization": f"Bearer {_token(s2)}"},
                           timeout=15)
        assert status.status_code == 200  # s2 was not revoked
        sync(s2)

        other = enroll(issue_enrollment_code(registry.get(tenant), "s2", station_id=s2.identity.station_id),
                       str(uuid.uuid4()), site="s2")
        assert other.status_code == 403 and other.json()["code"] == "wrong_station"
        old_token = _token(s2)
        bound = server.cli("enrollment-code", "--tenant", tenant, "--site", "s2", "--station",
                           s2.identity.station_id).strip().splitlines()[-1]
        again = enroll(bound, s2.identity.station_id, site="s2", site_id=s2.identity.site_id)
        assert again.status_code == 200
        revoked = httpx.get(server.url + "/v1/sync/status", headers={"Authorization": f"Bearer {old_token}"},
                            timeout=15)
        assert revoked.status_code == 401 and revoked.json()["code"] == "token_revoked"
        s2.close()
    finally:
        registry.close()
        server.stop()
