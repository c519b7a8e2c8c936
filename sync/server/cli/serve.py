"""`vaxdesk-server` (no command) and `openapi`: the web stack (FastAPI, uvicorn, the routes) loads for these only."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from pathlib import Path

import uvicorn

from sync.server.app import create_app
from sync.server.cli.main import EXIT_KEY
from sync.server.cli.storage import open_registry
from sync.server.public import default_config
from sync.server.tenants import Registry

log = logging.getLogger("vaxdesk.server")
MASTER_KEY_HINT = "VAXDESK_MASTER_KEY (or master.key in the data dir)"


def serve(args: argparse.Namespace) -> int:
    try:
        edge = default_config()
    except ValueError as exc:
        print(f"vaxdesk-server: {exc}", file=sys.stderr)
        return 2
    if args.rate_limit_storage:
        edge = dataclasses.replace(edge, rate_limit_storage=args.rate_limit_storage)
    registry = open_registry(args)
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


def openapi(args: argparse.Namespace) -> int:
    """The whole web app, for its OpenAPI document only."""
    print(json.dumps(create_app(Registry(data_dir=Path(os.devnull), master_key=bytes(32))).openapi(), indent=1))
    return 0
