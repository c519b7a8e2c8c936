"""No booking code or personal data in a log line: an unhandled error on the public booking lookup
is logged with the route's template, never the path that carries the code."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import httpx
import pytest

from app.domain.booking_code import format_booking_code, new_booking_code
from sync.server.app import create_app
from sync.server.tenants import Registry

CODE = format_booking_code(new_booking_code())  # a well-formed code (its check letter holds), as printed


def test_a_crash_on_the_public_lookup_logs_the_route_not_the_code(tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    registry = Registry(data_dir=tmp_path)
    registry.create("county")
    # A real failure inside the lookup: the appointment table lost the column it is looked up by (a
    # dropped table would simply be created again when the tenant opens).
    with sqlite3.connect(tmp_path / "tenants" / "county.sqlite") as conn:
        conn.execute("ALTER TABLE appointment RENAME COLUMN code_index TO lost_index")
    app = create_app(Registry(data_dir=tmp_path))

    async def lookup() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://station.test") as client:
            return await client.get(f"/v1/public/county/bookings/{CODE}")

    with caplog.at_level(logging.INFO):
        answer = asyncio.run(lookup())
    assert answer.status_code == 500 and answer.json()["code"] == "internal_error"
    crash = [r for r in caplog.records if r.getMessage() == "unhandled error"]
    assert crash and crash[0].route == "/v1/public/{tenant}/bookings/{code}"  # type: ignore[attr-defined]
    server_side = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]  # not our client's
    assert len(server_side) >= 2
    for record in server_side:
        assert CODE not in record.getMessage() and CODE not in str(record.__dict__)


def test_the_station_log_leaves_http_request_lines_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx logs every URL at INFO; a station's URLs may carry a booking code, so they stay out of its log."""
    from app.logs import setup_logging

    monkeypatch.setenv("VAXDESK_LOG_DIR", str(tmp_path))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = setup_logging()
        assert path is not None
        logging.getLogger("httpx").info("HTTP Request: GET https://x/v1/public/t/bookings/%s", CODE)
        logging.getLogger("app.test").info("a line that belongs in the log")
        for handler in root.handlers:
            handler.flush()
        written = path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    assert "a line that belongs in the log" in written and CODE not in written
