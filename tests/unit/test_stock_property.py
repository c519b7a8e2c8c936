"""Stock adds up whatever happens: random receive/open/administer/discard/void sequences on a real store."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.questionnaire import Answer
from app.errors import RuleViolation, ValidationError
from app.services.catalogue import load_catalogue
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.persons import PersonInput
from app.services.products import install_catalogue
from app.services.stats import station_stats
from app.services.unit_of_work import Actor, UnitOfWork
from app.services.vaccinations import DoctorStation
from app.services.vials import DISCARD_REASONS, Vials
from app.storage.engine import Store, create_store
from app.storage.schema import AuditLog, Lot, Vaccination, VaccinationVoid
from tests.conftest import PASSPHRASE, ManualClock, heavy_examples

CATALOGUE = load_catalogue()
PRODUCTS = ("comirnaty", "nuvaxovid")
DOCTOR = Actor(staff_id=None, role="doctor", display_name="Dr. Test")
NURSE = Actor(staff_id=None, role="nurse", display_name="Nurse Test")
ADMIN = Actor(staff_id=None, role="admin", display_name="Admin Test")
START = datetime(2030, 5, 6, 6, 0, tzinfo=UTC)
ANSWERS = {q: Answer(yes=False) for q in (
    "acute_illness", "allergies", "earlier_reaction", "anticoagulation", "pregnancy", "immunosuppression",
    "earlier_vaccinations", "earlier_infection")} | {"consent": Answer(yes=True)}

operations = st.lists(
    st.one_of(
        st.tuples(st.just("receive"), st.sampled_from(PRODUCTS), st.integers(1, 2)),
        st.tuples(st.just("open"), st.integers(0, 5)),
        st.tuples(st.just("administer"), st.integers(0, 5)),
        st.tuples(st.just("administer"), st.integers(0, 5)),
        st.tuples(st.just("discard"), st.integers(0, 5), st.sampled_from(DISCARD_REASONS)),
        st.tuples(st.just("void"), st.integers(0, 20)),
        st.tuples(st.just("advance"), st.integers(0, 7 * 60)),
    ),
    min_size=1,
    max_size=25,
)


def _name(n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "Anna" + letters[n % 26] + letters[(n // 26) % 26]


def _audit_rows(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditLog)) or 0)


def _check_figures(store: Store) -> None:
    figures = station_stats(store)
    administered_total = 0
    for product, f in figures["stock"].items():
        assert f["received"] == f["administered"] + f["wasted"] + f["remaining"], (product, f)
        assert f["remaining"] >= 0 and f["administered"] >= 0 and f["wasted"] >= 0, (product, f)
        administered_total += f["administered"]
    with store.read() as s:
        given_here = s.scalar(
            select(func.count()).select_from(Vaccination)
            .where(Vaccination.lot_id.in_(select(Lot.id)),
                   ~Vaccination.id.in_(select(VaccinationVoid.vaccination_id)))
        )
    assert administered_total == given_here == figures["vaccinations"]


def _run(store: Store, ops: list[tuple[Any, ...]]) -> None:
    clock = ManualClock(START)
    lots, vials = Lots(store, clock=clock, catalogue=CATALOGUE), Vials(store, clock=clock, catalogue=CATALOGUE)
    desk, doctor = CheckInDesk(store, clock=clock), DoctorStation(store, clock=clock, catalogue=CATALOGUE)
    lot_ids: list[str] = []
    vial_ids: list[str] = []
    doses: list[str] = []
    people = 0
    for op in ops:
        before = _audit_rows(store)
        try:
            if op[0] == "receive":
                lot_ids.append(lots.receive_typed(ADMIN, product_code=op[1], lot_number=f"L{len(lot_ids)}",
                                                  expiry=date(2031, 1, 31), vials=op[2]).lot_id)
            elif op[0] == "open" and lot_ids:
                lot = lots.get(lot_ids[op[1] % len(lot_ids)])
                thawed = clock.now - timedelta(days=1) if lot.product_code == "comirnaty" else None
                vial_ids.append(vials.open_vial(DOCTOR, lot.lot_id, thawed_at=thawed).vial_id)
            elif op[0] == "administer" and vial_ids:
                people += 1
                _, visit = desk.register_walk_in(
                    NURSE, PersonInput(family_name="Weber", given_name=_name(people), dob="1970-01-01"),
                    confirm_new=True)
                desk.record_identity(NURSE, visit, "id_card")
                desk.record_questionnaire(NURSE, visit, ANSWERS)
                desk.call_to_doctor(NURSE, visit)
                doses.append(doctor.record_dose(DOCTOR, visit, vial_id=vial_ids[op[1] % len(vial_ids)],
                                                injection_site="left_deltoid").vaccination_id)
            elif op[0] == "discard" and vial_ids:
                vials.discard(DOCTOR, vial_ids[op[1] % len(vial_ids)], reason=op[2])
            elif op[0] == "void" and doses:
                doctor.void_dose(DOCTOR, doses[op[1] % len(doses)], reason="property test")
            elif op[0] == "advance":
                clock.now += timedelta(minutes=op[1])
        except (RuleViolation, ValidationError):
            # A refused use case writes nothing, not even an audit row; earlier steps of the same
            # op (the walk-in) are their own use cases and stay.
            if op[0] != "administer":
                assert _audit_rows(store) == before
        _check_figures(store)
        for vial_id in vial_ids:
            row = vials.get(vial_id)
            assert 0 <= row.doses_drawn <= row.max_doses


@contextlib.contextmanager
def _fresh_store() -> Iterator[Store]:
    # One store per example: Hypothesis shrinks a failing sequence only if examples don't share state.
    with tempfile.TemporaryDirectory() as folder, create_store(
        Path(folder) / "s.db", PASSPHRASE, tenant="t", site_code="s"
    ) as store:
        with UnitOfWork(store, Actor.system()) as uow:
            install_catalogue(uow, CATALOGUE)
        yield store


@settings(max_examples=heavy_examples(ci=25, nightly=500), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_stock_always_adds_up(ops: list[tuple[Any, ...]]) -> None:
    with _fresh_store() as store:
        _run(store, ops)


def test_a_long_day_adds_up() -> None:
    """A fixed heavy sequence: every vial emptied, some doses voided, the rest discarded."""
    ops: list[tuple[Any, ...]] = [("receive", "comirnaty", 2), ("receive", "nuvaxovid", 1), ("open", 0), ("open", 1)]
    ops += [("administer", i % 2) for i in range(18)]
    ops += [("void", 0), ("void", 3), ("advance", 400), ("administer", 0), ("open", 0), ("administer", 2)]
    ops += [("discard", i, "unused_end_of_day") for i in range(3)]
    with _fresh_store() as store:
        _run(store, ops)
        figures = station_stats(store)["stock"]
    # Comirnaty gives its 6 doses (3 more refused: empty), Nuvaxovid 9 of 10; two doses are voided
    # and go back into their vials; the expired first vial is refused, a fresh one gives one more.
    assert (figures["comirnaty"]["administered"], figures["nuvaxovid"]["administered"]) == (5 + 1, 8)
    # At the end of the day: 1 + 5 Comirnaty doses and 2 Nuvaxovid doses left in the bin.
    assert (figures["comirnaty"]["wasted"], figures["nuvaxovid"]["wasted"]) == (6, 2)
    assert (figures["comirnaty"]["remaining"], figures["nuvaxovid"]["remaining"]) == (0, 0)
