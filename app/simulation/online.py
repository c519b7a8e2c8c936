"""The simulated day online: a tenant server on loopback, two syncing stations, online bookings,
a network outage in the middle of the day and a final sync that must converge."""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import os
import random
import signal
import socket
import subprocess
import sys
import time as wall
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from app.certificates.signer import create_demo_chain
from app.errors import AlreadyExists
from app.services.booking import SlotPlan, open_slots
from app.services.catalogue import load_catalogue
from app.services.demo import DEMO_STAFF, random_person, seed_center
from app.services.products import install_catalogue
from app.services.progress import Progress
from app.services.staff import authenticate, create_staff
from app.services.stats import station_stats
from app.services.stock import receive_lot
from app.services.unit_of_work import Actor, UnitOfWork
from app.simulation.day import (
    OPENING_HOURS,
    TZ,
    Day,
    SimClock,
    certificate_step,
    dose_figures,
    floor_step,
    follow_up_step,
    test_figures_of,
    waste_pct,
)
from app.simulation.floor import Events, Floor, Timing, staff_floor, staff_needed
from app.storage.engine import Store, create_store
from app.storage.schema import Appointment, Outbox, Person, Vaccination, VaccinationVoid
from sync.errors import SyncError
from sync.faults import CLOCK_ENV
from sync.station import SyncEngine, enroll, lease_policy

TENANT, SITE, SITE_NAME = "simulation", "sim-center", "Simulated center"
SYNC_EVERY = timedelta(hours=1)  # background sync of each station, in simulated time
OUTAGE = (time(10, 30), time(13, 15))  # the network is down in between (the server process is stopped)
ONLINE_SHARE = 0.3  # of the persons book through the public endpoint
EXPLAINED_REJECTIONS = ("slot_full",)  # the station cancels those bookings and lists the persons to rebook


def paths_for(db: Path) -> dict[str, Path]:
    """Where the online day keeps its other files, next to the main station's database."""
    return {"station2": db.with_name(f"{db.stem}-station2{db.suffix}"), "server": Path(f"{db}.server"),
            "certificates": Path(f"{db}.certificates")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:
    """Linux: the server is killed when this process dies, even by SIGKILL."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class TenantServer:
    """A `vaxdesk-server` process on 127.0.0.1 with its own data dir; stoppable and restartable on the same port."""

    def __init__(self, data_dir: Path, *, clock_offset_s: float = 0.0) -> None:
        self.data_dir = data_dir
        self.clock_offset_s = clock_offset_s  # the server's clock set to the simulated day's
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "sync.server.cli", *args]

    def start(self, timeout: float = 30.0) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / "server.log", "ab") as log:
            self.proc = subprocess.Popen(
                self._command("--data-dir", str(self.data_dir), "--host", "127.0.0.1", "--port", str(self.port),
                              "--log-level", "WARNING"),
                stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                env={**os.environ, CLOCK_ENV: str(self.clock_offset_s)},
                preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        deadline = wall.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise SyncError(code="simulation_server_exited", params={"log": f"{self.data_dir}/server.log"})
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            if wall.monotonic() > deadline:
                self.stop()
                raise SyncError(code="simulation_server_silent", params={"seconds": round(timeout)})
            wall.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait(timeout=10)
            self.proc = None

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def admin(self, command: str, *options: str) -> str:
        """A `vaxdesk-server` admin command ("tenant create", "stats", …) on this server's storage; its stdout."""
        done = subprocess.run(self._command(*command.split(), "--data-dir", str(self.data_dir), *options),
                              capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise SyncError(code="simulation_admin_failed", params={"command": command, "detail": done.stderr.strip()[-500:]})
        return done.stdout

    def stats(self) -> dict[str, int]:
        return dict(json.loads(self.admin("stats", "--tenant", TENANT, "--json").strip().splitlines()[-1]))


@dataclass
class Station:
    name: str
    store: Store
    day: Day
    engine: SyncEngine | None = None
    rounds: int = 0
    failures: int = 0

    def sync(self) -> bool:
        """One background round; a failure is recorded and the work goes on locally."""
        assert self.engine is not None
        try:
            self.engine.run_round()
        except SyncError:
            self.failures += 1
            return False
        self.rounds += 1
        return True


class Network:
    """Sync rounds every `SYNC_EVERY` of simulated time, and the outage: the server stopped and restarted."""

    def __init__(self, server: TenantServer, stations: list[Station], the_day: date) -> None:
        self.server = server
        self.stations = stations
        self.next_sync = datetime.combine(the_day, time(8, 0), TZ)
        self.events = [datetime.combine(the_day, t, TZ) for t in OUTAGE]
        self.outage_minutes = 0
        self.failures_during_outage = 0

    def tick(self, now: datetime) -> None:
        while True:
            event = self.events[0] if self.events else None
            if event is not None and event <= min(now, self.next_sync):
                self.events.pop(0)
                if self.server.running:
                    self.server.stop()  # the line to the data center is cut
                else:
                    self.server.start()
                    self.outage_minutes = int((OUTAGE[1].hour * 60 + OUTAGE[1].minute)
                                              - (OUTAGE[0].hour * 60 + OUTAGE[0].minute))
                continue
            if self.next_sync > now:
                return
            self.sync_all(in_outage=not self.server.running)
            self.next_sync += SYNC_EVERY

    def end_outage(self) -> None:
        if self.events:
            self.tick(self.events[-1])

    def sync_all(self, *, in_outage: bool = False) -> None:
        for station in self.stations:
            if not station.sync() and in_outage:
                self.failures_during_outage += 1


def _prepare_second_station(path: Path, passphrase: str, clock: SimClock) -> Store:
    store = create_store(path, passphrase, tenant=TENANT, site_code=SITE, site_name=SITE_NAME,
                         station_name="Station 2")
    with UnitOfWork(store, Actor.system(), clock) as uow:
        install_catalogue(uow, load_catalogue())
    for s in DEMO_STAFF:
        create_staff(store, Actor.system(), login=s.login, display_name=s.display_name, role=s.role, pin=s.pin,
                     clock=clock)
    return store


def _receive_online_delivery(store: Store, *, persons: int, the_day: date, clock: SimClock) -> None:
    """The seeded stock covers the desk's own bookings; a second delivery covers the online share
    (today's dose and the follow-up), so that stock, not the simulation, limits the follow-ups."""
    catalogue = load_catalogue()
    with UnitOfWork(store, Actor.system(), clock) as uow:
        for i, product in enumerate(catalogue.products[:2]):
            presentation = product.presentations[0]
            receive_lot(uow, product_code=product.code, lot_number=f"ONL{product.code[:3].upper()}{i + 1:03d}",
                        expiry=the_day + timedelta(days=120), gtin=presentation.gtin,
                        vials=math.ceil(2 * persons / presentation.doses_per_vial) + 5)


def _book_online(station: Station, network: Network, url: str, *, wanted: int, the_day: date,
                 rng: random.Random, clock: SimClock) -> int:
    """Persons book through the public endpoint; when the published slots lack room, station 1 first
    releases an online contingent (one slot every 30 minutes) and syncs it up."""
    endpoint = f"{url}/v1/public/{TENANT}"
    booked = 0
    with httpx.Client(timeout=15) as http:
        def free_slots() -> dict[str, int]:
            answer = http.get(f"{endpoint}/slots", params={"day": the_day.isoformat()})
            answer.raise_for_status()
            return {s["slot_id"]: s["free"] for s in answer.json()["slots"] if s["free"] > 0}

        free = free_slots()
        if sum(free.values()) < wanted:
            opens, closes = (datetime.combine(the_day, t, TZ) for t in (time(8, 0), time(18, 0)))
            with UnitOfWork(station.store, Actor.system(), clock) as uow:
                open_slots(uow, SlotPlan(site_id=station.store.identity.site_id, opens=opens, closes=closes,
                                         slot_minutes=30, capacity=math.ceil((wanted - sum(free.values())) / 20)))
            network.sync_all()
            free = free_slots()
        while booked < wanted and free:
            slot_id = rng.choice(sorted(free))
            person = random_person(rng, the_day)
            answer = http.post(f"{endpoint}/bookings", json={
                "slot_id": slot_id, "family_name": person.family_name, "given_name": person.given_name,
                "dob": str(person.dob), "email": person.email, "phone": person.phone})
            if answer.status_code == 201:
                booked += 1
                free[slot_id] -= 1
            elif answer.status_code != 409:  # 409: full after all; another slot is chosen
                answer.raise_for_status()
            if answer.status_code == 409 or free[slot_id] <= 0:
                del free[slot_id]
    return booked


def station_view(store: Store) -> dict[str, set[str]]:
    """What must agree everywhere: live persons, appointments and vaccinations (by id)."""
    with store.read() as session:
        voided = set(session.scalars(select(VaccinationVoid.vaccination_id)))
        return {
            "persons": set(session.scalars(select(Person.id).where(Person.deleted_at.is_(None)))),
            "appointments": set(session.scalars(select(Appointment.id).where(Appointment.state != "cancelled"))),
            "vaccinations": {v for v in session.scalars(select(Vaccination.id)) if v not in voided},
        }


def _outbox(store: Store) -> tuple[int, int, int]:
    """(pending, rejected, rejected without an explained reason)."""
    with store.read() as session:
        rows = session.execute(select(Outbox.state, Outbox.reason).where(Outbox.state != "applied")).all()
    pending = sum(1 for state, _ in rows if state == "pending")
    rejected = [reason or "" for state, reason in rows if state == "rejected"]
    return pending, len(rejected), sum(1 for r in rejected if not r.startswith(EXPLAINED_REJECTIONS))


def simulate_online_day(db: Path, passphrase: str, *, persons: int, seed: int | None, day: date | None = None,
                        progress: Progress | None = None) -> dict[str, Any]:
    progress = progress or Progress()
    where = paths_for(db)
    for path in (db, *where.values()):
        if path.exists():
            raise AlreadyExists(code="database_exists", params={"path": str(path)})
    rng = random.Random(seed)
    the_day = day or datetime.now(TZ).date()
    clock = SimClock(datetime.combine(the_day, time(7, 0), TZ))
    wanted_online = round(persons * ONLINE_SHARE)
    # The server lives the simulated day too: a public booking for a slot that has begun is refused, and
    # the day's slots have not begun at its 07:00, whenever the simulation runs.
    server = TenantServer(where["server"], clock_offset_s=(clock.now - datetime.now(TZ)).total_seconds())
    try:
        with contextlib.ExitStack() as stack:
            progress.update(0.0, "starting the tenant server")
            server.start()
            # One client books for all the online persons here, as a call center would: its per-client
            # booking limit is lifted in the tenant's provisioning.
            provisioning = where["server"] / "tenants.json"
            # Results by mail (issue 18): the tenant seals them with its document signer (a demo one here)
            # and queues the mails; the simulation has no mail server, so they stay queued.
            pem = create_demo_chain(now=clock.now).write_pem(where["server"] / "dsc")  # valid on the server's day
            server.admin("tenant create", "--tenant", TENANT, "--dsc-key", str(pem["dsc-key.pem"]),
                         "--dsc-cert", str(pem["dsc-cert.pem"]))
            provisioning.write_text(json.dumps({"tenants": [{"name": TENANT, "public": {
                "booking_per_client": "100/second", "lookup_per_client": "100/second",
                "mail_from": "ergebnis@simulation.example", "display_name": SITE_NAME,
                "public_url": f"{server.url}/p/{TENANT}/"}}]}))
            server.admin("tenant apply", "--file", str(provisioning))
            codes = [server.admin("enrollment-code", "--tenant", TENANT, "--site", SITE).strip().splitlines()[-1]
                     for _ in range(2)]
            progress.update(0.03, "seeding the stations")
            main = stack.enter_context(create_store(db, passphrase, tenant=TENANT, site_code=SITE,
                                                    site_name=SITE_NAME, station_name="Station 1"))
            seeded = seed_center(main, persons=persons - wanted_online, day=the_day, seed=rng.randrange(2**31),
                                 clock=clock)
            _receive_online_delivery(main, persons=wanted_online, the_day=the_day, clock=clock)
            second = stack.enter_context(_prepare_second_station(where["station2"], passphrase, clock))
            stations = []
            for name, store, code in (("Station 1", main, codes[0]), ("Station 2", second, codes[1])):
                enroll(store, server_url=server.url, code=code)
                d = Day(store=store, clock=clock, rng=rng, day=the_day, persons=persons, offline=False)
                for s in DEMO_STAFF:
                    d.staff.setdefault(s.role, authenticate(store, login=s.login, pin=s.pin, clock=clock))
                station = Station(name, store, d, engine=stack.enter_context(SyncEngine(
                    store, client_options={"retries": 2, "sleep": lambda _s: None, "timeout": 30.0},
                    **lease_policy(store))))
                stations.append(station)
            network = Network(server, stations, the_day)
            stations[0].sync()  # the seeded day reaches the server
            progress.update(0.06, "online booking")
            online = _book_online(stations[0], network, server.url, wanted=wanted_online, the_day=the_day, rng=rng,
                                  clock=clock)
            network.sync_all()  # both stations pull the day's bookings
            d1 = stations[0].day
            d1.report["persons"] = seeded["persons"] + online
            # One floor per station on the one event clock; each opens and discards only its own vials.
            events, timing = Events(clock, clock.advance_to), Timing()
            desks, booths = staff_needed(persons / len(stations) / OPENING_HOURS, timing)
            floors = []
            for station, mistakes, prefix in ((stations[0], True, "V"), (stations[1], False, "W")):
                nurses, doctors, admin = staff_floor(station.store, clock, nurses=desks, doctors=booths)
                floors.append(Floor(events, station.store, rng, nurses, doctors, admin, timing=timing,
                                    mistakes=mistakes, serial_prefix=prefix))

            def arrival(at: datetime, i: int, n: int) -> None:
                network.tick(at)
                outage = "" if server.running else " (network down)"
                progress.update(0.1 + 0.65 * i / max(n, 1), "check-in", at.astimezone(TZ).strftime("%H:%M") + outage)

            floor_step(d1, floors=floors, events=events, on_arrival=arrival)
            for station, floor in zip(stations, floors, strict=True):
                station.day.visits[:] = floor.visits  # each station books the follow-ups of its own
            network.end_outage()
            network.sync_all()
            progress.update(0.78, "follow-ups")
            follow_up_step(stations[0].day)
            network.sync_all()
            follow_up_step(stations[1].day, open_days=False)
            progress.update(0.85, "certificates")
            for station in stations:
                certificate_step(station.day, render_to=where["certificates"])
            progress.update(0.95, "final sync")
            _final_sync(stations)
            report = _report(d1, stations, network, server, online)
    finally:
        server.stop()
    progress.done()
    return report


def _final_sync(stations: list[Station], *, rounds: int = 3) -> None:
    """Each station in turn until nothing is pending anywhere and every station has pulled the others' work."""
    for _ in range(rounds):
        for station in stations:
            station.sync()
        for station in stations[:-1]:
            station.sync()
        if all(_outbox(s.store)[0] == 0 for s in stations):
            return


def _report(d1: Day, stations: list[Station], network: Network, server: TenantServer,
            online: int) -> dict[str, Any]:
    main = stations[0].store
    figures = station_stats(main)
    doses = dose_figures(main, d1.day)
    report = dict(d1.report)
    for key in ("follow_ups_booked", "follow_ups_outside_window", "follow_ups_no_capacity", "certificates_issued",
                "certificates_rendered", "test_certificates_issued"):
        report[key] = sum(int(s.day.report.get(key, 0)) for s in stations)
    views = [station_view(s.store) for s in stations]
    union = {key: set().union(*(v[key] for v in views)) for key in views[0]}
    outboxes = [_outbox(s.store) for s in stations]
    server_figures = server.stats()
    converged = (all(server_figures[key] == len(union[key]) for key in union)
                 and all(v == views[0] for v in views)
                 and sum(o[0] for o in outboxes) == 0 and sum(o[2] for o in outboxes) == 0)
    report.update(
        doses_recorded_by_booths=report["vaccinated"],
        vaccinated=doses["doses"],
        doses_wasted=(wasted := sum(stock["wasted"] for stock in figures["stock"].values())),
        waste_pct=waste_pct(wasted, doses["doses"]),
        appointments=figures["appointments"],
        overbooked_slots=max(figures["overbooked_slots"], server_figures.get("overbooked_slots", 0)),
        pending_mutations=sum(o[0] for o in outboxes),
        rejected_mutations=sum(o[1] for o in outboxes),
        offline=False,
        adverse_events=doses["adverse_events"],
        doses_by_product=doses["doses_by_product"],
        doses_by_lot=doses["doses_by_lot"],
        **test_figures_of(figures),
        stations=len(stations),
        online_bookings=online,
        outage_minutes=network.outage_minutes,
        sync_rounds=sum(s.rounds for s in stations),
        sync_failures_during_outage=network.failures_during_outage,
        server_persons=server_figures["persons"],
        server_appointments=server_figures["appointments"],
        server_vaccinations=server_figures["vaccinations"],
        server_url=server.url,
        converged=converged,
    )
    return report

