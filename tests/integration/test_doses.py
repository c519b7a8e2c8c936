"""One definition of the doses given here (`app.services.doses`): what it counts and what it leaves out,
on a real store, with every reader (stats, report, export, stock, lots) agreeing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from app.services.authority_export import export_rows
from app.services.doses import doses_on
from app.services.report import daily_report
from app.services.stats import station_stats
from app.services.unit_of_work import Actor
from app.storage.engine import Store
from app.storage.schema import Site, Vaccination
from tests.integration.test_vaccinations import ADMIN, DOCTOR, TODAY, Center

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def c(store: Store) -> Center:
    return Center(store)


def _everyone(c: Center, day: date) -> dict[str, int]:
    stats = station_stats(c.store)
    with c.store.read() as session:
        defined = doses_on(session, c.store.identity.site_id, day=day, tz=BERLIN)
    return {
        "definition": defined,
        "report": daily_report(c.store, Actor.system(), day).total_doses,
        "export": len(export_rows(c.store, ADMIN, day)),
        "stats": stats["vaccinations"],
        "stock": sum(f["administered"] for f in stats["stock"].values()),
        "lots": sum(row.administered for row in c.lots.list_lots(include_used_up=True)),
    }


def test_voids_corrections_and_records_from_elsewhere(c: Center) -> None:
    vial = c.open("comirnaty")
    kept = c.dose(c.person(), vial)
    voided = c.dose(c.person(), vial)
    corrected = c.dose(c.person(), vial)
    c.doctor.void_dose(DOCTOR, voided.vaccination_id, reason="recorded for the wrong person")
    # A correction voids the record and writes the right one: the dose counts once.
    other_vial = c.open("comirnaty")
    c.doctor.correct_dose(DOCTOR, corrected.vaccination_id, reason="wrong vial scanned", vial_id=other_vial.vial_id)
    c.external(c.person(), "comirnaty", days_ago=0)  # entered today from a card: given elsewhere
    assert set(_everyone(c, TODAY).values()) == {2}
    assert station_stats(c.store)["external_vaccinations"] == 1
    assert kept.vaccination_id


def test_a_dose_late_in_the_evening_counts_on_its_local_day(c: Center) -> None:
    c.clock.now = datetime(2030, 5, 6, 21, 40, tzinfo=UTC)  # 23:40 on the 6th in Berlin
    c.dose(c.person(), c.open("comirnaty"))
    c.clock.now = datetime(2030, 5, 6, 22, 20, tzinfo=UTC)  # still the 6th in UTC, 00:20 on the 7th in Berlin
    c.dose(c.person(), c.open("comirnaty"))
    assert _everyone(c, TODAY)["definition"] == _everyone(c, TODAY)["report"] == 1
    assert _everyone(c, TODAY + timedelta(days=1))["export"] == 1


def test_a_dose_synced_from_another_site_is_not_given_here(store: Store, c: Center) -> None:
    vial = c.open("comirnaty")
    c.dose(c.person(), vial)
    other = "0190a3c0-0000-7000-8000-0000000000aa"
    person = c.person()
    with store.write() as session:  # as sync applies a dose recorded at the tenant's other site
        session.add(Site(id=other, tenant="t-test", code="site-b", name="Halle 7"))
        session.flush()
        session.execute(insert(Vaccination), [{
            "id": "0190a3c0-0000-7000-8000-00000000dose", "person_id": person, "site_id": other,
            "product_code": "comirnaty", "given_at": c.clock.now, "dose_number": 1, "series_doses": 2,
            "external": False, "country": "DE", "recorded_at": c.clock.now}])
    counts = _everyone(c, TODAY)
    assert counts["definition"] == counts["report"] == counts["export"] == counts["stats"] == 1
