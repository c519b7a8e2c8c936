"""The production shape on loopback: PostgreSQL, pgbouncer in front of it, several `vaxdesk-server`
instances and haproxy balancing them, each a real process (Debian packages; `.ci/run` installs them).
Used by tests/integration/test_topology.py and benchmarks/release_day.py."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.integration.sync_support import PgCluster, ServerProcess, free_port, postgres_cluster, start_server


def missing_tools() -> list[str]:
    return [tool for tool in ("pgbouncer", "haproxy") if shutil.which(tool) is None]


@dataclass
class Service:
    """pgbouncer or haproxy: a process, its address and its folder."""

    url: str
    proc: subprocess.Popen[bytes]
    folder: Path

    def stop(self) -> None:
        # The whole process group: pgbouncer runs under a runuser wrapper when the tests run as root, and
        # killing only the wrapper left pgbouncer running after every suite.
        # The wrapper's exit does not mean its child is gone: SIGKILL reaches each member on its own, and
        # on a busy machine pgbouncer was still running after the wrapper had been reaped.
        members = _group(self.proc.pid)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        _wait_gone(members, timeout=10)


def _group(pgid: int) -> list[int]:
    """The live processes of process group `pgid` (zombies are gone already: they only wait to be reaped)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if not proc.name.isdigit():
                continue
            # /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(proc.name))
        except (OSError, IndexError, ValueError):
            continue  # gone while we looked
    return found


def _wait_gone(pids: list[int], *, timeout: float) -> None:
    """Waits, on each process's pidfd rather than by polling, until every one of `pids` has exited."""
    deadline = time.monotonic() + timeout
    for pid in pids:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise RuntimeError(f"process {pid} still running {timeout} s after SIGKILL")
        finally:
            os.close(fd)


@contextlib.contextmanager
def pgbouncer(cluster: PgCluster, *, pool_size: int = 40) -> Iterator[Service]:
    """pgbouncer refuses to run as root: like the cluster, it runs as the postgres user then."""
    folder = Path(tempfile.mkdtemp(prefix="vaxdesk-pgb-"))
    port = free_port()
    pg_port = cluster.url.rsplit(":", 1)[1].split("/")[0]
    (folder / "users.txt").write_text('"postgres" ""\n')
    (folder / "pgbouncer.ini").write_text(f"""[databases]
* = host=127.0.0.1 port={pg_port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {folder}/users.txt
pool_mode = transaction
max_client_conn = 4000
default_pool_size = {pool_size}
ignore_startup_parameters = extra_float_digits,options
logfile = {folder}/pgbouncer.log
pidfile = {folder}/pgbouncer.pid
""")
    if cluster.as_postgres:
        shutil.chown(folder, "postgres", "postgres")
        for f in folder.iterdir():
            shutil.chown(f, "postgres", "postgres")
    proc = subprocess.Popen([*cluster.as_postgres, "pgbouncer", str(folder / "pgbouncer.ini")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    # For the servers: transaction pooling, so no prepared statements (?pgbouncer=true).
    bouncer = Service(url=f"postgresql://postgres@127.0.0.1:{port}/postgres?pgbouncer=true", proc=proc,
                        folder=folder)
    try:
        _wait_for_port(port, proc, "pgbouncer")
        yield bouncer
    finally:
        bouncer.stop()
        shutil.rmtree(folder, ignore_errors=True)


def haproxy_config(*, port: int, backends: list[str], check_ms: int = 300) -> str:
    servers = "\n".join(
        f"  server api{i} {b.removeprefix('http://')} check inter {check_ms} fall 3 rise 1"
        for i, b in enumerate(backends))
    # POSTs are never retried once sent (they are not idempotent); only a connection that could not be
    # made goes to another instance.
    # maxconn stays under what a default file-descriptor limit allows (haproxy needs two per connection).
    return f"""global
  maxconn 8000
  nbthread 1

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  option http-keep-alive
  option forwardfor
  timeout check 2s
  retries 2
  retry-on conn-failure
  option redispatch

frontend public
  bind 127.0.0.1:{port}
  default_backend api

backend api
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
{servers}
"""


@contextlib.contextmanager
def haproxy(backends: list[str]) -> Iterator[Service]:
    folder = Path(tempfile.mkdtemp(prefix="vaxdesk-haproxy-"))
    port = free_port()
    (folder / "haproxy.cfg").write_text(haproxy_config(port=port, backends=backends))
    proc = subprocess.Popen(["haproxy", "-db", "-f", str(folder / "haproxy.cfg")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    balancer = Service(url=f"http://127.0.0.1:{port}", proc=proc, folder=folder)
    try:
        _wait_for_port(port, proc, "haproxy")
        deadline = time.monotonic() + 20
        while True:  # until a health check has passed and /health/ready answers through it
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(balancer.url + "/health/ready", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise AssertionError("haproxy found no ready backend in 20 s")
        yield balancer
    finally:
        balancer.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], name: str) -> None:
    deadline = time.monotonic() + 20
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"{name} exited at start-up (code {proc.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{name} did not listen on {port} in 20 s")


@dataclass
class Topology:
    cluster: PgCluster
    bouncer: Service
    servers: list[ServerProcess]
    balancer: Service
    data_dir: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.balancer.url

    @property
    def direct_url(self) -> str:
        """The cluster itself, for admin commands (CREATE DATABASE does not go through pgbouncer)."""
        return self.cluster.url


@contextlib.contextmanager
def topology(*, instances: int = 2, env: dict[str, str] | None = None) -> Iterator[Topology]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed; .ci/run installs them")
    data_dir = Path(tempfile.mkdtemp(prefix="vaxdesk-topology-"))
    # Every instance shares one master key, given the production way: in the environment.
    shared = {"VAXDESK_MASTER_KEY": "dG9wb2xvZ3ktdGVzdC1tYXN0ZXIta2V5LTMyYnl0ZXM=", **(env or {})}
    with postgres_cluster() as cluster, pgbouncer(cluster) as bouncer:
        servers = [start_server(data_dir / f"instance{i}", database_url=bouncer.url, env=shared)
                   for i in range(instances)]
        try:
            with haproxy([s.url for s in servers]) as balancer:
                yield Topology(cluster=cluster, bouncer=bouncer, servers=servers, balancer=balancer,
                               data_dir=data_dir, env=shared)
        finally:
            for server in servers:
                server.stop()
            shutil.rmtree(data_dir, ignore_errors=True)


def admin(topo: Topology, *args: str) -> str:
    """A `vaxdesk-server` admin command against the cluster directly, with the topology's master key."""
    from tests.conftest import REPO
    from tests.integration.sync_support import PYTHON, _split_command

    command, rest = _split_command(list(args))
    out = subprocess.run([PYTHON, "-m", "sync.server.cli", *command, "--data-dir", str(topo.data_dir / "admin"),
                          "--database-url", topo.direct_url, *rest], capture_output=True, text=True, cwd=REPO,
                         env={**os.environ, **topo.env}, check=False)
    if out.returncode != 0:
        raise AssertionError(f"vaxdesk-server {' '.join(args)} failed: {out.stderr[-2000:]}")
    return out.stdout
