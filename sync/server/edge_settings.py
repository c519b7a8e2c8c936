"""Per-tenant switches of the public edge: the robot check, rate limits, the mail sender and the
tenant's time zone. Stored in the tenant database (`public_setting`), set by `vaxdesk-server tenant
apply` from the provisioning file, read by every instance (cached a few seconds)."""

from __future__ import annotations

import json
import unicodedata
import zoneinfo
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import limits
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from app.domain.person_details import validate_email
from app.errors import ValidationError
from sync.server import tenants as t
from sync.server.admin_errors import AdminInputError


@dataclass(frozen=True)
class PublicSettings:
    challenge: bool = False  # ALTCHA proof of work on booking, cancel and rebook POSTs
    challenge_max_number: int = 100_000  # the work: a browser tries on average half of these hashes
    challenge_minutes: int = 10  # how long a challenge may be solved and used
    booking_per_client: str = "10/minute"  # booking attempts that may take a place, per client address
    booking_per_tenant: str = "200/second"
    lookup_per_client: str = "30/minute"  # booking-code lookups, cancels and rebooks
    lookup_per_tenant: str = "3000/minute"
    result_per_client: str = "10/minute"  # results opened on the citizen's page (each costs a key derivation)
    result_per_tenant: str = "600/minute"
    # Tries at one secret from all clients together, whether right or wrong: a date of birth cannot be found
    # by trying every day of a decade at a booking code seen on a slip, nor a name at a forwarded result link.
    tries_per_code: str = "20/day"  # lookups with a date of birth, cancels and moves of one booking code
    tries_per_link: str = "20/hour"  # openings of one result link (any token counts: an hour bounds the keys)
    mail_from: str | None = None  # confirmations are sent only when this and the server's SMTP are set
    display_name: str | None = None  # the center's name in mails
    timezone: str = "Europe/Berlin"  # times in mails
    public_url: str | None = None  # where the citizen's pages (/p/<tenant>) are reached: links in mails

    @classmethod
    def parse(cls, values: Mapping[str, Any]) -> PublicSettings:
        """Checked settings from plain values (a provisioning file or the table); ValueError names the key."""
        known = {f.name: f for f in fields(cls)}
        unknown = set(values) - set(known)
        if unknown:
            raise AdminInputError("setting_unknown", {"names": ", ".join(sorted(unknown))})
        merged = replace(cls(), **dict(values))
        for name in ("booking_per_client", "booking_per_tenant", "lookup_per_client", "lookup_per_tenant",
                     "result_per_client", "result_per_tenant", "tries_per_code", "tries_per_link"):
            try:
                limits.parse(str(getattr(merged, name)))
            except ValueError:
                raise AdminInputError("setting_not_a_rate", {"value": getattr(merged, name)}, field=name) from None
        if not isinstance(merged.challenge, bool):
            raise AdminInputError("setting_yes_no", field="challenge")
        for name, low, high in (("challenge_max_number", 1_000, 10_000_000), ("challenge_minutes", 1, 120)):
            value = getattr(merged, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise AdminInputError("setting_whole_number", {"low": low, "high": high}, field=name)
        try:
            zoneinfo.ZoneInfo(merged.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise AdminInputError("setting_time_zone", {"value": merged.timezone}, field="timezone") from None
        # What goes into mail headers is kept as checked: a YAML block's trailing newline in a sender's name
        # or address would make every mail of the tenant fail ("header values may not contain linefeed").
        if merged.mail_from is not None:
            try:
                if not isinstance(merged.mail_from, str):
                    raise ValidationError(code="email_invalid", field="mail_from")
                merged = replace(merged, mail_from=validate_email(merged.mail_from))
            except ValidationError:
                raise AdminInputError("setting_email", {"value": merged.mail_from}, field="mail_from") from None
        return replace(merged, display_name=_one_line(merged.display_name, "display_name"),
                       public_url=_one_line(merged.public_url, "public_url"))


def _one_line(value: object, name: str) -> str | None:
    """A name or address shown in mails and pages: one line of at most 200 characters, trimmed."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value.strip()) > 200 or any(
            unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value.strip()):
        raise AdminInputError("setting_text", {"max": 200}, field=name)
    return value.strip()


def read_settings(conn: Connection) -> PublicSettings:
    rows = {str(k): json.loads(v) for k, v in conn.execute(select(t.public_setting.c.key, t.public_setting.c.value))}
    try:
        return PublicSettings.parse(rows)
    except ValueError:
        # A row written by a newer version or by hand: keep serving with the defaults for it rather
        # than failing every public request; `tenant apply` reports the problem.
        known = {f.name for f in fields(PublicSettings)}
        return PublicSettings.parse({k: v for k, v in rows.items() if k in known and _valid(k, v)})


def _valid(key: str, value: Any) -> bool:
    try:
        PublicSettings.parse({key: value})
    except ValueError:
        return False
    return True


def write_settings(tenant: t.Tenant, values: Mapping[str, Any]) -> PublicSettings:
    """Replace the tenant's settings by `values` (the rest back to defaults)."""
    settings = PublicSettings.parse(values)
    with tenant.write() as conn:
        conn.execute(delete(t.public_setting))
        rows = [{"key": k, "value": json.dumps(v)} for k, v in asdict(settings).items()
                if v != getattr(PublicSettings(), k)]
        if rows:
            conn.execute(insert(t.public_setting), rows)
    return settings
