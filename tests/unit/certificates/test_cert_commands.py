"""The `vaxdesk cert` commands: called in-process with argv lists, and once as a subprocess."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

from app.certificates.dcc import build_payload
from app.certificates.revocation import batches
from app.certificates.signer import load_certificate
from app.certificates.verify import STEPS, read_signed
from app.cli.cert import main
from tests.unit.certificates.samples import sample_facts

REPO = Path(__file__).resolve().parents[3]
# The sample person's first dose as a DCC payload (test_cert_issue_verify pins build_payload's output field by field).
PAYLOAD = build_payload(sample_facts(dose_number=1))


@pytest.fixture
def keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "keys"
    assert main(["cert", "demo-keys", "--out", str(folder)]) == 0
    printed = capsys.readouterr().out.split()
    assert sorted(Path(p).name for p in printed) == [
        "csca-cert.pem",
        "csca-key.pem",
        "dsc-cert.pem",
        "dsc-key.pem",
    ]
    return folder


@pytest.fixture
def signed(keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    payload = tmp_path / "dcc.json"
    payload.write_text(json.dumps(PAYLOAD), encoding="utf-8")
    pdf = tmp_path / "out.pdf"
    code = main(
        ["cert", "sign", "--payload", str(payload), "--key", str(keys / "dsc-key.pem"), "--cert",
         str(keys / "dsc-cert.pem"), "--pdf", str(pdf)]
    )  # fmt: skip
    assert code == 0
    hc1 = capsys.readouterr().out.strip()
    assert hc1.startswith("HC1:") and "\n" not in hc1
    assert pdf.read_bytes().startswith(b"%PDF")
    return hc1


def test_sign_then_verify_human_summary(signed: str, keys: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cert", "verify", "--trust", str(keys / "dsc-cert.pem"), signed]) == 0
    out = capsys.readouterr().out
    assert out.startswith("VALID\n")
    assert "Name: Musterfrau-Gößinger, Gabriele" in out and "Vaccination: 1/2 on 2026-02-20" in out


def test_verify_json_with_a_der_trust_file(
    signed: str, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    der = tmp_path / "dsc.der"
    der.write_bytes(
        load_certificate((keys / "dsc-cert.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    )
    assert main(["cert", "verify", "--trust", str(der), "--json", signed]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result == {"valid": True, "steps": dict.fromkeys(STEPS, True), "error": None, "payload": PAYLOAD,
                      "revoked": False}


def test_verify_reports_invalid_with_exit_code_1(
    signed: str, keys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cert", "verify", "--json", signed]) == 1  # no trust list
    result = json.loads(capsys.readouterr().out)
    assert (
        result["valid"] is False
        and result["steps"]["signature"] is False
        and result["steps"]["key_usage"] is None
    )
    code = main(
        ["cert", "verify", "--trust", str(keys / "dsc-cert.pem"), "--at", "2000-01-01T00:00:00Z", signed]
    )
    assert code == 1
    assert capsys.readouterr().out.startswith("NOT VALID: The certificate is not valid yet")


def test_verify_reads_the_code_from_stdin(
    signed: str, keys: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(signed + "\n"))
    assert main(["cert", "verify", "--trust", str(keys / "dsc-cert.pem"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True


def test_verify_jsonl_answers_every_line(
    signed: str, keys: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    der = load_certificate((keys / "dsc-cert.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    trust = [base64.b64encode(der).decode()]
    lines = [
        json.dumps({"hc1": signed, "trust": trust, "at": None}),
        json.dumps({"hc1": signed, "trust": trust, "at": "2000-01-01T00:00:00+00:00"}),
        json.dumps({"hc1": signed, "trust": []}),
        "this is not json",
        "[1, 2]",
        json.dumps({"hc1": signed, "trust": ["***"]}),
        json.dumps({"hc1": signed, "trust": [base64.b64encode(b"garbage").decode()]}),
        json.dumps({"hc1": signed, "trust": "not a list"}),
        json.dumps({"hc1": signed, "trust": trust, "at": "yesterday"}),
        json.dumps({"trust": trust}),
        "",
        json.dumps({"hc1": "HC1:" + "A" * 50_000, "trust": trust}),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["cert", "verify", "--jsonl"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(results) == len(lines) - 1  # the empty line gets no answer
    for result in results:
        assert {"valid", "steps", "error", "payload", "revoked"} <= set(result) <= {
            "valid", "steps", "error", "payload", "revoked", "trust_warnings"}
        assert set(result["steps"]) == set(STEPS)
        assert all(value in (True, False, None) for value in result["steps"].values())
    assert results[0]["valid"] is True and results[0]["payload"] == PAYLOAD and results[0]["error"] is None
    assert results[1]["steps"]["expiry"] is False and results[1]["steps"]["signature"] is True
    assert results[2]["steps"]["signature"] is False
    for bad in results[3:]:
        assert bad["valid"] is False and isinstance(bad["error"], str) and bad["error"]
    assert results[3]["error"] == "The line is not valid JSON."
    assert results[5]["error"] == "A trust list entry is not valid base64."
    assert results[-1]["steps"]["unprefix"] is False


def test_command_errors_exit_with_the_error_code(
    tmp_path: Path, keys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = ["cert", "sign", "--payload", str(tmp_path / "none.json"), "--key", str(keys / "dsc-key.pem")]
    # A file that cannot be read is not a verdict: 9 (invalid input), never 1 (NOT VALID).
    assert main([*missing, "--cert", str(keys / "dsc-cert.pem")]) == 9
    assert "Cannot read" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"ver": "1.3.0", "nam": {}}), encoding="utf-8")
    sign_bad = ["cert", "sign", "--payload", str(bad), "--key", str(keys / "dsc-key.pem")]
    assert main([*sign_bad, "--cert", str(keys / "dsc-cert.pem")]) == 9  # ValidationError
    assert "does not match the EU format" in capsys.readouterr().err
    wrong_pair = ["cert", "sign", "--payload", str(bad), "--key", str(keys / "csca-key.pem")]
    assert main([*wrong_pair, "--cert", str(keys / "dsc-cert.pem")]) == 9
    assert "does not belong" in capsys.readouterr().err


def test_jsonl_as_a_subprocess(signed: str, keys: Path) -> None:
    der = load_certificate((keys / "dsc-cert.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    request = json.dumps({"hc1": signed, "trust": [base64.b64encode(der).decode()], "at": None})
    completed = subprocess.run(
        [sys.executable, "-c", "import sys; from app.cli.cert import main; sys.exit(main())",
         "cert", "verify", "--jsonl"],
        input=request + "\nnot json\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    first, second = (json.loads(line) for line in completed.stdout.splitlines())
    assert first["valid"] is True and second["valid"] is False


def _ed25519_certificate() -> bytes:
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ed25519 DSC")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=9))
            .sign(key, None))
    return cert.public_bytes(serialization.Encoding.DER)


def test_an_unsupported_key_in_the_trust_list_is_one_warning_not_a_crash(
    signed: str, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "ed25519.der"
    odd.write_bytes(_ed25519_certificate())
    code = main(["cert", "verify", "--trust", str(odd), "--trust", str(keys / "dsc-cert.pem"), signed])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("VALID")
    assert "Warning: trust list entry 1: Only EC and RSA signer certificates are supported." in out


def test_a_revoked_code_is_reported_revoked(
    signed: str, keys: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = tmp_path / "revocations.json"
    hashes = read_signed(signed).hashes
    listed.write_text(json.dumps({"batches": batches(country="DE", kid="x", revoked=[(hashes, datetime.now(UTC))])}))
    code = main(["cert", "verify", "--trust", str(keys / "dsc-cert.pem"), "--revocations", str(listed), signed])
    assert code == 1 and capsys.readouterr().out.startswith("REVOKED: This certificate was revoked")
    assert main(["cert", "verify", "--trust", str(keys / "dsc-cert.pem"), "--revocations", str(listed),
                 "--json", signed]) == 1
    assert json.loads(capsys.readouterr().out)["revoked"] is True
    listed.write_text("[" * 100_000)
    assert main(["cert", "verify", "--revocations", str(listed), signed]) == 9
    assert "revocation list" in capsys.readouterr().err


def test_jsonl_never_stops_at_a_bad_line(
    signed: str, keys: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    der = load_certificate((keys / "dsc-cert.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    good = json.dumps({"hc1": signed, "trust": [base64.b64encode(der).decode()]})
    odd = json.dumps({"hc1": signed, "trust": [base64.b64encode(_ed25519_certificate()).decode()]})
    huge = "x" * (3 * 1024 * 1024)  # longer than a line may be: skipped unread, answered with an error
    lines = ["[" * 100_000, good, huge, odd, "{" * 5000 + "}" * 5000, good]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["cert", "verify", "--jsonl"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(results) == len(lines)
    assert [r["valid"] for r in results] == [False, True, False, False, False, True]
    assert results[0]["error"] == "The line is not valid JSON."
    assert "longer than" in results[2]["error"]
    assert results[3]["steps"]["signature"] is False and results[3]["trust_warnings"]
