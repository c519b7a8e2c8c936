"""What the citizen's pages write to the server's log: the tenant and the outcome, never a name, a date of
birth, an address, a booking code or a result token. The real app on a real tenant database, in process
(so the test reads every record the loggers receive)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import httpx
import pytest

from sync.server.app import create_app
from sync.server.page_screenshots import PERSON, seed_tenant
from sync.server.tenants import Registry


@pytest.mark.anyio
async def test_no_personal_data_reaches_the_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    registry = Registry(data_dir=tmp_path, master_key=os.urandom(32))
    demo = seed_tenant(registry, "logs", challenge=False, days=1, per_day=2)
    app = create_app(registry)
    year, month, day = PERSON["dob"].split("-")
    person = {"family_name": PERSON["family_name"], "given_name": PERSON["given_name"], "dob_day": day,
              "dob_month": month, "dob_year": year}
    caplog.set_level(logging.DEBUG)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://pages") as client:
            booked = await client.post(f"/p/logs/book/{demo.slots[0]}", data={**person, "email": "eva.log@example.org"})
            assert booked.status_code == 200
            code = booked.text.split('id="booking-code">', 1)[1].split("<", 1)[0]
            managed = await client.post("/p/logs/manage", data={"code": code, "dob_day": day, "dob_month": month,
                                                                 "dob_year": year})
            assert managed.status_code == 200
            for dob_day in (day, "01"):  # opened, then refused
                answer = await client.post("/p/logs/result", data={**person, "dob_day": dob_day,
                                                                    "token": demo.test_token})
                assert answer.status_code == (200 if dob_day == day else 403)
    finally:
        registry.close()
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "result opened" in logged and "result not opened" in logged  # the log does say what happened
    for secret in (PERSON["family_name"], "Müller", PERSON["given_name"], PERSON["dob"], "eva.log@example.org",
                   code, code.replace("-", ""), demo.test_token[:40]):
        assert secret not in logged, secret


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
