"""Staff accounts are the tenant's, not a desk's (issue 16): a doctor set up at desk 1 logs in at booth 2;
a new PIN, a lock-out and a deactivation reach every station; only argon2 hashes travel. Real server
process on loopback, real encrypted stations, the real services."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import AuthError
from app.services.staff import authenticate, create_staff, list_staff, reset_pin, set_active
from app.storage.engine import Store
from app.storage.schema import Outbox, Staff, SyncQuarantine
from tests.conftest import ADMIN
from tests.integration.sync_support import (
    ServerProcess,
    device_token,
    enrolled_station,
    new_tenant,
    push_raw,
    start_server,
    sync,
)

PIN, NEW_PIN = "2580", "7391"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = start_server(tmp_path_factory.mktemp("server"))
    yield proc
    proc.stop()


@pytest.fixture
def desks(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    tenant = "t-" + uuid.uuid4().hex[:10]
    new_tenant(server, tenant)
    first = enrolled_station(tmp_path, "desk1", server, tenant=tenant)
    second = enrolled_station(tmp_path, "booth2", server, tenant=tenant)
    yield first, second
    first.close()
    second.close()


def _round(*stations: Store) -> None:
    for store in stations:
        sync(store)


def test_a_doctor_set_up_at_one_desk_logs_in_at_another(desks: tuple[Store, Store]) -> None:
    desk, booth = desks
    doctor = create_staff(desk, ADMIN, login="d.weber", display_name="Dr. Weber", role="doctor", pin=PIN)
    with pytest.raises(AuthError):
        authenticate(booth, login="d.weber", pin=PIN)  # not there before a sync
    _round(desk, booth)
    actor = authenticate(booth, login="d.weber", pin=PIN)
    assert (actor.staff_id, actor.role, actor.display_name) == (doctor.id, "doctor", "Dr. Weber")
    # What travelled is the argon2 hash, never the PIN.
    with desk.read() as session:
        (payload,) = session.scalars(select(Outbox.payload).where(Outbox.kind == "staff.created"))
    text = json.dumps(payload)
    assert PIN not in text and "$argon2id$" in text and "failed_attempts" not in text


def test_a_new_pin_a_lock_out_and_a_deactivation_reach_every_station(desks: tuple[Store, Store]) -> None:
    desk, booth = desks
    nurse = create_staff(desk, ADMIN, login="n.kaya", display_name="Nil Kaya", role="nurse", pin=PIN)
    _round(desk, booth)
    reset_pin(booth, ADMIN, nurse.id, NEW_PIN)  # an admin at the booth
    _round(booth, desk)
    with pytest.raises(AuthError):
        authenticate(desk, login="n.kaya", pin=PIN)
    assert authenticate(desk, login="n.kaya", pin=NEW_PIN).staff_id == nurse.id

    # Someone tries PINs at the desk until the account rests; the booth refuses the right PIN too.
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(desk, login="n.kaya", pin="0000")
    _round(desk, booth)
    with pytest.raises(AuthError, match="Too many wrong PINs"):
        authenticate(booth, login="n.kaya", pin=NEW_PIN)
    reset_pin(booth, ADMIN, nurse.id, PIN)  # the admin lifts it early with a new PIN
    _round(booth, desk)
    assert authenticate(desk, login="n.kaya", pin=PIN).staff_id == nurse.id

    set_active(desk, ADMIN, nurse.id, False)
    _round(desk, booth)
    with pytest.raises(AuthError):
        authenticate(booth, login="n.kaya", pin=PIN)
    assert "n.kaya" not in {s.login for s in list_staff(booth)}


def test_the_same_login_set_up_offline_at_two_desks_is_one_account(desks: tuple[Store, Store]) -> None:
    """Each desk's demo (or two admins) creates "a.schmidt" before either has synced: one account
    everywhere, the first one the server received, and nothing stuck in quarantine."""
    desk, booth = desks
    first = create_staff(desk, ADMIN, login="a.schmidt", display_name="Anna Schmidt", role="nurse", pin=PIN)
    second = create_staff(booth, ADMIN, login="a.schmidt", display_name="Anna Schmidt", role="nurse", pin=NEW_PIN)
    assert first.id == second.id  # the id is the tenant's and the login's
    _round(desk, booth, desk)
    for store in (desk, booth):
        assert authenticate(store, login="a.schmidt", pin=PIN).staff_id == first.id
        with pytest.raises(AuthError):
            authenticate(store, login="a.schmidt", pin=NEW_PIN)
        with store.read() as session:
            assert session.scalars(select(SyncQuarantine)).first() is None
            assert len(session.scalars(select(Staff).where(Staff.login == "a.schmidt")).all()) == 1


def test_a_hostile_staff_row_is_refused_at_the_boundary(server: ServerProcess, desks: tuple[Store, Store]) -> None:
    """A station cannot push a role the product does not have, a PIN in place of a hash, or a lock-out
    counter; the refusal carries a code and the other stations keep their staff and keep syncing."""
    desk, booth = desks
    nurse = create_staff(desk, ADMIN, login="b.ok", display_name="B Ok", role="nurse", pin=PIN)
    _round(desk, booth)
    tenant = desk.identity.tenant
    station_id, headers = device_token(server, tenant)
    for seq, values in enumerate(({"role": "superuser"}, {"pin_hash": PIN}, {"failed_attempts": 0}), start=1):
        answer = push_raw(server, station_id, headers, seq, "staff.role_changed",
                          {"rows": [{"entity": "staff", "id": nurse.id, "op": "update", "values": values}]})
        assert answer.status_code in (200, 422), answer.text
        if answer.status_code == 200:
            (result,) = answer.json()["results"]
            assert result["outcome"] == "rejected" and result["reason_code"]
    _round(booth)
    assert authenticate(booth, login="b.ok", pin=PIN).role == "nurse"
