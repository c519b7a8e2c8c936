"""The robot check on booking POSTs: an ALTCHA proof of work (the `altcha` protocol v1, no third-party
service, no cookie, nothing about the person). The server signs a challenge with a key derived from
the tenant's data key, so every instance verifies it without shared state; a solution books once,
enforced by its signature's row in `used_challenge`, written in the booking's own transaction."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from altcha import v1 as altcha

from app.reasons import english

MAX_PAYLOAD_CHARS = 2000
KEY_PURPOSE = "altcha"  # TenantCipher.subkey(KEY_PURPOSE) signs and checks challenges


@dataclass(frozen=True)
class Verified:
    signature: str  # the key of its used_challenge row
    expires_at: datetime


class ChallengeRefused(Exception):
    """Already a reason code (the public edge answers 403 with it); its message is the code's English."""

    def __init__(self, code: str) -> None:
        super().__init__(english(code))
        self.code = code  # challenge_required | challenge_invalid


def new_challenge(key: bytes, *, max_number: int, minutes: int) -> dict[str, object]:
    expires = datetime.now(UTC) + timedelta(minutes=minutes)
    challenge = altcha.create_challenge(altcha.ChallengeOptions(hmac_key=key, max_number=max_number, expires=expires))
    return dict(challenge.to_dict())


def verify(payload: str | None, key: bytes) -> Verified:
    """A valid, unexpired solution signed by us, or ChallengeRefused. Cheap (two hashes): call it
    before anything that costs."""
    if not payload:
        raise ChallengeRefused("challenge_required")
    if len(payload) > MAX_PAYLOAD_CHARS:
        raise ChallengeRefused("challenge_invalid")
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError):
        raise ChallengeRefused("challenge_invalid") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in ("salt", "signature")) \
            or not isinstance(data.get("number"), int):
        raise ChallengeRefused("challenge_invalid")
    ok, _why = altcha.verify_solution(payload, key, check_expires=True)
    expires = altcha.extract_params(data).get("expires")  # type: ignore[arg-type]
    if not ok or not expires:  # we always set an expiry; a solution without one is not ours
        raise ChallengeRefused("challenge_invalid")
    try:
        expires_at = datetime.fromtimestamp(int(expires[0]), UTC)
    except (ValueError, OverflowError, OSError):
        raise ChallengeRefused("challenge_invalid") from None
    return Verified(signature=str(data["signature"])[:128], expires_at=expires_at)
