"""Every `vaxdesk-server` command and flag, and the one place a master-key error becomes its exit code.

A command's handler is named "module:function" in `sync.server.cli` and imported only when that command
runs: an admin command (run often, by scripts and the tests) starts without the web stack, and `--help`
without the server at all.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli_args import iso_day, run_command
from sync.server.cli.json_logs import setup_logging

EXIT_KEY = 6  # the master key is missing, malformed or wrong



def _storage(p: argparse.ArgumentParser, *, suppress: bool) -> None:
    default: Any = argparse.SUPPRESS if suppress else None
    p.add_argument("--data-dir", type=Path, default=default,
                   help="folder for tenant SQLite files and the master key file")
    p.add_argument("--database-url", default=default,
                   help="postgresql://user@host:port/postgres — one database per tenant on this cluster")


def _command(sub: Any, name: str, handler: str, help_text: str, *, tenant: bool = True) -> argparse.ArgumentParser:
    """A command on the tenants' storage (`--data-dir`, `--database-url`), of one tenant unless `tenant` is False."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    _storage(p, suppress=True)
    if tenant:
        p.add_argument("--tenant", required=True)
    p.set_defaults(handler=handler)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vaxdesk-server", description="VaxDesk cloud tenant API.")
    _storage(parser, suppress=False)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--rate-limit-storage", default=None,
                        help="memory (one instance), database (the tenants' PostgreSQL), or a limits URI "
                             "such as redis://host:6379; default from VAXDESK_RATE_LIMIT_STORAGE, else memory")
    parser.set_defaults(handler="serve:serve")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    tenant = sub.add_parser("tenant", help="tenant administration")
    tsub = tenant.add_subparsers(dest="tenant_command", metavar="ACTION", required=True)
    p = _command(tsub, "create", "tenants:create", "create a tenant database with its own data key")
    p.add_argument("--dsc-key", help="PEM private key of the tenant's document signer (optional)")
    p.add_argument("--dsc-cert", help="its certificate (PEM or DER)")
    p = _command(tsub, "apply", "apply:apply", "create and configure tenants from a provisioning file (YAML or JSON)",
                 tenant=False)
    p.add_argument("--file", required=True)
    p = _command(tsub, "certificate-policy", "tenants:certificate_policy",
                 "how long signed certificates are valid, and their issuer")
    p.add_argument("--validity-days", type=int, help="the longest validity the server signs (default 365)")
    p.add_argument("--issuer", help="the certificate issuer (`is`) every signed certificate must name")
    _command(tsub, "new-epoch", "tenants:new_epoch", "after restoring a tenant database from a backup")

    p = _command(tsub, "backup", "backups:backup", "write a consistent backup of one tenant's database")
    p.add_argument("--out", required=True, help="the backup file to create (never over an existing one)")
    p = _command(tsub, "restore", "backups:restore", "replace a tenant's data with a backup; always starts a new epoch")
    p.add_argument("--from", dest="source", required=True, help="the backup file")

    p = _command(sub, "enrollment-code", "stations:enrollment_code", "print a one-time station enrollment code (last line)")
    p.add_argument("--site", required=True)
    p.add_argument("--station", help="re-enroll this existing station id (without: the code enrolls a new station)")

    p = _command(sub, "revoke", "stations:revoke", "revoke device tokens of a station")
    p.add_argument("--station")
    p.add_argument("--device")

    p = _command(sub, "stats", "records:stats", "what the tenant holds, counted as the stations count it")
    p.add_argument("--json", action="store_true")

    _command(sub, "migrate", "tenants:migrate", "create the tables this version adds in every tenant database",
             tenant=False)

    audit = sub.add_parser("audit", help="the stations' audit logs")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = _command(asub, "export", "records:audit_export",
                 "every station's audit entries of a period, as CSV (UTC days, inclusive)")
    p.add_argument("--from", dest="since", type=iso_day, required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", type=iso_day, required=True, help="last day, YYYY-MM-DD")
    p.add_argument("--out", type=Path, help="CSV file (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")

    p = sub.add_parser("openapi", help="print the OpenAPI document")
    p.set_defaults(handler="serve:openapi")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if importlib.util.find_spec("fastapi") is None:  # a station's install: the server is an extra
        print("vaxdesk-server: the tenant API's dependencies are not installed; "
              "install them with: pip install 'vaxdesk[server]'", file=sys.stderr)
        return 2
    setup_logging(args.log_level)
    if args.handler != "serve:openapi" and not args.data_dir:
        parser.error("--data-dir is required")
    if getattr(args, "command", None) == "revoke" and not (args.station or args.device):
        parser.error("give --station or --device")
    # After parsing: --help answers without loading the server.
    from sync.server.crypto import MasterKeyError

    try:
        return run_command("sync.server.cli", args)  # loads the command's module: see the module docstring
    except MasterKeyError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return EXIT_KEY
    except KeyboardInterrupt:
        return 130
