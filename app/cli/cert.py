"""`vaxdesk cert ...`: sign, verify (one code, JSON, or JSON lines), issue, install-signer, configure,
demo-keys. Each handler takes the parsed arguments (declared in `app.cli.main`), prints to stdout and
returns the exit code."""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from app.certificates.dcc import issue_hc1
from app.certificates.errors import CertificateError
from app.certificates.pdf import render_certificate_pdf
from app.certificates.revocation import MAX_LIST_BYTES, RevocationList
from app.certificates.signer import create_demo_chain, load_signer_files
from app.certificates.trust import TrustList
from app.certificates.verify import MAX_INPUT_CHARS, STEPS, VerificationResult, verify
from app.cli.main import add_cert_commands, run_handler
from app.cli.terminal import read_passphrase
from app.errors import VaxDeskError
from app.services.certificates import CertificateDesk
from app.services.unit_of_work import Actor
from app.storage.engine import open_store
from sync.station import online_signer

logger = logging.getLogger(__name__)
EXIT_VALID, EXIT_INVALID = 0, 1
# A JSON line holds one code (≤ 10,000 characters) and its trust list: a national list of a few hundred
# base64 certificates fits in 1 MiB.
MAX_LINE_CHARS = 1024 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    """The `vaxdesk cert ...` commands alone, without the rest of the CLI (no log file is set up)."""
    parser = argparse.ArgumentParser(prog="vaxdesk")
    add_cert_commands(parser.add_subparsers(dest="command", required=True))
    return run_handler(parser.parse_args(argv))


def run_sign(args: argparse.Namespace) -> int:
    signer = load_signer_files(args.key, args.cert)
    try:
        payload = json.loads(args.payload.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CertificateError(code="cert_file_unreadable", params={"path": str(args.payload), "detail": exc.strerror}) \
            from exc
    except json.JSONDecodeError as exc:
        raise CertificateError(code="cert_payload_not_json", params={"path": str(args.payload), "line": exc.lineno}) \
            from exc
    if not isinstance(payload, dict):
        raise CertificateError(code="cert_payload_not_object", params={"path": str(args.payload)})
    hc1 = issue_hc1(payload, signer)
    if args.pdf:
        _write_file(args.pdf, render_certificate_pdf(payload=payload, hc1=hc1))
    print(hc1)
    return 0


def _write_file(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CertificateError(code="cert_file_unwritable", params={"path": str(path), "detail": exc.strerror}) from exc


def run_verify(args: argparse.Namespace) -> int:
    revocations = _revocations(args.revocations) if args.revocations else None
    if args.jsonl:
        for line in _bounded_lines(sys.stdin, MAX_LINE_CHARS):
            if line is None:
                print(json.dumps(_line_error(f"The line is longer than {MAX_LINE_CHARS} characters.")), flush=True)
            elif line.strip():
                print(json.dumps(_verify_json_line(line, revocations), ensure_ascii=False), flush=True)
        return 0
    certificates = []
    for path in args.trust:
        try:
            certificates.append(path.read_bytes())
        except OSError as exc:
            raise CertificateError(code="cert_file_unreadable", params={"path": str(path), "detail": exc.strerror}) \
                from exc
    trust = TrustList.from_certificates(certificates)
    if args.hc1 is not None:
        hc1: str | None = args.hc1
    else:
        hc1 = next(_bounded_lines(sys.stdin, MAX_LINE_CHARS), "")
    # None: a line far longer than any certificate was skipped unread; a stand-in of just over the
    # verifier's limit gets its "far too long" verdict.
    result = verify(hc1 if hc1 is not None else "x" * (MAX_INPUT_CHARS + 1), trust,
                    at=_parse_time(args.at) if args.at else None, revocations=revocations)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        print(_summary(result))
    return EXIT_VALID if result.valid else EXIT_INVALID


def _revocations(path: Path) -> RevocationList:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_LIST_BYTES + 1)
    except OSError as exc:
        raise CertificateError(code="cert_file_unreadable", params={"path": str(path), "detail": exc.strerror}) \
            from exc
    return RevocationList.from_bytes(data)


def _bounded_lines(stream: TextIO, limit: int) -> Iterator[str | None]:
    """Lines of at most `limit` characters; None for a longer one, which is skipped to its end
    without ever being held whole (a 50 MB line costs 1 MB of memory, not 139)."""
    while True:
        chunk = stream.readline(limit + 1)
        if not chunk:
            return
        if len(chunk) > limit and not chunk.endswith("\n"):
            while chunk and not chunk.endswith("\n"):
                chunk = stream.readline(limit)
            yield None
            continue
        yield chunk


def _parse_time(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise CertificateError(code="cert_time_invalid", params={"value": text}) from None


def _verify_json_line(line: str, revocations: RevocationList | None = None) -> dict[str, Any]:
    """One input line → one result object; a malformed line gets a result with its error, never an abort."""
    try:
        request = json.loads(line)
        if not isinstance(request, dict):
            raise CertificateError(code="cert_line_not_object")
        trust = request.get("trust") or []
        if not isinstance(trust, list) or not all(isinstance(item, str) for item in trust):
            raise CertificateError(code="cert_line_trust_invalid")
        at = request.get("at")
        if at is not None and not isinstance(at, str):
            raise CertificateError(code="cert_line_at_invalid")
        certificates = [base64.b64decode(item, validate=True) for item in trust]
        return verify(
            request.get("hc1"), TrustList.from_certificates(certificates), at=_parse_time(at) if at else None,
            revocations=revocations,
        ).to_json()
    except (json.JSONDecodeError, RecursionError):
        return _line_error("The line is not valid JSON.")
    except binascii.Error:
        return _line_error("A trust list entry is not valid base64.")
    except VaxDeskError as exc:
        return _line_error(str(exc))
    except Exception as exc:  # one bad line must never stop the batch
        logger.warning("verify line failed", extra={"error": type(exc).__name__})
        return _line_error("The line could not be checked because of an internal error.")


def _line_error(message: str) -> dict[str, Any]:
    return {"valid": False, "steps": dict.fromkeys(STEPS), "error": message, "payload": None, "revoked": False}


def _summary(result: VerificationResult) -> str:
    if result.revoked:
        lines = [f"REVOKED: {result.error}"]
    else:
        lines = ["VALID" if result.valid else f"NOT VALID: {result.error}"]
    lines += [f"Warning: {warning}" for warning in result.trust_warnings]
    payload = result.payload or {}
    name = payload.get("nam") if isinstance(payload.get("nam"), dict) else {}
    if name:
        shown = ", ".join(str(name[k]) for k in ("fn", "gn") if k in name) or str(name.get("fnt", ""))
        lines.append(f"Name: {shown}")
    if "dob" in payload:
        lines.append(f"Date of birth: {payload['dob']}")
    for key, label in (("v", "Vaccination"), ("t", "Test"), ("r", "Recovery")):
        entries = payload.get(key)
        if isinstance(entries, list) and entries and isinstance(entries[0], dict):
            entry = entries[0]
            detail = f"{entry.get('dn')}/{entry.get('sd')} on {entry.get('dt')}" if key == "v" else ""
            lines.append(
                f"{label}: {detail} ({entry.get('co', '')}), id {entry.get('ci', '')}".replace(":  (", ": (")
            )
    if result.expires_at:
        lines.append(f"Valid until: {result.expires_at:%Y-%m-%d %H:%M} UTC")
    marks = {True: "ok", False: "FAILED", None: "not checked"}
    lines.append("Checks: " + ", ".join(f"{step} {marks[value]}" for step, value in result.steps.items()))
    return "\n".join(lines)


def run_demo_keys(args: argparse.Namespace) -> int:
    chain = create_demo_chain(country=args.country.upper())
    try:
        written = chain.write_pem(args.out)
    except OSError as exc:
        raise CertificateError(code="cert_folder_unwritable", params={"path": str(args.out), "detail": exc.strerror}) \
            from exc
    for path in written.values():
        print(path)
    return 0


def run_issue(args: argparse.Namespace) -> int:
    """Issue at the station: signed with the site signer, or a voucher when there is none."""
    with open_store(args.db, read_passphrase()) as store:
        # Offline with the site signer if there is one, else online through the tenant API.
        desk = CertificateDesk(store, remote_signer=online_signer(store))
        actor = Actor(staff_id=None, role="admin", display_name="vaxdesk cert issue")
        issued = desk.issue(actor, args.vaccination)
        if issued.hc1 is None:
            print(f"vaxdesk: no document signer at this station; voucher {issued.uvci} is signed after the next sync.",
                  file=sys.stderr)
            return 0
        if args.pdf is not None:
            _write_file(args.pdf, desk.pdf(actor, issued.certificate_id))
    print(issued.hc1)
    return 0


def run_install_signer(args: argparse.Namespace) -> int:
    if not args.p12 and not (args.key and args.cert):
        raise CertificateError(code="cert_signer_files_missing")
    admin = Actor(staff_id=None, role="admin", display_name="vaxdesk")
    try:
        files = (args.p12,) if args.p12 else (args.key, args.cert)
        contents = [path.read_bytes() for path in files]
    except OSError as exc:
        raise CertificateError(code="cert_file_unreadable", params={"path": str(exc.filename), "detail": exc.strerror}) \
            from None
    p12_password = read_passphrase(env="VAXDESK_P12_PASSWORD", prompt="PKCS#12 password: ") if args.p12 else ""
    with open_store(args.db, read_passphrase()) as store:
        desk = CertificateDesk(store)
        if args.p12:
            desk.install_signer_pkcs12(admin, contents[0], password=p12_password.encode() or None)
        else:
            desk.install_signer(admin, contents[0], contents[1])
    print("Document signer installed; the station now signs certificates offline.")
    return 0


def run_configure(args: argparse.Namespace) -> int:
    if args.issuer is None and args.validity_days is None:
        raise CertificateError(code="cert_configure_nothing")
    with open_store(args.db, read_passphrase()) as store:
        CertificateDesk(store).configure(Actor(staff_id=None, role="admin", display_name="vaxdesk"),
                                         issuer=args.issuer, validity_days=args.validity_days)
    print("Certificate settings saved.")
    return 0
