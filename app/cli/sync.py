"""`vaxdesk enroll|sync`: join the center's tenant API, run one full sync round."""

from __future__ import annotations

import argparse
import sys

from app.cli.terminal import emit_json, read_passphrase
from app.services.certificates import sign_waiting_vouchers
from app.storage.engine import open_store
from sync.station import SyncEngine, enroll, lease_policy, online_signer


def enroll_station(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase()) as store:
        answer = enroll(store, server_url=args.server, code=args.code, ca_bundle=args.ca_bundle)
    print(f"Station enrolled with tenant {answer.tenant}, site {answer.site_code} (device {answer.device_id}).")
    return 0


def sync_round(args: argparse.Namespace) -> int:
    with open_store(args.db, read_passphrase()) as store, SyncEngine(store, **lease_policy(store)) as engine:
        report = engine.run_round()
        signed = sign_waiting_vouchers(store, remote_signer=online_signer(store)) if report.complete else []
    figures = {"pushed": report.pushed, "applied": report.applied, "duplicates": report.duplicates,
               "rejected": report.rejected, "parked": report.parked, "pulled": report.pulled,
               "quarantined": report.quarantined, "pending": report.pending_after,
               "clock_skew_s": report.clock_skew_s, "epoch_changed": report.epoch_changed,
               "vouchers_signed": len(signed)}
    if args.json:
        emit_json(figures)
    else:
        print(" ".join(f"{k}={v}" for k, v in figures.items()))
    if not report.complete:
        print(f"vaxdesk: {report.pending_after} mutation(s) are still waiting for the server.", file=sys.stderr)
        return 1
    return 0
