"""A realistic demo center: staff of each role, vaccine lots, today's slots and booked persons."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.catalogue import load_catalogue
from app.services.permissions import use_case
from app.services.persons import PersonInput, add_person
from app.services.products import install_catalogue
from app.services.staff import create_staff
from app.services.stock import receive_lot
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import Store
from app.storage.schema import Site

FAMILY_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
    "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Schulze",
    "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters",
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Nowak", "Kowalski", "Wiśniewski", "Nguyễn", "Trần",
    "Ivanova", "Petrović", "Kovačević", "García", "Fernández", "Rossi", "Ferrari", "O'Brien", "Dubois",
    "Lefèvre", "Popescu", "Horváth", "Novák", "Dvořák", "Andersson", "Jensen", "Papadopoulos",
    "Al-Hassan", "Haddad", "Okafor", "Mensah", "Silva", "Santos", "Groß", "Weiß", "Da Costa",
)
GIVEN_NAMES = (
    "Anna", "Lena", "Marie", "Sophie", "Emma", "Mia", "Hannah", "Lea", "Jürgen", "Jörg", "Günther",
    "Björn", "Sören", "Max", "Paul", "Lukas", "Felix", "Jonas", "Leon", "Elias", "Noah", "Ben",
    "Ursula", "Renate", "Monika", "Helga", "Karl-Heinz", "Hans-Peter", "Zoë", "Chloé", "Łukasz",
    "Ayşe", "Mehmet", "Fatma", "Ali", "Olga", "Dmitri", "Đorđe", "Iñigo", "José", "María", "Giulia",
    "Siobhán", "Søren", "Åsa", "Kwame", "Amara", "Thị Lan", "Minh", "Yusuf", "Leyla", "Agnieszka",
)
STREETS = ("Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenweg", "Lindenallee", "Am Markt", "Kirchgasse")
CITIES = (("10115", "Berlin"), ("20095", "Hamburg"), ("50667", "Köln"), ("80331", "München"), ("04109", "Leipzig"))


@dataclass(frozen=True)
class DemoLogin:
    login: str
    display_name: str
    role: str
    pin: str


DEMO_STAFF = (
    DemoLogin("admin", "Jana Novak", "admin", "2468"),
    DemoLogin("nurse", "Anna Schmidt", "nurse", "1357"),
    DemoLogin("nurse2", "Tobias Krüger", "nurse", "8642"),
    DemoLogin("doctor", "Dr. Mehmet Yılmaz", "doctor", "9753"),
    DemoLogin("doctor2", "Dr. Claire Dubois", "doctor", "3579"),
)


def random_person(rng: random.Random, today: date) -> PersonInput:
    age_days = rng.randint(18 * 365, 90 * 365)
    postcode, city = rng.choice(CITIES)
    return PersonInput(
        family_name=rng.choice(FAMILY_NAMES),
        given_name=rng.choice(GIVEN_NAMES),
        dob=(today - timedelta(days=age_days)).isoformat(),
        sex=rng.choice(("f", "m", "f", "m", "d")),
        street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
        postcode=postcode,
        city=city,
        country="DE",
        phone=f"+49 30 {rng.randint(1000000, 9999999)}" if rng.random() < 0.6 else None,
    )


def day_bounds(day: date, tz: ZoneInfo, opens: time, closes: time) -> tuple[datetime, datetime]:
    return (
        datetime.combine(day, opens, tz).astimezone(UTC),
        datetime.combine(day, closes, tz).astimezone(UTC),
    )


@use_case
def seed_center(
    store: Store,
    *,
    persons: int,
    day: date | None = None,
    seed: int | None = None,
    clock: Clock = system_clock,
) -> dict[str, int]:
    """Seed staff, lots, a day of slots and `persons` bookings. Returns what was created."""
    rng = random.Random(seed)
    system = Actor.system()
    with UnitOfWork(store, system, clock) as uow:
        install_catalogue(uow, load_catalogue())
        site = uow.session.scalars(select(Site).where(Site.id == store.identity.site_id)).one()
        tz = ZoneInfo(site.timezone)
        today = day or uow.now.astimezone(tz).date()
    for s in DEMO_STAFF:
        create_staff(store, system, login=s.login, display_name=s.display_name, role=s.role, pin=s.pin, clock=clock)
    catalogue = load_catalogue()
    with UnitOfWork(store, system, clock) as uow:
        for i, product in enumerate(catalogue.products):
            receive_lot(
                uow,
                product_code=product.code,
                lot_number=f"DEMO{product.code[:3].upper()}{i + 1:03d}",
                expiry=today + timedelta(days=90),
                vials=max(20, persons // product.presentations[0].doses_per_vial + 10),
                gtin=product.presentations[0].gtin,
            )
    slot_minutes, hours = 10, 10
    capacity = max(6, -(-persons // (hours * 60 // slot_minutes)))
    opens, closes = day_bounds(today, tz, time(8, 0), time(8 + hours, 0))
    with UnitOfWork(store, system, clock) as uow:
        slots = open_slots(
            uow,
            SlotPlan(site_id=store.identity.site_id, opens=opens, closes=closes,
                     slot_minutes=slot_minutes, capacity=capacity),
        )
        slot_ids = [s.id for s in slots]
    products = [p.code for p in catalogue.products]
    booked = 0
    # Spread bookings over the day the way online booking fills it: earlier slots first.
    for i in range(persons):
        with UnitOfWork(store, system, clock) as uow:
            person = add_person(uow, random_person(rng, today))
            book_appointment(
                uow,
                person_id=person.id,
                slot_id=slot_ids[i % len(slot_ids)],
                product_code=rng.choice(products[:2]) if products else None,
            )
            booked += 1
    return {"staff": len(DEMO_STAFF), "lots": len(catalogue.products), "slots": len(slot_ids), "persons": booked}
