"""A result entered at the station reaches the person by mail: a real `vaxdesk-server` on loopback, a real
SMTP server (aiosmtpd), two enrolled stations. The station pushes `test.resulted`, the server seals the
result for the person and queues the mail; the mail's link opens only with the person's own name and date
of birth; the desk sees the mail queued and then sent; a tenant without a signer keeps the result and
says the mail was refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from app.certificates.signer import create_demo_chain
from app.services.checkin import CheckInDesk
from app.services.covid_tests import TestingDesk
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Outbox
from sync.server.page_screenshots import dob_fields
from tests.conftest import NURSE, ManualClock
from tests.integration.sync_support import (
    ServerProcess,
    enrolled_station,
    new_signing_tenant,
    server_with_mail,
    set_public_settings,
    sync,
)
from tests.integration.test_public_edge import Mailbox

TENANT, BARE = "test-nord", "test-bare"
PERSON = {"family_name": "Schäfer-Nguyễn", "given_name": "Lea", "dob": "1991-07-04"}


class BouncingMailbox(Mailbox):
    """Refuses for good (550) every address that starts with "bounce", as a mail server does for an unknown user."""

    async def handle_RCPT(self, _server: Any, _session: Any, envelope: Any, address: str,
                          _options: Any) -> str:
        if address.startswith("bounce"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@dataclass
class Center:
    server: ServerProcess
    mailbox: Mailbox
    smtp: Controller
    desk_a: Store
    desk_b: Store
    bare: Store


@pytest.fixture(scope="module")
def center(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Center]:
    mailbox = BouncingMailbox()
    server, smtp = server_with_mail(tmp_path_factory.mktemp("result-server"), mailbox)
    new_signing_tenant(server, TENANT, create_demo_chain(), tmp_path_factory.mktemp("dsc"))
    server.cli("tenant", "create", "--tenant", BARE)  # no document signer: results cannot be sealed
    for name in (TENANT, BARE):
        set_public_settings(server, name, display_name="Testzentrum Nord", mail_from="ergebnis@nord.example",
                            public_url=f"{server.url}/p/{name}/", result_per_client="30/minute")
    folder = tmp_path_factory.mktemp("result-stations")
    state = Center(server=server, mailbox=mailbox, smtp=smtp,
                   desk_a=enrolled_station(folder, "lane-a", server, tenant=TENANT),
                   desk_b=enrolled_station(folder, "lane-b", server, tenant=TENANT),
                   bare=enrolled_station(folder, "bare", server, tenant=BARE))
    try:
        yield state
    finally:
        for store in (state.desk_a, state.desk_b, state.bare):
            store.close()
        server.stop()
        smtp.stop()


def _resulted_test(store: Store, *, email: str, result: str = "negative", mail: bool = True) -> str:
    clock = ManualClock(datetime.now(UTC) - timedelta(minutes=30))
    with UnitOfWork(store, Actor.system(), clock) as uow:
        person = add_person(uow, PersonInput(email=email, **PERSON))
    visit_id = CheckInDesk(store, clock=clock).start_walk_in_visit(NURSE, person.id)
    desk = TestingDesk(store, clock=clock)
    test_id = desk.order(NURSE, visit_id, test_type="rat", mail_result=mail, mail_lang="en")
    desk.take_sample(NURSE, test_id, device_id="1232")
    clock.now += timedelta(minutes=15)
    desk.enter_result(NURSE, test_id, result=result)
    return test_id


def _token(mail: EmailMessage) -> str:
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    found = re.search(r'href="[^"]*/result[^"]*#token=([^"&]+)"', html)
    assert found, "no result link in the mail"
    return found[1]


def _open(center: Center, token: str, **person: str) -> httpx.Response:
    form = {"token": token, "family_name": person["family_name"], "given_name": person["given_name"],
            **dob_fields(person["dob"])}
    return httpx.post(f"{center.server.url}/p/{TENANT}/result?lang=en", data=form, headers={"Accept-Language": "en"},
                      timeout=30)


def _mail_state(store: Store, test_id: str) -> str | None:
    return TestingDesk(store).get(NURSE, test_id).mail_state


def test_a_result_entered_at_the_station_arrives_by_mail_and_opens_with_the_persons_data_only(
        center: Center) -> None:
    test_id = _resulted_test(center.desk_a, email="lea.test@nord.example")
    assert _mail_state(center.desk_a, test_id) is None  # nothing sent before the server has the result
    sync(center.desk_a)
    [mail] = center.mailbox.wait_for("lea.test@nord.example", timeout=30)
    assert mail["Subject"].startswith("Your test result is ready")
    body = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "negative" not in body.lower() and PERSON["family_name"] not in body  # the mail holds no result
    token = _token(mail)
    assert token.startswith("CS2:")

    opened = _open(center, token, **PERSON)
    assert opened.status_code == 200, opened.text[:300]
    assert re.search(r'id="outcome">\s*Negative', opened.text)
    assert "Panbio" in opened.text  # the device, as the EU list names it
    for wrong in ({**PERSON, "dob": "1991-07-05"}, {**PERSON, "family_name": "Schäfer"}):
        refused = _open(center, token, **wrong)
        assert refused.status_code == 403 and "Negative" not in refused.text

    # The desk sees the mail queued, then sent, once the next round pulls the server's word.
    sync(center.desk_a)
    deadline = datetime.now(UTC) + timedelta(seconds=30)
    while _mail_state(center.desk_a, test_id) != "sent" and datetime.now(UTC) < deadline:
        sync(center.desk_a)
    assert _mail_state(center.desk_a, test_id) == "sent"
    # The other lane of the center has the test with its result and the mail's state too.
    sync(center.desk_b)
    row = TestingDesk(center.desk_b).get(NURSE, test_id)
    assert (row.result, row.mail_state, row.family_name) == ("negative", "sent", PERSON["family_name"])


def test_no_mail_without_consent_and_a_repush_sends_nothing_twice(center: Center) -> None:
    quiet = _resulted_test(center.desk_b, email="quiet@nord.example", mail=False)
    sync(center.desk_b)
    sync(center.desk_a)
    assert center.mailbox.wait_for("quiet@nord.example", timeout=2) == []
    assert TestingDesk(center.desk_a).get(NURSE, quiet).result == "negative"
    loud = _resulted_test(center.desk_b, email="once@nord.example", result="positive")
    sync(center.desk_b)
    sync(center.desk_b)
    assert len(center.mailbox.wait_for("once@nord.example", count=2, timeout=4)) == 1
    assert _mail_state(center.desk_b, loud) in ("queued", "sent")


def test_without_a_signer_the_result_is_kept_and_the_mail_is_refused(center: Center) -> None:
    test_id = _resulted_test(center.bare, email="bare@nord.example")
    sync(center.bare)
    sync(center.bare)
    row = TestingDesk(center.bare).get(NURSE, test_id)
    assert (row.result, row.mail_state) == ("negative", "refused")
    assert center.mailbox.wait_for("bare@nord.example", timeout=2) == []


def _sampled_at_a_synced_to_b(center: Center, family: str) -> tuple[str, ManualClock]:
    clock = ManualClock(datetime.now(UTC) - timedelta(minutes=30))
    with UnitOfWork(center.desk_a, Actor.system(), clock) as uow:
        person = add_person(uow, PersonInput(family_name=family, given_name="Ola", dob="1980-02-02"))
    visit_id = CheckInDesk(center.desk_a, clock=clock).start_walk_in_visit(NURSE, person.id)
    desk = TestingDesk(center.desk_a, clock=clock)
    test_id = desk.order(NURSE, visit_id, test_type="rat")
    desk.take_sample(NURSE, test_id, device_id="1232")
    sync(center.desk_a)
    sync(center.desk_b)
    clock.now += timedelta(minutes=16)
    return test_id, clock


def test_two_lanes_reading_one_test_differently_keep_the_first_result(center: Center) -> None:
    test_id, clock = _sampled_at_a_synced_to_b(center, "Nordmann")
    TestingDesk(center.desk_a, clock=clock).enter_result(NURSE, test_id, result="positive")
    TestingDesk(center.desk_b, clock=clock).enter_result(NURSE, test_id, result="negative")  # offline, meanwhile
    sync(center.desk_a)
    report = sync(center.desk_b)
    assert report.rejected == 1  # type: ignore[attr-defined]
    with center.desk_b.read() as session:
        refused = session.execute(select(Outbox.kind, Outbox.reason_code).where(Outbox.state == "rejected")).all()
    assert refused == [("test.resulted", "test_already_resulted")]
    sync(center.desk_b)
    assert TestingDesk(center.desk_b).get(NURSE, test_id).result == "positive"  # the server's, shown at B


def test_a_result_for_a_test_voided_at_the_other_lane_is_refused(center: Center) -> None:
    test_id, clock = _sampled_at_a_synced_to_b(center, "Voigt")
    TestingDesk(center.desk_a, clock=clock).void(NURSE, test_id, reason="wrong person's tube")
    TestingDesk(center.desk_b, clock=clock).enter_result(NURSE, test_id, result="positive")
    sync(center.desk_a)
    assert sync(center.desk_b).rejected == 1  # type: ignore[attr-defined]
    sync(center.desk_b)
    row = TestingDesk(center.desk_b).get(NURSE, test_id)
    assert row.state == "voided"


def test_a_mail_the_mail_server_refuses_for_good_shows_as_failed_and_the_result_stays(center: Center) -> None:
    test_id = _resulted_test(center.desk_a, email="bounce.lea@nord.example")
    sync(center.desk_a)
    deadline = datetime.now(UTC) + timedelta(seconds=30)
    while _mail_state(center.desk_a, test_id) != "failed" and datetime.now(UTC) < deadline:
        sync(center.desk_a)
    row = TestingDesk(center.desk_a).get(NURSE, test_id)
    assert (row.result, row.mail_state) == ("negative", "failed")
