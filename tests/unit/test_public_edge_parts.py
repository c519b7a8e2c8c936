"""Pieces of the public edge that need no server: client addresses behind proxies, the provisioning
file, per-tenant settings, the robot check and the mail templates in both languages."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

import pytest
from altcha import v1 as altcha

from sync.server.challenge import ChallengeRefused, new_challenge, verify
from sync.server.edge_settings import PublicSettings
from sync.server.fast_path import _listing_query
from sync.server.mail import RetryPolicy, SmtpConfig, Templates
from sync.server.provisioning import ProvisioningError, parse_provisioning
from sync.server.public import mail_values
from sync.server.rate_limits import client_address, parse_trusted, rate_client


def test_the_client_is_the_first_untrusted_hop_from_the_right() -> None:
    trusted = parse_trusted("127.0.0.1, 10.0.0.0/8")
    assert client_address("127.0.0.1", "198.51.100.7, 10.1.2.3", trusted) == "198.51.100.7"
    # what the client wrote itself (the left part) cannot pick its own address
    assert client_address("127.0.0.1", "203.0.113.9, 198.51.100.7", trusted) == "198.51.100.7"
    # an untrusted peer's header is ignored
    assert client_address("198.51.100.7", "203.0.113.9", trusted) == "198.51.100.7"
    assert client_address("127.0.0.1", "198.51.100.7", []) == "127.0.0.1"
    with pytest.raises(ValueError, match="not an address"):
        parse_trusted("127.0.0.1, localhost")


def test_a_per_client_limit_counts_an_ipv6_network_as_one_client() -> None:
    assert rate_client("2001:db8:7:1:a:b:c:d") == rate_client("2001:db8:7:1::1") == "2001:db8:7:1::/64"
    assert rate_client("2001:db8:7:2::1") != rate_client("2001:db8:7:1::1")
    assert rate_client("::ffff:198.51.100.9") == rate_client("198.51.100.9") == "198.51.100.9"
    assert rate_client("unknown") == "unknown"


def test_provisioning_names_the_bad_place() -> None:
    plans = parse_provisioning({"tenants": [{"name": "county-north", "public": {"challenge": True}},
                                            {"name": "company-b"}]})
    assert [(p.name, dict(p.public)) for p in plans] == [("county-north", {"challenge": True}), ("company-b", {})]
    for data, message in [
        ({"tenants": [{"name": "Bad Name"}]}, r"tenants\[0\].name"),
        ({"tenants": [{"name": "a"}, {"name": "a"}]}, "listed twice"),
        ({"tenants": [{"name": "a", "public": {"booking_per_client": "lots"}}]}, "booking_per_client"),
        ({"tenants": [{"name": "a", "public": {"timezone": "Mars/Olympus"}}]}, "timezone"),
        ({"tenants": [{"name": "a", "public": {"colour": "red"}}]}, "unknown public setting"),
        ({"tenant": []}, "one key"),
    ]:
        with pytest.raises(ProvisioningError, match=message):
            parse_provisioning(data)


def test_settings_keep_limits_parseable() -> None:
    assert PublicSettings.parse({}).booking_per_client == "10/minute"
    with pytest.raises(ValueError, match="challenge_max_number"):
        PublicSettings.parse({"challenge_max_number": 10**9})
    with pytest.raises(ValueError, match="mail_from"):
        PublicSettings.parse({"mail_from": "nobody"})


def test_a_sender_from_a_yaml_block_still_makes_mails_that_send() -> None:
    # `display_name: >` and friends end with a newline; a mail header cannot hold one.
    settings = PublicSettings.parse({"display_name": "Impfzentrum Nord\n", "mail_from": "termine@nord.example\n",
                                     "public_url": " https://termine.example/p/nord\n"})
    message = EmailMessage()
    message["From"] = formataddr((settings.display_name or "", settings.mail_from or ""))
    assert message["From"] == "Impfzentrum Nord <termine@nord.example>"
    assert settings.public_url == "https://termine.example/p/nord"
    for bad in ("Impfzentrum\nBcc: someone@example.org", "Nord\u2028Süd", "Nord\x00"):
        with pytest.raises(ValueError, match="display_name: one line of text"):
            PublicSettings.parse({"display_name": bad})
    with pytest.raises(ValueError, match="mail_from"):
        PublicSettings.parse({"mail_from": 42})


def test_a_solved_challenge_verifies_and_a_tampered_one_does_not() -> None:
    key, other = b"k" * 32, b"o" * 32
    challenge = new_challenge(key, max_number=2000, minutes=5)
    solution = altcha.solve_challenge(str(challenge["challenge"]), str(challenge["salt"]), "SHA-256", 2000)
    assert solution is not None
    payload = {"algorithm": "SHA-256", "challenge": challenge["challenge"], "number": solution.number,
               "salt": challenge["salt"], "signature": challenge["signature"]}
    encoded = base64.b64encode(json.dumps(payload).encode()).decode()
    verified = verify(encoded, key)
    assert verified.expires_at > datetime.now(UTC)
    for bad, code in [(None, "challenge_required"), ("", "challenge_required"), ("!!", "challenge_invalid"),
                      (base64.b64encode(json.dumps({**payload, "number": solution.number + 1}).encode()).decode(),
                       "challenge_invalid")]:
        with pytest.raises(ChallengeRefused) as caught:
            verify(bad, key)
        assert caught.value.code == code
    with pytest.raises(ChallengeRefused):
        verify(encoded, other)  # another tenant's key


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_mail_kind_renders_in_both_languages(lang: str) -> None:
    settings = PublicSettings.parse({"display_name": "Impfzentrum <Nord>", "public_url": "https://termine.example/"})
    values = mail_values(settings=settings, tenant_name="nord", lang=lang,
                         person={"given_name": "Eva", "family_name": "Müller"}, code="ABCDEFGHJ",
                         starts_at=datetime(2026, 12, 7, 8, 30, tzinfo=UTC))
    for kind in ("booking_confirmed", "booking_cancelled", "booking_moved"):
        letter = Templates().render(kind, lang, values)
        assert "ABCD-EFGH-J" in letter.text and "ABCD-EFGH-J" in letter.html
        assert "09:30" in letter.subject  # Berlin time, not UTC
        assert "&lt;Nord&gt;" in letter.html and "<Nord>" in letter.text  # escaped in HTML only
    assert ("Montag" if lang == "de" else "Monday") in Templates().render("booking_confirmed", lang, values).text


def test_smtp_urls_and_backoff() -> None:
    assert SmtpConfig.from_url("smtp+starttls://mail.example:2525") == SmtpConfig(
        host="mail.example", port=2525, security="starttls")
    assert SmtpConfig.from_url("smtps://u%40x:pw@mail.example").port == 465
    with pytest.raises(ValueError):
        SmtpConfig.from_url("http://mail.example")
    policy = RetryPolicy(base_s=30, factor=2, max_delay_s=600)
    assert [policy.delay(n).total_seconds() for n in (1, 2, 3, 10)] == [30, 60, 120, 600]


@pytest.mark.parametrize(("query", "expected"), [
    (b"day=2030-01-02", (date(2030, 1, 2), 1, 100)),
    (b"day=2030-01-02&page=3&page_size=20", (date(2030, 1, 2), 3, 20)),
    (b"day=2030-02-30", None),  # not a date: the route answers the 422
    (b"day=\xd9\xa2030-01-02", None),  # non-ASCII
    (b"day=2030-01-02&day=2030-01-03", None),  # repeated
    (b"day=2030-01-02&page=0", None),
    (b"day=2030-01-02&page_size=501", None),
    (b"day=2030-01-02&page=01", None),
    (b"day=2030-01-02&extra=1", None),
    (b"", None),
])
def test_the_fast_path_takes_only_queries_the_route_would_accept_as_they_are(
        query: bytes, expected: tuple[date, int, int] | None) -> None:
    assert _listing_query(query) == expected


def test_a_slot_of_another_site_is_named_for_the_sync_endpoints(tmp_path: Path) -> None:
    from sqlalchemy import insert

    from sync.server import tenants as t
    from sync.server.sites import other_site, slot_of_other_site
    from sync.server.tenants import Registry

    registry = Registry(data_dir=tmp_path, master_key=b"k" * 32)
    tenant = registry.create("sites")
    now = datetime.now(UTC)
    with tenant.write() as conn:
        conn.execute(insert(t.slot).values(id="s1-slot", site_id="s1", starts_at=now, ends_at=now, capacity=1,
                                           booked=0, leased=0, product_code=None))
    with tenant.read() as conn:
        assert slot_of_other_site(conn, device_site_id="s1", slot_id="s1-slot") is None
        refused = slot_of_other_site(conn, device_site_id="s2", slot_id="s1-slot")
        assert refused is not None and refused.code == "other_site"
        assert slot_of_other_site(conn, device_site_id="s2", slot_id="no-such-slot") is None
    assert other_site("s1", "s2") is not None and other_site("s1", None) is None and other_site("s1", "s1") is None
    registry.close()
