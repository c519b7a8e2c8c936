"""The `vaxdesk-server` command: serve the tenant API, create tenants, issue enrollment codes,
revoke devices and print a tenant's figures.

`main` parses the command line (every command and flag is declared in `sync.server.cli.main`) and runs
the command's handler from its own module: `serve` (the web app), `tenants` (create, policy, epoch,
migrate), `apply` (provisioning files), `backups`, `stations` (enrollment codes, revocation) and
`records` (figures, the audit export).
"""

from __future__ import annotations

from sync.server.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
