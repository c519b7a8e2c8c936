"""What a command reads from the terminal (the passphrase) and the one JSON line it may print."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any

from app.errors import ValidationError, VaxDeskError

PASSPHRASE_ENV = "VAXDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "VAXDESK_NEW_PASSPHRASE"


class NoPassphrase(VaxDeskError):
    exit_code = 2


def read_passphrase(*, confirm: bool = False, env: str = PASSPHRASE_ENV, prompt: str = "Station passphrase: ") -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise NoPassphrase(code="passphrase_none", params={"env": env})
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise ValidationError(code="passphrases_differ", field="passphrase")
    return first


def emit_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False, sort_keys=True))
