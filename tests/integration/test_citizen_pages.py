"""The citizen's pages as a person meets them: a real `vaxdesk-server` process on loopback, a real SMTP server
(aiosmtpd) that receives the mails, and Debian's Chromium driven by Selenium (one browser for the module).
The browser books a place (solving the robot check), the confirmation arrives, its link cancels; a result
mail queued by the station-side function arrives, its link opens with name and date of birth and gives the
PDF; a wrong date of birth is refused without saying what was wrong."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import httpx
import pypdfium2
import pytest
import zxingcpp
from aiosmtpd.controller import Controller
from PIL import Image
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

from app.certificates.signer import DemoChain, create_demo_chain
from app.storage.engine import Store
from sync.server import tenants as t
from sync.server.page_screenshots import (
    CHROMEDRIVER,
    CHROMIUM,
    certificate_token_for,
    chromium,
    dob_fields,
    press,
    result_token_for,
    type_into,
)
from sync.server.page_screenshots import PERSON as SCREENSHOT_PERSON
from sync.server.result_mail import queue_result_mail
from sync.server.tenants import Registry
from tests.integration.sync_support import (
    ServerProcess,
    enrolled_station,
    new_signing_tenant,
    open_day,
    server_with_mail,
    set_public_settings,
    sync,
)
from tests.integration.test_public_edge import Mailbox, _solve

pytestmark = pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")

PERSON = {"family_name": "Schäfer-Nguyễn", "given_name": "Lea", "dob": "1991-07-04"}
TENANT = "nord"


@dataclass
class Site:
    server: ServerProcess
    mailbox: Mailbox
    smtp: Controller
    registry: Registry
    station: Store
    slots: list[str]
    chain: DemoChain
    browser: webdriver.Chrome
    downloads: Path

    @property
    def pages(self) -> str:
        return f"{self.server.url}/p/{TENANT}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    mailbox = Mailbox()
    data_dir = tmp_path_factory.mktemp("citizen-server")
    server, smtp = server_with_mail(data_dir, mailbox)
    chain = create_demo_chain()
    new_signing_tenant(server, TENANT, chain, tmp_path_factory.mktemp("dsc"))
    set_public_settings(server, TENANT, display_name="Impfzentrum Nord", mail_from="termine@nord.example",
                        public_url=f"{server.url}/p/{TENANT}/", challenge=True, challenge_max_number=1000,
                        result_per_client="20/minute")
    station = enrolled_station(tmp_path_factory.mktemp("citizen-station"), "desk", server, tenant=TENANT)
    slots = open_day(station, capacity=2, slots=6)
    sync(station)
    downloads = tmp_path_factory.mktemp("downloads")
    browser = chromium(tmp_path_factory.mktemp("chromium-profile"), lang="de", downloads=downloads)
    state = Site(server=server, mailbox=mailbox, smtp=smtp, registry=Registry(data_dir=data_dir), station=station,
                 slots=slots, chain=chain, browser=browser, downloads=downloads)
    try:
        yield state
    finally:
        browser.quit()
        state.registry.close()
        station.close()
        server.stop()
        smtp.stop()


# ---- what a person sees and does ------------------------------------------------------------


def _wait_for_new_page(browser: webdriver.Chrome, old: object) -> None:
    WebDriverWait(browser, 30).until(lambda b: b.find_element(By.TAG_NAME, "html") != old)


def _main_text(browser: webdriver.Chrome) -> str:
    return str(browser.find_element(By.TAG_NAME, "main").text)


def _accessibility_problems(browser: webdriver.Chrome) -> list[str]:
    """What a screen-reader or keyboard user would miss on this page."""
    return list(browser.execute_script("""
        const problems = [];
        if (!document.documentElement.lang) problems.push('no lang attribute');
        document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(el => {
          if (!el.labels || el.labels.length === 0) problems.push('no label: ' + el.name);
        });
        document.querySelectorAll('.error-message').forEach(msg => {
          if (!document.querySelector('[aria-describedby~="' + msg.id + '"]')) problems.push('error not tied: ' + msg.id);
        });
        document.querySelectorAll('img').forEach(img => { if (!img.alt) problems.push('image without alt'); });
        if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('scrolls sideways');
        return problems;"""))


def _link(mail: EmailMessage, pattern: str) -> str:
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    found = re.search(r'href="([^"]*' + pattern + r'[^"]*)"', html)
    assert found, f"no link matching {pattern} in the mail"
    return found[1].replace("&amp;", "&")


def test_a_person_books_with_the_keyboard_gets_the_mail_with_its_qr_and_cancels_by_its_link(site: Site) -> None:
    browser = site.browser
    browser.set_window_size(1366, 900)
    browser.get(f"{site.pages}/")  # the browser asks for German (Accept-Language)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert "Termin buchen" in _main_text(browser)
    press(browser, "a.choice")  # the first day with free places
    press(browser, "a.choice")  # its first time
    assert _accessibility_problems(browser) == []
    narrow = {"width": 320, "height": 700, "deviceScaleFactor": 1, "mobile": True}
    for url in (f"{site.pages}/", browser.current_url):  # the narrowest phone: nothing scrolls sideways
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", narrow)
        browser.get(url)
        assert _accessibility_problems(browser) == [], url
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    # Keyboard only: from the family name, Tab through every field, Enter on the button.
    browser.find_element(By.NAME, "family_name").click()
    active = browser.switch_to.active_element
    for value in (PERSON["family_name"], PERSON["given_name"], "4", "7", "1991", "lea@nord.example"):
        active.send_keys(value)
        active.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
    assert active.get_attribute("type") == "submit"
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    assert outline == "solid"  # the focus is visible
    old = browser.find_element(By.TAG_NAME, "html")
    active.send_keys(Keys.ENTER)  # waits for the robot check, then sends
    _wait_for_new_page(browser, old)
    assert "Ihr Termin ist gebucht" in _main_text(browser)
    code = browser.find_element(By.ID, "booking-code").text
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]", code)

    [mail] = site.mailbox.wait_for("lea@nord.example")
    assert code in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html_part = mail.get_body(("html",))
    assert html_part is not None and "cid:booking-qr@vaxdesk" in html_part.get_content()
    [picture] = [p for p in mail.walk() if p.get_content_type() == "image/png"]
    assert picture["Content-ID"] == "<booking-qr@vaxdesk>"
    scanned = [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(picture.get_content())))]
    assert scanned == ["VAXDESK:" + code.replace("-", "")]  # what the desk's scanner finds

    manage = _link(mail, "/manage")
    assert code.replace("-", "") not in manage.split("#")[0].replace("-", "")  # the code only after '#'
    browser.get(manage)
    assert browser.find_element(By.NAME, "code").get_attribute("value") == code
    assert "#" not in browser.current_url  # and out of the address bar once taken
    type_into(browser, dob_fields(PERSON["dob"]))
    press(browser, "form[action*='/manage'] button[type=submit]")
    browser.find_element(By.ID, "confirm").click()
    WebDriverWait(browser, 30).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "form[action*='/manage/cancel'] input[name=altcha]")
        .get_attribute("value"))
    press(browser, "form[action*='/manage/cancel'] button[type=submit]")
    assert "Ihr Termin ist abgesagt" in _main_text(browser)
    assert httpx.get(f"{site.server.url}/v1/public/{TENANT}/bookings/{code}").json()["state"] == "cancelled"
    assert len(site.mailbox.wait_for("lea@nord.example", count=2)) == 2


def test_a_result_mail_opens_with_name_and_date_of_birth_and_gives_the_pdf(site: Site) -> None:
    token = result_token_for(site.chain, outcome="negative", person=PERSON)
    with site.registry.get(TENANT).write() as conn:  # as the station-side work will, in its transaction
        queue_result_mail(site.registry.get(TENANT), to="lea.result@nord.example", lang="en", token=token,
                          kind="test_result", conn=conn)
    [mail] = site.mailbox.wait_for("lea.result@nord.example", timeout=30)
    assert mail["Subject"].startswith("Your test result is ready")
    body = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "negative" not in body.lower() and PERSON["family_name"] not in body  # the mail holds no result
    link = _link(mail, "/result")
    assert link.split("#", 1)[1] == f"token={token}"  # the token only after '#', never in a request line

    browser = site.browser
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",  # the narrowest phone the pages serve
                            {"width": 320, "height": 700, "deviceScaleFactor": 1, "mobile": True})
    browser.get(link)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert not browser.find_element(By.ID, "token").is_displayed()  # taken from the link
    assert _accessibility_problems(browser) == []

    def open_with(**person: str) -> str:
        type_into(browser, {"family_name": person["family_name"], "given_name": person["given_name"],
                        **dob_fields(person["dob"])})
        press(browser, "form[action*='/result'] button[type=submit]")
        return _main_text(browser)

    wrong_date = open_with(**{**PERSON, "dob": "1991-07-05"})
    assert "cannot be opened with these details" in wrong_date
    assert _accessibility_problems(browser) == []
    wrong_name = open_with(**{**PERSON, "family_name": "Schaefer"})
    assert wrong_name == wrong_date  # nothing tells which part was wrong
    opened = open_with(family_name="SCHAEFER NGUYEN", given_name="lea", dob=PERSON["dob"])  # as typed on a phone
    assert "Negative" in opened and "Schäfer-Nguyễn" in opened and "Rapid antigen test" in opened
    assert _accessibility_problems(browser) == []

    browser.find_element(By.ID, "download-pdf").click()
    pdf_path = site.downloads / "test-result.pdf"
    WebDriverWait(browser, 30).until(lambda _b: pdf_path.exists() and pdf_path.stat().st_size > 0)
    pdf = pypdfium2.PdfDocument(pdf_path.read_bytes())
    text = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "NEGATIVE" in text and "Schäfer-Nguyễn" in text
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def result_mail_forgotten(_browser: object) -> bool:  # the outbox keeps no link once the mail is out
        with site.registry.get(TENANT).read() as conn:
            rows = conn.execute(select(t.mail_outbox.c.sent_at, t.mail_outbox.c.data_enc)
                                .where(t.mail_outbox.c.kind == "result_ready")).all()
        return [(r.sent_at is not None, r.data_enc) for r in rows] == [(True, b"")]

    WebDriverWait(browser, 30).until(result_mail_forgotten)


def test_a_booking_moves_by_its_forms_and_a_certificate_gives_its_official_pdf(site: Site) -> None:
    challenge = httpx.get(f"{site.server.url}/v1/public/{TENANT}/challenge").json()
    booked = httpx.post(f"{site.server.url}/v1/public/{TENANT}/bookings", json={
        "slot_id": site.slots[0], **PERSON, "email": "lea.moves@nord.example", "lang": "de",
        "altcha": _solve(challenge)}).json()
    who = {"code": booked["printed_code"], **dob_fields(PERSON["dob"])}
    day = datetime.fromisoformat(booked["starts_at"]).date().isoformat()
    times = httpx.post(f"{site.pages}/manage/move", data={**who, "day": day})
    assert times.status_code == 200 and site.slots[0] not in times.text and site.slots[2] in times.text
    challenge = httpx.get(f"{site.server.url}/v1/public/{TENANT}/challenge").json()
    moved = httpx.post(f"{site.pages}/manage/move", data={**who, "day": day, "slot_id": site.slots[2],
                                                          "altcha": _solve(challenge)})
    assert moved.status_code == 200 and "Ihr Termin ist verschoben" in moved.text
    assert httpx.get(f"{site.server.url}/v1/public/{TENANT}/bookings/{booked['booking_code']}").json()[
        "slot_id"] == site.slots[2]
    subjects = [m["Subject"] for m in site.mailbox.wait_for("lea.moves@nord.example", count=2)]
    assert subjects[1].startswith("Termin verschoben")

    token = certificate_token_for(site.chain)
    opened = {"token": token, "family_name": SCREENSHOT_PERSON["family_name"],
              "given_name": SCREENSHOT_PERSON["given_name"], **dob_fields(SCREENSHOT_PERSON["dob"])}
    page = httpx.post(f"{site.pages}/result", data=opened)
    assert page.status_code == 200 and "EU-Zertifikat" in page.text and "Impfung 2 von 2" in page.text
    pdf = httpx.post(f"{site.pages}/result/pdf", data=opened)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.headers["cache-control"] == "no-store"
    document = pypdfium2.PdfDocument(pdf.content)
    picture = document[0].render(scale=3).to_pil()
    document.close()
    [scanned] = [c.text for c in zxingcpp.read_barcodes(picture)]
    assert scanned.startswith("HC1:") and scanned in token_claims_hc1(site.chain, token)


def token_claims_hc1(chain: DemoChain, token: str) -> str:
    from app.certificates.corsign import open_corsign

    return str(open_corsign(token, SCREENSHOT_PERSON["family_name"], SCREENSHOT_PERSON["given_name"],
                            SCREENSHOT_PERSON["dob"], [chain.signer.certificate.public_key()])["hc1"])


def test_pages_are_strict_about_scripts_and_set_no_cookies(site: Site) -> None:
    day = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    for path in ("/", f"/day/{day}", f"/book/{site.slots[3]}", "/manage", "/result"):
        answer = httpx.get(site.pages + path, headers={"Accept-Language": "en-GB,en;q=0.9,de;q=0.5"})
        assert answer.status_code == 200, path
        csp = answer.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert "set-cookie" not in answer.headers
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert '<html lang="en">' in answer.text
        assert not re.search(r"<script(?![^>]*\bsrc=)", answer.text)  # no inline script
        assert " style=" not in answer.text and "<style" not in answer.text
    assets = re.findall(r'(?:href|src)="(/p/_assets/[^"]+)"', httpx.get(site.pages + "/").text)
    assert len(assets) == 2 and all(httpx.get(site.server.url + a).status_code == 200 for a in assets)
    assert httpx.get(f"{site.server.url}/p/nobody/").status_code == 404


def test_hostile_form_posts_get_a_page_not_a_crash_and_store_nothing(site: Site) -> None:
    def people() -> int:
        with site.registry.get(TENANT).read() as conn:
            return len(conn.execute(select(t.person.c.id)).all())

    before = people()
    book = f"{site.pages}/book/{site.slots[4]}"
    hostile = [
        {"family_name": "Mül\u202eler", "given_name": "Lea", "dob_day": "4", "dob_month": "7", "dob_year": "1991",
         "email": "lea@nord.example"},
        {"family_name": "Müller", "given_name": "Lea\x00", "dob_day": "٤", "dob_month": "7", "dob_year": "1991",
         "email": "lea@nord.example"},
        {"family_name": "x" * 500, "given_name": "Lea", "dob_day": "99", "dob_month": "99", "dob_year": "9999",
         "email": "@"},
    ]
    for form in hostile:
        answer = httpx.post(book, data=form)
        assert answer.status_code == 422 and "Bitte prüfen Sie Ihre Angaben" in answer.text
        assert 'aria-invalid="true"' in answer.text
    assert httpx.post(book, content=b"{}", headers={"content-type": "application/json"}).status_code == 400
    assert httpx.post(book, data={"family_name": "y" * 20_000}).status_code == 400
    no_robot_check = httpx.post(book, data={**hostile[0], "family_name": "Müller"})
    assert no_robot_check.status_code == 403 and "JavaScript" in no_robot_check.text
    assert people() == before
    assert httpx.post(f"{site.pages}/manage", data={"code": "<script>", **dob_fields(PERSON["dob"])}).status_code == 422


def test_the_last_place_taken_meanwhile_is_said_on_the_form_and_nothing_typed_is_lost(site: Site) -> None:
    slot = site.slots[5]
    book = f"{site.pages}/book/{slot}"
    assert httpx.get(book).status_code == 200  # the form shows while a place is free
    for n in range(2):  # two others take both places through the API meanwhile
        challenge = httpx.get(f"{site.server.url}/v1/public/{TENANT}/challenge").json()
        taken = httpx.post(f"{site.server.url}/v1/public/{TENANT}/bookings", json={
            "slot_id": slot, "family_name": "Andere", "given_name": f"Person {'AB'[n]}", "dob": "1970-01-01",
            "altcha": _solve(challenge)})
        assert taken.status_code == 201, taken.text
    challenge = httpx.get(f"{site.server.url}/v1/public/{TENANT}/challenge").json()
    form = {"family_name": "Späte", "given_name": "Lea", **dob_fields(PERSON["dob"]), "email": "late@nord.example",
            "altcha": _solve(challenge)}
    late = httpx.post(book, data=form)
    assert late.status_code == 409
    assert "inzwischen ausgebucht" in late.text and 'value="Späte"' in late.text and 'value="late@nord.example"' in late.text
    assert httpx.get(f"{site.pages}/day/{datetime.now(UTC).date() + timedelta(days=1)}").text.count(slot) == 0


def test_opening_results_is_rate_limited_per_client(site: Site) -> None:
    token = result_token_for(site.chain, person=PERSON)
    form = {"token": token, "family_name": "Nobody", "given_name": "", **dob_fields("1970-01-01")}
    answers = [httpx.post(f"{site.pages}/result", data=form, headers={"Accept-Language": "en"})
               for _ in range(25)]
    statuses = [a.status_code for a in answers]
    assert 403 in statuses and statuses[-1] == 429
    assert "Too many attempts" in answers[-1].text


def test_screenshots_of_every_page_in_both_languages(tmp_path: Path) -> None:
    from sync.server.page_screenshots import take_screenshots

    files = take_screenshots(tmp_path / "shots")
    pages = {f.name.rsplit("-", 2)[0] for f in files}
    assert {"start", "day", "book", "book-errors", "booked", "manage", "manage-booking", "move", "moved",
            "cancelled", "result",
            "result-refused", "result-test", "result-certificate", "not-found"} <= pages
    assert len(files) == len(pages) * 2 * 2  # de and en, phone and desktop
    for path in files:
        with Image.open(path) as image:
            assert image.width in (360, 1366)
            assert len(image.convert("L").getcolors(1 << 16) or ()) > 2  # not a blank page
    shutil.rmtree(tmp_path / "shots")


def test_a_robot_check_that_could_not_load_is_tried_again_on_a_phone_and_nothing_typed_is_lost(site: Site) -> None:
    browser = site.browser
    phone = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", phone)
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/challenge*"]})  # a dead spot on the train
    try:
        browser.get(f"{site.pages}/book/{site.slots[3]}?lang=en")
        status = browser.find_element(By.CSS_SELECTOR, "[data-altcha-status]")
        WebDriverWait(browser, 30).until(lambda _b: "failed" in status.text)
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})  # the connection is back
        person = {"family_name": "Funk", "given_name": "Lea", **dob_fields("1993-02-30"), "email": "lea.funk@nord.example"}
        type_into(browser, person)
        press(browser, "form[action*='/book/'] button[type=submit]")  # the check runs again, then sends
        assert "not exist" in _main_text(browser)  # 30 February: said at the field, everything else kept
        assert browser.find_element(By.NAME, "family_name").get_attribute("value") == "Funk"
        assert browser.find_element(By.NAME, "email").get_attribute("value") == "lea.funk@nord.example"
        assert _accessibility_problems(browser) == []
        type_into(browser, {"dob_day": "28"})
        press(browser, "form[action*='/book/'] button[type=submit]")
        assert "Your appointment is booked" in _main_text(browser)
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert len(site.mailbox.wait_for("lea.funk@nord.example")) == 1
