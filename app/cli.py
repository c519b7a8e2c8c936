"""The `vaxdesk` command: the station window by default, admin subcommands otherwise."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import CorruptDatabase, ValidationError, VaxDeskError

log = logging.getLogger(__name__)
PASSPHRASE_ENV = "VAXDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "VAXDESK_NEW_PASSPHRASE"


class NoPassphrase(VaxDeskError):
    exit_code = 2


def read_passphrase(*, confirm: bool = False, env: str = PASSPHRASE_ENV, prompt: str = "Station passphrase: ") -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise NoPassphrase(f"No passphrase: set {env} or run the command in a terminal.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise ValidationError("The two passphrases differ.")
    return first


def _emit_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False, sort_keys=True))


def cmd_init(args: argparse.Namespace) -> int:
    from app.services.catalogue import load_catalogue
    from app.services.products import install_catalogue
    from app.services.unit_of_work import Actor, UnitOfWork
    from app.storage.engine import Store, create_store

    catalogue = load_catalogue()

    def populate(store: Store) -> None:
        with UnitOfWork(store, Actor.system()) as uow:
            install_catalogue(uow, catalogue)
            uow.record(action="station.initialised", entity="station", entity_id=store.identity.station_id)

    with create_store(args.db, read_passphrase(confirm=True), tenant=args.tenant, site_code=args.site,
                      site_name=args.site_name, populate=populate):
        print(f"Created station database {args.db} for tenant {args.tenant}, site {args.site}.")
        print(f"Key file: {args.db}.key — keep it with the database; back up both.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import DEMO_STAFF, seed_center
    from app.services.progress import Progress
    from app.storage.engine import create_store, open_store

    passphrase = read_passphrase(confirm=not args.db.exists())
    if args.db.exists():
        store = open_store(args.db, passphrase)
    else:
        store = create_store(args.db, passphrase, tenant="demo", site_code="demo-center",
                             site_name="Impfzentrum Musterstadt")
    progress = Progress(sys.stderr, command="demo")
    progress.update(0.0, "staff, lots and slots")
    with store:
        created = seed_center(store, persons=args.persons,
                              on_progress=lambda done, of: progress.update(done / max(of, 1), "persons",
                                                                           f"{done:,} of {of:,}"))
    progress.done()
    print(f"Demo center in {args.db}: {created['persons']} booked persons, {created['lots']} lots, "
          f"{created['slots']} slots today.")
    print("Staff logins (login / PIN):")
    for s in DEMO_STAFF:
        print(f"  {s.role:<7} {s.login:<8} PIN {s.pin}   {s.display_name}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from app.services.stats import station_stats
    from app.storage.engine import open_store

    with open_store(args.db, read_passphrase(), migrate=False) as store:
        store.require_sound_pages()
        figures = station_stats(store)
    if args.json:
        _emit_json(figures)
        return 0
    for key, value in figures.items():
        if key != "stock":
            print(f"{key:<20} {value}")
    print("stock (doses)        received administered wasted remaining")
    for code, f in figures["stock"].items():
        print(f"  {code:<18} {f['received']:>8} {f['administered']:>12} {f['wasted']:>6} {f['remaining']:>9}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.storage.engine import check_database

    findings = check_database(args.db, read_passphrase())
    if not findings:
        print(f"{args.db}: every page decrypts and verifies (cipher_integrity_check), "
              "and the structure is sound (integrity_check).")
        return 0
    print(f"{args.db} is DAMAGED ({len(findings)} finding(s)); restore it from a backup:", file=sys.stderr)
    for finding in findings:
        print(f"  {finding}", file=sys.stderr)
    return CorruptDatabase.exit_code


def cmd_simulate_day(args: argparse.Namespace) -> int:
    from app.services.progress import Progress
    from app.services.simulation import simulate_day, summary

    passphrase = read_passphrase()
    report = simulate_day(args.db, passphrase, persons=args.persons, offline=args.offline, seed=args.seed,
                          progress=Progress(sys.stderr))
    if args.json:
        _emit_json(report)
    else:
        print("\n".join(summary(report)))
    return 0 if report["converged"] in (True, None) else 1


def cmd_passwd(args: argparse.Namespace) -> int:
    from app.storage.engine import change_passphrase

    old = read_passphrase(prompt="Current passphrase: ")
    new = read_passphrase(confirm=True, env=NEW_PASSPHRASE_ENV, prompt="New passphrase: ")
    change_passphrase(args.db, old, new)
    print("Passphrase changed.")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from app.storage.engine import rekey

    rekey(args.db, read_passphrase())
    print("Database re-encrypted with a new data key.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.storage.backup import write_backup
    from app.storage.engine import open_store

    with open_store(args.db, read_passphrase(), migrate=False) as store:
        store.require_sound_pages()  # a backup of a damaged file would carry the damage on
        info = write_backup(store, args.out)
        from app.services.unit_of_work import Actor, UnitOfWork

        with UnitOfWork(store, Actor.system()) as uow:
            uow.record(action="station.backup", entity="station", entity_id=store.identity.station_id,
                       details={"bytes": info.size})
    print(f"Backup written to {args.out} ({info.size / 1e6:.1f} MB, tenant {info.tenant}). "
          "It is encrypted: restoring needs the station passphrase.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.storage.backup import restore_backup

    info = restore_backup(args.backup, args.db, read_passphrase(), expected_tenant=args.tenant)
    print(f"Restored the backup of {info.created_at[:19]} (tenant {info.tenant}) to {args.db}.")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from app.services.audit import verify_audit
    from app.services.unit_of_work import Actor
    from app.storage.engine import open_store

    with open_store(args.db, read_passphrase(), migrate=False) as store:
        store.require_sound_pages()
        server_head, against = None, "the key file's anchor"
        if not args.offline:
            server_head, against = _server_audit_head(store)
        check = verify_audit(store, Actor.system(), server_head=server_head)
    if check.ok:
        print(f"Audit log intact: {check.rows} entries, hash chain unbroken, checked against {against}.")
        return 0
    where = f" at entry {check.first_broken_seq}" if check.first_broken_seq else ""
    print(f"Audit log BROKEN{where}: {check.problem}.", file=sys.stderr)
    return 18


def _server_audit_head(store: Any) -> tuple[Any, str]:
    """The head the sync server holds for this station, asked now; else the last one it acknowledged."""
    from sync.errors import NotEnrolled, SyncError
    from sync.station.audit_push import server_audit_head
    from sync.station.engine import SyncEngine

    anchor = store.audit_anchor()
    kept = f"the key file's anchor and the last head the sync server acknowledged (entry {anchor.server.seq})" \
        if anchor.server else "the key file's anchor"
    try:
        with SyncEngine(store, client_options={"retries": 1, "timeout": 5.0}) as engine:
            head = server_audit_head(engine.client)
    except NotEnrolled:
        return None, kept
    except SyncError:
        print("vaxdesk: the sync server was not reached; comparing with the last head it acknowledged.",
              file=sys.stderr)
        return None, kept
    return head, f"the key file's anchor and the sync server's copy (entry {head.seq})"


def cmd_enroll(args: argparse.Namespace) -> int:
    from app.storage.engine import open_store
    from sync.station.engine import enroll

    with open_store(args.db, read_passphrase()) as store:
        answer = enroll(store, server_url=args.server, code=args.code, ca_bundle=args.ca_bundle)
    print(f"Station enrolled with tenant {answer.tenant}, site {answer.site_code} (device {answer.device_id}).")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from app.services.certificates import sign_waiting_vouchers
    from app.storage.engine import open_store
    from sync.station.engine import SyncEngine, lease_policy
    from sync.station.signing import online_signer

    with open_store(args.db, read_passphrase()) as store, SyncEngine(store, **lease_policy(store)) as engine:
        report = engine.run_round()
        signed = sign_waiting_vouchers(store, remote_signer=online_signer(store)) if report.complete else []
    figures = {"pushed": report.pushed, "applied": report.applied, "duplicates": report.duplicates,
               "rejected": report.rejected, "parked": report.parked, "pulled": report.pulled,
               "quarantined": report.quarantined, "pending": report.pending_after,
               "clock_skew_s": report.clock_skew_s, "epoch_changed": report.epoch_changed,
               "vouchers_signed": len(signed)}
    if args.json:
        _emit_json(figures)
    else:
        print(" ".join(f"{k}={v}" for k, v in figures.items()))
    if not report.complete:
        print(f"vaxdesk: {report.pending_after} mutation(s) are still waiting for the server.", file=sys.stderr)
        return 1
    return 0


def cmd_person_export(args: argparse.Namespace) -> int:
    from app.services.privacy import export_person
    from app.services.unit_of_work import Actor
    from app.storage.engine import open_store

    with open_store(args.db, read_passphrase(), migrate=False) as store:
        actor = Actor(staff_id=None, role="admin", display_name="vaxdesk person export")
        json_path, pdf_path = export_person(store, actor, args.person, args.out, force=args.force)
    print(f"Wrote {json_path} and {pdf_path}. They contain personal data: hand them over securely.")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from app.services.privacy import purge_personal_data
    from app.services.unit_of_work import Actor
    from app.storage.engine import open_store

    with open_store(args.db, read_passphrase(), migrate=False) as store:
        result = purge_personal_data(store, Actor(staff_id=None, role="admin", display_name="vaxdesk purge"),
                                     older_than_days=args.older_than_days)
    if result.kept_unsynced:
        print("Nothing purged: older records are not yet confirmed by the server. Sync first.")
        return 0
    print(f"Personal data of {result.purged} person(s) removed; pseudonymised figures kept.")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date like 2026-11-27") from None


def _write_output(path: Path, data: bytes | str, *, force: bool) -> None:
    from app.storage.output import write_output_file

    write_output_file(path, data, force=force)


def cmd_report_daily(args: argparse.Namespace) -> int:
    from app.services.report import daily_report, report_csv, report_pdf
    from app.services.unit_of_work import Actor
    from app.storage.engine import open_store
    from app.storage.output import refuse_existing

    for out in (args.csv, args.pdf):
        if out is not None:
            refuse_existing(out, force=args.force)
    with open_store(args.db, read_passphrase(), migrate=False) as store:
        report = daily_report(store, Actor.system(), args.date)
    if report.empty:
        print(f"No vaccinations, no-shows, waste or adverse events recorded on {args.date:%d.%m.%Y}.")
    else:
        print(f"{report.site_name}, {args.date:%d.%m.%Y}: {report.total_doses} doses, {report.no_shows} no-shows, "
              f"{sum(n for _, _, n in report.waste)} doses wasted, {report.certificates_issued} certificates.")
        for product, n in report.doses_by_product.items():
            print(f"  {product:<12} {n}")
    if args.csv:
        _write_output(args.csv, report_csv(report), force=args.force)
    if args.pdf:
        _write_output(args.pdf, report_pdf(report), force=args.force)
    return 0


def cmd_export_authority(args: argparse.Namespace) -> int:
    from app.services.authority_export import write_authority_export
    from app.services.unit_of_work import Actor
    from app.storage.engine import open_store

    with open_store(args.db, read_passphrase(), migrate=False) as store:
        rows = write_authority_export(store, Actor(staff_id=None, role="admin", display_name="vaxdesk export"),
                                      args.date, args.out, country=args.format, force=args.force)
    if rows == 0:
        print(f"No vaccinations on {args.date:%d.%m.%Y}: {args.out} has only the header row.")
    else:
        print(f"{rows} vaccination record(s) written to {args.out}.")
    return 0


def cmd_export_positive_tests(args: argparse.Namespace) -> int:
    from app.services.positive_tests_export import write_positive_tests_export
    from app.services.unit_of_work import Actor
    from app.storage.engine import open_store

    with open_store(args.db, read_passphrase(), migrate=False) as store:
        rows = write_positive_tests_export(store, Actor(staff_id=None, role="admin", display_name="vaxdesk export"),
                                           args.date, args.out, country=args.format, force=args.force)
    print(f"{rows} positive result(s) of {args.date:%d.%m.%Y} written to {args.out}.")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.main import run_gui  # type: ignore[import-not-found,unused-ignore]

    return int(run_gui(db=args.db, kiosk=args.kiosk, language=args.lang))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vaxdesk", description="VaxDesk vaccination center station. Without a command, opens the window."
    )
    parser.add_argument("--version", action="version", version=f"VaxDesk {__version__}")
    parser.add_argument("--db", type=Path, help="station database (default: the one in the app data folder)")
    parser.add_argument("--kiosk", action="store_true", help="full screen kiosk mode")
    parser.add_argument("--lang", choices=("de", "en"), help="language (default: the system's)")
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "create a new station database (refuses to touch an existing file)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--tenant", required=True)
    p.add_argument("--site", required=True)
    p.add_argument("--site-name")

    p = add("demo", cmd_demo, "seed a realistic demo center (staff, lots, today's slots, booked persons)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--persons", type=_count, default=50)

    p = add("stats", cmd_stats, "counts of persons, appointments, doses, stock and sync state")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--json", action="store_true", help="one JSON object as the last line")

    p = add("check", cmd_check, "check the database file page by page (SQLCipher HMACs and SQLite structure)")
    p.add_argument("--db", type=Path, required=True)

    p = add("simulate-day", cmd_simulate_day,
            "drive the services through a day at the center in fresh databases; without --offline a tenant "
            "server on loopback (data in DB.server/) and a second station (DB-station2.db) sync all day, "
            "with an outage; certificate PDFs go to DB.certificates/")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--persons", type=_count, required=True)
    p.add_argument("--offline", action="store_true", help="one station recording without syncing")
    p.add_argument("--seed", type=int)
    p.add_argument("--json", action="store_true", help="one JSON object as the last line")

    p = add("enroll", cmd_enroll, "enroll this station with the tenant API using a one-time code")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--server", required=True, help="https://… address of the tenant API")
    p.add_argument("--code", required=True, help="one-time enrollment code from the tenant admin")
    p.add_argument("--ca-bundle", help="CA certificates (PEM) to trust instead of the system's")

    p = add("sync", cmd_sync, "one full sync round: push the outbox, pull changes (exit 0 when all done)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--json", action="store_true", help="one JSON object as the last line")

    p = add("passwd", cmd_passwd, f"change the station passphrase (new one from {NEW_PASSPHRASE_ENV} or a prompt)")
    p.add_argument("--db", type=Path, required=True)

    p = add("rekey", cmd_rekey, "re-encrypt the database with a new random data key")
    p.add_argument("--db", type=Path, required=True)

    p = add("backup", cmd_backup, "write an encrypted backup of the station (restores with the passphrase)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)

    p = add("restore", cmd_restore, "restore a backup into a new database path")
    p.add_argument("--backup", type=Path, required=True)
    p.add_argument("--db", type=Path, required=True, help="where the restored database goes (must not exist)")
    p.add_argument("--tenant", help="refuse a backup of any other tenant")

    report = sub.add_parser("report", help="reports for the site lead")
    report_sub = report.add_subparsers(dest="report_command", required=True, metavar="COMMAND")
    p = report_sub.add_parser("daily", help="the daily report (summary; CSV and PDF on request)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--date", type=_day, required=True, help="YYYY-MM-DD")
    p.add_argument("--csv", type=Path)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--force", action="store_true", help="overwrite output files that exist")
    p.set_defaults(handler=cmd_report_daily)

    export = sub.add_parser("export", help="exports for the health authority")
    export_sub = export.add_subparsers(dest="export_command", required=True, metavar="COMMAND")
    p = export_sub.add_parser("authority", help="the daily vaccination record export (CSV)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--date", type=_day, required=True, help="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--format", default="de", help="export format file in resources/exports (default: de)")
    p.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    p.set_defaults(handler=cmd_export_authority)
    p = export_sub.add_parser("positive-tests", help="positive test results of a day, for the health authority (CSV)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--date", type=_day, required=True, help="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--format", default="de", help="format file positive_<format>.json in resources/exports (default: de)")
    p.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    p.set_defaults(handler=cmd_export_positive_tests)

    person = sub.add_parser("person", help="data-protection duties for one person")
    person_sub = person.add_subparsers(dest="person_command", required=True, metavar="COMMAND")
    p = person_sub.add_parser("export", help="everything held about one person, as JSON and PDF")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--person", required=True, help="person id")
    p.add_argument("--out", type=Path, required=True, help="folder for person-<id>.json and .pdf")
    p.add_argument("--force", action="store_true", help="overwrite an earlier export of this person")
    p.set_defaults(handler=cmd_person_export)

    p = add("purge", cmd_purge, "remove personal data past the retention period (once synced)")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--older-than-days", type=_count, required=True)

    audit = sub.add_parser("audit", help="the audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    p = audit_sub.add_parser("verify", help="check the chain against its anchor and the sync server's copy; "
                                            "names the first broken entry")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--offline", action="store_true", help="do not ask the sync server for its copy's head")
    p.set_defaults(handler=cmd_audit_verify)

    try:
        from app.certificates.commands import add_cert_commands  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        pass
    else:
        add_cert_commands(sub)
    return parser


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("must be between 0 and 1,000,000")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    from app.logs import setup_logging

    args = build_parser().parse_args(argv)
    log_path = setup_logging()
    try:
        return int(args.handler(args))
    except VaxDeskError as exc:
        print(f"vaxdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("vaxdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        from app.logs import describe_exception

        log.critical("unexpected error in command %s\n%s", getattr(args, "command", None),
                     describe_exception(type(exc), exc, exc.__traceback__))
        where = f" Details are in {log_path}." if log_path else ""
        print(f"vaxdesk: an unexpected error stopped the command; nothing was half-written.{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
