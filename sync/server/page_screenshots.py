"""Screenshots of every citizen's page, German and English, at phone and desktop widths, taken by headless
Chromium from a demo tenant served on loopback: `python -m sync.server.page_screenshots --out DIR`.

A tool for people who look at the pages (and for the test that keeps it working), not part of the server:
it needs the test extra (selenium) and Debian's chromium + chromium-driver.
"""

from __future__ import annotations

import argparse
import os
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import uvicorn
from cryptography.hazmat.primitives import serialization
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import update

from app.certificates.corsign import create_corsign
from app.certificates.dcc import VaccinationFacts, build_payload, issue_hc1
from app.certificates.result_token import Holder, ResultClaims, TestFacts
from app.certificates.signer import DemoChain, create_demo_chain
from app.certificates.uvci import make_uvci
from sync.server import ledger
from sync.server import tenants as t
from sync.server.app import create_app, install_signer
from sync.server.edge_settings import write_settings
from sync.server.public import EdgeConfig
from sync.server.tenants import Registry, Tenant

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTHS = {"phone": (360, 740), "desktop": (1366, 768)}
PERSON = {"family_name": "Müller-Lüdenscheidt", "given_name": "Eva Maria", "dob": "1985-03-27"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class DemoTenant:
    """A tenant with a week of slots, a document signer, and result tokens for PERSON."""

    tenant: Tenant
    chain: DemoChain
    slots: list[str]
    test_token: str
    certificate_token: str
    site_id: str = "site-a"


def seed_tenant(registry: Registry, name: str = "demo", *, challenge: bool = True, mail_from: str | None = None,
                public_url: str | None = None, days: int = 5, per_day: int = 6, capacity: int = 4,
                **settings: object) -> DemoTenant:
    tenant = registry.create(name)
    write_settings(tenant, {"display_name": "Impfzentrum Nord", "challenge": challenge,
                            "challenge_max_number": 1000, "mail_from": mail_from, "public_url": public_url,
                            **settings})
    tz = ZoneInfo("Europe/Berlin")
    first = datetime.now(tz).date() + timedelta(days=1)
    slots: list[str] = []
    rows: list[tuple[str, str, dict[str, object]]] = []
    for d in range(days):
        day = first + timedelta(days=d)
        for k in range(per_day):
            starts = datetime(day.year, day.month, day.day, 8, 30, tzinfo=tz) + timedelta(minutes=30 * k)
            slot_id = f"slot-{day.isoformat()}-{k}"
            rows.append(("slot", slot_id, {
                "site_id": "site-a", "starts_at": starts.astimezone(UTC),
                "ends_at": (starts + timedelta(minutes=30)).astimezone(UTC), "capacity": capacity,
                **({"product_code": "comirnaty"} if k % 2 == 0 else {})}))
            slots.append(slot_id)
    with tenant.write() as conn:
        # The slots as the server's own rows (a station would have pushed them), so bookings find them.
        ledger.store_server_rows(tenant, conn, rows)
        # One time fully booked, to show how a full time looks (its counter only: no persons behind it).
        if per_day > 1:
            conn.execute(update(t.slot).where(t.slot.c.id == slots[1]).values(booked=capacity))
    chain = create_demo_chain()
    key_pem = chain.signer.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption())
    install_signer(tenant, key_pem, chain.signer.certificate.public_bytes(serialization.Encoding.PEM))
    return DemoTenant(tenant=tenant, chain=chain, slots=slots, test_token=result_token_for(chain),
                      certificate_token=certificate_token_for(chain))


def result_token_for(chain: DemoChain, *, outcome: str = "negative", person: dict[str, str] | None = None) -> str:
    who = person or PERSON
    claims = ResultClaims(kind="test_result", holder=Holder(**who), test=TestFacts(
        type="rapid_antigen", sampled_at=datetime.now(UTC) - timedelta(hours=2), outcome=outcome,
        device="Abbott Rapid Diagnostics, Panbio COVID-19 Ag Rapid Test", center="Testzentrum Nord, Halle 2"))
    return create_corsign(claims.claims(), family=who["family_name"], given=who["given_name"], dob=who["dob"],
                          signing_key=chain.signer.private_key, kid=chain.signer.kid.hex(),
                          valid_for=timedelta(days=60))


def certificate_token_for(chain: DemoChain) -> str:
    payload = build_payload(VaccinationFacts(
        family_name=PERSON["family_name"], given_name=PERSON["given_name"], dob=PERSON["dob"],
        product="EU/1/20/1528", manufacturer="ORG-100030215", prophylaxis="J07BN01", dose_number=2, total_doses=2,
        date=date.today() - timedelta(days=20), country="DE", issuer="Robert Koch-Institut",
        uvci=make_uvci(country="DE", issuer="VXD")))
    hc1 = issue_hc1(payload, chain.signer)
    return create_corsign(ResultClaims(kind="vaccination_certificate", hc1=hc1).claims(),
                          family=PERSON["family_name"], given=PERSON["given_name"], dob=PERSON["dob"],
                          signing_key=chain.signer.private_key, kid=chain.signer.kid.hex(),
                          valid_for=timedelta(days=365))


@contextmanager
def serve(registry: Registry, *, edge: EdgeConfig | None = None) -> Iterator[str]:
    """The tenant API on a loopback port in this process; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(registry, edge=edge), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="citizen-pages", daemon=True)
    thread.start()
    ready = threading.Event()
    while not server.started and thread.is_alive():
        ready.wait(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def chromium(profile: Path, *, lang: str = "de", downloads: Path | None = None) -> webdriver.Chrome:
    """Headless Debian Chromium with a fresh profile, nothing fetched from elsewhere."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", f"--lang={lang}", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "intl.accept_languages": lang, "download.prompt_for_download": False,
        **({"download.default_directory": str(downloads)} if downloads else {})})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    if downloads is not None:  # headless Chromium saves downloads only when told where
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


def capture(driver: webdriver.Chrome, path: Path, width: int, height: int) -> None:
    """The whole page at this width (taller than the window when the page is)."""
    mobile = width < 600
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    full = int(driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": max(height, full), "deviceScaleFactor": 1, "mobile": mobile})
    path.write_bytes(driver.get_screenshot_as_png())
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def type_into(driver: webdriver.Chrome, values: dict[str, str]) -> None:
    """Each field by name, emptied first."""
    for name, value in values.items():
        field = driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)


def dob_fields(dob: str) -> dict[str, str]:
    """YYYY-MM-DD as the pages' day, month and year fields."""
    year, month, day = dob.split("-")
    return {"dob_day": day, "dob_month": month, "dob_year": year}


def press(driver: webdriver.Chrome, selector: str) -> None:
    """Click what the selector finds and wait for the next page (a form's answer waits for its robot check)."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 30).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))


def _submit(driver: webdriver.Chrome, form_action: str) -> None:
    press(driver, f"form[action^='{form_action}'] button[type=submit]")


def take_screenshots(out: Path, *, langs: tuple[str, ...] = ("de", "en")) -> list[Path]:
    """Every page in every language at every width; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="vaxdesk-pages-") as scratch:
        registry = Registry(data_dir=Path(scratch) / "data", master_key=os.urandom(32))
        demo = seed_tenant(registry)
        try:
            with serve(registry) as url:
                # One browser for both languages: every address carries ?lang=.
                driver = chromium(Path(scratch) / "profile", lang=langs[0])
                try:
                    for lang in langs:
                        written += _pages(driver, url, demo, out, lang)
                finally:
                    driver.quit()
        finally:
            registry.close()
    return written


def _solved(driver: webdriver.Chrome) -> None:
    """Wait until the page's robot check is solved (a screenshot then shows its final state)."""
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.NAME, "altcha").get_attribute("value"))


def _pages(driver: webdriver.Chrome, url: str, demo: DemoTenant, out: Path, lang: str) -> list[Path]:
    base = f"{url}/p/{demo.tenant.name}"
    written: list[Path] = []

    def shoot(page: str) -> None:
        for width_name, (width, height) in WIDTHS.items():
            path = out / f"{page}-{lang}-{width_name}.png"
            capture(driver, path, width, height)
            written.append(path)

    day = demo.slots[0].split("-", 1)[1].rsplit("-", 1)[0]
    driver.get(f"{base}/?lang={lang}")
    shoot("start")
    driver.get(f"{base}/day/{day}?lang={lang}")
    shoot("day")
    driver.get(f"{base}/book/{demo.slots[2]}?lang={lang}")
    _solved(driver)
    shoot("book")
    type_into(driver, {"family_name": "M3ller", "dob_day": "31", "dob_month": "2", "dob_year": "1985", "email": "eva@"})
    _submit(driver, f"/p/{demo.tenant.name}/book/")
    shoot("book-errors")
    _solved(driver)
    type_into(driver, {"family_name": PERSON["family_name"], "given_name": PERSON["given_name"],
                   **dob_fields(PERSON["dob"]), "email": "eva.mueller@example.org"})
    _submit(driver, f"/p/{demo.tenant.name}/book/")
    shoot("booked")
    code = driver.find_element(By.ID, "booking-code").text
    driver.get(f"{base}/manage?lang={lang}#code={code}")
    shoot("manage")
    type_into(driver, dob_fields(PERSON["dob"]))
    _submit(driver, f"/p/{demo.tenant.name}/manage")
    shoot("manage-booking")
    _submit(driver, f"/p/{demo.tenant.name}/manage/move")
    shoot("move")
    _solved(driver)
    _submit(driver, f"/p/{demo.tenant.name}/manage/move")
    shoot("moved")
    driver.get(f"{base}/manage?lang={lang}#code={code}")
    type_into(driver, dob_fields(PERSON["dob"]))
    _submit(driver, f"/p/{demo.tenant.name}/manage")
    driver.find_element(By.ID, "confirm").click()
    _solved(driver)
    _submit(driver, f"/p/{demo.tenant.name}/manage/cancel")
    shoot("cancelled")
    driver.get(f"{base}/result?lang={lang}#token={demo.test_token}")
    shoot("result")
    type_into(driver, {"family_name": PERSON["family_name"], "given_name": PERSON["given_name"],
                   "dob_day": "28", "dob_month": "3", "dob_year": "1985"})
    _submit(driver, f"/p/{demo.tenant.name}/result")
    shoot("result-refused")
    driver.get("about:blank")
    driver.get(f"{base}/result?lang={lang}#token={demo.test_token}")
    type_into(driver, {"family_name": PERSON["family_name"], "given_name": PERSON["given_name"], **dob_fields(PERSON["dob"])})
    _submit(driver, f"/p/{demo.tenant.name}/result")
    shoot("result-test")
    driver.get("about:blank")  # else the same address with another fragment stays on this page
    driver.get(f"{base}/result?lang={lang}#token={demo.certificate_token}")
    type_into(driver, {"family_name": PERSON["family_name"], "given_name": PERSON["given_name"], **dob_fields(PERSON["dob"])})
    _submit(driver, f"/p/{demo.tenant.name}/result")
    shoot("result-certificate")
    driver.get(f"{base}/nowhere?lang={lang}")
    driver.get(f"{url}/p/no-such-tenant/?lang={lang}")
    shoot("not-found")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.server.page_screenshots", description=__doc__)
    parser.add_argument("--out", required=True, type=Path, help="folder for <page>-<lang>-<width>.png")
    parser.add_argument("--lang", choices=("de", "en"), action="append", help="default: both")
    args = parser.parse_args(argv)
    files = take_screenshots(args.out, langs=tuple(args.lang or ("de", "en")))
    print(f"{len(files)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
