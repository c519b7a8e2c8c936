"""`vaxdesk …` from the tests: as a process of its own (what an admin runs), or through the same `main`
in the test's process where a test runs many commands and the interpreter's start-up (2–3 s a command
on a busy 2-core machine) is all the process would add. Both give the exit code, stdout and stderr."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from tests.conftest import PASSPHRASE, REPO


def vaxdesk(*args: str, passphrase: str | None = PASSPHRASE, env: Mapping[str, str] | None = None,
            timeout: float = 120, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m app ARGS` in a process of its own, the passphrase in VAXDESK_PASSPHRASE (None: not set),
    stdin closed (a prompt would wait for ever)."""
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          env=_environment(dict(os.environ), passphrase, env), cwd=cwd or REPO,
                          stdin=subprocess.DEVNULL, timeout=timeout, check=False)


def vaxdesk_here(*args: str, passphrase: str | None = PASSPHRASE,
                 env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The same command through `app.cli.main.main` in this process (environment set for the call only)."""
    from app.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with _environ(passphrase, env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            _stdin_closed(), _logging_kept():
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return subprocess.CompletedProcess(["vaxdesk", *args], code, out.getvalue(), err.getvalue())


def _environment(base: dict[str, str], passphrase: str | None, extra: Mapping[str, str] | None) -> dict[str, str]:
    base.pop("VAXDESK_PASSPHRASE", None)
    if passphrase is not None:
        base["VAXDESK_PASSPHRASE"] = passphrase
    base.update(extra or {})
    return base


@contextlib.contextmanager
def _environ(passphrase: str | None, extra: Mapping[str, str] | None) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(_environment(dict(saved), passphrase, extra))
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _stdin_closed() -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.StringIO()
    try:
        yield
    finally:
        sys.stdin = saved


@contextlib.contextmanager
def _logging_kept() -> Iterator[None]:
    """The command attaches the station's log file to the root logger, as a process does once: taken off
    again, so that the test process's logging is as it was (a later test sets it up itself)."""
    loggers = [logging.getLogger(name) for name in ("", "httpx", "httpcore")]
    saved = [(logger, list(logger.handlers), logger.level) for logger in loggers]
    try:
        yield
    finally:
        for logger, handlers, level in saved:
            for handler in set(logger.handlers) - set(handlers):
                logger.removeHandler(handler)
                handler.close()
            logger.setLevel(level)
