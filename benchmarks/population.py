"""A large, realistic center for benchmarks: bulk-loaded persons, today's slots and appointments.

Bulk loading bypasses the use cases on purpose (no audit or outbox per row): it builds the data
the measured code then works on; it is not itself measured.
"""

from __future__ import annotations

import atexit
import random
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from app.domain.booking_code import new_booking_code
from app.domain.ids import uuid7
from app.services.catalogue import load_catalogue
from app.services.demo import FAMILY_NAMES, GIVEN_NAMES
from app.services.persons import search_columns
from app.services.products import install_catalogue
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store, create_store
from app.storage.schema import Appointment, Person, Slot

WORKDIR = Path(tempfile.mkdtemp(prefix="vaxdesk-bench-"))
atexit.register(shutil.rmtree, WORKDIR, True)

_SYLLABLES = ("ber", "ger", "hof", "mann", "stein", "bach", "berg", "feld", "brand", "haus", "kamp", "lind",
              "wald", "dorf", "rich", "ter", "sch", "ul", "ze", "ko", "ra", "wi", "ne", "mai", "ho", "lo")


def family_name(rng: random.Random) -> str:
    # Half from the common names, half from a long tail of rarer ones, as in a real population.
    if rng.random() < 0.5:
        return rng.choice(FAMILY_NAMES)
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def build_center(path: Path, passphrase: str, *, persons: int, appointments_today: int,
                 seed: int = 1) -> tuple[Store, list[str], list[tuple[str, str, str]]]:
    """Returns the open store, today's booking codes, and (family, given, dob) of sample persons."""
    rng = random.Random(seed)
    store = create_store(path, passphrase, tenant="bench", site_code="bench", site_name="Benchmark Center")
    with UnitOfWork(store, Actor.system()) as uow:
        install_catalogue(uow, load_catalogue())
    now = datetime.now(UTC)
    created = now
    person_ids: list[str] = []
    samples: list[tuple[str, str, str]] = []
    batch: list[dict[str, object]] = []
    for i in range(persons):
        fam, giv = family_name(rng), rng.choice(GIVEN_NAMES)
        dob = (datetime(1935, 1, 1) + timedelta(days=rng.randint(0, 30000))).date().isoformat()
        pid = uuid7()
        person_ids.append(pid)
        batch.append({"id": pid, "family_name": fam, "given_name": giv, "dob": dob, "sex": rng.choice("fm"),
                      "created_at": created, "updated_at": created, **search_columns(fam, giv)})
        if i % 997 == 0:
            samples.append((fam, giv, dob))
        if len(batch) == 10_000:
            _flush(store, Person, batch)
    _flush(store, Person, batch)
    tz = ZoneInfo("Europe/Berlin")
    opens = datetime.combine(now.astimezone(tz).date(), datetime.min.time(), tz).replace(hour=7).astimezone(UTC)
    slots = []
    per_slot = max(1, -(-appointments_today // 84))  # 7:00-21:00 in 10-minute slots
    for n in range(84):
        slots.append({"id": uuid7(), "site_id": store.identity.site_id,
                      "starts_at": opens + timedelta(minutes=10 * n),
                      "ends_at": opens + timedelta(minutes=10 * n + 10), "capacity": per_slot})
    slot_ids = [s["id"] for s in slots]
    _flush(store, Slot, slots)
    codes = []
    appts = []
    for n, pid in enumerate(rng.sample(person_ids, appointments_today)):
        code = new_booking_code()
        codes.append(code)
        appts.append({"id": uuid7(), "person_id": pid, "slot_id": slot_ids[n // per_slot],
                      "site_id": store.identity.site_id, "booking_code": code, "product_code": "comirnaty",
                      "dose_number": 1, "state": "booked", "state_changed_at": created,
                      "booking_state": "confirmed", "created_at": created})
    _flush(store, Appointment, appts)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    return store, codes, samples


def _flush(store: Store, model: type, rows: list[dict[str, object]]) -> None:
    if rows:
        with store.write() as session:
            session.execute(insert(model), rows)
        rows.clear()


_shared: dict[str, object] = {}


def shared_center(folder: Path, passphrase: str) -> tuple[Path, list[str], list[tuple[str, str, str]]]:
    """The 200,000-person center, built once per benchmark run and reused by several metrics.
    Returns (database path, today's booking codes, sample persons); the store is closed."""
    if "db" not in _shared:
        path = folder / "center-200k.db"
        store, codes, samples = build_center(path, passphrase, persons=200_000, appointments_today=5_000)
        from app.services.staff import create_staff
        from app.services.unit_of_work import Actor

        create_staff(store, Actor.system(), login="nurse", display_name="Bench Nurse", role="nurse", pin="1357")
        store.close()
        _shared.update(db=path, codes=codes, samples=samples)
    return _shared["db"], _shared["codes"], _shared["samples"]  # type: ignore[return-value]
