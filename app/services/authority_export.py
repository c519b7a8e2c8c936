"""The daily vaccination record export for health authorities. The format (columns, codes,
delimiter) is a data file in resources/exports/, so another country's format is a file, not code."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.spreadsheet import SafeCsvWriter
from app.errors import CatalogueError, ValidationError
from app.resources import resource
from app.services.catalogue import load_catalogue
from app.services.doses import given_here
from app.services.permissions import use_case
from app.services.report import age_on
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.output import refuse_existing, write_output_file
from app.storage.schema import Lot, Meta, Person, Product, Site, Vaccination, VaccinationVoid

FIELDS = frozenset({"date", "site_code", "product_code", "product_name", "product_mp", "lot", "series_status",
                    "dose_number", "series_doses", "pseudonym", "age", "sex", "postcode", "indication"})
_PSEUDONYM_KEY = "export_pseudonym_key"


@dataclass(frozen=True)
class ExportFormat:
    name: str
    delimiter: str
    columns: tuple[dict[str, Any], ...]


def load_format(country: str, *, prefix: str = "", fields: frozenset[str] = FIELDS) -> ExportFormat:
    """`resources/exports/<prefix><country>.json`, its columns checked against the record's `fields`."""
    path = resource("exports", f"{prefix}{country.lower()}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(code="export_format_unknown", params={"country": country, "file": path.name},
                              field="country") from None
    except (OSError, ValueError) as exc:
        raise CatalogueError(code="export_format_unreadable", params={"file": path.name, "detail": str(exc)}) from None
    columns = tuple(data.get("columns", ()))
    bad = [c.get("field") for c in columns if c.get("field") not in fields or not c.get("header")]
    if not columns or bad:
        raise CatalogueError(code="export_format_fields", params={
            "file": path.name, "fields": str(bad), "known": str(sorted(fields))})
    return ExportFormat(str(data.get("name", country)), str(data.get("delimiter", ",")), columns)


def _pseudonym_key(store: Store, actor: Actor) -> bytes:
    with store.read() as session:
        row = session.get(Meta, _PSEUDONYM_KEY)
    if row is not None:
        return bytes.fromhex(row.value)
    with UnitOfWork(store, actor) as uow:
        row = uow.session.get(Meta, _PSEUDONYM_KEY)
        if row is None:
            row = Meta(key=_PSEUDONYM_KEY, value=secrets.token_hex(32))
            uow.session.add(row)
            uow.record(action="export.pseudonym_key_created", entity="station", entity_id=None)
        return bytes.fromhex(row.value)


@use_case
def export_rows(store: Store, actor: Actor, day: date) -> list[dict[str, Any]]:
    """One record per dose given here that day (voided doses left out), personal data pseudonymised."""
    key = _pseudonym_key(store, actor)
    catalogue = load_catalogue()
    with store.read() as session:
        site = session.get(Site, store.identity.site_id)
        assert site is not None
        rows = session.execute(
            select(Vaccination, Person, Product, Lot.lot_number)
            .join(Person, Person.id == Vaccination.person_id)
            .join(Product, Product.code == Vaccination.product_code)
            .outerjoin(Lot, Lot.id == Vaccination.lot_id)
            .where(given_here(site.id, day=day, tz=ZoneInfo(site.timezone)))
            .order_by(Vaccination.given_at)
        ).all()
        primaries = _primary_series(session, {person.id for _, person, _, _ in rows})
    out = []
    for v, person, product, lot in rows:
        known = catalogue.find(product.code)
        # The primary series is the person's, set by their first dose (2 after Comirnaty, 1 after Jcovden
        # or a documented infection), not by the product given today: Comirnaty 2/1 after Jcovden is a booster.
        primary = primaries.get(person.id) or (known.primary_doses if known else v.series_doses)
        status = "booster" if v.dose_number > primary else "completed" if v.dose_number == primary else "started"
        age = age_on(person.dob, day)
        out.append({
            "date": day.isoformat(), "site_code": site.code, "product_code": product.code,
            "product_name": product.name, "product_mp": product.mp, "lot": lot or "",
            "series_status": status, "dose_number": v.dose_number, "series_doses": v.series_doses,
            "pseudonym": hmac.new(key, person.id.encode(), hashlib.sha256).hexdigest()[:20],
            "age": age, "sex": person.sex or "", "postcode": (person.postcode or "")[:5],
            # The station records no occupational or medical indication; age is the one it knows.
            "indication": "age" if age >= 60 else "",
        })
    return out


def _primary_series(session: Session, person_ids: set[str]) -> dict[str, int]:
    """Per person, `sd` of their first valid dose (here or entered from elsewhere): the length of the
    primary series every later dose is numbered against (EU: 1/1 then 2/1, or 1/2, 2/2 then 3/3)."""
    first: dict[str, tuple[datetime, int]] = {}
    rows = session.execute(
        select(Vaccination.person_id, Vaccination.given_at, Vaccination.series_doses, Vaccination.dose_number)
        .where(Vaccination.person_id.in_(person_ids), Vaccination.id.not_in(select(VaccinationVoid.vaccination_id)))
    ).all()
    for person_id, given_at, series_doses, dose_number in rows:
        if dose_number == 1 and (person_id not in first or given_at < first[person_id][0]):
            first[person_id] = (given_at, series_doses)
    return {person_id: sd for person_id, (_, sd) in first.items()}


def format_csv(fmt: ExportFormat, rows: list[dict[str, Any]]) -> str:
    """The rows as the format's CSV: its headers, fields and code maps (cells that would start a formula
    neutralised)."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, delimiter=fmt.delimiter, lineterminator="\n")
    writer.writerow([c["header"] for c in fmt.columns])
    for row in rows:
        cells = []
        for column in fmt.columns:
            value = row[column["field"]]
            mapping = column.get("map")
            cells.append(mapping.get(str(value), value) if mapping else value)
        writer.writerow(cells)
    return buffer.getvalue()


@use_case
def write_authority_export(store: Store, actor: Actor, day: date, out: Path, *, country: str = "de",
                           force: bool = False) -> int:
    refuse_existing(out, force=force)
    fmt = load_format(country)
    return write_day_export(out, export_rows(store, actor, day), fmt=fmt, store=store, actor=actor,
                            action="export.authority", day=day, country=country, force=force)


def write_day_export(out: Path, rows: list[dict[str, Any]], *, fmt: ExportFormat, store: Store, actor: Actor,
                     action: str, day: date, country: str, force: bool) -> int:
    """A day's records in the country's format, audited as `action` (the export use cases' last step; the
    caller's use case checked the role); the number of records."""
    write_output_file(out, format_csv(fmt, rows), force=force)
    with UnitOfWork(store, actor) as uow:
        uow.record(action=action, entity="station", entity_id=None,
                   details={"date": day.isoformat(), "rows": len(rows), "format": country})
    return len(rows)
