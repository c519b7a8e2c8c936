"""Real servers for the sync tests: a throwaway PostgreSQL cluster (initdb + pg_ctl in a temporary
folder, as the `postgres` user when running as root) and `vaxdesk-server` processes on loopback."""

from __future__ import annotations

import atexit
import contextlib
import glob
import io
import logging
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller

from app.certificates.signer import DemoChain
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store, create_store
from tests.conftest import PASSPHRASE, REPO

PYTHON = sys.executable


# Ports for the servers, clusters and proxies the tests start. Not from the kernel's ephemeral range
# (bind to port 0): between this check and the process binding it, any outgoing connection of a busy
# test (200 concurrent clients) may take that port as its local one. Under pytest-xdist each worker
# draws from its own slice, and no port is handed out twice in one process (a killed server comes
# back on its own port: nobody else may have been given it meanwhile).
_PORTS = (20000, 32000)
_given: set[int] = set()
_draw = random.SystemRandom()  # not the global `random`: Hypothesis seeds that one inside its tests


def _port_slice() -> range:
    low, high = _PORTS
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    index = int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0
    width = (high - low) // max(count, 1)
    start = low + (index % max(count, 1)) * width
    return range(start, start + width)


def free_port() -> int:
    ports = _port_slice()
    for _ in range(200):
        port = _draw.choice(ports)
        if port in _given:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _given.add(port)
        return port
    raise AssertionError(f"no free port in {ports.start}-{ports.stop - 1}")


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


def _cluster_folder(prefix: str) -> tuple[Path, list[str]]:
    # Not under pytest's tmp folder: that one is private to root and the cluster runs as postgres.
    base = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() != 0:
        return base, []
    shutil.chown(base, "postgres", "postgres")
    return base, ["runuser", "-u", "postgres", "--"]


_initdb_done: dict[Path, Path] = {}


def _initdb_template(binaries: Path) -> Path:
    """One initdb per process (per xdist worker), copied for every cluster: initdb costs seconds, a
    copy of its 40 MB a fraction. Each cluster still is its own postmaster on its own data folder."""
    template = _initdb_done.get(binaries)
    if template is not None and (template / "PG_VERSION").exists():
        return template
    base, as_postgres = _cluster_folder("vaxdesk-pg-template-")
    atexit.register(shutil.rmtree, base, True)
    template = base / "data"
    subprocess.run([*as_postgres, str(binaries / "initdb"), "-D", str(template), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    _initdb_done[binaries] = template
    return template


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PgCluster]:
    binaries = pg_bin()
    if binaries is None:
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine; CI installs them")
    template = _initdb_template(binaries)
    base, as_postgres = _cluster_folder("vaxdesk-pg-")
    data, sock = base / "data", base / "sock"
    subprocess.run([*as_postgres, "mkdir", "-p", str(sock)], check=True)
    subprocess.run([*as_postgres, "cp", "-a", str(template), str(data)], check=True, capture_output=True)
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
        code, out, err = admin_command([*command, "--data-dir", str(self.data_dir), *extra, *rest])
        if code != 0:
            raise AssertionError(f"vaxdesk-server {' '.join(args)} failed: {err[-2000:]}")
        return out


class WatchedTransport(httpx.BaseTransport):
    """The real HTTP transport with a hook: `watch(request)` runs once the server has answered, before the
    station reads the answer (a test loses the answer there, or changes the server behind the station's back)."""

    def __init__(self, watch: Callable[[httpx.Request], None]) -> None:
        self.inner = httpx.HTTPTransport()
        self.watch = watch

    def close(self) -> None:
        self.inner.close()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        self.watch(request)
        return response


def admin_command(argv: list[str]) -> tuple[int, str, str]:
    """`vaxdesk-server ARGV` (an admin command, not `serve`) through its own `main`, in this process:
    (exit code, stdout, stderr). The server stays a process of its own; an admin command is a separate
    client of the same storage either way, and a fresh interpreter for each (importing FastAPI and
    SQLAlchemy again) cost seconds, hundreds of times per suite. The command as a process of its own, exit
    codes and all, is tested in test_deployment.py, test_server_keys_sites.py and test_sync_reconcile.py."""
    from sync.server.cli import main

    # main() sets up its own logging (a JSON handler on stderr in place of the root's handlers): give
    # pytest's handlers back afterwards, as a process of its own would have left them.
    loggers = [logging.getLogger(), *(lg for lg in logging.Logger.manager.loggerDict.values()
                                      if isinstance(lg, logging.Logger))]
    saved = [(lg, lg.handlers[:], lg.level, lg.propagate) for lg in loggers]
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse and the handlers exit with a code
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        for lg, handlers, level, propagate in saved:
            lg.handlers[:] = handlers
            lg.setLevel(level)
            lg.propagate = propagate
    return code, out.getvalue(), err.getvalue()


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


def server_with_mail(data_dir: Path, mailbox: object) -> tuple[ServerProcess, Controller]:
    """A real SMTP server on loopback delivering to `mailbox` (an aiosmtpd handler), and the tenant API sending
    its mails there, retrying after 0.3 s. The caller stops both."""
    port = free_port()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=port)
    smtp.start()
    return start_server(data_dir, env={"VAXDESK_SMTP_URL": f"smtp://127.0.0.1:{port}",
                                       "VAXDESK_MAIL_RETRY_BASE_S": "0.3"}), smtp


def new_signing_tenant(server: ServerProcess, tenant: str, chain: DemoChain, folder: Path) -> None:
    """A tenant whose server signs with `chain`'s document signer (its PEM files written to `folder`)."""
    pem = chain.write_pem(folder)
    server.cli("tenant", "create", "--tenant", tenant, "--dsc-key", str(pem["dsc-key.pem"]),
               "--dsc-cert", str(pem["dsc-cert.pem"]))


def new_tenant(server: ServerProcess, tenant: str) -> None:
    server.cli("tenant", "create", "--tenant", tenant)


def fresh_tenant(server: ServerProcess) -> str:
    """A tenant of a new random name on `server` (tests sharing one server keep apart so)."""
    name = "t-" + uuid.uuid4().hex[:10]
    new_tenant(server, name)
    return name


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


Stations = Callable[[str], Store]


def enrolled_stations(server: ServerProcess, tenant: str, folder: Path) -> Iterator[Stations]:
    """For a fixture: `stations("a")` enrolls a station with the tenant in `folder`; all are closed after."""
    opened: list[Store] = []

    def enroll(name: str) -> Store:
        opened.append(enrolled_station(folder, name, server, tenant=tenant))
        return opened[-1]

    yield enroll
    for store in opened:
        store.close()


# ---- station work through the real services ------------------------------------------------

NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")
DOCTOR = Actor(staff_id=None, role="doctor", display_name="Dr. Test")
ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")


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
