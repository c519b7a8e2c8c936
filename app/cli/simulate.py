"""`vaxdesk simulate-day`: the services driven through a day at the center (`app.simulation`)."""

from __future__ import annotations

import argparse
import sys

from app.cli.terminal import emit_json, read_passphrase
from app.services.progress import Progress
from app.simulation import simulate_day, summary


def simulate(args: argparse.Namespace) -> int:
    passphrase = read_passphrase()
    report = simulate_day(args.db, passphrase, persons=args.persons, offline=args.offline, seed=args.seed,
                          progress=Progress(sys.stderr))
    if args.json:
        emit_json(report)
    else:
        print("\n".join(summary(report)))
    return 0 if report["converged"] in (True, None) else 1
