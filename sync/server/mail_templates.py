"""Each tenant's own mail templates over the default set in templates/mail/.

A tenant brings a folder of templates in its provisioning entry (`mail_templates: DIR`); `tenant apply`
checks every file by rendering it with sample values, then stores them in the tenant database, so every
instance sees the same templates without a shared volume. A file named like a default replaces it
(`_layout.mjml` replaces the frame of every mail); the rest stay the defaults.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from sqlalchemy import delete, insert, select

from sync.server import tenants as t
from sync.server.admin_errors import AdminInputError
from sync.server.mail import LANGUAGES, Letter, Templates
from sync.server.tenants import Tenant

MAX_TEMPLATE_BYTES = 64 * 1024
MAX_TEMPLATES = 60
TEMPLATE_NAME = re.compile(r"^(?:_layout\.mjml|(?P<kind>[a-z][a-z_]{0,39})\.(?P<lang>de|en)\.(?:mjml|html|txt))$")
CACHE_S = 5.0


_BOOKING_SAMPLE: dict[str, Any] = {
    "center": "Impfzentrum", "code": "ABCD-EFGH-J", "given_name": "Eva", "family_name": "Muster",
    "weekday": "Montag", "day": "07.01.2030", "time": "09:30", "manage_url": "https://termine.example/p/t/manage"}
# What a template of each kind is given, with made-up data, to check a tenant's file before storing it.
# tests/unit/test_result_mail.py keeps these keys equal to what public.mail_values and result_values give.
SAMPLE_VALUES: dict[str, dict[str, Any]] = {
    "booking_confirmed": {**_BOOKING_SAMPLE, "qr_text": "VAXDESK:ABCDEFGHJ"},
    "booking_cancelled": _BOOKING_SAMPLE,
    "booking_moved": _BOOKING_SAMPLE,
    "result_ready": {"center": "Impfzentrum", "kind": "test_result", "subject_kind": "Ihr Testergebnis",
                     "open_label": "Ergebnis öffnen", "result_url": "https://termine.example/p/t/result#token=CS2:A.B.C"},
}
KINDS = tuple(SAMPLE_VALUES)


def check_templates(files: Mapping[str, str]) -> None:
    """ValueError naming the file when one is not a template we know or does not render."""
    if len(files) > MAX_TEMPLATES:
        raise AdminInputError("mail_templates_too_many", {"max": MAX_TEMPLATES})
    for name, body in files.items():
        match = TEMPLATE_NAME.fullmatch(name)
        if match is None or (match["kind"] is not None and match["kind"] not in KINDS):
            raise AdminInputError("mail_template_name", {"kinds": ", ".join(KINDS)}, field=name)
        if len(body.encode()) > MAX_TEMPLATE_BYTES:
            raise AdminInputError("mail_template_too_large", {"kib": MAX_TEMPLATE_BYTES // 1024}, field=name)
    templates = _templates(files)
    touched = {(m["kind"], m["lang"]) for m in map(TEMPLATE_NAME.fullmatch, files) if m and m["kind"]}
    if "_layout.mjml" in files:
        touched |= {(kind, lang) for kind in KINDS for lang in LANGUAGES}
    for kind, lang in sorted(touched):
        try:
            templates.render(kind, lang, SAMPLE_VALUES[kind])
        except (jinja2.TemplateError, ValueError) as exc:
            raise AdminInputError("mail_template_fails", {"error": type(exc).__name__, "detail": str(exc)},
                                  field=f"{kind}.{lang}") from None


def load_template_dir(folder: Path) -> dict[str, str]:
    """The template files of a folder (other files are an error: a misspelt name must not go unnoticed)."""
    if not folder.is_dir():
        raise AdminInputError("not_a_folder", field=str(folder))
    files: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if not TEMPLATE_NAME.fullmatch(path.name):
            raise AdminInputError("mail_template_file_name", field=str(path))
        try:
            files[path.name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError) as exc:
            raise AdminInputError("mail_template_not_text", {"error": type(exc).__name__}, field=str(path)) from None
    return files


def write_tenant_templates(tenant: Tenant, files: Mapping[str, str]) -> None:
    """Replace the tenant's own templates by `files` (checked first); an empty mapping means the defaults."""
    check_templates(files)
    with tenant.write() as conn:
        conn.execute(delete(t.mail_template))
        if files:
            conn.execute(insert(t.mail_template), [{"name": k, "body": v} for k, v in files.items()])


def read_tenant_templates(tenant: Tenant) -> dict[str, str]:
    with tenant.read() as conn:
        return {str(name): str(body) for name, body in conn.execute(select(t.mail_template.c.name,
                                                                           t.mail_template.c.body))}


def _templates(files: Mapping[str, str]) -> Templates:
    if not files:
        return Templates()
    return Templates(jinja2.ChoiceLoader([jinja2.DictLoader(dict(files)),
                                          jinja2.PackageLoader("sync.server", "templates/mail")]))


class TenantMailTemplates(Templates):
    """The sender's templates: each tenant's own over the defaults, re-read every few seconds."""

    def __init__(self, *, cache_s: float = CACHE_S) -> None:
        super().__init__()
        self.cache_s = cache_s
        self._defaults = Templates()  # compiled once for every tenant without its own
        self._by_tenant: dict[str, tuple[float, dict[str, str], Templates]] = {}
        self._guard = threading.Lock()

    def render(self, kind: str, lang: str, values: Mapping[str, Any], *, tenant: Tenant | None = None) -> Letter:
        if tenant is None:
            return super().render(kind, lang, values)
        return self.for_tenant(tenant).render(kind, lang, values)

    def for_tenant(self, tenant: Tenant) -> Templates:
        entry = self._by_tenant.get(tenant.name)
        if entry is not None and time.monotonic() - entry[0] <= self.cache_s:
            return entry[2]
        files = read_tenant_templates(tenant)
        if entry is not None and entry[1] == files:
            templates = entry[2]  # unchanged: keep the compiled templates
        else:
            templates = _templates(files) if files else self._defaults
        with self._guard:
            self._by_tenant[tenant.name] = (time.monotonic(), files, templates)
        return templates
