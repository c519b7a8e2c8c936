"""Result mails and their templates: MJML rendered to responsive HTML with a plain-text part, a tenant's own
templates checked before they are stored and used over the defaults, the queue function's refusals, and
result tokens: the claims, and one refusal for every way of not opening one."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.certificates.corsign import create_corsign
from app.certificates.result_token import Holder, ResultClaims, ResultClaimsError, TestFacts
from app.certificates.signer import create_demo_chain
from sync.server import tenants as t
from sync.server.edge_settings import PublicSettings, write_settings
from sync.server.mail import QR_CID, Templates
from sync.server.mail_templates import (
    SAMPLE_VALUES,
    TenantMailTemplates,
    check_templates,
    write_tenant_templates,
)
from sync.server.page_screenshots import PERSON, result_token_for
from sync.server.provisioning import ProvisioningError, load_provisioning
from sync.server.public import mail_values
from sync.server.result_mail import ResultMailRefused, queue_result_mail, result_values
from sync.server.results import ResultOpener, ResultRefused, token_from
from sync.server.tenants import Registry, Tenant

SETTINGS = PublicSettings(display_name="Impfzentrum <Nord>", public_url="https://termine.example/p/nord/",
                          mail_from="termine@nord.example")
TOKEN = "CS2:" + "A" * 22 + "." + "B" * 16 + "." + "C" * 80


@pytest.fixture
def tenant(tmp_path: Path) -> Tenant:
    registry = Registry(data_dir=tmp_path, master_key=os.urandom(32))
    made = registry.create("nord")
    write_settings(made, {"display_name": "Impfzentrum Nord", "mail_from": "termine@nord.example",
                          "public_url": "https://termine.example/p/nord/"})
    return made


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_result_mail_is_responsive_html_and_plain_text_with_the_link_and_nothing_from_elsewhere(lang: str) -> None:
    values = result_values(settings=SETTINGS, tenant_name="nord", lang=lang, token=TOKEN, kind="test_result")
    letter = Templates().render("result_ready", lang, values)
    assert letter.subject == ("Ihr Testergebnis liegt vor – Impfzentrum <Nord>" if lang == "de"
                              else "Your test result is ready – Impfzentrum <Nord>")
    link = f"https://termine.example/p/nord/result?lang={lang}#token={TOKEN}"
    assert link in letter.text and link in letter.html
    assert f'<html lang="{lang}"' in letter.html and "@media" in letter.html  # MJML's responsive columns
    assert "Impfzentrum &lt;Nord&gt;" in letter.html and "<Nord>" not in letter.html
    assert "googleapis" not in letter.html and "<link" not in letter.html  # no web fonts, nothing loaded
    assert letter.images == ()


def test_the_booking_confirmation_carries_its_qr_as_an_inline_part() -> None:
    values = mail_values(settings=SETTINGS, tenant_name="nord", lang="en", person={"given_name": "Eva"},
                         code="ABCDEFGHJ", starts_at=datetime(2030, 1, 7, 8, 30, tzinfo=UTC), with_qr=True)
    assert values["manage_url"] == "https://termine.example/p/nord/manage?lang=en#code=ABCD-EFGH-J"
    letter = Templates().render("booking_confirmed", "en", values)
    [image] = letter.images
    assert image.cid == QR_CID and image.png.startswith(b"\x89PNG") and f'src="cid:{QR_CID}"' in letter.html
    assert "data:" not in letter.html  # mail clients block data: pictures


def test_the_sample_values_are_what_the_templates_really_get() -> None:
    booking = mail_values(settings=SETTINGS, tenant_name="nord", lang="de", person={}, code="ABCDEFGHJ",
                          starts_at=datetime(2030, 1, 7, tzinfo=UTC), with_qr=True)
    assert set(SAMPLE_VALUES["booking_confirmed"]) == set(booking)
    assert set(SAMPLE_VALUES["booking_moved"]) == set(booking) - {"qr_text"}
    assert set(SAMPLE_VALUES["result_ready"]) == set(
        result_values(settings=SETTINGS, tenant_name="nord", lang="de", token=TOKEN, kind="test_result"))


@pytest.mark.parametrize(("files", "complaint"), [
    ({"result_ready.fr.mjml": "<mjml></mjml>"}, "not a mail template name"),
    ({"invoice.de.mjml": "<mjml></mjml>"}, "not a mail template name"),
    ({"result_ready.de.mjml": "<mjml><mj-body><mj-section></mj-body>"}, "result_ready.de"),
    ({"result_ready.de.txt": "Subject: {{ patient_name }}\n"}, "UndefinedError"),
    ({"result_ready.de.txt": "no subject line\n"}, "Subject"),
    ({"result_ready.en.txt": "Subject: {{ ''.__class__.__mro__[1].__subclasses__() }}\n"}, "SecurityError"),
    ({"_layout.mjml": "<mjml><mj-body>{% block content %}{% endblock %}</mj-body>"}, "unexpected end of stream"),
])
def test_a_tenants_templates_are_checked_before_they_are_stored(files: dict[str, str], complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint.replace(".", r"\.").replace("[", r"\[")):
        check_templates(files)


def test_a_tenants_own_template_replaces_the_default_for_that_tenant_only(tenant: Tenant, tmp_path: Path) -> None:
    folder = tmp_path / "templates-nord"
    folder.mkdir()
    (folder / "result_ready.de.txt").write_text("Subject: Befund von {{ center }}\nIhr Befund: {{ result_url }}\n")
    (folder / "_layout.mjml").write_text(
        '<mjml lang="{{ lang }}"><mj-body><mj-section><mj-column><mj-text>Hausarzt-Rahmen</mj-text>'
        "{% block content %}{% endblock %}</mj-column></mj-section></mj-body></mjml>")
    provisioning = tmp_path / "tenants.yaml"
    provisioning.write_text("tenants:\n  - name: nord\n    mail_templates: templates-nord\n")
    [plan] = load_provisioning(provisioning)
    write_tenant_templates(tenant, plan.mail_templates)
    values = result_values(settings=SETTINGS, tenant_name="nord", lang="de", token=TOKEN, kind="test_result")
    templates = TenantMailTemplates()
    own = templates.render("result_ready", "de", values, tenant=tenant)
    assert own.subject == "Befund von Impfzentrum <Nord>"  # plain text is not HTML-escaped
    assert "Hausarzt-Rahmen" in own.html and "Zertifikat" not in own.html
    assert "Hausarzt-Rahmen" not in templates.render("result_ready", "de", values).html  # others keep the default
    (folder / "result_ready.de.mjml").write_text("<mjml><mj-body>")
    with pytest.raises(ProvisioningError, match="mail_templates"):
        load_provisioning(provisioning)


def test_queueing_a_result_mail_checks_everything_and_seals_what_it_stores(tenant: Tenant) -> None:
    for kwargs, code in [({"to": "not an address"}, "email_invalid"), ({"lang": "fr"}, "result_mail_language"),
                         ({"kind": "x-ray"}, "result_kind_unknown"), ({"token": "CS2:short"}, "result_token_invalid"),
                         ({"token": TOKEN + "\n<script>"}, "result_token_invalid")]:
        with pytest.raises(ResultMailRefused) as refused:
            queue_result_mail(tenant, **{"to": "lea@nord.example", "lang": "de", "token": TOKEN,
                                         "kind": "test_result", **kwargs})
        assert refused.value.code == code
    mail_id = queue_result_mail(tenant, to="lea@nord.example", lang="de", token=TOKEN, kind="test_result")
    with tenant.read() as conn:
        row = conn.execute(select(t.mail_outbox).where(t.mail_outbox.c.id == mail_id)).one()
    assert row.kind == "result_ready" and b"lea@nord.example" not in row.data_enc and TOKEN.encode() not in row.data_enc
    write_settings(tenant, {"mail_from": "termine@nord.example"})  # no public address for the link
    with pytest.raises(ResultMailRefused) as refused:
        queue_result_mail(tenant, to="lea@nord.example", lang="de", token=TOKEN, kind="test_result")
    assert refused.value.code == "result_mail_not_configured"


def test_result_claims_round_trip_and_anything_else_is_refused_whole() -> None:
    claims = ResultClaims(kind="test_result", holder=Holder(**PERSON), test=TestFacts(
        type="naat", sampled_at=datetime(2030, 1, 7, 8, tzinfo=UTC), outcome="positive", test_name="PCR"))
    assert ResultClaims.parse(claims.claims()) == claims
    good = claims.claims()
    for broken in ({**good, "typ": "appointment"}, {**good, "v": 2}, {**good, "kind": "x-ray"},
                   {**good, "holder": None}, {**good, "test": {**good["test"], "outcome": "maybe"}},
                   {**good, "test": {**good["test"], "sampled_at": "2030-01-07T08:00:00"}},
                   {**good, "test": {**good["test"], "center": "Halle\u202e2"}},
                   {"typ": "result", "v": 1, "kind": "vaccination_certificate", "hc1": "CS1:nope"}):
        with pytest.raises(ResultClaimsError):
            ResultClaims.parse(broken)


def test_a_result_opens_only_with_the_persons_data_and_a_trusted_signer(tenant: Tenant) -> None:
    from cryptography.hazmat.primitives import serialization

    from sync.server.app import install_signer

    chain = create_demo_chain()
    install_signer(tenant, chain.signer.private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        chain.signer.certificate.public_bytes(serialization.Encoding.PEM))
    opener = ResultOpener()
    token = result_token_for(chain)
    opened = opener.open(tenant, token, family="MUELLER LUEDENSCHEIDT", given="eva maria", dob=PERSON["dob"])
    assert opened.claims.test is not None and opened.claims.test.outcome == "negative"
    stranger = create_demo_chain()
    foreign = create_corsign(ResultClaims.parse(opened_claims(chain, token)).claims(), family=PERSON["family_name"],
                             given=PERSON["given_name"], dob=PERSON["dob"], signing_key=stranger.signer.private_key)
    header, _, sealed = token.rpartition(".")
    raw = bytearray(base64.urlsafe_b64decode(sealed + "=" * (-len(sealed) % 4)))
    raw[5] ^= 1
    tampered = header + "." + base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    refusals = []
    for candidate, person in [(token, {**PERSON, "dob": "1985-03-28"}), (token, {**PERSON, "family_name": "Müller"}),
                              (foreign, PERSON), (tampered, PERSON), ("CS2:garbage", PERSON)]:
        with pytest.raises(ResultRefused) as refused:
            opener.open(tenant, candidate, family=person["family_name"], given=person["given_name"], dob=person["dob"])
        refusals.append((refused.value.code, str(refused.value)))
    assert len(set(refusals)) == 1 and refusals[0][0] == "result_cannot_open"  # one answer for every failure


def opened_claims(chain: object, token: str) -> dict[str, object]:
    from app.certificates.corsign import open_corsign

    return open_corsign(token, PERSON["family_name"], PERSON["given_name"], PERSON["dob"],
                        [chain.signer.certificate.public_key()])  # type: ignore[attr-defined]


def test_the_token_is_found_in_a_pasted_link_or_alone() -> None:
    assert token_from(f"https://termine.example/p/nord/result?lang=de#token={TOKEN}") == TOKEN
    assert token_from(f"  {TOKEN}\n") == TOKEN
    assert token_from("https://termine.example/p/nord/result") is None
    assert token_from("CS2:" + "A" * 10_000) is None


def _installed_chain(tenant: Tenant, **chain_options: object) -> object:
    from cryptography.hazmat.primitives import serialization

    from sync.server.app import install_signer

    chain = create_demo_chain(**chain_options)  # type: ignore[arg-type]
    install_signer(tenant, chain.signer.private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        chain.signer.certificate.public_bytes(serialization.Encoding.PEM))
    return chain


def test_a_revoked_certificate_still_opens_but_says_so_and_gives_no_pdf(tmp_path: Path) -> None:
    import asyncio

    import httpx

    from app.certificates.verify import entry_uvci
    from sync.server.app import create_app
    from sync.server.certificates import record_revocation
    from sync.server.page_screenshots import seed_tenant
    from sync.server.result_pdf import can_print

    registry = Registry(data_dir=tmp_path, master_key=os.urandom(32))
    demo = seed_tenant(registry, "nord", challenge=False, days=1, per_day=1)
    year, month, day = PERSON["dob"].split("-")
    form = {"token": demo.certificate_token, "family_name": PERSON["family_name"], "given_name": PERSON["given_name"],
            "dob_day": day, "dob_month": month, "dob_year": year}

    async def page() -> str:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(registry)),
                                     base_url="http://pages") as client:
            answer = await client.post("/p/nord/result?lang=en", data=form)
        assert answer.status_code == 200
        return answer.text

    try:
        opener = ResultOpener()
        opened = opener.open(demo.tenant, demo.certificate_token, family=PERSON["family_name"],
                             given=PERSON["given_name"], dob=PERSON["dob"])
        assert opened.certificate is not None and opened.certificate_valid and not opened.certificate_revoked
        assert can_print(opened)
        before = asyncio.run(page())
        assert 'id="download-pdf"' in before and "revoked" not in before
        with demo.tenant.write() as conn:  # as a station's certificate.revoked mutation does
            record_revocation(demo.tenant, conn, {"uvci": entry_uvci(opened.certificate)}, station_id="desk")
        revoked = opener.open(demo.tenant, demo.certificate_token, family=PERSON["family_name"],
                              given=PERSON["given_name"], dob=PERSON["dob"])
        assert revoked.certificate_revoked and not revoked.certificate_valid and not can_print(revoked)
        after = asyncio.run(page())
        assert 'id="certificate-revoked"' in after and "has revoked this certificate" in after
        assert 'id="download-pdf"' not in after
    finally:
        registry.close()


def test_a_recovery_certificate_opens_and_prints_its_official_page(tenant: Tenant) -> None:
    from datetime import date, timedelta

    import pypdfium2

    from app.certificates.dcc import RecoveryFacts, build_recovery_payload, issue_hc1
    from app.certificates.signer import EKU_RECOVERY
    from app.certificates.uvci import make_uvci
    from sync.server.result_pdf import can_print, result_pdf

    chain = _installed_chain(tenant, ekus=(EKU_RECOVERY,))
    positive = date.today() - timedelta(days=20)
    hc1 = issue_hc1(build_recovery_payload(RecoveryFacts(
        family_name=PERSON["family_name"], given_name=PERSON["given_name"], dob=PERSON["dob"],
        first_positive=positive, valid_from=positive + timedelta(days=11), valid_until=positive + timedelta(days=180),
        country="DE", issuer="Robert Koch-Institut", uvci=make_uvci(country="DE", issuer="VXD"))),
        chain.signer)  # type: ignore[attr-defined]
    token = create_corsign(ResultClaims(kind="recovery_certificate", hc1=hc1).claims(), family=PERSON["family_name"],
                           given=PERSON["given_name"], dob=PERSON["dob"],
                           signing_key=chain.signer.private_key)  # type: ignore[attr-defined]
    opened = ResultOpener().open(tenant, token, family=PERSON["family_name"], given=PERSON["given_name"],
                                 dob=PERSON["dob"])
    assert opened.certificate is not None and opened.certificate_valid and can_print(opened)
    document = pypdfium2.PdfDocument(result_pdf(opened, center="Impfzentrum Nord", timezone="Europe/Berlin"))
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert "GENESENENZERTIFIKAT / CERTIFICATE OF RECOVERY" in text and positive.isoformat() in text


def test_key_derivations_run_a_few_at_a_time(tenant: Tenant, monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id takes 64 MiB per opening: a burst of openings must not take the threadpool's dozens at once."""
    import threading
    import time

    from sync.server import results

    claims = ResultClaims(kind="test_result", holder=Holder(**PERSON), test=TestFacts(
        type="rapid_antigen", sampled_at=datetime(2030, 1, 7, 8, tzinfo=UTC), outcome="negative")).claims()
    running, most = 0, 0
    lock = threading.Lock()

    def slow_open(token: str, **_: object) -> dict[str, object]:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.2)
        with lock:
            running -= 1
        return claims

    monkeypatch.setattr(results, "open_token", slow_open)
    opener = ResultOpener()
    opener.signers(tenant)  # the keys read once, outside the burst
    threads = [threading.Thread(target=opener.open, args=(tenant, TOKEN),
                                kwargs={"family": "x", "given": "y", "dob": "1990-01-01"}) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == results.KDF_AT_ONCE
