"""A sync killed at any point (kill -9 / a crash point that dies like a power cut) loses and duplicates
nothing on the next run: before the server commits, after it commits but before the station stores the
answer, in the middle of a pulled page, and at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage.engine import open_store
from app.storage.schema import Meta, Outbox
from tests.conftest import PASSPHRASE, REPO
from tests.integration.sync_support import (
    PYTHON,
    ServerProcess,
    add_person,
    book,
    enrolled_station,
    external_dose,
    name_for,
    new_tenant,
    open_day,
    server_stats,
    start_server,
    station_view,
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = start_server(tmp_path / "server")
    yield proc
    proc.stop()


def vaxdesk_sync(db: Path, *, fault: str | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "VAXDESK_PASSPHRASE": PASSPHRASE}
    env.pop("VAXDESK_FAULT_POINT", None)
    if fault:
        env["VAXDESK_FAULT_POINT"] = fault
    return subprocess.Popen([PYTHON, "-m", "app.cli", "sync", "--db", str(db)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run_sync(db: Path, *, fault: str | None = None) -> int:
    proc = vaxdesk_sync(db, fault=fault)
    proc.communicate(timeout=120)
    return int(proc.returncode)


def point_at(db: Path, server: ServerProcess) -> None:
    with open_store(db, PASSPHRASE) as store, store.write() as session:
        row = session.get(Meta, "sync.server_url")
        assert row is not None
        row.value = server.url


def work(db_folder: Path, server: ServerProcess, tenant: str, name: str, persons: int) -> Path:
    store = enrolled_station(db_folder, name, server, tenant=tenant)
    slots = open_day(store, capacity=persons, slots=2)
    for i in range(persons):
        pid = add_person(store, name_for(i), name.capitalize())
        book(store, pid, slots[i % 2])
        if i % 3 == 0:
            external_dose(store, pid)
    store.close()
    return db_folder / f"{name}.db"


def outbox_total(db: Path) -> tuple[int, int]:
    with open_store(db, PASSPHRASE) as store, store.read() as session:
        states = list(session.scalars(Outbox.__table__.select().with_only_columns(Outbox.state)))
    return len(states), states.count("pending")


def assert_exactly_once(server: ServerProcess, tenant: str, dbs: list[Path]) -> None:
    stats = server_stats(server, tenant)
    for db in dbs:
        assert outbox_total(db)[1] == 0
    views = []
    for db in dbs:
        with open_store(db, PASSPHRASE) as store:
            views.append(station_view(store))
    assert all(v == views[0] for v in views)
    assert stats["persons"] == len(views[0]["persons"])
    assert stats["appointments"] == len(views[0]["appointments"])
    assert stats["vaccinations"] == len(views[0]["vaccinations"])
    assert stats["mutations"] == sum(outbox_total(db)[0] for db in dbs)


def test_server_dies_before_commit_then_station_reruns(tmp_path: Path, server: ServerProcess,
                                                        passphrase: str) -> None:
    tenant = "t-" + uuid.uuid4().hex[:8]
    new_tenant(server, tenant)
    db = work(tmp_path, server, tenant, "a", persons=12)
    server.stop()
    dying = start_server(server.data_dir, env={"VAXDESK_FAULT_POINT": "server-push-before-commit"})
    point_at(db, dying)
    assert run_sync(db) != 0  # the server vanished mid-push
    dying.stop()
    revived = start_server(server.data_dir)
    point_at(db, revived)
    assert server_stats(revived, tenant)["mutations"] == 0  # nothing was half-committed
    assert run_sync(db) == 0
    assert_exactly_once(revived, tenant, [db])
    revived.stop()


@pytest.mark.parametrize("fault", ["station-after-push-response", "station-mid-pull"])
def test_station_dies_at_a_crash_point_then_reruns(tmp_path: Path, server: ServerProcess, passphrase: str,
                                                   fault: str) -> None:
    tenant = "t-" + uuid.uuid4().hex[:8]
    new_tenant(server, tenant)
    a = work(tmp_path, server, tenant, "a", persons=15)
    b = work(tmp_path, server, tenant, "b", persons=15)
    assert run_sync(a) == 0
    assert run_sync(b, fault=fault) == 137
    if fault == "station-after-push-response":
        # the server committed b's mutations, but b never stored the answers
        assert outbox_total(b)[1] > 0
        assert server_stats(server, tenant)["persons"] == 30
    assert run_sync(b) == 0
    assert run_sync(a) == 0
    assert_exactly_once(server, tenant, [a, b])


def test_sync_killed_at_random_moments_loses_and_duplicates_nothing(tmp_path: Path, server: ServerProcess,
                                                                    passphrase: str) -> None:
    rng = random.Random(4711)
    tenant = "t-" + uuid.uuid4().hex[:8]
    new_tenant(server, tenant)
    a = work(tmp_path, server, tenant, "a", persons=40)
    b = work(tmp_path, server, tenant, "b", persons=40)
    for _ in range(6):
        db = rng.choice([a, b])
        proc = vaxdesk_sync(db)
        time.sleep(rng.uniform(0.3, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    for db in (a, b, a):
        assert run_sync(db) == 0
    assert_exactly_once(server, tenant, [a, b])
