"""The public edge against what the JSON API lets anyone send that the citizen's pages never would: a
real `vaxdesk-server` process on loopback and a station that opened the slots (past and coming days)
and syncs what the public did."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.certificates.signer import DemoChain, create_demo_chain
from app.storage.engine import Store
from sync.server import tenants as t
from sync.server.tenants import Registry
from tests.integration.sync_support import (
    ServerProcess,
    enrolled_station,
    new_signing_tenant,
    one_client_many_bookings,
    open_day,
    start_server,
    sync,
)

PERSON = {"family_name": "Brandt", "given_name": "Ida", "dob": "1979-09-30"}
TRIES = 20  # the default tries at one booking code or one result link per day, from all clients together


@dataclass
class Edge:
    server: ServerProcess
    tenant: str
    station: Store
    past: list[str]  # slots of three days ago, places free
    coming: list[str]  # slots of tomorrow
    registry: Registry
    chain: DemoChain

    def url(self, path: str) -> str:
        return f"{self.server.url}/v1/public/{self.tenant}{path}"

    def booked(self, slot: str) -> int:
        with self.registry.get(self.tenant).read() as conn:
            return int(conn.execute(select(t.slot.c.booked).where(t.slot.c.id == slot)).scalar_one())


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Edge]:
    data_dir = tmp_path_factory.mktemp("abuse-server")
    server = start_server(data_dir, env={"VAXDESK_TRUSTED_PROXIES": "127.0.0.1"})  # clients by X-Forwarded-For
    tenant = "abuse"
    chain = create_demo_chain()
    new_signing_tenant(server, tenant, chain, tmp_path_factory.mktemp("dsc"))
    one_client_many_bookings(server, tenant)  # per-client limits are not what these tests are about
    station = enrolled_station(tmp_path_factory.mktemp("abuse-station"), "desk", server, tenant=tenant)
    past = open_day(station, capacity=3, slots=2, day=(datetime.now(UTC) - timedelta(days=3)).date())
    coming = open_day(station, capacity=3, slots=4)
    sync(station)
    state = Edge(server=server, tenant=tenant, station=station, past=past, coming=coming,
                 registry=Registry(data_dir=data_dir), chain=chain)
    try:
        yield state
    finally:
        state.registry.close()
        station.close()
        server.stop()


def _book(edge: Edge, slot: str, **person: Any) -> httpx.Response:
    return httpx.post(edge.url("/bookings"), json={"slot_id": slot, **PERSON, **person}, timeout=15)


def test_a_slot_that_has_begun_is_not_booked_nor_moved_into(edge: Edge) -> None:
    started = _book(edge, edge.past[0])
    assert started.status_code == 409, started.text
    assert started.json()["code"] == "slot_past"
    assert edge.booked(edge.past[0]) == 0
    booked = _book(edge, edge.coming[0], given_name="Mona").json()
    moved = httpx.post(edge.url(f"/bookings/{booked['booking_code']}/rebook"),
                       json={"dob": PERSON["dob"], "slot_id": edge.past[1]}, timeout=15)
    assert moved.status_code == 409 and moved.json()["code"] == "slot_past"
    assert (edge.booked(edge.coming[0]), edge.booked(edge.past[1])) == (1, 0)
    # The booking stays where it was and can still be changed by its owner.
    found = httpx.get(edge.url(f"/bookings/{booked['booking_code']}"), timeout=15).json()
    assert found["slot_id"] == edge.coming[0] and found["state"] == "booked"

