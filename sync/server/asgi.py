"""The tenant API as an ASGI application factory, for servers started by their own command line
(`granian --interface asgi --factory sync.server.asgi:app`, `uvicorn --factory sync.server.asgi:app`).
Configured from the environment: VAXDESK_DATA_DIR, VAXDESK_DATABASE_URL, VAXDESK_MASTER_KEY and the
public edge's variables (sync/server/public.py, default_config)."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from sync.server.app import create_app
from sync.server.public import default_config
from sync.server.tenants import Registry


def app() -> FastAPI:
    registry = Registry(data_dir=Path(os.environ.get("VAXDESK_DATA_DIR", ".")),
                        database_url=os.environ.get("VAXDESK_DATABASE_URL") or None)
    return create_app(registry, edge=default_config())
