"""Who may do what: the one table of every public use case and the roles allowed to run it.

The UI hides pages by role, but that is a convenience; this table is the rule. Every public method of
a use-case facade and every public function of `app.services` that takes the store has an entry here
(a test walks them all against every role), and each is decorated with `@use_case`, which refuses a
role the table does not name with `AuthError(code="role_not_allowed")` before anything runs, and audits
the refusal. A use case whose entry says `without_actor` runs before anyone logs in (the login page's
staff list, the PIN check) or reads nothing personal (stock, vials, opening hours, the trust list,
counts); it takes no actor.

Roles: `nurse`, `doctor`, `admin` are staff (`app.services.staff.ROLES`); `system` is the station itself
— the command line run by whoever holds the passphrase, the demo and the day simulation.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar, cast

from app.errors import AuthError
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.statements import driver, rows

NURSE, DOCTOR, ADMIN, SYSTEM = "nurse", "doctor", "admin", "system"
ROLES: tuple[str, ...] = (NURSE, DOCTOR, ADMIN, SYSTEM)


@dataclass(frozen=True)
class Allowed:
    roles: frozenset[str]
    without_actor: bool = False


def roles(*names: str) -> Allowed:
    unknown = set(names) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    return Allowed(frozenset(names))


OPEN = Allowed(frozenset(ROLES), without_actor=True)
DESK = roles(NURSE, DOCTOR, ADMIN, SYSTEM)            # the check-in desk (in a small center the doctor too)
CARE = roles(NURSE, DOCTOR, ADMIN, SYSTEM)            # anyone looking after the person in front of them
BOOTH = roles(DOCTOR)                                 # recording and correcting doses: a doctor, by name
CLINICAL_NOTE = roles(DOCTOR, NURSE)                  # earlier doses and adverse events
BACK_OFFICE = roles(ADMIN, SYSTEM)                    # lots, opening hours, staff, reports, exports
TESTING = roles(NURSE, DOCTOR, SYSTEM)                # taking a sample and reading it: clinical staff by name

# Keyed by "<module in app.services>.<qualified name>".
USE_CASES: dict[str, Allowed] = {
    # ---- check-in desk -------------------------------------------------------------------------
    "checkin.CheckInDesk.find": CARE,
    "checkin.CheckInDesk.find_duplicates": DESK,
    "checkin.CheckInDesk.register_walk_in": DESK,
    "checkin.CheckInDesk.start_walk_in_visit": DESK,
    "checkin.CheckInDesk.check_in": DESK,
    "checkin.CheckInDesk.open_visit": DESK,
    "checkin.CheckInDesk.record_identity": DESK,
    "checkin.CheckInDesk.record_questionnaire": CARE,
    "checkin.CheckInDesk.call_to_doctor": CARE,
    "checkin.CheckInDesk.back_to_waiting": CARE,
    "checkin.CheckInDesk.start_observation": CARE,
    "checkin.CheckInDesk.end_observation": CARE,
    "checkin.CheckInDesk.left_without_vaccination": CARE,
    "checkin.CheckInDesk.mark_no_show": DESK,
    "checkin.CheckInDesk.queue": CARE,
    "checkin.CheckInDesk.observation_board": OPEN,  # initials and times only, for the locked station
    "site_service.station_names": OPEN,  # the site's and the station's names, for the login screen
    "site_service.site_zone": OPEN,  # the site's time zone, no person
    "site_service.site_today": OPEN,  # the site's date, no person
    # ---- doctor's booth ------------------------------------------------------------------------
    "vaccinations.DoctorStation.history": CARE,
    "booth_outlook.BoothOutlook.outlook": OPEN,  # doses left in open vials and how many wait, no person
    "booth_outlook.BoothOutlook.advice": OPEN,
    "vaccinations.DoctorStation.assess": roles(DOCTOR, ADMIN, SYSTEM),
    "vaccinations.DoctorStation.record_dose": BOOTH,
    "vaccinations.DoctorStation.acknowledge_review": BOOTH,
    "vaccinations.DoctorStation.add_external_dose": CLINICAL_NOTE,
    "vaccinations.DoctorStation.void_dose": BOOTH,
    "vaccinations.DoctorStation.correct_dose": BOOTH,
    "vaccinations.DoctorStation.record_adverse_event": CLINICAL_NOTE,
    # ---- lots and vials ------------------------------------------------------------------------
    "lots.Lots.read_scan": OPEN,
    "lots.Lots.receive_scanned": BACK_OFFICE,
    "lots.Lots.receive_typed": BACK_OFFICE,
    "lots.Lots.block": BACK_OFFICE,
    "lots.Lots.get": OPEN,
    "lots.Lots.list_lots": OPEN,
    "vials.Vials.open_vial": roles(DOCTOR, ADMIN, SYSTEM),
    "vials.Vials.open_scanned": roles(DOCTOR, ADMIN, SYSTEM),
    "vials.Vials.open_vials": OPEN,
    "vials.Vials.get": OPEN,
    "vials.Vials.find_by_scan": OPEN,
    "vials.Vials.discard": roles(DOCTOR, ADMIN, SYSTEM),
    "vials.Vials.discard_open_vials": BACK_OFFICE,
    "stock.stock_by_product": OPEN,
    # ---- opening hours and follow-ups ----------------------------------------------------------
    "scheduling.Scheduler.set_opening_rule": BACK_OFFICE,
    "scheduling.Scheduler.close_day": BACK_OFFICE,
    "scheduling.Scheduler.opening_plan": OPEN,
    "scheduling.Scheduler.open_days": BACK_OFFICE,
    "scheduling.Scheduler.due_follow_ups": DESK,
    "scheduling.Scheduler.propose": CARE,
    "scheduling.Scheduler.book_follow_up": CARE,
    "scheduling.Scheduler.slip_pdf": CARE,
    "scheduling.Scheduler.cancel": DESK,
    "scheduling.Scheduler.reschedule": DESK,
    # ---- certificates --------------------------------------------------------------------------
    "certificates.CertificateDesk.install_signer": BACK_OFFICE,
    "certificates.CertificateDesk.install_signer_pkcs12": BACK_OFFICE,
    "certificates.CertificateDesk.install_demo_signer": BACK_OFFICE,
    "certificates.CertificateDesk.site_signer": CARE,
    "certificates.CertificateDesk.trusted_certificates": OPEN,
    "certificates.CertificateDesk.recent_vaccinations": CARE,
    "certificates.CertificateDesk.certificate_text": CARE,
    "certificates.CertificateDesk.review": CARE,
    "certificates.CertificateDesk.issue": CARE,
    "certificates.CertificateDesk.correct": roles(DOCTOR, ADMIN),
    "certificates.CertificateDesk.pdf": CARE,
    "certificates.CertificateDesk.issued_for": CARE,
    "certificates.CertificateDesk.configure": BACK_OFFICE,
    "certificates.CertificateDesk.signer_status": OPEN,  # whether and until when signing works, no person
    "certificates.CertificateDesk.vouchers": CARE,
    "certificates.CertificateDesk.find_voucher": CARE,
    "certificates.CertificateDesk.revoked_here": OPEN,  # a reason text for an identifier already in hand
    "certificates.CertificateDesk.issue_recovery": CARE,
    "certificates.CertificateDesk.sign_voucher": CARE,
    "certificates.CertificateDesk.sign_waiting_vouchers": CARE,
    "certificates.CertificateDesk.reissue_for_person_change": roles(NURSE, DOCTOR, ADMIN),
    "certificates.CertificateDesk.printed": CARE,
    "certificates.CertificateDesk.voucher_pdf": CARE,
    "certificates.CertificateDesk.certificates_of_person": CARE,
    "certificates.sign_waiting_vouchers": OPEN,  # the station itself, after a sync round
    # ---- tests (issue 18): nurses and doctors take samples and enter results; the admin corrects -----
    "covid_tests.TestingDesk.device_list": OPEN,  # the EU device list, no person
    "covid_tests.TestingDesk.order": TESTING,
    "covid_tests.TestingDesk.take_sample": TESTING,
    "covid_tests.TestingDesk.enter_result": TESTING,
    "covid_tests.TestingDesk.void": roles(NURSE, DOCTOR, ADMIN),
    "covid_tests.TestingDesk.get": CARE,
    "covid_tests.TestingDesk.waiting": CARE,
    "covid_tests.TestingDesk.tests_of_day": CARE,
    "certificates.CertificateDesk.issue_test": CARE,
    "certificates.CertificateDesk.review_test": CARE,
    # ---- corrections of a person's data --------------------------------------------------------
    "person_corrections.PersonCorrections.correct": roles(NURSE, ADMIN),
    # ---- staff ---------------------------------------------------------------------------------
    "staff.create_staff": BACK_OFFICE,
    "staff.list_staff": OPEN,  # the login page lists who may log in
    "staff.authenticate": OPEN,  # nobody is logged in yet
    "staff.reset_pin": BACK_OFFICE,
    "staff.set_role": BACK_OFFICE,
    "staff.set_active": BACK_OFFICE,
    # ---- audit, privacy, reports, exports ------------------------------------------------------
    "audit.query_audit": BACK_OFFICE,
    "audit.record_person_view": CARE,
    "audit.record_access": CARE,
    "audit.verify_audit": BACK_OFFICE,
    "authority_export.export_rows": BACK_OFFICE,
    "authority_export.write_authority_export": BACK_OFFICE,
    "positive_tests_export.positive_test_rows": BACK_OFFICE,
    "positive_tests_export.write_positive_tests_export": BACK_OFFICE,
    "person_import.import_persons": BACK_OFFICE,
    "privacy.export_person": BACK_OFFICE,
    "privacy.purge_personal_data": BACK_OFFICE,
    "report.daily_report": BACK_OFFICE,
    "stats.station_stats": OPEN,  # counts only
    # ---- sync ----------------------------------------------------------------------------------
    "sync_state.sync_status": OPEN,  # counts and times, shown on the login screen too
    "sync_state.rejected_mutations": CARE,
    "sync_state.review_tasks": CARE,
    "sync_state.bookings_to_rebook": CARE,
    "sync_state.quarantined_changes": OPEN,  # kinds, ids and reason codes only
    # ---- the demo (the station acting on its own; the day simulation, app/simulation, drives these) ----
    "demo.seed_center": OPEN,
}

F = TypeVar("F", bound=Callable[..., Any])


def table_key(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__.removeprefix('app.services.')}.{fn.__qualname__}"


def allowed(actor: Actor, key: str) -> bool:
    entry = USE_CASES[key]
    return entry.without_actor or actor.role in entry.roles


def use_case(fn: F) -> F:
    """Enforce the table's entry for `fn` (a missing entry fails at import, not at the desk)."""
    key = table_key(fn)
    try:
        entry = USE_CASES[key]
    except KeyError:
        raise LookupError(f"use case {key} has no entry in app/services/permissions.py") from None
    names = list(inspect.signature(fn).parameters)
    if entry.without_actor:
        if "actor" in names:
            raise TypeError(f"{key} is declared to run without an actor but takes one")
        fn.__use_case__ = key  # type: ignore[attr-defined]
        return fn
    if "actor" not in names:
        raise TypeError(f"use case {key} must take the acting staff member as 'actor'")
    actor_at = names.index("actor")
    store_at = names.index("store") if "store" in names else None

    def store_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if store_at is not None:
            return args[store_at] if len(args) > store_at else kwargs["store"]
        return args[0].store  # a facade's method: its store

    @functools.wraps(fn)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        actor = args[actor_at] if len(args) > actor_at else kwargs.get("actor")
        if not isinstance(actor, Actor) or actor.role not in entry.roles:
            _refuse(store_of(args, kwargs), actor, key)
        if actor.staff_id is not None:
            _check_session(store_of(args, kwargs), actor, key)
        return fn(*args, **kwargs)

    guarded.__use_case__ = key  # type: ignore[attr-defined]
    return cast(F, guarded)


def _check_session(store: Any, actor: Actor, key: str) -> None:
    """The role a session was logged in with is the staff row's now: an account deactivated or given
    another role while its session is still open (here, or by an admin at another station, through sync)
    acts no more until it logs in again. A staff id no row names is not a login (the station's own
    helpers, a test's on-duty name) and is taken as given."""
    # Plain SQL on the read's connection: this runs before every use case, and an ORM statement costs more
    # than the look-up (app.storage.statements).
    with store.read() as session:
        found = rows(driver(session), "SELECT active, role FROM staff WHERE id = ?", (actor.staff_id,))
    if not found or (bool(found[0][0]) and found[0][1] == actor.role):
        return
    # Its own transaction: the refusal is on record even though the use case never starts.
    with UnitOfWork(store, actor) as uow:
        uow.record(action="auth.refused", entity="use_case", entity_id=None,
                   details={"use_case": key, "role": actor.role[:16], "session": "stale"})
    raise AuthError(code="staff_session_stale", params={"use_case": key})


def _refuse(store: Any, actor: Any, key: str) -> NoReturn:
    role = actor.role if isinstance(actor, Actor) else "none"
    who = actor if isinstance(actor, Actor) else Actor(staff_id=None, role="none", display_name="?")
    # Its own transaction: the refusal is on record even though the use case never starts.
    with UnitOfWork(store, who) as uow:
        uow.record(action="auth.refused", entity="use_case", entity_id=None,
                   details={"use_case": key, "role": role[:16]})
    raise AuthError(code="role_not_allowed", params={"role": role, "use_case": key})
