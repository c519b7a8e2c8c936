"""Shared test setup: offscreen Qt, logs in a temporary folder, real SQLCipher stations in tmp_path."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VAXDESK_LOG_DIR", tempfile.mkdtemp(prefix="vaxdesk-test-logs-"))

import pytest
from hypothesis import settings

from app.errors import ValidationError
from app.services.unit_of_work import Actor
from app.storage.engine import Store, create_store, open_store

# CI must be reproducible and must not fail on a busy machine's timing: the same examples every run
# (derandomize) and no per-example deadline. Locally, Hypothesis keeps exploring new examples.
# VAXDESK_HYPOTHESIS=nightly (opt-in, e.g. a nightly job) explores far more: new random examples every
# run, ten times Hypothesis' default, and the heavy tests at their `heavy_examples(nightly=...)` numbers.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("nightly", max_examples=1000, deadline=None)
_PROFILE = os.environ.get("VAXDESK_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "")
if _PROFILE:
    settings.load_profile(_PROFILE)


class ManualClock:
    """A clock the test moves by hand; the services read it by calling it (their `clock=`)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def heavy_examples(*, ci: int, nightly: int) -> int:
    """max_examples of a test whose examples drive real stores or processes (seconds each): `ci` in
    the README's test command (CI and locally), `nightly` under VAXDESK_HYPOTHESIS=nightly."""
    return nightly if settings.get_current_profile_name() == "nightly" else ci


T = TypeVar("T")


def parsed_or_refused(parse: Callable[[str], T], text: str) -> T | None:
    """For the "any input" property tests: `parse(text)`, or None where it refuses the text with a
    ValidationError, which must then say why. Any other exception propagates and fails the test."""
    try:
        return parse(text)
    except ValidationError as err:
        assert str(err)
        return None

PASSPHRASE = "correct horse battery"
# Staff the service-level tests act as, one per role, with no staff account behind them.
ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")
NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VAXDESK_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "station.db"


STATION_FILES = ("", ".key", "-wal", "-shm")  # a station database is these files beside each other


def copy_station(source: Path, target: Path) -> Path:
    """A copy of a closed station (database, key file, journal) under another name."""
    for suffix in STATION_FILES:
        part = source.with_name(source.name + suffix)
        if part.exists():
            shutil.copyfile(part, target.with_name(target.name + suffix))
    return target


@pytest.fixture(scope="session")
def empty_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty station with the catalogue installed, made once per worker (`create_store` runs the
    migrations: half a second, several hundred times a suite); tests get copies."""
    from app.services.catalogue import load_catalogue
    from app.services.products import install_catalogue
    from app.services.unit_of_work import Actor, UnitOfWork

    path = tmp_path_factory.mktemp("empty-station") / "station.db"
    with create_store(path, PASSPHRASE, tenant="t-test", site_code="site-a", site_name="Test Site") as s, \
            UnitOfWork(s, Actor.system()) as uow:
        install_catalogue(uow, load_catalogue())
    return path


@pytest.fixture
def store(empty_station: Path, db_path: Path) -> Iterator[Store]:
    """A fresh, empty station database with the catalogue installed (a copy of `empty_station`)."""
    with open_store(copy_station(empty_station, db_path), PASSPHRASE) as s:
        yield s


# ---- pytest-xdist (`-n 2` in the README's test command) -----------------------------------------
# Each worker takes whole units: a test module, or one storage of a sync module whose module-scoped
# `server` fixture runs on SQLite and on PostgreSQL (each half starts its own server anyway). So each
# module's servers, clusters and seeded stations are set up once per suite, as in one process. The
# PyInstaller build and the browser tests share one unit: both load every core, and on a 2-core
# machine they would otherwise slow each other and everything else at once.
TOGETHER = {
    "tests/integration/test_packaging.py": "bundle-and-browser",
    "tests/integration/test_citizen_pages.py": "bundle-and-browser",
}
BACKENDS = ("sqlite", "postgresql")  # the params of those `server` fixtures
# The longest units first, so that no worker starts a long one while the other has run dry. Seconds
# measured on 2 workers (a shared 2-core machine): only the order matters, a unit missing here is
# weighed by its number of tests.
LONGEST = {
    "bundle-and-browser": 407,
    "tests/integration/test_sync_reconcile.py::sqlite": 312,
    "tests/integration/test_sync_reconcile.py::postgresql": 205,
    "tests/integration/test_sync_crash.py": 161,
    "tests/integration/test_sync_faults.py": 154,
    "tests/integration/test_cli.py": 104,
    "tests/integration/test_topology.py": 96,
    "tests/integration/test_storage_failures.py": 77,
    "tests/integration/test_sync_openapi.py": 65,
    "tests/integration/test_backup_audit.py": 64,
    "tests/integration/test_simulate_online.py": 56,
    "tests/integration/test_scheduling.py": 54,
    "tests/integration/test_sync_server.py::postgresql": 51,
    "tests/integration/test_report_export.py": 50,
    "tests/integration/test_sync_convergence.py::postgresql": 49,
    "tests/integration/test_checkin.py": 49,
}


def unit_of(nodeid: str) -> str:
    module, _, rest = nodeid.partition("::")
    if module in TOGETHER:
        return TOGETHER[module]
    params = rest[rest.find("[") + 1:-1].split("-") if rest.endswith("]") else []
    backend = next((p for p in params if p in BACKENDS), None)
    return f"{module}::{backend}" if backend else module


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`--dist loadscope` (pyproject's addopts) with `unit_of` as the scope, in the order of the
    workers' collection (sorted below), not by the number of tests. Not `--dist loadgroup` with
    xdist_group marks: xdist 3.8 renames the items through `item._nodeid`, which pytest 9.2 no longer
    reads, so every test silently became a unit of its own."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling  # only the controller of a -n run needs xdist

    class Units(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return unit_of(nodeid)

    config.option.loadscopereorder = False
    return Units(config, log)  # type: ignore[arg-type]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return  # one process: pytest's own order
    units: dict[str, int] = {}
    for item in items:
        units[unit_of(item.nodeid)] = units.get(unit_of(item.nodeid), 0) + 1
    weight = {unit: LONGEST.get(unit, count) for unit, count in units.items()}
    items.sort(key=lambda item: -weight[unit_of(item.nodeid)])  # stable: each unit keeps pytest's order
