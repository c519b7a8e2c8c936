"""The tenants' storage as the admin commands open it: the data dir or PostgreSQL, and one named tenant."""

from __future__ import annotations

import argparse
import os
import sys

from sync.server.tenants import Registry, Tenant, UnknownTenant

EXIT_NO_TENANT = 4


def open_registry(args: argparse.Namespace) -> Registry:
    return Registry(data_dir=args.data_dir, database_url=args.database_url or os.environ.get("VAXDESK_DATABASE_URL"))


def open_tenant(args: argparse.Namespace) -> tuple[Registry, Tenant]:
    """The registry and the tenant `--tenant` names; exits with 4 when there is none of that name."""
    registry = open_registry(args)
    try:
        return registry, registry.get(args.tenant)
    except (UnknownTenant, ValueError):
        print(f"vaxdesk-server: there is no tenant '{args.tenant}'.", file=sys.stderr)
        raise SystemExit(EXIT_NO_TENANT) from None
