"""Mail from the tenant API: an outbox table in each tenant database, written in the same transaction as
what it reports (a booking, a cancel), and a sender that delivers it over SMTP with retries and backoff.
Any kind of mail can use it: a kind is a pair of Jinja2 templates per language in templates/mail/
(the HTML part as MJML or plain HTML; sync/server/mail_templates.py adds each tenant's own).

Delivery is at least once: a crash between the SMTP answer and marking the row sent sends it again,
with the same Message-ID so mail systems can tell. Addresses and names are sealed under the tenant key
like all personal data; logs name only row ids and error classes."""

from __future__ import annotations

import contextlib
import logging
import smtplib
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import jinja2.sandbox
from mjml import mjml2html
from sqlalchemy import and_, bindparam, insert, or_, select, update
from sqlalchemy.engine import Connection

from sync.server import tenants as t
from sync.server.admin_errors import AdminInputError
from sync.server.tenants import Tenant, utcnow

log = logging.getLogger(__name__)

LANGUAGES = ("de", "en")
SMTP_URL_ENV = "VAXDESK_SMTP_URL"
SMTP_USER_ENV = "VAXDESK_SMTP_USER"
SMTP_PASSWORD_ENV = "VAXDESK_SMTP_PASSWORD"  # from a secret, never from a file in the repository
CLAIM = timedelta(seconds=120)  # a sender that dies mid-send gives its rows back after this
# Who wants to hear that a mail of a kind was sent or given up on, in the transaction that says so:
# (tenant, conn, mail id, "sent" | "failed"). The result mails tell their test (sync/server/ledger.py).
OUTCOME_HOOKS: dict[str, Callable[[Tenant, Connection, str, str], object]] = {}


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # plain | starttls | tls
    username: str | None = None
    password: str | None = None
    timeout_s: float = 15.0

    @classmethod
    def from_url(cls, url: str, *, username: str | None = None, password: str | None = None) -> SmtpConfig:
        """smtp://host:25, smtp+starttls://host:587 or smtps://host:465; ValueError otherwise."""
        parts = urlsplit(url)
        security = {"smtp": "plain", "smtp+starttls": "starttls", "smtps": "tls"}.get(parts.scheme)
        if security is None or not parts.hostname:
            raise AdminInputError("smtp_url_scheme", field=SMTP_URL_ENV)
        try:
            port = parts.port or {"plain": 25, "starttls": 587, "tls": 465}[security]
        except ValueError:
            raise AdminInputError("smtp_url_port", field=SMTP_URL_ENV) from None
        return cls(host=parts.hostname, port=port, security=security,
                   username=username or (unquote(parts.username) if parts.username else None),
                   password=password or (unquote(parts.password) if parts.password else None))

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> SmtpConfig | None:
        url = environ.get(SMTP_URL_ENV)
        if not url:
            return None
        return cls.from_url(url, username=environ.get(SMTP_USER_ENV), password=environ.get(SMTP_PASSWORD_ENV))


@dataclass(frozen=True)
class RetryPolicy:
    base_s: float = 30.0
    factor: float = 2.0
    max_delay_s: float = 3600.0
    max_attempts: int = 10  # about a day with the defaults; then the row is marked failed

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.max_delay_s, self.base_s * self.factor ** max(0, attempts - 1)))


@dataclass(frozen=True)
class InlineImage:
    """A picture the HTML part shows as `cid:<cid>`: mail clients block data: URLs, not related parts."""

    cid: str
    png: bytes
    filename: str


@dataclass(frozen=True)
class Letter:
    subject: str
    text: str
    html: str
    images: tuple[InlineImage, ...] = ()


QR_CID = "booking-qr@vaxdesk"


class Templates:
    """`<kind>.<lang>.txt` (first line `Subject: …`, then the plain text) and `<kind>.<lang>.mjml`
    (MJML, rendered to responsive HTML) or `<kind>.<lang>.html`, both autoescaped. A missing value is an
    error, never an empty gap in a mail. Sandboxed, since a tenant may bring its own templates.
    A `qr_text` value becomes an inline QR picture the HTML shows through `qr_src`."""

    def __init__(self, loader: jinja2.BaseLoader | None = None) -> None:
        self.env = jinja2.sandbox.ImmutableSandboxedEnvironment(
            loader=loader or jinja2.PackageLoader("sync.server", "templates/mail"),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html", "mjml"), default_for_string=False),
            undefined=jinja2.StrictUndefined, keep_trailing_newline=True)

    def render(self, kind: str, lang: str, values: Mapping[str, Any], *, tenant: Tenant | None = None) -> Letter:
        """`tenant` lets a subclass pick that tenant's own templates; these are the same for all."""
        lang = lang if lang in LANGUAGES else LANGUAGES[0]
        images: tuple[InlineImage, ...] = ()
        values = {**values, "lang": lang}
        if values.get("qr_text"):
            from app.certificates.qr import qr_png  # start-up time: Pillow loads only when a mail shows a QR

            images = (InlineImage(cid=QR_CID, png=qr_png(str(values["qr_text"]), module_px=6),
                                  filename="booking-code.png"),)
            values = {**values, "qr_src": f"cid:{QR_CID}"}
        head, _, text = self.env.get_template(f"{kind}.{lang}.txt").render(values).partition("\n")
        if not head.startswith("Subject: "):
            raise ValueError(f"template {kind}.{lang}.txt must start with 'Subject: '")
        return Letter(subject=head[len("Subject: "):].strip(), text=text.lstrip("\n"),
                      html=self._html(kind, lang, values), images=images)

    def _html(self, kind: str, lang: str, values: Mapping[str, Any]) -> str:
        try:
            source = self.env.get_template(f"{kind}.{lang}.mjml")
        except jinja2.TemplateNotFound:
            return self.env.get_template(f"{kind}.{lang}.html").render(values)
        # Jinja2 first (values escaped), MJML after: a value can never become MJML markup. No web fonts:
        # a mail loads nothing from elsewhere.
        return mjml2html(source.render(values), disable_comments=True, fonts={})


def enqueue(tenant: Tenant, conn: Connection, *, kind: str, to: str, sender: str, lang: str,
            values: Mapping[str, Any], sender_name: str | None = None) -> str:
    """Queue one mail inside the caller's transaction; it is sent only if that transaction commits."""
    mail_id = str(uuid.uuid4())
    now = utcnow()
    conn.execute(_INSERT, {
        "id": mail_id, "kind": kind, "created_at": now, "attempts": 0, "next_attempt_at": now,
        "claimed_until": None, "sent_at": None, "failed_at": None, "last_error": None,
        "data_enc": tenant.cipher.seal_json({"to": to, "from": sender, "from_name": sender_name, "lang": lang,
                                             "values": dict(values)}, f"mail:{mail_id}")})
    return mail_id


_INSERT = insert(t.mail_outbox)
_DUE = (select(t.mail_outbox.c.id).where(
    t.mail_outbox.c.sent_at.is_(None), t.mail_outbox.c.failed_at.is_(None),
    t.mail_outbox.c.next_attempt_at <= bindparam("now"),
    or_(t.mail_outbox.c.claimed_until.is_(None), t.mail_outbox.c.claimed_until < bindparam("now")))
    .order_by(t.mail_outbox.c.next_attempt_at).limit(bindparam("limit")))
_CLAIM = (update(t.mail_outbox).where(
    t.mail_outbox.c.id == bindparam("mail_id"), t.mail_outbox.c.sent_at.is_(None),
    t.mail_outbox.c.failed_at.is_(None),
    or_(t.mail_outbox.c.claimed_until.is_(None), t.mail_outbox.c.claimed_until < bindparam("now")))
    .values(claimed_until=bindparam("until")))
_ROW = select(t.mail_outbox.c.kind, t.mail_outbox.c.data_enc, t.mail_outbox.c.attempts).where(
    t.mail_outbox.c.id == bindparam("mail_id"))


def _tell(tenant: Tenant, conn: Connection, kind: str, mail_id: str, state: str) -> None:
    hook = OUTCOME_HOOKS.get(kind)
    if hook is not None:
        hook(tenant, conn, mail_id, state)


class PermanentFailure(Exception):
    """The mail server refused for good (5xx): retrying cannot help."""


def _transport(config: SmtpConfig) -> Callable[[EmailMessage], None]:
    def send(message: EmailMessage) -> None:
        context = ssl.create_default_context()
        client: smtplib.SMTP
        if config.security == "tls":
            client = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout_s, context=context)
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout_s)
        with client:
            if config.security == "starttls":
                client.starttls(context=context)
            if config.username:
                client.login(config.username, config.password or "")
            try:
                client.send_message(message)
            except smtplib.SMTPRecipientsRefused:
                raise PermanentFailure("recipients refused") from None
            except smtplib.SMTPResponseException as exc:
                if exc.smtp_code >= 500:
                    raise PermanentFailure(f"smtp {exc.smtp_code}") from None
                raise
    return send


class MailSender:
    """Delivers due mails of the tenants this process has open, and of all tenants once a minute.
    One per server process; several processes share the work through claims on the rows."""

    def __init__(self, registry: t.Registry, config: SmtpConfig, *, policy: RetryPolicy | None = None,
                 templates: Templates | None = None, poll_s: float = 2.0,
                 transport: Callable[[EmailMessage], None] | None = None) -> None:
        self.registry = registry
        self.config = config
        self.policy = policy or RetryPolicy()
        self.templates = templates or Templates()
        self.poll_s = poll_s
        self.transport = transport or _transport(config)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_full_scan = 0.0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="vaxdesk-mail", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def wake(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception as exc:  # the loop must survive a database hiccup; the rows wait
                log.error("mail round failed", extra={"error": type(exc).__name__})
            self._wake.wait(self.poll_s)
            self._wake.clear()

    def _tenants(self) -> Iterable[Tenant]:
        if time.monotonic() - self._last_full_scan > 60:
            self._last_full_scan = time.monotonic()
            for name in self.registry.names():
                with contextlib.suppress(Exception):  # an unusable tenant is readiness's business
                    self.registry.get(name)
        return self.registry.opened()

    def run_once(self, *, limit: int = 50) -> int:
        sent = 0
        for tenant in self._tenants():
            now = utcnow()
            with tenant.read() as conn:
                due = [str(v) for v in conn.execute(_DUE, {"now": now, "limit": limit}).scalars()]
            for mail_id in due:
                sent += self._deliver(tenant, mail_id)
        return sent

    def _deliver(self, tenant: Tenant, mail_id: str) -> int:
        now = utcnow()
        with tenant.engine.begin() as conn:
            if conn.execute(_CLAIM, {"mail_id": mail_id, "now": now, "until": now + CLAIM}).rowcount != 1:
                return 0  # another instance has it
            row = conn.execute(_ROW, {"mail_id": mail_id}).one()
        attempts = int(row.attempts) + 1
        try:
            data = tenant.cipher.open_json(row.data_enc, f"mail:{mail_id}")
            letter = self.templates.render(str(row.kind), str(data.get("lang") or "de"), data["values"],
                                           tenant=tenant)
            self.transport(self._message(mail_id, data, letter, now))
        except PermanentFailure as exc:
            self._finish(tenant, mail_id, attempts=attempts, error=str(exc)[:64], failed=True, kind=str(row.kind))
            log.warning("mail refused for good", extra={"tenant": tenant.name, "mail": mail_id})
            return 0
        except (jinja2.TemplateError, KeyError, ValueError, TypeError) as exc:
            self._finish(tenant, mail_id, attempts=attempts, error=type(exc).__name__, failed=True, kind=str(row.kind))
            log.error("mail cannot be rendered", extra={"tenant": tenant.name, "mail": mail_id,
                                                        "error": type(exc).__name__})
            return 0
        except (OSError, smtplib.SMTPException) as exc:
            failed = attempts >= self.policy.max_attempts
            self._finish(tenant, mail_id, attempts=attempts, error=type(exc).__name__, failed=failed,
                         retry_at=None if failed else utcnow() + self.policy.delay(attempts), kind=str(row.kind))
            log.info("mail not delivered yet", extra={"tenant": tenant.name, "mail": mail_id, "attempts": attempts,
                                                      "error": type(exc).__name__})
            return 0
        with tenant.engine.begin() as conn:
            # What was sent is not kept: the address, and for a result mail the sealed link to it.
            conn.execute(update(t.mail_outbox).where(t.mail_outbox.c.id == mail_id)
                         .values(sent_at=utcnow(), attempts=attempts, claimed_until=None, last_error=None,
                                 data_enc=b""))
            _tell(tenant, conn, str(row.kind), mail_id, "sent")
        log.info("mail sent", extra={"tenant": tenant.name, "mail": mail_id, "attempts": attempts})
        return 1

    def _finish(self, tenant: Tenant, mail_id: str, *, attempts: int, error: str, failed: bool,
                retry_at: datetime | None = None, kind: str = "") -> None:
        values: dict[str, Any] = {"attempts": attempts, "last_error": error, "claimed_until": None}
        if failed:
            values["failed_at"] = utcnow()
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        with tenant.engine.begin() as conn:
            conn.execute(update(t.mail_outbox).where(and_(t.mail_outbox.c.id == mail_id)).values(**values))
            if failed:
                _tell(tenant, conn, kind, mail_id, "failed")

    def _message(self, mail_id: str, data: Mapping[str, Any], letter: Letter, now: datetime) -> EmailMessage:
        message = EmailMessage()
        message["From"] = formataddr((str(data.get("from_name") or ""), str(data["from"])))
        message["To"] = str(data["to"])
        message["Subject"] = letter.subject
        message["Date"] = format_datetime(now)
        message["Message-ID"] = f"<{mail_id}@vaxdesk.invalid>"  # the same on every retry
        message["Auto-Submitted"] = "auto-generated"
        message.set_content(letter.text)
        message.add_alternative(letter.html, subtype="html")
        if letter.images:
            html_part = message.get_payload()[1]  # type: ignore[index]
            assert isinstance(html_part, EmailMessage)
            for image in letter.images:
                html_part.add_related(image.png, maintype="image", subtype="png", cid=f"<{image.cid}>",
                                      disposition="inline", filename=image.filename)
        return message
