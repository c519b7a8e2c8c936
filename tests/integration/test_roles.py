"""Roles are enforced in the services, not only in the UI: every public use case of `app.services`
has an entry in the one table (`app/services/permissions.py`), and a walk over every use case × every
role against a real SQLCipher station checks that the guard refuses exactly the roles the table does
not name — audited, before anything is written — and lets the others through."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

import app.services
from app.errors import AuthError
from app.services import permissions
from app.services.certificates import CertificateDesk
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.scheduling import OpeningPlanInput, Scheduler
from app.services.site_service import SiteService
from app.services.staff import authenticate, create_staff, list_staff, set_active, set_role
from app.services.unit_of_work import Actor
from app.services.vials import Vials
from app.storage.engine import Store, create_store
from app.storage.schema import AuditLog, Lot, Outbox, Staff
from tests.conftest import PASSPHRASE

# Modules of app.services that hold no use cases: the unit of work and the role table themselves.
NOT_USE_CASE_MODULES = {"app.services.unit_of_work", "app.services.permissions"}


def _facade(cls: type) -> bool:
    if issubclass(cls, SiteService):
        return True
    params = list(inspect.signature(cls.__init__).parameters)
    return params[1:2] == ["store"] and not getattr(cls, "__dataclass_fields__", None)


def discovered() -> dict[str, tuple[type | None, Callable[..., Any]]]:
    """Every public use case: module functions taking the store first, and the public methods of the
    facades (classes built on the store)."""
    found: dict[str, tuple[type | None, Callable[..., Any]]] = {}
    for info in pkgutil.iter_modules(app.services.__path__, "app.services."):
        if info.name in NOT_USE_CASE_MODULES:
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) and list(inspect.signature(obj).parameters)[:1] == ["store"]:
                found[permissions.table_key(obj)] = (None, obj)
            elif inspect.isclass(obj) and _facade(obj):
                for attr, member in vars(obj).items():
                    if attr.startswith("_") or not inspect.isfunction(member):
                        continue  # properties, static and class methods are not use cases
                    found[permissions.table_key(member)] = (obj, member)
    return found


def test_every_public_use_case_has_an_entry_and_every_entry_a_use_case() -> None:
    use_cases = discovered()
    assert len(use_cases) > 60
    assert sorted(set(use_cases) - set(permissions.USE_CASES)) == []  # no use case without an entry
    assert sorted(set(permissions.USE_CASES) - set(use_cases)) == []  # no entry without a use case
    for key, (_, fn) in use_cases.items():
        assert getattr(fn, "__use_case__", None) == key, f"{key} is not decorated with @use_case"
        takes_actor = "actor" in inspect.signature(fn).parameters
        assert takes_actor != permissions.USE_CASES[key].without_actor, key


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from app.services.catalogue import load_catalogue
    from app.services.demo import seed_center

    path = tmp_path_factory.mktemp("roles") / "station.db"
    with create_store(path, PASSPHRASE, tenant="t-test", site_code="site-a") as store:
        seed_center(store, persons=4, seed=8)
        load_catalogue()
        yield store


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as session:
        audit = session.scalar(select(func.count()).select_from(AuditLog)) or 0
        outbox = session.scalar(select(func.count()).select_from(Outbox)) or 0
        lots = session.scalar(select(func.count()).select_from(Lot)) or 0
    return int(audit), int(outbox), int(lots)


def _last_audit(store: Store) -> AuditLog:
    with store.read() as session:
        return session.scalars(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).one()


GUARDED = sorted(k for k, v in permissions.USE_CASES.items() if not v.without_actor)


@pytest.mark.parametrize("key", GUARDED)
def test_each_use_case_refuses_exactly_the_roles_the_table_leaves_out(station: Store, key: str) -> None:
    owner, fn = discovered()[key]
    target: Any = owner(station) if owner is not None else None
    allowed = permissions.USE_CASES[key].roles
    for role in permissions.ROLES:
        actor = Actor(staff_id=None, role=role, display_name=f"a {role}")
        # Only the actor is given: a refused role must be stopped before the missing arguments matter.
        args: tuple[Any, ...] = (target, actor) if owner is not None else (station, actor)
        before = _counts(station)
        try:
            fn(*args)
        except AuthError as refusal:
            assert role not in allowed, f"{key} refused a {role}, which the table allows"
            assert refusal.code == "role_not_allowed" and refusal.params["use_case"] == key
            audit, outbox, lots = _counts(station)
            assert (audit, outbox, lots) == (before[0] + 1, before[1], before[2])  # only the refusal, audited
            entry = _last_audit(station)
            assert (entry.action, entry.details) == ("auth.refused", {"use_case": key, "role": role})
        except Exception:
            assert role in allowed, f"{key} let a {role} through, which the table does not allow"
        else:
            assert role in allowed, f"{key} ran for a {role}, which the table does not allow"


def test_an_unknown_role_or_no_actor_is_refused(station: Store) -> None:
    intruder = Actor(staff_id=None, role="superuser", display_name="?")
    with pytest.raises(AuthError):
        Lots(station).block(intruder, "x", reason="recall")
    with pytest.raises(AuthError):
        Lots(station).block(None, "x", reason="recall")  # type: ignore[arg-type]


def test_what_a_nurse_could_do_before_is_refused_and_on_record(station: Store) -> None:
    """The findings of the issue, each with a real call: a nurse through the service layer."""
    nurse_row = create_staff(station, Actor.system(), login="n.roles", display_name="Nina Nurse", role="nurse",
                             pin="4711")
    nurse = Actor(staff_id=nurse_row.id, role="nurse", display_name="Nina Nurse")
    lot = Lots(station).list_lots()[0]
    attempts: list[Callable[[], object]] = [
        lambda: create_staff(station, nurse, login="evil", display_name="Evil Admin", role="admin", pin="8264"),
        lambda: Lots(station).receive_typed(nurse, product_code="comirnaty", lot_number="FAKE1",
                                            expiry=date(2031, 1, 31), vials=10),
        lambda: Lots(station).block(nurse, lot.lot_id, reason="because I can"),
        lambda: Vials(station).discard_open_vials(nurse),
        lambda: Scheduler(station).set_opening_rule(nurse, OpeningPlanInput(
            weekday=6, opens="08:00", closes="20:00", slot_minutes=5, stations=9, capacity_per_station=9,
            products=("comirnaty",), valid_from=date(2031, 1, 1))),
        lambda: CertificateDesk(station).install_demo_signer(nurse),
    ]
    for attempt in attempts:
        before = _counts(station)
        with pytest.raises(AuthError) as refusal:
            attempt()
        assert refusal.value.code == "role_not_allowed"
        assert _counts(station)[1:] == before[1:]
        entry = _last_audit(station)
        assert entry.action == "auth.refused" and entry.staff_id == nurse.staff_id
    assert "evil" not in {s.login for s in list_staff(station, active_only=False)}
    with station.read() as session:
        assert session.scalar(select(func.count()).select_from(Staff).where(Staff.role == "admin")) == 1
        assert not Lots(station).get(lot.lot_id).blocked


def test_a_session_acts_no_more_once_its_account_is_deactivated_or_given_another_role(station: Store) -> None:
    """The admin deactivates a nurse who left, and demotes a doctor, while both are still logged in at
    their stations: their open sessions may not search persons or open a vial any more (on record, nothing
    else written), and a new login acts with the new role."""
    boss = create_staff(station, Actor.system(), login="a.stale", display_name="Ada Admin", role="admin", pin="5821")
    admin = authenticate(station, login="a.stale", pin="5821")
    create_staff(station, admin, login="n.stale", display_name="Nora Nurse", role="nurse", pin="4711")
    create_staff(station, admin, login="d.stale", display_name="Dirk Doctor", role="doctor", pin="3906")
    nurse = authenticate(station, login="n.stale", pin="4711")
    doctor = authenticate(station, login="d.stale", pin="3906")
    assert CheckInDesk(station).find(nurse, "Mustermann").query_kind.value == "name"

    set_active(station, admin, str(nurse.staff_id), False)
    set_role(station, admin, str(doctor.staff_id), "nurse")
    lot = Lots(station).list_lots()[0]
    attempts: list[tuple[Actor, Callable[[], object]]] = [
        (nurse, lambda: CheckInDesk(station).find(nurse, "Mustermann")),
        (doctor, lambda: Vials(station).open_vial(doctor, lot.lot_id)),
    ]
    for who, attempt in attempts:
        before = _counts(station)
        with pytest.raises(AuthError) as refusal:
            attempt()
        assert refusal.value.code == "staff_session_stale"
        assert _counts(station) == (before[0] + 1, *before[1:])  # only the refusal, on record
        entry = _last_audit(station)
        assert entry.action == "auth.refused" and entry.staff_id == who.staff_id

    with pytest.raises(AuthError):
        authenticate(station, login="n.stale", pin="4711")
    demoted = authenticate(station, login="d.stale", pin="3906")
    assert demoted.role == "nurse"
    assert CheckInDesk(station).find(demoted, "Mustermann").query_kind.value == "name"
    with pytest.raises(AuthError) as refusal:
        Vials(station).open_vial(demoted, lot.lot_id)
    assert refusal.value.code == "role_not_allowed"
    assert boss.role == "admin"
