"""The public edge against what the JSON API lets anyone send that the citizen's pages never would: a
real `vaxdesk-server` process on loopback and a station that opened the slots (past and coming days)
and syncs what the public did."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.certificates.signer import DemoChain, create_demo_chain
from app.domain.booking_code import new_booking_code
from app.storage.engine import Store
from sync.server import tenants as t
from sync.server.page_screenshots import dob_fields, result_token_for
from sync.server.tenants import Registry
from tests.integration.sync_support import (
    ServerProcess,
    enrolled_station,
    new_signing_tenant,
    new_tenant,
    one_client_many_bookings,
    open_day,
    set_public_settings,
    start_server,
    sync,
)

PERSON = {"family_name": "Brandt", "given_name": "Ida", "dob": "1979-09-30"}
TRIES = 20  # the default tries at one booking code (a day) or one result link (an hour), from all clients together


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


def _from(n: int) -> dict[str, str]:
    return {"X-Forwarded-For": f"203.0.113.{n}"}  # another address each time: per-client limits never bite


def test_a_booking_codes_date_of_birth_is_not_found_by_trying_from_many_addresses(edge: Edge) -> None:
    victim = _book(edge, edge.coming[1], given_name="Vera").json()
    bystander = _book(edge, edge.coming[1], given_name="Bea").json()
    code = victim["printed_code"]
    guesses = [f"19{50 + n // 12:02d}-{n % 12 + 1:02d}-01" for n in range(TRIES)]
    tried = []
    for n, dob in enumerate(guesses):  # cancels, moves and views share the code's tries
        path, body = [(f"/bookings/{code}/cancel", {"dob": dob}),
                      (f"/bookings/{code}/rebook", {"dob": dob, "slot_id": edge.coming[2]})][n % 2]
        tried.append(httpx.post(edge.url(path), json=body, headers=_from(n), timeout=15))
    assert {a.json()["code"] for a in tried} == {"booking_details_mismatch"}
    right = httpx.post(edge.url(f"/bookings/{code}/cancel"), json={"dob": PERSON["dob"]}, headers=_from(99),
                       timeout=15)
    assert right.status_code == 429, right.text  # the right date now says nothing either
    assert right.json()["code"] == "rate_limited" and right.json()["details"]["scope"] == "booking"
    assert int(right.headers["retry-after"]) >= 1
    page = httpx.post(f"{edge.server.url}/p/{edge.tenant}/manage", headers=_from(98),
                      data={"code": code, **dob_fields(PERSON["dob"])})
    assert page.status_code == 429 and PERSON["family_name"] not in page.text
    assert "Zu viele Versuche mit diesem Code" in page.text and "Sekunden" not in page.text  # hours, not 86000 s
    assert httpx.get(edge.url(f"/bookings/{code}"), timeout=15).json()["state"] == "booked"
    assert edge.booked(edge.coming[1]) == 2
    # A code no one booked keeps answering "unknown": only real bookings get a window (and a key in memory).
    nobody = new_booking_code()
    unknown = [httpx.post(edge.url(f"/bookings/{nobody}/cancel"), json={"dob": PERSON["dob"]}, headers=_from(n),
                          timeout=15) for n in range(TRIES + 1)]
    assert {a.status_code for a in unknown} == {404}
    # Another person's code is not touched by the guesses.
    other = httpx.post(edge.url(f"/bookings/{bystander['booking_code']}/cancel"), json={"dob": PERSON["dob"]},
                       headers=_from(1), timeout=15)
    assert other.status_code == 200 and other.json()["state"] == "cancelled"


def test_a_result_links_name_is_not_found_by_trying_from_many_addresses(edge: Edge) -> None:
    holder = {"family_name": "Quast", "given_name": "Hanna", "dob": "1990-02-03"}
    token = result_token_for(edge.chain, person=holder)
    result = f"{edge.server.url}/p/{edge.tenant}/result"

    def open_with(family: str, n: int, link: str = token, who: dict[str, str] = holder) -> httpx.Response:
        return httpx.post(result, data={"token": link, "family_name": family, "given_name": who["given_name"],
                                        **dob_fields(who["dob"])}, headers={**_from(n), "Accept-Language": "en"},
                          timeout=60)

    tried = [open_with(f"Quast{chr(97 + n)}", n) for n in range(TRIES)]
    assert {a.status_code for a in tried} == {403}
    right = open_with(holder["family_name"], 99)
    assert right.status_code == 429 and "Too many attempts" in right.text
    assert "Hanna Quast" not in right.text  # the result is not shown (the form keeps what was typed)
    other = {"family_name": "Ober", "given_name": "Lina", "dob": "1988-08-18"}
    opened = open_with(other["family_name"], 1, link=result_token_for(edge.chain, person=other), who=other)
    assert opened.status_code == 200 and "Lina Ober" in opened.text


def test_one_ipv6_network_is_one_client_for_the_limits(edge: Edge) -> None:
    tenant = "abuse-v6"
    new_tenant(edge.server, tenant)
    set_public_settings(edge.server, tenant, lookup_per_client="5/minute")
    code = new_booking_code()  # well-formed, booked by no one: what an enumerating client tries

    def lookup(address: str) -> httpx.Response:
        return httpx.get(f"{edge.server.url}/v1/public/{tenant}/bookings/{code}",
                         headers={"X-Forwarded-For": address}, timeout=15)

    # One host of one home network, a new address of its /64 for every request (as privacy addresses do).
    answers = [lookup(f"2001:db8:7:1::{n + 1:x}") for n in range(7)]
    assert [a.status_code for a in answers] == [404] * 5 + [429, 429]
    assert answers[-1].json()["details"]["scope"] == "client"
    assert lookup("2001:db8:7:2::1").status_code == 404  # the neighbouring /64 is another client
    mapped = [lookup(f"::ffff:198.51.100.{n}") for n in (9, 9, 9)] + [lookup("198.51.100.9") for _ in range(3)]
    assert [a.status_code for a in mapped] == [404] * 5 + [429]  # an IPv4 client however it is written


def test_the_listing_offers_no_place_in_a_slot_that_has_begun(edge: Edge) -> None:
    def listing(slot: str) -> dict[str, Any]:
        with edge.registry.get(edge.tenant).read() as conn:
            day = conn.execute(select(t.slot.c.starts_at).where(t.slot.c.id == slot)).scalar_one().date()
        answer = httpx.get(edge.url("/slots"), params={"day": day.isoformat()}, timeout=15)
        assert answer.status_code == 200
        return dict(answer.json())

    past = listing(edge.past[0])
    assert past["total"] == 2 and [s["free"] for s in past["slots"]] == [0, 0] and past["sold_out"] is True
    assert [s["capacity"] for s in past["slots"]] == [3, 3]  # what the slot was, still said
    coming = listing(edge.coming[3])
    assert next(s["free"] for s in coming["slots"] if s["slot_id"] == edge.coming[3]) == 3
    assert coming["sold_out"] is False


def test_a_code_or_link_of_one_tenant_opens_nothing_at_another(edge: Edge, tmp_path: Path) -> None:
    other = "abuse-b"
    new_signing_tenant(edge.server, other, create_demo_chain(), tmp_path)
    booked = _book(edge, edge.coming[0], given_name="Tina").json()
    elsewhere = f"{edge.server.url}/v1/public/{other}/bookings/{booked['booking_code']}"
    assert httpx.get(elsewhere, timeout=15).json()["code"] == "unknown_booking"
    cancel = httpx.post(elsewhere + "/cancel", json={"dob": PERSON["dob"]}, timeout=15)
    assert cancel.status_code == 404 and cancel.json()["code"] == "unknown_booking"
    assert httpx.get(edge.url(f"/bookings/{booked['booking_code']}"), timeout=15).json()["state"] == "booked"
    holder = {"family_name": "Quell", "given_name": "Mira", "dob": "1985-05-05"}
    token = result_token_for(edge.chain, person=holder)  # signed by the first tenant's signer
    form = {"token": token, "family_name": holder["family_name"], "given_name": holder["given_name"],
            **dob_fields(holder["dob"])}
    there = httpx.post(f"{edge.server.url}/p/{other}/result", data=form, headers={"Accept-Language": "en"}, timeout=60)
    assert there.status_code == 403 and "Mira Quell" not in there.text
    here = httpx.post(f"{edge.server.url}/p/{edge.tenant}/result", data=form, headers={"Accept-Language": "en"},
                      timeout=60)
    assert here.status_code == 200 and "Mira Quell" in here.text


def test_a_slot_that_begins_while_the_form_is_typed_says_so_and_keeps_what_was_typed(edge: Edge) -> None:
    form = {"family_name": "Spät", "given_name": "Lotte", **dob_fields("1990-06-15"), "email": "lotte@nord.example"}
    page = httpx.post(f"{edge.server.url}/p/{edge.tenant}/book/{edge.past[1]}", data=form, timeout=15)
    assert page.status_code == 409
    assert "Dieser Termin hat schon begonnen" in page.text and "ausgebucht" not in page.text
    assert 'value="Spät"' in page.text and 'value="lotte@nord.example"' in page.text
    shown = httpx.get(f"{edge.server.url}/p/{edge.tenant}/book/{edge.past[1]}", timeout=15)
    assert shown.status_code == 409 and "Dieser Termin hat schon begonnen" in shown.text
    assert edge.booked(edge.past[1]) == 0


def test_one_person_books_a_slot_once_even_when_the_form_is_sent_twice_at_once(edge: Edge) -> None:
    """A double click or a phone's retry sends the same booking twice, here both at the same moment: one
    place and one code; the second is told the person has booked this time already.
    Someone else with the same family name still books the slot, and the person books another slot."""
    slot, other_slot = edge.coming[2], edge.coming[3]
    before = edge.booked(slot)
    person = {"family_name": "Doppel", "given_name": "Klick", "dob": "1985-04-12", "email": "klick@example.org"}

    async def twice() -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=30) as http:
            return list(await asyncio.gather(*[
                http.post(edge.url("/bookings"), json={"slot_id": slot, **person}) for _ in range(2)]))

    answers = asyncio.run(twice())
    assert sorted(r.status_code for r in answers) == [201, 409]
    refused = next(r for r in answers if r.status_code == 409).json()
    assert refused["code"] == "already_booked"
    assert "booked this time already" in refused["message"]
    assert edge.booked(slot) == before + 1
    again = _book(edge, slot, **person)  # later, the same form again
    assert (again.status_code, again.json()["code"]) == (409, "already_booked")
    assert edge.booked(slot) == before + 1  # (refused before its confirmation is queued, in the same rollback)
    assert _book(edge, slot, **{**person, "given_name": "Klara"}).status_code == 201  # her sister
    assert _book(edge, other_slot, **person).status_code == 201  # another time for the same person
    assert edge.booked(slot) == before + 2
    assert edge.booked(other_slot) >= 1
