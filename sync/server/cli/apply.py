"""`vaxdesk-server tenant apply`: YAML, the mail templates (MJML) and the public settings load for provisioning only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.server.cli.storage import open_registry
from sync.server.edge_settings import write_settings
from sync.server.mail_templates import write_tenant_templates
from sync.server.provisioning import ProvisioningError, load_provisioning


def apply(args: argparse.Namespace) -> int:
    """Make the tenants match the provisioning file: create the missing ones, set every tenant's
    public settings. Idempotent: run it as often as the file changes."""
    try:
        plan = load_provisioning(Path(args.file))
    except ProvisioningError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 2
    registry = open_registry(args)
    existing = set(registry.names())
    for tenant in plan:
        created = tenant.name not in existing
        handle = registry.create(tenant.name) if created else registry.get(tenant.name)
        write_settings(handle, tenant.public)
        write_tenant_templates(handle, tenant.mail_templates)  # none listed: back to the default set
        print(f"Tenant {tenant.name} {'created' if created else 'up to date'}.")
    registry.close()
    return 0
