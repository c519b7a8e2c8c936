"""The `vaxdesk-server` command: serve the tenant API, create tenants, issue enrollment codes,
revoke devices and print a tenant's figures.

Each command imports what it needs when it runs: an admin command (run often, by scripts and the
tests) starts without the web stack, and `--help` without the server at all."""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

log = logging.getLogger("vaxdesk.server")

EXIT_KEY = 6  # the master key is missing, malformed or wrong
MASTER_KEY_HINT = "VAXDESK_MASTER_KEY (or master.key in the data dir)"

_STD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line. Callers pass only ids, counts and codes in `extra`, never personal data."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "event": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _STD_ATTRS and not k.startswith("_")})
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry, default=str)


def setup_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = name != "uvicorn.access"  # our middleware logs requests


def _registry(args: argparse.Namespace) -> Any:
    from sync.server.tenants import Registry  # each command loads only what it uses: see the module docstring

    return Registry(data_dir=args.data_dir, database_url=args.database_url or os.environ.get("VAXDESK_DATABASE_URL"))


def cmd_serve(args: argparse.Namespace) -> int:
    # The web stack (FastAPI, uvicorn, the routes) loads for serving only.
    import uvicorn

    from sync.server.app import create_app
    from sync.server.public import default_config

    try:
        edge = default_config()
    except ValueError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 2
    if args.rate_limit_storage:
        edge = dataclasses.replace(edge, rate_limit_storage=args.rate_limit_storage)
    registry = _registry(args)
    names = registry.names()
    unusable = registry.unusable_tenants()
    if names and len(unusable) == len(names):
        print(f"vaxdesk-server: the master key opens none of the {len(names)} tenants' data keys "
              f"(is {MASTER_KEY_HINT} the one they were created with?); not starting.", file=sys.stderr)
        return EXIT_KEY
    if unusable:
        log.error("the master key does not open some tenants; /health/ready fails until it does",
                  extra={"tenants": unusable})
    try:
        app = create_app(registry, edge=edge)
    except ValueError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 2
    log.info("serving", extra={"host": args.host, "port": args.port, "tenants": len(names),
                               "storage": "postgresql" if registry.database_url else "sqlite",
                               "rate_limits": edge.rate_limit_storage, "mail": edge.smtp is not None})
    # uvloop and httptools when installed (they are dependencies): measured +45 % on "full" answers.
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False, loop="auto", http="auto",
                timeout_keep_alive=30, backlog=4096)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """Bring every tenant database to this version's tables (new tables only; run before new instances)."""
    registry = _registry(args)
    names = registry.names()
    for name in names:
        registry.get(name)  # opening creates tables added since the tenant was made
    registry.close()
    print(f"{len(names)} tenant database(s) up to date.")
    return 0


def cmd_tenant_apply(args: argparse.Namespace) -> int:
    """Make the tenants match the provisioning file: create the missing ones, set every tenant's
    public settings. Idempotent: run it as often as the file changes."""
    # YAML, the mail templates (MJML) and the public settings load for provisioning only.
    from sync.server.edge_settings import write_settings
    from sync.server.mail_templates import write_tenant_templates
    from sync.server.provisioning import ProvisioningError, load_provisioning

    try:
        plan = load_provisioning(Path(args.file))
    except ProvisioningError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 2
    registry = _registry(args)
    existing = set(registry.names())
    for tenant in plan:
        created = tenant.name not in existing
        handle = registry.create(tenant.name) if created else registry.get(tenant.name)
        write_settings(handle, tenant.public)
        write_tenant_templates(handle, tenant.mail_templates)  # none listed: back to the default set
        print(f"Tenant {tenant.name} {'created' if created else 'up to date'}.")
    registry.close()
    return 0


def cmd_tenant_create(args: argparse.Namespace) -> int:
    # The certificate stack (cryptography, the DCC schema) loads for a tenant with a signer only.
    from sync.server.certificates import install_signer
    from sync.server.tenants import TenantExists

    registry = _registry(args)
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


def _tenant(args: argparse.Namespace) -> Any:
    from sync.server.tenants import UnknownTenant  # see _registry

    registry = _registry(args)
    try:
        return registry, registry.get(args.tenant)
    except (UnknownTenant, ValueError):
        print(f"vaxdesk-server: there is no tenant '{args.tenant}'.", file=sys.stderr)
        raise SystemExit(4) from None


def cmd_enrollment_code(args: argparse.Namespace) -> int:
    from sync.server.devices import issue_enrollment_code  # not the web app: an admin command starts fast

    registry, tenant = _tenant(args)
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


def cmd_revoke(args: argparse.Namespace) -> int:
    from sync.server.devices import revoke_devices  # not the web app: an admin command starts fast

    registry, tenant = _tenant(args)
    count = revoke_devices(tenant, station_id=args.station, device_id=args.device)
    registry.close()
    print(f"{count} device token(s) revoked.")
    return 0 if count else 5


def cmd_certificate_policy(args: argparse.Namespace) -> int:
    from sync.server.certificates import set_policy  # the certificate stack, for this command only

    if args.validity_days is not None and not 1 <= args.validity_days <= 3650:
        print("vaxdesk-server: --validity-days is 1 to 3650.", file=sys.stderr)
        return 2
    registry, tenant = _tenant(args)
    set_policy(tenant, validity_days=args.validity_days, issuer=args.issuer)
    registry.close()
    print("Certificate policy set.")
    return 0


def cmd_new_epoch(args: argparse.Namespace) -> int:
    registry, _tenant_db = _tenant(args)
    epoch = registry.new_epoch(args.tenant)
    registry.close()
    print(f"New epoch {epoch}: stations will re-push what this database lacks.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from sync.server.backup import backup_tenant  # each command loads only what it uses

    registry, _tenant_db = _tenant(args)
    out = Path(args.out)
    if out.exists():
        print(f"vaxdesk-server: {out} exists; a backup never replaces a file.", file=sys.stderr)
        return 8
    rows = backup_tenant(registry, args.tenant, out)
    registry.close()
    print(f"Backup of tenant {args.tenant}: {rows} rows in {out}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from sync.server.backup import BackupError, restore_tenant  # each command loads only what it uses

    registry, _tenant_db = _tenant(args)
    try:
        epoch = restore_tenant(registry, args.tenant, Path(args.source))
    except BackupError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 5
    registry.close()
    print(f"Tenant {args.tenant} restored; new epoch {epoch}: stations push again what the backup lacks.")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from sync.server.ledger import tenant_stats  # each command loads only what it uses

    registry, tenant = _tenant(args)
    with tenant.read() as conn:
        figures = tenant_stats(conn)
    registry.close()
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        for key, value in figures.items():
            print(f"{key:<20} {value}")
    return 0


def cmd_audit_export(args: argparse.Namespace) -> int:
    """The stations' audit entries of a period as CSV, for the data-protection officer."""
    # Each command loads only what it uses.
    from app.errors import VaxDeskError
    from app.storage.output import refuse_existing, write_output_file
    from sync.server.audit import export_csv

    if args.to < args.since:
        print("vaxdesk-server: --to is before --from.", file=sys.stderr)
        return 2
    try:
        if args.out is not None:
            refuse_existing(args.out, force=args.force)
        registry, tenant = _tenant(args)
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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date like 2026-11-27") from None


def cmd_openapi(args: argparse.Namespace) -> int:
    # The whole web app, for its OpenAPI document only.
    from sync.server.app import create_app
    from sync.server.tenants import Registry

    print(json.dumps(create_app(Registry(data_dir=Path(os.devnull), master_key=bytes(32))).openapi(), indent=1))
    return 0


def build_parser() -> argparse.ArgumentParser:
    def storage(p: argparse.ArgumentParser, *, suppress: bool) -> None:
        default: Any = argparse.SUPPRESS if suppress else None
        p.add_argument("--data-dir", type=Path, default=default,
                       help="folder for tenant SQLite files and the master key file")
        p.add_argument("--database-url", default=default,
                       help="postgresql://user@host:port/postgres — one database per tenant on this cluster")

    parser = argparse.ArgumentParser(prog="vaxdesk-server", description="VaxDesk cloud tenant API.")
    storage(parser, suppress=False)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--rate-limit-storage", default=None,
                        help="memory (one instance), database (the tenants' PostgreSQL), or a limits URI "
                             "such as redis://host:6379; default from VAXDESK_RATE_LIMIT_STORAGE, else memory")
    parser.set_defaults(handler=cmd_serve)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    tenant = sub.add_parser("tenant", help="tenant administration")
    tsub = tenant.add_subparsers(dest="tenant_command", metavar="ACTION", required=True)
    p = tsub.add_parser("create", help="create a tenant database with its own data key")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--dsc-key", help="PEM private key of the tenant's document signer (optional)")
    p.add_argument("--dsc-cert", help="its certificate (PEM or DER)")
    p.set_defaults(handler=cmd_tenant_create)
    p = tsub.add_parser("apply", help="create and configure tenants from a provisioning file (YAML or JSON)")
    storage(p, suppress=True)
    p.add_argument("--file", required=True)
    p.set_defaults(handler=cmd_tenant_apply)
    p = tsub.add_parser("certificate-policy", help="how long signed certificates are valid, and their issuer")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--validity-days", type=int, help="the longest validity the server signs (default 365)")
    p.add_argument("--issuer", help="the certificate issuer (`is`) every signed certificate must name")
    p.set_defaults(handler=cmd_certificate_policy)
    p = tsub.add_parser("new-epoch", help="after restoring a tenant database from a backup")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.set_defaults(handler=cmd_new_epoch)

    p = tsub.add_parser("backup", help="write a consistent backup of one tenant's database")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--out", required=True, help="the backup file to create (never over an existing one)")
    p.set_defaults(handler=cmd_backup)
    p = tsub.add_parser("restore", help="replace a tenant's data with a backup; always starts a new epoch")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--from", dest="source", required=True, help="the backup file")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("enrollment-code", help="print a one-time station enrollment code (last line)")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--site", required=True)
    p.add_argument("--station", help="re-enroll this existing station id (without: the code enrolls a new station)")
    p.set_defaults(handler=cmd_enrollment_code)

    p = sub.add_parser("revoke", help="revoke device tokens of a station")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--station")
    p.add_argument("--device")
    p.set_defaults(handler=cmd_revoke)

    p = sub.add_parser("stats", help="what the tenant holds, counted as the stations count it")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("migrate", help="create the tables this version adds in every tenant database")
    storage(p, suppress=True)
    p.set_defaults(handler=cmd_migrate)

    audit = sub.add_parser("audit", help="the stations' audit logs")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = asub.add_parser("export", help="every station's audit entries of a period, as CSV (UTC days, inclusive)")
    storage(p, suppress=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--from", dest="since", type=_day, required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", type=_day, required=True, help="last day, YYYY-MM-DD")
    p.add_argument("--out", type=Path, help="CSV file (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(handler=cmd_audit_export)

    p = sub.add_parser("openapi", help="print the OpenAPI document")
    p.set_defaults(handler=cmd_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if importlib.util.find_spec("fastapi") is None:  # a station's install: the server is an extra
        print("vaxdesk-server: the tenant API's dependencies are not installed; "
              "install them with: pip install 'vaxdesk[server]'", file=sys.stderr)
        return 2
    setup_logging(args.log_level)
    if args.handler is not cmd_openapi and not args.data_dir:
        parser.error("--data-dir is required")
    if getattr(args, "command", None) == "revoke" and not (args.station or args.device):
        parser.error("give --station or --device")
    from sync.server.crypto import MasterKeyError  # after parsing: --help answers without loading the server

    try:
        return int(args.handler(args))
    except MasterKeyError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return EXIT_KEY
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
