"""Result mails: "your result is ready" with a link to the citizen's page that opens the corsign token.

The mail never holds the result: only the link, whose token is sealed with the person's own name and
date of birth and travels after '#', so no server or proxy log sees it. `queue_result_mail` is the one
function the station-side work calls (in the transaction that stores the result, or in its own); the
sender in sync/server/mail.py delivers it with retries, through the tenant's templates (MJML + Jinja2).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.engine import Connection

from app.certificates.corsign import MAX_TOKEN_CHARS, PREFIX
from app.certificates.result_token import RESULT_KINDS
from app.domain.person_details import validate_email
from app.errors import ValidationError, VaxDeskError
from sync.server import mail
from sync.server.edge_settings import PublicSettings, read_settings
from sync.server.tenants import Tenant

MAIL_KIND = "result_ready"
TOKEN_SHAPE = re.compile(re.escape(PREFIX) + r"[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]+")

# The words the default templates (and a tenant's own) get per kind and language.
_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "de": {"test_result": ("Ihr Testergebnis", "Ergebnis öffnen"),
           "vaccination_certificate": ("Ihr EU-Impfzertifikat", "Zertifikat öffnen"),
           "test_certificate": ("Ihr EU-Testzertifikat", "Zertifikat öffnen"),
           "recovery_certificate": ("Ihr EU-Genesenenzertifikat", "Zertifikat öffnen")},
    "en": {"test_result": ("Your test result", "Open the result"),
           "vaccination_certificate": ("Your EU vaccination certificate", "Open the certificate"),
           "test_certificate": ("Your EU test certificate", "Open the certificate"),
           "recovery_certificate": ("Your EU recovery certificate", "Open the certificate")},
}


class ResultMailRefused(VaxDeskError):
    """The mail cannot be queued as asked (the code says why); nothing was queued."""


def result_values(*, settings: PublicSettings, tenant_name: str, lang: str, token: str, kind: str) -> dict[str, Any]:
    if not settings.public_url:
        raise ResultMailRefused(code="result_mail_not_configured")
    subject_kind, open_label = _WORDS[lang][kind]
    return {"center": settings.display_name or tenant_name, "kind": kind, "subject_kind": subject_kind,
            "open_label": open_label,
            "result_url": f"{settings.public_url.rstrip('/')}/result?lang={lang}#token={token}"}


def queue_result_mail(tenant: Tenant, *, to: str, lang: str, token: str, kind: str,
                      conn: Connection | None = None) -> str:
    """Queue the mail that tells a person their result (`kind`, one of RESULT_KINDS) is ready, with the link
    that opens `token`. Inside `conn`'s transaction when given (sent only if it commits), else in its own.
    Returns the mail's id; ResultMailRefused (a VaxDeskError with a code) when anything is not as it must be."""
    try:
        address = validate_email(to)
    except ValidationError as exc:
        raise ResultMailRefused(code=exc.code, params=exc.params, field="email") from None
    if lang not in mail.LANGUAGES:
        raise ResultMailRefused(code="result_mail_language", params={"lang": lang[:8]}, field="lang")
    if kind not in RESULT_KINDS:
        raise ResultMailRefused(code="result_kind_unknown", params={"kind": kind[:40]}, field="kind")
    if len(token) > MAX_TOKEN_CHARS or not TOKEN_SHAPE.fullmatch(token):
        raise ResultMailRefused(code="result_token_invalid", field="token")
    if conn is None:
        with tenant.write() as own:
            return _queue(tenant, own, to=address, lang=lang, token=token, kind=kind)
    return _queue(tenant, conn, to=address, lang=lang, token=token, kind=kind)


def _queue(tenant: Tenant, conn: Connection, *, to: str, lang: str, token: str, kind: str) -> str:
    settings = read_settings(conn)
    if not settings.mail_from:
        raise ResultMailRefused(code="result_mail_not_configured")
    values = result_values(settings=settings, tenant_name=tenant.name, lang=lang, token=token, kind=kind)
    return mail.enqueue(tenant, conn, kind=MAIL_KIND, to=to, sender=settings.mail_from,
                        sender_name=settings.display_name, lang=lang, values=values)
