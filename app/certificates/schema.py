"""The EU DCC JSON schemas shipped in resources/dcc/schema, one per released version."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import jsonschema

from app.resources import resource

_FILE_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)-D[GC]C\.combined-schema\.json$")
_PAYLOAD_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
CURRENT_VERSION = "1.3.0"


@cache
def _schema_files() -> dict[tuple[int, int, int], str]:
    found = {}
    for path in resource("dcc", "schema").iterdir():
        match = _FILE_VERSION.match(path.name)
        if match:
            found[(int(match[1]), int(match[2]), int(match[3]))] = path.name
    return found


@cache
def _validator(filename: str) -> Any:
    schema = json.loads(resource("dcc", "schema", filename).read_text(encoding="utf-8"))
    # No format checker: the 1.0.x schemas say `format: date` next to a pattern, and issuers
    # in the field send values the pattern accepts; the pattern is what the EU tests enforce.
    return jsonschema.Draft202012Validator(schema)


def schema_for(version: str) -> str | None:
    """File name of the newest shipped schema not newer than `version` (same major), or None.

    Payloads are only ever backwards compatible within a major version, so a patch release we
    do not ship (e.g. 1.0.4) is checked against the closest older one (1.0.1); a newer minor
    release against the newest we have.
    """
    match = _PAYLOAD_VERSION.match(version)
    if not match:
        return None
    wanted = (int(match[1]), int(match[2]), int(match[3]))
    usable = [v for v in _schema_files() if v[0] == wanted[0] and v <= wanted]
    return _schema_files()[max(usable)] if usable else None


def schema_errors(payload: Mapping[str, Any]) -> list[str]:
    """Messages for each way the payload breaks the schema of its `ver`; empty when valid."""
    version = payload.get("ver")
    filename = schema_for(version) if isinstance(version, str) else None
    if filename is None:
        return [f"unsupported schema version {version!r}"]
    # A few messages are enough to explain; collecting every error of a hostile payload with
    # thousands of broken entries would take seconds.
    errors = [_describe(error) for error in itertools.islice(_validator(filename).iter_errors(payload), 3)]
    # One certificate holds one kind of event (regulation (EU) 2021/953, art. 3); schemas
    # before 1.3.0 could not express it, so it is checked here for every version.
    kinds = [key for key in ("v", "t", "r") if key in payload]
    if len(kinds) != 1:
        errors.append("certificate: must contain exactly one of vaccination, test or recovery")
    return errors


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "certificate"
    return f"{where}: {error.message}"[:200]
