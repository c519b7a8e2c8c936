"""The `vaxdesk-server` command is a package like `app/cli`: `--help` loads nothing but the declarations, and
an admin command only its own module (no web stack, no YAML), each in a fresh interpreter as a shell runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from sync.server.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules
                                                  if m.startswith(("sync.server", "fastapi", "uvicorn", "yaml")))}))
"""


def _run(*argv: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, cwd=REPO, timeout=120)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_help_loads_only_the_declarations_and_a_command_only_its_module(tmp_path: Path) -> None:
    helped = _run("tenant", "backup", "--help")
    assert helped["code"] == 0
    assert helped["modules"] == ["sync.server", "sync.server.cli", "sync.server.cli.json_logs", "sync.server.cli.main"]
    missing = _run("stats", "--data-dir", str(tmp_path), "--tenant", "nobody")
    assert missing["code"] == 4  # no such tenant, as before the split
    loaded = set(missing["modules"])  # type: ignore[arg-type]
    assert {"sync.server.cli.records", "sync.server.cli.storage"} <= loaded
    assert not loaded & {"fastapi", "uvicorn", "yaml", "sync.server.cli.serve", "sync.server.cli.apply",
                         "sync.server.cli.backups", "sync.server.cli.tenants", "sync.server.cli.stations"}
