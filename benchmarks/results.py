"""result_mail_render_ms (one result mail rendered: Jinja2 + MJML + plain text, a tenant's templates
looked up) and results_page_open_ms (a token opened on the citizen's page, server side: the form read,
the rate limit, the key derivation, the signature, the page rendered), both medians."""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from sync.server.app import create_app
from sync.server.edge_settings import read_settings
from sync.server.mail_templates import TenantMailTemplates
from sync.server.page_screenshots import PERSON, seed_tenant
from sync.server.result_mail import result_values
from sync.server.tenants import Registry


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def result_figures(quick: bool) -> dict[str, Any]:
    mails, openings = (100, 20) if quick else (500, 100)
    with tempfile.TemporaryDirectory(prefix="vaxdesk-bench-results-") as scratch:
        registry = Registry(data_dir=Path(scratch), master_key=os.urandom(32))
        try:
            demo = seed_tenant(registry, "bench", challenge=False, mail_from="termine@bench.example",
                               public_url="https://termine.example/p/bench/", result_per_client="100000/minute",
                               result_per_tenant="100000/minute", days=1, per_day=1)
            with demo.tenant.read() as conn:
                settings = read_settings(conn)
            templates = TenantMailTemplates()
            render: list[float] = []
            for n in range(mails + 5):
                started = time.perf_counter()
                values = result_values(settings=settings, tenant_name="bench", lang="de" if n % 2 else "en",
                                       token=demo.test_token, kind="test_result")
                templates.render("result_ready", "de" if n % 2 else "en", values, tenant=demo.tenant)
                if n >= 5:  # the first renders compile the templates
                    render.append(time.perf_counter() - started)
            opening = asyncio.run(_open_on_page(registry, demo.test_token, openings))
        finally:
            registry.close()
    return {"result_mail_render_ms": _median_ms(render), "results_page_open_ms": _median_ms(opening),
            "results_sizes": f"median of {mails} mails (de and en) and {openings} page openings "
                             "(in-process ASGI, no network; the key derivation is most of it)"}


async def _open_on_page(registry: Registry, token: str, count: int) -> list[float]:
    app = create_app(registry)
    form = {"token": token, "family_name": PERSON["family_name"], "given_name": PERSON["given_name"],
            "dob_year": PERSON["dob"][:4], "dob_month": PERSON["dob"][5:7], "dob_day": PERSON["dob"][8:]}
    samples: list[float] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for n in range(count + 2):
            started = time.perf_counter()
            answer = await client.post("/p/bench/result", data=form)
            elapsed = time.perf_counter() - started
            if answer.status_code != 200 or "Negativ" not in answer.text:
                raise RuntimeError(f"the result did not open on the page ({answer.status_code})")
            if n >= 2:
                samples.append(elapsed)
    return samples
