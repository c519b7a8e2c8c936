"""`vaxdesk report|export|person export|purge|audit verify`: what the station's records are read and
handed over for (the site lead, the health authority, the data-protection officer)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.terminal import read_passphrase
from app.services.audit import verify_audit
from app.services.authority_export import write_authority_export
from app.services.positive_tests_export import write_positive_tests_export
from app.services.privacy import export_person, purge_personal_data
from app.services.report import daily_report, report_csv, report_pdf
from app.services.unit_of_work import Actor
from app.storage.engine import Store, open_store
from app.storage.output import refuse_existing, write_output_file
from sync.errors import NotEnrolled, SyncError
from sync.station import SyncEngine, server_audit_head


def audit_verify(args: argparse.Namespace) -> int:
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


def _server_audit_head(store: Store) -> tuple[Any, str]:
    """The head the sync server holds for this station, asked now; else the last one it acknowledged."""
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


def person_export(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase(), migrate=False) as store:
        actor = Actor(staff_id=None, role="admin", display_name="vaxdesk person export")
        json_path, pdf_path = export_person(store, actor, args.person, args.out, force=args.force)
    print(f"Wrote {json_path} and {pdf_path}. They contain personal data: hand them over securely.")
    return 0


def purge(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase(), migrate=False) as store:
        result = purge_personal_data(store, Actor(staff_id=None, role="admin", display_name="vaxdesk purge"),
                                     older_than_days=args.older_than_days)
    if result.kept_unsynced:
        print("Nothing purged: older records are not yet confirmed by the server. Sync first.")
        return 0
    print(f"Personal data of {result.purged} person(s) removed; pseudonymised figures kept.")
    return 0


def report_daily(args: argparse.Namespace) -> int:
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
        write_output_file(args.csv, report_csv(report), force=args.force)
    if args.pdf:
        write_output_file(args.pdf, report_pdf(report), force=args.force)
    return 0


def export_authority(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase(), migrate=False) as store:
        rows = write_authority_export(store, Actor(staff_id=None, role="admin", display_name="vaxdesk export"),
                                      args.date, args.out, country=args.format, force=args.force)
    if rows == 0:
        print(f"No vaccinations on {args.date:%d.%m.%Y}: {args.out} has only the header row.")
    else:
        print(f"{rows} vaccination record(s) written to {args.out}.")
    return 0


def export_positive_tests(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase(), migrate=False) as store:
        rows = write_positive_tests_export(store, Actor(staff_id=None, role="admin", display_name="vaxdesk export"),
                                           args.date, args.out, country=args.format, force=args.force)
    print(f"{rows} positive result(s) of {args.date:%d.%m.%Y} written to {args.out}.")
    return 0
