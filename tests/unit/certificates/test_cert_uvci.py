"""UVCI check characters (Luhn mod N over A-Z 0-9 / :) against published identifiers."""

from __future__ import annotations

import pytest

from app.certificates.errors import CertificateDataError
from app.certificates.uvci import check_character, has_valid_check, make_uvci


@pytest.mark.parametrize(
    "uvci",
    [
        # Identifiers from the official EU test vectors whose issuers append a check character.
        "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B",
        "URN:UVCI:01:AT:B5921A35D6A0D696421B3E2462178297#I",
        "URN:UVCI:01:DK:B986830007345F99AE898FB82C6C61F2#A",
        "URN:UVCI:01:FR:U5JVU2K29W29#C",
        "URN:UVCI:01:HU:24210000020985716710615184956#F",
        "URN:UVCI:01:LT:199Q1MHH8XKRQSDXIFBM0#B",
        "URN:UVCI:01:SM:122#M",
    ],
)
def test_published_check_characters(uvci: str) -> None:
    assert has_valid_check(uvci) is True


def test_wrong_or_missing_check() -> None:
    assert has_valid_check("URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#C") is False
    assert has_valid_check("URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813") is None
    assert has_valid_check("urn:uvci:01:fr:kkf3byigysvf#Q") is False  # not in the check alphabet


def test_make_uvci_is_self_consistent() -> None:
    uvci = make_uvci(country="de", issuer="vaxdesk", unique="ab12/cd34")
    assert uvci.startswith("URN:UVCI:01:DE:VAXDESK/AB12/CD34#")
    assert has_valid_check(uvci) is True
    random_one = make_uvci(country="DE", issuer="VAXDESK")
    body, _, _ = random_one.rpartition("#")  # the check character itself may be "/" or ":"
    assert len(body.rpartition("/")[2]) == 20 and has_valid_check(random_one)


def test_single_substitution_changes_the_check() -> None:
    body = "URN:UVCI:01:DE:VAXDESK/0123456789ABCDEF"
    check = check_character(body)
    for i, ch in enumerate(body):
        for other in "0A/":
            if other != ch:
                assert check_character(body[:i] + other + body[i + 1 :]) != check


@pytest.mark.parametrize(("country", "issuer"), [("DEU", "X"), ("DE", "V-1"), ("DE", "")])
def test_make_uvci_rejects_bad_parts(country: str, issuer: str) -> None:
    with pytest.raises(CertificateDataError):
        make_uvci(country=country, issuer=issuer, unique="1")
