"""What a result's corsign token carries: a test result or an EU certificate, sealed for the person.

The station signs these claims and seals them with `create_corsign` (name + date of birth); the result
mail links to the citizen's page with the token, and the page opens it in memory. Both ends read the
claims through `ResultClaims.parse`, so a token that does not say one of these things is refused as a
whole instead of being shown half.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

CLAIMS_TYPE = "result"  # the JWT's "typ" (appointment slips use "appointment")
CLAIMS_VERSION = 1
TEST_RESULT = "test_result"
CERTIFICATE_KINDS = ("vaccination_certificate", "test_certificate", "recovery_certificate")
RESULT_KINDS = (TEST_RESULT, *CERTIFICATE_KINDS)
TEST_TYPES = ("rapid_antigen", "naat")
TEST_OUTCOMES = ("negative", "positive", "invalid")
MAX_TEXT = 200
MAX_HC1_CHARS = 10_000


class ResultClaimsError(ValueError):
    """The claims are not a result this version can show."""


@dataclass(frozen=True)
class TestFacts:
    __test__ = False  # a test taken at the center, not a pytest class

    type: str  # rapid_antigen | naat
    sampled_at: datetime
    outcome: str  # negative | positive | invalid
    device: str | None = None  # rapid test: the EU value set's name of the device
    test_name: str | None = None  # NAAT: the test's name
    center: str | None = None  # where the sample was taken

    def claims(self) -> dict[str, Any]:
        return {"type": self.type, "sampled_at": self.sampled_at.isoformat(), "outcome": self.outcome,
                "device": self.device, "test_name": self.test_name, "center": self.center}


@dataclass(frozen=True)
class Holder:
    """The person as the station recorded them (the page shows this, not what was typed to open it)."""

    family_name: str
    given_name: str
    dob: str

    def claims(self) -> dict[str, Any]:
        return {"family_name": self.family_name, "given_name": self.given_name, "dob": self.dob}


@dataclass(frozen=True)
class ResultClaims:
    kind: str
    test: TestFacts | None = None  # for a test result
    holder: Holder | None = None  # for a test result (a certificate names the person itself)
    hc1: str | None = None  # for a certificate: the signed EU DCC

    def claims(self) -> dict[str, Any]:
        """The JWT claims to sign and seal (create_corsign adds iat and exp)."""
        body: dict[str, Any] = {"typ": CLAIMS_TYPE, "v": CLAIMS_VERSION, "kind": self.kind}
        if self.test is not None:
            body["test"] = self.test.claims()
        if self.holder is not None:
            body["holder"] = self.holder.claims()
        if self.hc1 is not None:
            body["hc1"] = self.hc1
        return body

    @classmethod
    def parse(cls, claims: Mapping[str, Any]) -> ResultClaims:
        if claims.get("typ") != CLAIMS_TYPE or claims.get("v") != CLAIMS_VERSION:
            raise ResultClaimsError("not a result token of version 1")
        kind = claims.get("kind")
        if kind == TEST_RESULT:
            return cls(kind=kind, test=_test(claims.get("test")), holder=_holder(claims.get("holder")))
        if kind in CERTIFICATE_KINDS:
            hc1 = claims.get("hc1")
            if not isinstance(hc1, str) or not hc1.startswith("HC1:") or len(hc1) > MAX_HC1_CHARS:
                raise ResultClaimsError("a certificate token carries its HC1 string")
            return cls(kind=str(kind), hc1=hc1)
        raise ResultClaimsError("unknown result kind")


def _text(value: Any, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT or not value.isprintable():
        raise ResultClaimsError("a text of the test is missing or not printable")
    return value.strip()


def _test(value: Any) -> TestFacts:
    if not isinstance(value, Mapping):
        raise ResultClaimsError("a test result carries its test")
    kind, outcome = value.get("type"), value.get("outcome")
    if kind not in TEST_TYPES or outcome not in TEST_OUTCOMES:
        raise ResultClaimsError("unknown test type or outcome")
    try:
        sampled_at = datetime.fromisoformat(str(value.get("sampled_at")))
    except ValueError:
        raise ResultClaimsError("the sample time is not a time") from None
    if sampled_at.tzinfo is None:
        raise ResultClaimsError("the sample time needs its offset")
    return TestFacts(type=str(kind), sampled_at=sampled_at, outcome=str(outcome), device=_text(value.get("device")),
                     test_name=_text(value.get("test_name")), center=_text(value.get("center")))


def _holder(value: Any) -> Holder:
    if not isinstance(value, Mapping):
        raise ResultClaimsError("a test result names its holder")
    return Holder(family_name=str(_text(value.get("family_name"), required=True)),
                  given_name=_text(value.get("given_name")) or "", dob=str(_text(value.get("dob"), required=True)))
