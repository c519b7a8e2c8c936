"""Per-tenant provisioning as one declarative file: which tenants exist and how their public edge is
set. `vaxdesk-server tenant apply --file tenants.yaml` makes the storage match it (a Kubernetes Job
runs it from a ConfigMap), and a tenant's own mail templates from a folder named in its entry. Secrets
never go in this file: the master key and SMTP password come from the environment."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sync.server.admin_errors import AdminInputError
from sync.server.edge_settings import PublicSettings
from sync.server.mail_templates import check_templates, load_template_dir
from sync.server.tenants import TENANT_NAME


class ProvisioningError(AdminInputError):
    """The file cannot be read or says something invalid: a reason code, and the place its message names."""


@dataclass(frozen=True)
class TenantPlan:
    name: str
    public: Mapping[str, Any]
    mail_templates: Mapping[str, str] = field(default_factory=dict)  # the tenant's own, by file name


def parse_provisioning(data: Any, *, source: str = "provisioning", base: Path | None = None) -> list[TenantPlan]:
    """`base` is the folder relative `mail_templates` folders are found in (the file's own)."""
    if not isinstance(data, dict) or set(data) - {"tenants"} or not isinstance(data.get("tenants"), list):
        raise ProvisioningError("provisioning_not_a_plan", field=source)
    plans: list[TenantPlan] = []
    seen: set[str] = set()
    for i, entry in enumerate(data["tenants"]):
        where = f"{source}: tenants[{i}]"
        if not isinstance(entry, dict) or set(entry) - {"name", "public", "mail_templates"}:
            raise ProvisioningError("provisioning_entry_keys", field=where)
        name = entry.get("name")
        if not isinstance(name, str) or not TENANT_NAME.fullmatch(name):
            raise ProvisioningError("provisioning_tenant_name", field=f"{where}.name")
        if name in seen:
            raise ProvisioningError("provisioning_listed_twice", {"name": name}, field=f"{where}.name")
        seen.add(name)
        public = entry.get("public") or {}
        if not isinstance(public, dict):
            raise ProvisioningError("provisioning_not_a_mapping", field=f"{where}.public")
        try:
            PublicSettings.parse(public)
        except AdminInputError as exc:
            raise ProvisioningError.said_of(exc, f"{where}.public") from None
        plans.append(TenantPlan(name=name, public=dict(public),
                                mail_templates=_mail_templates(entry.get("mail_templates"), where, base)))
    return plans


def _mail_templates(folder: Any, where: str, base: Path | None) -> dict[str, str]:
    """The templates of the folder, each checked by rendering it: a mistake shows at apply, not in a mail."""
    if folder is None:
        return {}
    if not isinstance(folder, str) or not folder.strip():
        raise ProvisioningError("provisioning_templates_folder", field=f"{where}.mail_templates")
    path = Path(folder)
    path = path if path.is_absolute() or base is None else base / path
    try:
        files = load_template_dir(path)
        check_templates(files)
    except AdminInputError as exc:
        raise ProvisioningError.said_of(exc, f"{where}.mail_templates") from None
    return files


def load_provisioning(path: Path) -> list[TenantPlan]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProvisioningError("provisioning_file_unreadable", {"error": exc.strerror}, field=str(path)) from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise ProvisioningError("provisioning_syntax", {"format": "JSON" if path.suffix == ".json" else "YAML",
                                                        "error": type(exc).__name__}, field=str(path)) from None
    return parse_provisioning(data, source=str(path), base=path.parent)
