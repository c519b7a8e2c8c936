"""The tenant API's certificate side against a real server process on loopback: signing only for doses
it holds, within the tenant's policy, registered; station-signed certificates registered by sync;
revocations served at /v1/revocations in the EU format and understood by `vaxdesk cert verify`."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select

from app.certificates.signer import create_demo_chain
from app.certificates.uvci import make_uvci
from app.certificates.verify import read_signed, verify
from app.services.certificates import CertificateDesk
from app.services.unit_of_work import Actor
from app.services.vaccinations import DoctorStation
from app.storage.engine import Store
from app.storage.schema import Meta
from sync.station.engine import K_TOKEN
from sync.station.signing import online_signer
from tests.conftest import PASSPHRASE
from tests.integration.sync_support import (
    ServerProcess,
    add_person,
    enrolled_station,
    external_dose,
    start_server,
    sync,
)

NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")
DOCTOR = Actor(staff_id=None, role="doctor", display_name="Dr. Weber")
TENANT = "kreis"


@pytest.fixture(scope="module")
def chain_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], bytes]:
    chain = create_demo_chain()
    return chain.write_pem(tmp_path_factory.mktemp("dsc")), chain.signer.der


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chain_files: tuple[dict[str, Path], bytes]
           ) -> Iterator[ServerProcess]:
    proc = start_server(tmp_path_factory.mktemp("server"))
    files, _ = chain_files
    proc.cli("tenant", "create", "--tenant", TENANT, "--dsc-key", str(files["dsc-key.pem"]),
             "--dsc-cert", str(files["dsc-cert.pem"]))
    proc.cli("tenant", "certificate-policy", "--tenant", TENANT, "--validity-days", "180")
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory, server: ServerProcess) -> Iterator[Store]:
    store = enrolled_station(tmp_path_factory.mktemp("station"), "desk", server, tenant=TENANT)
    yield store
    store.close()


def _token(store: Store) -> str:
    with store.read() as session:
        row = session.get(Meta, K_TOKEN)
        assert row is not None
        return row.value


def _sign(server: ServerProcess, store: Store, body: Any) -> httpx.Response:
    return httpx.post(f"{server.url}/v1/certificates/sign", json=body, timeout=30,
                      headers={"Authorization": f"Bearer {_token(store)}"})


def _payload(store: Store, vaccination_id: str) -> dict[str, Any]:
    """What the station would send: its own payload for the dose."""
    from app.certificates.dcc import build_payload

    desk = CertificateDesk(store)
    with store.read() as session:
        facts, _, _ = desk._vaccination_facts(session, vaccination_id, uvci=make_uvci(country="DE", issuer="VXD"),
                                              issuer="Test Site", standardised=None)
    return build_payload(facts)


def test_hostile_requests_are_422_never_500(server: ServerProcess, station: Store) -> None:
    vid = external_dose(station, add_person(station, "Lorenz", "Kai"))
    sync(station)
    for body in ({"payload": {}, "subject_id": vid}, {"payload": {}, "subject_id": ""}, {},
                 {"payload": {"ver": "1.3.0", "nam": {"fn": "x" * 3_000_000, "fnt": "X"}, "dob": "1980", "v": [{}]},
                  "subject_id": vid},
                 {"payload": _payload(station, vid), "subject_id": vid, "valid_days": 10_000}):
        answer = _sign(server, station, body)
        assert answer.status_code == 422, (answer.status_code, answer.text[:200])
        assert answer.json()["code"] in ("invalid_request", "invalid_certificate")


def test_the_server_signs_only_doses_it_holds_as_recorded(server: ServerProcess, station: Store) -> None:
    pid = add_person(station, "Nowak", "Ewa", "1975-04-03")
    vid = external_dose(station, pid, date(2021, 7, 1))
    payload = _payload(station, vid)
    answer = _sign(server, station, {"payload": payload, "subject_id": vid})
    assert (answer.status_code, answer.json()["code"]) == (409, "unknown_dose")  # not pushed yet
    sync(station)
    forged = {**payload, "nam": {**payload["nam"], "fn": "Someone Else"}}
    answer = _sign(server, station, {"payload": forged, "subject_id": vid})
    assert answer.status_code == 422 and answer.json()["details"] == {"fields": ["nam"]}
    assert "Someone" not in answer.text and "Nowak" not in answer.text  # no personal data in answers
    answer = _sign(server, station, {"payload": {**payload, "dob": "1975-04-30"}, "subject_id": vid})
    assert answer.json()["details"] == {"fields": ["dob"]}
    answer = _sign(server, station, {"payload": payload, "subject_id": vid, "valid_days": 181})
    assert (answer.status_code, answer.json()["code"]) == (422, "validity_exceeds_policy")
    answer = _sign(server, station, {"payload": payload, "subject_id": vid})
    assert answer.status_code == 200, answer.text
    signed = read_signed(answer.json()["hc1"])
    assert signed.expires_at is not None and signed.issued_at is not None
    assert (signed.expires_at - signed.issued_at).days == 180  # the tenant's policy
    DoctorStation(station).void_dose(DOCTOR, vid, reason="entered twice")
    sync(station)
    answer = _sign(server, station, {"payload": payload, "subject_id": vid})
    assert (answer.status_code, answer.json()["code"]) == (409, "dose_voided")


def _register(server: ServerProcess) -> list[Any]:
    from sync.server import certificates

    engine = create_engine(f"sqlite:///{server.data_dir / 'tenants' / f'{TENANT}.sqlite'}")
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(certificates.register)).all())
    finally:
        engine.dispose()


def test_a_voucher_is_signed_by_the_server_after_sync_and_registered(
    server: ServerProcess, station: Store, chain_files: tuple[dict[str, Path], bytes]
) -> None:
    desk = CertificateDesk(station, remote_signer=online_signer(station))
    vid = external_dose(station, add_person(station, "Özdemir", "Elif", "1979-11-02"), date(2021, 8, 1))
    voucher = desk.issue(NURSE, vid)  # the server does not hold the dose yet
    assert voucher.is_voucher and voucher.claim_code
    sync(station)
    signed = desk.sign_waiting_vouchers(NURSE)
    assert signed == [voucher.certificate_id]
    hc1 = desk.certificate_text(NURSE, voucher.certificate_id)
    assert hc1 is not None and verify(hc1, [chain_files[1]]).valid
    row = next(r for r in _register(server) if r.uvci == voucher.uvci)
    code = read_signed(hc1)
    assert (row.kind, row.subject_id, row.source, bytes(row.hash_uci)) == ("v", vid, "server", code.hashes.uci)
    assert row.station_id == station.identity.station_id and row.signed_at is not None


def test_revocations_reach_the_list_and_the_verifier(
    server: ServerProcess, station: Store, chain_files: tuple[dict[str, Path], bytes], tmp_path: Path
) -> None:
    desk = CertificateDesk(station)
    desk.install_demo_signer(Actor(staff_id=None, role="admin", display_name="Admin"))  # station-signed
    vid = external_dose(station, add_person(station, "Roth", "Lea", "1991-09-09"), date(2021, 9, 1))
    issued = desk.issue(NURSE, vid)
    sync(station)
    assert any(r.uvci == issued.uvci and r.source == "station" and r.revoked_at is None for r in _register(server))
    DoctorStation(station).void_dose(DOCTOR, vid, reason="wrong person")
    sync(station)
    answer = httpx.get(f"{server.url}/v1/revocations", headers={"Authorization": f"Bearer {_token(station)}"})
    assert answer.status_code == 200
    batches = answer.json()["batches"]
    assert {b["hashType"] for b in batches} == {"UCI", "COUNTRYCODEUCI", "SIGNATURE"}
    hashes = read_signed(issued.hc1).hashes.to_json()
    for batch in batches:
        assert all(len(base64.b64decode(e["hash"])) == 16 for e in batch["entries"])
        assert {"hash": hashes[batch["hashType"]]} in batch["entries"]
    assert httpx.get(f"{server.url}/v1/revocations").status_code == 401
    listed = tmp_path / "revocations.json"
    listed.write_text(answer.text)
    trust = tmp_path / "dsc.der"
    trust.write_bytes(desk.trusted_certificates()[0])
    run = subprocess.run([sys.executable, "-m", "app", "cert", "verify", "--trust", str(trust), "--revocations",
                          str(listed), issued.hc1], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "VAXDESK_PASSPHRASE": PASSPHRASE})
    assert run.returncode == 1 and run.stdout.startswith("REVOKED"), run.stdout + run.stderr
    assert json.loads(answer.text) == answer.json()


def test_a_correction_and_a_revocation_reach_the_other_station(
    server: ServerProcess, station: Store, tmp_path: Path
) -> None:
    from app.services.person_corrections import PersonCorrections
    from app.storage.schema import Person

    other = enrolled_station(tmp_path, "booth", server, tenant=TENANT)
    try:
        desk = CertificateDesk(station)
        pid = add_person(station, "Hofmann", "Jan", "1988-02-02")
        vid = external_dose(station, pid, date(2021, 10, 1))
        issued = desk.issue(NURSE, vid)
        sync(station)
        sync(other)
        assert CertificateDesk(other).revoked_here(issued.uvci) is None
        PersonCorrections(station).correct(NURSE, pid, changes={"family_name": "Hoffmann"}, reason="ID card")
        reissued = desk.reissue_for_person_change(NURSE, issued.certificate_id, reason="name corrected")
        sync(station)
        sync(other)
        with other.read() as session:
            person = session.get(Person, pid)
            assert person is not None and person.family_name == "Hoffmann"
        # The other station's verify page knows the old code is revoked, and has the new one.
        assert CertificateDesk(other).revoked_here(issued.uvci) == "name corrected"
        assert CertificateDesk(other).certificate_text(NURSE, reissued.certificate_id) == reissued.hc1
        assert any(r.uvci == issued.uvci and r.revoked_at is not None for r in _register(server))
    finally:
        other.close()
