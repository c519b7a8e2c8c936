"""corsign: sealed, signed results that only the person's own data opens."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from app.certificates.corsign import PREFIX, create_corsign, normalise_identity, open_corsign
from app.certificates.errors import CorsignError

SITE_KEY = ec.generate_private_key(ec.SECP256R1())
OTHER_KEY = ec.generate_private_key(ec.SECP256R1())
TEST_RESULT = {"typ": "test", "t": {"tt": "LP217198-3", "tr": "260415000", "sc": "2026-02-28T10:00:00Z"}}
MESSAGE = "This code cannot be opened. Check the names and the date of birth, or the code is not genuine."


def _seal(**overrides: object) -> str:
    arguments: dict[str, object] = {
        "family": "Müller-Lüdenscheidt",
        "given": "Jörg",
        "dob": "1964-08-12",
        "signing_key": SITE_KEY,
        "kid": "site-1",
    }
    arguments.update(overrides)
    return create_corsign(TEST_RESULT, **arguments)  # type: ignore[arg-type]


TOKEN = _seal()


def test_round_trip_with_normalised_person_data() -> None:
    assert TOKEN.startswith(PREFIX) and TOKEN.count(".") == 2
    for family, given, dob in [
        ("Müller-Lüdenscheidt", "Jörg", "1964-08-12"),
        ("MUELLER LUEDENSCHEIDT", "joerg", "12.08.1964"),
        ("  mueller-luedenscheidt ", "JÖRG", "1964-08-12"),
    ]:
        claims = open_corsign(TOKEN, family, given, dob, [OTHER_KEY.public_key(), SITE_KEY.public_key()])
        assert {k: claims[k] for k in TEST_RESULT} == TEST_RESULT
        assert isinstance(claims["iat"], int)


def test_vaccination_claims_and_expiry() -> None:
    vaccination = {"typ": "vaccination", "v": {"mp": "EU/1/20/1528", "dn": 2, "sd": 2, "dt": "2026-02-20"}}
    token = create_corsign(
        vaccination, family="Ng", given="", dob="1990", signing_key=SITE_KEY, valid_for=timedelta(days=30)
    )
    claims = open_corsign(token, "NG", "", "1990", [SITE_KEY.public_key()])
    assert claims["v"] == vaccination["v"] and claims["exp"] - claims["iat"] == 30 * 86400
    expired = create_corsign(
        vaccination,
        family="Ng",
        given="",
        dob="1990",
        signing_key=SITE_KEY,
        issued_at=datetime.now(UTC) - timedelta(days=40),
        valid_for=timedelta(days=30),
    )
    with pytest.raises(CorsignError, match="^" + MESSAGE + "$"):
        open_corsign(expired, "Ng", "", "1990", [SITE_KEY.public_key()])


def _tamper(token: str, part: int) -> str:
    header, _, sealed = token.rpartition(".")
    parts = [*header[len(PREFIX) :].split("."), sealed]
    raw = bytearray(base64.urlsafe_b64decode(parts[part] + "=" * (-len(parts[part]) % 4)))
    raw[len(raw) // 2] ^= 0x01
    parts[part] = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    return f"{PREFIX}{parts[0]}.{parts[1]}.{parts[2]}"


@pytest.mark.parametrize(
    ("token", "family", "given", "dob", "keys"),
    [
        (TOKEN, "Mueller", "Joerg", "1964-08-12", "site"),  # wrong family name
        (TOKEN, "Müller-Lüdenscheidt", "Jens", "1964-08-12", "site"),  # wrong given name
        (TOKEN, "Müller-Lüdenscheidt", "Jörg", "1964-08-13", "site"),  # wrong birthday
        (TOKEN, "Müller-Lüdenscheidt", "Jörg", "not a date", "site"),
        (TOKEN, "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "other"),  # signer not trusted
        (TOKEN, "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "none"),
        (_tamper(TOKEN, 0), "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "site"),  # salt
        (_tamper(TOKEN, 1), "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "site"),  # nonce
        (_tamper(TOKEN, 2), "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "site"),  # ciphertext
        (TOKEN[:-4], "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "site"),  # truncated
        ("CS1:" + "A" * 5000, "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "site"),
        ("CS1:!!.??.**", "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "site"),
        ("HC1:whatever", "Müller-Lüdenscheidt", "Jörg", "1964-08-12", "site"),
    ],
)
def test_every_failure_says_the_same(token: str, family: str, given: str, dob: str, keys: str) -> None:
    trusted = {"site": [SITE_KEY.public_key()], "other": [OTHER_KEY.public_key()], "none": []}[keys]
    with pytest.raises(CorsignError) as caught:
        open_corsign(token, family, given, dob, trusted)
    assert str(caught.value) == MESSAGE


def test_a_token_signed_by_an_untrusted_key_cannot_be_swapped_in() -> None:
    forged = _seal(signing_key=OTHER_KEY)
    with pytest.raises(CorsignError):
        open_corsign(forged, "Müller-Lüdenscheidt", "Jörg", "1964-08-12", [SITE_KEY.public_key()])


def test_random_salt_and_nonce_make_each_token_unique() -> None:
    first, second = _seal(), _seal()
    assert first != second
    assert first.split(".")[0] != second.split(".")[0]  # the salts differ


def test_identity_normalisation() -> None:
    assert (
        normalise_identity("Gößinger", "Anna-Lena", "01.02.1990") == b"GOSINGER\x1fANNALENA\x1f1990-02-01"
    )
    assert normalise_identity("Gößinger", "Anna", "1990", version=1) == b"GOESSINGER\x1fANNA\x1f1990"
    assert normalise_identity("d'Arc", "Jeanne", "1990") == normalise_identity("DARC", "jeanne", "1990")


def test_umlauts_typed_plainly_open_the_code() -> None:
    # What a person types without an umlaut key: u for ü, a for ä, o for ö, s for ß.
    token = _seal(family="Müller-Größe", given="Jürgen", dob="1964-08-12")
    for family, given in [("Muller-Grose", "Jurgen"), ("Mueller-Groesse", "Juergen"), ("MÜLLER GRÖSSE", "jürgen")]:
        claims = open_corsign(token, family, given, "1964-08-12", [SITE_KEY.public_key()])
        assert claims["typ"] == "test"
    with pytest.raises(CorsignError):
        open_corsign(token, "Miller-Grose", "Jurgen", "1964-08-12", [SITE_KEY.public_key()])


def _version1_token(family: str, given: str, dob: str) -> str:
    """A slip handed out before version 2 (scrypt, no u/ue folding), made as that version made it."""
    import os
    import zlib

    import jwt
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from app.certificates.corsign import PREFIX_V1, _b64, _derive_key

    token = jwt.encode({**TEST_RESULT, "iat": int(datetime.now(UTC).timestamp())}, SITE_KEY, algorithm="ES256")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = f"{PREFIX_V1}{_b64(salt)}.{_b64(nonce)}"
    key = _derive_key(normalise_identity(family, given, dob, version=1), salt, version=1)
    return f"{header}.{_b64(AESGCM(key).encrypt(nonce, zlib.compress(token.encode()), header.encode()))}"


def test_version_1_slips_still_open() -> None:
    old = _version1_token("Müller", "Jörg", "1964-08-12")
    assert old.startswith("CS1:") and TOKEN.startswith("CS2:")
    assert open_corsign(old, "MUELLER", "Joerg", "1964-08-12", [SITE_KEY.public_key()])["typ"] == "test"
    with pytest.raises(CorsignError):  # version 1 never learnt the plain spelling
        open_corsign(old, "Muller", "Jorg", "1964-08-12", [SITE_KEY.public_key()])


def test_opening_costs_at_least_64_mib_of_memory() -> None:
    """Measured, not read from a constant: the peak memory of a process that opens one code."""
    import subprocess
    import sys

    # VmHWM is the peak of this process's own memory (ru_maxrss would carry the parent's over exec).
    script = (
        "import sys\n"
        "from cryptography.hazmat.primitives.asymmetric import ec\n"
        "from app.certificates.corsign import open_corsign\n"
        "from app.certificates.errors import CorsignError\n"
        "def peak():\n"
        "    lines = open('/proc/self/status').read().splitlines()\n"
        "    return int(next(l for l in lines if l.startswith('VmHWM:')).split()[1])\n"
        "key = ec.generate_private_key(ec.SECP256R1())\n"
        "before = peak()\n"
        "try:\n"
        "    open_corsign(sys.argv[1], 'Becker', 'Greta', '1970-05-05', [key.public_key()])\n"
        "except CorsignError:\n"
        "    pass\n"
        "print(peak() - before)\n"
    )
    completed = subprocess.run([sys.executable, "-c", script, TOKEN], capture_output=True, text=True, check=True)
    assert int(completed.stdout) >= 60 * 1024, completed  # KiB on Linux
