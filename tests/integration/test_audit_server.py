"""The audit log travels to the tenant API and the server keeps it append-only: a real server process
on loopback, real enrolled SQLCipher stations. Someone who holds the station's passphrase can forge
the local chain and its anchor; the server's copy still gives them away."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text

from app.services.audit import verify_audit
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage import keyfile as kf
from app.storage.audit import _content, _keyed_digest
from app.storage.engine import Store
from app.storage.schema import AuditLog, Meta
from sync.station.audit_push import K_REFUSED, server_audit_head
from sync.station.engine import K_TOKEN, SyncEngine
from tests.cli_support import vaxdesk
from tests.integration.sync_support import ServerProcess, enrolled_station, new_tenant, start_server, sync

TENANT = "county"
SYSTEM = Actor.system()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    running = start_server(tmp_path_factory.mktemp("audit-server"))
    new_tenant(running, TENANT)
    yield running
    running.stop()


def _work(store: Store, n: int) -> None:
    for i in range(n):
        with UnitOfWork(store, SYSTEM) as uow:
            uow.record(action="station.checked", entity="station", entity_id=None, details={"round": i})


def _tip(store: Store) -> tuple[int, str]:
    with store.read() as session:
        row = session.execute(select(AuditLog.seq, AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)).one()
    return row[0], row[1]


def _server_head(store: Store) -> kf.AuditHead:
    with SyncEngine(store) as engine:
        return server_audit_head(engine.client)


def _forge(store: Store, *, delete_after: int | None = None, rewrite_seq: int | None = None) -> None:
    """What someone with the passphrase and this code could do locally: trim or rewrite the log,
    recompute every keyed hash and re-seal the key file's anchor — server head included."""
    with store.write() as session:
        session.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        session.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        if delete_after is not None:
            session.execute(text("DELETE FROM audit_log WHERE seq > :s"), {"s": delete_after})
        rows = session.scalars(select(AuditLog).order_by(AuditLog.seq)).all()
        prev = "0" * 64
        for row in rows:
            if row.seq == rewrite_seq:
                row.details = {"round": "nothing happened"}
            row.prev_hash = prev
            row.hash = _keyed_digest(store.audit_key, prev, row.seq, _content(row))
            prev = row.hash
        tip = kf.AuditHead(rows[-1].seq, rows[-1].hash)
    keyfile = kf.read_keyfile(store.key_path)
    assert keyfile.audit is not None
    forged = kf.AuditAnchor(legacy_rows=0, committed=tip, pending=tip, server=tip)
    kf.write_keyfile_atomically(store.key_path, kf.KeyFile(
        database_id=keyfile.database_id, tenant=keyfile.tenant, keys=keyfile.keys,
        audit=forged.sealed(store.audit_key, keyfile.database_id)))


def test_every_sync_round_pushes_the_log_and_the_server_acknowledges_its_head(server: ServerProcess,
                                                                             tmp_path: Path) -> None:
    store = enrolled_station(tmp_path, "desk1", server, tenant=TENANT)
    _work(store, 30)
    sync(store)
    seq, _ = _tip(store)
    held = _server_head(store)
    assert held.seq >= seq - 1 and store.audit_anchor().server == held  # the round's own rows may follow
    with store.read() as session:
        row = session.scalars(select(AuditLog).where(AuditLog.seq == held.seq)).one()
    assert row.hash == held.hash
    _work(store, 5)
    sync(store)
    assert _server_head(store).seq > held.seq
    assert verify_audit(store, SYSTEM, server_head=_server_head(store)).ok
    store.close()


def test_a_forged_trim_passes_offline_but_not_against_the_server(server: ServerProcess, tmp_path: Path) -> None:
    store = enrolled_station(tmp_path, "desk2", server, tenant=TENANT)
    _work(store, 20)
    sync(store)
    seq, _ = _tip(store)
    _forge(store, delete_after=seq - 8)
    db = store.path
    store.close()
    offline = vaxdesk("audit", "verify", "--db", str(db), "--offline")
    assert offline.returncode == 0, offline.stderr  # the local forgery is complete; only the server knows
    online = vaxdesk("audit", "verify", "--db", str(db))
    assert online.returncode == 18, online.stdout + online.stderr
    assert "no longer has" in online.stderr


def test_a_rewritten_entry_differs_from_the_servers_copy_and_the_next_push_is_refused(
        server: ServerProcess, tmp_path: Path) -> None:
    store = enrolled_station(tmp_path, "desk3", server, tenant=TENANT)
    _work(store, 12)
    sync(store)
    _forge(store, rewrite_seq=5)
    check = verify_audit(store, SYSTEM, server_head=_server_head(store))
    assert check.reason is not None and check.reason.code == "audit_server_differs"
    # Push again from the start, as a station restored from an old backup would: the server refuses the
    # different entries, and the sync of everything else still completes.
    with store.write() as session:
        session.get(Meta, "audit_pushed_seq").value = "0"  # type: ignore[union-attr]
    report = sync(store)
    assert getattr(report, "complete", False)
    with store.read() as session:
        refused = session.get(Meta, K_REFUSED)
    assert refused is not None and refused.value == "audit_conflict"
    store.close()


def test_the_server_refuses_entries_for_another_station_and_a_broken_chain(server: ServerProcess,
                                                                          tmp_path: Path) -> None:
    store = enrolled_station(tmp_path, "desk4", server, tenant=TENANT)
    with store.read() as session:
        token = session.get(Meta, K_TOKEN).value  # type: ignore[union-attr]
        first = session.scalars(select(AuditLog).order_by(AuditLog.seq).limit(1)).one()
    entry = {"seq": first.seq, "id": first.id, "at": first.at.isoformat(), "action": first.action,
             "entity": first.entity, "prev_hash": first.prev_hash, "hash": first.hash}
    head = {"seq": first.seq, "hash": first.hash}
    headers = {"Authorization": f"Bearer {token}"}
    other = httpx.post(f"{server.url}/v1/audit/push", headers=headers, timeout=10,
                       json={"station_id": "someone-else", "entries": [entry], "station_head": head})
    assert other.status_code == 403 and other.json()["code"] == "wrong_station"
    gap = httpx.post(f"{server.url}/v1/audit/push", headers=headers, timeout=10,
                     json={"station_id": store.identity.station_id, "entries": [{**entry, "seq": 7}],
                           "station_head": head})
    assert gap.status_code == 409 and gap.json()["code"] == "audit_gap"
    hostile = httpx.post(f"{server.url}/v1/audit/push", headers=headers, timeout=10,
                         json={"station_id": store.identity.station_id, "station_head": head,
                               "entries": [{**entry, "action": "=HYPERLINK(\"//e.x\")"}]})
    assert hostile.status_code == 422
    store.close()


def test_audit_export_gives_the_officer_what_the_server_holds(server: ServerProcess, tmp_path: Path) -> None:
    store = enrolled_station(tmp_path, "desk5", server, tenant=TENANT)
    with UnitOfWork(store, SYSTEM) as uow:
        uow.record(action="station.checked", entity="station", entity_id=None,
                   details={"note": "=HYPERLINK(\"//e.x\",\"x\")"})
    sync(store)
    station_id = store.identity.station_id
    today = datetime.now(UTC).date()
    out = tmp_path / "audit.csv"
    printed = server.cli("audit", "export", "--tenant", TENANT, "--from", str(today - timedelta(days=1)),
                         "--to", str(today), "--out", str(out))
    assert "written to" in printed
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    mine = [r for r in rows if r["station_id"] == station_id]
    assert [int(r["seq"]) for r in mine] == list(range(1, len(mine) + 1))
    noted = next(r for r in mine if "HYPERLINK" in r["details"])
    assert json.loads(noted["details"])["note"].startswith("=")  # the value as written, inside the JSON cell
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    with pytest.raises(AssertionError, match="--force"):
        server.cli("audit", "export", "--tenant", TENANT, "--from", str(today), "--to", str(today),
                   "--out", str(out))
    empty = server.cli("audit", "export", "--tenant", TENANT, "--from", "2001-01-01", "--to", "2001-01-02")
    assert empty.strip().splitlines() == [";".join(
        ("station_id", "seq", "at", "staff_id", "action", "entity", "entity_id", "details", "prev_hash", "hash",
         "received_at"))]
    store.close()
