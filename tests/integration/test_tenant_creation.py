"""Creating a tenant while a running server lists and opens the tenants (its mail sender and readiness
check do, all the time): the server never sees a half-made tenant, and the creation never fails on a
file the server holds open."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from sync.server.tenants import Registry, TenantExists


def test_a_tenant_created_while_another_process_lists_the_tenants_is_whole(tmp_path: Path) -> None:
    key = os.urandom(32)
    admin = Registry(data_dir=tmp_path, master_key=key)  # the admin command
    server = Registry(data_dir=tmp_path, master_key=key)  # a running server sharing the data dir
    stop = threading.Event()
    seen: set[str] = set()
    failures: list[BaseException] = []

    def poll() -> None:
        while not stop.is_set():
            try:
                for name in server.names():
                    server.get(name)  # opens it, as the mail sender does
                    seen.add(name)
            except BaseException as exc:
                failures.append(exc)
                return

    watcher = threading.Thread(target=poll)
    watcher.start()
    try:
        names = [f"t{i:02d}" for i in range(25)]
        for name in names:
            admin.create(name)
    finally:
        stop.set()
        watcher.join(timeout=60)
    assert failures == []
    assert sorted(server.names()) == names
    for name in names:  # every tenant whole: its meta is there and its key opens
        assert server.get(name).name == name
    assert not list((tmp_path / "tenants").glob("*.creating*"))  # nothing left of the building


def test_a_tenant_cannot_be_created_twice(tmp_path: Path) -> None:
    registry = Registry(data_dir=tmp_path, master_key=os.urandom(32))
    registry.create("once")
    with pytest.raises(TenantExists):
        registry.create("once")
    assert registry.names() == ["once"]
