"""`vaxdesk init|demo|stats|check|passwd|rekey|backup|restore`: the station database file itself."""

from __future__ import annotations

import argparse
import sys

from app.cli.terminal import NEW_PASSPHRASE_ENV, emit_json, read_passphrase
from app.errors import CorruptDatabase
from app.services.catalogue import load_catalogue
from app.services.demo import DEMO_STAFF, seed_center
from app.services.products import install_catalogue
from app.services.progress import Progress
from app.services.stats import station_stats
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.backup import restore_backup, write_backup
from app.storage.engine import Store, change_passphrase, check_database, create_store, open_store, rekey


def init(args: argparse.Namespace) -> int:
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


def demo(args: argparse.Namespace) -> int:
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


def stats(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase(), migrate=False) as store:
        store.require_sound_pages()
        figures = station_stats(store)
    if args.json:
        emit_json(figures)
        return 0
    for key, value in figures.items():
        if key != "stock":
            print(f"{key:<20} {value}")
    print("stock (doses)        received administered wasted remaining")
    for code, f in figures["stock"].items():
        print(f"  {code:<18} {f['received']:>8} {f['administered']:>12} {f['wasted']:>6} {f['remaining']:>9}")
    return 0


def check(args: argparse.Namespace) -> int:
    findings = check_database(args.db, read_passphrase())
    if not findings:
        print(f"{args.db}: every page decrypts and verifies (cipher_integrity_check), "
              "and the structure is sound (integrity_check).")
        return 0
    print(f"{args.db} is DAMAGED ({len(findings)} finding(s)); restore it from a backup:", file=sys.stderr)
    for finding in findings:
        print(f"  {finding}", file=sys.stderr)
    return CorruptDatabase.exit_code


def passwd(args: argparse.Namespace) -> int:
    old = read_passphrase(prompt="Current passphrase: ")
    new = read_passphrase(confirm=True, env=NEW_PASSPHRASE_ENV, prompt="New passphrase: ")
    change_passphrase(args.db, old, new)
    print("Passphrase changed.")
    return 0


def rekey_database(args: argparse.Namespace) -> int:
    rekey(args.db, read_passphrase())
    print("Database re-encrypted with a new data key.")
    return 0


def backup(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase(), migrate=False) as store:
        store.require_sound_pages()  # a backup of a damaged file would carry the damage on
        info = write_backup(store, args.out)
        with UnitOfWork(store, Actor.system()) as uow:
            uow.record(action="station.backup", entity="station", entity_id=store.identity.station_id,
                       details={"bytes": info.size})
    print(f"Backup written to {args.out} ({info.size / 1e6:.1f} MB, tenant {info.tenant}). "
          "It is encrypted: restoring needs the station passphrase.")
    return 0


def restore(args: argparse.Namespace) -> int:
    info = restore_backup(args.backup, args.db, read_passphrase(), expected_tenant=args.tenant)
    print(f"Restored the backup of {info.created_at[:19]} (tenant {info.tenant}) to {args.db}.")
    return 0
