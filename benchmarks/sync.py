"""Sync and online-booking figures against a real `vaxdesk-server` on loopback (SQLite; PostgreSQL too
when its binaries are installed): a fresh station pulling a day of 10,000 appointments, a station
pushing 1,000 doses, and public bookings with 200 concurrent clients, over HTTP and straight to the DB."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

PASSPHRASE = "benchmark passphrase"


def _server(data_dir: Path, database_url: str | None) -> Any:
    from tests.integration.sync_support import start_server

    return start_server(data_dir, database_url=database_url)


def _station(folder: Path, name: str, server: Any, registry: Any, tenant: str) -> Any:
    from sync.server.app import issue_enrollment_code
    from sync.station.engine import enroll
    from tests.integration.sync_support import new_station

    store = new_station(folder, name, tenant=tenant)
    enroll(store, server_url=server.url, code=issue_enrollment_code(registry.get(tenant), "site-a"))
    return store


def _row(entity: str, row_id: str, values: dict[str, Any], op: str = "insert") -> dict[str, Any]:
    return {"entity": entity, "id": row_id, "op": op, "values": values}


def _seed_day(server: Any, registry: Any, tenant: str, appointments: int) -> tuple[list[str], list[str], Any]:
    """A seeding device pushes a day: slots, then a person and a booking for each appointment.
    Returns the slot ids, the appointment ids and a function that pushes more mutations as that device."""
    from sync.server.app import issue_enrollment_code

    code = issue_enrollment_code(registry.get(tenant), "site-a")
    station_id, site_id = str(uuid.uuid4()), str(uuid.uuid4())
    http = httpx.Client(base_url=server.url, timeout=300)
    token = http.post("/v1/enroll", json={"code": code, "station_id": station_id, "station_name": "seed",
                                          "tenant": tenant, "site_code": "site-a",
                                          "site_id": site_id}).json()["device_token"]
    h = {"Authorization": f"Bearer {token}"}
    seq = 0

    def push(mutations: list[dict[str, Any]]) -> None:
        nonlocal seq
        for start in range(0, len(mutations), 500):
            batch = []
            for m in mutations[start:start + 500]:
                seq += 1
                batch.append({"mutation_id": str(uuid.uuid4()), "station_seq": seq, "schema_version": 1,
                              "hlc": f"{int(time.time() * 1000):013d}-00000-seed", **m})
            http.post("/v1/sync/push", headers=h, json={"station_id": station_id, "mutations": batch}
                      ).raise_for_status()

    now = datetime.now(UTC)
    day = now.replace(hour=7, minute=0, second=0, microsecond=0) + timedelta(days=1)
    slots = [str(uuid.uuid4()) for _ in range(max(1, appointments // 90))]
    mutations: list[dict[str, Any]] = [{"kind": "slots.opened", "payload": {"rows": [
        _row("slot", sid, {"site_id": site_id, "starts_at": (day + timedelta(minutes=5 * i)).isoformat(),
                           "ends_at": (day + timedelta(minutes=5 * i + 5)).isoformat(), "capacity": 100,
                           "product_code": None}) for i, sid in enumerate(slots[j:j + 200])]}}
        for j in range(0, len(slots), 200)]
    booked = []
    for i in range(appointments):
        pid, aid = str(uuid.uuid4()), str(uuid.uuid4())
        mutations.append({"kind": "person.created", "payload": {"rows": [_row("person", pid, {
            "family_name": f"Bench{_letters(i)}", "given_name": "Day", "dob": "1980-01-01", "country": "DE",
            "created_at": now.isoformat(), "updated_at": now.isoformat()})]}})
        mutations.append({"kind": "appointment.booked", "payload": {"rows": [_row("appointment", aid, {
            "person_id": pid, "slot_id": slots[i % len(slots)], "site_id": site_id,
            "booking_code": uuid.uuid4().hex[:10].upper(), "product_code": None, "dose_number": 1,
            "state": "booked", "state_changed_at": now.isoformat(), "created_at": now.isoformat()})]}})
        booked.append(aid)
    push(mutations)
    return slots, booked, push


def _letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if n == 0:
            return out


def _pull_10k(folder: Path, server: Any, registry: Any, quick: bool) -> float:
    from sync.station.engine import SyncEngine

    tenant = "bench-pull-" + uuid.uuid4().hex[:6]
    registry.create(tenant)
    _seed_day(server, registry, tenant, 10_000)  # the metric is named for 10k: quick too
    store = _station(folder, "fresh", server, registry, tenant)
    t0 = time.perf_counter()
    with SyncEngine(store) as engine:
        engine.run_round()
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed


def _rebase_1k(folder: Path, server: Any, registry: Any) -> float:
    """A station that holds the day pulls 10,000 changes of other desks while 1,000 of its own check-ins
    on those very bookings are still pending: every one of them is applied again on top."""
    from app.services.checkin import CheckInDesk
    from app.services.unit_of_work import Actor
    from sync.station.engine import SyncEngine

    tenant = "bench-rebase-" + uuid.uuid4().hex[:6]
    registry.create(tenant)
    _slots, booked, push = _seed_day(server, registry, tenant, 10_000)
    store = _station(folder, "rebase", server, registry, tenant)
    with SyncEngine(store) as engine:
        engine.run_round()
    now = datetime.now(UTC).isoformat()
    push([{"kind": "appointment.no_show", "payload": {"rows": [_row(
        "appointment", aid, {"state": "no_show", "state_changed_at": now}, op="update")]}} for aid in booked])
    desk = CheckInDesk(store)
    nurse = Actor(staff_id=None, role="nurse", display_name="Bench")
    for aid in booked[:1000]:
        desk.check_in(nurse, aid, confirmed=True)
    with SyncEngine(store) as engine:
        status = engine.client.status()
        t0 = time.perf_counter()
        engine._pull_all(status)  # the pull alone: the check-ins stay pending
        elapsed = time.perf_counter() - t0
    from sqlalchemy import func, select

    from app.storage.schema import Appointment

    with store.read() as session:
        kept = session.scalar(select(func.count()).select_from(Appointment).where(Appointment.state == "checked_in"))
    assert kept == 1000, kept  # the rebase kept every pending check-in on top of the pulled no-shows
    store.close()
    return elapsed


def _push_1k(folder: Path, server: Any, registry: Any) -> float:
    from app.services.unit_of_work import Actor, UnitOfWork
    from app.storage.schema import Vaccination
    from sync.station.engine import SyncEngine
    from tests.integration.sync_support import add_person

    tenant = "bench-push-" + uuid.uuid4().hex[:6]
    registry.create(tenant)
    store = _station(folder, "doses", server, registry, tenant)
    person = add_person(store, "Bench", "Push")
    with SyncEngine(store) as engine:
        engine.run_round()
    now = datetime.now(UTC)
    for i in range(1000):  # 1,000 doses entered from vaccination cards: one mutation each
        with UnitOfWork(store, Actor.system()) as uow:
            vid = str(uuid.uuid4())
            uow.session.add(Vaccination(id=vid, person_id=person, product_code="comirnaty", dose_number=1,
                                        series_doses=2, given_at=now - timedelta(days=i), recorded_at=now,
                                        external=True, country="DE"))
            uow.record(action="vaccination.external_recorded", entity="vaccination", entity_id=vid, payload={})
    t0 = time.perf_counter()
    with SyncEngine(store) as engine:
        report = engine.run_round()
    elapsed = time.perf_counter() - t0
    assert report.applied == 1000, report
    store.close()
    return elapsed


def _booking(server: Any, registry: Any, quick: bool) -> dict[str, float]:
    from sync import protocol as p
    from sync.server import tenants as t
    from sync.server.app import ApiError, book_online

    requests = 1000 if quick else 4000
    capacity = requests * 3 // 4
    out: dict[str, float] = {}
    for mode in ("http", "sql"):
        tenant = f"bench-book-{mode}-" + uuid.uuid4().hex[:6]
        registry.create(tenant)
        slots, _booked, _push = _seed_day(server, registry, tenant, 0)
        with registry.get(tenant).write() as conn:
            conn.execute(t.slot.update().where(t.slot.c.id == slots[0]).values(capacity=capacity))
        def body(i: int) -> dict[str, str]:  # a person each: one person books a slot once
            return {"slot_id": slots[0], "family_name": "Online", "given_name": f"Rush {_letters(i)}",  # noqa: B023
                    "dob": "1990-01-01"}

        t0 = time.perf_counter()
        if mode == "http":
            async def storm() -> list[int]:
                sem = asyncio.Semaphore(200)
                limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
                async with httpx.AsyncClient(base_url=server.url, timeout=120, limits=limits) as http:
                    async def one(i: int) -> int:
                        async with sem:
                            return (await http.post(f"/v1/public/{tenant}/bookings", json=body(i))).status_code  # noqa: B023
                    return await asyncio.gather(*[one(i) for i in range(requests)])

            codes = asyncio.run(storm())
            ok = codes.count(201)
            out["booking_rps"] = round(requests / (time.perf_counter() - t0), 1)
        else:
            ten = registry.get(tenant)
            def one(i: int) -> int:
                try:
                    book_online(ten, p.PublicBookingRequest(**body(i)))  # noqa: B023 (called within this iteration)
                    return 201
                except ApiError as exc:
                    return exc.status

            with ThreadPoolExecutor(200) as pool:
                codes = list(pool.map(one, range(requests)))
            ok = codes.count(201)
            out["booking_rps_sql_bound"] = round(requests / (time.perf_counter() - t0), 1)
        with registry.get(tenant).read() as conn:
            booked = conn.execute(t.slot.select().where(t.slot.c.id == slots[0])).first()
        overbooked = max(0, ok - capacity) + max(0, (booked.booked if booked else 0) - capacity)
        out["booking_overbooked"] = out.get("booking_overbooked", 0) + overbooked
    return out


def _run(database_url: str | None, quick: bool) -> dict[str, float]:
    from sync.server.tenants import Registry

    folder = Path(tempfile.mkdtemp(prefix="vaxdesk-bench-sync-"))
    os.environ.setdefault("VAXDESK_PASSPHRASE", PASSPHRASE)
    server = _server(folder / "server", database_url)
    registry = Registry(data_dir=folder / "server", database_url=database_url)
    try:
        results = {"sync_pull_10k_s": round(_pull_10k(folder, server, registry, quick), 2),
                   "sync_push_1k_s": round(_push_1k(folder, server, registry), 2),
                   "sync_rebase_1k_pending_s": round(_rebase_1k(folder, server, registry), 2)}
        results.update(_booking(server, registry, quick))
        return results
    finally:
        registry.close()
        server.stop()


def sync_figures(quick: bool = False) -> dict[str, Any]:
    results: dict[str, Any] = dict(_run(None, quick))
    try:
        from tests.integration.sync_support import pg_bin, postgres_cluster
    except ImportError:
        return results
    if pg_bin() is None:
        return results
    with postgres_cluster() as cluster:
        for key, value in _run(cluster.url, quick).items():
            results[f"{key}_postgresql"] = value
    results["booking_overbooked"] = results["booking_overbooked"] + results.pop("booking_overbooked_postgresql")
    return results


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(sync_figures("--quick" in sys.argv), sort_keys=True))
