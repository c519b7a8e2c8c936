"""The public edge as a citizen and an abuser meet it: a real `vaxdesk-server` process on loopback, a real
SMTP server (aiosmtpd) for the confirmations, a station that opened the slots and syncs what the public did."""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from altcha import v1 as altcha
from sqlalchemy import select, update

from app.domain.booking_code import new_booking_code
from app.storage.engine import Store
from app.storage.schema import Appointment
from sync.server import tenants as t
from sync.server.tenants import Registry
from tests.integration.sync_support import (
    ServerProcess,
    enrolled_station,
    free_port,
    new_tenant,
    open_day,
    set_public_settings,
    start_server,
    sync,
)

ADULT = {"family_name": "Müller", "given_name": "Eva", "dob": "1985-04-12"}


@dataclass
class Mailbox:
    """What the SMTP server received, waitable without sleeping."""

    messages: list[EmailMessage] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.arrived:
            self.messages.append(message)  # type: ignore[arg-type]
            self.arrived.notify_all()
        return "250 OK"

    def wait_for(self, to: str, *, count: int = 1, timeout: float = 20) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                found = [m for m in self.messages if m["To"] == to]
                if len(found) >= count or not self.arrived.wait(max(0.0, deadline - time.monotonic())):
                    return found


@dataclass
class Edge:
    server: ServerProcess
    smtp: Controller
    smtp_port: int
    mailbox: Mailbox
    tenant: str
    station: Store
    slots: list[str]
    registry: Registry

    def url(self, path: str, tenant: str | None = None) -> str:
        return f"{self.server.url}/v1/public/{tenant or self.tenant}{path}"


def _smtp(mailbox: Mailbox, port: int) -> Controller:
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Edge]:
    mailbox = Mailbox()
    port = free_port()
    smtp = _smtp(mailbox, port)
    data_dir = tmp_path_factory.mktemp("edge-server")
    server = start_server(data_dir, env={"VAXDESK_SMTP_URL": f"smtp://127.0.0.1:{port}",
                                         "VAXDESK_TRUSTED_PROXIES": "127.0.0.1",
                                         "VAXDESK_MAIL_RETRY_BASE_S": "0.3"})
    tenant = "edge"
    new_tenant(server, tenant)
    set_public_settings(server, tenant, mail_from="termine@impfzentrum.example", display_name="Impfzentrum Nord",
                        booking_per_client="1000/minute", lookup_per_client="1000/minute")
    station = enrolled_station(tmp_path_factory.mktemp("edge-station"), "desk", server, tenant=tenant)
    slots = open_day(station, capacity=3, slots=8)
    sync(station)
    state = Edge(server=server, smtp=smtp, smtp_port=port, mailbox=mailbox, tenant=tenant, station=station,
                 slots=slots, registry=Registry(data_dir=data_dir))
    try:
        yield state
    finally:
        state.registry.close()
        station.close()
        server.stop()
        state.smtp.stop()  # the one running now (a test restarts it)


def _book(edge: Edge, slot: str, **person: Any) -> httpx.Response:
    return httpx.post(edge.url("/bookings"), json={"slot_id": slot, **ADULT, **person}, timeout=15)


def _slot_row(edge: Edge, slot: str) -> Any:
    with edge.registry.get(edge.tenant).read() as conn:
        return conn.execute(select(t.slot).where(t.slot.c.id == slot)).one()


@pytest.mark.parametrize(("person", "field", "code"), [
    ({"dob": "9999-99-99"}, "dob", "dob_not_a_date"),
    ({"dob": "0000-00-00"}, "dob", "dob_not_a_date"),
    ({"dob": "٢٠٠٠-٠١-٠١"}, "dob", "dob_format"),
    ({"dob": "2099-01-01"}, "dob", "dob_in_future"),
    ({"family_name": "   "}, "family_name", "name_empty"),
    ({"family_name": "Mül\x00ler"}, "family_name", "name_control_character"),
    ({"given_name": "Eva\x1b[2J"}, "given_name", "name_control_character"),
    ({"given_name": "Eva\u202eavE"}, "given_name", "name_control_character"),
    ({"email": "eva at example"}, "email", "email_invalid"),
])
def test_hostile_details_are_a_coded_422_and_nothing_is_stored(edge: Edge, person: dict[str, str], field: str,
                                                                code: str) -> None:
    before = _slot_row(edge, edge.slots[0]).booked
    answer = _book(edge, edge.slots[0], **person)
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["code"] == "invalid_input"
    assert {"field": field, "code": code} in [{"field": e["field"], "code": e["code"]} for e in body["details"]["errors"]]
    assert _slot_row(edge, edge.slots[0]).booked == before


@pytest.mark.parametrize(("method", "path", "body"), [
    ("GET", "/slots?day=2030-01-01&page_size=501", None),
    ("GET", "/slots?day=2030-01-01&page=0", None),
    ("GET", "/slots?day=9999-12-31", None),
    ("GET", "/slots?day=2030-02-30", None),
    ("GET", "/bookings/" + "A" * 65, None),
    ("POST", "/bookings", {"slot_id": "s" * 65, **ADULT}),
    ("POST", "/bookings", {"slot_id": "s", **ADULT, "dob": "1985-04-12T00"}),
    ("POST", "/bookings", {"slot_id": "s", **ADULT, "family_name": "x" * 401}),
    ("POST", "/bookings/ABCD-EFGH-J/cancel", {"dob": 19850412}),
])
def test_out_of_range_values_are_422_never_500(edge: Edge, method: str, path: str, body: Any) -> None:
    answer = httpx.request(method, edge.url(path), json=body, timeout=15)
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] in ("invalid_request", "invalid_day", "invalid_booking_code")


def test_a_booking_confirms_by_mail_and_is_found_by_its_printed_code(edge: Edge) -> None:
    answer = _book(edge, edge.slots[1], email="eva.confirm@example.org", lang="de")
    assert answer.status_code == 201, answer.text
    booked = answer.json()
    printed = booked["printed_code"]
    assert printed == f"{booked['booking_code'][:4]}-{booked['booking_code'][4:8]}-{booked['booking_code'][8:]}"
    for typed in (printed, printed.lower(), f" {printed} ", booked["booking_code"]):
        found = httpx.get(edge.url(f"/bookings/{typed}"), timeout=15)
        assert found.status_code == 200 and found.json()["appointment_id"] == booked["appointment_id"]
    typo = printed[:-1] + ("2" if printed[-1] != "2" else "3")  # the check character catches it
    assert httpx.get(edge.url(f"/bookings/{typo}"), timeout=15).json()["code"] == "invalid_booking_code"
    [mail] = edge.mailbox.wait_for("eva.confirm@example.org")
    assert printed in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert printed in mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert mail["Subject"].startswith("Ihr Termin am") and "Impfzentrum Nord" in mail["Subject"]
    assert mail["From"] == "Impfzentrum Nord <termine@impfzentrum.example>"


def test_cancel_and_rebook_with_the_code_free_the_place_and_reach_the_station(edge: Edge) -> None:
    first, second = edge.slots[2], edge.slots[3]
    booked = _book(edge, first, email="eva.moves@example.org", lang="en").json()
    code = booked["printed_code"]
    assert _slot_row(edge, first).booked == 1
    wrong = httpx.post(edge.url(f"/bookings/{code}/rebook"), json={"dob": "1985-04-13", "slot_id": second}, timeout=15)
    assert wrong.status_code == 403 and wrong.json()["code"] == "booking_details_mismatch"
    same = httpx.post(edge.url(f"/bookings/{code}/rebook"), json={"dob": ADULT["dob"], "slot_id": first}, timeout=15)
    assert same.status_code == 409 and same.json()["code"] == "same_slot"
    moved = httpx.post(edge.url(f"/bookings/{code}/rebook"), json={"dob": ADULT["dob"], "slot_id": second,
                                                                   "lang": "en"}, timeout=15)
    assert moved.status_code == 200, moved.text
    assert (_slot_row(edge, first).booked, _slot_row(edge, second).booked) == (0, 1)
    sync(edge.station)
    with edge.station.read() as session:
        assert session.get(Appointment, booked["appointment_id"]).slot_id == second  # type: ignore[union-attr]
    cancelled = httpx.post(edge.url(f"/bookings/{code}/cancel"), json={"dob": ADULT["dob"], "lang": "en"}, timeout=15)
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert _slot_row(edge, second).booked == 0
    again = httpx.post(edge.url(f"/bookings/{code}/cancel"), json={"dob": ADULT["dob"]}, timeout=15)
    assert again.status_code == 409 and again.json()["code"] == "booking_not_changeable"
    sync(edge.station)
    with edge.station.read() as session:
        assert session.get(Appointment, booked["appointment_id"]).state == "cancelled"  # type: ignore[union-attr]
    subjects = [m["Subject"] for m in edge.mailbox.wait_for("eva.moves@example.org", count=3)]
    assert sorted(" ".join(s.split()[:2]) for s in subjects) == ["Appointment cancelled:", "Appointment moved",
                                                                 "Your appointment"]


def test_a_mail_waits_while_smtp_is_down_and_goes_out_when_it_is_back(edge: Edge) -> None:
    edge.smtp.stop()
    try:
        assert _book(edge, edge.slots[4], email="eva.retry@example.org").status_code == 201
        deadline = time.monotonic() + 20
        while True:  # the first attempt fails and is counted; the booking stands regardless
            with edge.registry.get(edge.tenant).read() as conn:
                attempts = conn.execute(select(t.mail_outbox.c.attempts).where(t.mail_outbox.c.sent_at.is_(None))
                                        ).scalars().all()
            if (attempts and max(attempts) >= 1) or time.monotonic() > deadline:
                break
        assert attempts and max(attempts) >= 1
    finally:
        edge.smtp = _smtp(edge.mailbox, edge.smtp_port)
    assert len(edge.mailbox.wait_for("eva.retry@example.org")) == 1
    deadline = time.monotonic() + 10
    while True:  # the row is marked sent right after the SMTP server's answer
        with edge.registry.get(edge.tenant).read() as conn:
            pending = conn.execute(select(t.mail_outbox.c.id).where(t.mail_outbox.c.sent_at.is_(None))).first()
        if pending is None or time.monotonic() > deadline:
            break
    assert pending is None


def test_the_listing_is_paged_cacheable_and_follows_bookings_within_a_second(edge: Edge) -> None:
    day = _slot_row(edge, edge.slots[5]).starts_at.date().isoformat()
    first = httpx.get(edge.url("/slots"), params={"day": day, "page_size": 3}, timeout=15)
    assert first.status_code == 200
    page = first.json()
    assert (page["total"], page["pages"], page["next_page"], len(page["slots"])) == (8, 3, 2, 3)
    assert first.headers["cache-control"].startswith("public, max-age=")
    unchanged = httpx.get(edge.url("/slots"), params={"day": day, "page_size": 3},
                          headers={"If-None-Match": first.headers["etag"]}, timeout=15)
    assert unchanged.status_code == 304  # the ETag is the content's hash: a refreshed snapshot keeps it
    last = httpx.get(edge.url("/slots"), params={"day": day, "page_size": 3, "page": 3}, timeout=15).json()
    assert len(last["slots"]) == 2 and last["next_page"] is None

    def free_of(slot: str) -> int:
        every = httpx.get(edge.url("/slots"), params={"day": day, "page_size": 500}, timeout=15).json()["slots"]
        return next(s["free"] for s in every if s["slot_id"] == slot)

    before = free_of(edge.slots[5])
    assert _book(edge, edge.slots[5]).status_code == 201
    deadline = time.monotonic() + 3
    while free_of(edge.slots[5]) != before - 1 and time.monotonic() < deadline:
        pass
    assert free_of(edge.slots[5]) == before - 1


def test_a_sold_out_slot_is_answered_while_the_database_writer_is_locked(edge: Edge) -> None:
    slot = edge.slots[6]
    for given_name in ("Ada", "Bea", "Cleo"):  # three persons: one person books a slot once
        assert _book(edge, slot, given_name=given_name).status_code == 201
    assert _book(edge, slot).json()["code"] == "full"
    day = _slot_row(edge, slot).starts_at.date().isoformat()
    lock = sqlite3.connect(edge.server.data_dir / "tenants" / f"{edge.tenant}.sqlite", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # every write transaction of the server now waits (busy timeout 60 s)
    try:
        started = time.monotonic()
        for _ in range(20):
            answer = _book(edge, slot)
            assert answer.status_code == 409 and answer.json()["code"] == "full"
        assert httpx.get(edge.url("/slots"), params={"day": day}, timeout=5).status_code == 200
        assert time.monotonic() - started < 10
    finally:
        lock.execute("ROLLBACK")
        lock.close()


def test_an_age_limit_of_the_slots_product_is_a_422(edge: Edge) -> None:
    slot = edge.slots[7]
    with edge.registry.get(edge.tenant).write() as conn:
        conn.execute(update(t.slot).where(t.slot.c.id == slot).values(product_code="comirnaty"))
    child = _book(edge, slot, dob="2020-03-04")
    assert child.status_code == 422
    assert child.json()["details"]["errors"][0]["code"] == "age_below_minimum"
    assert _book(edge, slot).status_code == 201


def test_code_lookups_are_limited_per_client_and_per_tenant(edge: Edge) -> None:
    tenant = "edge-limits"
    new_tenant(edge.server, tenant)
    set_public_settings(edge.server, tenant, lookup_per_client="5/minute", lookup_per_tenant="8/minute")
    code = new_booking_code()  # well-formed, booked by no one: what an enumerating client would try

    def lookup(client: str, typed: str = code) -> httpx.Response:
        return httpx.get(edge.url(f"/bookings/{typed}", tenant), headers={"X-Forwarded-For": client}, timeout=15)

    assert [lookup("198.51.100.1", "ABCD-EFGH-2").status_code for _ in range(6)] == [422] * 6  # not counted
    first = [lookup("198.51.100.1") for _ in range(6)]
    assert [a.status_code for a in first] == [404] * 5 + [429]
    refused = first[-1]
    assert refused.json()["code"] == "rate_limited" and refused.json()["details"]["scope"] == "client"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    others = [lookup(f"198.51.100.{i}") for i in (2, 3, 4, 5)]  # the tenant's 8 per minute run out
    assert [a.status_code for a in others] == [404, 404, 404, 429]
    assert others[-1].json()["details"]["scope"] == "tenant"


def _solve(challenge: dict[str, Any]) -> str:
    solution = altcha.solve_challenge(challenge["challenge"], challenge["salt"], challenge["algorithm"],
                                      challenge["maxNumber"])
    assert solution is not None
    return base64.b64encode(json.dumps({
        "algorithm": challenge["algorithm"], "challenge": challenge["challenge"], "number": solution.number,
        "salt": challenge["salt"], "signature": challenge["signature"]}).encode()).decode()


def test_the_robot_check_is_required_where_switched_on_and_counts_once(edge: Edge, tmp_path: Path) -> None:
    tenant = "edge-robots"
    new_tenant(edge.server, tenant)
    set_public_settings(edge.server, tenant, challenge=True, challenge_max_number=5000)
    station = enrolled_station(tmp_path, "robots", edge.server, tenant=tenant)
    slot = open_day(station, capacity=5, slots=1)[0]
    sync(station)
    station.close()
    body = {"slot_id": slot, **ADULT}
    url = edge.url("/bookings", tenant)
    missing = httpx.post(url, json=body, timeout=15)
    assert missing.status_code == 403 and missing.json()["code"] == "challenge_required"
    challenge = httpx.get(edge.url("/challenge", tenant), timeout=15).json()
    assert challenge["maxNumber"] == 5000
    solved = _solve(challenge)
    assert httpx.post(url, json={**body, "altcha": solved}, timeout=15).status_code == 201
    replay = httpx.post(url, json={**body, "altcha": solved}, timeout=15)
    assert replay.status_code == 409 and replay.json()["code"] == "challenge_used"
    foreign = _solve(httpx.get(edge.url("/challenge"), timeout=15).json())  # signed for another tenant
    assert httpx.post(url, json={**body, "altcha": foreign}, timeout=15).json()["code"] == "challenge_invalid"
    with edge.registry.get(tenant).read() as conn:
        assert conn.execute(select(t.slot.c.booked).where(t.slot.c.id == slot)).scalar_one() == 1
