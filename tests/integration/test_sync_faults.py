"""A Hypothesis state machine: 3-4 stations do random work offline — including the conflicts desks
really meet — and sync through faults (a transport that times out before and after the server saw the
request, answers 5xx, truncates, duplicates and replays stale requests; `vaxdesk sync` killed at crash
points; the server killed and restarted with its clock jumped; station clocks hours off; the server
restored from a backup) against a real server process. At the end every station holds what the server
holds, field by field: every dose exactly once, no slot over capacity, no lease overdrawn, stock sums
equal, one review task per true conflict, nothing pending or quarantined."""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from tempfile import mkdtemp
from typing import Any, ClassVar

import httpx
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from app.errors import VaxDeskError
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.stats import station_stats
from app.services.stock import stock_by_product
from app.services.unit_of_work import Actor, UnitOfWork
from app.services.vaccinations import DoctorStation
from app.storage.engine import Store
from app.storage.schema import Base, Outbox, Person, Site
from sync.errors import SyncError
from sync.records import ENTITIES
from sync.server import tenants as t
from sync.server.app import issue_enrollment_code
from sync.server.backup import backup_tenant, restore_tenant
from sync.server.tenants import Registry
from sync.station.apply import STAFF_COLUMNS
from sync.station.engine import SyncEngine, enroll
from tests.conftest import PASSPHRASE, REPO, heavy_examples
from tests.integration.sync_support import (
    PYTHON,
    ServerProcess,
    add_person,
    book,
    external_dose,
    name_for,
    new_station,
    open_day,
    start_server,
    station_view,
)


class FaultyTransport(httpx.BaseTransport):
    """Real HTTP to the server, with faults chosen by a seeded RNG."""

    FAULTS = ("timeout_before", "timeout_after", "status_503", "status_500_after", "truncated", "duplicate",
              "replay_stale")

    def __init__(self, rng: random.Random, rate: float) -> None:
        self.inner = httpx.HTTPTransport()
        self.rng = rng
        self.rate = rate
        self.history: list[httpx.Request] = []
        self.injected: dict[str, int] = {}

    def close(self) -> None:
        self.inner.close()

    def _send(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if request.method == "POST":
            self.history.append(request)
        if self.rng.random() >= self.rate:
            return self._send(request)
        fault = self.rng.choice(self.FAULTS)
        self.injected[fault] = self.injected.get(fault, 0) + 1
        if fault == "timeout_before":
            raise httpx.ReadTimeout("injected", request=request)
        if fault == "status_503":
            return httpx.Response(503, json={"code": "unavailable", "message": "injected"})
        if fault == "replay_stale" and self.history:
            self._send(self.rng.choice(self.history))  # an old request arrives late, out of order
            return self._send(request)
        answer = self._send(request)
        if fault == "timeout_after":
            raise httpx.ReadTimeout("injected after the server answered", request=request)
        if fault == "status_500_after":
            return httpx.Response(500, json={"code": "internal_error", "message": "injected"})
        if fault == "truncated":
            return httpx.Response(answer.status_code, headers={"content-type": "application/json"},
                                  content=answer.content[: len(answer.content) // 2])
        if fault == "duplicate":
            return self._send(request)
        return answer


class SyncMachine(RuleBasedStateMachine):
    """3-4 stations of one site doing the day's work offline, with the conflicts desks really meet: the
    same person or lot at two desks, a no-show against a check-in, a void against a correction, a person
    edited at two desks; and the faults: a flaky network, `vaxdesk sync` killed, the server killed, the
    server's clock jumping, a station's clock hours off, the server restored from a backup.

    At the end, after clean rounds, every station and the server hold the same rows field by field."""

    server: ClassVar[ServerProcess]
    registry: ClassVar[Registry]
    folder: ClassVar[Path]

    @initialize(n=st.integers(min_value=3, max_value=4), seed=st.integers(0, 2**32 - 1))
    def setup(self, n: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.tenant = "sm-" + uuid.uuid4().hex[:10]
        self.registry.create(self.tenant)
        self.stations: list[Store] = []
        self.skews: list[timedelta] = []
        for i in range(n):
            store = new_station(self.folder, f"{self.tenant}-s{i}", tenant=self.tenant)
            code = issue_enrollment_code(self.registry.get(self.tenant), "site-a")
            enroll(store, server_url=self.server.url, code=code)
            self.stations.append(store)
            self.skews.append(timedelta(hours=self.rng.choice([0, 0, 3, -3])))
        self.slots = open_day(self.stations[0], capacity=2, slots=3)
        self.expected = {"possible_duplicate_person": 0, "conflicting_dose_changes": 0, "person_conflict": 0}
        self.names = 0
        self.lots = 0
        self.backup: Path | None = None
        self.doses: set[str] = set()
        self._clean_all()

    # -- helpers ----------------------------------------------------------------------------

    def _station(self, i: int) -> Store:
        return self.stations[i % len(self.stations)]

    def _clock(self, i: int) -> Any:
        skew = self.skews[i % len(self.skews)]
        return lambda: datetime.now(UTC) + skew

    def _clean_sync(self, store: Store) -> None:
        with SyncEngine(store, client_options={"retries": 8, "sleep": lambda _s: None}) as engine:
            engine.run_round()

    def _clean_all(self) -> None:
        for _ in range(2):
            for store in self.stations:
                self._clean_sync(store)

    def _pair(self, i: int, j: int) -> tuple[int, int]:
        i, j = i % len(self.stations), j % len(self.stations)
        return i, (j if j != i else (i + 1) % len(self.stations))

    def _new_name(self) -> str:
        self.names += 1
        return name_for(self.names)

    # -- the day's work ---------------------------------------------------------------------

    @rule(i=st.integers(0, 3))
    def register_and_book(self, i: int) -> None:
        store = self._station(i)
        pid = add_person(store, self._new_name(), "Hypo")
        with contextlib.suppress(VaxDeskError):  # the slot is full as this station sees it
            book(store, pid, self.slots[self.names % len(self.slots)])

    @rule(i=st.integers(0, 3), j=st.integers(0, 3))
    def same_walk_in_at_two_desks(self, i: int, j: int) -> None:
        i, j = self._pair(i, j)
        family = self._new_name()
        for k in (i, j):
            add_person(self.stations[k], family, "Twin", dob="1966-06-06")
        self.expected["possible_duplicate_person"] += 1

    @rule(i=st.integers(0, 3), j=st.integers(0, 3))
    def same_lot_at_two_desks(self, i: int, j: int) -> None:
        i, j = self._pair(i, j)
        self.lots += 1
        for k in (i, j):
            Lots(self.stations[k], clock=self._clock(k)).receive_typed(
                ADMIN, product_code="nuvaxovid", lot_number=f"HYP-{self.tenant[-4:]}-{self.lots}",
                expiry=date.today() + timedelta(days=90), vials=self.rng.randint(1, 5))

    @rule(i=st.integers(0, 3))
    def record_dose(self, i: int) -> None:
        store = self._station(i)
        known = station_view(store)["persons"]
        if known:
            with contextlib.suppress(VaxDeskError):  # the station's own rules may refuse it
                self.doses.add(external_dose(store, self.rng.choice(known),  # type: ignore[arg-type]
                                             date(2021, 1, 1) + timedelta(days=self.rng.randint(0, 900))))

    @rule(i=st.integers(0, 3), j=st.integers(0, 3))
    def no_show_against_check_in(self, i: int, j: int) -> None:
        i, j = self._pair(i, j)
        a, b = self.stations[i], self.stations[j]
        pid = add_person(a, self._new_name(), "Late")
        try:
            appointment = book(a, pid, self.slots[self.names % len(self.slots)])
        except VaxDeskError:
            return
        self._clean_sync(a)
        self._clean_sync(b)
        with contextlib.suppress(VaxDeskError):
            CheckInDesk(a, clock=self._clock(i)).mark_no_show(NURSE, appointment)
        with contextlib.suppress(VaxDeskError):
            CheckInDesk(b, clock=self._clock(j)).check_in(NURSE, appointment, confirmed=True)

    @rule(i=st.integers(0, 3), j=st.integers(0, 3))
    def void_against_correction(self, i: int, j: int) -> None:
        i, j = self._pair(i, j)
        a, b = self.stations[i], self.stations[j]
        pid = add_person(a, self._new_name(), "Dose")
        dose = external_dose(a, pid, date(2021, 3, 3))
        self._clean_sync(a)
        self._clean_sync(b)
        DoctorStation(a, clock=self._clock(i)).void_dose(DOCTOR, dose, reason="wrong person")
        DoctorStation(b, clock=self._clock(j)).correct_dose(DOCTOR, dose, reason="wrong day",
                                                             given_on=date(2021, 3, 5))
        self.expected["conflicting_dose_changes"] += 1

    @rule(i=st.integers(0, 3), j=st.integers(0, 3))
    def person_edited_at_two_desks(self, i: int, j: int) -> None:
        i, j = self._pair(i, j)
        pid = add_person(self.stations[i], self._new_name(), "Edit")
        self._clean_sync(self.stations[i])
        self._clean_sync(self.stations[j])
        for k, phone in ((i, "+49 30 111"), (j, "+49 30 222")):
            with UnitOfWork(self.stations[k], NURSE, self._clock(k)) as uow:
                person = uow.session.get(Person, pid)
                assert person is not None
                person.phone = phone
                uow.record(action="person.updated", entity="person", entity_id=pid, payload={})
        self.expected["person_conflict"] += 1

    # -- the faults -------------------------------------------------------------------------

    @rule(i=st.integers(0, 3), rate=st.sampled_from([0.2, 0.5]))
    def sync_through_faults(self, i: int, rate: float) -> None:
        store = self._station(i)
        transport = FaultyTransport(self.rng, rate)
        options = {"retries": 6, "sleep": lambda _s: None, "timeout": 10.0}
        try:
            with SyncEngine(store, transport=transport, batch_size=3, page_size=4, client_options=options,
                            lease_places=self.rng.choice([0, 1])) as e:
                e.run_round()
        except SyncError:
            pass  # gave up after the retries: offline for now, the next round continues

    @rule(i=st.integers(0, 3), point=st.sampled_from(["station-after-push-response", "station-mid-pull"]))
    def sync_killed(self, i: int, point: str) -> None:
        """`vaxdesk sync` in its own process, dying like a power cut at a crash point."""
        store = self._station(i)
        env = {**os.environ, "VAXDESK_PASSPHRASE": PASSPHRASE, "VAXDESK_FAULT_POINT": point}
        subprocess.run([PYTHON, "-m", "app.cli", "sync", "--db", str(store.path)], cwd=REPO, env=env,
                       capture_output=True, timeout=120, check=False)

    @rule(jump=st.sampled_from([0, 3 * 3600, -3 * 3600]))
    def server_killed(self, jump: int) -> None:
        """kill -9 of the server; it comes back on the same address, maybe with its clock jumped."""
        port = int(self.server.url.rsplit(":", 1)[1])
        self.server.stop()
        type(self).server = start_server(self.server.data_dir, port=port,
                                         env={"VAXDESK_FAULT_CLOCK_OFFSET_S": str(jump)})

    @rule()
    def take_backup(self) -> None:
        target = self.folder / f"{self.tenant}-{uuid.uuid4().hex[:6]}.backup"
        backup_tenant(self.registry, self.tenant, target)
        self.backup = target

    @precondition(lambda self: getattr(self, "backup", None) is not None)
    @rule()
    def restore_from_backup(self) -> None:
        assert self.backup is not None
        restore_tenant(self.registry, self.tenant, self.backup)

    # -- what must hold ---------------------------------------------------------------------

    @invariant()
    def no_slot_over_capacity_on_the_server(self) -> None:
        if hasattr(self, "tenant"):
            assert server_stats_in_process(self.registry, self.tenant)["overbooked_slots"] == 0

    def teardown(self) -> None:
        if not hasattr(self, "expected"):
            for s in getattr(self, "stations", []):
                s.close()
            return
        try:
            if self.server.proc.poll() is not None:
                self.server_killed(0)
            for _ in range(3):
                for store in self.stations:
                    self._clean_sync(store)
            server_rows = server_view(self.registry, self.tenant)
            views = [full_view(s) for s in self.stations]
            for n, view in enumerate(views):
                for entity in set(server_rows) | set(view):
                    mine, theirs = view.get(entity, {}), server_rows.get(entity, {})
                    assert mine == theirs, f"station {n}: {entity} differs from the server: {_diff(mine, theirs)}"
            stats = server_stats_in_process(self.registry, self.tenant)
            live = {v for v in views[0].get("vaccination", {})} - {
                r["vaccination_id"] for r in views[0].get("vaccination_void", {}).values()}
            assert self.doses <= set(views[0].get("vaccination", {}))  # every dose given is there
            assert stats["vaccinations"] == len(live)
            assert stats["parked_mutations"] == 0 and stats["overbooked_slots"] == 0
            with self.registry.get(self.tenant).read() as conn:
                assert conn.execute(select(func.count()).select_from(t.lease)
                                    .where(t.lease.c.used > t.lease.c.places)).scalar_one() == 0
            held: dict[str, int] = {}
            for row in views[0].get("appointment", {}).values():
                if row["state"] in ("booked", "checked_in", "with_doctor", "observation", "done"):
                    held[row["slot_id"]] = held.get(row["slot_id"], 0) + 1
            for slot_id, count in held.items():
                assert count <= views[0]["slot"][slot_id]["capacity"]
            kinds: dict[str, int] = {}
            for task in views[0].get("review_task", {}).values():
                kinds[task["kind"]] = kinds.get(task["kind"], 0) + 1
            for kind, count in self.expected.items():
                assert kinds.get(kind, 0) == count, (kind, kinds)
            for store in self.stations:
                assert station_stats(store)["quarantined_changes"] == 0
                with store.read() as session:
                    assert not session.scalar(select(func.count()).select_from(Outbox)
                                              .where(Outbox.state.in_(("pending", "parked"))))
                stock = stock_by_product(store)
                assert stock == stock_by_product(self.stations[0])
        finally:
            for s in self.stations:
                s.close()


NURSE = Actor(staff_id=None, role="nurse", display_name="Nurse")
DOCTOR = Actor(staff_id=None, role="doctor", display_name="Doctor")
ADMIN = Actor(staff_id=None, role="admin", display_name="Admin")
_SKIP = STAFF_COLUMNS | {"purged_at"}


def _normal(value: Any) -> Any:
    if isinstance(value, datetime):
        return round((value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp(), 3)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T":
        with contextlib.suppress(ValueError):
            return round(datetime.fromisoformat(value).timestamp(), 3)
    return value


def _diff(mine: dict[str, dict[str, Any]], theirs: dict[str, dict[str, Any]]) -> str:
    only_here = sorted(set(mine) - set(theirs))[:3]
    only_there = sorted(set(theirs) - set(mine))[:3]
    fields = []
    for key in sorted(set(mine) & set(theirs)):
        if mine[key] != theirs[key]:
            fields.append({k: (mine[key].get(k), theirs[key].get(k)) for k in set(mine[key]) | set(theirs[key])
                           if mine[key].get(k) != theirs[key].get(k)})
    return f"only on the station {only_here}, only on the server {only_there}, fields {fields[:3]}"


def full_view(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row of the station, field by field, as the server would hold it (site ids as codes,
    staff references left out: staff accounts are per station; refused bookings are the station's own)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    tables = Base.metadata.tables
    with store.read() as session:
        codes = {s.id: s.code for s in session.scalars(select(Site))}
        for name, entity in ENTITIES.items():
            for row in session.execute(select(tables[name])).mappings():
                if name == "appointment" and row["booking_state"] == "rejected":
                    continue
                values = {c: _normal(row[c]) for c in entity.columns if c not in _SKIP and c in row}
                if "site_id" in values:
                    values["site_id"] = codes.get(values["site_id"], values["site_id"])
                out.setdefault(name, {})[str(row["id"])] = values
    return out


def server_view(registry: Registry, tenant: str) -> dict[str, dict[str, dict[str, Any]]]:
    ten = registry.get(tenant)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with ten.read() as conn:
        codes = {str(k): str(v) for k, v in conn.execute(select(t.device.c.site_id, t.device.c.site_code))}
        for row in conn.execute(select(t.record)):
            values = ten.cipher.open_json(row.data_enc, f"{row.entity}:{row.id}")
            entity = ENTITIES[row.entity]
            typed = entity.check({k: v for k, v in values.items() if k != "id"}, complete=False)
            normal = {c: _normal(typed.get(c)) for c in entity.columns if c not in _SKIP}
            if "site_id" in normal:
                normal["site_id"] = codes.get(normal["site_id"], normal["site_id"])
            normal["id"] = row.id
            out.setdefault(row.entity, {})[row.id] = normal
    return out


def server_stats_in_process(registry: Registry, tenant: str) -> dict[str, int]:
    from sync.server.ledger import tenant_stats

    with registry.get(tenant).read() as conn:
        return tenant_stats(conn)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = start_server(tmp_path_factory.mktemp("server"))
    yield proc
    getattr(SyncMachine, "server", proc).stop()  # the machine may have restarted it
    proc.stop()


def test_stations_converge_exactly_once_through_a_faulty_network(server: ServerProcess, passphrase: str) -> None:
    SyncMachine.server = server
    SyncMachine.registry = Registry(data_dir=server.data_dir)
    SyncMachine.folder = Path(mkdtemp(prefix="vaxdesk-sm-"))
    try:
        run_state_machine_as_test(SyncMachine, settings=settings(
            # CI: the same 8 derandomized runs as before; VAXDESK_HYPOTHESIS=nightly: 100 new ones.
            max_examples=heavy_examples(ci=8, nightly=100), stateful_step_count=18, deadline=None,
            database=None,
            # Each example drives real processes: report the failing run as found, shrinking takes minutes.
            phases=(Phase.explicit, Phase.generate),
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
    finally:
        SyncMachine.registry.close()
