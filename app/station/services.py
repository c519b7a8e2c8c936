"""`StationServices`: every use case of one open station, bound to its store and clock, built once on
the database lane after unlock. The UI holds this object, never the store: a page asks
`services.checkin.find(actor, text)`, a write goes through `services.write(...)` and comes back with
what it changed, collected by the units of work it ran.

The use-case classes are imported and built on first use (on the database lane): the unlock and the
login screen need only the staff list, and importing every service before it would slow the start.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, overload

if TYPE_CHECKING:
    from app.services.audit import AuditRow
    from app.services.booth_outlook import BoothOutlook
    from app.services.certificates import CertificateDesk, RemoteSigner
    from app.services.checkin import CheckInDesk
    from app.services.covid_tests import TestingDesk
    from app.services.lots import Lots
    from app.services.person_corrections import PersonCorrections
    from app.services.report import DailyReport
    from app.services.scheduling import Scheduler
    from app.services.staff import StaffView
    from app.services.sync_state import (
        BookingToRebook,
        QuarantinedChange,
        RejectedMutation,
        ReviewTaskRow,
        SyncStatus,
    )
    from app.services.unit_of_work import Actor, Change, Clock
    from app.services.vaccinations import DoctorStation
    from app.services.vials import Vials
    from app.station.demo import DemoStates
    from app.station.sync_round import RoundOutcome
    from app.storage.audit import ChainCheck as ChainCheck  # the audit page names its result
    from app.storage.engine import Store

T = TypeVar("T")

# The action of the changes a sync round pulled from the server: the pages refresh, nothing is pushed.
PULLED = "sync.pulled"


@dataclass(frozen=True)
class StationInfo:
    site_name: str
    station_name: str


@dataclass(frozen=True)
class Written(Generic[T]):
    """A write's result and what it changed (entity, id, action), for the UI's "changes applied"."""

    value: T
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class SyncLists:
    """What the Sync page shows besides the status: what needs a person."""

    status: SyncStatus
    rejected: list[RejectedMutation]
    tasks: list[ReviewTaskRow]
    rebook: list[BookingToRebook]
    quarantined: list[QuarantinedChange]


class _UseCases(Generic[T]):
    """A use-case class of the station's store and clock (`CheckInDesk(store, clock=...)`), imported and
    built on first use, on the database lane, then kept on the services object as a cached_property is."""

    def __init__(self, module: str, class_name: str) -> None:
        self.module = module
        self.class_name = class_name
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, services: None, owner: type) -> _UseCases[T]: ...

    @overload
    def __get__(self, services: StationServices, owner: type) -> T: ...

    def __get__(self, services: StationServices | None, owner: type) -> _UseCases[T] | T:
        if services is None:
            return self
        use_cases: Callable[..., T] = getattr(importlib.import_module(self.module), self.class_name)  # start-up: built on first use
        built = use_cases(services.store, clock=services.clock)
        services.__dict__[self.name] = built
        return built


class StationServices:
    """The use cases of one open store. Methods run on the database lane (the sync round on the
    network lane); the object itself may be passed around on the GUI thread."""

    def __init__(self, store: Store, *, clock: Clock | None = None) -> None:
        from app.services.unit_of_work import system_clock  # start-up: built on first use

        self.store = store
        self.clock: Clock = clock or system_clock

    def with_clock(self, clock: Clock) -> StationServices:
        """The same store seen through another clock (a page under test, a simulated day)."""
        return StationServices(self.store, clock=clock)

    @property
    def db_path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    # -- writes ------------------------------------------------------------------------------------

    def write(self, fn: Callable[[], T]) -> Written[T]:
        """Run `fn` (one or more use cases) and return its result with every change its units of work
        committed. A failing `fn` raises as it would; what committed before the failure is attached as
        `error.committed_changes` so the UI can still refresh it."""
        from app.services.unit_of_work import collecting_changes  # start-up: built on first use

        with collecting_changes() as changes:
            try:
                value = fn()
            except BaseException as exc:
                with contextlib.suppress(AttributeError):  # an exception type that takes no attributes
                    exc.committed_changes = tuple(changes)  # type: ignore[attr-defined]
                raise
        return Written(value=value, changes=tuple(changes))

    # -- the use-case facades (built on first use, on the database lane) ---------------------------

    checkin: _UseCases[CheckInDesk] = _UseCases("app.services.checkin", "CheckInDesk")
    doctor: _UseCases[DoctorStation] = _UseCases("app.services.vaccinations", "DoctorStation")
    vials: _UseCases[Vials] = _UseCases("app.services.vials", "Vials")
    lots: _UseCases[Lots] = _UseCases("app.services.lots", "Lots")
    outlook: _UseCases[BoothOutlook] = _UseCases("app.services.booth_outlook", "BoothOutlook")
    scheduler: _UseCases[Scheduler] = _UseCases("app.services.scheduling", "Scheduler")
    testing: _UseCases[TestingDesk] = _UseCases("app.services.covid_tests", "TestingDesk")
    corrections: _UseCases[PersonCorrections] = _UseCases("app.services.person_corrections", "PersonCorrections")

    @cached_property
    def certificates(self) -> CertificateDesk:
        from app.services.certificates import CertificateDesk  # start-up: built on first use

        # Signs with the site signer when there is one, else through the tenant API.
        return CertificateDesk(self.store, clock=self.clock, remote_signer=self.remote_signer)

    @cached_property
    def demo(self) -> DemoStates:
        """The screenshot run's demo states (a throwaway demo database only)."""
        from app.station.demo import DemoStates  # start-up: built on first use

        return DemoStates(self)

    def remote_signer(self) -> RemoteSigner | None:
        """The tenant API's signer when this station is enrolled, else None: the one place online
        signing is wired (the certificate desk and the sync round's waiting vouchers)."""
        from sync.station.signing import online_signer  # start-up: built on first use

        return online_signer(self.store)()

    # -- the station and its staff -------------------------------------------------------------------

    def station_info(self) -> StationInfo:
        from app.services.site_service import station_names  # start-up: built on first use

        site_name, station_name = station_names(self.store)
        return StationInfo(site_name=site_name, station_name=station_name)

    def list_staff(self, *, active_only: bool = True) -> tuple[StaffView, ...]:
        from app.services.staff import list_staff  # start-up: built on first use

        return tuple(list_staff(self.store, active_only=active_only))

    def authenticate(self, *, login: str, pin: str) -> Actor:
        from app.services.staff import authenticate  # start-up: built on first use

        return authenticate(self.store, login=login, pin=pin, clock=self.clock)

    def create_staff(self, actor: Actor, *, login: str, display_name: str, role: str, pin: str) -> StaffView:
        from app.services.staff import create_staff  # start-up: built on first use

        return create_staff(self.store, actor, login=login, display_name=display_name, role=role, pin=pin,
                            clock=self.clock)

    def set_staff_role(self, actor: Actor, staff_id: str, role: str) -> None:
        from app.services.staff import set_role  # start-up: built on first use

        set_role(self.store, actor, staff_id, role, clock=self.clock)

    def reset_staff_pin(self, actor: Actor, staff_id: str, pin: str) -> None:
        from app.services.staff import reset_pin  # start-up: built on first use

        reset_pin(self.store, actor, staff_id, pin, clock=self.clock)

    def set_staff_active(self, actor: Actor, staff_id: str, active: bool) -> None:
        from app.services.staff import set_active  # start-up: built on first use

        set_active(self.store, actor, staff_id, active, clock=self.clock)

    def today(self) -> date:
        """Today at the site: the date every page opens on (not the machine's, which may be in another
        zone, or for an hour around midnight on another day)."""
        from app.services.site_service import site_today  # start-up: built on first use

        return site_today(self.store, self.clock)

    # -- audit and report ------------------------------------------------------------------------------

    def query_audit(self, actor: Actor, *, entity_id: str | None, staff_id: str | None, action_prefix: str | None,
                    days: tuple[date, date], limit: int) -> list[AuditRow]:
        """The entries from the start of `days[0]` to the end of `days[1]`, days at the site (midnight
        there, not on the machine's clock)."""
        from app.services.audit import query_audit  # start-up: built on first use
        from app.services.doses import day_range  # start-up: built on first use
        from app.services.site_service import site_zone  # start-up: built on first use

        zone = site_zone(self.store)
        since, until = day_range(days[0], zone)[0], day_range(days[1], zone)[1]
        return query_audit(self.store, actor, entity_id=entity_id, staff_id=staff_id, action_prefix=action_prefix,
                           since=since, until=until, limit=limit)

    def check_audit_chain(self, actor: Actor) -> ChainCheck:
        """Walk the whole hash chain once."""
        from app.services.audit import verify_audit  # start-up: built on first use

        return verify_audit(self.store, actor)

    def daily_report(self, actor: Actor, day: date | None = None) -> DailyReport:
        """`day`'s report; None: today at the site."""
        from app.services.report import daily_report  # start-up: built on first use

        return daily_report(self.store, actor, day, clock=self.clock)

    # -- sync ---------------------------------------------------------------------------------------

    def sync_status(self) -> SyncStatus:
        from app.services.sync_state import sync_status  # start-up: built on first use

        return sync_status(self.store)

    def sync_lists(self, actor: Actor) -> SyncLists:
        from app.services.sync_state import (  # start-up: built on first use
            bookings_to_rebook,
            quarantined_changes,
            rejected_mutations,
            review_tasks,
        )

        return SyncLists(status=self.sync_status(), rejected=rejected_mutations(self.store, actor),
                         tasks=review_tasks(self.store, actor), rebook=bookings_to_rebook(self.store, actor),
                         quarantined=quarantined_changes(self.store))

    def resolve_review_task(self, actor: Actor, task_id: str, *, note: str) -> None:
        from app.services.sync_state import resolve_review_task  # start-up: built on first use
        from app.services.unit_of_work import UnitOfWork  # start-up: built on first use

        with UnitOfWork(self.store, actor, clock=self.clock) as uow:
            resolve_review_task(uow, task_id, note=note)

    def merge_duplicate_person(self, actor: Actor, task_id: str) -> str:
        from app.services.sync_state import merge_duplicate_person  # start-up: built on first use
        from app.services.unit_of_work import UnitOfWork  # start-up: built on first use

        with UnitOfWork(self.store, actor, clock=self.clock) as uow:
            return merge_duplicate_person(uow, task_id)

    def sync_round(self, stopping: threading.Event) -> RoundOutcome | None:
        """One background round (network lane): push, pull, then sign the vouchers that waited."""
        from app.station.sync_round import run_one_round  # start-up: built on first use

        return run_one_round(self, stopping)


@dataclass(frozen=True)
class UnlockedStation:
    services: StationServices
    staff: tuple[StaffView, ...]
    info: StationInfo

    def with_staff(self, staff: tuple[StaffView, ...]) -> UnlockedStation:
        return replace(self, staff=staff)


def unlock_station(path: Path, passphrase: str) -> UnlockedStation:
    """On the database lane: open the encrypted store, build its services and read what the login page
    needs (the staff list, the station's name)."""
    from app.storage.engine import open_store  # start-up: built on first use

    services = StationServices(open_store(path, passphrase))
    try:
        return UnlockedStation(services=services, staff=services.list_staff(), info=services.station_info())
    except BaseException:
        services.close()
        raise
