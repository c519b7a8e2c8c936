"""Display names from the EU DCC value sets (resources/dcc/valuesets)."""

from __future__ import annotations

import json
from functools import cache

from app.resources import resource

DISEASE = "disease-agent-targeted"
PROPHYLAXIS = "vaccine-prophylaxis"
PRODUCT = "vaccine-medicinal-product"
MANUFACTURER = "vaccine-mah-manf"
COUNTRY = "country-2-codes"
TEST_TYPE = "test-type"
TEST_RESULT = "test-result"
TEST_DEVICE = "test-manf"  # covid-19-lab-test-manufacturer-and-name: the rapid test devices


@cache
def _values(name: str) -> dict[str, str]:
    data = json.loads(resource("dcc", "valuesets", f"{name}.json").read_text(encoding="utf-8"))
    return {code: entry.get("display", code) for code, entry in data["valueSetValues"].items()}


def display(valueset: str, code: str) -> str:
    """The value set's display name, or the code itself when the set does not know it."""
    return _values(valueset).get(code, code)


def codes(valueset: str) -> frozenset[str]:
    return frozenset(_values(valueset))
