"""The report of positive SARS-CoV-2 results to the health authority: one record per positive test
sampled here on a day (voided tests left out), by name, as the notification duty requires (in Germany
§§ 6, 7, 8 IfSG: the person's name, date of birth, address and contact, the finding and the sample).
The format is a data file, resources/exports/positive_<country>.json, like the vaccination export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.services.audit import record_access
from app.services.authority_export import load_format, write_day_export
from app.services.covid_tests import device_catalogue
from app.services.doses import day_range
from app.services.permissions import use_case
from app.services.unit_of_work import Actor
from app.storage.engine import Store
from app.storage.output import refuse_existing
from app.storage.schema import CovidTest, Person, Site

FIELDS = frozenset({"date", "sampled_at", "resulted_at", "test_type", "device_id", "device_name", "lab_name",
                    "sample_id", "result", "pathogen", "family_name", "given_name", "dob", "sex", "street",
                    "postcode", "city", "country", "phone", "email", "site_code", "site_name", "test_id"})
PATHOGEN = "SARS-CoV-2"


@use_case
def positive_test_rows(store: Store, actor: Actor, day: date) -> list[dict[str, Any]]:
    """The positive tests sampled at this site on `day` (site-local), oldest first; the read is audited
    with every person it names."""
    devices = device_catalogue().devices
    with store.read() as session:
        site = session.get(Site, store.identity.site_id)
        assert site is not None
        tz = ZoneInfo(site.timezone)
        start, end = day_range(day, tz)
        found = session.execute(
            select(CovidTest, Person).join(Person, Person.id == CovidTest.person_id)
            .where(CovidTest.site_id == site.id, CovidTest.result == "positive", CovidTest.voided_at.is_(None),
                   CovidTest.sampled_at >= start, CovidTest.sampled_at < end)
            .order_by(CovidTest.sampled_at)).all()
        rows = []
        for test, person in found:
            assert test.sampled_at is not None and test.resulted_at is not None
            device = devices.get(test.device_id or "")
            rows.append({
                "date": test.sampled_at.astimezone(tz).date().isoformat(),
                "sampled_at": test.sampled_at.astimezone(tz).isoformat(timespec="minutes"),
                "resulted_at": test.resulted_at.astimezone(tz).isoformat(timespec="minutes"),
                "test_type": test.test_type, "device_id": test.device_id or "",
                "device_name": device.name if device else "", "lab_name": test.lab_name or "",
                "sample_id": test.sample_id or "", "result": "positive", "pathogen": PATHOGEN,
                "family_name": person.family_name, "given_name": person.given_name, "dob": person.dob,
                "sex": person.sex or "", "street": person.street or "", "postcode": person.postcode or "",
                "city": person.city or "", "country": person.country or "", "phone": person.phone or "",
                "email": person.email or "", "site_code": site.code, "site_name": site.name, "test_id": test.id,
            })
    record_access(store, actor, action="export.positive_tests_read", entity="covid_test", entity_id=None,
                  persons=sorted({r.id for _, r in found}), details={"date": day.isoformat()})
    return rows


@use_case
def write_positive_tests_export(store: Store, actor: Actor, day: date, out: Path, *, country: str = "de",
                                force: bool = False) -> int:
    """Write the day's positive results in the country's reporting format; returns the number of records."""
    refuse_existing(out, force=force)
    fmt = load_format(country, prefix="positive_", fields=FIELDS)
    return write_day_export(out, positive_test_rows(store, actor, day), fmt=fmt, store=store, actor=actor,
                            action="export.positive_tests", day=day, country=country, force=force)
