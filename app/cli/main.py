"""Every `vaxdesk` command and flag, and the one place a command's error becomes its exit code.

A command's handler is named "module:function" in `app.cli` and imported only when that command
runs: the station window (no command) starts without loading the admin commands' services, and
`vaxdesk --help` answers at once.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app import __version__
from app.cli.terminal import NEW_PASSPHRASE_ENV
from app.cli_args import iso_day, run_command
from app.errors import VaxDeskError
from app.logs import describe_exception, setup_logging

log = logging.getLogger(__name__)



def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vaxdesk", description="VaxDesk vaccination center station. Without a command, opens the window."
    )
    parser.add_argument("--version", action="version", version=f"VaxDesk {__version__}")
    parser.add_argument("--db", type=Path, help="station database (default: the one in the app data folder)")
    parser.add_argument("--kiosk", action="store_true", help="full screen kiosk mode")
    parser.add_argument("--lang", choices=("de", "en"), help="language (default: the system's)")
    parser.set_defaults(handler="gui:gui")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("init", "station:init", "create a new station database (refuses to touch an existing file)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--site", required=True)
    p.add_argument("--site-name")

    p = add("demo", "station:demo", "seed a realistic demo center (staff, lots, today's slots, booked persons)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--persons", type=_count, default=50)

    p = add("stats", "station:stats", "counts of persons, appointments, doses, stock and sync state")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--json", action="store_true", help="one JSON object as the last line")

    p = add("check", "station:check", "check the database file page by page (SQLCipher HMACs and SQLite structure)")
    p.add_argument("--db", type=Path, required=True)

    p = add("simulate-day", "simulate:simulate",
            "drive the services through a day at the center in fresh databases; without --offline a tenant "
            "server on loopback (data in DB.server/) and a second station (DB-station2.db) sync all day, "
            "with an outage; certificate PDFs go to DB.certificates/")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--persons", type=_count, required=True)
    p.add_argument("--offline", action="store_true", help="one station recording without syncing")
    p.add_argument("--seed", type=int)
    p.add_argument("--json", action="store_true", help="one JSON object as the last line")

    p = add("enroll", "sync:enroll_station", "enroll this station with the tenant API using a one-time code")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--server", required=True, help="https://… address of the tenant API")
    p.add_argument("--code", required=True, help="one-time enrollment code from the tenant admin")
    p.add_argument("--ca-bundle", help="CA certificates (PEM) to trust instead of the system's")

    p = add("sync", "sync:sync_round", "one full sync round: push the outbox, pull changes (exit 0 when all done)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--json", action="store_true", help="one JSON object as the last line")

    p = add("passwd", "station:passwd", f"change the station passphrase (new one from {NEW_PASSPHRASE_ENV} or a prompt)")
    p.add_argument("--db", type=Path, required=True)

    p = add("rekey", "station:rekey_database", "re-encrypt the database with a new random data key")
    p.add_argument("--db", type=Path, required=True)

    p = add("backup", "station:backup", "write an encrypted backup of the station (restores with the passphrase)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)

    p = add("restore", "station:restore", "restore a backup into a new database path")
    p.add_argument("--backup", type=Path, required=True)
    p.add_argument("--db", type=Path, required=True, help="where the restored database goes (must not exist)")
    p.add_argument("--tenant", help="refuse a backup of any other tenant")

    report = sub.add_parser("report", help="reports for the site lead")
    report_sub = report.add_subparsers(dest="report_command", required=True, metavar="COMMAND")
    p = report_sub.add_parser("daily", help="the daily report (summary; CSV and PDF on request)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--date", type=iso_day, required=True, help="YYYY-MM-DD")
    p.add_argument("--csv", type=Path)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--force", action="store_true", help="overwrite output files that exist")
    p.set_defaults(handler="records:report_daily")

    export = sub.add_parser("export", help="exports for the health authority")
    export_sub = export.add_subparsers(dest="export_command", required=True, metavar="COMMAND")
    for name, help_text, format_help, handler in (
        ("authority", "the daily vaccination record export (CSV)",
         "export format file in resources/exports (default: de)", "records:export_authority"),
        ("positive-tests", "positive test results of a day, for the health authority (CSV)",
         "format file positive_<format>.json in resources/exports (default: de)", "records:export_positive_tests"),
    ):
        p = export_sub.add_parser(name, help=help_text)
        p.add_argument("--db", type=Path, required=True)
        p.add_argument("--date", type=iso_day, required=True, help="YYYY-MM-DD")
        p.add_argument("--out", type=Path, required=True)
        p.add_argument("--format", default="de", help=format_help)
        p.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
        p.set_defaults(handler=handler)

    person = sub.add_parser("person", help="data-protection duties for one person")
    person_sub = person.add_subparsers(dest="person_command", required=True, metavar="COMMAND")
    p = person_sub.add_parser("export", help="everything held about one person, as JSON and PDF")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--person", required=True, help="person id")
    p.add_argument("--out", type=Path, required=True, help="folder for person-<id>.json and .pdf")
    p.add_argument("--force", action="store_true", help="overwrite an earlier export of this person")
    p.set_defaults(handler="records:person_export")

    p = add("purge", "records:purge", "remove personal data past the retention period (once synced)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--older-than-days", type=_count, required=True)

    audit = sub.add_parser("audit", help="the audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    p = audit_sub.add_parser("verify", help="check the chain against its anchor and the sync server's copy; "
                                            "names the first broken entry")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--offline", action="store_true", help="do not ask the sync server for its copy's head")
    p.set_defaults(handler="records:audit_verify")

    add_cert_commands(sub)
    return parser


def add_cert_commands(subparsers: Any) -> None:
    """Add `cert` with its subcommands to an argparse subparsers object."""
    cert = subparsers.add_parser("cert", help="EU Digital COVID Certificates: sign, verify, demo keys")
    commands = cert.add_subparsers(dest="cert_command", required=True, metavar="COMMAND")

    sign = commands.add_parser("sign", help="sign a DCC payload and print the HC1: string")
    sign.add_argument("--payload", type=Path, required=True, help="DCC JSON payload (schema 1.3.0)")
    sign.add_argument("--key", type=Path, required=True, help="document signer private key (PEM, ES256)")
    sign.add_argument("--cert", type=Path, required=True, help="document signer certificate (PEM or DER)")
    sign.add_argument("--pdf", type=Path, help="also write the printable certificate here")
    sign.set_defaults(handler="cert:run_sign")

    check = commands.add_parser("verify", help="verify an HC1: string")
    check.add_argument("hc1", nargs="?", help="the HC1: string (read from stdin when left out)")
    check.add_argument(
        "--trust", type=Path, action="append", default=[], help="signer certificate (PEM or DER)"
    )
    check.add_argument("--at", help="verification time, ISO 8601 (default: now)")
    check.add_argument("--revocations", type=Path,
                       help="revocation list (EU DCC batch JSON, e.g. saved from the tenant API's /v1/revocations)")
    output = check.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"hc1", "trust": [base64 DER], "at"} lines from stdin, write one result line each',
    )
    check.set_defaults(handler="cert:run_verify")

    issue = commands.add_parser("issue", help="issue the certificate of a recorded vaccination (station database)")
    issue.add_argument("--db", type=Path, required=True, help="station database")
    issue.add_argument("--vaccination", required=True, help="vaccination id")
    issue.add_argument("--pdf", type=Path, help="also write the printable certificate here")
    issue.set_defaults(handler="cert:run_issue")

    install = commands.add_parser("install-signer", help="store the site's document signer in the station database")
    install.add_argument("--db", type=Path, required=True, help="station database")
    install.add_argument("--key", type=Path, help="document signer private key (PEM)")
    install.add_argument("--cert", type=Path, help="document signer certificate (PEM or DER)")
    install.add_argument("--p12", type=Path,
                         help="or both in one PKCS#12 file (password from VAXDESK_P12_PASSWORD or a prompt)")
    install.set_defaults(handler="cert:run_install_signer")

    configure = commands.add_parser("configure", help="the tenant's certificate settings at this station")
    configure.add_argument("--db", type=Path, required=True, help="station database")
    configure.add_argument("--issuer", help="the certificate issuer (`is`), e.g. the health authority's name")
    configure.add_argument("--validity-days", type=int, help="how long certificates signed here are valid")
    configure.set_defaults(handler="cert:run_configure")

    demo = commands.add_parser("demo-keys", help="write a demo CSCA and document signer (PEM)")
    demo.add_argument("--out", type=Path, required=True, help="folder to write the PEM files to")
    demo.add_argument("--country", default="DE", help="two-letter country code (default DE)")
    demo.set_defaults(handler="cert:run_demo_keys")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("must be between 0 and 1,000,000")
    return value


def run_handler(args: argparse.Namespace) -> int:
    """Run the parsed command; a VaxDesk error is one line on stderr and its exit code."""
    try:
        return run_command("app.cli", args)  # loads the command's module: see the module docstring
    except VaxDeskError as exc:
        print(f"vaxdesk: {exc}", file=sys.stderr)
        return exc.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_path = setup_logging()
    try:
        return run_handler(args)
    except KeyboardInterrupt:
        print("vaxdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log.critical("unexpected error in command %s\n%s", getattr(args, "command", None),
                     describe_exception(type(exc), exc, exc.__traceback__))
        where = f" Details are in {log_path}." if log_path else ""
        print(f"vaxdesk: an unexpected error stopped the command; nothing was half-written.{where}", file=sys.stderr)
        return 1
