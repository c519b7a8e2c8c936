"""Real servers for the sync tests: a throwaway PostgreSQL cluster (initdb + pg_ctl in a temporary
folder, as the `postgres` user when running as root) and `vaxdesk-server` processes on loopback."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store, create_store
from tests.conftest import PASSPHRASE, REPO

PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class PgCluster:
    url: str
    folder: Path
    bin: Path
    as_postgres: list[str]

    def stop(self) -> None:
        subprocess.run([*self.as_postgres, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
                        "immediate", "stop"], capture_output=True, check=False)


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PgCluster]:
    binaries = pg_bin()
    if binaries is None:
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine; CI installs them")
    # Not under pytest's tmp folder: that one is private to root and the cluster runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="vaxdesk-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, sock = base / "data", base / "sock"
    subprocess.run([*as_postgres, "mkdir", "-p", str(sock)], check=True)
    subprocess.run([*as_postgres, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    port = free_port()
    options = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB")
    subprocess.run([*as_postgres, str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                    str(base / "pg.log"), "-w", "start"], check=True, capture_output=True)
    cluster = PgCluster(url=f"postgresql://postgres@127.0.0.1:{port}/postgres", folder=base, bin=binaries,
                        as_postgres=as_postgres)
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class ServerProcess:
    url: str
    data_dir: Path
    database_url: str | None
    proc: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)

    def cli(self, *args: str) -> str:
        """Run a `vaxdesk-server` admin command against this server's storage; returns stdout."""
        extra = ["--database-url", self.database_url] if self.database_url else []
        command, rest = _split_command(list(args))
        out = subprocess.run([PYTHON, "-m", "sync.server.cli", *command, "--data-dir", str(self.data_dir), *extra,
                              *rest], capture_output=True, text=True, cwd=REPO, check=False)
        if out.returncode != 0:
            raise AssertionError(f"vaxdesk-server {' '.join(args)} failed: {out.stderr[-2000:]}")
        return out.stdout


def _split_command(args: list[str]) -> tuple[list[str], list[str]]:
    command = []
    while args and not args[0].startswith("--"):
        command.append(args.pop(0))
    return command, args


def start_server(data_dir: Path, *, database_url: str | None = None,
                 env: dict[str, str] | None = None, wait: bool = True, port: int | None = None) -> ServerProcess:
    port = port or free_port()
    extra = ["--database-url", database_url] if database_url else []
    proc = subprocess.Popen(
        [PYTHON, "-m", "sync.server.cli", "--data-dir", str(data_dir), *extra, "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "WARNING"],
        cwd=REPO, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = ServerProcess(url=f"http://127.0.0.1:{port}", data_dir=data_dir, database_url=database_url, proc=proc)
    if wait:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise AssertionError("vaxdesk-server exited during start-up")
            try:
                if httpx.get(server.url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                server.stop()
                raise AssertionError("vaxdesk-server did not answer /health in 30 s")
            time.sleep(0.05)
    return server


def new_tenant(server: ServerProcess, tenant: str) -> None:
    server.cli("tenant", "create", "--tenant", tenant)


def set_public_settings(server: ServerProcess, tenant: str, **settings: object) -> None:
    """Set a tenant's public-edge settings (rate limits, robot check, mail) through `tenant apply`."""
    import json

    path = server.data_dir / f"provisioning-{tenant}.json"
    path.write_text(json.dumps({"tenants": [{"name": tenant, "public": settings}]}))
    server.cli("tenant", "apply", "--file", str(path))


def one_client_many_bookings(server: ServerProcess, tenant: str) -> None:
    """Tests that storm the public endpoint from one address lift its per-client limits."""
    set_public_settings(server, tenant, booking_per_client="10000/second", lookup_per_client="10000/second",
                        booking_per_tenant="10000/second", lookup_per_tenant="10000/second")


def enrollment_code(server: ServerProcess, tenant: str, site: str) -> str:
    return server.cli("enrollment-code", "--tenant", tenant, "--site", site).strip().splitlines()[-1]


def new_station(folder: Path, name: str, *, tenant: str, site: str = "site-a") -> Store:
    from app.services.catalogue import load_catalogue
    from app.services.products import install_catalogue

    store = create_store(folder / f"{name}.db", PASSPHRASE, tenant=tenant, site_code=site, site_name=site,
                         station_name=name)
    with UnitOfWork(store, Actor.system()) as uow:
        install_catalogue(uow, load_catalogue())
    return store


def enrolled_station(folder: Path, name: str, server: ServerProcess, *, tenant: str, site: str = "site-a") -> Store:
    from sync.station.engine import enroll

    store = new_station(folder, name, tenant=tenant, site=site)
    enroll(store, server_url=server.url, code=enrollment_code(server, tenant, site))
    return store


# ---- station work through the real services ------------------------------------------------

DOCTOR = Actor(staff_id=None, role="doctor", display_name="Dr. Test")


def add_person(store: Store, family: str, given: str, dob: str = "1980-05-17") -> str:
    from app.services.persons import PersonInput
    from app.services.persons import add_person as add

    with UnitOfWork(store, Actor.system()) as uow:
        return add(uow, PersonInput(family_name=family, given_name=given, dob=dob)).id


def open_day(store: Store, *, capacity: int, slots: int = 2, day: date | None = None) -> list[str]:
    from app.services.booking import SlotPlan, open_slots

    day = day or (datetime.now(UTC) + timedelta(days=1)).date()
    opens = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
    with UnitOfWork(store, Actor.system()) as uow:
        made = open_slots(uow, SlotPlan(site_id=store.identity.site_id, opens=opens,
                                        closes=opens + timedelta(minutes=15 * slots), slot_minutes=15,
                                        capacity=capacity))
        return [s.id for s in made]


def book(store: Store, person_id: str, slot_id: str) -> str:
    from app.services.booking import book_appointment

    with UnitOfWork(store, Actor.system()) as uow:
        return book_appointment(uow, person_id=person_id, slot_id=slot_id).id


def external_dose(store: Store, person_id: str, given_on: date | None = None) -> str:
    from app.services.vaccinations import DoctorStation

    result = DoctorStation(store).add_external_dose(
        DOCTOR, person_id, product_code="comirnaty", given_on=given_on or date(2021, 6, 1), country="DE")
    return result.vaccination_id


def sync(store: Store, **options: object) -> object:
    from sync.station.engine import SyncEngine

    with SyncEngine(store, **options) as engine:  # type: ignore[arg-type]
        return engine.run_round()


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def name_for(n: int) -> str:
    """A distinct letters-only family name for a number (names have no digits)."""
    out = ""
    n += 26
    while n:
        n, r = divmod(n, 26)
        out = LETTERS[r] + out
    return "Person" + out.lower()


def station_view(store: Store) -> dict[str, object]:
    """What must agree everywhere: the sets of live persons, appointments and vaccinations."""
    from sqlalchemy import select

    from app.storage.schema import Appointment, Person, Vaccination, VaccinationVoid

    with store.read() as session:
        persons = sorted(session.scalars(select(Person.id).where(Person.deleted_at.is_(None))))
        appointments = sorted(session.scalars(select(Appointment.id).where(Appointment.state != "cancelled")))
        voided = set(session.scalars(select(VaccinationVoid.vaccination_id)))
        vaccinations = sorted(v for v in session.scalars(select(Vaccination.id)) if v not in voided)
    return {"persons": persons, "appointments": appointments, "vaccinations": vaccinations}


def server_stats(server: ServerProcess, tenant: str) -> dict[str, int]:
    import json

    return dict(json.loads(server.cli("stats", "--tenant", tenant, "--json").strip().splitlines()[-1]))


def device_token(server: ServerProcess, tenant: str, site: str = "site-a") -> tuple[str, dict[str, str]]:
    """A device token for a made-up station, to push what no real station would."""
    code = server.cli("enrollment-code", "--tenant", tenant, "--site", site).strip().splitlines()[-1]
    station_id = str(uuid.uuid4())
    answer = httpx.post(f"{server.url}/v1/enroll", json={
        "code": code, "station_id": station_id, "station_name": "raw", "tenant": tenant, "site_code": site,
        "site_id": str(uuid.uuid4())}).json()
    return station_id, {"Authorization": f"Bearer {answer['device_token']}"}


def push_raw(server: ServerProcess, station_id: str, headers: dict[str, str], seq: int, kind: str,
              payload: Any) -> httpx.Response:
    return httpx.post(f"{server.url}/v1/sync/push", headers=headers, timeout=30, json={
        "station_id": station_id, "mutations": [{"mutation_id": str(uuid.uuid4()), "station_seq": seq,
                                                 "schema_version": 1, "kind": kind, "payload": payload,
                                                 "hlc": "0000000000001-00000-x"}]})
