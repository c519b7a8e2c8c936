"""`vaxdesk-server enrollment-code|revoke`: which stations may sync (not the web app: these start fast)."""

from __future__ import annotations

import argparse
import sys

from sync.server.cli.storage import open_tenant
from sync.server.devices import issue_enrollment_code, revoke_devices


def enrollment_code(args: argparse.Namespace) -> int:
    registry, tenant = open_tenant(args)
    try:
        code = issue_enrollment_code(tenant, args.site, station_id=args.station)
    except ValueError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 2
    registry.close()
    which = f"station {args.station}" if args.station else "a new station"
    print(f"One-time enrollment code for {which} at site {args.site} of tenant {args.tenant} (valid 7 days):")
    print(code)
    return 0


def revoke(args: argparse.Namespace) -> int:
    registry, tenant = open_tenant(args)
    count = revoke_devices(tenant, station_id=args.station, device_id=args.device)
    registry.close()
    print(f"{count} device token(s) revoked.")
    return 0 if count else 5
