"""`vaxdesk-server tenant backup|restore`: one tenant's database to a file and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.server.backup import BackupError, backup_tenant, restore_tenant
from sync.server.cli.storage import open_tenant


def backup(args: argparse.Namespace) -> int:
    registry, _tenant = open_tenant(args)
    out = Path(args.out)
    if out.exists():
        print(f"vaxdesk-server: {out} exists; a backup never replaces a file.", file=sys.stderr)
        return 8
    rows = backup_tenant(registry, args.tenant, out)
    registry.close()
    print(f"Backup of tenant {args.tenant}: {rows} rows in {out}.")
    return 0


def restore(args: argparse.Namespace) -> int:
    registry, _tenant = open_tenant(args)
    try:
        epoch = restore_tenant(registry, args.tenant, Path(args.source))
    except BackupError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 5
    registry.close()
    print(f"Tenant {args.tenant} restored; new epoch {epoch}: stations push again what the backup lacks.")
    return 0
