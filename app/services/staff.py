"""Staff accounts: create, list, and log in with a PIN (argon2-hashed, locked out after repeated failures)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app.errors import AuthError, ValidationError
from app.services.permissions import use_case
from app.services.rows import get_row
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import Store
from app.storage.schema import Staff

ROLES = ("nurse", "doctor", "admin")
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
_STAFF_NAMESPACE = uuid.UUID("6f1d2a52-3c0e-5b7e-9a51-7d8e0c4b2f10")
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)  # OWASP minimum for argon2id
_TRIVIAL = {"0000", "1111", "1234", "12345", "123456", "4321", "0123"}


@dataclass(frozen=True)
class StaffView:
    id: str
    login: str
    display_name: str
    role: str
    active: bool


def staff_id_for(tenant: str, login: str) -> str:
    """One account per login in the tenant, on every station: its id is derived from both, so the same
    login set up at two desks while offline is the same account when they sync."""
    return str(uuid.uuid5(_STAFF_NAMESPACE, f"{tenant}\x1f{login}"))


def _view(s: Staff) -> StaffView:
    return StaffView(id=s.id, login=s.login, display_name=s.display_name, role=s.role, active=s.active)


def validate_pin(pin: str) -> None:
    if not re.fullmatch(r"[0-9]{4,12}", pin):
        raise ValidationError(code="pin_format", field="pin")
    if pin in _TRIVIAL or len(set(pin)) == 1:
        raise ValidationError(code="pin_trivial", field="pin")


@use_case
def create_staff(
    store: Store, actor: Actor, *, login: str, display_name: str, role: str, pin: str, clock: Clock = system_clock
) -> StaffView:
    login = login.strip().lower()
    display_name = display_name.strip()
    if not re.fullmatch(r"[a-z][a-z0-9._-]{1,31}", login):
        raise ValidationError(code="login_format", field="login")
    if not display_name or len(display_name) > 100 or not display_name.isprintable():
        raise ValidationError(code="staff_name_invalid", field="display_name")
    if role not in ROLES:
        raise ValidationError(code="role_unknown", params={"role": role, "roles": ", ".join(ROLES)}, field="role")
    validate_pin(pin)
    with UnitOfWork(store, actor, clock) as uow:
        if uow.session.scalars(select(Staff.id).where(Staff.login == login)).first():
            raise ValidationError(code="login_taken", params={"login": login}, field="login")
        staff = Staff(
            id=staff_id_for(store.identity.tenant, login),
            login=login,
            display_name=display_name,
            role=role,
            pin_hash=_hasher.hash(pin),
            active=True,
            failed_attempts=0,
            created_at=uow.now,
        )
        uow.insert(staff, action="staff.created", details={"role": role})
        return _view(staff)


@use_case
def list_staff(store: Store, *, active_only: bool = True) -> list[StaffView]:
    with store.read() as session:
        query = select(Staff).order_by(Staff.display_name)
        if active_only:
            query = query.where(Staff.active.is_(True))
        return [_view(s) for s in session.scalars(query)]


@use_case
def authenticate(store: Store, *, login: str, pin: str, clock: Clock = system_clock) -> Actor:
    """Check a PIN. Failures are counted and audited; after five the account rests for five minutes."""
    login = login.strip().lower()
    with UnitOfWork(store, Actor.system(), clock) as uow:
        staff = uow.session.scalars(select(Staff).where(Staff.login == login)).first()
        if staff is None or not staff.active:
            # Same message as a wrong PIN: do not tell a passer-by which logins exist.
            uow.record(action="staff.login_failed", entity="staff", entity_id=None, details={"reason": "unknown"})
            failure = AuthError(code="staff_login_failed")
        elif staff.locked_until is not None and staff.locked_until > uow.now:
            minutes = max(1, int((staff.locked_until - uow.now).total_seconds() // 60) + 1)
            failure = AuthError(code="staff_locked_out", params={"minutes": minutes})
        else:
            try:
                _hasher.verify(staff.pin_hash, pin)
            except (VerificationError, InvalidHashError):
                staff.failed_attempts += 1
                if staff.failed_attempts >= MAX_FAILED_ATTEMPTS:
                    staff.locked_until = uow.now + LOCKOUT
                    staff.failed_attempts = 0
                    # The lock-out travels (an attacker cannot move to the next desk); the count does not.
                    uow.record(action="staff.locked", entity="staff", entity_id=staff.id, payload={})
                uow.record(action="staff.login_failed", entity="staff", entity_id=staff.id)
                failure = AuthError(code="staff_login_failed")
            else:
                # A lock-out that has run out stays as it is: clearing it here would be a synced change
                # for every login. An admin's PIN reset lifts one early.
                staff.failed_attempts = 0
                uow.record(action="staff.login", entity="staff", entity_id=staff.id)
                return Actor(staff_id=staff.id, role=staff.role, display_name=staff.display_name)
    # Raised after the block so the failure count and its audit row are committed, not rolled back.
    raise failure


def _staff(uow: UnitOfWork, staff_id: str) -> Staff:
    staff = get_row(uow.session, Staff, staff_id, code="staff_not_found")
    return staff


@use_case
def reset_pin(store: Store, actor: Actor, staff_id: str, new_pin: str, *, clock: Clock = system_clock) -> None:
    """An admin sets a new PIN; it also lifts a lock-out."""
    validate_pin(new_pin)
    with UnitOfWork(store, actor, clock) as uow:
        staff = _staff(uow, staff_id)
        staff.pin_hash = _hasher.hash(new_pin)
        staff.failed_attempts = 0
        staff.locked_until = None
        uow.record(action="staff.pin_reset", entity="staff", entity_id=staff.id, payload={})


@use_case
def set_role(store: Store, actor: Actor, staff_id: str, role: str, *, clock: Clock = system_clock) -> None:
    if role not in ROLES:
        raise ValidationError(code="role_unknown", params={"role": role, "roles": ", ".join(ROLES)}, field="role")
    with UnitOfWork(store, actor, clock) as uow:
        staff = _staff(uow, staff_id)
        if staff.id == actor.staff_id and role != "admin":
            raise ValidationError(code="staff_own_admin_role", field="role")
        old, staff.role = staff.role, role
        uow.record(action="staff.role_changed", entity="staff", entity_id=staff.id, payload={},
                   details={"from": old, "to": role})


@use_case
def set_active(store: Store, actor: Actor, staff_id: str, active: bool, *, clock: Clock = system_clock) -> None:
    """Deactivate (leaves the history intact; the person can no longer log in) or reactivate."""
    with UnitOfWork(store, actor, clock) as uow:
        staff = _staff(uow, staff_id)
        if staff.id == actor.staff_id and not active:
            raise ValidationError(code="staff_deactivate_self")
        if not active and staff.role == "admin":
            admins = uow.session.scalars(
                select(Staff.id).where(Staff.role == "admin", Staff.active.is_(True), Staff.id != staff.id)
            ).first()
            if admins is None:
                raise ValidationError(code="staff_last_admin")
        staff.active = active
        uow.record(action="staff.activated" if active else "staff.deactivated", entity="staff", entity_id=staff.id,
                   payload={})
