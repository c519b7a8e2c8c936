"""`vaxdesk-server tenant create|certificate-policy|new-epoch` and `migrate`: a tenant's database and settings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.server.certificates import install_signer, set_policy
from sync.server.cli.storage import open_registry, open_tenant
from sync.server.tenants import TenantExists


def create(args: argparse.Namespace) -> int:
    registry = open_registry(args)
    try:
        tenant = registry.create(args.tenant)
    except TenantExists as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 3
    except ValueError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 2
    if args.dsc_key and args.dsc_cert:
        kid = install_signer(tenant, Path(args.dsc_key).read_bytes(), Path(args.dsc_cert).read_bytes())
        print(f"Document signer installed (kid {kid}).")
    registry.close()
    print(f"Tenant {args.tenant} created.")
    return 0


def certificate_policy(args: argparse.Namespace) -> int:
    if args.validity_days is not None and not 1 <= args.validity_days <= 3650:
        print("vaxdesk-server: --validity-days is 1 to 3650.", file=sys.stderr)
        return 2
    registry, tenant = open_tenant(args)
    set_policy(tenant, validity_days=args.validity_days, issuer=args.issuer)
    registry.close()
    print("Certificate policy set.")
    return 0


def new_epoch(args: argparse.Namespace) -> int:
    registry, _tenant = open_tenant(args)
    epoch = registry.new_epoch(args.tenant)
    registry.close()
    print(f"New epoch {epoch}: stations will re-push what this database lacks.")
    return 0


def migrate(args: argparse.Namespace) -> int:
    """Bring every tenant database to this version's tables (new tables only; run before new instances)."""
    registry = open_registry(args)
    names = registry.names()
    for name in names:
        registry.get(name)  # opening creates tables added since the tenant was made
    registry.close()
    print(f"{len(names)} tenant database(s) up to date.")
    return 0
