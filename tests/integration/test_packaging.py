"""The PyInstaller one-folder build: it builds from packaging/vaxdesk.spec, and the built program
creates a real encrypted station (migrations loaded from files inside the bundle) and reads it back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "vaxdesk.spec"
PASSPHRASE = "correct horse battery"

pytestmark = [pytest.mark.packaging, pytest.mark.slow]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller comes with the test extra: pip install -e '.[test]'")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    folder = work / "dist" / "vaxdesk"
    assert folder.is_dir()
    return folder


def _run(bundle: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    program = bundle / ("vaxdesk.exe" if sys.platform == "win32" else "vaxdesk")
    # A clean environment: nothing from the checkout or the venv may leak into the frozen program.
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "VAXDESK_PASSPHRASE": PASSPHRASE,
        "LANG": "C.UTF-8",
    }
    if sys.platform == "win32":
        env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", ""), APPDATA=str(home / "appdata"))
    return subprocess.run([str(program), *args], cwd=home, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_built_program_reports_its_version(bundle: Path, tmp_path: Path) -> None:
    from app import __version__

    result = _run(bundle, "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"VaxDesk {__version__}"


def test_built_program_creates_and_reads_a_station(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    created = _run(bundle, "init", "--db", str(db), "--tenant", "t-pack", "--site", "pack-site",
                   "--site-name", "Impfzentrum Paketstadt", home=tmp_path)
    assert created.returncode == 0, created.stderr
    assert db.exists() and db.with_name("station.db.key").exists()
    # Encrypted at rest: the file is not a plain SQLite database.
    assert not db.read_bytes()[:16].startswith(b"SQLite format 3")

    stats = _run(bundle, "stats", "--db", str(db), "--json", home=tmp_path)
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout.strip().splitlines()[-1])
    assert figures["persons"] == 0 and figures["vaccinations"] == 0
    # The vaccine catalogue came from resources/ inside the bundle.
    assert "comirnaty" in figures["stock"]

    verified = _run(bundle, "audit", "verify", "--db", str(db), home=tmp_path)
    assert verified.returncode == 0, verified.stderr
    assert "intact" in verified.stdout


def test_bundle_holds_the_migrations_as_files_and_no_server(bundle: Path) -> None:
    internal = bundle / "_internal"
    migrations = internal / "app" / "storage" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    assert sorted(p.name for p in (migrations / "versions").glob("*.py")) == sorted(
        p.name for p in (ROOT / "app" / "storage" / "migrations" / "versions").glob("*.py"))
    assert (internal / "resources" / "translations" / "vaxdesk_de.qm").is_file()
    assert not (internal / "fastapi").exists() and not (internal / "uvicorn").exists()
