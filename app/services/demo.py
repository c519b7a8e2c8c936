"""A realistic demo center: staff of each role, vaccine lots, today's slots and booked persons."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.services.booking import SlotPlan, open_slots
from app.services.catalogue import load_catalogue
from app.services.permissions import use_case
from app.services.person_import import ImportRow, import_persons
from app.services.persons import PersonInput
from app.services.products import install_catalogue
from app.services.staff import create_staff
from app.services.stock import MAX_VIALS_PER_LOT, receive_lot
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
MAX_SLOT_CAPACITY = 10_000  # what open_slots accepts
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


# Syllables of the long tail of rarer family names (Bergfeld, Hofmaier, Lindkamp, …).
_SYLLABLES = ("ber", "ger", "hof", "mann", "stein", "bach", "berg", "feld", "brand", "haus", "kamp", "lind",
              "wald", "dorf", "rich", "ter", "sch", "ul", "ze", "ko", "ra", "wi", "ne", "mai", "ho", "lo")
# FAMILY_NAMES starts with Germany's commonest names in order: drawn by Zipf's law, "Müller" is the
# most frequent surname of the center (about 3 % of the persons, ten times its share in Germany: a
# search under stress), and most persons carry one of thousands of rarer names.
_COMMON_SHARE = 0.4
_COMMON_WEIGHTS = tuple(itertools.accumulate(1 / rank for rank in range(1, len(FAMILY_NAMES) + 1)))


def family_name(rng: random.Random) -> str:
    if rng.random() < _COMMON_SHARE:
        return rng.choices(FAMILY_NAMES, cum_weights=_COMMON_WEIGHTS)[0]
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def random_person(rng: random.Random, today: date) -> PersonInput:
    age_days = rng.randint(18 * 365, 90 * 365)
    postcode, city = rng.choice(CITIES)
    return PersonInput(
        family_name=family_name(rng),
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
    on_progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Seed staff, lots, a day of slots and `persons` bookings. Returns what was created.

    The persons go through the bulk import (`person_import`): batches of thousands in one transaction
    each, every person validated and queued for sync, one audit entry per batch. `on_progress(done, of)`
    after each batch."""
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
                vials=min(MAX_VIALS_PER_LOT, max(20, persons // product.presentations[0].doses_per_vial + 10)),
                gtin=product.presentations[0].gtin,
            )
    hours = 10
    # Ten-minute slots; five-minute ones when a slot would hold more than a slot may (a million persons).
    slot_minutes = 10 if persons <= hours * 6 * MAX_SLOT_CAPACITY else 5
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
    # Spread over the day's slots in turn, as online booking fills a day.
    rows = (
        ImportRow(random_person(rng, today), slot_id=slot_ids[i % len(slot_ids)],
                  product_code=rng.choice(products[:2]) if products else None)
        for i in range(persons)
    )
    done = import_persons(store, system, rows, clock=clock,
                          on_batch=None if on_progress is None else (lambda n: on_progress(n, persons)))
    return {"staff": len(DEMO_STAFF), "lots": len(catalogue.products), "slots": len(slot_ids),
            "persons": done.appointments}
