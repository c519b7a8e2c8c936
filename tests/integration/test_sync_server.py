"""The tenant API as a real process: tenant isolation on every endpoint, revoked tokens, no plaintext
personal data in the server's files, the public booking endpoint under 200 concurrent clients, and
confirmed bookings never beyond capacity when stations book offline beyond their lease."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from app.storage.schema import Meta
from tests.integration.sync_support import (
    ServerProcess,
    add_person,
    book,
    enrolled_station,
    fresh_tenant,
    one_client_many_bookings,
    open_day,
    server_stats,
    station_view,
    sync,
)

SECRET_NAME = "Zyxwvutsson"


def _token(store: object) -> str:
    with store.read() as session:  # type: ignore[attr-defined]
        return str(session.get(Meta, "sync.device_token").value)


def test_a_token_of_tenant_a_reaches_nothing_of_tenant_b(server: ServerProcess, tmp_path: Path,
                                                          passphrase: str) -> None:
    ta, tb = fresh_tenant(server), fresh_tenant(server)
    a = enrolled_station(tmp_path, "a", server, tenant=ta)
    b = enrolled_station(tmp_path, "b", server, tenant=tb)
    b_slot = open_day(b, capacity=5)[0]
    b_person = add_person(b, SECRET_NAME, "Bea")
    sync(b)
    sync(a)
    assert b_person not in station_view(a)["persons"]
    token_a = _token(a)
    h = {"Authorization": f"Bearer {token_a}"}
    with httpx.Client(base_url=server.url, timeout=10) as http:
        pulled = http.get("/v1/sync/changes", params={"after": 0, "limit": 2000}, headers=h).json()
        assert all(b_person not in str(c["payload"]) for c in pulled["changes"])
        assert SECRET_NAME not in str(pulled)
        push_as_b = http.post("/v1/sync/push", headers=h, json={"station_id": b.identity.station_id, "mutations": [
            {"mutation_id": str(uuid.uuid4()), "station_seq": 1, "schema_version": 1, "kind": "person.deleted",
             "payload": {"id": b_person}, "hlc": "0000000000001-00000-x"}]})
        assert push_as_b.status_code == 403 and push_as_b.json()["code"] == "station_mismatch"
        lease = http.post("/v1/leases", headers=h, json={"slot_id": b_slot, "places": 1})
        assert lease.status_code == 404 and lease.json()["code"] == "unknown_slot"
        status = http.get("/v1/sync/status", headers=h).json()
        assert b.identity.site_id not in status["sites"]
        assert b.identity.station_id not in str(status)
        trust = http.get("/v1/trust-list", headers=h).json()
        assert trust["tenant"] == ta
        # a's secret presented as b's token
        forged = {"Authorization": "Bearer " + token_a.replace(f".{ta}.", f".{tb}.")}
        for method, path, body in [("GET", "/v1/sync/status", None), ("GET", "/v1/sync/changes", None),
                                   ("GET", "/v1/leases", None), ("GET", "/v1/trust-list", None),
                                   ("POST", "/v1/leases", {"slot_id": b_slot, "places": 1}),
                                   ("POST", "/v1/certificates/sign", {"payload": {}}),
                                   ("POST", "/v1/sync/push", {"station_id": b.identity.station_id, "mutations": [
                                       {"mutation_id": "m", "station_seq": 1, "schema_version": 1,
                                        "kind": "person.deleted", "payload": {"id": b_person}, "hlc": "x"}]})]:
            answer = http.request(method, path, headers=forged, json=body)
            assert answer.status_code == 401, (method, path)
            assert answer.json()["code"] == "invalid_token"
        # no token at all
        assert http.get("/v1/sync/status").json()["code"] == "missing_token"
    stats_b = server_stats(server, tb)
    assert stats_b["persons"] == 1  # b's person untouched
    a.close()
    b.close()


def test_a_revoked_token_gets_401_and_a_new_enrollment_works(server: ServerProcess, tmp_path: Path,
                                                             passphrase: str) -> None:
    from sync.errors import DeviceRejected

    tenant = fresh_tenant(server)
    a = enrolled_station(tmp_path, "a", server, tenant=tenant)
    sync(a)
    server.cli("revoke", "--tenant", tenant, "--station", a.identity.station_id)
    answer = httpx.get(server.url + "/v1/sync/status", headers={"Authorization": f"Bearer {_token(a)}"})
    assert answer.status_code == 401 and answer.json()["code"] == "token_revoked"
    with pytest.raises(DeviceRejected):
        sync(a)
    a.close()


def test_enrollment_codes_are_one_time_and_scoped_to_tenant_and_site(server: ServerProcess, tmp_path: Path,
                                                                      passphrase: str) -> None:
    from sync.errors import EnrollmentFailed
    from sync.station.engine import enroll
    from tests.integration.sync_support import enrollment_code, new_station

    tenant, other = fresh_tenant(server), fresh_tenant(server)
    code = enrollment_code(server, tenant, "site-a")
    first = new_station(tmp_path, "first", tenant=tenant)
    enroll(first, server_url=server.url, code=code)
    second = new_station(tmp_path, "second", tenant=tenant)
    with pytest.raises(EnrollmentFailed):
        enroll(second, server_url=server.url, code=code)  # used
    with pytest.raises(EnrollmentFailed):
        enroll(second, server_url=server.url, code=enrollment_code(server, tenant, "site-b"))  # other site
    with pytest.raises(EnrollmentFailed):
        enroll(second, server_url=server.url, code=enrollment_code(server, other, "site-a"))  # other tenant
    first.close()
    second.close()


def test_server_files_hold_no_plaintext_personal_data(server: ServerProcess, tmp_path: Path,
                                                      passphrase: str, request: pytest.FixtureRequest) -> None:
    tenant = fresh_tenant(server)
    a = enrolled_station(tmp_path, "a", server, tenant=tenant)
    slot = open_day(a, capacity=5)[0]
    book(a, add_person(a, SECRET_NAME, "Quentin", "1971-02-03"), slot)
    sync(a)
    httpx.post(f"{server.url}/v1/public/{tenant}/bookings", json={
        "slot_id": slot, "family_name": SECRET_NAME + "online", "given_name": "Quirin", "dob": "1972-03-04",
        "email": "quirin@example.org"}).raise_for_status()
    sync(a)
    a.close()
    if server.database_url:
        engine = create_engine(server.database_url.replace("postgresql://", "postgresql+psycopg://"),
                               isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("CHECKPOINT"))
        engine.dispose()
        folders = [request.getfixturevalue("pg").folder / "data"]
    else:
        folders = [server.data_dir]
    files = [f for folder in folders for f in folder.rglob("*") if f.is_file()]
    assert files
    needles = [SECRET_NAME.encode(), b"Quirin", b"quirin@example.org", b"1971-02-03"]
    for f in files:
        try:
            data = f.read_bytes()
        except PermissionError:
            continue
        for needle in needles:
            assert needle not in data, f"{needle!r} in plaintext in {f}"


def test_public_booking_under_200_concurrent_clients_never_overbooks(server: ServerProcess, tmp_path: Path,
                                                                     passphrase: str) -> None:
    tenant = fresh_tenant(server)
    one_client_many_bookings(server, tenant)  # the storm comes from one address; rate limits are tested apart
    a = enrolled_station(tmp_path, "a", server, tenant=tenant)
    slot = open_day(a, capacity=25, slots=1)[0]
    sync(a)

    async def storm() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as http:
            return await asyncio.gather(*[
                http.post(f"/v1/public/{tenant}/bookings", json={  # 200 persons: one person books a slot once
                    "slot_id": slot, "family_name": "Online", "given_name": f"Client {chr(97 + i // 26)}{chr(97 + i % 26)}",
                    "dob": "1990-01-01"})
                for i in range(200)])

    answers = asyncio.run(storm())
    codes = [r.status_code for r in answers]
    assert codes.count(201) == 25
    assert codes.count(409) == 175
    assert {r.json()["code"] for r in answers if r.status_code == 409} == {"full"}
    booked = {r.json()["booking_code"] for r in answers if r.status_code == 201}
    assert len(booked) == 25
    code = next(iter(booked))
    found = httpx.get(f"{server.url}/v1/public/{tenant}/bookings/{code}").json()
    assert found["slot_id"] == slot
    sync(a)
    assert len(station_view(a)["appointments"]) == 25
    stats = server_stats(server, tenant)
    assert stats["appointments"] == 25 and stats["overbooked_slots"] == 0
    a.close()


def test_offline_demand_beyond_the_lease_never_confirms_more_than_capacity(
        server: ServerProcess, tmp_path: Path, passphrase: str) -> None:
    from app.services.sync_state import bookings_to_rebook
    from app.services.unit_of_work import Actor
    from app.storage.schema import SyncLease

    tenant = fresh_tenant(server)
    a = enrolled_station(tmp_path, "a", server, tenant=tenant)
    b = enrolled_station(tmp_path, "b", server, tenant=tenant)
    slot = open_day(a, capacity=6, slots=1)[0]
    sync(a)
    sync(a, lease_places=3)  # a holds 3 places in escrow
    sync(b, lease_places=2)  # b holds 2
    with a.read() as session:
        assert [x.places for x in session.query(SyncLease).all()] == [3]
    # online, the public gets the one place no lease holds
    ok = httpx.post(f"{server.url}/v1/public/{tenant}/bookings", json={
        "slot_id": slot, "family_name": "Online", "given_name": "First", "dob": "1990-01-01"})
    assert ok.status_code == 201
    full = httpx.post(f"{server.url}/v1/public/{tenant}/bookings", json={
        "slot_id": slot, "family_name": "Online", "given_name": "Second", "dob": "1990-01-01"})
    assert full.status_code == 409
    # offline, each station books 4 people (its local view still shows places)
    for store in (a, b):
        for i in range(4):
            book(store, add_person(store, "Offline", "Person" + "abcd"[i]), slot)
    sync(a)
    sync(b)
    sync(a)
    stats = server_stats(server, tenant)
    assert stats["appointments"] == 6  # 1 online + a's 3 leased + b's 2 leased
    assert stats["overbooked_slots"] == 0
    assert len(bookings_to_rebook(a, Actor.system())) == 1 and len(bookings_to_rebook(b, Actor.system())) == 2
    assert station_view(a) == station_view(b)
    a.close()
    b.close()


def test_openapi_document_lists_every_endpoint(server: ServerProcess) -> None:
    doc = httpx.get(server.url + "/openapi.json").json()
    for path in ("/v1/enroll", "/v1/sync/push", "/v1/sync/changes", "/v1/leases", "/v1/certificates/sign",
                 "/v1/trust-list", "/v1/public/{tenant}/bookings", "/health"):
        assert path in doc["paths"]
    big = httpx.post(server.url + "/v1/enroll", content=b"x" * (5 * 1024 * 1024),
                     headers={"content-type": "application/json"})
    assert big.status_code == 413 and big.json()["code"] == "body_too_large"
    bad = httpx.post(server.url + "/v1/enroll", json={"code": 1})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_request"


