"""The large centers the benchmarks measure on, made the way a real station makes them: `vaxdesk demo`
(the bulk import — batches through the domain's validation, one mutation per person and booking, one
audit entry per batch), so they carry the audit and outbox rows a real store carries.

The 200,000-person center is built by running the command (that run is `demo_200k_s`); the million
is built once and kept in a cache folder (`VAXDESK_BENCH_CACHE`, by default ~/.cache/vaxdesk-bench),
under a name that changes with the schema and the generator, so a quick run does not pay it again.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.storage.engine import open_store
from app.storage.migrate import HEAD
from app.storage.schema import Appointment, Person

WORKDIR = Path(tempfile.mkdtemp(prefix="vaxdesk-bench-"))
atexit.register(shutil.rmtree, WORKDIR, True)
PASSPHRASE = "benchmark passphrase"
REPO = Path(__file__).resolve().parents[1]
SEED = 1
# Files whose change makes a cached center stale: the schema and migrations, the generator, the import.
_SOURCES = ("app/storage/schema.py", "app/storage/migrate.py", "app/services/demo.py", "app/services/person_import.py",
            "app/services/persons.py", "app/domain/names.py")


@dataclass(frozen=True)
class Center:
    db: Path
    persons: int
    codes: list[str]  # booking codes of today, a sample
    samples: list[tuple[str, str, str]]  # (family, given, dob) of persons, a sample
    most_frequent: str  # the family name most persons carry
    build_s: float | None  # wall time of `vaxdesk demo`, when built in this run
    build_cpu_s: float | None


def run_demo(db: Path, persons: int) -> tuple[float, float]:
    """`vaxdesk demo --db DB --persons N` in a fresh process: (wall seconds, CPU seconds of the process)."""
    env = dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE, VAXDESK_LOG_DIR=str(WORKDIR))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(db), "--persons", str(persons)], check=True,
                   env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, cwd=REPO, timeout=3600)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _describe(db: Path, persons: int, build: tuple[float, float] | None) -> Center:
    rng = random.Random(SEED)
    with open_store(db, PASSPHRASE) as store, store.read() as session:
        codes = list(session.scalars(select(Appointment.booking_code).order_by(func.random()).limit(2000)))
        rows = session.execute(select(Person.family_name, Person.given_name, Person.dob)
                               .order_by(func.random()).limit(400)).all()
        most = session.execute(select(Person.family_name).group_by(Person.family_key)
                               .order_by(func.count().desc()).limit(1)).scalar_one()
    rng.shuffle(codes)
    return Center(db=db, persons=persons, codes=codes, samples=[tuple(r) for r in rows],  # type: ignore[misc]
                  most_frequent=most, build_s=build[0] if build else None, build_cpu_s=build[1] if build else None)


_built: dict[int, Center] = {}


def demo_center(persons: int) -> Center:
    """A center of `persons` made by `vaxdesk demo` in this run's work folder (once per run)."""
    if persons not in _built:
        db = WORKDIR / f"demo-{persons}.db"
        _built[persons] = _describe(db, persons, run_demo(db, persons))
    return _built[persons]


def cached_center(persons: int) -> Center:
    """A center of `persons` made by `vaxdesk demo` once and kept in the cache folder."""
    digest = hashlib.sha256(HEAD.encode())
    for name in _SOURCES:
        digest.update((REPO / name).read_bytes())
    folder = Path(os.environ.get("VAXDESK_BENCH_CACHE", Path.home() / ".cache" / "vaxdesk-bench"))
    db = folder / f"demo-{persons}-{digest.hexdigest()[:12]}.db"
    build = None
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"demo-{persons}-*"):
            stale.unlink()
        partial = db.with_name(db.name + ".building")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        build = run_demo(partial, persons)
        for suffix in (".key", "-wal", "-shm", ""):
            source = Path(str(partial) + suffix)
            if source.exists():
                source.rename(Path(str(db) + suffix))
    return _describe(db, persons, build)
