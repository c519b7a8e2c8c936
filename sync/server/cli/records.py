"""`vaxdesk-server stats` and `audit export`: what a tenant holds, for the admin and the data-protection officer."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, time, timedelta

from app.errors import VaxDeskError
from app.storage.output import refuse_existing, write_output_file
from sync.server.audit import export_csv
from sync.server.cli.storage import open_tenant
from sync.server.ledger import tenant_stats


def stats(args: argparse.Namespace) -> int:
    registry, tenant = open_tenant(args)
    with tenant.read() as conn:
        figures = tenant_stats(conn)
    registry.close()
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        for key, value in figures.items():
            print(f"{key:<20} {value}")
    return 0


def audit_export(args: argparse.Namespace) -> int:
    """The stations' audit entries of a period as CSV, for the data-protection officer."""
    if args.to < args.since:
        print("vaxdesk-server: --to is before --from.", file=sys.stderr)
        return 2
    try:
        if args.out is not None:
            refuse_existing(args.out, force=args.force)
        registry, tenant = open_tenant(args)
        since = datetime.combine(args.since, time(0), tzinfo=UTC)
        until = datetime.combine(args.to + timedelta(days=1), time(0), tzinfo=UTC)
        text, count = export_csv(tenant, since=since, until=until)
        registry.close()
        if args.out is None:
            sys.stdout.write(text)
        else:
            write_output_file(args.out, text, force=args.force)
            print(f"{count} audit entries from {args.since} to {args.to} written to {args.out}.")
    except VaxDeskError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0
