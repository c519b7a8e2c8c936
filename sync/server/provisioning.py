"""Per-tenant provisioning as one declarative file: which tenants exist and how their public edge is
set. `vaxdesk-server tenant apply --file tenants.yaml` makes the storage match it (a Kubernetes Job
runs it from a ConfigMap). Secrets never go in this file: the master key and SMTP password come from
the environment."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sync.server.edge_settings import PublicSettings
from sync.server.tenants import TENANT_NAME


class ProvisioningError(Exception):
    """The file cannot be read or says something invalid; the message names the place."""


@dataclass(frozen=True)
class TenantPlan:
    name: str
    public: Mapping[str, Any]


def parse_provisioning(data: Any, *, source: str = "provisioning") -> list[TenantPlan]:
    if not isinstance(data, dict) or set(data) - {"tenants"} or not isinstance(data.get("tenants"), list):
        raise ProvisioningError(f"{source}: expected a mapping with one key, 'tenants', holding a list")
    plans: list[TenantPlan] = []
    seen: set[str] = set()
    for i, entry in enumerate(data["tenants"]):
        where = f"{source}: tenants[{i}]"
        if not isinstance(entry, dict) or set(entry) - {"name", "public"}:
            raise ProvisioningError(f"{where}: expected 'name' and optionally 'public'")
        name = entry.get("name")
        if not isinstance(name, str) or not TENANT_NAME.fullmatch(name):
            raise ProvisioningError(f"{where}.name: 1-40 lowercase letters, digits or hyphens")
        if name in seen:
            raise ProvisioningError(f"{where}.name: {name} is listed twice")
        seen.add(name)
        public = entry.get("public") or {}
        if not isinstance(public, dict):
            raise ProvisioningError(f"{where}.public: expected a mapping")
        try:
            PublicSettings.parse(public)
        except ValueError as exc:
            raise ProvisioningError(f"{where}.public: {exc}") from None
        plans.append(TenantPlan(name=name, public=dict(public)))
    return plans


def load_provisioning(path: Path) -> list[TenantPlan]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProvisioningError(f"{path}: {exc.strerror}") from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise ProvisioningError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'YAML'} ({type(exc).__name__})") from None
    return parse_provisioning(data, source=str(path))
